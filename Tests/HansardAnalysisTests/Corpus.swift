import Foundation

/// Finds corpus files from the test source's location, so tests run from any working directory.
enum CorpusFile {
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func path(_ relative: String) -> String {
        packageRoot.appendingPathComponent("corpus").appendingPathComponent(relative).path
    }
}
