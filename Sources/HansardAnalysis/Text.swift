import Crypto
import Foundation

enum TextTools {
    /// Abbreviations after which a full stop does not end a sentence.
    private static let abbreviations: Set<String> = [
        "hon", "mr", "mrs", "ms", "dr", "st", "no", "nos", "col", "cols", "gen", "lt", "rt", "cf", "viz", "vol",
        "cmnd", "cmd", "co", "ltd", "bros", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "prof", "rev", "capt", "maj", "sgt", "cllr", "para", "paras", "art", "sec", "etc", "approx",
        "c", "cc", "p", "pp", "e.g", "i.e", "op", "cit", "ibid", "per", "cent", "inc", "govt", "dept",
    ]

    /// Splits text into sentences at `.`, `?` and `!` followed by space and a capital or opening quote,
    /// except after abbreviations and initials ("hon.", "Mr.", "D.S.I.R.").
    static func sentences(_ text: String) -> [String] {
        let characters = Array(text)
        var result: [String] = []
        var start = 0
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "." || character == "?" || character == "!" {
                var end = index + 1
                // Closing quotes and brackets belong to the sentence they close.
                while end < characters.count, "\"”’')]".contains(characters[end]) { end += 1 }
                var next = end
                while next < characters.count, characters[next].isWhitespace { next += 1 }
                let hasSpace = next > end
                let startsNew = next >= characters.count
                    || (hasSpace && (characters[next].isUppercase || "“\"‘'([—".contains(characters[next])
                        || characters[next].isNumber))
                if startsNew && !(character == "." && isAbbreviation(characters, before: index)) {
                    let sentence = String(characters[start..<end]).trimmingCharacters(in: .whitespacesAndNewlines)
                    if !sentence.isEmpty { result.append(sentence) }
                    start = next
                    index = next
                    continue
                }
            }
            index += 1
        }
        if start < characters.count {
            let sentence = String(characters[start...]).trimmingCharacters(in: .whitespacesAndNewlines)
            if !sentence.isEmpty { result.append(sentence) }
        }
        return result
    }

    private static func isAbbreviation(_ characters: [Character], before index: Int) -> Bool {
        var wordStart = index
        while wordStart > 0, !characters[wordStart - 1].isWhitespace, !"(“\"‘[—".contains(characters[wordStart - 1]) {
            wordStart -= 1
        }
        let word = String(characters[wordStart..<index]).lowercased()
        if word.isEmpty { return false }
        if word.count == 1, word.first!.isLetter { return true }
        if word.contains(".") { return true }
        return abbreviations.contains(word)
    }

    /// Lower case, letters and digits only, single spaces: the text a stable id is made from.
    /// Foundation builds the set anew on every `CharacterSet.alphanumerics`; it is asked per character below.
    private static let alphanumerics = CharacterSet.alphanumerics

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
        let hash = SHA256.hash(data: Array(parts.joined(separator: "\n").utf8))
        let hex = Array("0123456789abcdef")
        var output = ""
        for byte in hash.prefix(8) {
            output.append(hex[Int(byte >> 4)])
            output.append(hex[Int(byte & 0x0F)])
        }
        return output
    }

    static func collapseWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
