import Foundation
import HansardIngestion
import HansardRegister
import Testing

/// Links from commitments to later debates that follow them up.
@Suite("Follow-ups across debates")
struct FollowUpTests {
    @Test("The same subject raised again by the same minister is a candidate, whichever debate is added first")
    func sameSubjectEitherOrder() throws {
        let inOrder = try Register.open(at: try temporaryFolder() + "/a.sqlite")
        try add(inOrder, Pages.commons19610718, Pages.commons19620705)
        let reversed = try Register.open(at: try temporaryFolder() + "/b.sqlite")
        try add(reversed, Pages.commons19620705, Pages.commons19610718)

        // Mr. Harold Macmillan, 18 July 1961: "In the light of them I will make a statement, and in the light
        // of that statement the House must decide what it wishes."
        let statement = try commitment(in: inOrder, quoting: "In the light of them I will make a statement")
        #expect(statement.speakerName == "Mr. Harold Macmillan")
        let links = try inOrder.detail(of: statement.id).links
        #expect(!links.isEmpty)
        #expect(try reversed.detail(of: statement.id).links.map(\.id).sorted() == links.map(\.id).sorted())
        for link in links {
            #expect(link.kind == .sameSubject)
            #expect(link.state == .candidate)
            #expect(link.evidence.contains("same subject \"statement\""))
            #expect(link.evidence.contains("same minister"))
            #expect(link.speakerName == "Mr. Harold Macmillan")
            #expect(link.quote.lowercased().contains("statement"))
        }
        // On 5 July 1962 Macmillan answered: "The House is accustomed to statements of this kind."
        #expect(links.contains { $0.quote == "The House is accustomed to statements of this kind." })
    }

    @Test("Confirming a link can resolve the commitment with the later speech as evidence; rejecting keeps it")
    func confirmAndReject() throws {
        let register = try Register.open(at: try temporaryFolder() + "/r.sqlite")
        try add(register, Pages.commons19610718, Pages.commons19620705)
        let statement = try commitment(in: register, quoting: "In the light of them I will make a statement")
        let links = try register.detail(of: statement.id).links
        try #require(links.count >= 2)

        let rejected = try register.reject(links[1].id, actor: "tester")
        #expect(rejected.state == .rejected)
        #expect(throws: RegisterError.linkAlreadyDecided(id: links[1].id, state: .rejected)) {
            try register.confirm(links[1].id)
        }

        // A same-subject link does not say the thing was done: confirming it alone resolves nothing.
        let (confirmed, none) = try register.confirm(links[0].id, actor: "tester")
        #expect(confirmed.state == .confirmed)
        #expect(none == nil)
        #expect(try register.detail(of: statement.id).commitment.status == .outstanding)

        // Re-adding both pages proposes no link again and keeps the decisions.
        try add(register, Pages.commons19610718, Pages.commons19620705)
        let after = try register.detail(of: statement.id).links
        #expect(after.first { $0.id == links[1].id }?.state == .rejected)
        #expect(after.first { $0.id == links[0].id }?.state == .confirmed)
        #expect(after.count == links.count)
        #expect(throws: RegisterError.unknownLink(id: "L-nonesuch")) { try register.reject("L-nonesuch") }
    }

    @Test("A confirmed fulfilment resolves the commitment, citing the later debate")
    func confirmedFulfilment() throws {
        let register = try Register.open(at: try temporaryFolder() + "/r.sqlite")
        try add(register, Pages.commons19610718, Pages.commons19620705)
        let statement = try commitment(in: register, quoting: "In the light of them I will make a statement")
        let link = try #require(try register.detail(of: statement.id).links.first)
        let (_, event) = try register.confirm(link.id, status: .partlyFulfilled, actor: "tester")
        let resolved = try #require(event)
        #expect(resolved.status == .partlyFulfilled)
        #expect(resolved.effectiveDate == "1962-07-05")
        #expect(resolved.linkId == link.id)
        #expect(resolved.evidence?.contains(link.quote) == true)
        #expect(resolved.evidence?.contains("1962-07-05") == true)
        #expect(try register.detail(of: statement.id).commitment.status == .partlyFulfilled)
    }

    @Test("An Official Report citation links only to the same House's sitting")
    func citationNeedsSameHouse() throws {
        let register = try Register.open(at: try temporaryFolder() + "/r.sqlite")
        // The Commons on 28 October 2009 quotes "[Official Report, 26 October 2009; Vol. 498, c. 23.]": a Commons
        // column. The Lords sat on 26 October too; its commitments must not be linked.
        try add(register, Pages.lords20091026, Pages.commons20091028)
        let lordsDay = try register.commitments(CommitmentQuery(scope: .all, house: .lords)).items
        #expect(!lordsDay.isEmpty)
        for item in lordsDay {
            #expect(try register.detail(of: item.commitment.id).links.isEmpty)
        }
    }

    @Test("Consecutive ParlParse days with no follow-up get no link")
    func noFalseLinks() throws {
        let register = try Register.open(at: try temporaryFolder() + "/r.sqlite")
        // Lord Bach's undertakings on the Coroners and Justice Bill (26 October) are not what his written
        // statements of 27 October (prisons, debt management, coroners' inquests of service personnel) are about.
        try add(register, Pages.lords20091026, Pages.lordsWMS20091027)
        let bach = try register.commitments(CommitmentQuery(scope: .all, minister: "Lord Bach", until: "2009-10-26")).items
        #expect(!bach.isEmpty)
        for item in bach { #expect(try register.detail(of: item.commitment.id).links.isEmpty) }
    }
}
