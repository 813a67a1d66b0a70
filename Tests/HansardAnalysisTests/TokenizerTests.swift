import Foundation
import HansardIngestion
import HansardTestSupport
import Testing

@testable import HansardAnalysis

/// The tokenizer reads a paragraph's UTF-8 bytes; these tests hold it to the same reading over the Unicode
/// scalar view, token for token (form, kind, range, capital, trailing full stop).
@Suite("Tokenizer")
struct TokenizerTests {
    /// Forms whose bytes and scalars differ, and the contractions' edges.
    static let awkward = [
        "I won't, I can't, we shan't and they don't; I cannot. Won’t they? CAN'T", "I'll write; we’ll see; you've",
        "the Government’s plan, O'Brien's and O’Neill’s re-examine re‑examine (non-breaking hyphen)",
        "£1,500.50 and 2.5% on 1,000,000, 3.", "Mr. D.S.I.R. e.g. hon. Members", "don'", "won'", "n't", "'ll", "’",
        "Écoles, ÉCOLE; naïve café—straße İstanbul ǅemal", "emoji 🎉 next", "K\u{212A}elvin ﬁne ligature",
        "e\u{0301}lan n\u{0303}", "tabs\tand\nlines\r\n end", "\u{00A0}no-break space\u{2003}em space", "",
        "a", "'", "it’s", "Minister’s’", "can’t.", "wasn't", "ain't", "n’t", "x'll'",
    ]

    @Test("awkward forms are read as the scalar reading reads them")
    func awkwardForms() {
        for text in Self.awkward {
            let tokens = Tokenizer.tokens(text)
            #expect(tokens == Tokenizer.scalarTokens(text), "\(text)")
        }
        // The reference itself reads what the analysis relies on.
        #expect(Tokenizer.tokens("I won't").map(\.norm) == ["i", "will", "not"])
        #expect(Tokenizer.tokens("we’ll publish").map(\.norm) == ["we", "will", "publish"])
        #expect(Tokenizer.tokens("Écoles").map(\.norm) == ["écoles"])
        #expect(Tokenizer.tokens("Mr. Speaker").first?.dotted == true)
    }

    @Test("every paragraph of corpus pages is read as the scalar reading reads it")
    func corpusParagraphs() throws {
        let pages = [
            "parlparse-xml/lords-2009-10-26-daylord-parlparse.xml",
            "hansard-modern-html/commons-2022-06-15-oral-answers-to-questions.html",
            "hansard-modern-html/commons-1963-03-21-oral-answers-to-questions.html",
            "text-saves/lords-2023-03-08-whatsapp-ministerial-communications.txt",
        ]
        var paragraphs = 0
        var tokens = 0
        for page in pages {
            let debate = try DebateReader().read(contentsOf: CorpusFile.path(page))
            for paragraph in debate.turns.flatMap(\.paragraphs) {
                let read = Tokenizer.tokens(paragraph)
                if read != Tokenizer.scalarTokens(paragraph) { Issue.record("\(page): \(paragraph.prefix(80))…") }
                paragraphs += 1
                tokens += read.count
            }
        }
        #expect(paragraphs > 1_000)
        #expect(tokens > 50_000)
    }
}
