import Foundation

/// The formats `hansard report` writes.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// `index.html`, `debates/`, `commitments/`.
    case html
    /// `commitments.md`.
    case md
    /// `commitments.csv`.
    case csv

    /// The file the format writes in the output folder (for HTML, the entry page).
    public var fileName: String {
        switch self {
        case .html: return "index.html"
        case .md: return "commitments.md"
        case .csv: return "commitments.csv"
        }
    }
}

/// Writes report files into an output folder.
public enum ReportWriter {
    /// Writes `files` (paths relative to `folder`), creating folders as needed. Pages an earlier report left in
    /// the `debates/` and `commitments/` folders that this one does not make are removed, so the folder never
    /// links to stale pages; nothing else in `folder` is touched.
    /// - Returns: the number of files written.
    @discardableResult
    public static func write(_ files: [(path: String, contents: String)], to folder: String) throws(ReportError) -> Int {
        let manager = FileManager.default
        let base = URL(fileURLWithPath: folder, isDirectory: true)
        let wanted = Set(files.map(\.path))
        do {
            try manager.createDirectory(at: base, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: folder, reason: error.localizedDescription)
        }
        for subfolder in Set(files.compactMap { $0.path.split(separator: "/").dropLast().first.map(String.init) }) {
            let url = base.appendingPathComponent(subfolder, isDirectory: true)
            do {
                try manager.createDirectory(at: url, withIntermediateDirectories: true)
            } catch {
                throw .cannotWrite(path: url.path, reason: error.localizedDescription)
            }
            for name in (try? manager.contentsOfDirectory(atPath: url.path)) ?? []
            where name.hasSuffix(".html") && !wanted.contains(subfolder + "/" + name) {
                try? manager.removeItem(at: url.appendingPathComponent(name))
            }
        }
        for file in files {
            let url = base.appendingPathComponent(file.path)
            do {
                try Data(file.contents.utf8).write(to: url, options: .atomic)
            } catch {
                throw .cannotWrite(path: url.path, reason: error.localizedDescription)
            }
        }
        return files.count
    }
}
