import Foundation
import HansardAnalysis
import HansardIngestion
import HansardReports
import Testing

/// The JSON hansard prints: the same bytes every run, keys in schema order, and content that decodes back
/// to exactly the value encoded.
@Suite("JSON rendering")
struct JSONRenderingTests {
    static let corpusRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("corpus")

    static let pages: [String] = {
        let files = FileManager.default.enumerator(atPath: corpusRoot.path)?.compactMap { $0 as? String } ?? []
        return files.filter { $0.hasSuffix(".html") || $0.hasSuffix(".xml") || $0.hasSuffix(".txt") }.sorted()
    }()

    @Test("Every corpus page round-trips through the JSON hansard prints", arguments: pages)
    func roundTrip(page: String) throws {
        let debate = try DebateReader().read(contentsOf: Self.corpusRoot.appendingPathComponent(page).path)
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

    @Test("Two renderings of the same debate are byte-identical")
    func deterministic() throws {
        let page = Self.corpusRoot.appendingPathComponent(
            "parlparse-xml/lords-2009-10-26-daylord-parlparse.xml")
        let debate = try DebateReader().read(contentsOf: page.path)
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
