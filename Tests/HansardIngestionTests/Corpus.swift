import Foundation

/// Locates files in the package's `corpus/` directory from the test sources.
enum CorpusFile {
    /// The absolute path of `corpus/<relative>`.
    static func path(_ relative: String) -> String {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // HansardIngestionTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // package root
            .appendingPathComponent("corpus")
            .appendingPathComponent(relative)
            .path
    }
}
