import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The formats `hansard report` writes.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// `index.html`, `debates/`, `commitments/`.
    case html
    /// `commitments.md`.
    case md
    /// `commitments.csv`.
    case csv
    /// `overdue.xml`, the Atom feed (HTML writes it too).
    case atom

    /// The file the format writes in the output folder (for HTML, the entry page).
    public var fileName: String {
        switch self {
        case .html: return "index.html"
        case .md: return "commitments.md"
        case .csv: return "commitments.csv"
        case .atom: return OverdueFeed.fileName
        }
    }
}

/// The folder a report is written into, one file at a time.
///
/// Files are written whole (to a temporary name, then renamed), so a reader never sees half a page. After a
/// report, ``removeStalePages()`` deletes pages an earlier report left in the `debates/` and `commitments/`
/// folders that this one did not write, so the folder never links to stale pages; nothing else is touched.
public struct ReportFolder {
    /// The folder's path.
    public let path: String
    /// Files written so far.
    public private(set) var written = 0
    /// Files left as they were (``keep(_:)``), because an earlier report wrote the same bytes there.
    public private(set) var unchanged = 0
    private var writtenPaths: Set<String> = []
    private var subfolders: Set<String> = []

    /// Creates the folder (and its parents) when missing.
    public init(path: String) throws(ReportError) {
        self.path = path
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: path, reason: Self.reason(error))
        }
    }

    /// Writes `contents` as UTF-8 to `relative` (for example `debates/d-1.html`), creating its folder when needed.
    public mutating func write(_ relative: String, _ contents: String) throws(ReportError) {
        let parts = relative.split(separator: "/")
        if parts.count > 1 {
            let folder = parts.dropLast().joined(separator: "/")
            if subfolders.insert(folder).inserted {
                let full = path + "/" + folder
                do {
                    try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
                } catch {
                    throw .cannotWrite(path: full, reason: Self.reason(error))
                }
            }
        }
        let full = path + "/" + relative
        writtenPaths.insert(relative)
        try Self.replace(full, with: contents)
        written += 1
    }

    /// Counts `relative` as part of this report without writing it: the caller found that it already holds the
    /// bytes it would get, so ``removeStalePages(alsoIn:)`` keeps it.
    public mutating func keep(_ relative: String) {
        writtenPaths.insert(relative)
        unchanged += 1
    }

    /// Deletes `.html` files in the folders this report wrote pages into (and in `folders`, which a report of
    /// another size may have written) that it did not write, and the temporary files of a report that was killed
    /// while writing.
    public func removeStalePages(alsoIn folders: [String] = []) {
        let manager = FileManager.default
        for folder in subfolders.union(folders).sorted() {
            for name in (try? manager.contentsOfDirectory(atPath: path + "/" + folder)) ?? []
            where (name.hasSuffix(".html") && !writtenPaths.contains(folder + "/" + name))
                // A page half-written when an earlier report was killed.
                || (name.hasPrefix(".") && name.hasSuffix(".tmp"))
            {
                try? manager.removeItem(atPath: path + "/" + folder + "/" + name)
            }
        }
    }

    /// Writes `contents` to a temporary file beside `full` and renames it over `full`, so a reader sees the old
    /// page or the new one, never part of one.
    ///
    /// There is no fsync: a report is made again from the register at will, and syncing each of 100,000 pages
    /// took a sixth of the report's time (`Data.write(options: .atomic)` syncs every file).
    private static func replace(_ full: String, with contents: String) throws(ReportError) {
        let slash = full.lastIndex(of: "/").map { full.index(after: $0) } ?? full.startIndex
        let temporary = String(full[..<slash]) + "." + full[slash...] + ".\(getpid()).tmp"
        func failure() -> ReportError { .cannotWrite(path: full, reason: String(cString: strerror(errno))) }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw failure() }
        var contents = contents
        let wrote = contents.withUTF8 { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
        let writeError = wrote ? nil : failure()
        let closed = close(descriptor) == 0
        if let writeError {
            unlink(temporary)
            throw writeError
        }
        guard closed, rename(temporary, full) == 0 else {
            let error = failure()
            unlink(temporary)
            throw error
        }
    }

    private static func reason(_ error: any Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let code = underlying?.code, underlying?.domain == NSPOSIXErrorDomain, let text = strerror(Int32(code)) {
            return String(cString: text)
        }
        return error.localizedDescription
    }
}

/// write(2), which ``ReportFolder/write(_:_:)`` hides inside the type.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
