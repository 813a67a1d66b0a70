@testable import HansardRegister
import HansardTestSupport
import HansardIngestion
import Testing

/// The back-reference cues, on sentences copied from corpus pages.
@Suite("Follow-up cues")
struct FollowUpCueTests {
    @Test("An Official Report citation names the sitting it cites")
    func officialReport() {
        // commons-2009-10-28-debates-parlparse.xml quotes the Secretary of State for Defence.
        let sentence =
            "\"recruitment to the Army has experienced a significant boost this year—over 1,000 more recruits are expected to complete training than did so last year—but those additional recruits need to be paid for.\"—[ Official Report, 26 October 2009; Vol. 498, c. 23.]"
        let cited = FollowUpFinder.citedDates(in: sentence, debateDate: .of("2009-10-28"))
        #expect(cited == [.init(date: .of("2009-10-26"), officialReport: true, house: nil)])
    }

    @Test("A citation that names the other House, or an old one in capitals, is read")
    func otherHouseAndOldStyle() {
        // commons-2023-03-28-debates-parlparse.xml cites the Lords.
        let lords = "[Official Report, House of Lords, 27 March 2023; Vol. 829, c. 17.]"
        #expect(
            FollowUpFinder.citedDates(in: lords, debateDate: .of("2023-03-28"))
                == [.init(date: .of("2023-03-27"), officialReport: true, house: .lords)])
        // commons-1915-03-03-aliens.html quotes the Home Secretary's speech of 26 November 1914.
        let old = "[OFFICIAL REPORT, 26th November, 1914, col. 1395, Vol. LXVIII.]"
        #expect(
            FollowUpFinder.citedDates(in: old, debateDate: .of("1915-03-03"))
                == [.init(date: .of("1914-11-26"), officialReport: true, house: nil)])
    }

    @Test("A date without a year is the latest such day on or before the debate")
    func dateWithoutYear() {
        // lords-2009-10-27-written-ministerial-statements-parlparse.xml, Lord Bach, col. 93WS.
        let sentence =
            "On 18 September the Ministry of Justice published the consultation paper entitled Administration and Enforcement Restriction Orders: Setting the Parameters."
        #expect(
            FollowUpFinder.citedDates(in: sentence, debateDate: .of("2009-10-27"))
                == [.init(date: .of("2009-09-18"), officialReport: false, house: nil)])
        // In January, "18 September" is the previous year's.
        #expect(
            FollowUpFinder.citedDates(in: sentence, debateDate: .of("2010-01-05")).map(\.date) == [.of("2009-09-18")])
    }

    @Test("Fulfilment and promise cues")
    func cues() {
        // lords-2009-10-27 WMS: "I have today deposited copies of the consultation paper in the Libraries of both Houses"
        let deposited = "I have today deposited copies of the consultation paper in the Libraries of both Houses."
        #expect(
            FollowUpFinder.fulfilmentCue.firstMatch(
                in: deposited, range: NSRange(deposited.startIndex..., in: deposited)) != nil)
        // commons-2009-10-28: "as I said to him earlier, I am meeting officials tomorrow" is not a fulfilment.
        let meeting =
            "I understand my hon. Friend's concern and, as I said to him earlier, I am meeting officials tomorrow"
        #expect(
            FollowUpFinder.fulfilmentCue.firstMatch(in: meeting, range: NSRange(meeting.startIndex..., in: meeting))
                == nil)
    }

    @Test("Sentences do not break after hon. or Mr.")
    func sentences() {
        // commons-1962-07-05, Mr. Harold Macmillan.
        let text =
            "These Questions were placed on the Order Paper before my right hon. Friend the Minister of Labour made his personal statement on Tuesday. The House is accustomed to statements of this kind."
        #expect(
            FollowUpFinder.sentences(of: text) == [
                "These Questions were placed on the Order Paper before my right hon. Friend the Minister of Labour made his personal statement on Tuesday.",
                "The House is accustomed to statements of this kind.",
            ])
    }

    @Test("A speech is proposed as the follow-up of at most five commitments: the best scored, then by id")
    func bestFewPerSpeech() throws {
        // Macmillan on 21 March 1963 (commons-1963-03-21), against eight commitments of 5 July 1962 that all name
        // Christmas Island: three his own, five by another Defence minister.
        func target(_ id: String, _ speaker: String) throws -> LinkTarget {
            try LinkTarget(texts: [
                id, "d-1962", "1962-07-05", "commons", "outstanding", "tests",
                "the tests on Christmas Island", "I hope that the tests on Christmas Island will soon be concluded.",
                speaker, "Ministry of Defence", "other",
            ])
        }
        let own = try ["c8", "c1", "c5"].map { try target($0, "Mr. Harold Macmillan") }
        let others = try ["c2", "c7", "c3", "c6", "c4"].map { try target($0, "Mr. Peter Thorneycroft") }
        let speech = SpeechRecord(
            debateId: "d-1963", turn: 12, speakerName: "Mr. Harold Macmillan", department: "Ministry of Defence",
            text: "What we are dealing with is not tests which are made from Christmas Island by the United Kingdom.")
        let found = FollowUpFinder.candidates(
            speeches: [speech], debateDate: .of("1963-03-21"), house: .commons, commitments: own + others)
        // The same minister scores above the same department; among equals the lower id is kept.
        #expect(found.map(\.commitment.id) == ["c1", "c2", "c3", "c5", "c8"])
        #expect(found.allSatisfy { $0.evidence.contains("\"christmas island\"") })
        #expect(found.filter { $0.evidence.contains("same minister") }.map(\.commitment.id) == ["c1", "c5", "c8"])
        // Each of the eight is a candidate on its own: the three alone give three, the five alone five.
        for group in [own, others] {
            let alone = FollowUpFinder.candidates(
                speeches: [speech], debateDate: .of("1963-03-21"), house: .commons, commitments: group)
            #expect(alone.count == group.count)
        }
    }
}

import Foundation
