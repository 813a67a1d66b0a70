/// A sentence of a turn: its tokens, computed once, and where it sits.
struct Sentence: Sendable {
    var turn: Int
    var paragraph: Int
    /// The verbatim sentence.
    var text: String
    /// The paragraph the sentence is part of: the tokens' ranges index it.
    var source: String
    /// The sentence's tokens.
    let tokens: [Token]
    /// The distinct word forms of the sentence, for ruling patterns out without running them; made the first
    /// time a pattern asks, since most sentences of a debate are never tested against one.
    var words: Set<String> { wordForms.words(of: tokens) }
    private let wordForms = WordForms()

    init(turn: Int, paragraph: Int, text: String, source: String, tokens: [Token]) {
        self.turn = turn
        self.paragraph = paragraph
        self.text = text
        self.source = source
        self.tokens = tokens
    }

    /// The sentence ends with a question mark (possibly inside closing quotes or brackets).
    var isQuestion: Bool {
        tokens.last(where: { $0.kind == .mark && !Sentences.closers.contains($0.norm) })?.norm == "?"
    }

    /// The verbatim text of tokens `range`, from the first token's start to the last one's end.
    func text(of range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        return String(source[tokens[range.lowerBound].range.lowerBound..<tokens[range.upperBound - 1].range.upperBound])
    }
}

/// A sentence's distinct word forms, made at most once and shared by the sentence's copies (its tokens do not
/// change).
///
/// Unchecked: a sentence is made and read by the one task that analyses its debate, never by two at once.
final class WordForms: @unchecked Sendable {
    private var made: Set<String>?

    func words(of tokens: [Token]) -> Set<String> {
        if let made { return made }
        let words = Set(tokens.lazy.filter(\.isWord).map(\.norm))
        made = words
        return words
    }
}

/// Splits tokenised paragraphs into sentences: the one sentence splitter, which the register's follow-up search
/// uses too (``texts(of:)``).
package enum Sentences {
    /// Abbreviations after which a full stop does not end a sentence.
    static let abbreviations: Set<String> = [
        "hon", "mr", "mrs", "ms", "dr", "st", "no", "nos", "col", "cols", "gen", "lt", "rt", "cf", "viz", "vol",
        "cmnd", "cmd", "co", "ltd", "bros", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "prof", "rev", "capt", "maj", "sgt", "cllr", "para", "paras", "art", "sec", "etc", "approx",
        "c", "cc", "p", "pp", "e.g", "i.e", "op", "cit", "ibid", "per", "cent", "inc", "govt", "dept",
    ]
    /// Marks that close a sentence's last clause and belong to it.
    static let closers: Set<String> = ["\"", "”", "'", ")", "]", "’"]
    private static let openers: Set<String> = ["“", "\"", "‘", "'", "(", "[", "—"]

    /// The sentences of one paragraph.
    ///
    /// A sentence ends at `.`, `?` or `!` (with any closing quotes or brackets) when a capital, a number or an opening
    /// quote follows after a space, and the full stop does not close an abbreviation or an initial ("hon.", "Mr.",
    /// "D.S.I.R.").
    static func split(_ paragraph: String, turn: Int, paragraph number: Int) -> [Sentence] {
        let tokens = Tokenizer.tokens(paragraph)
        var sentences: [Sentence] = []
        var start = 0
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if token.kind == .mark, token.norm == "." || token.norm == "?" || token.norm == "!" {
                var end = index + 1
                while end < tokens.count, tokens[end].kind == .mark, closers.contains(tokens[end].norm),
                    tokens[end].range.lowerBound == tokens[end - 1].range.upperBound
                {
                    end += 1
                }
                let startsNew: Bool
                if end >= tokens.count {
                    startsNew = true
                } else {
                    let next = tokens[end]
                    let spaced = next.range.lowerBound > tokens[end - 1].range.upperBound
                    startsNew = spaced && (next.capitalised || next.kind == .number || openers.contains(next.norm))
                }
                if startsNew && !(token.norm == "." && isAbbreviation(tokens, before: index)) {
                    sentences.append(make(paragraph, tokens[start..<end], turn: turn, paragraph: number))
                    start = end
                    index = end
                    continue
                }
            }
            index += 1
        }
        if start < tokens.count {
            sentences.append(make(paragraph, tokens[start..<tokens.count], turn: turn, paragraph: number))
        }
        return sentences
    }

    /// The sentences of `text`, paragraphs separated by line breaks, as the analysis splits them.
    package static func texts(of text: String) -> [String] {
        text.split(separator: "\n").flatMap { split(String($0), turn: 0, paragraph: 0).map(\.text) }
    }

    private static func make(_ paragraph: String, _ slice: ArraySlice<Token>, turn: Int, paragraph number: Int)
        -> Sentence
    {
        let range = slice.first!.range.lowerBound..<slice.last!.range.upperBound
        return Sentence(
            turn: turn, paragraph: number, text: String(paragraph[range]), source: paragraph, tokens: Array(slice))
    }

    private static func isAbbreviation(_ tokens: [Token], before index: Int) -> Bool {
        guard index > 0 else { return false }
        let word = tokens[index - 1]
        guard word.isWord, word.range.upperBound == tokens[index].range.lowerBound else { return false }
        if word.norm.count == 1, word.norm.first!.isLetter { return true }
        // "D.S.I.R.", "e.g.": a dotted run.
        if index >= 2, tokens[index - 2].norm == ".", tokens[index - 2].range.upperBound == word.range.lowerBound {
            return true
        }
        return abbreviations.contains(word.norm)
    }
}
