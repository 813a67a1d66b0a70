import Foundation

/// Locates files in the package's `corpus/` directory, relative to this source file.
enum CorpusFile {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // HansardRegisterTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root

    static let root: URL = packageRoot.appendingPathComponent("corpus")

    /// The absolute path of `corpus/<relative>`.
    static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }
}
