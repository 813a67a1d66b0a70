import Foundation
import HansardIngestion
import HansardTestSupport
import HansardRegister
import HansardReports
import Testing

/// Export, import and diff.
@Suite("Snapshots and diffs")
struct SnapshotDiffTests {
    @Test("Two exports of one register are byte-identical, and an import reproduces the register")
    func canonicalExport() throws {
        let folder = try temporaryFolder()
        let register = try Register.open(at: folder + "/r.sqlite")
        try add(register, Pages.lords20091026, Pages.lordsWMS20091027)
        let guide = try commitment(in: register, quoting: "This year we will publish the good practice guide")
        try register.resolve(guide.id, status: .fulfilled, evidence: "published", date: "2010-01-15", note: "seen")

        let first = try RegisterSnapshotRenderer.render(try register.snapshot(), format: .json)
        let second = try RegisterSnapshotRenderer.render(try register.snapshot(), format: .json)
        #expect(first == second)
        #expect(first.hasPrefix("{\n  \"schema\": \"hansard.register/1\""))

        let exportPath = folder + "/export.json"
        try first.write(toFile: exportPath, atomically: true, encoding: .utf8)
        let copy = try Register.open(at: folder + "/copy.sqlite")
        let summary = try copy.importSnapshot(try RegisterSnapshot.load(path: exportPath))
        #expect(summary.debates == 2)
        #expect(summary.statusEvents == 1)
        #expect(try RegisterSnapshotRenderer.render(try copy.snapshot(), format: .json) == first)
        #expect(try copy.detail(of: guide.id).commitment.status == .fulfilled)
        // Importing again adds nothing.
        let again = try copy.importSnapshot(try RegisterSnapshot.load(path: exportPath))
        #expect(again.debates == 0 && again.commitments == 0 && again.statusEvents == 0)

        let csv = try RegisterSnapshotRenderer.render(try register.snapshot(), format: .csv)
        #expect(csv.hasPrefix("id,status,status_date,as_of,debate_date,"))
        #expect(csv.contains("\r\n"))
        // The guide's quote holds commas, so RFC 4180 quotes it.
        #expect(csv.contains("\"This year we will publish the good practice guide, which will set out"))
    }

    @Test("A diff reports new, resolved, still outstanding, changed and missing commitments")
    func diffSnapshots() throws {
        let folder = try temporaryFolder()
        let register = try Register.open(at: folder + "/r.sqlite")
        try add(register, Pages.lords20091026)
        let old = try register.snapshot()
        #expect(!RegisterDiff(old: old, oldLabel: "a", new: old, newLabel: "b").hasDifferences)

        let guide = try commitment(in: register, quoting: "This year we will publish the good practice guide")
        try register.resolve(guide.id, status: .fulfilled, evidence: "https://example.org/guide", date: "2010-01-15")
        try add(register, Pages.lordsWMS20091027)
        let new = try register.snapshot()
        let diff = RegisterDiff(old: old, oldLabel: "old", new: new, newLabel: "new")
        #expect(diff.hasDifferences)
        #expect(diff.resolved.map(\.commitment.id) == [guide.id])
        #expect(diff.resolved.first?.evidence == "https://example.org/guide")
        #expect(diff.resolved.first?.status == .fulfilled)
        let shortlist = try commitment(in: register, quoting: "we will publish a shortlist of potential sites")
        #expect(diff.added.contains { $0.id == shortlist.id })
        #expect(diff.added.allSatisfy { $0.debateDate == .of("2009-10-27") })
        #expect(diff.stillOutstanding.count == old.commitments.count - 1)
        #expect(diff.missing.isEmpty)

        // Reversed, the WMS commitments are missing from NEW with no status event: a warning.
        let reverse = RegisterDiff(old: new, oldLabel: "new", new: old, newLabel: "old")
        #expect(reverse.missing.contains { $0.id == shortlist.id })
        // And the guide went from fulfilled back to outstanding: a status change.
        #expect(reverse.changed.first { $0.commitment.id == guide.id }?.changes.map(\.field) == [.status])

        let table = try RegisterDiffRenderer.render(diff, format: .table, width: 100)
        #expect(table.contains("Resolved (1)"))
        let markdown = try RegisterDiffRenderer.render(reverse, format: .md)
        #expect(markdown.contains("## Missing from NEW with no status event"))
    }

