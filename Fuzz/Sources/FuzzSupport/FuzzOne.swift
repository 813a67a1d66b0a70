import HansardIngestion
import HansardReports

/// Reads one fuzzer input as `format` and, when it reads, writes it as JSON. Errors are the expected
/// outcome for most inputs; a crash, a hang or a leak is what the fuzzer is looking for.
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int, as format: InputFormat) {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    read(bytes, as: format)
    // Format detection is a separate path through the byte checks; exercise it too.
    _ = try? DebateReader().read(bytes: bytes, path: "fuzz-input")
    // Where the dictionary's marker landed, read the input again with a text run past libxml2's
    // 10,000,000-character text-node limit in its place: inside text, an attribute, a comment, a tag.
    if let at = firstOffset(of: hugeMarker, in: bytes) {
        read(Array(bytes[..<at]) + hugeRun + Array(bytes[(at + hugeMarker.count)...]), as: format)
    }
}

private func read(_ bytes: [UInt8], as format: InputFormat) {
    do {
        let debate = try DebateReader(format: format).read(bytes: bytes, path: "fuzz-input")
        _ = try JSONRendering.line(debate)
    } catch {
        _ = String(describing: error)
    }
}

/// The token `Fuzz/hansard.dict` names `huge`.
private let hugeMarker = Array("@@HUGE@@".utf8)

/// 10,000,012 bytes of " We will act.": one more sentence than libxml2 keeps in a text node without
/// XML_PARSE_HUGE.
private let hugeRun = Array(String(repeating: " We will act.", count: 769_232).utf8)

private func firstOffset(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
    guard bytes.count >= needle.count else { return nil }
    for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
        if bytes[start..<(start + needle.count)].elementsEqual(needle) { return start }
    }
    return nil
}
