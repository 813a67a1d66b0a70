import HansardIngestion

/// Turns a timing phrase into a due date from the debate date, following the rules' timing table.
enum DueDates {
    /// The due date, or nil when the debate date is unknown or the rule cannot place it.
    static func dueBy(
        _ rule: DueRule, debateDate: SittingDate?, counted: (Int, String)?, month: String? = nil
    ) -> SittingDate? {
        guard let start = debateDate else { return nil }
        switch rule {
        case .days(let days):
            return start.adding(days: days)
        case .counted:
            guard let (count, unit) = counted else { return nil }
            if unit.hasPrefix("week") { return start.adding(days: 7 * count) }
            if unit.hasPrefix("month") { return start.adding(months: count) }
            return start.adding(days: count)
        case .namedMonth:
            guard let month, let named = SittingDate.month(named: month) else { return nil }
            // The named month's next last day: this year's unless that month is already past.
            let year = named < start.month ? start.year + 1 : start.year
            return SittingDate(year: year, month: named, day: 1)?.endOfMonth()
        case .nextMonthDay(let month, let day):
            // A day past the month's end runs on into the next month, as a calendar reads "31 April".
            func on(_ year: Int) -> SittingDate {
                SittingDate(year: year, month: month, day: 1)!.adding(days: day - 1)
            }
            let target = on(start.year)
            return (target < start ? on(start.year + 1) : target)
        case .endOf(let period):
            switch period {
            case .week, .nextWeek:
                // Weeks end on Friday, the last sitting day.
                let toFriday = (6 - start.weekday + 7) % 7 + (period == .nextWeek ? 7 : 0)
                return start.adding(days: toFriday)
            case .month: return start.endOfMonth()
            case .nextMonth: return start.endOfMonth(monthsLater: 1)
            case .year: return SittingDate(year: start.year, month: 12, day: 31)!
            case .nextYear: return SittingDate(year: start.year + 1, month: 12, day: 31)!
            }
        }
    }

    static func number(_ word: String) -> Int? {
        if let value = Int(word) { return value }
        let words = [
            "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "twelve": 12,
        ]
        return words[word.lowercased()]
    }
}
