import Crypto
import Foundation
import HansardIngestion

enum TextTools {
    /// How many runs of characters other than the space `text` has, counting no further than `limit`: its
    /// `split(separator: " ")` count, without making the pieces (by byte, so a space with a combining mark on
    /// it, one character to `split`, counts as a space here).
    static func spaceSeparatedRuns(_ text: String, upTo limit: Int = .max) -> Int {
        var runs = 0
        var inRun = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: " ") {
                inRun = false
            } else if !inRun {
                inRun = true
                runs += 1
                if runs >= limit { return limit }
            }
        }
        return runs
    }

    /// Foundation builds the set anew on every `CharacterSet.alphanumerics`; it is asked per character below.
    private static let alphanumerics = CharacterSet.alphanumerics

    /// Lower case, letters and digits only, single spaces: the text a stable id is made from.
    static func normalised(_ text: String) -> String {
        var output = ""
        var pendingSpace = false
        for scalar in text.lowercased().unicodeScalars {
            // ASCII letters and digits are the alphanumerics of ASCII; the set is asked only of other scalars.
            let isAlphanumeric =
                scalar.isASCII
                ? (scalar.value >= 0x30 && scalar.value <= 0x39) || (scalar.value >= 0x61 && scalar.value <= 0x7A)
                    || (scalar.value >= 0x41 && scalar.value <= 0x5A)
                : alphanumerics.contains(scalar)
            if isAlphanumeric {
                if pendingSpace && !output.isEmpty { output.append(" ") }
                pendingSpace = false
                output.unicodeScalars.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return output
    }

    /// The first 16 hex digits of the SHA-256 of the parts joined by newlines.
    static func digest(_ parts: [String]) -> String {
        Hex.string(SHA256.hash(data: Array(parts.joined(separator: "\n").utf8)).prefix(8))
    }

    static func collapseWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
