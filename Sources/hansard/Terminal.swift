import HansardReports

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes to standard output and standard error without buffering surprises between the two.
///
/// Text goes out with its control characters written visibly (``ControlCharacters``), whatever renderer made
/// it: page text, file names, evidence and notes must never drive the terminal. Only line breaks and tabs
/// pass, and the escape codes hansard adds itself for colour and the progress bar (``writeStyled(_:)``).
enum Terminal {
    static func write(_ text: String) {
        writeStyled(ControlCharacters.escaped(text, keeping: .layout))
    }

    /// Writes text whose escape codes are hansard's own (colours): the text was escaped before they were added.
    static func writeStyled(_ text: String) {
        var text = text
        text.withUTF8 { buffer in writeAll(buffer, to: STDOUT_FILENO) }
    }

    /// Writes bytes already encoded as UTF-8 (rendered JSON, whose writer escapes every control character;
    /// a transcript, whose renderer does), without making a String of them.
    static func write(bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in writeAll(buffer, to: STDOUT_FILENO) }
    }

    static func writeError(_ text: String) {
        writeErrorStyled(ControlCharacters.escaped(text, keeping: .layout))
    }

    /// Writes to standard error text whose escape codes are hansard's own (the progress bar's).
    static func writeErrorStyled(_ text: String) {
        var text = text
        text.withUTF8 { buffer in writeAll(buffer, to: STDERR_FILENO) }
    }

    /// Prints a one-line diagnostic to standard error, prefixed with the tool's name.
    ///
    /// A line break in the message (a file name may hold one) is written as `\x0A`, so one message is always one line.
    static func report(_ message: String) {
        writeErrorStyled("hansard: \(ControlCharacters.escaped(message))\n")
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
            let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                // A closed pipe (e.g. `| head`) is the reader's choice, not an error worth a message.
                exit(ExitStatus.outputFailed.rawValue)
            }
            offset += written
        }
    }
}

/// write(2) from the C library of the platform, named apart from `Terminal.write` so Linux and macOS both build.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(descriptor, bytes, count)
    #else
        Darwin.write(descriptor, bytes, count)
    #endif
}
