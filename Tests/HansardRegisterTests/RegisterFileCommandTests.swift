import Foundation
import GRDB
import HansardTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Register and snapshot files that are not what they should be, or cannot be written: one line naming the
/// file and the cause, the documented exit status, and a register that is what the message says it is
/// (issue 12, points 3–7, 11–13).
@Suite("Register files as a user meets them")
struct RegisterFileCommandTests {
    static let whatsApp = CorpusFile.path(Pages.whatsApp)
    static let wms = CorpusFile.path(Pages.lordsWMS20091027)
    static let commons = CorpusFile.path(Pages.commons20091028)

    /// A register made by `hansard register add` from the given pages, in a fresh folder.
    static func register(_ pages: String..., name: String = #function) throws -> (folder: String, path: String) {
        let folder = try temporaryFolder(name)
        let path = folder + "/r.sqlite"
        let added = try HansardCommand.run(["register", "add", "--quiet", "--register", path] + pages)
        #expect(added.status == 0, "\(added.standardError)")
        return (folder, path)
    }

    static func listing(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    @Test("A directory named as the register or snapshot: one line and 66, for every command (it crashed)")
    func directoryAsRegister() throws {
        let folder = try temporaryFolder()
        let directory = folder + "/d.sqlite"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        let (_, good) = try Self.register(Self.wms)
        for arguments in [
            ["commitments", "--register", directory],
            ["register", "add", "--register", directory, Self.wms],
            ["register", "import", "--register", folder + "/new.sqlite", directory],
            ["diff", directory, good],
        ] {
            let outcome = try HansardCommand.run(arguments)
            #expect(outcome.status == 66, "\(arguments)")
            #expect(outcome.standardError.hasPrefix("hansard: \(directory): cannot open the register: is a directory"))
            #expect(outcome.standardError.split(separator: "\n").count == 1, "\(outcome.standardError)")
            #expect(!outcome.standardError.contains("Fatal error"))
        }
    }

    /// Overwrites eight of the register's pages with a fixed pattern, as a disk or a bad copy might.
    static func damage(_ path: String) throws {
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        for page in stride(from: 20, through: 90, by: 10) {
            try handle.seek(toOffset: UInt64(page * 4096))
            handle.write(Data(repeating: 0xA5, count: 4096))
        }
        try handle.close()
    }

    @Test("A damaged register is refused (65) and really left untouched: same bytes, no -wal or -shm")
    func damagedRegisterUntouched() throws {
        let (folder, path) = try Self.register(Self.commons, Self.whatsApp)
        try Self.damage(path)
        let before = try bytes(of: path)
        let listed = try Self.listing(folder)

        let added = try HansardCommand.run(["register", "add", "--register", path, Self.wms])
        #expect(added.status == 65)
        #expect(added.standardError.hasPrefix("hansard: \(path): register is damaged ("))
        #expect(added.standardError.contains("it was left untouched"))
        #expect(added.standardError.split(separator: "\n").count == 1, "\(added.standardError)")
        #expect(try bytes(of: path) == before, "the register's bytes changed")
        #expect(try Self.listing(folder) == listed, "files appeared beside the register")

        let resolved = try HansardCommand.run([
            "register", "resolve", "c-15c40233576e2a68", "--register", path, "--status", "fulfilled", "--evidence", "x",
        ])
        #expect(resolved.status == 65)
        #expect(try bytes(of: path) == before)
        #expect(try Self.listing(folder) == listed)
    }

    @Test("Read commands leave nothing beside a healthy register: no -wal or -shm")
    func readCommandsLeaveNoFiles() throws {
        let (folder, path) = try Self.register(Self.wms)
        #expect(try Self.listing(folder) == ["r.sqlite"])
        let before = try bytes(of: path)
        for arguments in [
            ["commitments", "--register", path], ["register", "export", "--register", path],
            ["diff", path, path], ["register", "links", "--register", path],
        ] {
            let outcome = try HansardCommand.run(arguments)
            #expect(outcome.status == 0, "\(arguments): \(outcome.standardError)")
            #expect(try Self.listing(folder) == ["r.sqlite"], "\(arguments)")
        }
        #expect(try bytes(of: path) == before)
    }

    @Test("A FIFO in a folder is skipped with a note; the walk goes on and reports every page (it hung)")
    func fifoInFolder() throws {
        let folder = try temporaryFolder()
        let pages = folder + "/pages"
        try FileManager.default.createDirectory(atPath: pages, withIntermediateDirectories: false)
        try FileManager.default.copyItem(atPath: Self.whatsApp, toPath: pages + "/a.txt")
        #expect(mkfifo(pages + "/b.html", 0o644) == 0)
        try FileManager.default.copyItem(atPath: Self.wms, toPath: pages + "/c.xml")
        let outcome = try HansardCommand.run(
            ["register", "add", "--verbose", "--register", folder + "/r.sqlite", pages], setting: .init(deadline: 120))
        #expect(!outcome.timedOut, "register add hung on the FIFO")
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardError == "hansard: \(pages)/b.html: skipped: it is a named pipe (FIFO), not a file\n")
        #expect(outcome.standardOutput.contains("added \(pages)/a.txt as "))
        #expect(outcome.standardOutput.contains("added \(pages)/c.xml as "))
        #expect(outcome.standardOutput.contains("2 debates added, 0 unchanged, 0 revised, 0 failed;"))
    }

