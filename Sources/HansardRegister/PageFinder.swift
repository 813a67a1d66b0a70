import Foundation
public import HansardIngestion

/// Finds a debate's page again by its SHA-256: at the path the register stored, else among the pages in the folders a
/// user names (`hansard report --sources DIR`), so that a register made on another machine, or before the pages moved,
/// still finds its transcripts.
///
/// Files are compared by size first, and hashed only when the size fits (or the register does not know it); each file
/// is hashed at most once.
public struct PageFinder {
    /// The folders searched, recursively, for pages.
    public let folders: [String]
    private var files: [(path: String, bytes: Int)]?
    private var hashes: [String: String] = [:]

    /// A finder that looks, beyond the stored paths, in `folders`.
    public init(folders: [String]) { self.folders = folders }

    /// Where the page with this SHA-256 is.
    /// - Parameters:
    ///   - sha256: the page's SHA-256, as the register keeps it.
    ///   - bytes: its size, when the register knows it.
    ///   - storedPath: where the register last read it, tried first.
    /// - Returns: the path and how it was found, or nil when no file has those bytes.
    public mutating func locate(sha256: String, bytes: Int?, storedPath: String) -> (path: String, moved: Bool)? {
        if case .file(let size) = RegisterFile.status(storedPath), bytes.map({ $0 == size }) ?? true,
            hash(storedPath) == sha256
        {
            return (storedPath, false)
        }
        if files == nil {
            files = Intake.expand(folders).paths.compactMap { path in
                guard case .file(let size) = RegisterFile.status(path) else { return nil }
                return (path, size)
            }
        }
        for file in files ?? [] where bytes.map({ $0 == file.bytes }) ?? true {
            if hash(file.path) == sha256 { return (file.path, true) }
        }
        return nil
    }

    /// Why a debate's page was not found: in words fit to publish (the file's name and hash, no folder), and in
    /// words for the user at this machine (the path, and what to do).
    public func notFound(_ debate: DebateRecord) -> (published: String, local: String) {
        let published =
            "the page it was read from (\(debate.sourceName), SHA-256 \(debate.sha256.prefix(12))…) was not found "
            + "where the register last read it" + (folders.isEmpty ? "" : ", nor in the folders searched")
        let local =
            "\(debate.sourcePath) is not there or has changed"
            + (folders.isEmpty ? "" : " and no file in \(folders.joined(separator: ", ")) has its SHA-256")
            + "; give the folder the page is in now with --sources DIR"
        return (published, local)
    }

    /// Reads the debate's page, wherever it is found, and checks it is the version the register holds.
    /// - Returns: the transcript, or why there is none (as ``notFound(_:)`` words it).
    public mutating func transcript(of debate: DebateRecord, reader: DebateReader = DebateReader()) -> (
        Debate?, unavailable: (published: String, local: String)?
    ) {
        guard let found = locate(sha256: debate.sha256, bytes: debate.bytes, storedPath: debate.sourcePath) else {
            return (nil, notFound(debate))
        }
        do throws(IngestionError) {
            let page = try reader.read(contentsOf: found.path)
            guard page.source.sha256 == debate.sha256 else {
                return (
                    nil,
                    (
                        "the page it was read from (\(debate.sourceName)) changed while the report was made",
                        "\(found.path) changed while the report was made"
                    )
                )
            }
            return (page, nil)
        } catch {
            return (
                nil, ("the page it was read from (\(debate.sourceName)) could not be read again", error.description)
            )
        }
    }

    private mutating func hash(_ path: String) -> String? {
        if let known = hashes[path] { return known }
        guard let value = try? DebateReader.sha256(ofFileAt: path) else { return nil }
        hashes[path] = value
        return value
    }
}
