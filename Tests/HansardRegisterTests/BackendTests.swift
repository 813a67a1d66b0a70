import Foundation
import HansardRegister
import HansardReports
import HansardIngestion
import HansardTestSupport
import Testing

/// The two places a register can live.
///
/// The PostgreSQL cases run against ``TestPostgres``'s server and fail, saying what to install, when there is none.
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    /// A new, empty register's location on this backend.
    func freshLocation(_ name: String = #function) throws -> String {
        switch self {
        case .sqlite: return try temporaryFolder(name) + "/register.sqlite"
        case .postgres: return try TestPostgres.server().freshDatabase(name)
        }
    }
}

/// A register built from three consecutive ParlParse days (with follow-up links between them), a resolution, an
/// edit and a note, exported once for the whole run: what the backend tests import.
enum SharedSource {
    static let built: Result<(snapshot: RegisterSnapshot, json: String, path: String), any Error> = Result {
        let folder = try temporaryFolder("source")
        let register = try Register.open(at: folder + "/source.sqlite")
        try add(register, Pages.lords20091026, Pages.lordsWMS20091027, Pages.commons20091028)
        let guide = try commitment(in: register, quoting: "This year we will publish the good practice guide")
        try register.resolve(guide.id, status: .fulfilled, evidence: "published", date: "2010-01-15", note: "seen")
        _ = try register.edit(
            guide.id, [.department: "Ministry of Test Corrections"], reason: "a test correction", actor: "J. Clerk")
        let snapshot = try register.snapshot()
        let json = try RegisterSnapshotRenderer.render(snapshot, format: .json)
        let path = folder + "/source.json"
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        return (snapshot, json, path)
    }

    static func get() throws -> (snapshot: RegisterSnapshot, json: String, path: String) { try built.get() }
}

@Suite("One register, either backend")
struct BackendTests {
    @Test(
        "An imported register exports the same bytes, and imports it again as nothing new", arguments: Backend.allCases)
    func importExport(_ backend: Backend) throws {
        let source = try SharedSource.get()
        let location = try backend.freshLocation()
        let register = try Registers.open(at: location)
        let summary = try register.importSnapshot(source.snapshot, from: source.path)
        #expect(summary.debates == source.snapshot.debates.count)
        #expect(summary.commitments == source.snapshot.commitments.count)
        #expect(summary.statusEvents == 1 && summary.edits == 1 && summary.notes == 1)
        #expect(source.snapshot.commitments.count > 100)
        #expect(try RegisterSnapshotRenderer.render(register.snapshot(), format: .json) == source.json)
        let again = try register.importSnapshot(source.snapshot, from: source.path)
        #expect(again.debates == 0 && again.commitments == 0 && again.statusEvents == 0 && again.notes == 0)
        // Read back through a fresh connection, for reading only.
        let reader = try Registers.open(at: location, readOnly: true)
        #expect(try reader.snapshot() == source.snapshot)
        #expect(try reader.snapshot(asOf: .of("2009-10-27")) == source.snapshot.standing(at: .of("2009-10-27")))
    }

    @Test(
        "Resolving, reopening, dismissing, noting, editing and deciding links record the same history",
        arguments: Backend.allCases)
    func events(_ backend: Backend) throws {
        let source = try SharedSource.get()
        let register = try Registers.open(at: try backend.freshLocation())
        _ = try register.importSnapshot(source.snapshot, from: source.path)
        let open = source.snapshot.commitments.filter { $0.status == .outstanding }.sorted { $0.id < $1.id }
        let first = open[0]
        let second = open[1]

        // A short prefix finds the commitment; a one-digit prefix is refused as too short to be an id.
        #expect(try register.commitmentId(matching: String(first.id.prefix(10))) == first.id)
        #expect(throws: RegisterError.self) { _ = try register.commitmentId(matching: "c-0") }

        let resolved = try register.resolve(
            String(first.id.prefix(12)), status: .partlyFulfilled, evidence: "Letter placed in the Library",
            date: "2010-02-01", note: "half of it", actor: "A. Clerk")
        #expect(resolved.actor == "A. Clerk" && resolved.effectiveDate == .of("2010-02-01"))
        #expect(throws: RegisterError.alreadyInStatus(id: first.id, status: .partlyFulfilled)) {
            _ = try register.resolve(
                first.id, status: .partlyFulfilled, evidence: "again", date: nil, note: nil, actor: "B. Clerk")
        }
        _ = try register.reopen(first.id, note: "not done after all", date: "2010-03-01", actor: "B. Clerk")
        _ = try register.addNote(first.id, text: "asked the department", actor: "C. Clerk")
        _ = try register.dismiss(second.id, reason: "not a commitment", actor: "A. Clerk")
        let edited = try register.edit(
            second.id, [.object: "a revised object"], reason: "reads better", actor: "D. Clerk")
        #expect(edited.edits.map(\.previous) == [second.object])

