import Foundation

/// A plain-text table that fits a width without cutting anything: long cells wrap within their column, and when
/// even that is too wide the least useful columns are left out, lowest ``Column/priority`` first.
public struct TextTable: Sendable {
    /// One column: its header, whether its text may wrap, and how readily it is given up.
    public struct Column: Sendable, Hashable {
        /// The column's name, as the table's first line shows it.
        public var header: String
        /// Whether long cells wrap onto more lines (at spaces, or inside a word longer than the column).
        public var wraps: Bool
        /// The narrowest a wrapping column is made before columns are left out.
        public var minimum: Int
        /// The widest the column is made, however long its cells; nil for no limit.
        public var maximum: Int?
        /// Columns with the lowest priority are left out first when the table is too wide; `Int.max` never.
        public var priority: Int

        /// A column; by default one that wraps and is never left out.
        public init(_ header: String, wraps: Bool = true, minimum: Int = 12, maximum: Int? = nil, priority: Int = .max)
        {
            self.header = header
            self.wraps = wraps
            self.minimum = minimum
            self.maximum = maximum
            self.priority = priority
        }
    }

    /// The columns, in order.
    public var columns: [Column]
    /// One array of cells per row, in column order.
    public var rows: [[String]]

    /// A table of `rows` in `columns`.
    public init(columns: [Column], rows: [[String]]) {
        self.columns = columns
        self.rows = rows
    }

    /// A table whose `flexibleColumn` wraps and gives up width first; the others wrap at `maximumWidths`.
    public init(headers: [String], rows: [[String]], flexibleColumn: Int, maximumWidths: [Int?] = []) {
        columns = headers.enumerated().map { index, header in
            let limit = index < maximumWidths.count ? maximumWidths[index] : nil
            return Column(
                header, wraps: index == flexibleColumn || limit != nil, minimum: index == flexibleColumn ? 16 : 8,
                maximum: limit.map { max($0, header.count) })
        }
        self.rows = rows
    }

    /// What a rendering shows and leaves out.
    public struct Rendering: Sendable {
        /// The table's lines.
        public var text: String
        /// The headers of the columns left out to fit the width.
        public var omitted: [String]
    }

    /// Renders the table in at most `width` columns of text, when the columns that are never left out fit.
    public func render(width: Int) -> String { layout(width: width).text }

    /// Renders the table and says which columns it left out.
    public func layout(width: Int) -> Rendering {
        let gap = 2
        let cells = rows.map { $0.map(Self.oneLine) }
        var natural = columns.map { Self.displayWidth(Self.oneLine($0.header)) }
        for row in cells {
            for (index, cell) in row.enumerated() where index < natural.count {
                natural[index] = max(natural[index], Self.displayWidth(cell))
            }
        }
        for (index, column) in columns.enumerated() {
            if let limit = column.maximum { natural[index] = min(natural[index], limit) }
        }
        var visible = Array(columns.indices)
        var widths = natural
        while true {
            widths = natural
            func total() -> Int { visible.map { widths[$0] }.reduce(0, +) + gap * max(0, visible.count - 1) }
            // Narrow wrapping columns one character at a time, down to their minimums: the least useful first,
            // the widest of those first, so the columns never left out keep their room longest.
            while total() > width {
                let candidates = visible.filter {
                    columns[$0].wraps && widths[$0] > max(columns[$0].minimum, Self.displayWidth(columns[$0].header))
                }
                guard
                    let next = candidates.max(by: {
                        (-columns[$0].priority, widths[$0]) < (-columns[$1].priority, widths[$1])
                    })
                else { break }
                widths[next] -= 1
            }
            if total() <= width { break }
            let droppable = visible.filter { columns[$0].priority != .max }
            guard let least = droppable.min(by: { (columns[$0].priority, -$0) < (columns[$1].priority, -$1) }) else {
                break
            }
            visible.removeAll { $0 == least }
        }
        func line(_ parts: [String]) -> String {
            var joined = ""
            for (position, index) in visible.enumerated() {
                let text = parts[position]
                joined += text
                if position < visible.count - 1 {
                    joined += String(repeating: " ", count: widths[index] - Self.displayWidth(text) + gap)
                }
            }
            while joined.last == " " { joined.removeLast() }
            return joined
        }
        func wrapped(_ row: [String]) -> [String] {
            let pieces = visible.map { index -> [String] in
                let cell = index < row.count ? row[index] : ""
                return columns[index].wraps || Self.displayWidth(cell) > widths[index]
                    ? Self.wrap(cell, width: widths[index]) : [cell]
            }
            let height = pieces.map(\.count).max() ?? 1
            return (0..<height).map { number in line(pieces.map { number < $0.count ? $0[number] : "" }) }
        }
        var output = wrapped(columns.map { Self.oneLine($0.header) }).joined(separator: "\n") + "\n"
        output += line(visible.map { String(repeating: "-", count: widths[$0]) }) + "\n"
        let bodies = cells.map(wrapped)
        // Rows that wrap are told apart by a blank line between them.
        let separated = bodies.contains { $0.count > 1 }
        for (index, body) in bodies.enumerated() {
            if separated && index > 0 { output += "\n" }
            output += body.joined(separator: "\n") + "\n"
        }
        let omitted = columns.indices.filter { !visible.contains($0) }.map { columns[$0].header }
        return Rendering(text: output, omitted: omitted)
    }

    /// The text in lines of at most `width` characters, broken at spaces, and inside words longer than a line.
    static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        if displayWidth(text) <= width { return [text] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = String(word)
            while displayWidth(word) > width {
                if !current.isEmpty {
                    lines.append(current)
                    current = ""
                }
                // After a hyphen when there is one in reach ("Disconto-" / "Gesellschaft"), else at the width.
                let head = word.prefix(width)
                let cut = head.lastIndex(of: "-").map { head.distance(from: head.startIndex, to: $0) + 1 } ?? width
                let take = cut > 1 ? cut : width
                lines.append(String(word.prefix(take)))
                word = String(word.dropFirst(take))
            }
            if current.isEmpty {
                current = word
            } else if displayWidth(current) + 1 + displayWidth(word) <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// The columns `text` takes on a terminal: one per character (the quotes and names in Hansard are Latin script).
    static func displayWidth(_ text: String) -> Int { text.count }

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
            if byte == 0xC2, index + 1 < bytes.count,
                bytes[index + 1] == 0xA0 || (0x80...0x9F).contains(bytes[index + 1])
            {
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
