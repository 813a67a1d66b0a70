import Foundation
import HansardTestSupport
import Testing

/// `hansard report`, help, completions and terminal output as a user meets them.
@Suite("hansard report command")
struct ReportCommandTests {
    static let seed = CorpusFile.relativePath("text-saves/lords-2023-03-08-whatsapp-ministerial-communications.txt")

    /// A fresh folder holding a register made from the seed page by `hansard register add`.
    static func registerFromSeed() throws -> (folder: String, register: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "hansard-report-cli-\(UUID().uuidString)"
        ).path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let register = folder + "/register.sqlite"
        let added = try HansardCommand.run(["register", "add", "--quiet", "--register", register, seed])
        #expect(added.status == 0, "\(added.standardError)")
        return (folder, register)
    }

    @Test("HTML, Markdown and CSV into a folder: files written, a summary on stderr, nothing on stdout")
    func writesAllFormats() throws {
        let (folder, register) = try Self.registerFromSeed()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/site"
        let arguments = [
            "report", "--register", register, "--out", out, "--as-of", "2026-11-25", "--format", "html", "--format",
            "md", "--format", "csv",
        ]
        let outcome = try HansardCommand.run(arguments)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError.hasPrefix("wrote "))
        #expect(outcome.standardError.contains("(1 debates, "))
        for file in ["index.html", "commitments.md", "commitments.csv"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + file), "\(file)")
        }
        let index = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(index.contains("we will be producing new guidance shortly on the use of WhatsApp"))
        // The same report again rewrites nothing: every file already holds its bytes.
        let again = try HansardCommand.run(arguments)
        #expect(again.status == 0, "\(again.standardError)")
        let written = try #require(outcome.standardError.split(separator: " ").dropFirst().first)
        #expect(again.standardError.hasPrefix("wrote 0 files (\(written) more unchanged): "), "\(again.standardError)")
    }

    @Test("Past twenty pages not found, the rest are counted in one line, not named one by one")
    func manyMissingPages() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "hansard-report-missing-\(UUID().uuidString)"
        ).path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pages = folder + "/pages"
        try FileManager.default.createDirectory(atPath: pages, withIntermediateDirectories: true)
        let seed = try String(
            contentsOfFile: CorpusFile.path("text-saves/lords-2023-03-08-whatsapp-ministerial-communications.txt"),
            encoding: .utf8)
        // 25 distinct pages (a different title each), added and then moved away.
        for number in 1...25 {
            let page = seed.replacingOccurrences(
                of: "\nWhatsApp: Ministerial Communications\n",
                with: "\nWhatsApp: Ministerial Communications \(number)\n")
            try page.write(toFile: pages + "/copy-\(number).txt", atomically: true, encoding: .utf8)
        }
        let register = folder + "/r.sqlite"
        let added = try HansardCommand.run(["register", "add", "--register", register, pages])
        #expect(added.status == 0, "\(added.standardError)")
        #expect((added.standardOutput + added.standardError).contains("25 debates added"), "\(added.standardError)")
        try FileManager.default.moveItem(atPath: pages, toPath: folder + "/moved")
        let report = try HansardCommand.run(["report", "--register", register, "--out", folder + "/site", "--quiet"])
        #expect(report.status == 0, "\(report.standardError)")
        let lines = report.standardError.split(separator: "\n")
        #expect(lines.filter { $0.contains("transcript not shown") }.count == 19, "\(report.standardError)")
        #expect(
            lines.last?.hasPrefix("hansard: 6 more debates' transcripts not shown") == true, "\(report.standardError)")
        #expect(lines.count == 20)
    }

    @Test("--out - prints one CSV report on stdout; with HTML it is a usage error (64)")
    func standardOutput() throws {
        let (folder, register) = try Self.registerFromSeed()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let csv = try HansardCommand.run(["report", "--register", register, "--out", "-", "--format", "csv"])
        #expect(csv.status == 0)
        #expect(csv.standardOutput.hasPrefix("id,status,status_date,as_of,"))
        #expect(csv.standardError.isEmpty)
        let html = try HansardCommand.run(["report", "--register", register, "--out", "-"])
        #expect(html.status == 64)
        #expect(html.standardOutput.isEmpty)
    }

    @Test("A folder that cannot be made exits 73 with one line naming it")
    func unwritableFolder() throws {
        let (folder, register) = try Self.registerFromSeed()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A regular file stands where the output folder's parent should be.
        let blocker = folder + "/file"
        try "x".write(toFile: blocker, atomically: true, encoding: .utf8)
        let outcome = try HansardCommand.run(["report", "--register", register, "--out", blocker + "/site"])
        #expect(outcome.status == 73)
        #expect(outcome.standardError.hasPrefix("hansard: \(blocker)/site: cannot write the report"))
        #expect(outcome.standardError.split(separator: "\n").count == 1)
    }

    @Test("Piped, a list is tab-separated and plain, even without NO_COLOR; a table asked for is plain too")
    func plainWhenPiped() throws {
        let (folder, register) = try Self.registerFromSeed()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = try HansardCommand.run(
            ["commitments", "--register", register, "--as-of", "2026-11-25", "--all-governments"],
            environment: ["NO_COLOR": ""])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.hasPrefix("id\tdebate_date\tminister\t"))
        #expect(!outcome.standardOutput.contains("\u{1B}"))
        let table = try HansardCommand.run(
            ["commitments", "--register", register, "--as-of", "2026-11-25", "--all-governments", "--format", "table"],
            environment: ["NO_COLOR": ""])
        #expect(table.standardOutput.hasPrefix("ID "))
        #expect(!table.standardOutput.contains("\u{1B}"))
    }

    @Test("Every command's --help ends with examples")
    func helpHasExamples() throws {
        let commands: [[String]] = [
            [], ["parse"], ["analyse"], ["commitments"], ["diff"], ["report"], ["register"], ["register", "add"],
            ["register", "show"], ["register", "resolve"], ["register", "reopen"], ["register", "links"],
            ["register", "confirm"], ["register", "reject"], ["register", "export"], ["register", "import"],
        ]
        for command in commands {
            let outcome = try HansardCommand.run(command + ["--help"])
            #expect(outcome.status == 0, "\(command)")
            #expect(outcome.standardOutput.contains("Examples:"), "hansard \(command.joined(separator: " ")) --help")
        }
    }

    @Test("Shell completion scripts are generated for bash, zsh and fish and know the report command")
    func completions() throws {
        for shell in ["bash", "zsh", "fish"] {
            let outcome = try HansardCommand.run(["--generate-completion-script", shell])
            #expect(outcome.status == 0, "\(shell)")
            #expect(outcome.standardOutput.contains("report"), "\(shell)")
            #expect(outcome.standardOutput.contains("as-of"), "\(shell)")
        }
    }
}
