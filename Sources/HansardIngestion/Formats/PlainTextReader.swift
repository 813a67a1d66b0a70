/// Reads a page a browser saved as plain text.
enum PlainTextReader {
    static func read(_ text: String, path: String) throws(IngestionError) -> DebateContent {
        throw .notADebate(path: path, reason: "plain-text saves are not read yet")
    }
}
