import Foundation
import HansardTestSupport
import Testing

/// A page is read whole or refused with one line naming the file and the true cause: never a shorter debate
/// reported as a success (issue 12, points 1, 2, 13–16).
@Suite("Pages read whole or refused")
struct WholePageCommandTests {
    static let modern = "hansard-modern-html/commons-2022-06-15-oral-answers-to-questions.html"
    static let historic = "historic-hansard-html/commons-1914-11-16-alien-enemies.html"
    static let seed = "text-saves/lords-2023-03-08-whatsapp-ministerial-communications.txt"
    static let publications = "publications-html/commons-2011-07-19-publications-oral-answers-EXCERPT.html"
    static let parlParse = "parlparse-xml/lords-2009-10-27-written-ministerial-statements-parlparse.xml"

    /// The modern page with one NUL inside the opening tag of its 77th contribution, where it cut the page
    /// to 79 of its 147 turns.
    static func modernWithNUL() throws -> [UInt8] {
        let bytes = try Scratch.corpusBytes(modern)
        let marker = Array("<div class=\"contribution\"".utf8)
        var found = 0
        var index = 0
        while index + marker.count <= bytes.count {
            if bytes[index] == marker[0], bytes[index..<(index + marker.count)].elementsEqual(marker) {
                found += 1
                if found == 77 {
                    return Array(bytes[..<(index + marker.count)]) + [0] + Array(bytes[(index + marker.count)...])
                }
            }
            index += 1
        }
        throw ScratchFailure("the page has fewer than 77 contributions")
    }

    @Test("A NUL inside a hansard.parliament.uk page: parse and register add refuse the page (65), nothing stored")
    func nulInModernPage() throws {
        let folder = try Scratch.folder()
        let page = folder + "/with-nul.html"
        let bytes = try Self.modernWithNUL()
        try Scratch.write(bytes, to: page)
        let offset = try #require(bytes.firstIndex(of: 0))

        let parsed = try HansardCommand.run(["parse", page])
        #expect(parsed.status == 65)
        #expect(parsed.standardOutput.isEmpty)
        #expect(
            parsed.standardError == "hansard: \(page): has a NUL byte at offset \(offset), which no saved page has: the"
                + " file is damaged (text may be missing there), so none of it was read; save the page again\n")

