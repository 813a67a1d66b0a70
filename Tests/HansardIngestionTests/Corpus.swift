import Foundation

/// Locates files in the package's corpus/ folder from the test sources, wherever the package is checked out.
enum CorpusFile {
    /// The package root: three levels above this file (Tests/HansardIngestionTests/Corpus.swift).
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The absolute path of `relative` inside corpus/, e.g. `CorpusFile.path("text-saves/…")`.
    static func path(_ relative: String) -> String {
        root.appendingPathComponent("corpus").appendingPathComponent(relative).path
    }
}