        let detail = try register.detail(of: first.id)
        #expect(detail.statusEvents.map(\.status) == [.partlyFulfilled, .outstanding])
        #expect(detail.statusEvents.map(\.actor) == ["A. Clerk", "B. Clerk"])
        #expect(detail.commitment.status == .outstanding)
        #expect(detail.notes.map(\.text) == ["half of it", "asked the department"])
        let dismissed = try register.detail(of: second.id)
        #expect(dismissed.commitment.status == .dismissed)
        #expect(dismissed.commitment.statusDate == second.debateDate)
        #expect(dismissed.commitment.object == "a revised object")
        #expect(dismissed.edits.map(\.actor) == ["D. Clerk"])

        // Follow-up links: the three days propose one; it is confirmed, and cannot then be rejected.
        let candidates = source.snapshot.links.filter { $0.state == .candidate }.sorted { $0.id < $1.id }
        try #require(candidates.count == 1, "the three pages propose one follow-up link")
        let confirmed = try register.confirm(String(candidates[0].id.prefix(8)), status: nil, actor: "E. Clerk")
        #expect(confirmed.link.state == .confirmed && confirmed.link.decidedBy == "E. Clerk")
        #expect(throws: RegisterError.linkAlreadyDecided(id: candidates[0].id, state: .confirmed)) {
            _ = try register.reject(candidates[0].id, actor: "F. Clerk")
        }
        let after = try register.snapshot()
        #expect(after.links.first { $0.id == candidates[0].id }?.decidedBy == "E. Clerk")
        #expect(after.statusEvents.count == source.snapshot.statusEvents.count + 3 + (confirmed.event == nil ? 0 : 1))
    }

    @Test(
        "Lapsing at dissolution, undoing it, and the links waiting for a decision give what SQLite gives",
        arguments: Backend.allCases)
    func lapsesAndLinks(_ backend: Backend) throws {
        let source = try SharedSource.get()
        let register = try Registers.open(at: try backend.freshLocation())
        _ = try register.importSnapshot(source.snapshot, from: source.path)
        let reference = try Registers.open(at: try Backend.sqlite.freshLocation())
        _ = try reference.importSnapshot(source.snapshot, from: source.path)

        let dry = try register.lapseAtDissolution(parliament: nil, asOf: "2026-01-01", actor: "L. Clerk", dryRun: true)
        #expect(try register.snapshot() == source.snapshot)
        let expected = try reference.lapseAtDissolution(
            parliament: nil, asOf: "2026-01-01", actor: "L. Clerk", dryRun: false)
        // The 2009 pages' outstanding commitments were made in the 54th Parliament, dissolved in 2010.
        #expect(expected.count == source.snapshot.commitments.filter { $0.status == .outstanding }.count)
        #expect(expected.allSatisfy { $0.parliament == "54th" && $0.date == .of("2010-04-08") })
        let lapsed = try register.lapseAtDissolution(
            parliament: nil, asOf: "2026-01-01", actor: "L. Clerk", dryRun: false)
        #expect(lapsed == expected && dry == expected)
        let statuses = Dictionary(uniqueKeysWithValues: try register.snapshot().commitments.map { ($0.id, $0.status) })
        #expect(lapsed.allSatisfy { statuses[$0.commitment.id] == .lapsed })
        let undone = try register.undoLapses(parliament: nil, actor: "L. Clerk", dryRun: false)
        #expect(Set(undone.map(\.commitment.id)) == Set(lapsed.map(\.commitment.id)))
        let after = Dictionary(uniqueKeysWithValues: try register.snapshot().commitments.map { ($0.id, $0.status) })
        #expect(lapsed.allSatisfy { after[$0.commitment.id] == .outstanding })

        let links = try register.pendingLinkListings()
        #expect(links.map(\.link.id) == (try reference.pendingLinkListings()).map(\.link.id))
        #expect(links.map(\.link.id) == source.snapshot.links.filter { $0.state == .candidate }.map(\.id))
    }

    @Test(
        "The commands work on either backend; PostgreSQL signs events with the database role",
        arguments: Backend.allCases)
    func commands(_ backend: Backend) throws {
        let source = try SharedSource.get()
        let location = try backend.freshLocation()
        let folder = try temporaryFolder()
        let imported = try HansardCommand.run(["register", "import", "--register", location, source.path])
        #expect(imported.status == 0, "\(imported.standardError)")
        let id = source.snapshot.commitments.first { $0.status == .outstanding }!.id
        // Neither --by nor $HANSARD_USER: the login name for a file, the database role on PostgreSQL.
        let environment = ["HANSARD_USER": "", "USER": "login-name", "HOME": folder]
        let resolved = try HansardCommand.run(
            ["register", "resolve", id, "--status", "withdrawn", "--evidence", "HCWS12", "--register", location],
            environment: environment)
        #expect(resolved.status == 0, "\(resolved.standardError)")
        let shown = try HansardCommand.run(["register", "show", id, "--register", location], environment: environment)
        #expect(shown.status == 0, "\(shown.standardError)")
        let signer = backend == .postgres ? "by hansard" : "by login-name"
        if let server = try? TestPostgres.server(), backend == .postgres {
            // The role is the one the server URL logs in as.
            let role = try server.execute("SELECT current_user").trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(shown.standardOutput.contains("withdrawn  by \(role)"), "\(shown.standardOutput)")
        } else {
            #expect(shown.standardOutput.contains("withdrawn  \(signer)"), "\(shown.standardOutput)")
        }
        let exported = try HansardCommand.run(["register", "export", "--register", location])
        #expect(exported.status == 0)
        #expect(exported.standardOutput.contains("\"status\": \"withdrawn\""))
        // Nothing is left in the folder the commands ran with as HOME.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }
}

