import HansardReports

extension Terminal {
    /// The colour style for standard output: on a TTY unless `NO_COLOR` is set.
    static var style: TerminalStyle { TerminalStyle.detect(isTerminal: standardOutputIsTerminal) }

    /// Writes a table for people, coloured when ``style`` allows; `plain` output (JSON, CSV, Markdown) is
    /// written untouched so it stays machine-readable even on a terminal.
    static func writeTable(_ text: String, plain: Bool = false) {
        let text = ControlCharacters.escaped(text, keeping: .layout)
        writeStyled(plain ? text : style.table(text))
    }
}
