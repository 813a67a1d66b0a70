import HansardRegister
import Testing

/// The sessions table that ships with hansard (data/uk-parliament-sessions.csv).
@Suite("Parliamentary sessions")
struct SessionsTests {
    @Test("Session dates come from the shipped table")
    func knownSessions() throws {
        let session = try ParliamentarySessions.named("2022-23")
        #expect(session.start == "2022-05-10")
        #expect(session.end == "2023-10-26")
        #expect(session.parliament == "58th")
        #expect(try ParliamentarySessions.named("2023–24").start == "2023-11-07")
        #expect(ParliamentarySessions.all.count == 130)
    }

    @Test("A sitting date falls in its session")
    func containing() {
        // The ParlParse Lords day of 26 October 2009 sat in the 2008-09 session, which ended on 12 November 2009.
        #expect(ParliamentarySessions.containing("2009-10-26")?.label == "2008-09")
        #expect(ParliamentarySessions.containing("2009-11-18")?.label == "2009-10")
        // Between prorogation and the next State Opening no session sits.
        #expect(ParliamentarySessions.containing("2009-11-15") == nil)
    }

    @Test("An unknown label is refused with the label named")
    func unknown() {
        #expect(throws: RegisterError.unknownSession("2022-24")) { try ParliamentarySessions.named("2022-24") }
    }

    @Test("Calendar arithmetic across a leap day")
    func days() {
        #expect(CalendarDate.days(from: "2024-02-28", to: "2024-03-01") == 2)
        #expect(CalendarDate.adding(days: 365, to: "2023-03-08") == "2024-03-07")
        #expect(!CalendarDate.isValid("2023-02-29"))
    }
}
