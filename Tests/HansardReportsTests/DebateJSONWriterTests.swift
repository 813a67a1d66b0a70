import Foundation
import HansardIngestion
import HansardTestSupport
import Testing

@testable import HansardReports

/// The hand-written `hansard.debate/1` writer that `hansard parse` uses, against the general encoders: the
/// same bytes as OrderedJSONEncoder (what JSONRendering gives any other value), and the same values as
/// Foundation's JSONEncoder (which leaves out the keys hansard writes as `null`), in schema key order.
@Suite("Debate JSON writer")
struct DebateJSONWriterTests {
    static let pages: [String] = CorpusFile.pagesForTesting()

    static func foundationJSON(_ debate: Debate, pretty: Bool) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .withoutEscapingSlashes] : [.withoutEscapingSlashes]
        return String(decoding: try encoder.encode(debate), as: UTF8.self)
    }

    /// JSONRendering's general path: inside a generic function the Debate overload is not chosen.
    static func generic<Value: Encodable>(_ value: Value) throws -> String {
        try JSONRendering.line(value)
    }

    static func orderedJSON(_ debate: Debate, pretty: Bool) throws -> String {
        String(decoding: try OrderedJSONEncoder(prettyPrinted: pretty).encode(debate), as: UTF8.self)
    }

    @Test("The corpus has pages of every format to compare on")
    func corpusIsThere() {
        #expect(Self.pages.count >= 24)
        #expect(Self.pages.contains { $0.hasSuffix(".txt") })
        #expect(Self.pages.contains { $0.hasSuffix(".xml") })
    }

    @Test("C0, DEL and C1 controls are escaped by both writers alike, decode to the same text, and no raw C1 is left")
    func controlCharacters() throws {
        var debate = try DebateReader().read(
            contentsOf: CorpusFile.path("text-saves/lords-2023-03-08-whatsapp-ministerial-communications.txt"))
        let controls =
            (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }.joined() + "\u{7F}"
            + (0x80...0x9F).map { String(UnicodeScalar(UInt8($0))) }.joined()
        // A no-break space and an é share C2/C3 lead bytes with the C1 controls and stay as they are.
        debate.turns[1].paragraphs[0] = "before \(controls) \u{A0}é after"
        debate.metadata.title = "\u{1B}]0;title\u{07}\u{9B}2J"
        for pretty in [false, true] {
            let ours = pretty ? try JSONRendering.prettyBytes(debate) : try JSONRendering.lineBytes(debate)
            #expect(ours == (try OrderedJSONEncoder(prettyPrinted: pretty).encode(debate)), "pretty: \(pretty)")
            let text = String(decoding: ours, as: UTF8.self)
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
            #expect(text.contains("\\u007f\\u0080\\u0081"))
            #expect(text.contains("\\u009b2J"))
            #expect(text.contains("\u{A0}é after"))
            #expect(try JSONDecoder().decode(Debate.self, from: Data(ours)) == debate)
        }
    }

    @Test("Every corpus page, one line: OrderedJSONEncoder's bytes, JSONEncoder's values", arguments: pages)
    func sameAsEncodersLine(page: String) throws {
        let debate = try DebateReader().read(contentsOf: page)
        let ours = try JSONRendering.line(debate)
        #expect(!ours.contains("\n"))
        #expect(ours == (try Self.orderedJSON(debate, pretty: false)))
        #expect(ours == (try Self.generic(debate)))
        let ourTree = try #require(JSONTree(parsing: ours))
        let foundationTree = try #require(JSONTree(parsing: try Self.foundationJSON(debate, pretty: false)))
        // Scalars compare as their source text, so this checks escapes and number forms too.
        #expect(ourTree.droppingNulls.sortingKeys == foundationTree.sortingKeys)
        Self.expectSchemaOrder(ourTree, debate: debate)
    }

    @Test("Every corpus page, pretty: OrderedJSONEncoder's bytes, JSONEncoder's values", arguments: pages)
    func sameAsEncodersPretty(page: String) throws {
        let debate = try DebateReader().read(contentsOf: page)
        let ours = try JSONRendering.pretty(debate)
        #expect(ours == (try Self.orderedJSON(debate, pretty: true)))
        let ourTree = try #require(JSONTree(parsing: ours))
        let foundationTree = try #require(JSONTree(parsing: try Self.foundationJSON(debate, pretty: true)))
        #expect(ourTree.droppingNulls.sortingKeys == foundationTree.sortingKeys)
        Self.expectSchemaOrder(ourTree, debate: debate)
    }

    /// The key order docs/schemas/debate.md promises, checked object by object.
    static func expectSchemaOrder(_ tree: JSONTree, debate: Debate) {
        #expect(tree.keys == ["schema", "source", "debate", "turns"])
        #expect(tree["schema"] == .scalar("\"hansard.debate/1\""))
        #expect(tree["source"]?.keys == ["path", "format", "sha256", "bytes"])
        #expect(tree["debate"]?.keys == ["title", "house", "date", "volume", "type", "url", "sections"])
        let sections = tree["debate"]?["sections"]?.items ?? []
        #expect(sections.count == debate.metadata.sections.count)
        #expect(sections.allSatisfy { $0.keys == ["index", "title", "level"] })
        let turns = tree["turns"]?.items ?? []
        #expect(turns.count == debate.turns.count)
        for (turn, value) in zip(debate.turns, turns) {
            #expect(
                value.keys == [
                    "index", "section", "kind", "speaker", "role", "roleConfidence", "roleEvidence", "attribution",
                    "paragraphs", "column", "time", "contributionId",
                ])
            if turn.speaker == nil {
                #expect(value["speaker"]?.isNull == true)
            } else {
                #expect(value["speaker"]?.keys == ["name", "memberId", "party", "office", "constituency"])
            }
        }
    }

    @Test("Escapes, numbers and empty lists are written as the general encoder writes them")
    func awkwardValues() throws {
        let awkward =
            "quote \" backslash \\ slash / tab \t newline \n cr \r bell \u{7} unit \u{1F} del \u{7F} é \u{2028} 😀"
        let debate = Debate(
            source: SourceInfo(
                path: "a/b \"c\".html", format: .hansardHTML, sha256: String(repeating: "0", count: 64), bytes: 0),
            metadata: DebateMetadata(title: awkward, house: .lords, sections: []),
            turns: [0.95, 1, 0, 1e-7, 0.1 + 0.2, -0.0, 2.5e-5, 1e22, 123_456_789_012_345].enumerated().map {
                offset, confidence in
                Turn(
                    index: offset, section: nil, kind: .procedural, speaker: offset == 0 ? Speaker(name: awkward) : nil,
                    role: .unknown, roleConfidence: confidence, roleEvidence: offset == 1 ? [awkward, ""] : [],
                    attribution: .inferred, paragraphs: offset == 2 ? [] : [awkward])
            })
        let line = try JSONRendering.line(debate)
        #expect(
            line.contains(
                #""title":"quote \" backslash \\ slash / tab \t newline \n cr \r bell \u0007 unit \u001f del "#))
        #expect(line.contains(#""roleConfidence":0.95,"#))
        #expect(line.contains(#""roleConfidence":1,"#))
        #expect(line.contains(#""roleConfidence":1e-07,"#))
        #expect(line.contains(#""roleConfidence":0.30000000000000004,"#))
        #expect(line.contains(#""roleConfidence":1e+22,"#))
        #expect(line.contains(#""roleConfidence":123456789012345,"#))
        #expect(line.contains(#""sections":[]"#))
        for pretty in [false, true] {
            let ours = pretty ? try JSONRendering.pretty(debate) : line
            #expect(ours == (try Self.orderedJSON(debate, pretty: pretty)))
        }
        #expect(try JSONRendering.pretty(debate).contains("\"sections\": []"))
    }

    @Test("A NaN confidence is refused with a clear error, not written as invalid JSON")
    func nonFinite() {
        let debate = Debate(
            source: SourceInfo(path: "x", format: .plainText, sha256: "", bytes: 0),
            metadata: DebateMetadata(title: "t"),
            turns: [
                Turn(
                    index: 0, section: nil, kind: .speech, speaker: nil, role: .unknown, roleConfidence: .nan,
                    attribution: .inferred, paragraphs: ["p"])
            ])
        #expect(throws: ReportError.self) { try JSONRendering.line(debate) }
    }
}
