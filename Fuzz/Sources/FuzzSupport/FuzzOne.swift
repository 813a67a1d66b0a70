import HansardIngestion
import HansardReports

/// Reads one fuzzer input as `format` and, when it reads, writes it as JSON. Errors are the expected
/// outcome for most inputs; a crash, a hang or a leak is what the fuzzer is looking for.
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int, as format: InputFormat) {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    do {
        let debate = try DebateReader(format: format).read(bytes: bytes, path: "fuzz-input")
        _ = try JSONRendering.line(debate)
    } catch {
        _ = String(describing: error)
    }
    // Format detection is a separate path through the byte checks; exercise it too.
    _ = try? DebateReader().read(bytes: bytes, path: "fuzz-input")
}
