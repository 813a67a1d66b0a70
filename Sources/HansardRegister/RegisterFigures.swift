import GRDB
public import HansardIngestion

/// A register's figures as of one date, counted without reading its records: what the index of a large register
/// shows (totals, each department's, commitments made and resolved per month, the longest overdue).
///
/// ``Register/figures(asOf:overdueLimit:)`` counts them in SQL (a PostgreSQL register on its listing copy);
/// ``init(asOf:debates:listings:overdueLimit:)`` counts the same from a list already read, and the two agree on
/// any register.
public struct RegisterFigures: Sendable, Hashable {
    /// One department's commitments made by the date, by their status then.
    public struct Department: Sendable, Hashable {
        /// The department; nil for commitments with none named.
        public var name: String?
        /// Outstanding.
        public var outstanding: Int
        /// Outstanding and past their due date.
        public var overdue: Int
        /// Fulfilled, partly fulfilled, withdrawn or lapsed.
        public var resolved: Int
        /// What readers said are not commitments: in no figure but this one.
        public var dismissed: Int

        /// Creates a department's figures; counts left out are zero.
        public init(name: String?, outstanding: Int = 0, overdue: Int = 0, resolved: Int = 0, dismissed: Int = 0) {
            self.name = name
            self.outstanding = outstanding
            self.overdue = overdue
            self.resolved = resolved
            self.dismissed = dismissed
        }

        /// Every commitment of the department, dismissed ones too.
        public var total: Int { outstanding + resolved + dismissed }

        /// Counts `count` commitments with `status` as of the figures' date, `late` when past their due date.
        mutating func add(_ status: CommitmentStatus, late: Bool, count: Int = 1) {
            if !status.counts {
                dismissed += count
            } else if status.isOpen {
                outstanding += count
                if late { overdue += count }
            } else {
                resolved += count
            }
        }
    }

    /// Commitments made and resolved in one month (all but the dismissed).
    public struct Month: Sendable, Hashable {
        /// `yyyy-MM`.
        public var key: String
        /// Made in the month (by their debate's date).
        public var made: Int
        /// Resolved in the month (by the date their status took effect).
        public var resolved: Int

        /// Creates a month's figures; counts left out are zero.
        public init(key: String, made: Int = 0, resolved: Int = 0) {
            self.key = key
            self.made = made
            self.resolved = resolved
        }
    }

    /// The date statuses and lateness are reckoned at.
    public var asOf: SittingDate
    /// The debates the register holds.
    public var debates: Int
    /// Every department with a commitment made by ``asOf``, by name (none named first).
    public var departments: [Department]
    /// The months with a commitment made or resolved, in order.
    public var months: [Month]
    /// The longest overdue commitments, at most the number asked for, in the overdue list's order (oldest due
    /// first, then by debate date and id).
    public var longestOverdue: [CommitmentListing]

    /// Creates figures.
    public init(
        asOf: SittingDate, debates: Int, departments: [Department], months: [Month],
        longestOverdue: [CommitmentListing]
    ) {
        self.asOf = asOf
        self.debates = debates
        self.departments = departments
        self.months = months
        self.longestOverdue = longestOverdue
    }

    /// Counts the figures of `listings`: every commitment with its status as of `asOf` (a ``CommitmentList`` of
    /// scope `.all`), in a register of `debates` debates.
    public init(asOf: SittingDate, debates: Int, listings: [CommitmentListing], overdueLimit: Int) {
        var departments: [String?: Department] = [:]
        var months: [String: Month] = [:]
        var overdue: [CommitmentListing] = []
        for item in listings {
            let c = item.commitment
            departments[c.department, default: Department(name: c.department)].add(item.status, late: item.isOverdue)
            if item.status.isOpen && item.isOverdue { overdue.append(item) }
            guard item.status.counts else { continue }
            if let made = c.debateDate {
                let key = Self.month(made.description)
                months[key, default: Month(key: key)].made += 1
            }
            if !item.status.isOpen, let resolved = c.statusDate {
                let key = Self.month(resolved.description)
                months[key, default: Month(key: key)].resolved += 1
            }
        }
        self.init(
            asOf: asOf, debates: debates, departments: Self.byName(Array(departments.values)),
            months: months.values.sorted { $0.key < $1.key },
            longestOverdue: Array(Self.oldestDueFirst(overdue).prefix(overdueLimit)))
    }

    /// Overdue commitments in the register's overdue order: the longest overdue (oldest due) first, then by the
    /// date each was made and id.
    public static func oldestDueFirst(_ overdue: [CommitmentListing]) -> [CommitmentListing] {
        let keys = overdue.map { ($0.commitment.dueBy ?? .distantPast, $0.commitment.debateDate ?? .distantPast) }
        return overdue.indices.sorted {
            (keys[$0].0, keys[$0].1, overdue[$0].commitment.id) < (keys[$1].0, keys[$1].1, overdue[$1].commitment.id)
        }.map { overdue[$0] }
    }

