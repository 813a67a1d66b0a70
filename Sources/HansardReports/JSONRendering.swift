import Foundation
public import HansardIngestion

/// Encodes values as the JSON hansard prints: keys in schema order, no escaped slashes, UTF-8.
public enum JSONRendering {
    /// Pretty-printed JSON for people and `jq`.
    public static func pretty<Value: Encodable>(_ value: Value) throws -> String {
        try render(value, formatting: [.prettyPrinted, .withoutEscapingSlashes])
    }

    /// One line of JSON, for JSON Lines output.
    public static func line<Value: Encodable>(_ value: Value) throws -> String {
        try render(value, formatting: [.withoutEscapingSlashes])
    }

    /// A debate as pretty-printed `hansard.debate/1` JSON, written without `JSONEncoder` (see ``line(_:)-debate``).
    public static func pretty(_ debate: Debate) throws(JSONRenderingError) -> String {
        try write(debate, pretty: true)
    }

    /// A debate as one line of `hansard.debate/1` JSON. The same values `JSONEncoder` gives, in schema
    /// key order, several times faster: at archive scale the encoding otherwise costs more than the parse.
    public static func line(_ debate: Debate) throws(JSONRenderingError) -> String {
        try write(debate, pretty: false)
    }

    private static func write(_ debate: Debate, pretty: Bool) throws(JSONRenderingError) -> String {
        // The JSON is close to the page's text in size; a reserve near it avoids most regrowth.
        var writer = DebateJSONWriter(pretty: pretty, capacity: 4096 + debate.source.bytes / 4)
        try writer.write(debate)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    private static func render<Value: Encodable>(
        _ value: Value, formatting: JSONEncoder.OutputFormatting
    ) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = formatting
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
