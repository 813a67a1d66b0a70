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
    public static func pretty(_ debate: Debate) throws(ReportError) -> String {
        String(decoding: try prettyBytes(debate), as: UTF8.self)
    }

    /// A debate as one line of `hansard.debate/1` JSON: the bytes the generic encoder gives, written in one pass.
    ///
    /// At archive scale, building the value tree for every turn and paragraph cost more than parsing the page.
    public static func line(_ debate: Debate) throws(ReportError) -> String {
        String(decoding: try lineBytes(debate), as: UTF8.self)
    }

    /// ``line(_:)-debate`` as UTF-8 bytes, for writing straight to a file without making a String.
    public static func lineBytes(_ debate: Debate) throws(ReportError) -> [UInt8] {
        try writeBytes(debate, pretty: false)
    }

    /// ``pretty(_:)-debate`` as UTF-8 bytes.
    public static func prettyBytes(_ debate: Debate) throws(ReportError) -> [UInt8] {
        try writeBytes(debate, pretty: true)
    }

    private static func writeBytes(_ debate: Debate, pretty: Bool) throws(ReportError) -> [UInt8] {
        // Reserving about the JSON's size avoids regrowth, whose copy would hold old and new buffers at once,
        // and untouched pages of a large reservation cost nothing. The page's size covers HTML (mostly markup)
        // and ParlParse (nearly all text); a text save's JSON is twice the page, what each turn adds (its keys
        // and role evidence) being as long as a short paragraph, so that is counted from the turns.
        var text = 0
        for turn in debate.turns {
            text += 400
            for paragraph in turn.paragraphs { text += paragraph.utf8.count + 16 }
            for clue in turn.roleEvidence { text += clue.utf8.count + 16 }
        }
        var writer = DebateJSONWriter(pretty: pretty, capacity: 4096 + max(debate.source.bytes, text))
        try writer.write(debate)
        return writer.bytes
    }
}
