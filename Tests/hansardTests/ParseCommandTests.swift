import Foundation
import HansardTestSupport
import Testing

/// `hansard parse` as a user runs it: what reaches stdout and stderr, and the exit status.
@Suite("hansard parse command")
struct ParseCommandTests {
    static let seed = CorpusFile.relativePath("text-saves/lords-2023-03-08-whatsapp-ministerial-communications.txt")

    @Test("One good file prints one JSON object and nothing on stderr")
    func oneFile() throws {
        let outcome = try HansardCommand.run(["parse", Self.seed])
        #expect(outcome.status == 0)
        #expect(outcome.standardError.isEmpty)
        let object = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any]
        #expect(object?["schema"] as? String == "hansard.debate/1")
        let debate = object?["debate"] as? [String: Any]
        #expect(debate?["title"] as? String == "WhatsApp: Ministerial Communications")
    }

    @Test("A missing file among good ones: the good ones are printed, one line names the missing file, exit 66")
    func missingAmongGood() throws {
        let outcome = try HansardCommand.run(["parse", Self.seed, "corpus/no-such-page.html", Self.seed])
        #expect(outcome.status == 66)
        #expect(outcome.standardError == "hansard: corpus/no-such-page.html: no such file\n")
        let array = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [[String: Any]]
        #expect(array?.count == 2)
    }

    @Test("A single bad file leaves stdout empty and exits 65")
    func badFileNoPartialOutput() throws {
        let outcome = try HansardCommand.run(["parse", "Package.swift"])
        #expect(outcome.status == 65)
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError.hasPrefix("hansard: Package.swift: not a debate page"))
        #expect(outcome.standardError.split(separator: "\n").count == 1)
    }

    @Test("--jsonl writes one compact object per line")
    func jsonLines() throws {
        let outcome = try HansardCommand.run(["parse", "--jsonl", Self.seed, Self.seed])
        #expect(outcome.status == 0)
        let lines = outcome.standardOutput.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["schema"] as? String == "hansard.debate/1")
        }
    }

    @Test("--jsonl with --format text is a usage error")
    func jsonLinesNeedsJSON() throws {
        let outcome = try HansardCommand.run(["parse", "--jsonl", "--format", "text", Self.seed])
        #expect(outcome.status == 64)
        #expect(outcome.standardOutput.isEmpty)
    }
}
