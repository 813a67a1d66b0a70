import Testing

@testable import HansardReports

/// The terminal tables: widths, wrapping and the lines they make, worked out by hand.
@Suite("Text tables")
struct TextTableTests {
    @Test("Width is one column a character, whatever its bytes")
    func displayWidth() {
        #expect(TextTable.displayWidth("abc") == 3)
        #expect(TextTable.displayWidth("é") == 1)
        #expect(TextTable.displayWidth("e\u{301}") == 1)
        #expect(TextTable.displayWidth("Ménière’s") == 9)
        #expect(TextTable.displayWidth("\r\n") == 1)
        #expect(TextTable.displayWidth("") == 0)
    }

    @Test("Wrapping breaks at spaces, after a hyphen in reach, else at the width; ASCII or not")
    func wrapping() {
        #expect(TextTable.wrap("the quick brown fox", width: 9) == ["the quick", "brown fox"])
        #expect(TextTable.wrap("short", width: 9) == ["short"])
        // "Disconto-G" holds a hyphen at its ninth character; "Gesellscha" none, so it is cut at the width.
        #expect(
            TextTable.wrap("Disconto-Gesellschaft Bank", width: 10) == ["Disconto-", "Gesellscha", "ft Bank"])
        #expect(TextTable.wrap("Ménière’s disease clinic", width: 10) == ["Ménière’s", "disease", "clinic"])
        #expect(TextTable.wrap("Ménière’s-Krankheit", width: 10) == ["Ménière’s-", "Krankheit"])
        #expect(TextTable.wrap("  spaced   out  words ", width: 10) == ["spaced out", "words"])
    }

    @Test("Columns are padded to their widths, trailing spaces dropped, wrapped rows set apart by a blank line")
    func lines() {
        let table = TextTable(
            headers: ["ID", "TEXT"], rows: [["1", "short"], ["2", "a longer text here"]], flexibleColumn: 1)
        // TEXT narrows to its minimum of 16 and no further: no column may be left out.
        #expect(
            table.render(width: 12)
                == "ID  TEXT\n--  ----------------\n1   short\n\n2   a longer text\n    here\n")
        #expect(table.render(width: 80) == "ID  TEXT\n--  ------------------\n1   short\n2   a longer text here\n")
    }
}
