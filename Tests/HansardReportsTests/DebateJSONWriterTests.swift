import Foundation
import HansardIngestion
import Testing

@testable import HansardReports

/// The hand-written `hansard.debate/1` writer against Foundation's JSONEncoder, which it replaces on the
/// `hansard parse` path: same values, byte for byte, in schema key order.
@Suite("Debate JSON writer")
struct DebateJSONWriterTests {
    static let pages: [String] = (try? CorpusFile.allPages()) ?? []

    static func encoderJSON(_ debate: Debate, pretty: Bool) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .withoutEscapingSlashes] : [.withoutEscapingSlashes]
        return String(decoding: try encoder.encode(debate), as: UTF8.self)
    }

    @Test("The corpus has pages of every format to compare on")
    func corpusIsThere() {
        #expect(Self.pages.count >= 24)
        #expect(Self.pages.contains { $0.hasSuffix(".txt") })
        #expect(Self.pages.contains { $0.hasSuffix(".xml") })
    }

    @Test("Every corpus page: the same keys and the same value text as JSONEncoder, one line", arguments: pages)
    func sameAsEncoderLine(page: String) throws {
        let debate = try DebateReader().read(contentsOf: page)
        let ours = try JSONRendering.line(debate)
        #expect(!ours.contains("\n"))
        let theirs = try Self.encoderJSON(debate, pretty: false)
        let ourTree = try #require(JSONTree(parsing: ours))
        let theirTree = try #require(JSONTree(parsing: theirs))
        #expect(ourTree.sortingKeys == theirTree.sortingKeys)
        #expect(ours.utf8.count == theirs.utf8.count)
        Self.expectSchemaOrder(ourTree, debate: debate)
    }

    @Test("Every corpus page: pretty output has JSONEncoder's lines, only the key order differs", arguments: pages)
    func sameAsEncoderPretty(page: String) throws {
        let debate = try DebateReader().read(contentsOf: page)
        let ours = try JSONRendering.pretty(debate)
        let theirs = try Self.encoderJSON(debate, pretty: true)
        let ourTree = try #require(JSONTree(parsing: ours))
        let theirTree = try #require(JSONTree(parsing: theirs))
        #expect(ourTree.sortingKeys == theirTree.sortingKeys)
        Self.expectSchemaOrder(ourTree, debate: debate)
        // Each line is an indented key and value (or a bracket); with the separating commas set aside the
        // two outputs hold the same lines, so indentation and spacing match too.
        func lines(_ text: String) -> [Substring] {
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.hasSuffix(",") ? $0.dropLast() : $0 }.sorted()
        }
        #expect(lines(ours) == lines(theirs))
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

    @Test("Escapes, numbers and empty lists are written as JSONEncoder writes them")
    func awkwardValues() throws {
        let awkward = "quote \" backslash \\ slash / tab \t newline \n cr \r bell \u{7} unit \u{1F} del \u{7F} é \u{2028} 😀"
        let debate = Debate(
            source: SourceInfo(path: "a/b \"c\".html", format: .hansardHTML, sha256: String(repeating: "0", count: 64), bytes: 0),
            metadata: DebateMetadata(title: awkward, house: .lords, sections: []),
            turns: [0.95, 1, 0, 1e-7, 0.1 + 0.2, -0.0, 2.5e-5, 1e22].enumerated().map { offset, confidence in
                Turn(
                    index: offset, section: nil, kind: .procedural, speaker: offset == 0 ? Speaker(name: awkward) : nil,
                    role: .unknown, roleConfidence: confidence, roleEvidence: offset == 1 ? [awkward, ""] : [],
                    attribution: .inferred, paragraphs: offset == 2 ? [] : [awkward])
            })
        let line = try JSONRendering.line(debate)
        #expect(line.contains(#""title":"quote \" backslash \\ slash / tab \t newline \n cr \r bell \u0007 unit \u001f del "#))
        #expect(line.contains(#""roleConfidence":0.95,"#))
        #expect(line.contains(#""roleConfidence":1,"#))
        #expect(line.contains(#""roleConfidence":1e-07,"#))
        #expect(line.contains(#""sections":[]"#))
        for pretty in [false, true] {
            let ours = pretty ? try JSONRendering.pretty(debate) : line
            let theirs = try Self.encoderJSON(debate, pretty: pretty)
            #expect(JSONTree(parsing: ours)?.sortingKeys == JSONTree(parsing: theirs)?.sortingKeys)
            #expect(ours.utf8.count == theirs.utf8.count)
        }
    }

    @Test("A NaN confidence is refused with a clear error, not written as invalid JSON")
    func nonFinite() {
        let debate = Debate(
            source: SourceInfo(path: "x", format: .plainText, sha256: "", bytes: 0),
            metadata: DebateMetadata(title: "t"),
            turns: [
                Turn(index: 0, section: nil, kind: .speech, speaker: nil, role: .unknown, roleConfidence: .nan,
                     attribution: .inferred, paragraphs: ["p"])
            ])
        #expect(throws: JSONRenderingError.self) { try JSONRendering.line(debate) }
    }
}
