#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to standard output and standard error without buffering surprises between the two.
enum Terminal {
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer in writeAll(buffer, to: STDOUT_FILENO) }
    }

    static func writeError(_ text: String) {
        var text = text
        text.withUTF8 { buffer in writeAll(buffer, to: STDERR_FILENO) }
    }

    /// Prints a one-line diagnostic to standard error, prefixed with the tool's name.
    static func report(_ message: String) {
        writeError("hansard: \(message)\n")
    }

    static var standardOutputIsTerminal: Bool { isatty(STDOUT_FILENO) != 0 }
    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }

    /// The width of the terminal on `descriptor`, else `$COLUMNS`, else `fallback`.
    static func width(of descriptor: Int32 = STDOUT_FILENO, fallback: Int = 120) -> Int {
        var size = winsize()
        if isatty(descriptor) != 0, ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        if let columns = getenv("COLUMNS").flatMap({ Int(String(cString: $0)) }), columns > 0 { return columns }
        return fallback
    }

    private static func writeAll(_ buffer: UnsafeBufferPointer<UInt8>, to descriptor: Int32) {
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                // A closed pipe (e.g. `| head`) is the reader's choice, not an error worth a message.
                exit(ExitStatus.outputFailed.rawValue)
            }
            offset += written
        }
    }
}
