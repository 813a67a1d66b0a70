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

    /// ``line(_:)-debate`` as UTF-8 bytes, for writing straight to a file without making a String.
    public static func lineBytes(_ debate: Debate) throws(JSONRenderingError) -> [UInt8] {
        try writeBytes(debate, pretty: false)
    }

    /// ``pretty(_:)-debate`` as UTF-8 bytes.
    public static func prettyBytes(_ debate: Debate) throws(JSONRenderingError) -> [UInt8] {
        try writeBytes(debate, pretty: true)
    }

    private static func write(_ debate: Debate, pretty: Bool) throws(JSONRenderingError) -> String {
        String(decoding: try writeBytes(debate, pretty: pretty), as: UTF8.self)
    }

    private static func writeBytes(_ debate: Debate, pretty: Bool) throws(JSONRenderingError) -> [UInt8] {
        // The JSON is at most about the page's size (ParlParse pages are nearly all text, HTML pages
        // mostly markup); reserving that much avoids regrowth, and untouched pages of a large
        // reservation cost nothing.
        var writer = DebateJSONWriter(pretty: pretty, capacity: 4096 + debate.source.bytes)
        try writer.write(debate)
        return writer.bytes
    }

    private static func render<Value: Encodable>(
        _ value: Value, formatting: JSONEncoder.OutputFormatting
    ) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = formatting
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
