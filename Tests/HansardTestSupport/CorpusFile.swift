public import Foundation

/// Locates the package and its `corpus/` from this source file, so tests run from any working directory.
public enum CorpusFile {
    /// The package root.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // HansardTestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root

    /// The `corpus/` folder.
    public static let root: URL = packageRoot.appendingPathComponent("corpus")

    /// The absolute path of `corpus/<relative>`.
    public static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }

    /// `corpus/<relative>` as a user types it in the package root, where ``HansardCommand`` runs.
    public static func relativePath(_ relative: String) -> String {
        "corpus/" + relative
    }

    /// What a corpus-parameterised test gets instead of no arguments when the corpus is missing or empty: one path
    /// that names the problem, so each such test fails reading it rather than passing with no cases run.
    public static let missingCorpus = root.appendingPathComponent("(corpus folder missing or empty)").path

    /// ``allPages()`` (or those of them that `keep`) for a parameterised test's arguments: never empty, so a
    /// missing corpus fails the test (``missingCorpus``) instead of passing with nothing checked.
    public static func pagesForTesting(where keep: (String) -> Bool = { _ in true }) -> [String] {
        let pages = ((try? allPages()) ?? []).filter(keep)
        return pages.isEmpty ? [missingCorpus] : pages
    }

    /// Every saved page in the corpus (all formats), as absolute paths in name order.
    public static func allPages() throws -> [String] {
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
