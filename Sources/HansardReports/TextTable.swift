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
        var widths = headers.map { Self.oneLine($0).count }
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
            var joined = parts.joined(separator: String(repeating: " ", count: gap))
            while joined.last == " " { joined.removeLast() }
            return joined
        }
        var output = line(headers.map(Self.oneLine)) + "\n"
        output.reserveCapacity(rows.count * (width + 1))
        output += line(widths.map { String(repeating: "-", count: $0) }) + "\n"
        for row in rows { output += line(row.map(Self.oneLine)) + "\n" }
        return output
    }

    /// Folds line breaks and runs of white space so a cell stays on one line, and writes any other control
    /// character visibly (``ControlCharacters``): a cell from a page or a user never drives the terminal.
    public static func oneLine(_ text: String) -> String {
        // Most cells are already one line with single spaces: check the bytes before splitting.
        if !needsFolding(text) { return text }
        return ControlCharacters.escaped(text.split(whereSeparator: \.isWhitespace).joined(separator: " "))
    }

    /// Whether `text` has a control character (C0, DEL or C1), a leading, trailing or double space, or a
    /// Unicode space.
    static func needsFolding(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, let last = bytes.last else { return false }
        if first == 0x20 || last == 0x20 { return true }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 || byte == 0x7F { return true }
            if byte == 0x20, index + 1 < bytes.count, bytes[index + 1] == 0x20 { return true }
            if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 || (0x80...0x9F).contains(bytes[index + 1]) {
                return true
            }
            if byte == 0xE2, index + 2 < bytes.count {
                let (second, third) = (bytes[index + 1], bytes[index + 2])
                if second == 0x80 && (third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF) { return true }
                if second == 0x81 && third == 0x9F { return true }
            }
            if byte == 0xE3, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 { return true }
            if byte == 0xE1, index + 2 < bytes.count, bytes[index + 1] == 0x9A, bytes[index + 2] == 0x80 { return true }
            index += 1
        }
        return false
    }
}

import Foundation
