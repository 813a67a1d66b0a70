import Foundation

/// Pages far larger than any in the corpus, built in memory from corpus pages, for the large-input
/// benchmarks: time should grow linearly with the input, and memory stay a small multiple of it.
public enum LargeInputs {
    /// The corpus text save, its question time repeated until the page is `megabytes` long: many short
    /// paragraphs, as a long debate saved as text is.
    public static func textSave(megabytes: Int) throws -> [UInt8] {
        let (blocks, body) = try seedBlocks()
        var text = blocks.joined(separator: "\n\n")
        let round = "\n\n" + body.joined(separator: "\n\n")
        while text.utf8.count < megabytes * 1_000_000 { text += round }
        return Array(text.utf8)
    }

    /// The corpus text save with its first answer grown by " We will act." to `megabytes`: one paragraph
    /// of nearly the whole page.
    public static func textSaveWithOneParagraph(megabytes: Int) throws -> [UInt8] {
        var (blocks, _) = try seedBlocks()
        let answer = blocks.firstIndex { $0.hasPrefix("To ask") }! + 1
        blocks[answer] += String(repeating: " We will act.", count: megabytes * 1_000_000 / 13)
        return Array(blocks.joined(separator: "\n\n").utf8)
    }

    /// A hansard.parliament.uk page with a speech of `characters` characters: past libxml2's own limit of
    /// 10,000,000 characters in one text node, which hansard lifts.
    public static func modernPageWithLongSpeech(characters: Int) throws -> [UInt8] {
        let path = CorpusPages.corpusRoot.appendingPathComponent(
            "hansard-modern-html/commons-2022-06-15-oral-answers-to-questions.html")
        let page = try String(contentsOf: path, encoding: .utf8)
        let paragraph = "<p class=\"hs_Para\">"
        let start = page.range(
            of: paragraph, range: page.index(page.startIndex, offsetBy: page.utf8.count / 2)..<page.endIndex)!
        let speech = String(repeating: " We will act.", count: characters / 13)
        return Array((page[..<start.upperBound] + "We will act." + speech + " " + page[start.upperBound...]).utf8)
    }

    private static func seedBlocks() throws -> (all: [String], body: [String]) {
        let path = CorpusPages.corpusRoot.appendingPathComponent(
            "text-saves/lords-2023-03-08-whatsapp-ministerial-communications.txt")
        let blocks = try String(contentsOf: path, encoding: .utf8).components(separatedBy: "\n\n")
        let question = blocks.firstIndex { $0.hasPrefix("To ask") }!
        return (blocks, Array(blocks[(question + 1)...]))
    }
}
