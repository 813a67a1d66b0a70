import Foundation
public import HansardAnalysis
public import HansardIngestion

/// Finds the pages to add and reads and analyses them on all cores.
public enum Intake {
    /// File name extensions taken from directories; files named on the command line are always tried.
    public static let pageExtensions: Set<String> = ["html", "htm", "xhtml", "xml", "txt"]

    /// Expands directories recursively into their pages, in name order; files are kept as given.
    /// Hidden files and folders are skipped.
    /// - Returns: the paths, and the arguments that name nothing.
    public static func expand(_ arguments: [String]) -> (paths: [String], missing: [String]) {
        var paths: [String] = []
        var missing: [String] = []
        let manager = FileManager.default
        for argument in arguments {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                missing.append(argument)
                continue
            }
            guard isDirectory.boolValue else {
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
                    var childIsDirectory: ObjCBool = false
                    if manager.fileExists(atPath: full, isDirectory: &childIsDirectory), !childIsDirectory.boolValue {
                        found.append(full)
                    }
                }
            }
            paths += found.sorted()
        }
        return (paths, missing)
    }

    /// Reads and analyses `paths` concurrently and hands each result to `handle` in the order of `paths`.
    ///
    /// At most `width` files are in flight, and finished results wait only for the files before them.
    public static func analyse(
        _ paths: [String], reader: DebateReader, analyzer: Analyzer, width: Int = DebateReader.defaultConcurrency,
        inOrder handle: (String, Result<(Debate, Analysis), IngestionError>) async throws -> Void
    ) async throws {
        let width = max(1, width)
        try await withThrowingTaskGroup(of: (Int, Result<(Debate, Analysis), IngestionError>).self) { group in
            var nextToStart = 0
            var nextToHandle = 0
            var finished: [Int: Result<(Debate, Analysis), IngestionError>] = [:]
            func start(_ index: Int) {
                let path = paths[index]
                group.addTask {
                    do throws(IngestionError) {
                        let debate = try reader.read(contentsOf: path)
                        return (index, .success((debate, analyzer.analyse(debate))))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            while nextToStart < min(width, paths.count) {
                start(nextToStart)
                nextToStart += 1
            }
            while let (index, result) = try await group.next() {
                finished[index] = result
                while let ready = finished.removeValue(forKey: nextToHandle) {
                    try await handle(paths[nextToHandle], ready)
                    nextToHandle += 1
                }
                while nextToStart < paths.count, nextToStart - nextToHandle < width * 2 {
                    start(nextToStart)
                    nextToStart += 1
                }
            }
        }
    }
}