    static var canDropPrivileges: Bool {
        !HansardCommand.runningAsRoot || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
    }

    @Test(
        "A register in a read-only folder: read commands work (0), creating one there is 73, writing it 74",
        .enabled(if: canDropPrivileges, "running as root without setpriv: permissions cannot be tested"))
    func readOnlyFolder() throws {
        let (folder, path) = try Self.register(Self.wms)
        let before = try bytes(of: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder) }
        let user = HansardCommand.Setting(unprivileged: true)

        for arguments in [
            ["commitments", "--all-governments", "--register", path], ["register", "export", "--register", path],
            ["register", "export", "--format", "csv", "--register", path], ["diff", path, path],
        ] {
            let outcome = try HansardCommand.run(arguments, setting: user)
            #expect(outcome.status == 0, "\(arguments): \(outcome.standardError)")
            #expect(outcome.standardError.isEmpty, "\(arguments)")
        }
        let listed = try HansardCommand.run(
            ["commitments", "--all-governments", "--register", path, "--format", "csv"], setting: user)
        #expect(listed.standardOutput.contains("shortlist of potential sites"))

        let created = try HansardCommand.run(
            ["register", "add", "--register", folder + "/new.sqlite", Self.whatsApp], setting: user)
        #expect(created.status == 73)
        #expect(
            created.standardError
                == "hansard: \(folder)/new.sqlite: cannot create the register: the folder \(folder) is not writable for you\n"
        )

        let added = try HansardCommand.run(["register", "add", "--register", path, Self.whatsApp], setting: user)
        #expect(added.status == 74)
        #expect(added.standardError.hasPrefix("hansard: \(path): cannot write to the register: "))
        #expect(try Self.listing(folder) == ["r.sqlite"])
        #expect(try bytes(of: path) == before)
    }

    #if os(Linux)
        @Test("The disk filling during register add: a write failure (74), the summary line, the register intact")
        func diskFull() throws {
            let (folder, path) = try Self.register(Self.whatsApp)
            // RLIMIT_FSIZE of 64 KB: the register's write-ahead log cannot take a whole debate. SIGXFSZ is
            // ignored so that the write fails (as on a full disk) instead of killing the process.
            let outcome = try HansardCommand.run(
                ["register", "add", "--register", path, Self.whatsApp, Self.commons],
                setting: .init(prelude: "trap '' XFSZ; ulimit -f 128"))
            #expect(outcome.status == 74, "\(outcome.standardError)")
            #expect(outcome.standardError.hasPrefix("hansard: \(path): cannot write to the register: "))
            #expect(outcome.standardError.contains("stopped at \(Self.commons), 0 pages not read"))
            #expect(
                outcome.standardOutput.hasPrefix(
                    "0 debates added, 1 unchanged, 0 revised, 1 failed; 0 commitments added, 0 follow-up links proposed"
                ))
            // What was there is still there, and the register takes the page once there is room.
            let listed = try HansardCommand.run([
                "commitments", "--all", "--all-governments", "--register", path, "--format", "csv",
            ])
            #expect(listed.status == 0, "\(listed.standardError)")
            #expect(
                listed.standardOutput.split(separator: "\r\n").count == 5, "the header and the seed's 4 commitments")
            let retried = try HansardCommand.run(["register", "add", "--quiet", "--register", path, Self.commons])
            #expect(retried.status == 0, "\(retried.standardError)")
            #expect(retried.standardOutput.hasPrefix("1 debates added"))
            _ = folder
        }
    #endif

    @Test("register add stores the page's absolute path, so report finds it from any folder")
    func absoluteSourcePaths() throws {
        let folder = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/many", withIntermediateDirectories: false)
        try FileManager.default.copyItem(atPath: Self.whatsApp, toPath: folder + "/many/p41.txt")
        let added = try HansardCommand.run(
            ["register", "add", "--quiet", "--register", "r.sqlite", "many/"], setting: .init(directory: folder))
        #expect(added.status == 0, "\(added.standardError)")
        let real = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        let exported = try HansardCommand.run(["register", "export", "--register", folder + "/r.sqlite"])
        #expect(exported.standardOutput.contains("\"sourcePath\": \"\(real)/many/p41.txt\""))
        #expect(!exported.standardOutput.contains("\"sourcePath\": \"many/"))

        // Run from the package root, not the folder the page was added from.
        let report = try HansardCommand.run(["report", "--register", folder + "/r.sqlite", "--out", folder + "/site"])
        #expect(report.status == 0, "\(report.standardError)")
        #expect(!report.standardError.contains("transcript not shown"), "\(report.standardError)")
        #expect(!report.standardError.contains("no longer there"))
    }

    @Test("register import refuses bad dates, duplicate ids and orphan rows (65), naming the first; nothing imported")
    func importValidates() throws {
        let (folder, path) = try Self.register(Self.wms, Self.whatsApp)
        let export = try HansardCommand.run(["register", "export", "--register", path])
        let snapshot = try #require(
            try JSONSerialization.jsonObject(with: Data(export.standardOutput.utf8)) as? [String: Any])
        let commitments = try #require(snapshot["commitments"] as? [[String: Any]])
        // Every commitment the analysis finds on the two pages is in the export.
        var found = 0
        for page in [Self.wms, Self.whatsApp] {
            let analysed = try HansardCommand.run(["analyse", page])
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(analysed.standardOutput.utf8)) as? [String: Any])
            found += (object["commitments"] as? [Any])?.count ?? 0
        }
        #expect(commitments.count == found)
        #expect(commitments.count >= 5)
        let count = commitments.count

        func variant(_ name: String, _ edit: (inout [String: Any]) -> Void) throws -> String {
            var copy = snapshot
            edit(&copy)
            let file = folder + "/\(name).json"
            try JSONSerialization.data(withJSONObject: copy).write(to: URL(fileURLWithPath: file))
            return file
        }
        let cases: [(String, String, (inout [String: Any]) -> Void)] = [
            (
                "feb30",
                "not a register snapshot: commitments[0].dueBy: 2023-02-30 is not a date; write it as yyyy-MM-dd",
                {
                    var rows = $0["commitments"] as! [[String: Any]]
                    rows[0]["dueBy"] = "2023-02-30"
                    $0["commitments"] = rows
                }
            ),
            (
                "month13",
                "not a register snapshot: commitments[1].debateDate: 2023-13-45 is not a date; write it as yyyy-MM-dd",
                {
                    var rows = $0["commitments"] as! [[String: Any]]
                    rows[1]["debateDate"] = "2023-13-45"
                    $0["commitments"] = rows
                }
            ),
            (
                "duplicate", "commitments[\(count)]: the id \(commitments[3]["id"]!) appears twice",
                {
                    var rows = $0["commitments"] as! [[String: Any]]
                    rows.append(rows[3])
                    $0["commitments"] = rows
                }
            ),
            (
                "orphan",
                "commitments[\(count)] (c-orphan): its debate d-nowhere is in neither the file nor the register",
                {
                    var rows = $0["commitments"] as! [[String: Any]]
                    var orphan = rows[0]
                    orphan["id"] = "c-orphan"
                    orphan["analysisId"] = "c-orphan"
                    orphan["debateId"] = "d-nowhere"
                    rows.append(orphan)
                    $0["commitments"] = rows
                }
            ),
            (
                "orphan-event",
                "statusEvents[0] (e-orphan): its commitment c-nowhere is in neither the file nor the register",
                {
                    $0["statusEvents"] = [
                        [
                            "id": "e-orphan", "commitmentId": "c-nowhere", "status": "fulfilled",
                            "effectiveDate": "2023-06-01",
                            "recordedAt": "2023-06-02T10:00:00Z", "actor": "clerk",
                        ]
                    ]
                }
            ),
        ]
        for (name, problem, edit) in cases {
            let file = try variant(name, edit)
            let target = folder + "/\(name).sqlite"
            _ = try HansardCommand.run(["register", "add", "--quiet", "--register", target, Self.wms])
            let before = try HansardCommand.run(["register", "export", "--register", target]).standardOutput
            let imported = try HansardCommand.run(["register", "import", "--register", target, file])
            #expect(imported.status == 65, "\(name): \(imported.standardError)")
            // A date that names no day does not decode, so the file is refused as it is read; the other problems are
            // found by checking the rows against each other and the register.
            let refusal =
                problem.hasPrefix("not a register snapshot: ")
                ? problem : "not imported, the register is unchanged: " + problem
            #expect(imported.standardError == "hansard: \(file): \(refusal)\n", "\(name)")
            #expect(imported.standardOutput.isEmpty)
            #expect(
                try HansardCommand.run(["register", "export", "--register", target]).standardOutput == before, "\(name)"
            )
        }
        // The unedited export imports whole: every commitment.
        let whole = try HansardCommand.run([
            "register", "import", "--register", folder + "/whole.sqlite", try variant("whole") { _ in },
        ])
        #expect(whole.status == 0, "\(whole.standardError)")
        #expect(whole.standardOutput.hasPrefix("imported 2 debates, \(count) commitments,"))
    }

    @Test("Snapshots and registers that are not what they seem get their own cause")
    func wrongCauses() throws {
        let (folder, path) = try Self.register(Self.wms)
        // /dev/null is a device, not an empty snapshot or a permission problem (as root it said "permission").
        let null = try HansardCommand.run(["diff", "/dev/null", path])
        #expect(null.status == 66)
        #expect(
            null.standardError
                == "hansard: /dev/null: cannot open the register: is a character device, not a register file or snapshot\n"
        )

        // A turn of 1.5: the field is named, not "not valid JSON".
        let export = try HansardCommand.run(["register", "export", "--register", path]).standardOutput
        let fractional = folder + "/fraction.json"
        let edited = export.replacingOccurrences(
            of: "\"turn\": ", with: "\"turn\": 1.5, \"was\": ", options: [], range: export.range(of: "\"turn\": "))
        try edited.write(toFile: fractional, atomically: true, encoding: .utf8)
        let turn = try HansardCommand.run(["diff", fractional, path])
        #expect(turn.status == 65)
        #expect(
            turn.standardError
                == "hansard: \(fractional): not a register snapshot: commitments[0].turn (1.5) must be a whole number\n"
        )

        // A FIFO as the register: what it is, not "no register here" (and no waiting for a writer).
        let fifo = folder + "/fifo.sqlite"
        #expect(mkfifo(fifo, 0o644) == 0)
        let piped = try HansardCommand.run(["commitments", "--register", fifo], setting: .init(deadline: 60))
        #expect(!piped.timedOut)
        #expect(piped.status == 66)
        #expect(
            piped.standardError
                == "hansard: \(fifo): cannot open the register: is a named pipe (FIFO), not a register file\n")

        // A register whose creation was stopped (the migrations table made, no migration applied).
        let killed = folder + "/killed.sqlite"
        let queue = try DatabaseQueue(path: killed)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        }
        try queue.close()
        let unfinished = try HansardCommand.run(["commitments", "--register", killed])
        #expect(unfinished.status == 65)
        #expect(
            unfinished.standardError == "hansard: \(killed): the register was never finished (hansard was stopped while"
                + " creating it); it holds nothing: `hansard register add` finishes it, or delete the file\n")
        let finished = try HansardCommand.run(["register", "add", "--quiet", "--register", killed, Self.wms])
        #expect(finished.status == 0, "\(finished.standardError)")
    }

    @Test("Usage errors are 64: --register '', --limit -1, resolve --evidence '' and a date before the commitment")
    func usageErrors() throws {
        let (_, path) = try Self.register(Self.whatsApp)
        let empty = try HansardCommand.run(["commitments", "--register", ""])
        #expect(empty.status == 64)
        #expect(empty.standardError.hasPrefix("Error: --register needs a file name"))

        let negative = try HansardCommand.run(["commitments", "--register", path, "--limit", "-1"])
        #expect(negative.status == 64)
        #expect(negative.standardError.hasPrefix("Error: --limit must be at least 1 (it is -1)"))
        #expect(!negative.standardError.contains("Missing value"))
        let jobs = try HansardCommand.run(["parse", "--jobs", "-1", Self.whatsApp])
        #expect(jobs.status == 64)
        #expect(jobs.standardError.hasPrefix("Error: --jobs must be at least 1 (it is -1)"))

        // "we will be producing new guidance shortly on the use of WhatsApp", made on 8 March 2023.
        let id = "c-15c40233576e2a68"
        let noEvidence = try HansardCommand.run([
            "register", "resolve", id, "--register", path, "--status", "fulfilled", "--evidence", "",
        ])
        #expect(noEvidence.status == 64)
        #expect(noEvidence.standardError.hasPrefix("Error: --evidence needs words or a URL"))
        let early = try HansardCommand.run([
            "register", "resolve", id, "--register", path, "--status", "fulfilled", "--evidence", "guidance",
            "--date", "2023-03-07",
        ])
        #expect(early.status == 64)
        #expect(
            early.standardError
                == "hansard: \(id): 2023-03-07 is before the commitment was made (2023-03-08); give the date it took effect\n"
        )
        let onTheDay = try HansardCommand.run([
            "register", "resolve", id, "--register", path, "--status", "fulfilled", "--evidence", "guidance",
            "--date", "2023-03-08",
        ])
        #expect(onTheDay.status == 0, "\(onTheDay.standardError)")
    }
}