    /// Outstanding commitments, all departments.
    public var outstanding: Int { departments.reduce(0) { $0 + $1.outstanding } }
    /// Overdue commitments, all departments.
    public var overdue: Int { departments.reduce(0) { $0 + $1.overdue } }
    /// Resolved commitments, all departments.
    public var resolved: Int { departments.reduce(0) { $0 + $1.resolved } }
    /// Dismissed passages, all departments.
    public var dismissed: Int { departments.reduce(0) { $0 + $1.dismissed } }
    /// The commitments that count in figures (all but the dismissed).
    public var counted: Int { outstanding + resolved }

    /// `yyyy-MM` of a `yyyy-MM-dd` date.
    static func month(_ date: String) -> String { String(date.prefix(7)) }

    /// None named first, then by name.
    static func byName(_ departments: [Department]) -> [Department] {
        departments.sorted { a, b in
            if (a.name == nil) != (b.name == nil) { return a.name == nil }
            return (a.name ?? "") < (b.name ?? "")
        }
    }
}

/// The names a register's commitments give: what a search form offers to fill its fields with.
public struct RegisterNames: Sendable, Hashable {
    /// Every name a page gives a minister with a commitment, in order.
    public var ministers: [String]
    /// Every department a commitment is given, in order.
    public var departments: [String]

    /// Creates the names.
    public init(ministers: [String], departments: [String]) {
        self.ministers = ministers
        self.departments = departments
    }
}

extension Register {
    /// Every minister's name and department the commitments give, from the register's table of appearances (one
    /// row per minister, department and office) rather than its commitments.
    public func names() throws(RegisterError) -> RegisterNames {
        try read { db in
            // Ordered in Swift: SQLite's byte order and Swift's differ beyond ASCII.
            func distinct(_ column: String) throws -> [String] {
                try String.fetchAll(
                    db, sql: "SELECT DISTINCT \(column) FROM commitmentAppearance WHERE \(column) IS NOT NULL"
                ).sorted()
            }
            return RegisterNames(ministers: try distinct("speakerName"), departments: try distinct("department"))
        }
    }

    /// The register's figures as of `asOf` (nil for today), counted in SQL: at 1,000,000 commitments it reads
    /// the department index and the resolved rows, never every record.
    /// - Throws: ``RegisterError`` when the register cannot be read.
    public func figures(asOf: SittingDate?, overdueLimit: Int) throws(RegisterError) -> RegisterFigures {
        let today = CalendarDate.today()
        let asOf = asOf ?? today
        let status = Self.status(asOf: asOf, today: today)
        let madeBy = Self.madeBy(asOf: asOf, today: today)
        let outstanding = CommitmentStatus.outstanding.rawValue
        let dismissed = CommitmentStatus.dismissed.rawValue
        let (departments, months, debates) = try read { db in
            var departments: [String?: RegisterFigures.Department] = [:]
            var months: [String: RegisterFigures.Month] = [:]
            // Today's statuses are the table's: commitment_on_department_status_dueBy holds every column this
            // reads, so SQLite counts from the index.
            let counts = try Row.fetchCursor(
                db,
                SQLRequest<Row>(
                    literal: """
                        SELECT c.department, \(status) AS s, c.dueBy < \(asOf.description), substr(c.debateDate, 1, 7),
                            COUNT(*)
                        FROM commitment c
                        """ + (madeBy.map { " WHERE " + $0 } ?? "") + " GROUP BY 1, 2, 3, 4"))
            while let row = try counts.next() {
                let department: String? = row[0]
                let text: String = row[1]
                let late: Bool = row[2] ?? false
                let month: String? = row[3]
                let count: Int = row[4]
                let listed = CommitmentStatus(rawValue: text) ?? .outstanding
                departments[department, default: .init(name: department)].add(listed, late: late, count: count)
                if listed.counts, let month { months[month, default: .init(key: month)].made += count }
            }
            let resolvedFilter: SQL =
                "\(status) NOT IN (\(outstanding), \(dismissed)) AND c.statusDate IS NOT NULL"
                + (madeBy.map { " AND " + $0 } ?? "")
            let resolved = try Row.fetchCursor(
                db,
                SQLRequest<Row>(
                    literal: "SELECT substr(c.statusDate, 1, 7), COUNT(*) FROM commitment c WHERE " + resolvedFilter
                        + " GROUP BY 1"))
            while let row = try resolved.next() {
                let month: String = row[0]
                months[month, default: .init(key: month)].resolved += row[1]
            }
            let debates = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM debate") ?? 0
            return (departments, months, debates)
        }
        let overdue = try commitments(CommitmentQuery(scope: .overdue, asOf: asOf, limit: overdueLimit))
        return RegisterFigures(
            asOf: asOf, debates: debates, departments: RegisterFigures.byName(Array(departments.values)),
            months: months.values.sorted { $0.key < $1.key }, longestOverdue: overdue.items)
    }
}
