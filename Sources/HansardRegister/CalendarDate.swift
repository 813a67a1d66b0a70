import HansardIngestion

/// Arithmetic on ISO `yyyy-MM-dd` dates without time zones: Hansard dates are sitting days, not instants.
public enum CalendarDate {
    /// Today in UTC, `yyyy-MM-dd`.
    public static func today() -> String { Timestamp.today() }

    /// Whether `text` is a valid `yyyy-MM-dd` date.
    public static func isValid(_ text: String) -> Bool { dayNumber(text) != nil }

    /// Throws ``RegisterError/invalidDate(_:)`` unless `text` is a valid date.
    public static func validate(_ text: String) throws(RegisterError) -> String {
        guard isValid(text) else { throw .invalidDate(text) }
        return text
    }

    /// Days from `from` to `to`; nil when either is not a date.
    public static func days(from: String, to: String) -> Int? {
        guard let a = dayNumber(from), let b = dayNumber(to) else { return nil }
        return b - a
    }

    /// The date `count` days after `date`.
    public static func adding(days count: Int, to date: String) -> String? {
        guard let day = dayNumber(date) else { return nil }
        return format(day + count)
    }

    /// Whole calendar years, months and days from `from` to `to` (a month counted from a day of the month to the same
    /// day of the next one); nil when either is not a date or `to` is before `from`.
    public static func span(from: String, to: String) -> (years: Int, months: Int, days: Int)? {
        guard let first = dayNumber(from), let last = dayNumber(to), first <= last, let start = parts(from),
            let end = parts(to)
        else { return nil }
        var months = (end.year - start.year) * 12 + (end.month - start.month)
        var days = end.day - start.day
        if days < 0 {
            months -= 1
            // Days from the same day of the previous month (clamped to its length) to `to`.
            let previousMonth = end.month == 1 ? 12 : end.month - 1
            let previousYear = end.month == 1 ? end.year - 1 : end.year
            let anchor = min(start.day, daysIn(month: previousMonth, year: previousYear))
            days = daysIn(month: previousMonth, year: previousYear) - anchor + end.day
        }
        return (months / 12, months % 12, days)
    }

    /// An age a reader takes in at a glance: "12 days", "5 months", "1 year 2 months", "112 years"; nil when either
    /// is not a date or `to` is before `from`.
    public static func age(from: String, to: String) -> String? {
        guard let (years, months, days) = span(from: from, to: to) else { return nil }
        func count(_ number: Int, _ unit: String) -> String { "\(number) \(unit)\(number == 1 ? "" : "s")" }
        if years == 0 && months == 0 { return count(days, "day") }
        if years == 0 { return count(months, "month") }
        if years >= 10 || months == 0 { return count(years, "year") }
        return count(years, "year") + " " + count(months, "month")
    }

    /// The year, month and day of a valid date.
    static func parts(_ text: String) -> (year: Int, month: Int, day: Int)? {
        SittingDate(text).map { ($0.year, $0.month, $0.day) }
    }

    /// Days since 1970-01-01 (``SittingDate/dayNumber``).
    static func dayNumber(_ text: String) -> Int? { SittingDate(text)?.dayNumber }

    static func format(_ dayNumber: Int) -> String { SittingDate(dayNumber: dayNumber).description }

    private static func daysIn(month: Int, year: Int) -> Int { SittingDate.days(inMonth: month, year: year) }
}
