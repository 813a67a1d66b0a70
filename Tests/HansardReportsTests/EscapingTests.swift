@testable import HansardReports
import Testing

/// The escaping functions every text output goes through.
@Suite("Escaping for terminals, CSV and Markdown")
struct EscapingTests {
    @Test("Control characters are written visibly; line breaks and tabs only when kept")
    func controls() {
        #expect(ControlCharacters.escaped("a\u{1B}[2Jb\u{07}\u{7F}\u{9B}c") == "a\\x1B[2Jb\\x07\\x7F\\u009Bc")
        #expect(ControlCharacters.escaped("one\ntwo\tthree") == "one\\x0Atwo\\x09three")
        #expect(ControlCharacters.escaped("one\r\ntwo\tthree", keeping: .layout) == "one\r\ntwo\tthree")
        // Letters that share the C1 controls' lead byte (U+00A0–U+00BF) and others are untouched.
        #expect(ControlCharacters.escaped("\u{A0}£§é—’") == "\u{A0}£§é—’")
        #expect(!ControlCharacters.needsEscaping("My Lords, I beg leave to ask the Question."))
    }

    @Test("Markdown links only plain http(s) URLs; anything else is escaped text")
    func markdownLinks() {
        #expect(
            Markdown.link("https://hansard.parliament.uk/Lords/2023-03-08")
                == "<https://hansard.parliament.uk/Lords/2023-03-08>")
        #expect(Markdown.link("javascript:alert(1)") == "javascript:alert(1)")
        #expect(Markdown.link("https://x.example/a>b") == "https://x.example/a\\>b")
        #expect(Markdown.escape("[click](javascript:alert(1)) <b>") == "\\[click\\](javascript:alert(1)) \\<b\\>")
    }

    @Test("CSV cells that a spreadsheet would run are prefixed with ' unless the guard is off")
    func csvFormulas() {
        for start in ["=", "+", "-", "@", "\t", "\r"] {
            #expect(
                CSVWriting.record([start + "1+1"]).hasPrefix("\"'" + start)
                    || CSVWriting.record([start + "1+1"]).hasPrefix("'" + start))
        }
        #expect(CSVWriting.record(["=SUM(A1:A2)", "plain"]) == "'=SUM(A1:A2),plain\r\n")
        #expect(CSVWriting.record(["=SUM(A1:A2)"], formulaGuard: false) == "=SUM(A1:A2)\r\n")
        #expect(CSVWriting.record(["a \u{1B}[2J b"]) == "a \\x1B[2J b\r\n")
    }

    @Test("CSV quotes every quote mark, even one a combining accent follows, and keeps the text around it whole")
    func csvQuotes() {
        #expect(CSVWriting.record(["say \"yes\", then", "x"]) == "\"say \"\"yes\"\", then\",x\r\n")
        // U+0301 after the quote makes one Character of the two; the quote still needs doubling for the field to parse.
        #expect(CSVWriting.record(["a\"\u{301}b,"]) == "\"a\"\"\u{301}b,\"\r\n")
        #expect(CSVWriting.record(["£1 — “x”\nnext"]) == "\"£1 — “x”\nnext\"\r\n")
        #expect(CSVWriting.replacing(0x0A, with: "; ", in: "one\ntwo\r\nthree") == "one; two\r; three")
        #expect(CSVWriting.replacing(0x0A, with: "; ", in: "none") == "none")
    }
}
