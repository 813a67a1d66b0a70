import Foundation
import GRDB
import HansardAnalysis
import HansardIngestion

extension Register {
    /// Lists commitments, oldest due first: those with a due date by due date, then the rest by debate date.
    ///
    /// A search (``CommitmentQuery/text``) lists the best matches first.
    public func commitments(_ query: CommitmentQuery = CommitmentQuery()) throws(RegisterError) -> CommitmentList {
        let today = CalendarDate.today()
        let asOf = query.asOf ?? today
        var since = query.since
        var until = query.until
        if let label = query.session {
            let session = try ParliamentarySessions.named(label)
            since = max(since ?? session.start, session.start)
            until = min(until ?? session.end ?? .distantFuture, session.end ?? .distantFuture)
        }
        var pattern: FTS5Pattern?
        if let text = query.text {
            guard let made = FTS5Pattern(matchingAllPrefixesIn: text) else { throw .emptySearch(text) }
            pattern = made
        }
        let government: Administration?
        switch query.governments {
        case .all: government = nil
        case .current: government = Administrations.containing(asOf)
        case .named(let id):
            guard let named = Administrations.byId(id) else { throw .unknownGovernment(id, candidates: []) }
            government = named
        }
        // Past dates need the statuses as they stood then, from the events; today's come from the cache.
        let historical = asOf < today
        let status = Self.status(asOf: asOf, today: today)
        var filters: [SQL] = [Self.madeBy(asOf: asOf, today: today)].compactMap { $0 }
        let outstanding = CommitmentStatus.outstanding.rawValue
        let dismissed = CommitmentStatus.dismissed.rawValue
        switch query.scope {
        case .outstanding: filters.append("\(status) = \(outstanding)")
        case .overdue: filters.append("\(status) = \(outstanding) AND c.dueBy < \(asOf.description)")
        case .resolved: filters.append("\(status) NOT IN (\(outstanding), \(dismissed))")
        case .standing: filters.append("\(status) <> \(dismissed)")
        case .dismissed: filters.append("\(status) = \(dismissed)")
        case .all: break
        }
        var people = try read { db in try Self.people(db) }
        if let minister = query.minister {
            // Any name a page gives the person, so "Sir D. Eccles" finds the commitments "Sir David Eccles" made.
            let wanted = minister.lowercased()
            let keys = try read { db in try people.matching(db) { $0.lowercased().contains(wanted) } }
            let like = "%" + Self.escapeLike(minister) + "%"
            var clauses: [SQL] = [
                "c.speakerName LIKE \(like) ESCAPE '\\'", "c.speakerAliases LIKE \(like) ESCAPE '\\'",
            ]
            for key in keys { clauses.append(Self.appearanceCondition(key)) }
            // Every commitment's minister is one of the appearances, so the person keys of those that match bound the
            // rows: the person index finds them, and only they are matched against the names.
            let named = try read { db in
                try String?.fetchAll(
                    db,
                    SQLRequest(
                        literal: """
                            SELECT DISTINCT person FROM commitmentAppearance
                            WHERE speakerName LIKE \(like) ESCAPE '\\' OR speakerAliases LIKE \(like) ESCAPE '\\'
                            """))
            }
            filters.append(Self.oneOf("c.person", named + keys.map(\.person)))
            filters.append("(" + clauses.joined(separator: " OR ") + ")")
        }
        if let department = query.department {
            let names = (try? DepartmentTable.bundled())?.canonicalNames(matching: department) ?? []
            if names.isEmpty {
                // The department and office lines that match, from the appearances, then their commitments by index.
                let like = "%" + Self.escapeLike(department) + "%"
                let (departments, offices) = try read { db in
                    func matching(_ column: Column) throws -> [String] {
                        try String.fetchAll(
                            db,
                            SQLRequest(
                                literal: """
                                    SELECT DISTINCT \(column) FROM commitmentAppearance
                                    WHERE \(column) LIKE \(like) ESCAPE '\\'
                                    """))
                    }
                    return (try matching(Column("department")), try matching(Column("office")))
                }
                filters.append(
                    "(" + Self.oneOf("c.department", departments) + " OR " + Self.oneOf("c.office", offices) + ")")
            } else {
                filters.append("c.department IN \(names)")
            }
        }
        if let house = query.house { filters.append("c.house = \(house.rawValue)") }
        if let ids = query.ids { filters.append("c.id IN \(ids)") }
        if let since { filters.append("c.debateDate >= \(since.description)") }
        if let until { filters.append("c.debateDate <= \(until.description)") }
        // The counts below test the match by rowid; the listing joins the full-text table instead (below).
        let listingFilters = filters
        if let pattern {
            filters.append("c.rowid IN (SELECT rowid FROM commitmentSearch WHERE commitmentSearch MATCH \(pattern))")
        }
        var governmentFilter: SQL?
        if let government { governmentFilter = "c.government = \(government.id)" }
        let columns = SQL(sql: CommitmentRecord.selection(alias: "c"))
        // A search reads the full-text index once and ranks every match by its bm25 there. Ranking through a
        // subquery per candidate row (`SELECT bm25(…) … MATCH … AND rowid = c.rowid`) ran the whole match again for
        // each one: 29 s for one common word at 1,000,000 commitments.
        let from: SQL =
            pattern == nil
            ? "FROM commitment c JOIN debate d ON d.id = c.debateId"
            : "FROM commitmentSearch JOIN commitment c ON c.rowid = commitmentSearch.rowid"
                + " JOIN debate d ON d.id = c.debateId"
        let select: SQL = """
            SELECT \(columns), d.title, d.url, d.volume, d.format, d.house, d.date, \(status) AS asOfStatus
            """ + " " + from
        func whereClause(_ parts: [SQL]) -> SQL {
            parts.isEmpty ? "" : " WHERE " + parts.joined(separator: " AND ")
        }
        let filtered = filters + [governmentFilter].compactMap { $0 }
        // Oldest due first, then the undated. Today's open lists read in index order from
        // commitment_on_status_dueBy in two ranges (dated, then undated), so SQLite never sorts.
        var parts: [(where: [SQL], order: SQL)]
        if let pattern {
            let matching = ["commitmentSearch MATCH \(pattern)"] + listingFilters + [governmentFilter].compactMap { $0 }
            parts = [(matching, "bm25(commitmentSearch), c.debateDate DESC, c.id")]
        } else if !historical && (query.scope == .outstanding || query.scope == .overdue) {
            parts = [(filtered + ["c.dueBy IS NOT NULL"], "c.dueBy, c.debateDate, c.id")]
            if query.scope == .outstanding { parts.append((filtered + ["c.dueBy IS NULL"], "c.debateDate, c.id")) }
        } else {
            parts = [(filtered, "c.dueBy IS NULL, c.dueBy, c.debateDate, c.id")]
        }
        let extra = CommitmentRecord.columnNames.count
        let (items, others) = try read { db -> ([CommitmentListing], Int?) in
            var items: [CommitmentListing] = []
            for part in parts {
                let remaining = query.limit.map { max(0, $0 - items.count) }
                if remaining == 0 { break }
                var sql = select + whereClause(part.where) + " ORDER BY " + part.order
                if let remaining { sql = sql + " LIMIT \(remaining)" }
                let rows = try Row.fetchCursor(db, SQLRequest<Row>(literal: sql))
                while let row = try rows.next() {
                    let commitment = try CommitmentRecord(row: row, startingAt: 0)
                    let listed = CommitmentStatus(rawValue: row[extra + 6]) ?? .outstanding
                    let age = commitment.debateDate.map { CalendarDate.days(from: $0, to: asOf) }
                    var overdue: Int?
                    if listed.isOpen, let due = commitment.dueBy, due < asOf {
                        overdue = CalendarDate.days(from: due, to: asOf)
                    }
                    let title: String = row[extra]
                    let citation = Citation(
                        commitment, debateTitle: title, url: row[extra + 1], volume: row[extra + 2],
                        format: row[extra + 3], house: (row[extra + 4] as String?).flatMap(House.init(rawValue:)),
                        date: (row[extra + 5] as String?).flatMap(SittingDate.init))
                    items.append(
                        CommitmentListing(
                            commitment: commitment, debateTitle: citation.title, status: listed, ageDays: age,
                            overdueDays: overdue, person: people.person(PeopleDirectory.Appearance(commitment)),
                            citation: citation, asOf: asOf))
                }
            }
            guard let government else { return (items, nil) }
            // All the rows less the government's own (a NULL government is another's): each count can read an index
            // alone, where `government IS NOT ?` read every row (5 s at 1,000,176 commitments).
            let all: SQL = "SELECT COUNT(*) FROM commitment c" + whereClause(filters)
            let own: SQL = "SELECT COUNT(*) FROM commitment c" + whereClause(filtered)
            let count: SQL = "SELECT (" + all + ") - (" + own + ")"
            return (items, try Int.fetchOne(db, SQLRequest<Int>(literal: count)) ?? 0)
        }
        return CommitmentList(
            asOf: asOf, scope: query.scope, items: items, government: government, otherGovernments: others)
    }

