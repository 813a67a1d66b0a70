public import HansardIngestion

/// The register's reckoning with sitting days: today, dates typed by a person, and ages.
///
/// The date type and its arithmetic are ``SittingDate``'s (HansardIngestion); this adds what only the register
/// asks: a date read from a person with the register's error, and an age put in words.
public enum CalendarDate {
    /// Today in UTC.
    public static func today() -> SittingDate { SittingDate(Timestamp.today())! }

    /// The day of a `yyyy-MM-ddTHH:mm:ssZ` timestamp (the register's `recordedAt`), or today when it has none.
    static func day(of timestamp: String) -> SittingDate { SittingDate(String(timestamp.prefix(10))) ?? today() }

    /// The date `text` names; throws ``RegisterError/invalidDate(_:)`` unless it is `yyyy-MM-dd` naming a day.
    public static func parse(_ text: String) throws(RegisterError) -> SittingDate {
        guard let date = SittingDate(text) else { throw .invalidDate(text) }
        return date
    }

    /// Days from `from` to `to` (negative when `to` is earlier).
    public static func days(from: SittingDate, to: SittingDate) -> Int { to.dayNumber - from.dayNumber }

    /// Whole calendar years, months and days from `from` to `to` (a month counted from a day of the month to the same
    /// day of the next one); nil when `to` is before `from`.
    public static func span(from start: SittingDate, to end: SittingDate) -> (years: Int, months: Int, days: Int)? {
        guard start <= end else { return nil }
        var months = (end.year - start.year) * 12 + (end.month - start.month)
        var days = end.day - start.day
        if days < 0 {
            months -= 1
            // Days from the same day of the previous month (clamped to its length) to `to`.
            let previousMonth = end.month == 1 ? 12 : end.month - 1
            let previousYear = end.month == 1 ? end.year - 1 : end.year
            let length = SittingDate.days(inMonth: previousMonth, year: previousYear)
            days = length - min(start.day, length) + end.day
        }
        return (months / 12, months % 12, days)
    }

    /// An age a reader takes in at a glance: "12 days", "5 months", "1 year 2 months", "112 years"; nil when `to` is
    /// before `from`.
    public static func age(from: SittingDate, to: SittingDate) -> String? {
        guard let (years, months, days) = span(from: from, to: to) else { return nil }
        func count(_ number: Int, _ unit: String) -> String { "\(number) \(unit)\(number == 1 ? "" : "s")" }
        if years == 0 && months == 0 { return count(days, "day") }
        if years == 0 { return count(months, "month") }
        if years >= 10 || months == 0 { return count(years, "year") }
        return count(years, "year") + " " + count(months, "month")
    }
}
