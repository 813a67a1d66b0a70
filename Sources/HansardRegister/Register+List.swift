import Foundation
import GRDB
import HansardAnalysis
import HansardIngestion

extension Register {
    /// Lists commitments, oldest due first: those with a due date by due date, then the rest by debate date.
    public func commitments(_ query: CommitmentQuery = CommitmentQuery()) throws(RegisterError) -> CommitmentList {
        let today = Timestamp.today()
        let asOf = try query.asOf.map { text throws(RegisterError) in try CalendarDate.validate(text) } ?? today
        var since = try query.since.map { text throws(RegisterError) in try CalendarDate.validate(text) }
        var until = try query.until.map { text throws(RegisterError) in try CalendarDate.validate(text) }
        if let label = query.session {
            let session = try ParliamentarySessions.named(label)
            since = max(since ?? session.start, session.start)
            until = min(until ?? session.end ?? "9999-12-31", session.end ?? "9999-12-31")
        }
        // Past dates need the statuses as they stood then, from the events; today's come from the cache.
        let historical = asOf < today
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        let statusSQL =
            historical
            ? """
            COALESCE((SELECT e.status FROM statusEvent e WHERE e.commitmentId = c.id AND e.effectiveDate <= ?
                      ORDER BY e.effectiveDate DESC, e.recordedAt DESC, e.id DESC LIMIT 1), 'outstanding')
            """ : "c.status"
        if historical {
            conditions.append("(c.debateDate IS NULL OR c.debateDate <= ?)")
            arguments.append(asOf)
        }
        switch query.scope {
        case .outstanding:
            conditions.append("\(statusSQL) = 'outstanding'")
            if historical { arguments.append(asOf) }
        case .overdue:
            conditions.append("\(statusSQL) = 'outstanding'")
            if historical { arguments.append(asOf) }
            conditions.append("c.dueBy < ?")
            arguments.append(asOf)
        case .all:
            break
        }
        let people = try read { db in try Self.people(db) }
        if let minister = query.minister {
            // Any name a page gives the person, so "Sir D. Eccles" finds the commitments "Sir David Eccles" made.
            let wanted = minister.lowercased()
            let keys = people.filter { _, person in person.aliases.contains { $0.lowercased().contains(wanted) } }
                .map(\.key)
            var clauses = ["c.speakerName LIKE ? ESCAPE '\\'", "c.speakerAliases LIKE ? ESCAPE '\\'"]
            arguments += ["%" + Self.escapeLike(minister) + "%", "%" + Self.escapeLike(minister) + "%"]
            for key in keys {
                clauses.append(Self.appearanceCondition)
                arguments += Self.appearanceArguments(key)
            }
            conditions.append("(" + clauses.joined(separator: " OR ") + ")")
        }
        if let department = query.department {
            let names = (try? DepartmentTable.bundled())?.canonicalNames(matching: department) ?? []
            if names.isEmpty {
                conditions.append("(c.department LIKE ? ESCAPE '\\' OR c.office LIKE ? ESCAPE '\\')")
                let pattern = "%" + Self.escapeLike(department) + "%"
                arguments += [pattern, pattern]
            } else {
                conditions.append("c.department IN (" + names.map { _ in "?" }.joined(separator: ", ") + ")")
                arguments += names
            }
        }
        if let house = query.house {
            conditions.append("c.house = ?")
            arguments.append(house.rawValue)
        }
        if let since {
            conditions.append("c.debateDate >= ?")
            arguments.append(since)
        }
        if let until {
            conditions.append("c.debateDate <= ?")
            arguments.append(until)
        }
        let statusColumn = historical ? "\(statusSQL) AS asOfStatus" : "c.status AS asOfStatus"
        let select = """
            SELECT \(CommitmentRecord.selection(alias: "c")), d.title AS debateTitle, \(statusColumn)
            FROM commitment c JOIN debate d ON d.id = c.debateId
            """
        let selectArguments: [any DatabaseValueConvertible] = historical ? [asOf] : []
        // Oldest due first, then the undated. Today's open lists read in index order from
        // commitment_on_status_dueBy in two ranges (dated, then undated), so SQLite never sorts.
        var parts: [(where: String, order: String)]
        let filter = conditions.joined(separator: " AND ")
        if !historical && query.scope != .all {
            let dated = ([filter, "c.dueBy IS NOT NULL"].filter { !$0.isEmpty }).joined(separator: " AND ")
            parts = [(dated, "c.dueBy, c.debateDate, c.id")]
            if query.scope == .outstanding {
                parts.append(((conditions + ["c.dueBy IS NULL"]).joined(separator: " AND "), "c.debateDate, c.id"))
            }
        } else {
            parts = [(filter, "c.dueBy IS NULL, c.dueBy, c.debateDate, c.id")]
        }
        let allArguments = StatementArguments((selectArguments + arguments) as [(any DatabaseValueConvertible)?])
        let titleColumn = CommitmentRecord.columnNames.count
        let items = try read { db -> [CommitmentListing] in
            var items: [CommitmentListing] = []
            for part in parts {
                let remaining = query.limit.map { max(0, $0 - items.count) }
                if remaining == 0 { break }
                var sql = select
                if !part.where.isEmpty { sql += " WHERE " + part.where }
                sql += " ORDER BY " + part.order
                if let remaining { sql += " LIMIT \(remaining)" }
                let rows = try Row.fetchCursor(db, sql: sql, arguments: allArguments)
                while let row = try rows.next() {
                    let commitment = try CommitmentRecord(row: row, startingAt: 0)
                    let status = CommitmentStatus(rawValue: row[titleColumn + 1]) ?? .outstanding
                    let age = commitment.debateDate.flatMap { CalendarDate.days(from: $0, to: asOf) }
                    var overdue: Int?
                    if status.isOpen, let due = commitment.dueBy, due < asOf {
                        overdue = CalendarDate.days(from: due, to: asOf)
                    }
                    items.append(
                        CommitmentListing(
                            commitment: commitment, debateTitle: row[titleColumn], status: status, ageDays: age,
                            overdueDays: overdue, person: people[PeopleDirectory.Appearance(commitment)]))
                }
            }
            return items
        }
        return CommitmentList(asOf: asOf, scope: query.scope, items: items)
    }

