import HansardIngestion
import HansardTestSupport
import HansardRegister
import Testing

/// The sessions table that ships with hansard (data/uk-parliament-sessions.csv).
@Suite("Parliamentary sessions")
struct SessionsTests {
    @Test("Session dates come from the shipped table")
    func knownSessions() throws {
        let session = try ParliamentarySessions.named("2022-23")
        #expect(session.start == .of("2022-05-10"))
        #expect(session.end == .of("2023-10-26"))
        #expect(session.parliament == "58th")
        #expect(try ParliamentarySessions.named("2023–24").start == .of("2023-11-07"))
        #expect(ParliamentarySessions.all.count == 130)
    }

    @Test("A sitting date falls in its session")
    func containing() {
        // The ParlParse Lords day of 26 October 2009 sat in the 2008-09 session, which ended on 12 November 2009.
        #expect(ParliamentarySessions.containing(.of("2009-10-26"))?.label == "2008-09")
        #expect(ParliamentarySessions.containing(.of("2009-11-18"))?.label == "2009-10")
        // Between prorogation and the next State Opening no session sits.
        #expect(ParliamentarySessions.containing(.of("2009-11-15")) == nil)
    }

    @Test("An unknown label is refused with the label named")
    func unknown() {
        #expect(throws: RegisterError.unknownSession("2022-24")) { try ParliamentarySessions.named("2022-24") }
    }

    @Test("Calendar arithmetic across a leap day")
    func days() {
        #expect(CalendarDate.days(from: .of("2024-02-28"), to: .of("2024-03-01")) == 2)
        #expect(SittingDate.of("2023-03-08").adding(days: 365) == .of("2024-03-07"))
        #expect(SittingDate("2023-02-29") == nil)
    }
}

/// The governments table that ships with hansard (data/uk-administrations.csv), and ages in words.
@Suite("Governments and ages")
struct GovernmentsTests {
    @Test("The governments follow one another without a gap from 1895, and only the last is open")
    func contiguous() throws {
        let all = Administrations.all
        #expect(all.count == 36)
        #expect(all.first?.id == "salisbury-1895")
        for (earlier, later) in zip(all, all.dropFirst()) {
            #expect(earlier.end == later.start, "\(earlier.id) → \(later.id)")
        }
        #expect(all.dropLast().allSatisfy { $0.end != nil })
        #expect(all.last?.end == nil)
        #expect(Set(all.map(\.id)).count == all.count)
    }

    @Test("A sitting belongs to the government in office that day; the day of a change to the new one")
    func containing() {
        // The seed page, 8 March 2023: Rishi Sunak, Prime Minister from 25 October 2022.
        #expect(Administrations.containing(.of("2023-03-08"))?.id == "sunak-2022")
        #expect(Administrations.containing(.of("2022-10-25"))?.id == "sunak-2022")
        #expect(Administrations.containing(.of("2022-10-24"))?.id == "truss-2022")
        // 16 November 1914 (historic Hansard): Asquith's Liberal government, before the coalition of May 1915.
        #expect(Administrations.containing(.of("1914-11-16"))?.id == "asquith-1908")
        #expect(Administrations.containing(.of("1916-11-21"))?.id == "asquith-1915")
        #expect(Administrations.named("thatcher")?.id == "thatcher-1979")
        // Two Cameron governments: the name alone fits both.
        #expect(Administrations.named("cameron") == nil)
        #expect(Administrations.matching("cameron").map(\.id) == ["cameron-2010", "cameron-2015"])
    }

    @Test("Parliaments end when a later one meets")
    func dissolution() {
        // The 58th Parliament's last session, 2023-24, was prorogued on 24 May 2024; the 59th met on 9 July.
        #expect(ParliamentarySessions.dissolution(of: "58th", asOf: .of("2024-07-09")) == .of("2024-05-24"))
        #expect(ParliamentarySessions.dissolution(of: "58th", asOf: .of("2024-07-08")) == nil)
        #expect(ParliamentarySessions.parliament(on: .of("2023-03-08")) == "58th")
    }

    @Test("Ages in calendar years, months and days")
    func ages() {
        #expect(CalendarDate.age(from: .of("2023-03-08"), to: .of("2026-11-25")) == "3 years 8 months")
        #expect(CalendarDate.age(from: .of("2023-03-08"), to: .of("2023-03-20")) == "12 days")
        #expect(CalendarDate.age(from: .of("2023-01-31"), to: .of("2023-03-01")) == "1 month")
        #expect(CalendarDate.age(from: .of("1914-09-17"), to: .of("2026-11-25")) == "112 years")
        #expect(CalendarDate.age(from: .of("2025-11-25"), to: .of("2026-11-25")) == "1 year")
        #expect(CalendarDate.age(from: .of("2026-11-26"), to: .of("2026-11-25")) == nil)
        #expect(CalendarDate.span(from: .of("2023-01-31"), to: .of("2023-03-01"))! == (0, 1, 1))
    }
}
