import Foundation

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
        do {
            try Data(contents.utf8).write(to: URL(fileURLWithPath: full), options: .atomic)
        } catch {
            throw .cannotWrite(path: full, reason: Self.reason(error))
        }
        writtenPaths.insert(relative)
        written += 1
    }

    /// Deletes `.html` files in the folders this report wrote pages into that it did not write.
    public func removeStalePages() {
        let manager = FileManager.default
        for folder in subfolders {
            for name in (try? manager.contentsOfDirectory(atPath: path + "/" + folder)) ?? []
            where name.hasSuffix(".html") && !writtenPaths.contains(folder + "/" + name) {
                try? manager.removeItem(atPath: path + "/" + folder + "/" + name)
            }
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