    @Test("A session diff takes the register as it stood at the end of each session")
    func sessionDiff() throws {
        let register = try Register.open(at: try temporaryFolder() + "/r.sqlite")
        try add(register, Pages.lords20091026, Pages.whatsApp)
        let guide = try commitment(in: register, quoting: "This year we will publish the good practice guide")
        // Fulfilled during the 2009-10 session (18 November 2009 to 8 April 2010).
        try register.resolve(guide.id, status: .fulfilled, evidence: "published", date: "2010-01-15")
        let old = try register.snapshot(asOf: try ParliamentarySessions.named("2008-09").end!)
        let new = try register.snapshot(asOf: try ParliamentarySessions.named("2022-23").end!)
        #expect(old.asOf == .of("2009-11-12"))
        let diff = RegisterDiff(old: old, oldLabel: "2008-09", new: new, newLabel: "2022-23")
        #expect(diff.resolved.map(\.commitment.id) == [guide.id])
        // The WhatsApp debate of 8 March 2023 falls in 2022-23: its commitments are new.
        #expect(!diff.added.isEmpty)
        #expect(diff.added.allSatisfy { $0.debateDate == .of("2023-03-08") })
        let still = try #require(diff.stillOutstanding.first)
        // From 12 November 2009 to 26 October 2023.
        #expect(still.olderByDays == CalendarDate.days(from: .of("2009-11-12"), to: .of("2023-10-26")))
    }

    @Test("Two register files read side by side give the same diff as their snapshots")
    func streamedDiff() throws {
        let folder = try temporaryFolder()
        let old = try Register.open(at: folder + "/old.sqlite")
        let new = try Register.open(at: folder + "/new.sqlite")
        try add(old, Pages.lords20091026, Pages.lordsWMS20091027, Pages.commons19610718, Pages.whatsApp)
        try add(new, Pages.lords20091026, Pages.lordsWMS20091027, Pages.commons19610718, Pages.commons20091028)
        // NEW: the good practice guide published (Lord Darzi, col. 1007 of 26 October 2009), one commitment
        // dismissed, one department corrected, and the prisons statement of 27 October revised: the shortlist
        // sentence reworded and the search sentence dropped.
        let guide = try commitment(in: new, quoting: "This year we will publish the good practice guide")
        try new.resolve(guide.id, status: .fulfilled, evidence: "https://example.org/guide", date: "2010-01-15")
        let shortlist = try commitment(in: new, quoting: "we will publish a shortlist of potential sites")
        let others = try new.commitments(CommitmentQuery(scope: .all)).items.map(\.commitment)
            .filter { $0.id != guide.id && $0.id != shortlist.id && $0.debateDate == .of("2009-10-26") }
        let dismissed = try #require(others.first)
        _ = try new.dismiss(dismissed.id, reason: "a question, not a promise")
        let corrected = try #require(others.dropFirst().first)
        _ = try new.edit(corrected.id, [.department: "Cabinet Office"], reason: "checked", actor: "tester")
        let original = CorpusFile.path(Pages.lordsWMS20091027)
        var text = try String(contentsOfFile: original, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "we will publish a shortlist of potential sites",
            with: "we will publish a full shortlist of potential sites")
        text = text.replacingOccurrences(
            of:
                " As part of this search, we will announce our interest in an identified site and will consult with all interested parties.",
            with: "")
        let revised = folder + "/lords-2009-10-27-revised.xml"
        try text.write(toFile: revised, atomically: true, encoding: .utf8)
        let (debate, analysis) = try analysed(revised)
        _ = try new.add(analysis, of: debate)

        for (a, aLabel, b, bLabel) in [(old, "old.sqlite", new, "new.sqlite"), (new, "new.sqlite", old, "old.sqlite")] {
            let streamed = try RegisterDiff(old: a, oldLabel: aLabel, new: b, newLabel: bLabel)
            let whole = RegisterDiff(old: try a.snapshot(), oldLabel: aLabel, new: try b.snapshot(), newLabel: bLabel)
            #expect(streamed == whole)
            for format in RegisterDiffFormat.allCases {
                #expect(
                    try RegisterDiffRenderer.render(streamed, format: format)
                        == RegisterDiffRenderer.render(whole, format: format))
            }
            // By path, as `hansard diff` compares them.
            #expect(
                try RegisterDiff.between(folder + "/" + aLabel, folder + "/" + bLabel).stillOutstanding
                    == whole.stillOutstanding)
        }
        let diff = try RegisterDiff(old: old, oldLabel: "old", new: new, newLabel: "new")
        #expect(diff.resolved.map(\.commitment.id) == [guide.id])
        #expect(diff.resolved.first?.evidence == "https://example.org/guide")
        #expect(diff.changed.first { $0.commitment.id == shortlist.id }?.changes.map(\.field) == [.quote])
        #expect(
            diff.changed.first { $0.commitment.id == shortlist.id }?.changes.first?.new?.contains("full shortlist")
                == true)
        #expect(diff.changed.first { $0.commitment.id == dismissed.id }?.changes.map(\.new) == ["dismissed"])
        #expect(
            diff.changed.first { $0.commitment.id == corrected.id }?.changes
                == [.init(field: .department, old: corrected.department, new: "Cabinet Office")])
        #expect(diff.added.contains { $0.debateDate == .of("2009-10-28") })
        #expect(diff.added.allSatisfy { $0.debateDate == .of("2009-10-28") })
        // The WhatsApp debate of 8 March 2023 is only in OLD, with no status event in NEW: missing.
        #expect(!diff.missing.isEmpty)
        #expect(diff.missing.allSatisfy { $0.debateDate == .of("2023-03-08") })
    }
}
