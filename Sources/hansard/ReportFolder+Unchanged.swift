import HansardReports

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ReportFolder {
    /// Writes `contents` to `relative` (as ``ReportFolder/write(_:_:)``) unless the file there already holds
    /// exactly those bytes, in which case it is kept as it is (``ReportFolder/keep(_:)``).
    ///
    /// The comparison is here rather than in HansardReports, which reads no file.
    mutating func update(_ relative: String, _ contents: String) throws(ReportError) {
        if Self.holds(path + "/" + relative, contents) {
            keep(relative)
        } else {
            try write(relative, contents)
        }
    }

    /// Whether the file at `full` already holds exactly `contents`: a report made again after a few debates were
    /// added rewrites only the pages that changed (renaming over 100,000 pages took a quarter of such a report's
    /// time), and a web server or rsync sees the rest untouched.
    private static func holds(_ full: String, _ contents: String) -> Bool {
        // Non-blocking, so that a FIFO someone left at the page's path is not waited on (it is not a regular file,
        // so it is then replaced).
        let descriptor = open(full, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        var contents = contents
        return contents.withUTF8 { expected -> Bool in
            guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
                Int(status.st_size) == expected.count
            else { return false }
            guard expected.count > 0 else { return true }
            let existing = UnsafeMutableRawBufferPointer.allocate(byteCount: expected.count + 1, alignment: 1)
            defer { existing.deallocate() }
            var at = 0
            // One byte more than expected: a file that grew since the stat is not the same.
            while at <= expected.count {
                let count = read(descriptor, existing.baseAddress! + at, expected.count + 1 - at)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                at += count
            }
            return at == expected.count && memcmp(existing.baseAddress!, expected.baseAddress!, at) == 0
        }
    }
}
