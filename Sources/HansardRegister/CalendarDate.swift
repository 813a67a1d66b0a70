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

    /// The year, month and day of a valid date, read from the bytes.
    static func parts(_ text: String) -> (year: Int, month: Int, day: Int)? {
        guard dayNumber(text) != nil else { return nil }
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + Int(bytes[$1] - 0x30) } }
        return (digits(0..<4), digits(5..<7), digits(8..<10))
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    static func dayNumber(_ text: String) -> Int? {
        // Parsed from the bytes: lists compute two of these per row.
        var bytes = text.utf8.makeIterator()
        func digits(_ count: Int) -> Int? {
            var value = 0
            for _ in 0..<count {
                guard let byte = bytes.next(), byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = digits(4), bytes.next() == 0x2D, let month = digits(2), bytes.next() == 0x2D,
            let day = digits(2), bytes.next() == nil,
            (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func format(_ dayNumber: Int) -> String {
        let z = dayNumber + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
