/// A plain-text table sized to a width: the flexible column is cut (with "…") so each row fits one line.
public struct TextTable: Sendable {
    public var headers: [String]
    public var rows: [[String]]
    /// The column that gives up width when the table is too wide (usually the quote).
    public var flexibleColumn: Int
    /// Widest each column may be (nil for no limit); longer cells are cut with "…".
    public var maximumWidths: [Int?]

    public init(headers: [String], rows: [[String]], flexibleColumn: Int, maximumWidths: [Int?] = []) {
        self.headers = headers
        self.rows = rows
        self.flexibleColumn = flexibleColumn
        self.maximumWidths = maximumWidths
    }

    /// Renders the table in at most `width` columns of text.
    public func render(width: Int) -> String {
        let gap = 2
        var widths = headers.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], Self.oneLine(cell).count)
            }
        }
        for (index, limit) in maximumWidths.enumerated() where index < widths.count {
            if let limit { widths[index] = min(widths[index], max(limit, headers[index].count)) }
        }
        let fixed = widths.enumerated().filter { $0.offset != flexibleColumn }.map(\.element).reduce(0, +)
            + gap * (widths.count - 1)
        if flexibleColumn < widths.count {
            widths[flexibleColumn] = max(12, min(widths[flexibleColumn], width - fixed))
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, cell) in cells.enumerated() where index < widths.count {
                let fitted = cell.count > widths[index] ? String(cell.prefix(widths[index] - 1)) + "…" : cell
                let isLast = index == widths.count - 1
                parts.append(isLast ? fitted : fitted + String(repeating: " ", count: widths[index] - fitted.count))
            }
            return parts.joined(separator: String(repeating: " ", count: gap))
                .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        var output = line(headers) + "\n"
        output += line(widths.map { String(repeating: "-", count: $0) }) + "\n"
        for row in rows { output += line(row.map(Self.oneLine)) + "\n" }
        return output
    }

    /// Folds line breaks and runs of white space so a cell stays on one line.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

import Foundation