    /// For a past date, the condition that commitment `c` was made by then; nil for today (every commitment was).
    static func madeBy(asOf: SittingDate, today: SittingDate) -> SQL? {
        asOf < today ? "(c.debateDate IS NULL OR c.debateDate <= \(asOf.description))" : nil
    }

    /// The status of commitment `c` as of `asOf`: a past date's from the events, today's from the cache.
    static func status(asOf: SittingDate, today: SittingDate) -> SQL {
        guard asOf < today else { return "c.status" }
        return """
            COALESCE((SELECT e.status FROM statusEvent e WHERE e.commitmentId = c.id AND e.effectiveDate <= \(asOf.description)
                      ORDER BY e.effectiveDate DESC, e.recordedAt DESC, e.id DESC LIMIT 1), 'outstanding')
            """
    }

    /// Everything about one commitment.
    public func detail(of id: String) throws(RegisterError) -> CommitmentDetail {
        try read { db in try Self.detail(db, id) }
    }

    /// ``detail(of:)`` inside a read transaction of either backend.
    static func detail(_ db: some RegisterRows, _ id: String) throws -> CommitmentDetail {
        let id = try Self.resolveCommitmentId(db, id)
        guard let commitment = try db.fetch(CommitmentRecord.self, key: id) else {
            throw RegisterError.unknownCommitment(id: id)
        }
        let debate = try db.fetch(DebateRecord.self, key: commitment.debateId)!
        let request = try commitment.requestId.flatMap { try db.fetch(RequestRecord.self, key: $0) }
        // Best score first, then by id (ids are ASCII: Swift's order is the databases' byte order).
        let links = try db.fetchAll(FollowUpLinkRecord.self, where: .commitmentId, equals: id, orderBy: [.id])
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
        var linked: [String: DebateRecord] = [:]
        for debateId in Set(links.map(\.debateId)) { linked[debateId] = try db.fetch(DebateRecord.self, key: debateId) }
        return CommitmentDetail(
            commitment: commitment, debate: debate, request: request,
            statusEvents: try db.fetchAll(
                StatusEventRecord.self, where: .commitmentId, equals: id,
                orderBy: [.effectiveDate, .recordedAt, .id]),
            notes: try db.fetchAll(NoteRecord.self, where: .commitmentId, equals: id, orderBy: [.recordedAt, .id]),
            changes: try db.fetchAll(
                CommitmentChangeRecord.self, where: .commitmentId, equals: id, orderBy: [.revision, .id]),
            links: links, linkedDebates: linked,
            edits: try db.fetchAll(
                CommitmentEditRecord.self, where: .commitmentId, equals: id, orderBy: [.recordedAt, .id]))
    }

