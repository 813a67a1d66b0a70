import Foundation
import HansardIngestion
import HansardTestSupport
import Testing

/// Each kind of unusable file gets its own error, naming the file.
@Suite("Bad input")
struct BadInputTests {
    let reader = DebateReader()

    private func temporaryFile(_ bytes: [UInt8], name: String = "page.html") throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("hansard-bad-input-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test("A missing file is reported as missing")
    func missingFile() {
        #expect(throws: IngestionError.fileNotFound(path: "/no/such/page.html")) {
            try reader.read(contentsOf: "/no/such/page.html")
        }
    }

    @Test("A directory is refused")
    func directory() throws {
        let path = try temporaryFile([0x41]).split(separator: "/").dropLast().joined(separator: "/")
        #expect(throws: IngestionError.isDirectory(path: "/" + path)) {
            try reader.read(contentsOf: "/" + path)
        }
    }

    @Test("An empty or blank file is empty")
    func empty() throws {
        for bytes in [[], Array(" \n\t\n".utf8)] as [[UInt8]] {
            let path = try temporaryFile(bytes)
            #expect(throws: IngestionError.empty(path: path)) { try reader.read(contentsOf: path) }
        }
    }

    @Test(
        "Binary formats are named",
        arguments: [
            (Array("%PDF-1.7\n".utf8) + [0xE2, 0xE3], "a PDF document"),
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG image"),
            ([0x1F, 0x8B, 0x08, 0x00], "gzip-compressed data; decompress it first (gunzip)"),
        ] as [([UInt8], String)])
    func binary(bytes: [UInt8], kind: String) throws {
        let path = try temporaryFile(bytes)
        #expect(throws: IngestionError.binary(path: path, kind: kind)) { try reader.read(contentsOf: path) }
    }

    @Test("Two NULs in the first 8 KB are binary data; one, or a second past 8 KB, is a damaged page at the first")
    func nulBytesAtTheStart() throws {
        let html = Array("<html><head><title>Debate</title></head><body><p>Text</p></body></html>\n".utf8)
        var page = html + Array(repeating: UInt8(ascii: " "), count: 10_000)
        page[100] = 0
        page[9_000] = 0
        let damaged = try temporaryFile(page)
        #expect(throws: IngestionError.containsNUL(path: damaged, offset: 100)) { try reader.read(contentsOf: damaged) }
        page[8_191] = 0
        let binary = try temporaryFile(page)
        #expect(throws: IngestionError.binary(path: binary, kind: "binary data (it contains NUL bytes)")) {
            try reader.read(contentsOf: binary)
        }
    }

    @Test("UTF-16 is refused with the command that converts it")
    func utf16() throws {
        let text = "<html><body><p>My Lords</p></body></html>"
        let path = try temporaryFile([0xFF, 0xFE] + Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(
            throws: IngestionError.encoding(
                path: path, reason: "is UTF-16 text; convert it to UTF-8 first (iconv -f UTF-16 -t UTF-8)")
        ) {
            try reader.read(contentsOf: path)
        }
    }

    @Test("Windows-1252 is refused with the byte and the fix")
    func windows1252() throws {
        // "Minister’s" with the Windows-1252 right single quote 0x92.
        let bytes =
            Array("<html><head><meta charset=\"utf-8\"></head><body><p>Minister".utf8) + [0x92]
            + Array("s answer</p></body></html>".utf8)
        let path = try temporaryFile(bytes)
        do {
            _ = try reader.read(contentsOf: path)
            Issue.record("expected an encoding error")
        } catch {
            guard case .encoding(let errorPath, let reason) = error else {
                Issue.record("expected an encoding error, got \(error)")
                return
            }
            #expect(errorPath == path)
            #expect(reason.contains("byte 0x92 at offset 58"))
            #expect(reason.contains("declares utf-8"))
            #expect(reason.contains("iconv -f WINDOWS-1252 -t UTF-8"))
        }
    }

    @Test("A saved page cut short is truncated, for HTML and XML alike")
    func truncated() throws {
        for page in [
            "hansard-modern-html/commons-1997-05-21-engagements.html",
            "historic-hansard-html/commons-1914-11-16-alien-enemies.html",
            "parlparse-xml/lords-2009-10-27-written-ministerial-statements-parlparse.xml",
        ] {
            let whole = try Array(Data(contentsOf: URL(fileURLWithPath: CorpusFile.path(page))))
            let path = try temporaryFile(Array(whole.prefix(whole.count * 2 / 3)), name: "cut.\(page.suffix(4))")
            do {
                _ = try reader.read(contentsOf: path)
                Issue.record("\(page) cut short was read")
            } catch {
                guard case .truncated(let errorPath, _) = error else {
                    Issue.record("\(page) cut short: expected truncated, got \(error)")
                    continue
                }
                #expect(errorPath == path)
            }
        }
    }

    @Test("A web page from another site is not a debate, and the error names its title")
    func otherSite() throws {
        let page = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Weather forecast for London</title>
            <meta property="og:url" content="https://www.example.org/weather/london"></head>
            <body><header><nav><a href="/">Home</a></nav></header><main><h1>London</h1>
            <p>Sunny intervals, 14°C. Light winds from the south-west.</p></main></body></html>
            """
        let path = try temporaryFile(Array(page.utf8))
        do {
            _ = try reader.read(contentsOf: path)
            Issue.record("another site's page was read as a debate")
        } catch {
            guard case .notADebate(let errorPath, let reason) = error else {
                Issue.record("expected notADebate, got \(error)")
                return
            }
            #expect(errorPath == path)
            #expect(reason.contains("Weather forecast for London"))
        }
    }

    @Test("A page mislabelled as Windows-1252 whose bytes are UTF-8 is read as the UTF-8 it is")
    func mislabelledButUTF8() throws {
        let seed = try String(
            contentsOfFile: CorpusFile.path("hansard-modern-html/commons-1997-05-21-engagements.html"), encoding: .utf8)
        let relabelled = seed.replacingOccurrences(of: "<head>", with: "<head><meta charset=\"windows-1252\">")
        #expect(relabelled != seed)
        let debate = try reader.read(bytes: Array(relabelled.utf8), path: "relabelled.html")
        let original = try reader.read(
            contentsOf: CorpusFile.path("hansard-modern-html/commons-1997-05-21-engagements.html"))
        #expect(debate.turns == original.turns)
    }
}
