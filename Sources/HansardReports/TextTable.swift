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
                    Self.appendSpaces(widths[index] - Self.displayWidth(text) + gap, to: &joined)
                }
            }
            // Trailing spaces, counted by byte: a space at the end is one character, never part of another.
            let trailing = joined.utf8.reversed().prefix { $0 == 0x20 }.count
            if trailing > 0 { joined.removeLast(trailing) }
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
        // ASCII text by byte (one character each): splitting it by Character was a tenth of a long table's time.
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            return wrap(Array(text.utf8), width: width, space: 0x20, hyphen: 0x2D) {
                String(decoding: $0, as: UTF8.self)
            }
        }
        return wrap(Array(text), width: width, space: " ", hyphen: "-") { String($0) }
    }

    /// ``wrap(_:width:)`` over the text's characters (or, for ASCII, its bytes), `string` making a line of them.
    private static func wrap<Unit: Equatable>(
        _ units: [Unit], width: Int, space: Unit, hyphen: Unit, string: (ArraySlice<Unit>) -> String
    ) -> [String] {
        var lines: [String] = []
        var current: [Unit] = []
        for piece in units.split(separator: space) {
            var word = piece
            while word.count > width {
                if !current.isEmpty {
                    lines.append(string(current[...]))
                    current = []
                }
                // After a hyphen when there is one in reach ("Disconto-" / "Gesellschaft"), else at the width.
                let head = word.prefix(width)
                let cut = head.lastIndex(of: hyphen).map { head.distance(from: head.startIndex, to: $0) + 1 } ?? width
                let take = cut > 1 ? cut : width
                lines.append(string(word.prefix(take)))
                word = word.dropFirst(take)
            }
            if current.isEmpty {
                current = Array(word)
            } else if current.count + 1 + word.count <= width {
                current.append(space)
                current += word
            } else {
                lines.append(string(current[...]))
                current = Array(word)
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(string(current[...])) }
        return lines
    }

    /// The columns `text` takes on a terminal: one per character (the quotes and names in Hansard are Latin script).
    static func displayWidth(_ text: String) -> Int {
        // ASCII text has one character per byte; counting characters runs the grapheme rules over every one, and
        // was a tenth of a long table's time.
        // (CR LF is one character of two bytes.)
        text.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D } ? text.utf8.count : text.count
    }

    /// Runs of 0 to 255 spaces, made once.
    private static let spaceRuns = (0..<256).map { String(repeating: " ", count: $0) }

    /// Appends `count` spaces (none when `count` is not positive).
    private static func appendSpaces(_ count: Int, to text: inout String) {
        guard count > 0 else { return }
        text += count < spaceRuns.count ? spaceRuns[count] : String(repeating: " ", count: count)
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
