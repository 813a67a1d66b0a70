import Foundation
import HansardIngestion
import HansardTestSupport
import Testing

/// The Lords oral question on WhatsApp, 8 March 2023, saved by a browser as plain text: no names.
@Suite("Plain-text reader")
struct PlainTextReaderTests {
    static let path = CorpusFile.path("text-saves/lords-2023-03-08-whatsapp-ministerial-communications.txt")

    private func debate() throws -> Debate {
        try DebateReader().read(contentsOf: Self.path)
    }

    @Test("The heading gives title, volume, date, kind of business and House")
    func heading() throws {
        let debate = try debate()
        #expect(debate.source.format == .plainText)
        #expect(debate.metadata.title == "WhatsApp: Ministerial Communications")
        #expect(debate.metadata.volume == "828")
        #expect(debate.metadata.date == .of("2023-03-08"))
        #expect(debate.metadata.type == "Question")
        #expect(debate.metadata.house == .lords)
    }

    @Test("23 paragraphs become 21 turns, each with its inferred role")
    func roles() throws {
        let debate = try debate()
        #expect(debate.turns.count == 21)
        #expect(debate.turns.reduce(0) { $0 + $1.paragraphs.count } == 23)
        // Read off the page: the tabled question, then answer and question in turn, except that the
        // DWP question (turn 14) gets no answer before the next member speaks (turn 15).
        let m = SpeakerRole.member
        let g = SpeakerRole.minister
        let expected: [SpeakerRole] = [m, g, m, g, m, g, m, g, m, g, m, g, m, g, m, m, g, m, g, m, g]
        #expect(debate.turns.map(\.role) == expected)
        #expect(debate.turns.map(\.index) == Array(0..<21))
    }

    @Test("No turn is attributed to a named speaker: the names are lost")
    func noNames() throws {
        let debate = try debate()
        for turn in debate.turns {
            #expect(turn.speaker == nil)
            #expect(turn.attribution == .inferred)
            #expect(turn.kind == .speech)
            #expect(!turn.roleEvidence.isEmpty)
            #expect(turn.roleConfidence > 0.5 && turn.roleConfidence < 1)
        }
    }

    @Test("The tabled question is the first turn, and the answer follows it")
    func tabledQuestion() throws {
        let debate = try debate()
        #expect(
            debate.turns[0].paragraphs == [
                "To ask His Majesty’s Government what assessment they have made of the extent of the use of WhatsApp for ministerial communications."
            ])
        #expect(debate.turns[1].paragraphs[0].hasPrefix("Ministers use a variety of channels of communication."))
        #expect(debate.turns[1].roleEvidence.contains { $0.contains("tabled question") })
    }

    @Test("A question quoting a Cabinet Office spokesperson is one turn of three paragraphs")
    func quotation() throws {
        let turn = try debate().turns[15]
        #expect(turn.paragraphs.count == 3)
        #expect(turn.paragraphs[0].hasPrefix("My Lords, in April last year,"))
        #expect(turn.paragraphs[0].hasSuffix("a Cabinet Office spokesperson said publicly:"))
        #expect(turn.paragraphs[1].hasPrefix("“We have been clear from the outset"))
        #expect(turn.paragraphs[2].hasPrefix("Those are the exact words the Minister has used at the Dispatch Box."))
        #expect(turn.role == .member)
    }

    @Test("The DWP question is a member's, and another member speaks next")
    func unansweredQuestion() throws {
        let debate = try debate()
        let dwp = debate.turns[14]
        #expect(dwp.paragraphs.count == 1)
        #expect(dwp.paragraphs[0].hasPrefix("I understand that staff in departments such as the DWP and HMRC"))
        #expect(dwp.role == .member)
        #expect(debate.turns[13].role == .minister)
        #expect(debate.turns[15].role == .member)
        #expect(debate.turns[15].roleEvidence.contains("opens with \"My Lords,\""))
    }

    @Test("Paragraph text is kept verbatim, typographic apostrophes included")
    func verbatim() throws {
        let turn = try debate().turns[16]
        #expect(
            turn.paragraphs == [
                "I do not entirely understand the question, but what I can say is that the High Court dismissed challenges to the Government’s policy and practice with regard to non-corporate communication channels, which allows us to move ahead with the new guidance that I mentioned, and there are clear rules, of which we have already had evidence, on what we are supposed to be doing in the meantime."
            ])
        #expect(turn.role == .minister)
        #expect(
            try debate().turns.last?.paragraphs.first?.hasPrefix(
                "As I explained, we have rules about how this is managed.") == true)
    }

    @Test("Windows line endings give the same turns")
    func crlf() throws {
        let text = try String(contentsOfFile: Self.path, encoding: .utf8)
        let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
        let fromCRLF = try DebateReader().read(bytes: Array(crlf.utf8), path: "crlf.txt")
        let original = try debate()
        #expect(fromCRLF.metadata == original.metadata)
        #expect(fromCRLF.turns == original.turns)
    }

    @Test("Text that is not a debate is refused with a reason")
    func notADebate() throws {
        let readme = """
            # hansard

            A Swift package that reads UK Hansard debate pages.

            ## Building

            Run swift build, then swift test. My Lords, this is not a debate.
            """
        #expect(throws: IngestionError.self) {
            try DebateReader().read(bytes: Array(readme.utf8), path: "README.md")
        }
        do {
            _ = try DebateReader().read(bytes: Array(readme.utf8), path: "README.md")
        } catch {
            guard case .notADebate(let path, let reason) = error else {
                Issue.record("expected notADebate, got \(error)")
                return
            }
            #expect(path == "README.md")
            #expect(reason.contains("Volume N: debated on"))
            #expect(reason.contains("# hansard"))
        }
        let passwd = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
        #expect {
            try DebateReader().read(bytes: Array(passwd.utf8), path: "passwd")
        } throws: { error in
            guard case IngestionError.notADebate = error else { return false }
            return true
        }
    }

    @Test("A heading with no paragraphs under it is refused")
    func headingOnly() {
        let text =
            "Skip to main content\n\nWhatsApp: Ministerial Communications\n\nVolume 828: debated on Wednesday 8 March 2023\n\nQuestion\n"
        #expect {
            try DebateReader().read(bytes: Array(text.utf8), path: "heading.txt")
        } throws: { error in
            guard case IngestionError.notADebate = error else { return false }
            return true
        }
    }
}
