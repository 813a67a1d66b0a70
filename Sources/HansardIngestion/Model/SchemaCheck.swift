extension KeyedDecodingContainer {
    /// Reads a document's schema id at `key` and checks it.
    ///
    /// Every hansard document that carries an id checks it here.
    /// - Throws: a decoding error naming `expected` unless the id is one of `readable` (by default `expected`).
    package func checkSchema(_ key: Key, expected: String, readable: Set<String>? = nil) throws {
        let schema = try decode(String.self, forKey: key)
        guard (readable ?? [expected]).contains(schema) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "expected schema \(expected), found \(schema)")
        }
    }
}