        let register = folder + "/r.sqlite"
        let added = try HansardCommand.run(["register", "add", "--quiet", "--register", register, page])
        #expect(added.status == 65)
        #expect(
            added.standardOutput.hasPrefix("0 debates added, 0 unchanged, 0 revised, 1 failed; 0 commitments added"))
        let listed = try HansardCommand.run([
            "commitments", "--all", "--all-governments", "--register", register, "--format", "csv",
        ])
        #expect(listed.status == 0, "\(listed.standardError)")
        #expect(listed.standardOutput.split(separator: "\r\n").count == 1, "only the header row")
    }

    @Test("A text save with a NUL past its first 64 KB is refused (65) and no \\u0000 reaches the JSON")
    func nulDeepInTextSave() throws {
        let folder = try Scratch.folder()
        let seed = try String(contentsOfFile: CorpusFile.path(Self.seed), encoding: .utf8)
        // The seed's speeches repeated to 100 KB: a long Lords question time, saved as text.
        let blocks = seed.components(separatedBy: "\n\n")
        let start = try #require(blocks.firstIndex { $0.hasPrefix("To ask") }) + 1
        var text = blocks.joined(separator: "\n\n")
        while text.utf8.count < 100_000 { text += "\n\n" + blocks[start...].joined(separator: "\n\n") }
        var bytes = Array(text.utf8)
        let offset = try #require((70_000..<bytes.count).first { bytes[$0] == 0x20 })
        bytes[offset] = 0
        let page = folder + "/long.txt"
        try Scratch.write(bytes, to: page)

        let parsed = try HansardCommand.run(["parse", page])
        #expect(parsed.status == 65)
        #expect(parsed.standardOutput.isEmpty)
        #expect(!parsed.standardOutput.contains("\\u0000"))
        #expect(parsed.standardError.hasPrefix("hansard: \(page): has a NUL byte at offset \(offset),"))
        // Without the NUL the same save reads.
        bytes[offset] = 0x20
        try Scratch.write(bytes, to: page)
        #expect(try HansardCommand.run(["parse", page]).status == 0)
    }

    @Test("A speech of 'We will act. ' 900,000 times in the modern page keeps 147 turns and every character")
    func longSpeechInModernPage() throws {
        let folder = try Scratch.folder()
        let original = try HansardCommand.run(["parse", CorpusFile.path(Self.modern)])
        let before = try #require(Scratch.turnsAndCharacters(ofJSON: original.standardOutput))
        #expect(before.turns == 147)
        // Into the 77th contribution's first paragraph, before its first full stop and space.
        let bytes = try Scratch.corpusBytes(Self.modern)
        let speech = String(repeating: " We will act.", count: 900_000)
        let contribution = try #require(Self.offset(of: "<div class=\"contribution\"", occurrence: 77, in: bytes))
        let longer = try #require(Scratch.inserting(Array(speech.utf8), before: ". ", in: bytes, from: contribution))
        let page = folder + "/long-speech.html"
        try Scratch.write(longer, to: page)

        let parsed = try HansardCommand.run(["parse", page])
        #expect(parsed.status == 0, "\(parsed.standardError)")
        let after = try #require(Scratch.turnsAndCharacters(ofJSON: parsed.standardOutput))
        #expect(after.turns == 147)
        #expect(after.characters == before.characters + 11_700_000)
    }

    @Test("A historic page with a 50 MB paragraph keeps all 8 turns and every character")
    func fiftyMegabyteParagraph() throws {
        let folder = try Scratch.folder()
        let original = try HansardCommand.run(["parse", CorpusFile.path(Self.historic)])
        let before = try #require(Scratch.turnsAndCharacters(ofJSON: original.standardOutput))
        #expect(before.turns == 8)
        let bytes = try Scratch.corpusBytes(Self.historic)
        let paragraph = String(repeating: " We will act.", count: 3_850_000)  // 50,050,000 bytes
        // Into the first question: "… asked the Home Secretary whether he has received a memorial …".
        let longer = try #require(
            Scratch.inserting(Array(paragraph.utf8), before: " whether he has received", in: bytes))
        let page = folder + "/long-paragraph.html"
        try Scratch.write(longer, to: page)

        let parsed = try HansardCommand.run(["parse", page])
        #expect(parsed.status == 0, "\(parsed.standardError)")
        let after = try #require(Scratch.turnsAndCharacters(ofJSON: parsed.standardOutput))
        #expect(after.turns == 8)
        #expect(after.characters == before.characters + 50_050_000)
    }

    #if os(Linux)
        @Test("A 51 MB text save parses within 400 MB of memory (it took 1.15 GB)")
        func largeTextSaveMemory() throws {
            let folder = try Scratch.folder()
            let seed = try String(contentsOfFile: CorpusFile.path(Self.seed), encoding: .utf8)
            var blocks = seed.components(separatedBy: "\n\n")
            let answer = try #require(blocks.firstIndex { $0.hasPrefix("To ask") }) + 1
            blocks[answer] += String(repeating: " We will act.", count: 3_900_000)
            let page = folder + "/large.txt"
            try Scratch.write(Array(blocks.joined(separator: "\n\n").utf8), to: page)
            let before = try #require(
                Scratch.turnsAndCharacters(
                    ofJSON: try HansardCommand.run(["parse", CorpusFile.path(Self.seed)]).standardOutput))

            // RLIMIT_DATA caps the heap: past it an allocation fails and hansard stops with a fatal error.
            let parsed = try HansardCommand.run(
                ["parse", page], setting: .init(prelude: "ulimit -d 400000"))
            #expect(parsed.status == 0, "\(parsed.standardError.prefix(300))")
            let after = try #require(Scratch.turnsAndCharacters(ofJSON: parsed.standardOutput))
            #expect(after.turns == before.turns)
            #expect(after.characters == before.characters + 50_700_000)
        }
    #endif

    @Test("A DOCTYPE cut short is truncated (65), not an external reference")
    func doctypeCutShort() throws {
        let folder = try Scratch.folder()
        let page = folder + "/cut.xml"
        try Scratch.write(Array("<?xml version=\"1.0\"?>\n<!DOCTYPE publicwhip PUBLIC \"-//x".utf8), to: page)
        let parsed = try HansardCommand.run(["parse", page])
        #expect(parsed.status == 65)
        #expect(
            parsed.standardError == "hansard: \(page): page is truncated (the XML ends before its first element, inside"
                + " its DOCTYPE or prolog); save the whole page again\n")
    }

    @Test("A complete SVG saved as .xhtml is not a debate page (65), not a truncated one")
    func svgXHTML() throws {
        let folder = try Scratch.folder()
        let page = folder + "/chart.xhtml"
        try Scratch.write(
            Array(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>\n"
                    .utf8),
            to: page)
        let parsed = try HansardCommand.run(["parse", page])
        #expect(parsed.status == 65)
        #expect(parsed.standardError.hasPrefix("hansard: \(page): not a debate page: no Hansard contributions found"))
    }

    @Test("A raw ESC after </html> in a publications page: the page reads, as it does without it")
    func escapeAfterTheEnd() throws {
        let folder = try Scratch.folder()
        let original = try HansardCommand.run(["parse", CorpusFile.path(Self.publications)])
        var bytes = try Scratch.corpusBytes(Self.publications)
        while bytes.last == 0x0A { bytes.removeLast() }
        let page = folder + "/esc.html"
        try Scratch.write(bytes + Array("\u{1B}[2J".utf8), to: page)
        let parsed = try HansardCommand.run(["parse", page])
        #expect(parsed.status == 0, "\(parsed.standardError)")
        #expect(Scratch.turns(ofJSON: parsed.standardOutput) == Scratch.turns(ofJSON: original.standardOutput))
    }

    #if os(Linux)
        @Test("/dev/urandom is binary data (65), refused from its first block, not read to the 64 MB limit")
        func randomDevice() throws {
            let parsed = try HansardCommand.run(["parse", "/dev/urandom"])
            #expect(parsed.status == 65)
            #expect(
                parsed.standardError
                    == "hansard: /dev/urandom: is binary data (it contains NUL bytes), not a saved debate page (HTML, XML or text)\n"
            )
        }
    #endif

    @Test("UTF-16 XML declaring encoding=\"UTF-16\" reads as the same turns as the page it was converted from")
    func utf16XML() throws {
        let folder = try Scratch.folder()
        let original = try HansardCommand.run(["parse", CorpusFile.path(Self.parlParse)])
        let latin1 = try #require(String(data: Data(try Scratch.corpusBytes(Self.parlParse)), encoding: .isoLatin1))
        #expect(latin1.contains("encoding=\"ISO-8859-1\""))
        let text = latin1.replacingOccurrences(of: "encoding=\"ISO-8859-1\"", with: "encoding=\"UTF-16\"")
        for (name, bom, littleEndian) in [("le-bom", true, true), ("be-bom", true, false), ("le", false, true)] {
            var bytes: [UInt8] = bom ? (littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]) : []
            for unit in text.utf16 {
                bytes +=
                    littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
            }
            let page = folder + "/\(name).xml"
            try Scratch.write(bytes, to: page)
            let parsed = try HansardCommand.run(["parse", page])
            #expect(parsed.status == 0, "\(name): \(parsed.standardError)")
            let turns = Scratch.turns(ofJSON: parsed.standardOutput)
            #expect(turns != nil && turns == Scratch.turns(ofJSON: original.standardOutput), "\(name)")
        }
    }

    @Test("A Lords text save headed \"Tabled by\" reads as the \"Asked by\" one: no extra turn, no roles shifted")
    func tabledBy() throws {
        let folder = try Scratch.folder()
        let seed = try String(contentsOfFile: CorpusFile.path(Self.seed), encoding: .utf8)
        #expect(seed.contains("\n\nAsked by\n\n"))
        let original = try #require(
            Scratch.turns(ofJSON: try HansardCommand.run(["parse", CorpusFile.path(Self.seed)]).standardOutput))
        #expect(original.count == 21)
        for (name, header) in [("bare", "Tabled by"), ("named", "Tabled by Baroness Hayter of Kentish Town")] {
            let page = folder + "/\(name).txt"
            try Scratch.write(
                Array(seed.replacingOccurrences(of: "\n\nAsked by\n\n", with: "\n\n\(header)\n\n").utf8), to: page)
            let parsed = try HansardCommand.run(["parse", page])
            #expect(parsed.status == 0, "\(parsed.standardError)")
            let turns = try #require(Scratch.turns(ofJSON: parsed.standardOutput))
            #expect(turns.count == 21, "\(name)")
            #expect(turns.map { $0["role"] as? String } == original.map { $0["role"] as? String }, "\(name)")
            #expect(
                turns.map { $0["paragraphs"] as? [String] } == original.map { $0["paragraphs"] as? [String] }, "\(name)"
            )
            let asker = (turns.first?["speaker"] as? [String: Any])?["name"] as? String
            #expect(asker == (name == "named" ? "Baroness Hayter of Kentish Town" : nil), "\(name)")
        }
    }

    static func offset(of marker: String, occurrence: Int, in bytes: [UInt8]) -> Int? {
        let needle = Array(marker.utf8)
        var found = 0
        var index = 0
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) {
                found += 1
                if found == occurrence { return index }
            }
            index += 1
        }
        return nil
    }
}

struct ScratchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
