/// The links an HTML page holds, read with the same hardened libxml2 parse as debate pages.
///
/// hansard fetches only what it is asked for; this is how a directory listing of day files (TheyWorkForYou's
/// `scrapedxml` folders) is read without a regular expression over markup.
public enum PageLinks {
    /// The `href` of every `<a>` element in document order, as written in the page (not resolved).
    /// - Parameters:
    ///   - bytes: the page, UTF-8 (an ASCII directory listing is).
    ///   - path: names the page in errors: a file path or a URL.
    /// - Returns: the `href` values, in document order; empty when the page has no links.
    /// - Throws: ``IngestionError`` when the bytes are empty, binary, not UTF-8 or not parseable as HTML.
    public static func hrefs(inHTML bytes: [UInt8], path: String) throws(IngestionError) -> [String] {
        if bytes.count > DebateReader.maximumFileBytes {
            throw .tooLarge(path: path, bytes: bytes.count, limit: DebateReader.maximumFileBytes)
        }
        try ByteChecks.rejectUnusable(bytes, path: path)
        try ByteChecks.requireUTF8(bytes, path: path)
        return try withParsedHTML(bytes, path: path) { root, _ throws(IngestionError) in
            root.elements(where: { $0.isElement("a") }).compactMap { $0.attribute("href") }
        }
    }
}
