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
}
