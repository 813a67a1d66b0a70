import Foundation
import HansardAnalysis
import HansardIngestion
import HansardRegister
import HansardTestSupport
import Testing

/// Adding debates: once, twice, and as a revised page.
@Suite("Register storage")
struct RegisterStorageTests {
    @Test(
        "A debate's source is named by its file name, whatever the path",
        arguments: [
            ("/home/clerk/pages/lords-2023-03-08.txt", "lords-2023-03-08.txt"),
            ("lords-2023-03-08.txt", "lords-2023-03-08.txt"),
            ("/srv/pages/Ménière’s debate.html", "Ménière’s debate.html"), ("/srv/pages/", "pages"), ("/", "/"),
        ])
    func sourceName(path: String, name: String) {
        let debate = DebateRecord(
            id: "d-1", identity: "i", title: "t", house: nil, date: nil, url: nil, type: nil, sha256: "0",
            sourcePath: path, revision: 1, addedAt: "2026-12-04T00:00:00Z", updatedAt: "2026-12-04T00:00:00Z")
        #expect(debate.sourceName == name)
    }

    @Test("A page is stored once; adding it again changes nothing")
    func addTwice() throws {
        let register = try Register.open(at: try temporaryFolder() + "/r.sqlite")
        let first = try add(register, Pages.lords20091026)
        guard case .added(let debateId, let count, _) = first[0] else {
            Issue.record("expected .added, got \(first[0])")
            return
        }
        #expect(count > 0)
        // Baroness Thornton, col. 1058: "This year we will publish the good practice guide, which will set out
        // what a good JSNA looks like ..."
        let guide = try commitment(in: register, quoting: "This year we will publish the good practice guide")
        #expect(guide.speakerName == "Baroness Thornton")
        #expect(guide.debateDate == .of("2009-10-26"))
        #expect(guide.house == .lords)
        #expect(guide.debateId == debateId)
        #expect(guide.status == .outstanding)

        let before = try register.snapshot()
        let second = try add(register, Pages.lords20091026)
        #expect(second[0] == .unchanged(debateId: debateId))
        #expect(try register.snapshot() == before)
    }

    @Test("A revised page keeps commitment ids, records the rewording and marks what it lacks")
    func revisedPage() throws {
        let folder = try temporaryFolder()
        let register = try Register.open(at: folder + "/r.sqlite")
        let original = CorpusFile.path(Pages.lordsWMS20091027)
        let (debate, analysis) = try analysed(original)
        _ = try register.add(analysis, of: debate)
        // Lord Bach's statement on prisons, col. 98.
        let shortlist = try commitment(in: register, quoting: "we will publish a shortlist of potential sites")
        // One sentence, two promises: announce an interest in a site, and consult.
        let search = try commitment(
            in: register, quoting: "we will announce our interest in an identified site", action: .publish)
        let consult = try commitment(
            in: register, quoting: "we will announce our interest in an identified site", action: .consult)

        // The revised page: one sentence reworded, one dropped.
        var text = try String(contentsOfFile: original, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "we will publish a shortlist of potential sites",
            with: "we will publish a full shortlist of potential sites")
        text = text.replacingOccurrences(
            of:
                " As part of this search, we will announce our interest in an identified site and will consult with all interested parties.",
            with: "")
        let revisedPath = folder + "/lords-2009-10-27-revised.xml"
        try text.write(toFile: revisedPath, atomically: true, encoding: .utf8)
        let (revisedDebate, revisedAnalysis) = try analysed(revisedPath)
        #expect(revisedAnalysis.debate.identity == analysis.debate.identity)

        let before = try register.snapshot()
        let outcome = try register.add(revisedAnalysis, of: revisedDebate)
        guard case .revised(let debateId, let revision, let changes, _) = outcome else {
            Issue.record("expected .revised, got \(outcome)")
            return
        }
        #expect(debateId == shortlist.debateId)
        #expect(revision == 2)
        #expect(changes.reworded == 1)
        #expect(changes.missing == 2)
        #expect(changes.added == 0)

        let reworded = try register.detail(of: shortlist.id)
        #expect(reworded.commitment.quote.contains("we will publish a full shortlist of potential sites"))
        #expect(reworded.changes.map(\.kind) == [.reworded])
        #expect(reworded.changes.first?.oldValue == shortlist.quote)

        let dropped = try register.detail(of: search.id)
        #expect(dropped.commitment.missingSinceRevision == 2)
        #expect(dropped.commitment.status == .outstanding)
        #expect(dropped.changes.map(\.kind) == [.missing])
        #expect(dropped.debate.revision == 2)
        #expect(try register.detail(of: consult.id).commitment.missingSinceRevision == 2)

        // A diff across the revision shows the rewording and the commitment no longer in the text.
        let diff = RegisterDiff(old: before, oldLabel: "before", new: try register.snapshot(), newLabel: "after")
        #expect(diff.changed.first { $0.commitment.id == shortlist.id }?.changes.map(\.field) == [.quote])
        #expect(
            diff.changed.first { $0.commitment.id == search.id }?.changes
                == [.init(field: .inText, old: "in the page", new: "absent since revision 2")])
        #expect(diff.missing.isEmpty)

