import HansardIngestion
import HansardReports
import HansardTestSupport
import Testing

/// The readable transcript `hansard parse --format text` prints.
@Suite("Transcript")
struct TranscriptRendererTests {
    @Test("A text save's transcript names no speaker and shows the clues each inferred role rests on")
    func inferredRoles() throws {
        let debate = try DebateReader().read(
            contentsOf: CorpusFile.path("text-saves/lords-2023-03-08-whatsapp-ministerial-communications.txt"))
        let transcript = TranscriptRenderer.render(debate)
        let lines = transcript.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "WhatsApp: Ministerial Communications")
        #expect(lines.contains("House of Lords · 2023-03-08 · Volume 828 · Question"))
        // Every one of the 21 turns is headed as unnamed, with its clues on the next line.
        let headers = lines.indices.filter { lines[$0].hasPrefix("[speaker not named; ") }
        #expect(headers.count == 21)
        for index in headers {
            #expect(lines[index + 1].hasPrefix("    (clues: "))
        }
        // The answer to the tabled question (read off the page: "Ministers use a variety of channels…").
        let answer = try #require(lines.firstIndex { $0.hasPrefix("    Ministers use a variety of channels") })
        #expect(lines[answer - 2].hasPrefix("[speaker not named; minister, inferred "))
        #expect(lines[answer - 1].contains("first turn after the tabled question"))
    }

    @Test("A page's named speaker is printed with office, constituency and party as the page gives them")
    func namedSpeakers() throws {
        let debate = try DebateReader().read(
            contentsOf: CorpusFile.path("hansard-modern-html/commons-1997-05-21-engagements.html"))
        let transcript = TranscriptRenderer.render(debate)
        #expect(transcript.contains("The Prime Minister (Mr. Tony Blair)"))
        #expect(!transcript.contains("(clues: "))
    }
}
