import Foundation
import HansardAnalysis
import HansardIngestion
import HansardRegister

/// The index's timeline: commitments made and resolved per month, as an inline SVG drawn here.
///
/// Only months with something in them get a slot, so a register spanning a century stays readable; a
/// dashed line marks each gap between months that are not next to each other.
struct Timeline {
    struct Month: Hashable {
        /// `yyyy-MM`.
        var key: String
        var made = 0
        var resolved = 0
    }

    var months: [Month]

    /// The months of a register's figures, in order.
    init(months: [RegisterFigures.Month]) {
        self.months = months.map { Month(key: $0.key, made: $0.made, resolved: $0.resolved) }
    }

    static let madeColour = "#0b5f73"
    static let resolvedColour = "#2e9a4f"

    /// The chart, or a sentence when there is nothing to draw.
    func svg() -> String {
        guard !months.isEmpty else { return "<p class=\"muted\">No dated commitments yet.</p>" }
        // Wide enough to read on a desktop, and never so narrow that labels collide; phones scroll it.
        let slot = max(56, min(90, 880 / months.count))
        let left = 34
        let top = 18
        let plot = 150
        let bottom = 40
        let width = left + slot * months.count + 10
        let height = top + plot + bottom
        let peak = max(1, months.map { max($0.made, $0.resolved) }.max() ?? 1)
        let step = Self.tickStep(for: peak)
        let ceiling = ((peak + step - 1) / step) * step
        func y(_ value: Int) -> Int { top + plot - plot * value / ceiling }
        let made = months.reduce(0) { $0 + $1.made }
        let resolved = months.reduce(0) { $0 + $1.resolved }
        var output = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" \
            role="img" aria-labelledby="timeline-title" font-family="system-ui,sans-serif" font-size="11">
            <title id="timeline-title">Commitments made (\(made)) and resolved (\(resolved)) per month, \
            \(HTML.escape(months.first!.key)) to \(HTML.escape(months.last!.key))</title>

            """
        var tick = 0
        while tick <= ceiling {
            output +=
                "<line x1=\"\(left)\" x2=\"\(width - 6)\" y1=\"\(y(tick))\" y2=\"\(y(tick))\" stroke=\"#dfe3e8\"/>"
            output +=
                "<text x=\"\(left - 6)\" y=\"\(y(tick) + 4)\" text-anchor=\"end\" fill=\"#5d6776\">\(tick)</text>\n"
            tick += step
        }
        for (index, month) in months.enumerated() {
            let x = left + index * slot
            if index > 0, !Self.areConsecutive(months[index - 1].key, month.key) {
                output +=
                    "<line x1=\"\(x)\" x2=\"\(x)\" y1=\"\(top)\" y2=\"\(top + plot + 30)\" stroke=\"#9aa3ae\" "
                    + "stroke-dasharray=\"3 3\"/>\n"
            }
            let barWidth = 18
            let madeX = x + slot / 2 - barWidth - 1
            let resolvedX = x + slot / 2 + 1
            output +=
                "<g><title>\(HTML.escape(Self.label(month.key))): \(month.made) made, \(month.resolved) resolved</title>"
            if month.made > 0 {
                output +=
                    "<rect x=\"\(madeX)\" y=\"\(y(month.made))\" width=\"\(barWidth)\" "
                    + "height=\"\(y(0) - y(month.made))\" rx=\"2\" fill=\"\(Self.madeColour)\"/>"
                output +=
                    "<text x=\"\(madeX + barWidth / 2)\" y=\"\(y(month.made) - 4)\" text-anchor=\"middle\" "
                    + "fill=\"#1d2430\">\(month.made)</text>"
            }
            if month.resolved > 0 {
                output +=
                    "<rect x=\"\(resolvedX)\" y=\"\(y(month.resolved))\" width=\"\(barWidth)\" "
                    + "height=\"\(y(0) - y(month.resolved))\" rx=\"2\" fill=\"\(Self.resolvedColour)\"/>"
                output +=
                    "<text x=\"\(resolvedX + barWidth / 2)\" y=\"\(y(month.resolved) - 4)\" text-anchor=\"middle\" "
                    + "fill=\"#1d2430\">\(month.resolved)</text>"
            }
            let parts = month.key.split(separator: "-")
            let monthName =
                Int(parts.last ?? "").map { SittingDate.monthNames[max(0, min(11, $0 - 1))].prefix(3) } ?? ""
            output +=
                "<text x=\"\(x + slot / 2)\" y=\"\(top + plot + 15)\" text-anchor=\"middle\" fill=\"#1d2430\">"
                + "\(HTML.escape(String(monthName)))</text>"
            output +=
                "<text x=\"\(x + slot / 2)\" y=\"\(top + plot + 29)\" text-anchor=\"middle\" fill=\"#5d6776\">"
                + "\(HTML.escape(String(parts.first ?? "")))</text></g>\n"
        }
        output += "<line x1=\"\(left)\" x2=\"\(width - 6)\" y1=\"\(y(0))\" y2=\"\(y(0))\" stroke=\"#1d2430\"/>\n"
        output += "</svg>"
        return output
    }

    /// "March 2023" for "2023-03".
    static func label(_ key: String) -> String {
        let parts = key.split(separator: "-")
        guard parts.count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return key }
        return "\(SittingDate.monthNames[month - 1]) \(parts[0])"
    }

    static func areConsecutive(_ earlier: String, _ later: String) -> Bool {
        func number(_ key: String) -> Int? {
            let parts = key.split(separator: "-")
            guard parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
            return year * 12 + month
        }
        guard let a = number(earlier), let b = number(later) else { return false }
        return b == a + 1
    }

    static func tickStep(for peak: Int) -> Int {
        for step in [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000] where peak / step <= 5 { return step }
        return max(1, peak / 5)
    }
}
