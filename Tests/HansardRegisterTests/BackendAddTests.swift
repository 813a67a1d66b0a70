import Foundation
import HansardAnalysis
import HansardIngestion
@testable import HansardRegister
import HansardReports
import HansardTestSupport
import Testing

/// Adding pages to either backend: the same rows, ids, events and links, and on PostgreSQL several processes at once.
@Suite("Adding pages, either backend")
struct BackendAddTests {
    /// Adds a page at a given time, so that two registers record the same time stamps.
    func add(
        _ register: any RegisterBackend, _ page: (Debate, Analysis), reanalysing: Bool = false, at now: String
    ) throws -> AddOutcome {
        switch register {
        case let file as Register: return try file.add(page.1, of: page.0, reanalysing: reanalysing, now: now)
        case let server as PostgresRegister:
            return try server.add(page.1, of: page.0, reanalysing: reanalysing, now: now)
        default: throw TestPostgres.Unavailable(description: "unknown backend \(type(of: register))")
        }
    }

    /// Edits a commitment at a given time, through the code both backends share.
    func edit(
        _ register: any RegisterBackend, _ id: String, _ values: [CommitmentField: String?], at now: String
    ) throws {
        switch register {
        case let file as Register:
            _ = try file.write { db in
                try Register.edit(db, id, values, reason: "a test correction", actor: "J. Clerk", now: now)
            }
        case let server as PostgresRegister:
            _ = try server.write { session in
                try Register.edit(session, id, values, reason: "a test correction", actor: "J. Clerk", now: now)
            }
        default: throw TestPostgres.Unavailable(description: "unknown backend \(type(of: register))")
        }
    }

    func export(_ register: any RegisterBackend) throws -> String {
        try RegisterSnapshotRenderer.render(register.snapshot(), format: .json)
    }

