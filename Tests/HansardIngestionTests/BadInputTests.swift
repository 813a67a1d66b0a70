import Foundation
import HansardIngestion
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

    @Test("UTF-16 is refused with the command that converts it")
    func utf16() throws {
        let text = "<html><body><p>My Lords</p></body></html>"
        let path = try temporaryFile([0xFF, 0xFE] + Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(throws: IngestionError.encoding(path: path, reason: "is UTF-16 text; convert it to UTF-8 first (iconv -f UTF-16 -t UTF-8)")) {
            try reader.read(contentsOf: path)
        }
    }

    @Test("Windows-1252 is refused with the byte and the fix")
    func windows1252() throws {
        // "Minister’s" with the Windows-1252 right single quote 0x92.
        let bytes = Array("<html><head><meta charset=\"utf-8\"></head><body><p>Minister".utf8) + [0x92]
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
}
