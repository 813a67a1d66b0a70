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
    mutating func write(_ debate: Debate) throws(JSONRenderingError) {
        beginObject()
        key("schema", first: true)
        string(Debate.schemaIdentifier)
        key("source")
        writeSource(debate.source)
        key("debate")
        writeMetadata(debate.metadata)
        key("turns")
        try array(debate.turns) { (writer, turn) throws(JSONRenderingError) in try writer.writeTurn(turn) }
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
        optionalString(metadata.date)
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

    private mutating func writeTurn(_ turn: Turn) throws(JSONRenderingError) {
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
        if !first { bytes.append(UInt8(ascii: ",")) }
        newline()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(0x20) }
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
        bytes.append(contentsOf: [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")])
    }

    private mutating func optionalString(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    private mutating func integer(_ value: Int) {
        // Short decimal strings are stored inline, so this allocates nothing.
        bytes.append(contentsOf: String(value).utf8)
    }

    /// As OrderedJSONEncoder writes a Double: a whole number below 10^15 without a fraction, anything else
    /// in Swift's shortest form that reads back to the same value.
    private mutating func double(_ value: Double) throws(JSONRenderingError) {
        guard value.isFinite else { throw .nonFiniteNumber(value) }
        if value == value.rounded(), abs(value) < 1e15 {
            bytes.append(contentsOf: String(Int64(value)).utf8)
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
    }

    private mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var runStart = 0
            var index = 0
            let count = utf8.count
            while index < count {
                // Skip eight bytes at a time while none is a control character, a quote or a backslash.
                while index + 8 <= count,
                    let base = utf8.baseAddress,
                    !Self.needsEscape(UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt64.self))
                {
                    index += 8
                }
                guard index < count else { break }
                let byte = utf8[index]
                index += 1
                // DEL and the C1 controls (C2 80 … C2 9F) are escaped too, as OrderedJSONEncoder does.
                let isC1 = byte == 0xC2 && index < count && (0x80...0x9F).contains(utf8[index])
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F || isC1
                else { continue }
                let at = index - 1
                if runStart < at { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<at])) }
                if isC1 {
                    appendEscape(utf8[index])
                    index += 1
                } else {
                    appendEscape(byte)
                }
                runStart = index
            }
            if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// True when one of the eight bytes is below 0x20, a quote, a backslash, DEL or 0xC2 (which leads the C1
    /// controls, and also U+00A0–U+00BF, so a few words go the slow way) — a SWAR test: a byte is zero in
    /// `x ^ pattern` exactly where it equals the pattern's byte.
    private static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let below20 = (word &- ones &* 0x20) & ~word & highs
        func has(_ byte: UInt64) -> UInt64 {
            let masked = word ^ (ones &* byte)
            return (masked &- ones) & ~masked & highs
        }
        return (below20 | has(0x22) | has(0x5C) | has(0x7F) | has(0xC2)) != 0
    }

    private mutating func appendEscape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
            bytes.append(hex[Int(byte >> 4)])
            bytes.append(hex[Int(byte & 0x0F)])
        }
    }
}

/// Why a value could not be written as JSON.
public enum JSONRenderingError: Error, Sendable, CustomStringConvertible {
    /// JSON has no NaN or infinity.
    case nonFiniteNumber(Double)

    /// The one line printed on stderr: the value that JSON cannot hold.
    public var description: String {
        switch self {
        case .nonFiniteNumber(let value): return "\(value) cannot be written as a JSON number"
        }
    }
}
