import Crypto
import Foundation
import HansardIngestion

enum TextTools {
    /// Lower case, letters and digits only, single spaces: the text a stable id is made from.
    static func normalised(_ text: String) -> String {
        var output = ""
        var pendingSpace = false
        for scalar in text.lowercased().unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
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
