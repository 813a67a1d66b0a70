@testable import HansardRegister
import Foundation
import GRDB
import HansardIngestion
import HansardTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Real processes, real signals, real damaged files.
@Suite("Register reliability", .serialized)
struct ReliabilityTests {
    @Test("kill -9 during `register add` loses no debate reported as added, and a rerun completes the rest")
    func killDuringAdd() throws {
        let (pages, count) = try RegisterAddFixture.pagesFolder()
        let registerPath = try temporaryFolder() + "/r.sqlite"
        let (process, pipe) = try HansardCommand.start([
            "register", "add", "--verbose", "--quiet", "--register", registerPath, pages,
        ])
        var reported: [String] = []
        var buffer = ""
        let reader = pipe.fileHandleForReading
        while reported.count < 3 {
            let data = reader.availableData
            if data.isEmpty { break }
            buffer += String(decoding: data, as: UTF8.self)
            while let newline = buffer.firstIndex(of: "\n") {
                let line = String(buffer[..<newline])
                buffer.removeSubrange(...newline)
                // "added PATH as d-…: N commitments, …"
                if line.hasPrefix("added "), let range = line.range(of: " as d-") {
                    reported.append("d-" + line[range.upperBound...].prefix(while: { $0 != ":" }))
                }
            }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == SIGKILL)
        try #require(reported.count >= 3)

        // Readable, with every debate that was reported as added.
        let listed = try HansardCommand.run([
            "commitments", "--register", registerPath, "--all", "--all-governments", "--format", "csv",
        ])
        #expect(listed.status == 0)
        let stored = Set(try Register.open(at: registerPath).snapshot().debates.map(\.id))
        #expect(Set(reported).isSubset(of: stored))
        #expect(stored.count < count)

        let rerun = try HansardCommand.run(["register", "add", "--quiet", "--register", registerPath, pages])
        #expect(rerun.status == 0)
        let summary = try #require(RegisterAddFixture.summary(rerun.standardOutput))
        #expect(summary.unchanged == stored.count)
        #expect(summary.added == count - stored.count)
        #expect(summary.failed == 0)
        #expect(try Register.open(at: registerPath).snapshot().debates.count == count)
    }

    @Test("Two `register add` processes on one register at once lose nothing")
    func concurrentAdds() throws {
        let (pages, count) = try RegisterAddFixture.pagesFolder()
        let registerPath = try temporaryFolder() + "/r.sqlite"
        let arguments = ["register", "add", "--quiet", "--register", registerPath, pages]
        let first = try HansardCommand.launch(arguments)
        let second = try HansardCommand.launch(arguments)
        let results = [try first(), try second()]
        for result in results { #expect(result.status == 0, "\(result.standardError)") }
        let summaries = try results.map { try #require(RegisterAddFixture.summary($0.standardOutput)) }
        // Each debate was added by exactly one process and found unchanged by the other.
        #expect(summaries[0].added + summaries[1].added == count)
        #expect(summaries[0].unchanged + summaries[1].unchanged == count)
        let snapshot = try Register.open(at: registerPath).snapshot()
        #expect(snapshot.debates.count == count)
        #expect(snapshot.commitments.count == summaries[0].commitments + summaries[1].commitments)
    }

    @Test("A file that is not an SQLite database is refused and left untouched")
    func notADatabase() throws {
        let folder = try temporaryFolder()
        let path = folder + "/page.sqlite"
        try FileManager.default.copyItem(atPath: CorpusFile.path(Pages.whatsApp), toPath: path)
        let before = try bytes(of: path)
        #expect(throws: RegisterError.notADatabase(path: path)) { try Register.open(at: path) }
        #expect(try bytes(of: path) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["page.sqlite"])
        let cli = try HansardCommand.run(["commitments", "--register", path])
        #expect(cli.status == 65)
        #expect(cli.standardError.contains(path))
    }

    @Test("An SQLite database that is not a register is refused and left untouched")
    func notARegister() throws {
        let path = try temporaryFolder() + "/other.sqlite"
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "CREATE TABLE member (name TEXT); INSERT INTO member VALUES ('Baroness Neville-Rolfe')")
        }
        let before = try bytes(of: path)
        #expect(throws: RegisterError.notARegister(path: path)) { try Register.open(at: path) }
        #expect(throws: RegisterError.notARegister(path: path)) { try Register.open(at: path, readOnly: true) }
        #expect(try bytes(of: path) == before)
    }

    @Test("A register written by a newer hansard is refused and left untouched")
    func newerSchema() throws {
        let path = try temporaryFolder() + "/r.sqlite"
        do {
            let register = try Register.open(at: path)
            try add(register, Pages.lordsWMS20091027)
        }
        let future = "v9 a migration from a later hansard"
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [future])
        }
        let before = try bytes(of: path)
        #expect(throws: RegisterError.newerSchema(path: path, unknownMigrations: [future])) {
            try Register.open(at: path)
        }
        #expect(try bytes(of: path) == before)
        let cli = try HansardCommand.run(["register", "add", "--register", path, CorpusFile.path(Pages.whatsApp)])
        #expect(cli.status == 76)
        #expect(cli.standardError.contains("newer hansard"))
        #expect(try bytes(of: path) == before)
    }

    @Test("A damaged register is refused and left untouched")
    func corrupt() throws {
        let path = try temporaryFolder() + "/r.sqlite"
        do {
            let register = try Register.open(at: path)
            try add(register, Pages.lordsWMS20091027)
        }
        // Overwrite the schema table's page (the rest of page 1 after the 100-byte header) with garbage.
        var data = try bytes(of: path)
        for index in 100..<min(4096, data.count) { data[index] = UInt8(truncatingIfNeeded: index &* 37) }
        try data.write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: RegisterError.self) { try Register.open(at: path) }
        if case .corrupt(let named, _) = error {
            #expect(named == path)
        } else {
            Issue.record("expected .corrupt, got \(String(describing: error))")
        }
        #expect(try bytes(of: path) == data)
        let cli = try HansardCommand.run(["commitments", "--register", path])
        #expect(cli.status == 65)
        #expect(cli.standardError.contains("damaged"))
        #expect(try bytes(of: path) == data)
    }
}

