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

    /// Every saved page in the corpus (all formats), as absolute paths in name order.
    static func allPages() throws -> [String] {
        var pages: [String] = []
        for folder in try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() {
            var isDirectory: ObjCBool = false
            let folderPath = root.appendingPathComponent(folder).path
            guard FileManager.default.fileExists(atPath: folderPath, isDirectory: &isDirectory), isDirectory.boolValue
            else { continue }
            for name in try FileManager.default.contentsOfDirectory(atPath: folderPath).sorted() {
                pages.append(root.appendingPathComponent(folder).appendingPathComponent(name).path)
            }
        }
        return pages
    }
}
