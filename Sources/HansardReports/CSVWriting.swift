/// RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, a quote or a line break.
public enum CSVWriting {
    /// One record, ending in CRLF.
    public static func record(_ fields: [String?]) -> String {
        var line = ""
        line.reserveCapacity(256)
        for (index, field) in fields.enumerated() {
            if index > 0 { line += "," }
            line += Self.field(field ?? "")
        }
        line += "\r\n"
        return line
    }

    static func field(_ text: String) -> String {
        // A byte scan: these four are ASCII, and Foundation's string search is slow on Linux.
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        var quoted = "\""
        quoted.reserveCapacity(text.utf8.count + 8)
        for character in text {
            if character == "\"" { quoted += "\"\"" } else { quoted.append(character) }
        }
        return quoted + "\""
    }
}

import Foundation
