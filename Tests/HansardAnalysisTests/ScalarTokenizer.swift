@testable import HansardAnalysis

/// The tokenizer as it read the Unicode scalar view, before it read UTF-8 bytes: ``TokenizerTests`` holds the
/// byte reading to it.
extension Tokenizer {
    /// ``Tokenizer/tokens(_:)`` over the string's Unicode scalar view: the reading the analysis used before it
    /// read bytes, kept as the tests' reference.
    static func scalarTokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(text.utf8.count / 5)
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar.isASCII
                ? (scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r") : scalar.properties.isWhitespace
            {
                index = scalars.index(after: index)
                continue
            }
            if isLetter(scalar) || isDigit(scalar) {
                let start = index
                var end = scalars.index(after: index)
                var allDigits = isDigit(scalar)
                while end < scalars.endIndex {
                    let next = scalars[end]
                    if isLetter(next) || isDigit(next) {
                        if !isDigit(next) { allDigits = false }
                        end = scalars.index(after: end)
                        continue
                    }
                    // A hyphen, apostrophe or (in numbers) comma or point joins when a letter or digit follows.
                    let after = scalars.index(after: end)
                    guard after < scalars.endIndex else { break }
                    let following = scalars[after]
                    let joins: Bool
                    switch next {
                    case "-", "\u{2011}":
                        joins = isLetter(following) || isDigit(following)
                    case "'", "\u{2019}":
                        // "n't" and "'ll" split off below; a name's apostrophe ("O'Brien") joins.
                        joins = isLetter(following) && !scalarIsClitic(scalars, from: after)
                    case ",", ".":
                        joins = allDigits && isDigit(following)
                    default:
                        joins = false
                    }
                    guard joins else { break }
                    end = scalars.index(after: after)
                }
                index = scalarAppendWord(start: start, end: end, scalars: scalars, allDigits: allDigits, to: &tokens)
                continue
            }
            if scalar == "'" || scalar == "\u{2019}" {
                // A clitic after a word: "I'll", "won't", "Government's".
                let after = scalars.index(after: index)
                if let last = tokens.last, last.isWord, last.range.upperBound == index, after < scalars.endIndex,
                    isLetter(scalars[after])
                {
                    var end = after
                    while end < scalars.endIndex, isLetter(scalars[end]) { end = scalars.index(after: end) }
                    let word = String(scalars[after..<end]).lowercased()
                    if let spelt = clitics[word] {
                        tokens.append(
                            Token(kind: .word, norm: spelt, range: index..<end, capitalised: false))
                        index = end
                        continue
                    }
                }
            }
            let next = scalars.index(after: index)
            let norm = scalar == "\u{2019}" || scalar == "\u{2018}" ? "'" : String(scalar)
            tokens.append(Token(kind: .mark, norm: norm, range: index..<next, capitalised: false))
            if scalar == ".", tokens.count >= 2, tokens[tokens.count - 2].isWord,
                tokens[tokens.count - 2].range.upperBound == index
            {
                tokens[tokens.count - 2].dotted = true
            }
            index = next
        }
        return tokens
    }

    /// Appends the word (or the word and its "n't"), returning where the next token starts.
    private static func scalarAppendWord(
        start: String.Index, end: String.Index, scalars: String.UnicodeScalarView, allDigits: Bool,
        to tokens: inout [Token]
    ) -> String.Index {
        let length = scalars.distance(from: start, to: end)
        let norm: String
        if scalars[start..<end].allSatisfy(\.isASCII) {
            // Most words are ASCII: lower-cased straight into the string's storage, not scalar by scalar.
            norm = String(unsafeUninitializedCapacity: length) { buffer in
                var count = 0
                for scalar in scalars[start..<end] {
                    let byte = UInt8(truncatingIfNeeded: scalar.value)
                    buffer[count] = byte >= 65 && byte <= 90 ? byte + 32 : byte
                    count += 1
                }
                return count
            }
        } else {
            var folded = ""
            folded.reserveCapacity(length)
            for scalar in scalars[start..<end] {
                if scalar.isASCII {
                    let value = scalar.value
                    folded.unicodeScalars.append(value >= 65 && value <= 90 ? Unicode.Scalar(value + 32)! : scalar)
                } else if scalar == "\u{2019}" || scalar == "\u{2011}" {
                    folded.unicodeScalars.append(scalar == "\u{2019}" ? "'" : "-")
                } else {
                    folded.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                }
            }
            norm = folded
        }
        let first = scalars[start]
        let capitalised = first.isASCII ? (first.value >= 65 && first.value <= 90) : first.properties.isUppercase
        // "won't", "can't", "shan't", "don't": the "n" belongs to "n't", which the next step splits off.
        if norm.hasSuffix("n"), end < scalars.endIndex, scalars[end] == "'" || scalars[end] == "\u{2019}" {
            let afterApostrophe = scalars.index(after: end)
            if afterApostrophe < scalars.endIndex, scalars[afterApostrophe] == "t" || scalars[afterApostrophe] == "T",
                scalars.index(after: afterApostrophe) == scalars.endIndex
                    || !isLetter(scalars[scalars.index(after: afterApostrophe)])
            {
                let stemEnd = scalars.index(before: end)
                var stem = String(norm.dropLast())
                switch stem {
                case "wo": stem = "will"
                case "ca": stem = "can"
                case "sha": stem = "shall"
                case "": stem = "not"
                default: break
                }
                if start < stemEnd {
                    tokens.append(Token(kind: .word, norm: stem, range: start..<stemEnd, capitalised: capitalised))
                }
                let notEnd = scalars.index(after: afterApostrophe)
                tokens.append(Token(kind: .word, norm: "not", range: stemEnd..<notEnd, capitalised: false))
                return notEnd
            }
        }
        if norm == "cannot" {
            let middle = scalars.index(start, offsetBy: 3)
            tokens.append(Token(kind: .word, norm: "can", range: start..<middle, capitalised: capitalised))
            tokens.append(Token(kind: .word, norm: "not", range: middle..<end, capitalised: false))
            return end
        }
        tokens.append(
            Token(kind: allDigits ? .number : .word, norm: norm, range: start..<end, capitalised: capitalised))
        return end
    }

    private static func scalarIsClitic(_ scalars: String.UnicodeScalarView, from index: String.Index) -> Bool {
        var end = index
        var word = ""
        while end < scalars.endIndex, isLetter(scalars[end]) {
            word.unicodeScalars.append(contentsOf: scalars[end].properties.lowercaseMapping.unicodeScalars)
            end = scalars.index(after: end)
            if word.count > 2 { return false }
        }
        return clitics[word] != nil || word == "t"
    }
}
