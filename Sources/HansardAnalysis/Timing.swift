import Foundation

/// Turns a timing phrase into a due date from the debate date, following the rules' timing table.
enum DueDates {
    private static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }

    static func parse(_ iso: String) -> DateComponents? {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return DateComponents(year: parts[0], month: parts[1], day: parts[2])
    }

    static func format(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    /// The due date, or nil when the debate date is unknown or the rule cannot place it.
    static func dueBy(_ rule: DueRule, debateDate: String?, counted: (Int, String)?, month: String? = nil) -> String? {
        guard let debateDate, let components = parse(debateDate), let start = calendar.date(from: components) else {
            return nil
        }
        let calendar = self.calendar
        if let days = rule.days {
            return calendar.date(byAdding: .day, value: days, to: start).map(format)
        }
        if rule.counted == true, let (count, unit) = counted {
            let component: Calendar.Component = unit.hasPrefix("week") ? .weekOfYear : unit.hasPrefix("month") ? .month : .day
            return calendar.date(byAdding: component, value: count, to: start).map(format)
        }
        if rule.namedMonth == true, let month, let year = components.year, let debateMonth = components.month {
            let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                         "october", "november", "december"]
            guard let index = names.firstIndex(of: month.lowercased()) else { return nil }
            let targetYear = index + 1 < debateMonth ? year + 1 : year
            let firstOfFollowing = calendar.date(from: DateComponents(year: targetYear, month: index + 2, day: 1))
            return firstOfFollowing.flatMap { calendar.date(byAdding: .day, value: -1, to: $0) }.map(format)
        }
        if let month = rule.nextMonthDay {
            let parts = month.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 2, let year = components.year else { return nil }
            var target = DateComponents(year: year, month: parts[0], day: parts[1])
            if let date = calendar.date(from: target), date < start { target.year = year + 1 }
            return calendar.date(from: target).map(format)
        }
        if let period = rule.endOf {
            guard let year = components.year, let monthNumber = components.month else { return nil }
            switch period {
            case "week", "nextWeek":
                // Weeks end on Friday, the last sitting day.
                let weekday = calendar.component(.weekday, from: start)  // Sunday = 1
                var toFriday = (6 - weekday + 7) % 7
                if period == "nextWeek" { toFriday += 7 }
                return calendar.date(byAdding: .day, value: toFriday, to: start).map(format)
            case "month", "nextMonth":
                let offset = period == "month" ? 1 : 2
                let firstOfFollowing = calendar.date(from: DateComponents(year: year, month: monthNumber + offset, day: 1))
                return firstOfFollowing.flatMap { calendar.date(byAdding: .day, value: -1, to: $0) }.map(format)
            case "year":
                return String(format: "%04d-12-31", year)
            case "nextYear":
                return String(format: "%04d-12-31", year + 1)
            default:
                return nil
            }
        }
        return nil
    }

    static func number(_ word: String) -> Int? {
        if let value = Int(word) { return value }
        let words = ["a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                     "eight": 8, "nine": 9, "ten": 10, "twelve": 12]
        return words[word.lowercased()]
    }
}
