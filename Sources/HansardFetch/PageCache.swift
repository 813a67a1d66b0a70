import Crypto
import Foundation
import HansardIngestion

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Fetched pages kept on disk, so that a page is read like a saved file and never needs the network again.
///
/// Layout, under the folder (by default `cache/` next to the register):
/// - `pages/<sha256>.<ext>`: the bytes of each debate page, named by their SHA-256;
/// - `listings/<sha256>.html`: directory listings of day files;
/// - `urls/<sha256 of the URL>.json`: for each URL, the body it last gave, when it was fetched and checked,
///   and its `ETag` and `Last-Modified` for conditional requests;
/// - `tmp/`: downloads in progress. A body is renamed into place only when it is whole and, for a page,
///   readable as a debate, and its URL record after it, so a killed process leaves nothing half-written.
public struct PageCache: Sendable {
    /// The cache folder.
    public let folder: String

    /// A cache in `folder` (created when first written).
    public init(folder: String) {
        var folder = folder
        while folder.count > 1 && folder.hasSuffix("/") { folder.removeLast() }
        self.folder = folder
    }

    /// The cache that belongs to the register at `registerPath`: `cache/` beside it.
    public static func beside(register registerPath: String) -> PageCache {
        let parent = (registerPath as NSString).deletingLastPathComponent
        return PageCache(folder: (parent.isEmpty ? "." : parent) + "/cache")
    }

    /// What the cache knows about one URL.
    public struct Record: Codable, Sendable, Hashable {
        /// `hansard.cache/1`.
        public var schema: String = PageCache.schemaIdentifier
        /// The URL asked for.
        public var url: String
        /// The URL the body came from, after redirects.
        public var finalURL: String
        /// SHA-256 of the body.
        public var sha256: String
        /// The body's size in bytes.
        public var bytes: Int
        /// The body's file, relative to the cache folder.
        public var file: String
        /// When the body was downloaded (ISO 8601, UTC).
        public var fetchedAt: String
        /// When the server last confirmed it (a 304), or the download time.
        public var checkedAt: String
        /// The server's `ETag` for the body, sent back as `If-None-Match`.
        public var etag: String?
        /// The server's `Last-Modified`, sent back as `If-Modified-Since`.
        public var lastModified: String?
        /// The server's `Content-Type` for the body.
        public var contentType: String?
    }

    /// The schema identifier of URL records.
    public static let schemaIdentifier = "hansard.cache/1"

    enum Kind: String {
        case pages, listings
    }

    /// The record for `url`, or nil when there is none (or it cannot be read, which counts as none).
    public func record(for url: String) -> Record? {
        guard let data = FileManager.default.contents(atPath: recordPath(url)),
            let record = try? JSONDecoder().decode(Record.self, from: data),
            record.schema == Self.schemaIdentifier, record.url == url
        else { return nil }
        return record
    }

    /// The absolute path of a record's body.
    public func bodyPath(_ record: Record) -> String { absolute(folder + "/" + record.file) }

    /// The record for `url` when its body is in the cache with the bytes it was stored with.
    public func intactRecord(for url: String) -> Record? {
        guard let record = record(for: url), !record.file.contains(".."),
            let data = FileManager.default.contents(atPath: bodyPath(record)),
            Self.sha256(data) == record.sha256
        else { return nil }
        return record
    }

    /// Every URL record in the cache, in no particular order.
    public func allRecords() -> [Record] {
        let urls = folder + "/urls"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: urls) else { return [] }
        return names.filter { $0.hasSuffix(".json") }.compactMap { name in
            guard let data = FileManager.default.contents(atPath: urls + "/" + name) else { return nil }
            return try? JSONDecoder().decode(Record.self, from: data)
        }
    }

    /// A new file in `tmp/` for a download, with the folders made.
    ///
    /// Downloads left by a killed process more than a day ago are removed.
    func temporaryFile() throws(FetchError) -> String {
        let tmp = folder + "/tmp"
        try makeFolder(tmp)
        if let names = try? FileManager.default.contentsOfDirectory(atPath: tmp) {
            let old = Date().addingTimeInterval(-86_400)
            for name in names {
                let path = tmp + "/" + name
                if let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate]
                    as? Date, modified < old
                {
                    try? FileManager.default.removeItem(atPath: path)
                }
            }
        }
        return tmp + "/" + UUID().uuidString + ".part"
    }

    /// Moves a finished download into place as `kind/<sha256>.<ext>` and returns its path relative to the cache folder.
    ///
    /// The same bytes already there are kept, and the download dropped.
    func store(_ temporary: String, sha256: String, fileExtension: String, kind: Kind) throws(FetchError) -> String {
        let relative = kind.rawValue + "/" + sha256 + "." + fileExtension
        let destination = folder + "/" + relative
        try makeFolder(folder + "/" + kind.rawValue)
        try syncFile(temporary)
        guard rename(temporary, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .cache(path: destination, reason: reason)
        }
        return relative
    }

    /// Writes `record` in place of the URL's earlier record, atomically.
    func save(_ record: Record) throws(FetchError) {
        let urls = folder + "/urls"
        try makeFolder(urls)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        guard var data = try? encoder.encode(record) else {
            throw .cache(path: recordPath(record.url), reason: "the record could not be encoded")
        }
        data.append(0x0A)
        let temporary = try temporaryFile()
        guard FileManager.default.createFile(atPath: temporary, contents: data) else {
            throw .cache(path: temporary, reason: "the file could not be created")
        }
        try syncFile(temporary)
        guard rename(temporary, recordPath(record.url)) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .cache(path: recordPath(record.url), reason: reason)
        }
    }

    func recordPath(_ url: String) -> String { folder + "/urls/" + Self.sha256(Data(url.utf8)) + ".json" }

    /// The data reaches the disk before the rename that makes it visible, so a crash never leaves a record
    /// naming a body that is not all there.
    private func syncFile(_ path: String) throws(FetchError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .cache(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        if fsync(descriptor) != 0 { throw .cache(path: path, reason: String(cString: strerror(errno))) }
    }

    private func makeFolder(_ path: String) throws(FetchError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .cache(path: path, reason: "the folder could not be created (\(Self.reason(error)))")
        }
    }

    private func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    static func reason(_ error: any Error) -> String {
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain
        {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return (error as NSError).localizedDescription
    }

    static func sha256(_ data: Data) -> String {
        Hex.string(SHA256.hash(data: data))
    }
}