@Suite("A PostgreSQL register")
struct PostgresRegisterTests {
    @Test("A register moves from PostgreSQL back to an SQLite file without loss, and diff compares across backends")
    func roundTrip() throws {
        let source = try SharedSource.get()
        let location = try Backend.postgres.freshLocation()
        #expect(try HansardCommand.run(["register", "import", "--register", location, source.path]).status == 0)
        let file = try temporaryFolder() + "/back.sqlite"
        let back = try HansardCommand.run(["register", "import", "--register", file, location])
        #expect(back.status == 0, "\(back.standardError)")
        let exported = try HansardCommand.run(["register", "export", "--register", file])
        #expect(exported.standardOutput == source.json)
        let diff = try HansardCommand.run(["diff", location, file])
        #expect(diff.status == 0, "\(diff.standardOutput)\(diff.standardError)")
    }

    @Test("A server that cannot be reached, a missing database, a refused login: one line, its status, nothing written")
    func connectionFailures() throws {
        let server = try TestPostgres.server()
        let port = try TestPostgres.freePort()
        let folder = try temporaryFolder()
        guard var admin = URLComponents(string: server.adminURL) else {
            throw TestPostgres.Unavailable(description: "bad URL")
        }
        admin.path = "/no_such_database"
        let missing = admin.string!
        admin.path = "/postgres"
        admin.user = "nobody_here"
        admin.password = "s3cret"
        let stranger = admin.string!
        let cases: [(String, Int32, String)] = [
            (
                "postgres://hansard@127.0.0.1:\(port)/team?sslmode=disable", 69,
                "cannot reach the PostgreSQL server: connection refused"
            ),
            (missing, 66, "has no database no_such_database"),
            (stranger, 77, "refused the login"),
        ]
        for (location, status, words) in cases {
            for arguments in [
                ["register", "export", "--register", location],
                ["register", "import", "--register", location, try SharedSource.get().path],
                ["register", "note", "c-1234", "a note", "--register", location],
            ] {
                let outcome = try HansardCommand.run(
                    arguments, environment: ["HOME": folder], setting: HansardCommand.Setting(directory: folder))
                let context = arguments.joined(separator: " ")
                #expect(outcome.status == status, "\(context): \(outcome.standardError)")
                let lines = outcome.standardError.split(separator: "\n")
                #expect(lines.count == 1, "\(context): \(outcome.standardError)")
                #expect(outcome.standardError.contains(words), "\(context)")
                #expect(!outcome.standardError.contains("s3cret"))
                #expect(outcome.standardOutput.isEmpty)
                #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty, "\(context)")
            }
        }
        // The missing database was not created by trying.
        let databases = try server.execute("SELECT datname FROM pg_database")
        #expect(!databases.contains("no_such_database"))
    }

