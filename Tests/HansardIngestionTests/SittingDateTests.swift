import Foundation
import HansardIngestion
import Testing

/// The one date type: parsing, formatting and arithmetic, checked against Foundation's Gregorian calendar (which
/// the analysis's due dates used before) and against dates whose weekday and length are common knowledge.
@Suite("Sitting dates")
struct SittingDateTests {
    static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }

    static func foundationText(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    @Test("Parses yyyy-MM-dd only, and only days that exist")
    func parsing() {
        #expect(SittingDate("2024-02-29")?.description == "2024-02-29")
        #expect(SittingDate("2023-02-29") == nil)
        #expect(SittingDate("1900-02-29") == nil)
        #expect(SittingDate("2000-02-29") != nil)
        #expect(SittingDate("2023-04-31") == nil)
        #expect(SittingDate("2023-4-01") == nil)
        #expect(SittingDate("2023-04-01 ") == nil)
        #expect(SittingDate("0999-01-01")?.description == "0999-01-01")
        #expect(SittingDate("1970-01-01")?.dayNumber == 0)
        #expect(SittingDate("1970-01-01")?.weekday == 5)  // a Thursday
        #expect(SittingDate("2023-03-08")?.weekday == 4)  // a Wednesday: the WhatsApp debate
        #expect(SittingDate("1914-11-16")! < SittingDate("1914-11-17")!)
        #expect(SittingDate.month(named: "september") == 9 && SittingDate.month(named: "Sept") == nil)
    }

    @Test("Every day from 1800 to 2200 counts, formats and adds months as Foundation's calendar does")
    func againstFoundation() throws {
        let calendar = Self.calendar
        let start = try #require(calendar.date(from: DateComponents(year: 1800, month: 1, day: 1)))
        let first = try #require(SittingDate("1800-01-01"))
        var day = first
        var date = start
        for offset in stride(from: 0, to: 146_097, by: 1) {
            let text = Self.foundationText(date)
            guard day.description == text, SittingDate(text) == day, day.dayNumber == first.dayNumber + offset else {
                Issue.record("day \(offset): \(day) against \(text)")
                return
            }
            if offset % 97 == 0 {
                for months in [1, 2, 6, 11, 13, -1] {
                    let expected = Self.foundationText(calendar.date(byAdding: .month, value: months, to: date)!)
                    #expect(day.adding(months: months).description == expected, "\(day) + \(months) months")
                }
                #expect(day.weekday == calendar.component(.weekday, from: date), "\(day)")
            }
            day = day.adding(days: 1)
            date = calendar.date(byAdding: .day, value: 1, to: date)!
        }
    }

    @Test("Ends of months, and JSON as a yyyy-MM-dd string")
    func endsAndJSON() throws {
        #expect(SittingDate("2023-12-15")!.endOfMonth(monthsLater: 1).description == "2024-01-31")
        #expect(SittingDate("2024-02-10")!.endOfMonth().description == "2024-02-29")
        let data = try JSONEncoder().encode([SittingDate("2023-03-08")!])
        #expect(String(decoding: data, as: UTF8.self) == #"["2023-03-08"]"#)
        #expect(try JSONDecoder().decode([SittingDate].self, from: data) == [SittingDate("2023-03-08")!])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([SittingDate].self, from: Data(#"["8 March"]"#.utf8))
        }
    }
}
