import HansardIngestion
import HansardReports

#if canImport(Glibc)
    import Glibc
#endif

// Reads each file named on the command line and writes its JSON line to stdout, on one thread:
// the work of `hansard parse --jsonl --jobs 1` without the task group, for valgrind's tools.
let reader = DebateReader()
var failures: Int32 = 0
for path in CommandLine.arguments.dropFirst() {
    do {
        let debate = try reader.read(contentsOf: path)
        var line = try JSONRendering.line(debate) + "\n"
        line.withUTF8 { _ = write(1, $0.baseAddress, $0.count) }
    } catch {
        var message = "parse-profile: \(error)\n"
        message.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
        failures = 65
    }
}
exit(failures)
