public import HansardIngestion

/// Encodes values as the JSON hansard prints: keys in schema order, no escaped slashes, UTF-8,
/// the same bytes for the same value on every run.
public enum JSONRendering {
    /// Pretty-printed JSON (two-space indent) for people and `jq`.
    public static func pretty<Value: Encodable>(_ value: Value) throws -> String {
        String(decoding: try OrderedJSONEncoder(prettyPrinted: true).encode(value), as: UTF8.self)
    }

    /// One line of JSON, for JSON Lines output.
    public static func line<Value: Encodable>(_ value: Value) throws -> String {
        String(decoding: try OrderedJSONEncoder(prettyPrinted: false).encode(value), as: UTF8.self)
    }

    /// A debate as pretty-printed `hansard.debate/1` JSON: the bytes ``pretty(_:)-generic`` gives, written
    /// without building a tree first (see ``line(_:)-debate``).
    public static func pretty(_ debate: Debate) throws(JSONRenderingError) -> String {
        String(decoding: try prettyBytes(debate), as: UTF8.self)
    }

    /// A debate as one line of `hansard.debate/1` JSON: the bytes the generic encoder gives, written in
    /// one pass. At archive scale, building the value tree for every turn and paragraph cost more than
    /// parsing the page.
    public static func line(_ debate: Debate) throws(JSONRenderingError) -> String {
        String(decoding: try lineBytes(debate), as: UTF8.self)
    }

    /// ``line(_:)-debate`` as UTF-8 bytes, for writing straight to a file without making a String.
    public static func lineBytes(_ debate: Debate) throws(JSONRenderingError) -> [UInt8] {
        try writeBytes(debate, pretty: false)
    }

    /// ``pretty(_:)-debate`` as UTF-8 bytes.
    public static func prettyBytes(_ debate: Debate) throws(JSONRenderingError) -> [UInt8] {
        try writeBytes(debate, pretty: true)
    }

    private static func writeBytes(_ debate: Debate, pretty: Bool) throws(JSONRenderingError) -> [UInt8] {
        // The JSON is at most about the page's size (ParlParse pages are nearly all text, HTML pages
        // mostly markup); reserving that much avoids regrowth, and untouched pages of a large
        // reservation cost nothing.
        var writer = DebateJSONWriter(pretty: pretty, capacity: 4096 + debate.source.bytes)
        try writer.write(debate)
        return writer.bytes
    }
}
