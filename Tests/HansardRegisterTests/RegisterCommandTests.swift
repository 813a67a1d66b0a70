import Foundation
import HansardRegister
import HansardTestSupport
import Testing

/// The register commands as a user runs them.
@Suite("Register commands")
struct RegisterCommandTests {
    @Test("HANSARD_REGISTER names the register; --register overrides it")
    func registerLocation() throws {
        let folder = try temporaryFolder()
        let page = CorpusFile.path(Pages.lordsWMS20091027)
        let added = try HansardCommand.run(
            ["register", "add", "--quiet", page], environment: ["HANSARD_REGISTER": folder + "/env.sqlite"])
        #expect(added.status == 0, "\(added.standardError)")
        #expect(added.standardOutput.hasPrefix("1 debates added, 0 unchanged, 0 revised, 0 failed;"))
        #expect(FileManager.default.fileExists(atPath: folder + "/env.sqlite"))

        let overridden = try HansardCommand.run(
            ["register", "add", "--quiet", "--register", folder + "/flag.sqlite", page],
            environment: ["HANSARD_REGISTER": folder + "/env.sqlite"])
        #expect(overridden.status == 0)
        #expect(overridden.standardOutput.contains("(\(folder)/flag.sqlite)"))

        // XDG_DATA_HOME is honoured when neither is given.
        #expect(
            Register.defaultPath(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/u"])
                == "/data/hansard/register.sqlite")
        #expect(
            Register.defaultPath(environment: ["HOME": "/home/u"]) == "/home/u/.local/share/hansard/register.sqlite")
    }

    @Test("diff exits 0 when the registers are equal and 1 when they differ")
    func diffExitStatus() throws {
        let folder = try temporaryFolder()
        let register = folder + "/r.sqlite"
        #expect(
            try HansardCommand.run([
                "register", "add", "--quiet", "--register", register, CorpusFile.path(Pages.lordsWMS20091027),
            ]).status == 0)
        let before = try HansardCommand.run(["register", "export", "--register", register])
        #expect(before.status == 0)
        try before.standardOutput.write(toFile: folder + "/before.json", atomically: true, encoding: .utf8)
        #expect(try HansardCommand.run(["diff", folder + "/before.json", register]).status == 0)

        let listed = try HansardCommand.run([
            "commitments", "--all-governments", "--register", register, "--format", "csv",
        ])
        // Lord Bach, col. 98WS: "... and we will publish a shortlist of potential sites."
        let row = try #require(
            listed.standardOutput.split(separator: "\r\n").first { $0.contains("shortlist of potential sites") })
        let id = String(row.prefix(while: { $0 != "," }))
        let resolved = try HansardCommand.run([
            "register", "resolve", id, "--register", register, "--status", "fulfilled", "--evidence",
            "https://www.gov.uk/prison-sites-shortlist", "--date", "2010-03-01",
        ])
        #expect(resolved.status == 0, "\(resolved.standardError)")
        let diff = try HansardCommand.run(["diff", "--format", "json", folder + "/before.json", register])
        #expect(diff.status == 1)
        #expect(diff.standardOutput.contains("\"differ\": true"))
        #expect(diff.standardOutput.contains("https://www.gov.uk/prison-sites-shortlist"))

        let unknown = try HansardCommand.run(["register", "show", "c-nonesuch", "--register", register])
        #expect(unknown.status == 67)
        #expect(unknown.standardError.contains("c-nonesuch"))
        let badDate = try HansardCommand.run(["commitments", "--register", register, "--as-of", "2010-02-30"])
        #expect(badDate.status == 64)
    }
}
