import Foundation
import HansardTestSupport
import Testing

/// Fixtures for the tests that run `hansard register add` as a child process.
enum RegisterAddFixture {
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
    static func summary(_ output: String) -> (added: Int, unchanged: Int, revised: Int, failed: Int, commitments: Int)?
    {
        guard let line = output.split(separator: "\n").last(where: { $0.contains("debates added") }) else { return nil }
        let numbers = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard numbers.count >= 5 else { return nil }
        return (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4])
    }
}
