/// A word, number or mark of a paragraph, with where it stands in the paragraph.
///
/// Every later step reads tokens, not strings: a paragraph is tokenised once, and lexicon look-ups are set and
/// dictionary look-ups on `norm`.
struct Token: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case word
        case number
        case mark
    }

    var kind: Kind
    /// Lower case with typographic apostrophes folded; contractions spelt out ("'ll" is "will", "n't" is "not",
    /// "wo" of "won't" is "will", "ca" of "can't" is "can").
    var norm: String
    /// Where the token's characters stand in the paragraph.
    var range: Range<String.Index>
    /// The token begins with an upper-case letter.
    var capitalised: Bool
    /// A full stop directly follows the word with no space ("hon.", "Mr.", "D.S.I.R."): the splitter decides
    /// whether it ends a sentence.
    var dotted: Bool = false

    var isWord: Bool { kind == .word }
}

/// Splits a paragraph into tokens.
enum Tokenizer {
    /// Contractions written as a separate token after an apostrophe, spelt out.
    static let clitics: [String: String] = [
        "ll": "will", "re": "are", "ve": "have", "m": "am", "d": "would", "s": "'s",
    ]

    /// Tokens of `text`.
    ///
    /// Words keep internal hyphens and apostrophes of names ("O'Brien", "re-examine"); numbers keep internal commas and
    /// points ("1,500", "2.5"); each other mark is a token of its own.
    ///
    /// Read by UTF-8 byte (``ByteReader``): walking the string's Unicode scalar view validated every index it
    /// made. The tests hold this reading to the same one over the scalar view (`ScalarTokenizer.swift`).
    static func tokens(_ text: String) -> [Token] {
        var copy = text
        copy.makeContiguousUTF8()
        return copy.withUTF8 { bytes in
            var reader = ByteReader(text: text, bytes: bytes)
            return reader.tokens()
        }
    }

    @inline(__always) static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 65 && value <= 90) || (value >= 97 && value <= 122)
        }
        return scalar.properties.isAlphabetic
    }

    @inline(__always) static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 48 && scalar.value <= 57
    }
}

extension Tokenizer {
    /// The tokenizer over a paragraph's UTF-8 bytes, by offset; String indices are made only for the tokens'
    /// ranges, each from the one before.
    private struct ByteReader {
        let text: String
        let bytes: UnsafeBufferPointer<UInt8>
        private var lastOffset = 0
        private var lastIndex: String.Index

        init(text: String, bytes: UnsafeBufferPointer<UInt8>) {
            self.text = text
            self.bytes = bytes
            lastIndex = text.utf8.startIndex
        }

        /// The scalar at `offset` and its length in bytes (the string is valid UTF-8).
        @inline(__always) func scalar(at offset: Int) -> (Unicode.Scalar, Int) {
            let lead = bytes[offset]
            if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
            var value: UInt32
            let length: Int
            if lead < 0xE0 {
                value = UInt32(lead & 0x1F)
                length = 2
            } else if lead < 0xF0 {
                value = UInt32(lead & 0x0F)
                length = 3
            } else {
                value = UInt32(lead & 0x07)
                length = 4
            }
            for next in 1..<length { value = value << 6 | UInt32(bytes[offset + next] & 0x3F) }
            return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
        }

        @inline(__always) func isLetter(at offset: Int) -> Bool { Tokenizer.isLetter(scalar(at: offset).0) }

        @inline(__always) func isDigit(at offset: Int) -> Bool { Tokenizer.isDigit(Unicode.Scalar(bytes[offset])) }

        /// The string index of `offset`, made by stepping from the last one made (offsets only grow within a token
        /// list, except for the one step back of "n't").
        mutating func index(_ offset: Int) -> String.Index {
            let index = text.utf8.index(lastIndex, offsetBy: offset - lastOffset)
            lastIndex = index
            lastOffset = offset
            return index
        }

        mutating func range(_ start: Int, _ end: Int) -> Range<String.Index> {
            let lower = index(start)
            return lower..<index(end)
        }