/// Upgrading a register written by an older hansard.
@Suite("Register migrations")
struct MigrationTests {
    @Test("Migrating an older register keeps a backup of the file as it was")
    func backupBeforeMigration() throws {
        let path = try temporaryFolder() + "/r.sqlite"
        // A register as the first release wrote it: only migration v1.
        do {
            let queue = try DatabaseQueue(path: path)
            try SchemaAccess.migrator.migrate(queue, upTo: SchemaAccess.v1)
            // Rows written with the first release's columns only.
            try queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO debate (id, identity, title, house, date, url, type, sha256, sourcePath, revision,
                        addedAt, updatedAt) VALUES ('d-1', 'lords/2009-10-27/written-statements', 'Written Statements',
                        'lords', '2009-10-27', NULL, NULL, 'ab', 'wms.xml', 1, '2026-01-01T00:00:00Z',
                        '2026-01-01T00:00:00Z')
                        """)
                try db.execute(
                    sql: """
                        INSERT INTO commitment (id, analysisId, debateId, debateDate, house, turn, speakerName,
                        speakerRole, office, department, quote, action, object, subject, timingPhrase, timingClass,
                        dueBy, strength, source, requestId, status, statusDate, firstRevision, missingSinceRevision)
                        VALUES ('c-1', 'c-1', 'd-1', '2009-10-27', 'lords', 3, 'Lord Bach', 'minister', NULL,
                        'Ministry of Justice', 'We will publish a shortlist of potential sites.', 'publish',
                        'a shortlist of potential sites', 'shortlist', NULL, 'none', NULL, 'firm', 'explicit', NULL,
                        'outstanding', NULL, 1, NULL)
                        """)
            }
            try queue.close()
        }
        let register = try Register.open(at: path)
        let backup = try #require(register.backupPath)
        #expect(backup.hasPrefix(path + ".backup-v1-"))
        #expect(try register.snapshot().debates.map(\.id) == ["d-1"])
        // Migration v5 gives the commitment its debate's title, government and Parliament, and indexes it for search.
        let upgraded = try #require(try register.snapshot().commitments.first)
        #expect(upgraded.debateTitle == "Written Statements")
        #expect(upgraded.government == "brown-2007")  // Gordon Brown, 27 June 2007 – 11 May 2010
        #expect(upgraded.parliament == "54th")  // the 2005 Parliament
        let found = try register.commitments(CommitmentQuery(scope: .all, text: "shortlist"))
        #expect(found.items.map(\.commitment.id) == ["c-1"])
        // Migration v6 counts the ministers' appearances of the rows already there (this one has no person key), and
        // the searches by minister and department read them.
        #expect(
            try register.commitments(CommitmentQuery(scope: .all, minister: "bach")).items.map(\.commitment.id) == [
                "c-1"
            ])
        #expect(try register.commitments(CommitmentQuery(scope: .all, minister: "Darzi")).items.isEmpty)
        #expect(
            try register.commitments(CommitmentQuery(scope: .all, department: "Justice")).items.map(\.commitment.id)
                == ["c-1"])

        // Migration v7 indexes a government's and a department's lists in list order, in place of the two indexes
        // that were prefixes of them; a list under one government still counts the rows under the others.
        let indexes = try DatabaseQueue(path: path).read { db in
            try String.fetchAll(
                db,
                sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'commitment' ORDER BY name")
        }
        #expect(indexes.contains("commitment_on_government_status_dueBy"))
        #expect(indexes.contains("commitment_on_department_status_dueBy"))
        #expect(!indexes.contains("commitment_on_government_status") && !indexes.contains("commitment_on_department"))
        // Migration v8 indexes a member's commitments by date, in place of the index by member alone.
        #expect(indexes.contains("commitment_on_person_debateDate") && !indexes.contains("commitment_on_person"))
        let brown = try register.commitments(CommitmentQuery(department: "Justice", governments: .named("brown-2007")))
        #expect(brown.items.map(\.commitment.id) == ["c-1"] && brown.otherGovernments == 0)
        let sunak = try register.commitments(CommitmentQuery(department: "Justice", governments: .named("sunak-2022")))
        #expect(sunak.items.isEmpty && sunak.otherGovernments == 1)

        let old = try DatabaseQueue(
            path: backup,
            configuration: {
                var c = Configuration(); c.readonly = true; return c
            }())
        let (migrations, debates) = try old.read { db in
            (
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM debate")
            )
        }
        #expect(migrations == [SchemaAccess.v1])
        #expect(debates == 1)
        // Opening the upgraded register again needs no migration and writes no second backup.
        #expect(try Register.open(at: path).backupPath == nil)
    }
}

/// The schema's migrations, for building an older register.
typealias SchemaAccess = Schema