    @Test("A database holding other tables is not a register and is left untouched; a newer register is refused")
    func foreignDatabase() throws {
        let server = try TestPostgres.server()
        let location = try server.freshDatabase()
        try server.execute(
            "CREATE TABLE member (name TEXT); INSERT INTO member VALUES ('Baroness Neville-Rolfe')", on: location)
        let outcome = try HansardCommand.run(["register", "note", "c-1234", "x", "--register", location])
        #expect(outcome.status == 65, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("not a hansard register"))
        let tables = try server.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", on: location)
        #expect(tables == "member")

        let newer = try Backend.postgres.freshLocation()
        let source = try SharedSource.get()
        #expect(try HansardCommand.run(["register", "import", "--register", newer, source.path]).status == 0)
        try server.execute(#"INSERT INTO hansard_migrations VALUES ('v9 from the future')"#, on: newer)
        let refused = try HansardCommand.run(["register", "export", "--register", newer])
        #expect(refused.status == 76, "\(refused.standardError)")
    }

    @Test("Lists, searches and links on PostgreSQL print what they print for the same register in a file")
    func listsMatch() throws {
        let source = try SharedSource.get()
        let server = try Backend.postgres.freshLocation()
        #expect(try HansardCommand.run(["register", "import", "--register", server, source.path]).status == 0)
        let file = try Backend.sqlite.freshLocation()
        #expect(try HansardCommand.run(["register", "import", "--register", file, source.path]).status == 0)
        let commands: [[String]] = [
            ["commitments", "--all-governments", "--all", "--format", "json", "--as-of", "2026-01-01"],
            ["commitments", "--all-governments", "--format", "table", "--as-of", "2009-12-31"],
            ["commitments", "--all-governments", "--format", "csv", "--department", "Home Office"],
            ["search", "guide", "--format", "tsv", "--as-of", "2026-01-01"],
            ["register", "links"],
            ["diff", "--session", "2008-09", "--session", "2009-10"],
        ]
        for arguments in commands {
            let onServer = try HansardCommand.run(arguments + ["--register", server], environment: ["COLUMNS": "160"])
            let inFile = try HansardCommand.run(arguments + ["--register", file], environment: ["COLUMNS": "160"])
            let context = arguments.joined(separator: " ")
            #expect(onServer.status == inFile.status, "\(context): \(onServer.standardError)")
            #expect(onServer.standardError.isEmpty, "\(context): \(onServer.standardError)")
            #expect(!inFile.standardOutput.isEmpty, "\(context)")
            #expect(onServer.standardOutput == inFile.standardOutput, "\(context)")
        }
    }

    @Test("Several processes writing one PostgreSQL register: each debate stored once, no event lost")
    func concurrentWriters() throws {
        let source = try SharedSource.get()
        let location = try Backend.postgres.freshLocation()
        // Four processes import the same register into the empty database at once (the first also creates the
        // tables): every debate once, and an export equal to the source.
        let imports = try (0..<4).map { _ in
            try HansardCommand.launch(["register", "import", "--register", location, source.path])
        }
        let outcomes = try imports.map { try $0() }
        #expect(outcomes.allSatisfy { $0.status == 0 }, "\(outcomes.map(\.standardError))")
        let added = outcomes.compactMap { outcome -> Int? in
            outcome.standardOutput.split(separator: " ").dropFirst().first.flatMap { Int($0) }
        }
        #expect(added.sorted() == [0, 0, 0, source.snapshot.debates.count], "\(outcomes.map(\.standardOutput))")
        #expect(try HansardCommand.run(["register", "export", "--register", location]).standardOutput == source.json)

        // Eight processes at once: six add notes to one commitment, two resolve two others. Every note and event
        // is there afterwards.
        let open = source.snapshot.commitments.filter { $0.status == .outstanding }.map(\.id).sorted()
        var runs: [() throws -> HansardCommand.Outcome] = []
        for index in 0..<6 {
            runs.append(
                try HansardCommand.launch(
                    ["register", "note", open[0], "note \(index)", "--by", "writer \(index)", "--register", location]))
        }
        for index in 1...2 {
            runs.append(
                try HansardCommand.launch(
                    [
                        "register", "resolve", open[index], "--status", "fulfilled", "--evidence", "HCWS\(index)",
                        "--by", "resolver \(index)", "--register", location,
                    ]))
        }
        let results = try runs.map { try $0() }
        #expect(results.allSatisfy { $0.status == 0 }, "\(results.map(\.standardError))")
        let register = try Registers.open(at: location, readOnly: true)
        let notes = try register.detail(of: open[0]).notes
        #expect(Set(notes.map(\.author)) == Set((0..<6).map { "writer \($0)" }))
        for index in 1...2 {
            let detail = try register.detail(of: open[index])
            #expect(detail.commitment.status == .fulfilled)
            #expect(detail.statusEvents.map(\.actor) == ["resolver \(index)"])
        }
    }

    @Test(
        "Two people resolving one commitment at once: both resolutions are in its history, the later one stands",
        arguments: Backend.allCases)
    func sameCommitmentResolvedTwice(_ backend: Backend) throws {
        let source = try SharedSource.get()
        let location = try backend.freshLocation()
        let imported = try HansardCommand.run(["register", "import", "--register", location, source.path])
        try #require(imported.status == 0, "\(imported.standardError)")
        let resolvedBefore = Set(source.snapshot.statusEvents.map(\.commitmentId))
        let id = try #require(
            source.snapshot.commitments.filter { $0.status == .outstanding && !resolvedBefore.contains($0.id) }
                .map(\.id).min())
        let runs = try [("clerk A", "fulfilled"), ("clerk B", "partly-fulfilled")].map { who, status in
            try HansardCommand.launch(
                [
                    "register", "resolve", id, "--status", status, "--evidence", "HCWS 1 from \(who)", "--by", who,
                    "--register", location,
                ])
        }
        let results = try runs.map { try $0() }
        #expect(results.allSatisfy { $0.status == 0 }, "\(results.map(\.standardError))")
        let detail = try Registers.open(at: location, readOnly: true).detail(of: id)
        // Neither write is lost: the event log keeps both, and the commitment's status is the latest event's (by
        // effective date, then time recorded), whichever process committed first.
        #expect(Set(detail.statusEvents.map(\.actor)) == ["clerk A", "clerk B"])
        #expect(detail.statusEvents.count == 2)
        let last = try #require(
            detail.statusEvents.max {
                ($0.effectiveDate, $0.recordedAt, $0.id) < ($1.effectiveDate, $1.recordedAt, $1.id)
            })
        #expect(detail.commitment.status == last.status)
    }
}
