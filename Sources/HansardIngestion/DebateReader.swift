import Crypto
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads saved debate pages into ``Debate`` values.
///
/// The format is detected from the content, not the file name; pass `format` to override it.
/// A reader holds no state, so one value can read many files on many threads at once.
public struct DebateReader: Sendable {
    /// The format to read every file as, or nil to detect it from each file's content.
    public var format: InputFormat?

    /// The largest file read, in bytes.
    ///
    /// The largest debate pages and ParlParse day files are a few MB; a larger file is refused before it is loaded, so
    /// that one bad path cannot take the memory of a run over thousands of pages.
    public static let maximumFileBytes = 64_000_000

    /// Creates a reader.
    /// - Parameter format: read every file as this format instead of detecting it.
    public init(format: InputFormat? = nil) {
        self.format = format
    }

    /// Reads the file at `path`.
    /// - Returns: the debate the page holds.
    /// - Throws: ``IngestionError`` naming the file and the reason.
    public func read(contentsOf path: String) throws(IngestionError) -> Debate {
        let bytes = try Self.loadBytes(path)
        return try read(bytes: bytes, path: path)
    }

    /// Reads a page already in memory; `path` names it in the output and in errors.
    /// - Throws: ``IngestionError`` naming `path` and the reason.
    public func read(bytes: [UInt8], path: String) throws(IngestionError) -> Debate {
        if bytes.count > Self.maximumFileBytes {
            throw .tooLarge(path: path, bytes: bytes.count, limit: Self.maximumFileBytes)
        }
        try ByteChecks.rejectUnusable(bytes, path: path)
        let content: DebateContent
        let detected: InputFormat
        switch format.map(MarkupKind.init(format:)) ?? ByteChecks.markupKind(of: bytes) {
        case .text:
            try ByteChecks.requireUTF8(bytes, path: path)
            detected = .plainText
            content = try PlainTextReader.read(bytes, path: path)
        case .html:
            try ByteChecks.requireUTF8(bytes, path: path)
            try ByteChecks.requireHTMLEnd(bytes, path: path)
            (detected, content) = try readHTML(bytes, path: path)
        case .xml:
            try ByteChecks.requireDeclaredEncoding(bytes, path: path)
            (detected, content) = try readXML(bytes, path: path)
        }
        let source = SourceInfo(path: path, format: detected, sha256: Self.sha256(bytes), bytes: bytes.count)
        return Debate(source: source, metadata: content.metadata, turns: content.turns)
    }

    /// hansard.parliament.uk pages are streamed; a page the stream finds is not one (from its `<head>`)
    /// is parsed into a tree for the other HTML readers.
    private func readHTML(_ bytes: [UInt8], path: String) throws(IngestionError) -> (InputFormat, DebateContent) {
        if format == nil || format == .hansardHTML {
            let page = HansardPageReader(forced: format == .hansardHTML)
            if case .read = try MarkupStream.readHTML(bytes, path: path, into: page), page.isHansardPage {
                return (.hansardHTML, try page.content(path: path))
            }
        }
        return try withParsedHTML(bytes, path: path) { root, report throws(IngestionError) in
            let reader = try Self.reader(for: root, among: htmlFormatReaders, forced: format, path: path)
            return (reader.format, try reader.read(root, report: report, path: path))
        }
    }

    /// ParlParse files are streamed; a file whose root is not `<publicwhip>` is parsed into a tree for
    /// the historic Hansard XML reader.
    private func readXML(_ bytes: [UInt8], path: String) throws(IngestionError) -> (InputFormat, DebateContent) {
        // Named in errors about the XML itself, before any reader has looked at it.
        let expected = format ?? ByteChecks.xmlFormat(of: bytes)
        if format == nil || format == .parlParseXML {
            let reader = ParlParseReader(forced: format == .parlParseXML)
            if case .read(let report) = try MarkupStream.readXML(bytes, path: path, format: expected, into: reader) {
                try Self.requireWellFormed(report, path: path, format: expected)
                return (.parlParseXML, try reader.content(path: path))
            }
        }
        return try withParsedXML(bytes, path: path, format: expected) { root, report throws(IngestionError) in
            try Self.requireWellFormed(report, path: path, format: expected)
            let reader = try Self.reader(for: root, among: xmlFormatReaders, forced: format, path: path)
            return (reader.format, try reader.read(root, report: report, path: path))
        }
    }