    @Test("The same pages, a revision, a re-analysis and a correction give the same export bytes on both backends")
    func sameRows() throws {
        let folder = try temporaryFolder()
        let days = try [Pages.lords20091026, Pages.lordsWMS20091027, Pages.commons20091028].map {
            try analysed(CorpusFile.path($0))
        }
        // The written statements of 27 October with one sentence reworded and one dropped (Lord Bach, col. 98).
        var text = try String(contentsOfFile: CorpusFile.path(Pages.lordsWMS20091027), encoding: .utf8)
        let reworded = "we will publish a full shortlist of potential sites"
        text = text.replacingOccurrences(of: "we will publish a shortlist of potential sites", with: reworded)
        text = text.replacingOccurrences(
            of: " As part of this search, we will announce our interest in an identified site and will consult with"
                + " all interested parties.",
            with: "")
        let revisedPath = folder + "/lords-2009-10-27-revised.xml"
        try text.write(toFile: revisedPath, atomically: true, encoding: .utf8)
        let revised = try analysed(revisedPath)
        #expect(revised.1.debate.identity == days[1].1.debate.identity)
        let later = try analysed(CorpusFile.path(Pages.commons19610718))

        let registers: [any RegisterBackend] = [
            try Registers.open(at: try Backend.sqlite.freshLocation()),
            try Registers.open(at: try Backend.postgres.freshLocation()),
        ]
        var outcomes: [[AddOutcome]] = []
        for register in registers {
            var steps: [AddOutcome] = []
            for (index, day) in days.enumerated() {
                steps.append(try add(register, day, at: "2026-12-01T10:00:0\(index).000Z"))
            }
            let guide = try #require(
                try register.snapshot().commitments.first {
                    $0.quote.contains("This year we will publish the good practice guide")
                })
            try edit(register, guide.id, [.department: "Ministry of Test Corrections"], at: "2026-12-01T10:01:00.000Z")
            let shortlist = try #require(
                try register.snapshot().commitments.first {
                    $0.quote.contains("we will publish a shortlist of potential sites")
                })
            try edit(register, shortlist.id, [.object: "a shortlist of sites"], at: "2026-12-01T10:01:01.000Z")
            steps.append(try add(register, revised, at: "2026-12-01T10:02:00.000Z"))
            steps.append(try add(register, revised, reanalysing: true, at: "2026-12-01T10:03:00.000Z"))
            steps.append(try add(register, later, at: "2026-12-01T10:04:00.000Z"))
            outcomes.append(steps)
        }
        #expect(outcomes[0] == outcomes[1])
        let exports = try registers.map(export)
        #expect(exports[0] == exports[1])

        // What the pages hold: four debates (the revision is the 27 October page's), five versions of pages, the
        // revision's rewording and the two promises of the dropped sentence, and one follow-up link between the days.
        let snapshot = try registers[1].snapshot()
        #expect(snapshot.debates.count == 4 && snapshot.debateVersions.count == 5)
        #expect(Set(snapshot.debates.map(\.sourcePath)).count == 4)
        guard case .revised(_, let revision, let changes, _) = outcomes[1][3] else {
            Issue.record("expected the revised page to be a revision, got \(outcomes[1][3])")
            return
        }
        #expect(revision == 2 && changes.reworded == 1 && changes.missing == 2 && changes.editsKept == 1)
        guard case .reanalysed = outcomes[1][4] else {
            Issue.record("expected a re-analysis, got \(outcomes[1][4])")
            return
        }
        #expect(snapshot.commitments.contains { $0.quote.contains(reworded) && $0.object == "a shortlist of sites" })
        #expect(snapshot.commitments.filter { $0.missingSinceRevision == 2 }.count == 2)
        #expect(snapshot.links.count == 1 && snapshot.edits.count == 2)

        // Every page again, the original 27 October page included: nothing changes on either backend.
        for register in registers {
            for page in days + [revised, later] {
                #expect(try add(register, page, at: "2026-12-02T00:00:00.000Z").isUnchanged)
            }
        }
        #expect(try registers.map(export) == exports)
    }

    /// The small pages of five days of 1914–1916, two of 2009, and the Commons questions of 5 July 1962 and
    /// 21 March 1963, whose answers follow up the earlier ones.
    static let concurrentPages = [
        "historic-hansard-html/commons-1914-09-17-contracts-with-alien-enemies.html",
        "historic-hansard-html/commons-1914-11-16-alien-enemies.html",
        "historic-hansard-html/lords-1915-02-10-alien-enemies.html",
        "historic-hansard-html/commons-1916-10-26-german-banks-in-london-written-answers.html",
        "historic-hansard-html/commons-1916-11-21-german-banks-in-london.html",
        Pages.lordsWMS20091027,
        "parlparse-xml/commons-2009-10-29-written-ministerial-statements-parlparse.xml",
        Pages.commons19620705,
        Pages.commons19630321,
    ]

    /// Export text with every time stamp written as `T`: processes record their own times.
    static func timeless(_ json: String) -> String {
        json.replacingOccurrences(
            of: #""\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z""#, with: "\"T\"", options: .regularExpression)
    }

    @Test("Three processes adding overlapping pages to one PostgreSQL register: each debate once, as a serial add")
    func concurrentAdds() throws {
        let paths = Self.concurrentPages.map { CorpusFile.path($0) }
        let sets = [
            [0, 1, 2, 3, 5, 7],
            [8, 6, 5, 4, 3, 2],
            [7, 0, 4, 1, 6, 8],
        ]
        #expect(Set(sets.joined()) == Set(paths.indices))
        let location = try Backend.postgres.freshLocation()
        let folder = try temporaryFolder()
        let runs = try sets.map { set in
            try HansardCommand.launch(
                ["register", "add", "--quiet", "--register", location] + set.map { paths[$0] },
                environment: ["HOME": folder])
        }
        let outcomes = try runs.map { try $0() }
        #expect(outcomes.allSatisfy { $0.status == 0 }, "\(outcomes.map(\.standardError))")
        let summaries = outcomes.compactMap { RegisterAddFixture.summary($0.standardOutput) }
        try #require(summaries.count == sets.count, "\(outcomes.map(\.standardOutput))")
        // Each page is one debate: stored by one process, found stored by the others.
        #expect(summaries.map(\.added).reduce(0, +) == paths.count)
        #expect(summaries.map(\.unchanged).reduce(0, +) == sets.joined().count - paths.count)
        #expect(summaries.allSatisfy { $0.revised == 0 && $0.failed == 0 })

        let register = try Registers.open(at: location, readOnly: true)
        let snapshot = try register.snapshot()
        #expect(snapshot.debates.count == paths.count && snapshot.debateVersions.count == paths.count)
        let stored = Set(snapshot.debates.map { URL(fileURLWithPath: $0.sourcePath).lastPathComponent })
        #expect(stored == Set(paths.map { URL(fileURLWithPath: $0).lastPathComponent }))

        // The same pages added by one process to an SQLite file, in order: the same rows but for the times.
        let file = try Backend.sqlite.freshLocation()
        let serial = try HansardCommand.run(
            ["register", "add", "--quiet", "--register", file] + paths, environment: ["HOME": folder])
        #expect(serial.status == 0, "\(serial.standardError)")
        let expected = try HansardCommand.run(["register", "export", "--register", file]).standardOutput
        let actual = try HansardCommand.run(["register", "export", "--register", location]).standardOutput
        // Follow-ups run from the 1963 answers back to commitments made in 1962, whichever process stored which.
        let debates = Dictionary(uniqueKeysWithValues: snapshot.debates.map { ($0.id, $0.date) })
        let made = Dictionary(uniqueKeysWithValues: snapshot.commitments.map { ($0.id, $0.debateDate) })
        #expect(!snapshot.links.isEmpty)
        #expect(
            snapshot.links.allSatisfy {
                debates[$0.debateId] == .of("1963-03-21") && made[$0.commitmentId] == .of("1962-07-05")
            })
        #expect(Self.timeless(actual) == Self.timeless(expected))
        #expect(summaries.map(\.commitments).reduce(0, +) == snapshot.commitments.count)
    }
}

extension AddOutcome {
    var isUnchanged: Bool {
        if case .unchanged = self { return true }
        return false
    }
}
