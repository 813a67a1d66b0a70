import HansardIngestion

/// Writes a ``Debate`` as `hansard.debate/1` JSON straight into a byte buffer.
///
/// A general encoder builds a tree of boxed values for every turn and paragraph before it writes a byte,
/// which cost more than parsing the page itself. This writer emits the bytes ``OrderedJSONEncoder`` gives
/// for a `Debate` (keys in schema order, `null` for unknown values, the same number forms and escapes,
/// slashes unescaped) in one pass; tests compare the two on every corpus page.
struct DebateJSONWriter {
    private(set) var bytes: [UInt8] = []
    private let pretty: Bool
    private var depth = 0

    init(pretty: Bool, capacity: Int = 0) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    /// Writes the whole debate.
    ///
    /// Throws when a number cannot be written as JSON (NaN or infinity).
    mutating func write(_ debate: Debate) throws(ReportError) {
        beginObject()
        key("schema", first: true)
        string(Debate.schemaIdentifier)
        key("source")
        writeSource(debate.source)
        key("debate")
        writeMetadata(debate.metadata)
        key("turns")
        try array(debate.turns) { (writer, turn) throws(ReportError) in try writer.writeTurn(turn) }
        endObject()
    }

    private mutating func writeSource(_ source: SourceInfo) {
        beginObject()
        key("path", first: true)
        string(source.path)
        key("format")
        string(source.format.rawValue)
        key("sha256")
        string(source.sha256)
        key("bytes")
        integer(source.bytes)
        endObject()
    }

    private mutating func writeMetadata(_ metadata: DebateMetadata) {
        beginObject()
        key("title", first: true)
        string(metadata.title)
        key("house")
        optionalString(metadata.house?.rawValue)
        key("date")
        optionalString(metadata.date?.description)
        key("volume")
        optionalString(metadata.volume)
        key("type")
        optionalString(metadata.type)
        key("url")
        optionalString(metadata.url)
        key("sections")
        array(metadata.sections) { writer, section in
            writer.beginObject()
            writer.key("index", first: true)
            writer.integer(section.index)
            writer.key("title")
            writer.string(section.title)
            writer.key("level")
            writer.integer(section.level)
            writer.endObject()
        }
        endObject()
    }

    private mutating func writeTurn(_ turn: Turn) throws(ReportError) {
        beginObject()
        key("index", first: true)
        integer(turn.index)
        key("section")
        if let section = turn.section { integer(section) } else { null() }
        key("kind")
        string(turn.kind.rawValue)
        key("speaker")
        if let speaker = turn.speaker { writeSpeaker(speaker) } else { null() }
        key("role")
        string(turn.role.rawValue)
        key("roleConfidence")
        try double(turn.roleConfidence)
        key("roleEvidence")
        array(turn.roleEvidence) { writer, evidence in writer.string(evidence) }
        key("attribution")
        string(turn.attribution.rawValue)
        key("paragraphs")
        array(turn.paragraphs) { writer, paragraph in writer.string(paragraph) }
        key("column")
        optionalString(turn.column)
        key("time")
        optionalString(turn.time)
        key("contributionId")
        optionalString(turn.contributionId)
        endObject()
    }

    private mutating func writeSpeaker(_ speaker: Speaker) {
        beginObject()
        key("name", first: true)
        string(speaker.name)
        key("memberId")
        optionalString(speaker.memberId)
        key("party")
        optionalString(speaker.party)
        key("office")
        optionalString(speaker.office)
        key("constituency")
        optionalString(speaker.constituency)
        endObject()
    }

    // MARK: - Structure
    //
    // Pretty output is OrderedJSONEncoder's: two-space indent, `"key": value`, empty arrays as `[]`.

    private mutating func beginObject() {
        bytes.append(UInt8(ascii: "{"))
        depth += 1
    }

    private mutating func endObject() {
        depth -= 1
        newline()
        bytes.append(UInt8(ascii: "}"))
    }

    private mutating func key(_ name: StaticString, first: Bool = false) {
        guard !pretty else {
            if !first { bytes.append(UInt8(ascii: ",")) }
            newline()
            bytes.append(UInt8(ascii: "\""))
            name.withUTF8Buffer { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: "\": ".utf8)
            return
        }
        // `,"name":` assembled on the stack and appended at once: a JSON line has some twenty keys a turn, and
        // five appends each (a capacity and uniqueness check apiece) were a measurable share of `hansard parse`.
        name.withUTF8Buffer { name in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: name.count + 4) { buffer in
                var at = 0
                if !first {
                    buffer[at] = UInt8(ascii: ",")
                    at += 1
                }
                buffer[at] = UInt8(ascii: "\"")
                at += 1
                for byte in name {
                    buffer[at] = byte
                    at += 1
                }
                buffer[at] = UInt8(ascii: "\"")
                buffer[at + 1] = UInt8(ascii: ":")
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<(at + 2)]))
            }
        }
    }

    private mutating func array<Element, Failure: Error>(
        _ elements: [Element], _ writeElement: (inout DebateJSONWriter, Element) throws(Failure) -> Void
    ) throws(Failure) {
        guard !elements.isEmpty else {
            bytes.append(contentsOf: [UInt8(ascii: "["), UInt8(ascii: "]")])
            return
        }
        bytes.append(UInt8(ascii: "["))
        depth += 1
        for (offset, element) in elements.enumerated() {
            if offset > 0 { bytes.append(UInt8(ascii: ",")) }
            newline()
            try writeElement(&self, element)
        }
        depth -= 1
        newline()
        bytes.append(UInt8(ascii: "]"))
    }

    private mutating func newline() {
        guard pretty else { return }
        bytes.append(0x0A)
        for _ in 0..<depth { bytes.append(contentsOf: [0x20, 0x20]) }
    }

    // MARK: - Values

    private mutating func null() {
        bytes.append(contentsOf: "null".utf8)
    }

    private mutating func optionalString(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    private mutating func integer(_ value: Int) { JSONBytes.appendInteger(value, to: &bytes) }

    private mutating func double(_ value: Double) throws(ReportError) { try JSONBytes.appendDouble(value, to: &bytes) }

    private mutating func string(_ value: String) { JSONBytes.appendString(value, to: &bytes) }
}
