import Foundation
import HansardAnalysis
import HansardIngestion
import HansardRegister

/// Building blocks for the HTML report: escaping and the page frame every page shares.
///
/// Every piece of text that came from a page or the register goes through ``escape(_:)``; markup is only
/// ever made from the literals in this folder (and, for `hansard serve`'s forms, from HansardServe's, which escapes
/// through the same function).
public enum HTML {
    /// Text safe in element content and in double-quoted attribute values.
    public static func escape(_ text: String) -> String {
        // By byte: the five characters escaped are ASCII, and no byte of a longer UTF-8 sequence is. Going by
        // Unicode scalar was a fifth of a large report's time.
        var text = text
        let escaped = text.withUTF8 { bytes -> String? in
            var extra = 0
            for byte in bytes { extra += escapedLength(byte) }
            guard extra > 0 else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count + extra) { output in
                var at = 0
                func put(_ literal: StaticString) {
                    let source = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
                    _ = UnsafeMutableBufferPointer(rebasing: output[at...]).initialize(fromContentsOf: source)
                    at += source.count
                }
                for byte in bytes {
                    switch byte {
                    case UInt8(ascii: "&"): put("&amp;")
                    case UInt8(ascii: "<"): put("&lt;")
                    case UInt8(ascii: ">"): put("&gt;")
                    case UInt8(ascii: "\""): put("&quot;")
                    case UInt8(ascii: "'"): put("&#39;")
                    default:
                        output[at] = byte
                        at += 1
                    }
                }
                return at
            }
        }
        return escaped ?? text
    }

    /// How many bytes ``escape(_:)`` adds for `byte`.
    @inline(__always)
    private static func escapedLength(_ byte: UInt8) -> Int {
        switch byte {
        case UInt8(ascii: "&"): return 4
        case UInt8(ascii: "<"), UInt8(ascii: ">"): return 3
        case UInt8(ascii: "\""): return 5
        case UInt8(ascii: "'"): return 4
        default: return 0
        }
    }

    /// Escapes an optional, giving "" for nil.
    public static func escape(_ text: String?) -> String { text.map { escape($0) } ?? "" }

    /// The URL when it is a plain http(s) link, so a page cannot smuggle `javascript:` into an href.
    static func webLink(_ url: String?) -> String? {
        guard let url = url?.trimmingCharacters(in: .whitespaces) else { return nil }
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
        return url
    }

    /// A file name made only of letters, digits, '-' and '_' (register ids already are; this is a guard).
    public static func fileName(_ id: String) -> String {
        String(
            id.unicodeScalars.map {
                $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
                    ? Character($0) : "_"
            })
    }

    /// A whole page: the style sheet and any script are inline, so the page opens from the file system.
    /// - Parameters:
    ///   - title: plain text.
    ///   - body: markup.
    ///   - script: inline JavaScript, or nil for none.
    /// - Returns: the page's HTML, from the DOCTYPE to the closing tag.
    public static func page(title: String, body: String, script: String? = nil) -> String {
        var output = """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="hansard">
            <meta name="color-scheme" content="light">
            <title>\(escape(title))</title>
            <style>
            \(ReportStyle.css)</style>
            </head>
            <body>

            """
        output += body
        if let script { output += "<script>\n\(script)</script>\n" }
        output += "</body>\n</html>\n"
        return output
    }

    /// "1 commitment", "3 commitments".
    static func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(number) " + (number == 1 ? singular : plural ?? singular + "s")
    }

    /// "House of Lords" for `.lords`.
    static func houseName(_ house: String?) -> String {
        switch house {
        case "commons": return "House of Commons"
        case "lords": return "House of Lords"
        default: return "House not known"
        }
    }

    /// A status as a reader says it.
    public static func statusName(_ status: String) -> String {
        status.replacingOccurrences(of: "-", with: " ")
    }

    /// "8 March 2023" for "2023-03-08"; the text itself when it is not a date.
    static func longDate(_ date: SittingDate?) -> String { date?.spelledOut ?? "undated" }

    /// "3 years 2 months", "45 days": an age a reader takes in at a glance.
    static func duration(days: Int) -> String {
        if days < 60 { return count(days, "day") }
        if days < 730 { return count(days / 30, "month") }
        let years = days / 365
        let months = (days % 365) / 30
        return months == 0 || years >= 10 ? count(years, "year") : count(years, "year") + " " + count(months, "month")
    }
}
