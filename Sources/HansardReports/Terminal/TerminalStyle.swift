import Foundation

/// ANSI colour for text tables on a terminal: on only when writing to a TTY and `NO_COLOR` is unset
/// (https://no-color.org), so piped output and files stay plain.
public struct TerminalStyle: Sendable, Hashable {
    /// Whether colour codes are written.
    public var enabled: Bool

    /// A style with colour on or off; ``detect(isTerminal:environment:)`` decides for a real terminal.
    public init(enabled: Bool) { self.enabled = enabled }

    /// Colour when `isTerminal` and the environment has no (non-empty) `NO_COLOR`; `TERM=dumb` turns it off too.
    public static func detect(isTerminal: Bool, environment: [String: String]? = nil) -> TerminalStyle {
        let environment = environment ?? ProcessInfo.processInfo.environment
        let noColour = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return TerminalStyle(enabled: isTerminal && !noColour && environment["TERM"] != "dumb")
    }

    static let reset = "\u{1B}[0m"
    static let bold = "\u{1B}[1m"
    static let dim = "\u{1B}[2m"
    static let red = "\u{1B}[1;31m"
    static let green = "\u{1B}[32m"
    static let yellow = "\u{1B}[33m"

    /// Colours a ``TextTable`` rendering (and the lines around it): headers bold, rules dim, `OVERDUE …` red, resolved
    /// statuses green, warnings yellow.
    ///
    /// Only escape codes are added, so columns stay aligned.
    public func table(_ text: String) -> String {
        guard enabled else { return text }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for index in lines.indices {
            let line = lines[index]
            let next = index + 1 < lines.count ? lines[index + 1] : ""
            if !line.isEmpty, Self.isRule(next) {
                lines[index] = Self.bold + line + Self.reset
            } else if Self.isRule(line) {
                lines[index] = Self.dim + line + Self.reset
            } else {
                lines[index] = Self.highlight(line)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A table's rule line: dashes separated by spaces.
    static func isRule(_ line: String) -> Bool {
        line.contains("--") && line.allSatisfy { $0 == "-" || $0 == " " }
    }

    static func highlight(_ line: String) -> String {
        var output = line
        if let range = output.range(of: #"OVERDUE( \d+d)?"#, options: .regularExpression) {
            output.replaceSubrange(range, with: red + output[range] + reset)
        }
        for word in ["partly-fulfilled", "fulfilled", "confirmed"] {
            if let range = output.range(of: "  " + word + " ") ?? output.range(of: "  " + word, options: .anchored) {
                output.replaceSubrange(range, with: green + output[range] + reset)
                break
            }
        }
        for word in ["withdrawn", "lapsed", "Warning:", "not in text"] {
            if let range = output.range(of: word) {
                output.replaceSubrange(range, with: yellow + output[range] + reset)
                break
            }
        }
        return output
    }
}