    /// Candidate links still waiting for a decision, best score first.
    public func pendingLinks() throws(RegisterError) -> [FollowUpLinkRecord] {
        try read { db in
            typealias Columns = FollowUpLinkRecord.Columns
            return try Persisted<FollowUpLinkRecord>.filter(Columns.state == FollowUpState.candidate.rawValue)
                .order(Columns.score.desc, Columns.id).fetchAll(db).map(\.record)
        }
    }

    /// Counts for a summary line.
    public func counts() throws(RegisterError) -> (debates: Int, commitments: Int, outstanding: Int, links: Int) {
        try read { db in
            (
                try Persisted<DebateRecord>.fetchCount(db), try CommitmentRow.fetchCount(db),
                try CommitmentRow.filter(CommitmentRecord.Columns.status == CommitmentStatus.outstanding.rawValue)
                    .fetchCount(db),
                try Persisted<FollowUpLinkRecord>.fetchCount(db)
            )
        }
    }

    /// The register's ministers as people: each way a commitment's minister appears, merged (``PeopleDirectory``).
    ///
    /// Read from the distinct named appearances (`commitmentAppearance`, which triggers keep in step with the
    /// commitments), which are few beside the commitments. A minister the page does not name is a person of their
    /// debate alone, so they are not read here: a large register has one such appearance per debate.
    static func people(_ db: Database) throws -> People {
        People(named: PeopleDirectory.people(try appearances(db, unnamed: false)))
    }