    /// XML that libxml2 had to recover from is refused: a recovered document may lack part of the file.
    private static func requireWellFormed(_ report: MarkupParseReport, path: String, format: InputFormat)
        throws(IngestionError)
    {
        guard !report.wellFormed else { return }
        let where_ = report.lastErrorLine > 0 ? " at line \(report.lastErrorLine)" : ""
        let message = report.lastErrorMessage ?? "not well-formed"
        if report.entityExpansionRefused {
            throw .malformed(
                path: path, format: format,
                reason: "its entities expand without bound (a \"billion laughs\" document); hansard does"
                    + " not expand them")
        }
        if report.endedInsideElement {
            throw .truncated(path: path, reason: "XML ends inside an element\(where_)")
        }
        throw .malformed(path: path, format: format, reason: "\(message)\(where_)")
    }

    private static func reader(
        for root: MarkupNode, among readers: [any MarkupFormatReader.Type], forced: InputFormat?, path: String
    ) throws(IngestionError) -> any MarkupFormatReader.Type {
        if let forced {
            guard let reader = readers.first(where: { $0.format == forced }) else {
                throw .notADebate(path: path, reason: "the content is not \(forced.rawValue)")
            }
            return reader
        }
        guard let reader = readers.first(where: { $0.recognises(root) }) else {
            throw .notADebate(path: path, reason: notADebateReason(root))
        }
        return reader
    }

    private static func notADebateReason(_ root: MarkupNode) -> String {
        let title = root.firstElement(where: { $0.isElement("title") })?.foldedText ?? ""
        let named = title.isEmpty ? "" : " (page title \"\(title.prefix(80))\")"
        return "no Hansard contributions found\(named); save a debate page from hansard.parliament.uk,"
            + " historic Hansard, publications.parliament.uk, or a ParlParse or historic Hansard XML file"
    }

    static func loadBytes(_ path: String) throws(IngestionError) -> [UInt8] {
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw .fileNotFound(path: path) }
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory(path: path) }
        if Int(status.st_size) > maximumFileBytes {
            throw .tooLarge(path: path, bytes: Int(status.st_size), limit: maximumFileBytes)
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        // Read straight into the array's storage: no chunk buffer and no copy.
        let expected = Int(max(status.st_size, 0))
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, initialized in
            initialized = 0
            guard let base = buffer.baseAddress else { return }
            while initialized < expected {
                let count = systemRead(descriptor, base + initialized, expected - initialized)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if count == 0 { return }
                initialized += count
            }
        }
        if failure != 0 { throw .unreadable(path: path, reason: String(cString: strerror(failure))) }
        guard bytes.count == expected else { return bytes }
        // A pipe or a file that grew since stat: read on to its end, within the limit. A stream's first block
        // is checked as soon as it is in, so that a device of endless bytes (/dev/urandom) is refused for what
        // it is rather than read to the size limit.
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var startChecked = expected >= 8192
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if !startChecked, bytes.count >= 8192 {
                startChecked = true
                try ByteChecks.rejectBinaryStart(bytes, path: path)
            }
            if bytes.count > maximumFileBytes {
                throw .tooLarge(path: path, bytes: bytes.count, limit: maximumFileBytes)
            }
        }
        return bytes
    }

    /// The lower-case hex SHA-256 of the file at `path`, as ``SourceInfo/sha256`` gives it: how a register finds
    /// a page again after it has moved.
    /// - Throws: ``IngestionError`` when the file cannot be read.
    public static func sha256(ofFileAt path: String) throws(IngestionError) -> String {
        sha256(try loadBytes(path))
    }

    static func sha256(_ bytes: [UInt8]) -> String {
        Hex.string(SHA256.hash(data: bytes))
    }
}

/// What a format reader hands back: everything but the source facts.
struct DebateContent {
    var metadata: DebateMetadata
    var turns: [Turn]
}

/// The markup family a page is parsed as.
enum MarkupKind {
    case html, xml, text

    init(format: InputFormat) {
        switch format {
        case .hansardHTML, .historicHansardHTML, .publicationsHTML: self = .html
        case .parlParseXML, .historicHansardXML: self = .xml
        case .plainText: self = .text
        }
    }
}

/// Reads one kind of markup page from its parsed tree.
protocol MarkupFormatReader {
    static var format: InputFormat { get }
    /// A cheap look at the tree: does this page look like this format?
    static func recognises(_ root: MarkupNode) -> Bool
    /// Reads the page. Throws ``IngestionError/notADebate(path:reason:)`` when it holds no turns.
    static func read(_ root: MarkupNode, report: MarkupParseReport, path: String) throws(IngestionError)
        -> DebateContent
}

private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