        // The original page again is a known version: nothing changes.
        #expect(try register.add(analysis, of: debate) == .unchanged(debateId: debateId))
    }

    @Test("Resolving, reopening and notes are kept as events with who, when, why and evidence")
    func resolveAndReopen() throws {
        let register = try Register.open(at: try temporaryFolder() + "/r.sqlite")
        try add(register, Pages.lords20091026)
        let guide = try commitment(in: register, quoting: "This year we will publish the good practice guide")
        let evidence = "https://example.org/jsna-good-practice-guide"
        try register.resolve(
            guide.id, status: .fulfilled, evidence: evidence, date: "2010-01-15", note: "guide published",
            actor: "tester")
        #expect(throws: RegisterError.alreadyInStatus(id: guide.id, status: .fulfilled)) {
            try register.resolve(guide.id, status: .fulfilled, evidence: evidence)
        }
        var detail = try register.detail(of: guide.id)
        #expect(detail.commitment.status == .fulfilled)
        #expect(detail.statusEvents.map(\.status) == [.fulfilled])
        #expect(detail.statusEvents.first?.evidence == evidence)
        #expect(detail.statusEvents.first?.actor == "tester")
        #expect(detail.statusEvents.first?.effectiveDate == .of("2010-01-15"))
        #expect(detail.notes.map(\.text) == ["guide published"])
        #expect(!(try register.commitments()).items.contains { $0.commitment.id == guide.id })

        try register.reopen(guide.id, note: "only a draft was published", date: "2010-02-01", actor: "tester")
        detail = try register.detail(of: guide.id)
        #expect(detail.commitment.status == .outstanding)
        #expect(detail.statusEvents.map(\.status) == [.fulfilled, .outstanding])
        #expect(try register.commitments().items.contains { $0.commitment.id == guide.id })

        #expect(throws: RegisterError.unknownCommitment(id: "c-nonesuch")) {
            try register.resolve("c-nonesuch", status: .lapsed, evidence: "x")
        }
    }

    @Test("The outstanding list: oldest due first, overdue marks and statuses reckoned at --as-of")
    func outstandingList() throws {
        let register = try Register.open(at: try temporaryFolder() + "/r.sqlite")
        try add(register, Pages.lords20091026, Pages.lordsWMS20091027, Pages.whatsApp)
        let guide = try commitment(in: register, quoting: "This year we will publish the good practice guide")
        // "This year", said on 26 October 2009: due by the end of 2009.
        #expect(guide.dueBy == .of("2009-12-31"))

        let list = try register.commitments(CommitmentQuery(asOf: .of("2010-01-01")))
        let dues = list.items.compactMap(\.commitment.dueBy)
        #expect(dues == dues.sorted())
        // Dated commitments come before the ones with no due date.
        let firstUndated = list.items.firstIndex { $0.commitment.dueBy == nil } ?? list.items.count
        #expect(list.items[firstUndated...].allSatisfy { $0.commitment.dueBy == nil })
        let row = try #require(list.items.first { $0.commitment.id == guide.id })
        #expect(row.ageDays == 67)
        #expect(row.overdueDays == 1)
        // 2023 commitments were not yet made on 1 January 2010.
        #expect(list.items.allSatisfy { ($0.commitment.debateDate ?? .distantPast) <= .of("2010-01-01") })

        let early = try register.commitments(CommitmentQuery(scope: .overdue, asOf: .of("2009-12-01")))
        #expect(!early.items.contains { $0.commitment.id == guide.id })

        let lords = try register.commitments(CommitmentQuery(minister: "thornton", house: .lords, session: "2008-09"))
        #expect(!lords.items.isEmpty)
        #expect(lords.items.allSatisfy { $0.commitment.speakerName == "Baroness Thornton" })

        // Resolved in January 2010: outstanding as of December 2009, not as of February 2010.
        try register.resolve(guide.id, status: .fulfilled, evidence: "published", date: "2010-01-15")
        #expect(
            try register.commitments(CommitmentQuery(asOf: .of("2009-12-15"))).items.contains {
                $0.commitment.id == guide.id
            })
        #expect(
            !(try register.commitments(CommitmentQuery(asOf: .of("2010-02-01")))).items.contains {
                $0.commitment.id == guide.id
            })
        // A date that names no day never reaches a query: it is refused where a person types it.
        #expect(throws: RegisterError.invalidDate("2010-13-01")) { try CalendarDate.parse("2010-13-01") }
    }
}
