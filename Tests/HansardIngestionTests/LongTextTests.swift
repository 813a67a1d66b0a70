import Foundation
import HansardIngestion
import HansardTestSupport
import Testing

/// A paragraph longer than libxml2's 10,000,000-character text-node limit, inserted into every corpus page:
/// the page must still read whole, every turn and every character, or not at all.
@Suite("Long text runs")
struct LongTextTests {
    /// " We will act." 900,000 times: 11,700,000 characters, past libxml2's limit and well inside 64 MB.
    static let insertion = Array(String(repeating: " We will act.", count: 900_000).utf8)

    static var readablePages: [String] {
        CorpusFile.pagesForTesting { (try? DebateReader().read(contentsOf: $0)) != nil }
    }

    @Test(
        "Each corpus page with an 11.7-million-character run in a speech keeps its turns and every character",
        arguments: readablePages)
    func longRunInEveryPage(page: String) throws {
        let original = try DebateReader().read(contentsOf: page)
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: page)))
        let point = Self.insertionPoint(in: bytes, debate: original)
        let offset = try #require(point, "no place to insert in \(page)")
        let longer = Array(bytes[..<offset]) + Self.insertion + Array(bytes[offset...])
        let debate = try DebateReader().read(bytes: longer, path: page)
        #expect(debate.turns.count == original.turns.count)
        #expect(Self.characters(debate) == Self.characters(original) + Self.insertion.count)
    }

    /// Every character of every paragraph, counted in UTF-8 bytes (the insertion is ASCII).
    static func characters(_ debate: Debate) -> Int {
        debate.turns.reduce(0) { total, turn in total + turn.paragraphs.reduce(0) { $0 + $1.utf8.count } }
    }

    /// The offset of a space inside a paragraph of a speech (else of a procedural turn), found as a run of
    /// 24 letters and spaces of the paragraph that occurs exactly once in the file, so the insertion lands in
    /// that paragraph and nowhere else (not in a title, an attribute or the `<head>`).
    static func insertionPoint(in bytes: [UInt8], debate: Debate) -> Int? {
        for turn in debate.turns.filter({ $0.kind == .speech }) + debate.turns.filter({ $0.kind != .speech }) {
            for paragraph in turn.paragraphs {
                let text = Array(paragraph.utf8)
                guard text.count >= 24 else { continue }
                var start = 0
                while start + 24 <= text.count {
                    let window = text[start..<(start + 24)]
                    let plain = window.allSatisfy {
                        $0 == 0x20 || (0x61...0x7A).contains($0) || (0x41...0x5A).contains($0)
                    }
                    if plain, let space = window.lastIndex(of: 0x20), space > start, window.first != 0x20,
                        window.last != 0x20, window.firstRange(of: [0x20, 0x20]) == nil
                    {
                        let needle = Array(window)
                        let found = occurrences(of: needle, in: bytes)
                        if found.count == 1 { return found[0] + (space - start) }
                    }
                    start += 1
                }
            }
        }
        return nil
    }

    static func occurrences(of needle: [UInt8], in bytes: [UInt8]) -> [Int] {
        var found: [Int] = []
        var index = 0
        while index + needle.count <= bytes.count, found.count < 2 {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) {
                found.append(index)
            }
            index += 1
        }
        return found
    }
}
