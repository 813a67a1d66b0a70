import Foundation
import Testing

/// Runs the built `hansard` executable as a child process, as a user would.
enum HansardProcess {
    /// The executable SwiftPM built next to this test bundle (`.build/<configuration>/hansard`).
    static var executable: URL {
        get throws {
            var candidates: [URL] = [Bundle.main.bundleURL.appendingPathComponent("hansard")]
            for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
                candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("hansard"))
            }
            candidates.append(CorpusFile.packageRoot.appendingPathComponent(".build/debug/hansard"))
            let found = candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
            return try #require(found, "build the hansard executable first (swift build); looked in \(candidates.map(\.path))")
        }
    }

    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    /// Starts hansard with `arguments`; standard output is a pipe the caller reads.
    static func start(_ arguments: [String]) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = try executable
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, output)
    }

    /// Runs hansard to the end and collects what it printed.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let folder = try temporaryFolder("process")
        let outputPath = folder + "/stdout"
        let errorPath = folder + "/stderr"
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        let process = Process()
        process.executableURL = try executable
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        try process.run()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            output: try String(contentsOfFile: outputPath, encoding: .utf8),
            error: try String(contentsOfFile: errorPath, encoding: .utf8))
    }

    /// A folder of real pages copied from corpus/: ParlParse, historic Hansard, publications and the text save
    /// (the large hansard.parliament.uk pages are left out to keep the tests quick).
    static func pagesFolder() throws -> (path: String, count: Int) {
        let folder = try temporaryFolder("pages")
        var count = 0
        for sub in ["parlparse-xml", "historic-hansard-html", "publications-html", "text-saves"] {
            let source = CorpusFile.path(sub)
            try FileManager.default.createDirectory(atPath: folder + "/" + sub, withIntermediateDirectories: true)
            for name in try FileManager.default.contentsOfDirectory(atPath: source).sorted() {
                try FileManager.default.copyItem(atPath: source + "/" + name, toPath: folder + "/" + sub + "/" + name)
                count += 1
            }
        }
        return (folder, count)
    }

    /// The numbers in `register add`'s summary line.
    static func summary(_ output: String) -> (added: Int, unchanged: Int, revised: Int, failed: Int, commitments: Int)? {
        guard let line = output.split(separator: "\n").last(where: { $0.contains("debates added") }) else { return nil }
        let numbers = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard numbers.count >= 5 else { return nil }
        return (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4])
    }
}
