/// RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, a quote or a line break.
public enum CSVWriting {
    /// One record, ending in CRLF.
    public static func record(_ fields: [String?]) -> String {
        fields.map { field($0 ?? "") }.joined(separator: ",") + "\r\n"
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

import Foundation
