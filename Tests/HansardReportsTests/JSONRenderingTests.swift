import Foundation
import HansardAnalysis
import HansardIngestion
import HansardReports
import HansardTestSupport
import Testing

/// The JSON hansard prints: the same bytes every run, keys in schema order, and content that decodes back
/// to exactly the value encoded.
@Suite("JSON rendering")
struct JSONRenderingTests {
    static let corpusRoot = CorpusFile.root

    /// Every page, as absolute paths; a missing corpus fails the test rather than leaving it no cases.
    static let pages: [String] = CorpusFile.pagesForTesting {
        $0.hasSuffix(".html") || $0.hasSuffix(".xml") || $0.hasSuffix(".txt")
    }

    @Test("Every corpus page round-trips through the JSON hansard prints", arguments: pages)
    func roundTrip(page: String) throws {
        let debate = try DebateReader().read(contentsOf: page)
        for json in [try JSONRendering.pretty(debate), try JSONRendering.line(debate)] {
            let decoded = try JSONDecoder().decode(Debate.self, from: Data(json.utf8))
            #expect(decoded == debate)
        }
    }

    @Test("Keys come in schema order and null values are written, not left out")
    func keyOrder() throws {
        let page = Self.corpusRoot.appendingPathComponent(
            "text-saves/lords-2023-03-08-whatsapp-ministerial-communications.txt")
        let line = try JSONRendering.line(try DebateReader().read(contentsOf: page.path))
        #expect(line.hasPrefix("{\"schema\":\"hansard.debate/1\",\"source\":{\"path\":"))
        // The text save has no URL: the key is present with null (schema order: type, url, sections).
        #expect(line.contains("\"type\":\"Question\",\"url\":null,\"sections\":["))
        #expect(line.contains("\"speaker\":null"))
    }

    /// Synthesized Codable, with an Optional of each kind the encoder has a fast path for and one it has not.
    private struct Optionals: Codable {
        var text: String?
        var number: Int?
        var flag: Bool?
        var small: Int8?
        var house: House?
    }

    @Test("An absent value of a synthesized Codable type is written as null, never left out")
    func absentIsNull() throws {
        #expect(
            try JSONRendering.line(Optionals())
                == #"{"text":null,"number":null,"flag":null,"small":null,"house":null}"#)
        #expect(
            try JSONRendering.line(Optionals(text: "a", number: 1, flag: false, small: -2, house: .lords))
                == #"{"text":"a","number":1,"flag":false,"small":-2,"house":"lords"}"#)
        let timing = CommitmentTiming(phrase: nil, timingClass: .none, dueBy: nil)
        #expect(try JSONRendering.line(timing) == #"{"phrase":null,"class":"none","dueBy":null}"#)
        #expect(try JSONDecoder().decode(CommitmentTiming.self, from: Data(#"{"class":"none"}"#.utf8)) == timing)
    }

    /// Pages whose analysis may be run and compared here (never the sealed fresh-parlparse-xml or historic XML).
    static let processPages = [
        "parlparse-xml/lords-2009-10-26-daylord-parlparse.xml",
        "text-saves/lords-2023-03-08-whatsapp-ministerial-communications.txt",
        "hansard-modern-html/commons-1997-05-21-engagements.html",
    ]

    /// Swift seeds its hashing afresh in every process, so a Set or Dictionary iterated into the output would
    /// differ between two runs of hansard, never between two renders in one process: the executable is run twice.
    @Test("Two hansard processes print byte-identical JSON for the same pages", arguments: ["parse", "analyse"])
    func deterministicAcrossProcesses(command: String) throws {
        let arguments = [command, "--format", "json"] + Self.processPages.map(CorpusFile.relativePath)
        let first = try HansardCommand.run(arguments)
        let second = try HansardCommand.run(arguments)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput.hasPrefix("[\n{\n  \"schema\": \"hansard."))
        #expect(first.standardOutput == second.standardOutput)
        // Within one process too, as the library renders it.
        let debate = try DebateReader().read(contentsOf: CorpusFile.path(Self.processPages[0]))
        #expect(try JSONRendering.pretty(debate) == JSONRendering.pretty(debate))
    }

    @Test("Quotes, backslashes, control characters and non-ASCII text are escaped as JSON requires")
    func escaping() throws {
        let text = "He said \"no\" \\ then\nleft\u{1}; Minister’s “reply” — £5"
        let line = try JSONRendering.line([text])
        #expect(line == "[\"He said \\\"no\\\" \\\\ then\\nleft\\u0001; Minister’s “reply” — £5\"]")
        #expect(try JSONDecoder().decode([String].self, from: Data(line.utf8)) == [text])
    }

    @Test("Whole numbers print without a fraction; others in shortest form")
    func numbers() throws {
        #expect(try JSONRendering.line([1.0, 0.95, 0.1 + 0.2]) == "[1,0.95,0.30000000000000004]")
    }
}
