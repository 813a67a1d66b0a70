import HansardTestSupport
import Foundation
import HansardIngestion
import HansardRegister
import Testing

/// Links from commitments to later debates that follow them up.
@Suite("Follow-ups across debates")
struct FollowUpTests {
    @Test("The same things named again by the same minister are a candidate, whichever debate is added first")
    func sameThingsEitherOrder() throws {
        let inOrder = try Register.open(at: try temporaryFolder() + "/a.sqlite")
        try add(inOrder, Pages.commons19620705, Pages.commons19630321)
        let reversed = try Register.open(at: try temporaryFolder() + "/b.sqlite")
        try add(reversed, Pages.commons19630321, Pages.commons19620705)

        // Mr. Harold Macmillan, 5 July 1962: "I am talking about the tests which it was agreed should take place on
        // Christmas Island …, and I hope that that series will soon be concluded." On 21 March 1963 he answers on
        // the tests again: "What we are dealing with is not tests which are made from Christmas Island …".
        let series = try commitment(in: inOrder, quoting: "I hope that that series will soon be concluded")
        #expect(series.speakerName == "Mr. Harold Macmillan")
        let links = try inOrder.detail(of: series.id).links
        #expect(!links.isEmpty)
        #expect(try reversed.detail(of: series.id).links.map(\.id).sorted() == links.map(\.id).sorted())
        for link in links {
            #expect(link.kind == .sameSubject)
            #expect(link.state == .candidate)
            #expect(link.evidence.contains("\"christmas island\""))
            #expect(link.evidence.contains("same minister"))
            #expect(link.speakerName == "Mr. Harold Macmillan")
        }
        #expect(
            links.contains {
                $0.quote.hasPrefix("What we are dealing with is not tests which are made from Christmas Island")
            })
    }

    @Test("A common word alone is no follow-up: 'statements of this kind' does not follow up 'I will make a statement'")
    func commonWordIsNoLink() throws {
        let register = try Register.open(at: try temporaryFolder() + "/r.sqlite")
        try add(register, Pages.commons19610718, Pages.commons19620705)
        // Macmillan, 18 July 1961: "In the light of them I will make a statement …"; 5 July 1962: "The House is
        // accustomed to statements of this kind." Same minister, same noun, nothing in particular shared.
        let statement = try commitment(in: register, quoting: "In the light of them I will make a statement")
        #expect(try register.detail(of: statement.id).links.isEmpty)
    }

    @Test("Confirming a link can resolve the commitment with the later speech as evidence; rejecting keeps it")
    func confirmAndReject() throws {
        let register = try Register.open(at: try temporaryFolder() + "/r.sqlite")
        try add(register, Pages.commons19620705, Pages.commons19630321)
        let soon = try commitment(in: register, quoting: "I hope that that series will soon be concluded")
        let shortly = try commitment(in: register, quoting: "I hope that that series will shortly be concluded")
        let kept = try #require(try register.detail(of: soon.id).links.first)
        let refused = try #require(try register.detail(of: shortly.id).links.first)

        let rejected = try register.reject(refused.id, actor: "tester")
        #expect(rejected.state == .rejected)
        #expect(throws: RegisterError.linkAlreadyDecided(id: refused.id, state: .rejected)) {
            try register.confirm(refused.id)
        }

        // A same-subject link does not say the thing was done: confirming it alone resolves nothing.
        let (confirmed, none) = try register.confirm(kept.id, actor: "tester")
        #expect(confirmed.state == .confirmed)
        #expect(none == nil)
        #expect(try register.detail(of: soon.id).commitment.status == .outstanding)

        // Re-adding both pages proposes no link again and keeps the decisions.
        try add(register, Pages.commons19620705, Pages.commons19630321)
        #expect(try register.detail(of: shortly.id).links.first { $0.id == refused.id }?.state == .rejected)
        #expect(try register.detail(of: soon.id).links.first { $0.id == kept.id }?.state == .confirmed)
        #expect(try register.detail(of: soon.id).links.count == 1)
        #expect(throws: RegisterError.unknownLink(id: "L-nonesuch")) { try register.reject("L-nonesuch") }
    }

    @Test("A confirmed fulfilment resolves the commitment, citing the later debate")
    func confirmedFulfilment() throws {
        let register = try Register.open(at: try temporaryFolder() + "/r.sqlite")
        try add(register, Pages.commons19620705, Pages.commons19630321)
        let statement = try commitment(in: register, quoting: "I hope that that series will soon be concluded")
        let link = try #require(try register.detail(of: statement.id).links.first)
        let (_, event) = try register.confirm(link.id, status: .partlyFulfilled, actor: "tester")
        let resolved = try #require(event)
        #expect(resolved.status == .partlyFulfilled)
        #expect(resolved.effectiveDate == .of("1963-03-21"))
        #expect(resolved.linkId == link.id)
        #expect(resolved.evidence?.contains(link.quote) == true)
        #expect(resolved.evidence?.contains("1963-03-21") == true)
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
        let bach = try register.commitments(
            CommitmentQuery(scope: .all, minister: "Lord Bach", until: .of("2009-10-26"))
        )
        .items
        #expect(!bach.isEmpty)
        for item in bach { #expect(try register.detail(of: item.commitment.id).links.isEmpty) }
    }
}
