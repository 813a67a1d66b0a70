import Foundation
import HansardIngestion

/// The corpus pages of one format, loaded once so that benchmarks time the reading, not the disk.
public struct CorpusPages: Sendable {
    /// The format every page here is in.
    public let format: InputFormat
    /// Each page's path and bytes, in file-name order.
    public let pages: [(path: String, bytes: [UInt8])]

    /// Total size of the pages in bytes.
    public var byteCount: Int { pages.reduce(0) { $0 + $1.bytes.count } }

    /// The repository's `corpus/` folder, found from this source file.
    public static let corpusRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // BenchmarkSupport
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()  // Benchmarks
        .deletingLastPathComponent()  // repository root
        .appendingPathComponent("corpus")

    /// The corpus folder that holds each format's pages.
    public static let folders: [(InputFormat, String)] = [
        (.hansardHTML, "hansard-modern-html"),
        (.historicHansardHTML, "historic-hansard-html"),
        (.publicationsHTML, "publications-html"),
        (.parlParseXML, "parlparse-xml"),
        (.plainText, "text-saves"),
    ]

    /// Reads every page of `format` from its corpus folder.
    public init(_ format: InputFormat) throws {
        self.format = format
        let folder = Self.folders.first { $0.0 == format }!.1
        let directory = Self.corpusRoot.appendingPathComponent(folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        pages = try names.map { name in
            let path = directory.appendingPathComponent(name).path
            return (path, Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        }
    }

    /// Every format's pages.
    public static func all() throws -> [CorpusPages] {
        try folders.map { try CorpusPages($0.0) }
    }
}
