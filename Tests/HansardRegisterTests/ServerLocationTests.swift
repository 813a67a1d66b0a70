import Foundation
import HansardRegister
import HansardTestSupport
import Testing

/// A register named by a server address is never taken for a file name.
///
/// A `postgres://…` location (as a team would set `$HANSARD_REGISTER`) once made an empty SQLite register in a
/// `postgres:/user@host/` folder. Now the SQLite register refuses it, every command goes to the server, and one that cannot be reached is one line and exit status 69 with
/// nothing created. Other schemes are refused with 64.
@Suite("Register locations that are server addresses")
struct ServerLocationTests {
    /// A port nothing listens on.
    static let port: Int = (try? TestPostgres.freePort()) ?? 9
    static var address: String { "postgres://alice:s3cret@127.0.0.1:\(port)/team" }
    static var shown: String { "postgres://alice:***@127.0.0.1:\(port)/team" }

    @Test("The SQLite register refuses an address and RegisterSnapshot.load goes to the server, hiding the password")
    func libraryRefuses() throws {
        for location in [Self.address, "POSTGRESQL://alice:s3cret@127.0.0.1:5432/team", "postgres://bob@db/team"] {
            #expect {
                _ = try Register.open(at: location)
            } throws: { error in
                guard case .serverLocation(let named, let scheme) = error as? RegisterError else { return false }
                return ["postgres", "postgresql"].contains(scheme) && !named.contains("s3cret")
                    && (error as? RegisterError)?.description.contains("a PostgreSQL register, not an SQLite file")
                        == true
            }
        }
        do {
            _ = try RegisterSnapshot.load(path: Self.address)
            Issue.record("a snapshot was read from a server nobody runs")
        } catch {
            guard case .serverUnreachable(let location, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(location == Self.shown)
        }
        do {
            _ = try Register.open(at: Self.address, readOnly: true)
            Issue.record("a postgres:// address was opened as a file")
        } catch {
            #expect(error == .serverLocation(location: Self.shown, scheme: "postgres"))
            #expect(!error.description.contains("s3cret"))
        }
        // Any other scheme is named as an address too; a file name with a colon in it is still a file.
        do {
            _ = try Register.open(at: "https://example.org/register.sqlite")
            Issue.record("an https:// address was opened as a file")
        } catch {
            #expect(error == .serverLocation(location: "https://example.org/register.sqlite", scheme: "https"))
        }
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let colon = folder + "/team:2024.sqlite"
        _ = try Register.open(at: colon)
        #expect(FileManager.default.fileExists(atPath: colon))
    }

    @Test(
        "Every way of naming a PostgreSQL register goes to the server: unreachable, one line, exit 69, nothing created")
    func commandsRefuse() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let page = CorpusFile.path(Pages.lords20091026)
        let runs: [([String], [String: String])] = [
            (["commitments", "--register", Self.address], [:]),
            (["commitments"], ["HANSARD_REGISTER": Self.address]),
            (["register", "add", "--register", Self.address, page], [:]),
            (["register", "add", page], ["HANSARD_REGISTER": Self.address]),
            (["register", "show", "c-1234", "--register", Self.address], [:]),
            (
                ["register", "resolve", "c-1234", "--status", "fulfilled", "--evidence", "HCWS1"],
                ["HANSARD_REGISTER": Self.address]
            ),
            (["register", "export"], ["HANSARD_REGISTER": Self.address]),
            (["diff", Self.address, Self.address], [:]),
        ]
        for (arguments, environment) in runs {
            let outcome = try HansardCommand.run(
                arguments, environment: environment.merging(["HOME": folder]) { a, _ in a },
                setting: HansardCommand.Setting(directory: folder))
            let context = "hansard \(arguments.joined(separator: " ")) \(environment)"
            #expect(outcome.status == 69, "\(context): \(outcome.standardError)")
            #expect(outcome.standardOutput.isEmpty, "\(context)")
            let lines = outcome.standardError.split(separator: "\n")
            #expect(lines.count == 1, "\(context): \(outcome.standardError)")
            #expect(
                lines.first?.contains("\(Self.shown): cannot reach the PostgreSQL server: connection refused") == true,
                "\(context): \(outcome.standardError)")
            #expect(!outcome.standardError.contains("s3cret"), "\(context)")
            // No `postgres:` folder, no register, no page cache: the folder hansard ran in stays empty.
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [], "\(context)")
        }
    }
}
