import Foundation
import HansardIngestion
import HansardRegister
import Testing

/// The figures a large register's index shows, counted in SQL (issue 16: the index of 1,000,000 commitments in
/// under 5 s), against the same figures counted from the whole list the index was made from before.
@Suite("Register figures")
struct FiguresTests {
    @Test("the figures counted in SQL are those of the whole list, today and as of past dates")
    func sqlFiguresMatchTheList() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let register = try Register.open(at: folder + "/register.sqlite")
        try add(register, Pages.commons19610718, Pages.commons19620705, Pages.commons20091028, Pages.whatsApp)
        let guidance = try commitment(in: register, quoting: "new guidance shortly")
        let all = try register.commitments(CommitmentQuery(scope: .all)).items
        let dismissedOne = try #require(
            all.first { $0.commitment.debateId != guidance.debateId && $0.commitment.department != nil })
        _ = try register.resolve(
            guidance.id, status: .fulfilled, evidence: "Guidance published", date: "2023-06-29", note: nil,
            actor: "tester")
        _ = try register.dismiss(dismissedOne.commitment.id, reason: "a description, not a promise", actor: "tester")

        // Today; after the resolution; before it (the guidance outstanding again and overdue: due 2023-04-07);
        // and before the 2009 debate, when the later commitments had not been made.
        for asOf in [nil, "2024-01-01", "2023-05-01", "1970-01-01"].map({ $0.flatMap(SittingDate.init) }) {
            let sql = try register.figures(asOf: asOf, overdueLimit: 3)
            let list = try register.commitments(CommitmentQuery(scope: .all, asOf: asOf))
            let counted = RegisterFigures(
                asOf: list.asOf, debates: try register.snapshot().debates.count, listings: list.items,
                overdueLimit: 3)
            #expect(sql == counted, "as of \(list.asOf)")
            // Checked against the lists `hansard commitments` prints, not only against each other.
            let overdue = try register.commitments(CommitmentQuery(scope: .overdue, asOf: asOf)).items
            #expect(sql.overdue == overdue.count)
            #expect(sql.longestOverdue.map(\.commitment.id) == overdue.prefix(3).map(\.commitment.id))
            #expect(sql.counted == list.items.filter { $0.status != .dismissed }.count)
            #expect(sql.debates == 4)
        }
        // The search form's names, from the table of appearances, are the commitments' own.
        let records = try register.commitments(CommitmentQuery(scope: .all)).items.map(\.commitment)
        let names = try register.names()
        #expect(names.ministers == Set(records.compactMap(\.speakerName)).sorted())
        #expect(names.departments == Set(records.compactMap(\.department)).sorted())
        #expect(names.departments.contains("Cabinet Office") && names.ministers.count > 1)
        let today = try register.figures(asOf: nil, overdueLimit: 100)
        #expect(today.resolved == 1 && today.dismissed == 1)
        #expect(today.departments.count > 1)
        #expect(today.months.contains { $0.key == "2023-06" && $0.resolved == 1 })
        #expect(today.months.contains { $0.key == "2023-03" && $0.made >= 4 })
        let before = try register.figures(asOf: SittingDate("2023-05-01"), overdueLimit: 100)
        #expect(before.resolved == 0 && before.longestOverdue.contains { $0.commitment.id == guidance.id })
        #expect(
            try register.figures(asOf: SittingDate("1970-01-01"), overdueLimit: 100).months.allSatisfy {
                $0.key < "1970-01"
            })
    }
}