    /// Everything about one commitment.
    public func detail(of id: String) throws(RegisterError) -> CommitmentDetail {
        try read { db in
            guard let commitment = try CommitmentRecord.fetchOne(db, key: id) else {
                throw RegisterError.unknownCommitment(id: id)
            }
            let debate = try DebateRecord.fetchOne(db, key: commitment.debateId)!
            let request = try commitment.requestId.flatMap { try RequestRecord.fetchOne(db, key: $0) }
            let links = try FollowUpLinkRecord.filter(Column("commitmentId") == id)
                .order(Column("score").desc, Column("id")).fetchAll(db)
            let linked = try DebateRecord.filter(keys: Set(links.map(\.debateId))).fetchAll(db)
            return CommitmentDetail(
                commitment: commitment, debate: debate, request: request,
                statusEvents: try StatusEventRecord.filter(Column("commitmentId") == id)
                    .order(Column("effectiveDate"), Column("recordedAt"), Column("id")).fetchAll(db),
                notes: try NoteRecord.filter(Column("commitmentId") == id).order(Column("recordedAt"), Column("id"))
                    .fetchAll(db),
                changes: try CommitmentChangeRecord.filter(Column("commitmentId") == id)
                    .order(Column("revision"), Column("id")).fetchAll(db),
                links: links, linkedDebates: Dictionary(uniqueKeysWithValues: linked.map { ($0.id, $0) }))
        }
    }

    /// Candidate links still waiting for a decision, best score first.
    public func pendingLinks() throws(RegisterError) -> [FollowUpLinkRecord] {
        try read { db in
            try FollowUpLinkRecord.filter(Column("state") == FollowUpState.candidate.rawValue)
                .order(Column("score").desc, Column("id")).fetchAll(db)
        }
    }

    /// Counts for a summary line.
    public func counts() throws(RegisterError) -> (debates: Int, commitments: Int, outstanding: Int, links: Int) {
        try read { db in
            (
                try DebateRecord.fetchCount(db), try CommitmentRecord.fetchCount(db),
                try CommitmentRecord.filter(Column("status") == "outstanding").fetchCount(db),
                try FollowUpLinkRecord.fetchCount(db)
            )
        }
    }

    /// The register's ministers as people: each way a commitment's minister appears, merged
    /// (``PeopleDirectory``). Read from the distinct appearances, which are few beside the commitments.
    static func people(_ db: Database) throws -> [PeopleDirectory.Appearance: RegisterPerson] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT DISTINCT person, speakerName, speakerAliases, department, house,
                    CASE WHEN speakerName IS NULL OR person LIKE 'unnamed:%' THEN debateId END AS debateId
                FROM commitment
                """)
        let appearances = rows.map { row in
            let name: String? = row["speakerName"]
            let aliases = ((row["speakerAliases"] as String?) ?? "").split(separator: "\n").map(String.init)
            return PeopleDirectory.Appearance(
                person: row["person"], name: name, aliases: aliases.isEmpty ? [name].compactMap { $0 } : aliases,
                department: row["department"], house: (row["house"] as String?).flatMap(House.init(rawValue:)),
                debateId: row["debateId"])
        }
        return PeopleDirectory.people(appearances)
    }

    /// A commitment whose minister appears as `appearance` (null-safe equality on each column).
    private static let appearanceCondition =
        "(c.person IS ? AND c.speakerName IS ? AND c.department IS ? AND c.house IS ?)"

    private static func appearanceArguments(
        _ appearance: PeopleDirectory.Appearance
    ) -> [any DatabaseValueConvertible] {
        let values: [String?] = [appearance.person, appearance.name, appearance.department, appearance.house?.rawValue]
        return values.map { value -> any DatabaseValueConvertible in value.map { $0 } ?? DatabaseValue.null }
    }

    private static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