    /// The named appearances (`debateId` NULL), or the unnamed ones that have a label.
    static func appearances(_ db: Database, unnamed: Bool) throws -> [PeopleDirectory.Appearance] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT DISTINCT person, speakerName, speakerAliases, department, house, debateId
                FROM commitmentAppearance
                WHERE \(unnamed
                    ? "debateId IS NOT NULL AND (speakerName IS NOT NULL OR speakerAliases IS NOT NULL)"
                    : "debateId IS NULL")
                """)
        return rows.map { row in
            let name: String? = row["speakerName"]
            let aliases = ((row["speakerAliases"] as String?) ?? "").split(separator: "\n").map(String.init)
            return PeopleDirectory.Appearance(
                person: row["person"], name: name, aliases: aliases.isEmpty ? [name].compactMap { $0 } : aliases,
                department: row["department"], house: (row["house"] as String?).flatMap(House.init(rawValue:)),
                debateId: row["debateId"])
        }
    }

    /// The people of a register by appearance: the named ones merged, each unnamed one a person of its own.
    struct People {
        let named: [PeopleDirectory.Appearance: RegisterPerson]
        private var unnamed: [PeopleDirectory.Appearance: RegisterPerson] = [:]

        init(named: [PeopleDirectory.Appearance: RegisterPerson]) { self.named = named }

        /// ``subscript(_:)``, remembering the unnamed ones: a long list has many rows of one debate.
        mutating func person(_ appearance: PeopleDirectory.Appearance) -> RegisterPerson? {
            if let person = named[appearance] ?? unnamed[appearance] { return person }
            let person = self[appearance]
            if let person { unnamed[appearance] = person }
            return person
        }

        /// The person `appearance` belongs to.
        subscript(_ appearance: PeopleDirectory.Appearance) -> RegisterPerson? {
            if let person = named[appearance] { return person }
            // Unnamed appearances never merge, so alone they give the person they give among all the others.
            guard appearance.debateId != nil else { return nil }
            return PeopleDirectory.people([appearance])[appearance]
        }

        /// The appearances, named and unnamed, whose person has a label that `matches`.
        func matching(_ db: Database, _ matches: (String) -> Bool) throws -> [PeopleDirectory.Appearance] {
            let unnamed = try Register.appearances(db, unnamed: true)
            return named.filter { _, person in person.aliases.contains(where: matches) }.map(\.key)
                + unnamed.filter { self[$0]?.aliases.contains(where: matches) == true }
        }
    }

    /// A commitment whose minister appears as `appearance` (null-safe equality on each column).
    private static func appearanceCondition(_ appearance: PeopleDirectory.Appearance) -> SQL {
        """
        (c.person IS \(appearance.person) AND c.speakerName IS \(appearance.name) \
        AND c.department IS \(appearance.department) AND c.house IS \(appearance.house?.rawValue))
        """
    }

    /// `column` is one of `values`, NULL included when it is among them: `c.person IN (…) OR c.person IS NULL`, each
    /// part served by the column's index; false for no values.
    private static func oneOf(_ column: String, _ values: [String?]) -> SQL {
        let known = Array(Set(values.compactMap { $0 })).sorted()
        var parts: [SQL] = []
        if !known.isEmpty { parts.append(SQL(sql: column) + " IN \(known)") }
        if values.contains(where: { $0 == nil }) { parts.append(SQL(sql: column + " IS NULL")) }
        return parts.isEmpty ? "0" : "(" + parts.joined(separator: " OR ") + ")"
    }

    private static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}

/// What CSV columns read beside a listed commitment: its debate, request, status events, edits and links.
public struct RowContext: Sendable {
    /// The listed commitments' debates, by debate id.
    public var debates: [String: DebateRecord]
    /// The requests the commitments answer, by request id.
    public var requests: [String: RequestRecord]
    /// Oldest first.
    public var events: [String: [StatusEventRecord]]
    /// People's corrections, by commitment id.
    public var edits: [String: [CommitmentEditRecord]]
    /// Candidate and decided follow-up links, by commitment id, best score first.
    public var links: [String: [FollowUpLinkRecord]]

    /// Creates a context; whatever is left out reads as nothing recorded.
    public init(
        debates: [String: DebateRecord] = [:], requests: [String: RequestRecord] = [:],
        events: [String: [StatusEventRecord]] = [:], edits: [String: [CommitmentEditRecord]] = [:],
        links: [String: [FollowUpLinkRecord]] = [:]
    ) {
        self.debates = debates
        self.requests = requests
        self.events = events
        self.edits = edits
        self.links = links
    }

    /// The context of every commitment in `snapshot`.
    public init(_ snapshot: RegisterSnapshot) {
        func first<Value>(_ pairs: [(String, Value)]) -> [String: Value] {
            Dictionary(pairs, uniquingKeysWith: { earlier, _ in earlier })
        }
        self.init(
            debates: first(snapshot.debates.map { ($0.id, $0) }),
            requests: first(snapshot.requests.map { ($0.id, $0) }),
            events: Dictionary(grouping: snapshot.statusEvents, by: \.commitmentId),
            edits: Dictionary(grouping: snapshot.edits, by: \.commitmentId),
            links: Dictionary(grouping: snapshot.links, by: \.commitmentId))
    }
}

extension Register {
    /// The debates, requests, status events, edits and follow-up links of the commitments listed.
    public func context(for listings: [CommitmentListing]) throws(RegisterError) -> RowContext {
        let ids = listings.map(\.commitment.id)
        let debateIds = Array(Set(listings.map(\.commitment.debateId))).sorted()
        let requestIds = Array(Set(listings.compactMap(\.commitment.requestId))).sorted()
        return try read { db in
            var context = RowContext()
            // Large chunks: each query is prepared once per chunk, and a list may hold 100,000 ids.
            for chunk in debateIds.chunked(5000) {
                for debate in try Persisted<DebateRecord>.filter(keys: chunk).fetchAll(db).map(\.record) {
                    context.debates[debate.id] = debate
                }
            }
            for chunk in requestIds.chunked(5000) {
                for request in try Persisted<RequestRecord>.filter(keys: chunk).fetchAll(db).map(\.record) {
                    context.requests[request.id] = request
                }
            }
            for chunk in ids.chunked(5000) {
                typealias Event = StatusEventRecord.Columns
                let events = try Persisted<StatusEventRecord>.filter(chunk.contains(Event.commitmentId))
                    .order(Event.effectiveDate, Event.recordedAt, Event.id).fetchAll(db).map(\.record)
                for event in events { context.events[event.commitmentId, default: []].append(event) }
                typealias Edit = CommitmentEditRecord.Columns
                let edits = try Persisted<CommitmentEditRecord>.filter(chunk.contains(Edit.commitmentId))
                    .order(Edit.recordedAt, Edit.id).fetchAll(db).map(\.record)
                for edit in edits { context.edits[edit.commitmentId, default: []].append(edit) }
                typealias Link = FollowUpLinkRecord.Columns
                let links = try Persisted<FollowUpLinkRecord>.filter(chunk.contains(Link.commitmentId))
                    .order(Link.score.desc, Link.id).fetchAll(db).map(\.record)
                for link in links { context.links[link.commitmentId, default: []].append(link) }
            }
            return context
        }
    }

    /// A candidate link with what a reader needs to judge it: the commitment, its debate, and the later debate.
    public struct LinkListing: Sendable, Hashable {
        /// The link itself.
        public var link: FollowUpLinkRecord
        /// The commitment the link may follow up.
        public var commitment: CommitmentRecord
        /// How to cite the commitment's debate.
        public var citation: Citation
        /// The later debate the link points to; nil when the register no longer has it.
        public var laterDebate: DebateRecord?
    }

    /// Candidate links waiting for a decision, with their commitments, oldest commitment first, then by department
    /// and best score.
    public func pendingLinkListings() throws(RegisterError) -> [LinkListing] {
        try read { db in try Self.pendingLinkListings(db) }
    }

    /// ``pendingLinkListings()`` inside a read transaction of either backend.
    static func pendingLinkListings(_ db: some RegisterRows) throws -> [LinkListing] {
        let links = try db.fetchAll(
            FollowUpLinkRecord.self, where: .state, equals: FollowUpState.candidate.rawValue, orderBy: [.id])
        var commitments: [String: CommitmentRecord] = [:]
        var debates: [String: DebateRecord] = [:]
        for id in Set(links.map(\.commitmentId)) { commitments[id] = try db.fetch(CommitmentRecord.self, key: id) }
        for id in Set(links.map(\.debateId)).union(commitments.values.map(\.debateId)) {
            debates[id] = try db.fetch(DebateRecord.self, key: id)
        }
        return links.compactMap { link -> LinkListing? in
            guard let commitment = commitments[link.commitmentId] else { return nil }
            return LinkListing(
                link: link, commitment: commitment,
                citation: Citation(commitment, debate: debates[commitment.debateId]),
                laterDebate: debates[link.debateId])
        }.sorted {
            ($0.commitment.debateDate ?? .distantPast, $0.commitment.department ?? "", -$0.link.score, $0.link.id)
                < ($1.commitment.debateDate ?? .distantPast, $1.commitment.department ?? "", -$1.link.score, $1.link.id)
        }
    }
}
