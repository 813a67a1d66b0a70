import Foundation

/// Locates files in the package's `corpus/` directory, relative to this source file.
enum CorpusFile {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // HansardReportsTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("corpus")

    /// The absolute path of `corpus/<relative>`.
    static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }
}
