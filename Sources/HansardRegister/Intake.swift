import Foundation
public import HansardAnalysis
public import HansardIngestion

/// Finds the pages to add and reads and analyses them on all cores.
public enum Intake {
    /// File name extensions taken from directories; files named on the command line are always tried.
    public static let pageExtensions: Set<String> = ["html", "htm", "xhtml", "xml", "txt"]

    /// Expands directories recursively into their pages, in name order; files are kept as given.
    ///
    /// Hidden files and folders are skipped, and so is anything in a folder that is not a regular file (or a link to
    /// one): a named pipe would block the walk until something wrote to it.
    /// - Returns: the paths, the arguments that name nothing, and the entries skipped with what they are.
    public static func expand(
        _ arguments: [String]
    ) -> (paths: [String], missing: [String], skipped: [(path: String, kind: String)]) {
        var paths: [String] = []
        var missing: [String] = []
        var skipped: [(path: String, kind: String)] = []
        let manager = FileManager.default
        for argument in arguments {
            switch RegisterFile.status(argument) {
            case .missing:
                missing.append(argument)
                continue
            case .other(let kind) where kind == "a directory":
                break
            default:
                paths.append(argument)
                continue
            }
            let base = argument.hasSuffix("/") ? String(argument.dropLast()) : argument
            var found: [String] = []
            if let enumerator = manager.enumerator(atPath: base) {
                while let relative = enumerator.nextObject() as? String {
                    if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                    let ext = (relative as NSString).pathExtension.lowercased()
                    guard pageExtensions.contains(ext) else { continue }
                    let full = base + "/" + relative
                    switch RegisterFile.status(full) {
                    case .file: found.append(full)
                    case .other(let kind) where kind != "a directory": skipped.append((full, kind))
                    default: break
                    }
                }
            }
            paths += found.sorted()
        }
        return (paths, missing, skipped.sorted { $0.path < $1.path })
    }

    /// Reads and analyses `paths` on all cores and hands each result to `handle` in the order of `paths`.
    ///
    /// This is ``DebateReader/read(_:maxConcurrentFiles:transform:inOrder:)`` with analysis as the transform.
    /// Each debate's source path is made absolute, with links resolved, before it is analysed: the register keeps
    /// where the page is, for reports run from anywhere later. When `handle` throws, no more files are read and
    /// the error is rethrown.
    public static func analyse(
        _ paths: [String], reader: DebateReader, analyzer: Analyzer, width: Int = DebateReader.defaultConcurrency,
        inOrder handle: (String, Result<(Debate, Analysis), IngestionError>) async throws -> Void
    ) async throws {
        try await reader.read(
            paths, maxConcurrentFiles: width,
            transform: { read in
                var debate = read
                debate.source.path = RegisterFile.resolved(read.source.path)
                return (debate, analyzer.analyse(debate))
            }, inOrder: handle)
    }
}
