import Foundation
import GRDB
import HansardAnalysis
import HansardIngestion
@testable import HansardRegister
import HansardTestSupport
import Testing

/// The register read by department and by minister: canonical departments, one person however named.
@Suite("Departments and people in the register")
struct DepartmentPeopleTests {
    static func listing(_ register: Register, _ query: CommitmentQuery) throws -> [CommitmentListing] {
        try register.commitments(query).items
    }

    @Test("--department finds a department by any of its names; the seed's Cabinet Office minister is found")
    func departmentFilter() throws {
        let register = try Register.open(at: try temporaryFolder() + "/r.sqlite")
        try add(
            register, "parlparse-xml/commons-2009-10-29-written-ministerial-statements-parlparse.xml",
            "parlparse-xml/commons-2023-03-28-debates-parlparse.xml", Pages.whatsApp)
        let all = try Self.listing(register, CommitmentQuery(scope: .all))
        // Phil Woolas's statement on returns to Zimbabwe is filed under the HOME DEPARTMENT heading; Sarah Dines
        // answers the urgent question to "the Secretary of State for the Home Department".
        let homeOffice = try Self.listing(register, CommitmentQuery(scope: .all, department: "Home Office"))
        #expect(homeOffice.contains { $0.commitment.speakerName == "Phil Woolas" })
        #expect(homeOffice.contains { $0.commitment.speakerName == "Sarah Dines" })
        #expect(homeOffice.allSatisfy { $0.commitment.department == "Home Office" })
        #expect(homeOffice.count == all.filter { $0.commitment.department == "Home Office" }.count)
        for alias in ["Home Department", "home office", "Secretary of State for the Home Department", "Home Secretary"]
        {
            #expect(
                try Self.listing(register, CommitmentQuery(scope: .all, department: alias)).map(\.commitment.id)
                    == homeOffice.map(\.commitment.id), "\(alias)")
        }
        let cabinetOffice = try Self.listing(register, CommitmentQuery(scope: .all, department: "Cabinet Office"))
        let seed = all.filter { $0.commitment.house == .lords }
        #expect(!seed.isEmpty)
        #expect(Set(seed.map(\.commitment.id)).isSubset(of: Set(cabinetOffice.map(\.commitment.id))))
        // Justice questions on the ParlParse day: the <major-heading>Justice</major-heading>.
        let justice = try Self.listing(register, CommitmentQuery(scope: .all, department: "Justice"))
        #expect(justice.contains { $0.commitment.speakerName == "Mike Freer" })
        // A name no department has falls back to matching the stored text.
        #expect(try Self.listing(register, CommitmentQuery(scope: .all, department: "Zimbabwe")).isEmpty)
    }

    @Test("--minister finds every name a page gives the person; the page's labels are kept")
    func ministerFilter() throws {
        let register = try Register.open(at: try temporaryFolder() + "/r.sqlite")
        try add(register, Pages.commons19620705)
        let eccles = try Self.listing(register, CommitmentQuery(scope: .all, minister: "Sir D. Eccles"))
        #expect(!eccles.isEmpty)
        #expect(eccles.allSatisfy { $0.commitment.speakerName == "Sir David Eccles" })
        #expect(eccles.allSatisfy { $0.person.name == "Sir David Eccles" })
        #expect(eccles.allSatisfy { $0.commitment.aliases.contains("Sir D. Eccles") })
        #expect(
            eccles.map(\.commitment.id)
                == (try Self.listing(register, CommitmentQuery(scope: .all, minister: "David Eccles"))).map(
                    \.commitment.id))
    }

    @Test("One person across the register: the same member on several pages, and a page's fuller name")
    func peopleAcrossPages() throws {
        let register = try Register.open(at: try temporaryFolder() + "/r.sqlite")
        try add(
            register, Pages.commons19610718, Pages.commons19620705,
            "hansard-modern-html/commons-1963-03-21-oral-answers-to-questions.html")
        let all = try Self.listing(register, CommitmentQuery(scope: .all))
        let macmillan = all.filter { $0.commitment.speakerName == "Mr. Harold Macmillan" }
        #expect(Set(macmillan.compactMap(\.commitment.debateDate)).count == 3)
        #expect(Set(macmillan.map(\.person.id)).count == 1)
        #expect(macmillan.allSatisfy { $0.commitment.department == "Prime Minister's Office" })
    }

    @Test("Names merge by title, or by a compatible name in one House and department; never across departments")
    func directory() {
        typealias A = PeopleDirectory.Appearance
        let full = A(
            person: "name:eccles|david", name: "Sir David Eccles", aliases: ["Sir David Eccles"],
            department: "Ministry of Education", house: .commons, debateId: nil)
        let initial = A(
            person: "name:eccles|d", name: "Sir D. Eccles", aliases: ["Sir D. Eccles"],
            department: "Ministry of Education", house: .commons, debateId: nil)
        let elsewhere = A(
            person: "name:eccles|d", name: "Sir D. Eccles", aliases: ["Sir D. Eccles"], department: "Board of Trade",
            house: .commons, debateId: nil)
        let bare = A(
            person: "name:eccles", name: "Sir Eccles", aliases: ["Sir Eccles"], department: "Ministry of Education",
            house: .commons, debateId: nil)
        let people = PeopleDirectory.people([full, initial, elsewhere, bare])
        #expect(people[full] == people[initial])
        #expect(people[full]?.name == "Sir David Eccles")
        #expect(people[full]?.aliases == ["Sir David Eccles", "Sir D. Eccles", "Sir Eccles"])
        #expect(people[elsewhere] != people[full])
        #expect(people[bare] == people[full])
        // A bare surname that two people could be is left alone.
        let other = A(
            person: "name:eccles|john", name: "Sir John Eccles", aliases: ["Sir John Eccles"],
            department: "Ministry of Education", house: .commons, debateId: nil)
        let two = PeopleDirectory.people([full, other, bare])
        #expect(two[bare] != two[full] && two[bare] != two[other])
        // Peers by title, whatever the department; unnamed ministers never merge across debates.
        let bach = A(
            person: "peer:lord bach", name: "Lord Bach", aliases: ["Lord Bach"], department: nil, house: .lords,
            debateId: nil)
        let bachMoJ = A(
            person: "peer:lord bach", name: "Lord Bach", aliases: ["Lord Bach"], department: "Ministry of Justice",
            house: .lords, debateId: nil)
        let u1 = A(
            person: "unnamed:minister", name: nil, aliases: [], department: "Cabinet Office", house: .lords,
            debateId: "d-1")
        let u2 = A(
            person: "unnamed:minister", name: nil, aliases: [], department: "Cabinet Office", house: .lords,
            debateId: "d-2")
        let lords = PeopleDirectory.people([bach, bachMoJ, u1, u2])
        #expect(lords[bach] == lords[bachMoJ])
        #expect(lords[u1] != lords[u2])
        #expect(lords[u1]?.displayName == SpeakerReference.unnamedMinister)
    }

    @Test("A page that names no department takes the member's from another sitting within a month, in either order")
    func departmentFromAnotherSitting() throws {
        var results: [[String: String?]] = []
        for order in [[Pages.lords20091026, Pages.lordsWMS20091027], [Pages.lordsWMS20091027, Pages.lords20091026]] {
            let register = try Register.open(at: try temporaryFolder() + "/r.sqlite")
            for page in order { try add(register, page) }
            let coroners = try commitment(in: register, quoting: "I shall take that back to the department")
            #expect(coroners.speakerName == "Lord Bach")
            #expect(coroners.department == "Ministry of Justice")
            #expect(
                coroners.departmentSource?.hasPrefix(
                    "not named on this page; the same member spoke for it on 2009-10-27") == true)
            let all = try Self.listing(register, CommitmentQuery(scope: .all))
            results.append(Dictionary(uniqueKeysWithValues: all.map { ($0.commitment.id, $0.commitment.department) }))
            // Baroness Thornton speaks for no named department on either page: hers stay without one.
            #expect(
                all.filter { $0.commitment.speakerName == "Baroness Thornton" }.allSatisfy {
                    $0.commitment.department == nil
                })
        }
        #expect(results[0] == results[1])
    }

    @Test("A register made by an earlier hansard is upgraded: raw office fragments become canonical departments")
    func migration() throws {
        let path = try temporaryFolder() + "/old.sqlite"
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: Schema.v3)
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO debate (id, identity, title, house, date, sha256, sourcePath, revision, addedAt, updatedAt)
                    VALUES ('d-1', 'x', 'Oral Answers', 'commons', '2009-10-28', 'abc', '/x', 1, 't', 't')
                    """)
            for (id, office, department) in [
                (
                    "c-1", "The Minister for the Cabinet Office and for the Olympics, and Paymaster General",
                    "the Cabinet Office and for the Olympics"
                ),
                ("c-2", "The ATTORNEY-GENERAL", "The ATTORNEY-GENERAL"),
                ("c-3", "The Prime Minister", "The Prime Minister"),
                ("c-4", nil, nil),
            ] {
                try db.execute(
                    sql: """
                        INSERT INTO commitment (id, analysisId, debateId, debateDate, house, turn, speakerName, speakerRole,
                            office, department, quote, action, object, subject, timingClass, strength, source, status,
                            firstRevision)
                        VALUES (?, ?, 'd-1', '2009-10-28', 'commons', 1, 'Tessa Jowell', 'minister', ?, ?, 'We will.',
                            'other', '', '', 'none', 'firm', 'explicit', 'outstanding', 1)
                        """, arguments: [id, id, office, department])
            }
        }
        try queue.close()
        let register = try Register.open(at: path)
        let departments = Dictionary(
            uniqueKeysWithValues: try Self.listing(register, CommitmentQuery(scope: .all)).map {
                ($0.commitment.id, $0.commitment.department)
            })
        #expect(departments["c-1"] == "Cabinet Office")
        #expect(departments["c-2"] == "Attorney General's Office")
        #expect(departments["c-3"] == "Prime Minister's Office")
        #expect(departments["c-4"] == .some(nil))
    }

    @Test(
        "Every development page: a canonical department for at least 95% of commitments where the page names one, and one name per person in the index"
    )
    func coverage() throws {
        let register = try Register.open(at: try temporaryFolder() + "/r.sqlite")
        let table = try DepartmentTable.bundled()
        var namesDepartment: [String: Bool] = [:]
        for folder in [
            "hansard-modern-html", "historic-hansard-html", "parlparse-xml", "publications-html", "text-saves",
        ] {
            for name in try FileManager.default.contentsOfDirectory(atPath: CorpusFile.path(folder)).sorted() {
                let (debate, analysis) = try analysed(CorpusFile.path(folder + "/" + name))
                _ = try register.add(analysis, of: debate)
                // Does the page name a department anywhere: an office line, a heading, a tabled question's addressee?
                let date = debate.metadata.date
                let house = debate.metadata.house
                let offices = debate.turns.compactMap(\.speaker?.office)
                let headings = debate.metadata.sections.map(\.title)
                let asked = debate.turns.compactMap(\.paragraphs.first).compactMap { first -> String? in
                    guard let range = first.range(of: "asked the ") ?? first.range(of: "To ask the ") else {
                        return nil
                    }
                    return String(first[range.upperBound...].prefix(80))
                }
                namesDepartment[Analyzer.debateIdentity(of: debate)] =
                    offices.contains { table.department(inOffice: $0, on: date, house: house) != nil }
                    || headings.contains { table.department(inHeading: $0, on: date, house: house) != nil }
                    || asked.contains { table.department(inOffice: $0, on: date, house: house) != nil }
            }
        }
        let snapshot = try register.snapshot()
        let identity = Dictionary(uniqueKeysWithValues: snapshot.debates.map { ($0.id, $0.identity) })
        let named = snapshot.commitments.filter { namesDepartment[identity[$0.debateId] ?? ""] == true }
        let withDepartment = named.filter { $0.department != nil }
        #expect(named.count > 300)
        #expect(Double(withDepartment.count) >= 0.95 * Double(named.count), "\(withDepartment.count) of \(named.count)")
        let canonical = Set(table.departments.map(\.name))
        #expect(snapshot.commitments.compactMap(\.department).allSatisfy(canonical.contains))
        // The index groups by department, then person: no two people in a department could be one person.
        let listings = try Self.listing(register, CommitmentQuery(scope: .all))
        for (_, items) in Dictionary(grouping: listings, by: { $0.commitment.department ?? "" }) {
            let people = Dictionary(grouping: items, by: \.person.id).values.map { $0[0].person }
            for (i, a) in people.enumerated() {
                for b in people[(i + 1)...] {
                    guard let na = a.name.flatMap({ PersonName($0) }), let nb = b.name.flatMap({ PersonName($0) })
                    else { continue }
                    #expect(!na.isCompatible(with: nb) || a.name == nil, "\(a.displayName) and \(b.displayName)")
                }
            }
        }
        let freeth = listings.filter {
            $0.commitment.aliases.contains("Mr. Freeth") || $0.commitment.speakerName?.contains("Freeth") == true
        }
        #expect(!freeth.isEmpty && Set(freeth.map(\.person.displayName)) == ["Mr. Denzil Freeth"])
    }

    @Test("Searches by minister, department or office line find what matching every commitment finds, however written")
    func searchesThroughAppearances() throws {
        let folder = try temporaryFolder()
        let path = folder + "/r.sqlite"
        let register = try Register.open(at: path)
        try add(
            register, Pages.commons19620705, Pages.lords20091026, Pages.lordsWMS20091027, Pages.whatsApp,
            "parlparse-xml/commons-2009-10-29-written-ministerial-statements-parlparse.xml")
        /// The table of appearances against the commitments counted afresh.
        func checkAppearances(_ path: String) throws {
            let queue = try DatabaseQueue(path: path)
            defer { try? queue.close() }
            let (kept, counted) = try queue.read { db in
                (
                    try Row.fetchAll(db, sql: "SELECT key, commitments FROM commitmentAppearance ORDER BY key"),
                    try Row.fetchAll(
                        db,
                        sql:
                            "SELECT \(Schema.appearanceKey("c")) AS k, COUNT(*) FROM commitment c GROUP BY k ORDER BY k"
                    )
                )
            }
            #expect(!kept.isEmpty)
            #expect(
                kept.map { [$0[0] as String, String($0[1] as Int)] } == counted.map { [$0[0], String($0[1] as Int)] })
        }
        /// Each search against every commitment read and matched here.
        func checkSearches(_ register: Register) throws {
            let all = try register.commitments(CommitmentQuery(scope: .all)).items
            func contains(_ text: String?, _ part: String) -> Bool {
                text?.range(of: part, options: .caseInsensitive) != nil
            }
            for name in ["Eccles", "bach", "D. ECC", "Lord", "Nobody of that name", "%", "_"] {
                let found = try register.commitments(CommitmentQuery(scope: .all, minister: name)).items
                let expected = all.filter { item in
                    contains(item.commitment.speakerName, name) || contains(item.commitment.speakerAliases, name)
                        || item.person.aliases.contains { $0.lowercased().contains(name.lowercased()) }
                }
                #expect(found.map(\.commitment.id) == expected.map(\.commitment.id), "\(name)")
            }
            // Words no department is known by match the department or office line as stored.
            for words in ["Secretary of State", "minister of state", "Parliamentary", "Zimbabwe", "of"] {
                let names = try DepartmentTable.bundled().canonicalNames(matching: words)
                guard names.isEmpty else { continue }
                let found = try register.commitments(CommitmentQuery(scope: .all, department: words)).items
                let expected = all.filter {
                    contains($0.commitment.department, words) || contains($0.commitment.office, words)
                }
                #expect(found.map(\.commitment.id) == expected.map(\.commitment.id), "\(words)")
            }
        }
        try checkAppearances(path)
        try checkSearches(register)
        let offices = try register.commitments(CommitmentQuery(scope: .all)).items.compactMap(\.commitment.office)
        #expect(!offices.isEmpty)

        // Corrections, a dismissal and a revised page write to the commitments; the appearances follow.
        let guide = try commitment(in: register, quoting: "This year we will publish the good practice guide")
        _ = try register.edit(
            guide.id, [.minister: "Baroness Example of Testing", .department: "Cabinet Office"], reason: "checked",
            actor: "tester")
        _ = try register.dismiss(guide.id, reason: "a test")
        let original = CorpusFile.path(Pages.lordsWMS20091027)
        let text = try String(contentsOfFile: original, encoding: .utf8).replacingOccurrences(
            of:
                " As part of this search, we will announce our interest in an identified site and will consult with all interested parties.",
            with: "")
        try text.write(toFile: folder + "/revised.xml", atomically: true, encoding: .utf8)
        let (debate, analysis) = try analysed(folder + "/revised.xml")
        _ = try register.add(analysis, of: debate)
        try checkAppearances(path)
        try checkSearches(register)
        // The corrected name is found, with the rest of that person's commitments (the page's person key joins them).
        let renamed = try register.commitments(CommitmentQuery(scope: .all, minister: "example of test")).items
        #expect(renamed.contains { $0.commitment.id == guide.id })
        #expect(Set(renamed.map(\.person.id)).count == 1)
        #expect(renamed.allSatisfy { $0.commitment.person == guide.person })

        // An import writes every commitment at once.
        let copyPath = folder + "/copy.sqlite"
        let copy = try Register.open(at: copyPath)
        _ = try copy.importSnapshot(try register.snapshot())
        try checkAppearances(copyPath)
        try checkSearches(copy)
    }
}
