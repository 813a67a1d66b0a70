/// A sitting day: a calendar date with no time or zone, as Hansard's dates are.
///
/// Written `yyyy-MM-dd` (ISO 8601) in
/// JSON, in the register and on the command line; parsed, formatted and reckoned with here only (days are counted
/// with Howard Hinnant's days-from-civil), and the English month names are this type's.
public struct SittingDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The year, such as 2023.
    public let year: Int
    /// The month, 1 to 12.
    public let month: Int
    /// The day of the month, from 1.
    public let day: Int

    /// The date, or nil when there is no such day (a 30 February, a month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.days(inMonth: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `yyyy-MM-dd` names, or nil when the text is not exactly that shape or names no day.
    public init?(_ text: String) {
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
            let day = digits(2), bytes.next() == nil
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The date `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int) {
        let z = dayNumber + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days since 1970-01-01 (negative before it).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// `yyyy-MM-dd`, zero-padded: the one place a date is written.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// "8 March 2023": the date in the words Hansard prints it in, in titles and citations.
    public var spelledOut: String { "\(day) \(Self.monthNames[month - 1]) \(year)" }

    /// 0001-01-01, before every sitting: the open start of a period.
    public static let distantPast = SittingDate(year: 1, month: 1, day: 1)!
    /// 9999-12-31, after every sitting: the open end of a period.
    public static let distantFuture = SittingDate(year: 9999, month: 12, day: 31)!

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> SittingDate { SittingDate(dayNumber: dayNumber + count) }

    /// The same day `count` months later, on the month's last day when it is shorter (31 January + 1 month is
    /// 28 or 29 February), as a calendar reckons "in two months".
    public func adding(months count: Int) -> SittingDate {
        let (year, month) = Self.month(year: year, month: month, plus: count)
        return SittingDate(year: year, month: month, day: min(day, Self.days(inMonth: month, year: year)))!
    }

    /// The last day of this date's month, or of the month `count` months later.
    public func endOfMonth(monthsLater count: Int = 0) -> SittingDate {
        let (year, month) = Self.month(year: year, month: month, plus: count)
        return SittingDate(year: year, month: month, day: Self.days(inMonth: month, year: year))!
    }

    /// The day of the week, 1 for Sunday to 7 for Saturday (1970-01-01 was a Thursday).
    public var weekday: Int { ((dayNumber + 4) % 7 + 7) % 7 + 1 }

    /// The number of days in `month` of `year` (Gregorian leap years).
    public static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The English month names, January first: the one table every reader, analysis and report uses.
    public static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// The month (1 to 12) a full English month name names, in any case.
    public static func month(named name: some StringProtocol) -> Int? {
        lowercaseMonthNames.firstIndex(of: name.lowercased()).map { $0 + 1 }
    }

    private static let lowercaseMonthNames = monthNames.map { $0.lowercased() }

    private static func month(year: Int, month: Int, plus count: Int) -> (year: Int, month: Int) {
        let total = year * 12 + (month - 1) + count
        let newYear = total >= 0 ? total / 12 : (total - 11) / 12
        return (newYear, total - newYear * 12 + 1)
    }

    /// Earlier dates sort first.
    public static func < (lhs: SittingDate, rhs: SittingDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Reads a `yyyy-MM-dd` string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = SittingDate(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\(text) is not a date; write it as yyyy-MM-dd")
        }
        self = date
    }

    /// Writes the date as a `yyyy-MM-dd` string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
