import Foundation
import HansardIngestion
import HansardTestSupport
import Testing

/// Input built to exhaust time, memory or the stack, or to read files it names: each is refused with an
/// error that says why, before it costs more than a normal page.
@Suite("Hostile input")
struct HostileInputTests {
    let reader = DebateReader()

    private func temporaryPath(_ name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("hansard-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent(name).path
    }

    @Test("A 100 MB page is refused from its size, before it is loaded")
    func hundredMegabytes() throws {
        let path = try temporaryPath("huge.html")
        // A sparse file: 100 MB to stat and read(2), no disk or time spent writing it.
        #expect(FileManager.default.createFile(atPath: path, contents: Data("<html>".utf8)))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 100_000_000)
        try handle.close()
        #expect(throws: IngestionError.tooLarge(path: path, bytes: 100_000_000, limit: DebateReader.maximumFileBytes)) {
            try reader.read(contentsOf: path)
        }
        let message = IngestionError.tooLarge(path: path, bytes: 100_000_000, limit: DebateReader.maximumFileBytes)
            .description
        #expect(
            message
                == "\(path): is 100 MB, more than the 64 MB limit for one debate page; it is not a single saved page (split it, or check that it is the file you meant)"
        )
    }

    @Test("Bytes already in memory over the limit are refused too")
    func tooLargeInMemory() {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: DebateReader.maximumFileBytes + 1)
        #expect(
            throws: IngestionError.tooLarge(path: "x.txt", bytes: bytes.count, limit: DebateReader.maximumFileBytes)
        ) {
            try reader.read(bytes: bytes, path: "x.txt")
        }
    }

    static func nested(_ levels: Int, open: String, close: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(levels * (open.utf8.count + close.utf8.count) + 64)
        for _ in 0..<levels { bytes.append(contentsOf: open.utf8) }
        bytes.append(contentsOf: "x".utf8)
        for _ in 0..<levels { bytes.append(contentsOf: close.utf8) }
        return bytes
    }

    @Test("HTML nested 100,000 elements deep is refused, without overflowing the stack")
    func deepHTML() {
        let bytes =
            Array("<html><body>".utf8) + Self.nested(100_000, open: "<div>", close: "</div>")
            + Array("</body></html>\n".utf8)
        #expect(throws: IngestionError.nestedTooDeeply(path: "deep.html", limit: 255)) {
            try reader.read(bytes: bytes, path: "deep.html")
        }
        #expect(throws: IngestionError.nestedTooDeeply(path: "deep.html", limit: 255)) {
            try DebateReader(format: .historicHansardHTML).read(bytes: bytes, path: "deep.html")
        }
    }

    @Test("ParlParse XML nested 100,000 elements deep is refused")
    func deepXML() {
        let bytes =
            Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<publicwhip>".utf8)
            + Self.nested(100_000, open: "<p>", close: "</p>") + Array("</publicwhip>\n".utf8)
        #expect(throws: IngestionError.nestedTooDeeply(path: "deep.xml", limit: 255)) {
            try reader.read(bytes: bytes, path: "deep.xml")
        }
    }

    static func publicwhip(doctype: String, body: String) -> [UInt8] {
        Array(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE publicwhip [
            \(doctype)
            ]>
            <publicwhip><speech id="uk.org.publicwhip/debate/2009-10-28a.1.0" speakername="Mr Speaker">\
            <p>\(body)</p></speech></publicwhip>

            """.utf8)
    }

    @Test("A billion-laughs document is refused, naming the entity")
    func billionLaughs() {
        let declarations =
            ["<!ENTITY lol0 \"lol\">"]
            + (1...9).map { "<!ENTITY lol\($0) \"\(String(repeating: "&lol\($0 - 1);", count: 10))\">" }
        let bytes = Self.publicwhip(doctype: declarations.joined(separator: "\n"), body: "&lol9;")
        #expect(
            throws: IngestionError.malformed(
                path: "laughs.xml", format: .parlParseXML,
                reason: "it declares an entity lol1 of 60 characters; hansard expands only entities of up to 32"
                    + " characters (ParlParse declares single characters such as &mdash;), since repeated references"
                    + " to a long entity can multiply a small file into gigabytes")
        ) {
            try reader.read(bytes: bytes, path: "laughs.xml")
        }
    }

    @Test("Short entities built from each other are refused too: their expansion still multiplies")
    func nestedShortEntities() {
        let declarations =
            ["<!ENTITY a \"aa\">"]
            + (1...30).map { "<!ENTITY e\($0) \"&e\($0 - 1);&e\($0 - 1);\">" }
            .map { $0.replacingOccurrences(of: "&e0;", with: "&a;") }
        let bytes = Self.publicwhip(doctype: declarations.joined(separator: "\n"), body: "&e30;")
        do {
            _ = try reader.read(bytes: bytes, path: "doubling.xml")
            Issue.record("expected the doubling entities to be refused")
        } catch {
            guard case .malformed(_, _, let reason) = error else {
                Issue.record("expected a malformed error, got \(error)")
                return
            }
            #expect(
                reason.hasPrefix("it declares an entity e1 of 6 characters") || reason.contains("expand without bound"))
        }
    }

    @Test("One long entity referenced 100,000 times is refused before it is expanded")
    func quadraticBlowup() {
        let bytes = Self.publicwhip(
            doctype: "<!ENTITY a \"\(String(repeating: "a", count: 100_000))\">",
            body: String(repeating: "&a;", count: 100_000))
        #expect(
            throws: IngestionError.malformed(
                path: "quadratic.xml", format: .parlParseXML,
                reason: "it declares an entity a of 100000 characters; hansard expands only entities of up to 32"
                    + " characters (ParlParse declares single characters such as &mdash;), since repeated references"
                    + " to a long entity can multiply a small file into gigabytes")
        ) {
            try reader.read(bytes: bytes, path: "quadratic.xml")
        }
    }

    @Test("An external entity naming /etc/passwd is refused and the file is never read")
    func externalEntity() throws {
        let bytes = Self.publicwhip(doctype: "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">", body: "&xxe;")
        #expect(throws: IngestionError.externalReference(path: "xxe.xml", target: "entity xxe -> file:///etc/passwd")) {
            try reader.read(bytes: bytes, path: "xxe.xml")
        }
        let message = IngestionError.externalReference(path: "xxe.xml", target: "entity xxe -> file:///etc/passwd")
            .description
        #expect(message.contains("hansard never loads those"))
        #expect(!message.contains("root:"))
    }

    @Test("ParlParse's own single-character entities still read (a corpus day file declares them)")
    func parlParseEntitiesStillRead() throws {
        // corpus/parlparse-xml/westminster-hall-2009-10-28-parlparse.xml declares <!ENTITY mdash "&#8212;"> and
        // uses &mdash; in its speeches.
        let debate = try reader.read(
            contentsOf: CorpusFile.path("parlparse-xml/westminster-hall-2009-10-28-parlparse.xml"))
        #expect(debate.turns.contains { $0.paragraphs.contains { $0.contains("\u{2014}") } })
    }
}
