import HansardReports
import Testing

@Suite("Terminal colour")
struct TerminalStyleTests {
    static let table = """
        ID  LATE            MINISTER
        --  --------------  --------
        c1  OVERDUE 12d     Lord Bach
        c2                  Baroness Thornton

        """

    @Test("Colour only on a terminal, and never with NO_COLOR or TERM=dumb")
    func detection() {
        #expect(TerminalStyle.detect(isTerminal: true, environment: ["TERM": "xterm"]).enabled)
        #expect(!TerminalStyle.detect(isTerminal: false, environment: ["TERM": "xterm"]).enabled)
        #expect(!TerminalStyle.detect(isTerminal: true, environment: ["NO_COLOR": "1"]).enabled)
        #expect(!TerminalStyle.detect(isTerminal: true, environment: ["TERM": "dumb"]).enabled)
        // no-color.org: an empty NO_COLOR does not count.
        #expect(TerminalStyle.detect(isTerminal: true, environment: ["NO_COLOR": ""]).enabled)
    }

    @Test("Plain style leaves the table as it was; colour adds only escape codes")
    func colouring() {
        #expect(TerminalStyle(enabled: false).table(Self.table) == Self.table)
        let coloured = TerminalStyle(enabled: true).table(Self.table)
        #expect(coloured.contains("\u{1B}[1mID  LATE"))
        #expect(coloured.contains("\u{1B}[1;31mOVERDUE 12d\u{1B}[0m"))
        let stripped = coloured.replacing(/\u{1B}\[[0-9;]*m/, with: "")
        #expect(stripped == Self.table)
    }
}
