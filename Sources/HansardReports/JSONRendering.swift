import Foundation

/// Encodes values as the JSON hansard prints: keys in schema order, no escaped slashes, UTF-8.
public enum JSONRendering {
    /// Pretty-printed JSON for people and `jq`.
    public static func pretty<Value: Encodable>(_ value: Value) throws -> String {
        try render(value, formatting: [.prettyPrinted, .withoutEscapingSlashes])
    }

    /// Pretty-printed JSON with keys sorted, so equal values always give identical bytes
    /// (Foundation's encoder on Linux does not keep the order keys were encoded in).
    public static func canonical<Value: Encodable>(_ value: Value) throws -> String {
        try render(value, formatting: [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys])
    }

    /// One line of JSON, for JSON Lines output.
    public static func line<Value: Encodable>(_ value: Value) throws -> String {
        try render(value, formatting: [.withoutEscapingSlashes])
    }

    private static func render<Value: Encodable>(
        _ value: Value, formatting: JSONEncoder.OutputFormatting
    ) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = formatting
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