        mutating func tokens() -> [Token] {
            var tokens: [Token] = []
            tokens.reserveCapacity(bytes.count / 5)
            // Offsets of the tokens' ends, to compare with the next token's start as the scalar reading compared
            // indices.
            var lastEnd = -1
            var offset = 0
            let count = bytes.count
            while offset < count {
                let (scalar, length) = scalar(at: offset)
                if scalar.isASCII
                    ? (scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r")
                    : scalar.properties.isWhitespace
                {
                    offset += length
                    continue
                }
                if isLetter(at: offset) || isDigit(at: offset) {
                    let start = offset
                    var end = offset + length
                    var allDigits = isDigit(at: offset)
                    while end < count {
                        let (next, nextLength) = self.scalar(at: end)
                        if isLetter(at: end) || isDigit(at: end) {
                            if !isDigit(at: end) { allDigits = false }
                            end += nextLength
                            continue
                        }
                        // A hyphen, apostrophe or (in numbers) comma or point joins when a letter or digit follows.
                        let after = end + nextLength
                        guard after < count else { break }
                        let joins: Bool
                        switch next {
                        case "-", "\u{2011}":
                            joins = isLetter(at: after) || isDigit(at: after)
                        case "'", "\u{2019}":
                            // "n't" and "'ll" split off below; a name's apostrophe ("O'Brien") joins.
                            joins = isLetter(at: after) && !isClitic(from: after)
                        case ",", ".":
                            joins = allDigits && isDigit(at: after)
                        default:
                            joins = false
                        }
                        guard joins else { break }
                        end = after + self.scalar(at: after).1
                    }
                    offset = appendWord(start: start, end: end, allDigits: allDigits, to: &tokens, lastEnd: &lastEnd)
                    continue
                }
                if scalar == "'" || scalar == "\u{2019}" {
                    // A clitic after a word: "I'll", "won't", "Government's".
                    let after = offset + length
                    if let last = tokens.last, last.isWord, lastEnd == offset, after < count, isLetter(at: after) {
                        var end = after
                        while end < count, isLetter(at: end) { end += self.scalar(at: end).1 }
                        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[after..<end]), as: UTF8.self)
                            .lowercased()
                        if let spelt = clitics[word] {
                            tokens.append(
                                Token(kind: .word, norm: spelt, range: range(offset, end), capitalised: false))
                            lastEnd = end
                            offset = end
                            continue
                        }
                    }
                }
                let next = offset + length
                let norm = scalar == "\u{2019}" || scalar == "\u{2018}" ? "'" : String(scalar)
                let wordEnd = lastEnd
                tokens.append(Token(kind: .mark, norm: norm, range: range(offset, next), capitalised: false))
                lastEnd = next
                if scalar == ".", tokens.count >= 2, tokens[tokens.count - 2].isWord, wordEnd == offset {
                    tokens[tokens.count - 2].dotted = true
                }
                offset = next
            }
            return tokens
        }

        /// Appends the word (or the word and its "n't"), returning where the next token starts.
        private mutating func appendWord(
            start: Int, end: Int, allDigits: Bool, to tokens: inout [Token], lastEnd: inout Int
        ) -> Int {
            let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
            let norm: String
            if !word.contains(where: { $0 >= 0x80 }) {
                // Most words are ASCII: lower-cased straight into the string's storage.
                norm = String(unsafeUninitializedCapacity: word.count) { buffer in
                    for (position, byte) in word.enumerated() {
                        buffer[position] = byte >= 65 && byte <= 90 ? byte + 32 : byte
                    }
                    return word.count
                }
            } else {
                var folded = ""
                folded.reserveCapacity(word.count)
                var offset = start
                while offset < end {
                    let (scalar, length) = self.scalar(at: offset)
                    if scalar.isASCII {
                        let value = scalar.value
                        folded.unicodeScalars.append(value >= 65 && value <= 90 ? Unicode.Scalar(value + 32)! : scalar)
                    } else if scalar == "\u{2019}" || scalar == "\u{2011}" {
                        folded.unicodeScalars.append(scalar == "\u{2019}" ? "'" : "-")
                    } else {
                        folded.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                    }
                    offset += length
                }
                norm = folded
            }
            let first = self.scalar(at: start).0
            let capitalised = first.isASCII ? (first.value >= 65 && first.value <= 90) : first.properties.isUppercase
            // "won't", "can't", "shan't", "don't": the "n" belongs to "n't", which the next step splits off.
            if norm.hasSuffix("n"), end < bytes.count {
                let (apostrophe, apostropheLength) = self.scalar(at: end)
                let afterApostrophe = end + apostropheLength
                if apostrophe == "'" || apostrophe == "\u{2019}", afterApostrophe < bytes.count,
                    bytes[afterApostrophe] == UInt8(ascii: "t") || bytes[afterApostrophe] == UInt8(ascii: "T"),
                    afterApostrophe + 1 == bytes.count || !isLetter(at: afterApostrophe + 1)
                {
                    // The word ends in an ASCII "n" (its last character is "n"), so it is one byte before `end`.
                    let stemEnd = end - 1
                    var stem = String(norm.dropLast())
                    switch stem {
                    case "wo": stem = "will"
                    case "ca": stem = "can"
                    case "sha": stem = "shall"
                    case "": stem = "not"
                    default: break
                    }
                    if start < stemEnd {
                        tokens.append(
                            Token(kind: .word, norm: stem, range: range(start, stemEnd), capitalised: capitalised))
                    }
                    let notEnd = afterApostrophe + 1
                    tokens.append(Token(kind: .word, norm: "not", range: range(stemEnd, notEnd), capitalised: false))
                    lastEnd = notEnd
                    return notEnd
                }
            }
            if norm == "cannot" {
                let middle = start + 3
                tokens.append(Token(kind: .word, norm: "can", range: range(start, middle), capitalised: capitalised))
                tokens.append(Token(kind: .word, norm: "not", range: range(middle, end), capitalised: false))
                lastEnd = end
                return end
            }
            tokens.append(
                Token(
                    kind: allDigits ? .number : .word, norm: norm, range: range(start, end), capitalised: capitalised))
            lastEnd = end
            return end
        }

        private func isClitic(from offset: Int) -> Bool {
            var end = offset
            var word = ""
            while end < bytes.count, isLetter(at: end) {
                let (scalar, length) = self.scalar(at: end)
                word.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                end += length
                if word.count > 2 { return false }
            }
            return Tokenizer.clitics[word] != nil || word == "t"
        }
    }
}
