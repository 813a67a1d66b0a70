import Foundation
public import HansardIngestion

/// A whole register as one value: the canonical `hansard.register/1` snapshot.
///
/// Every list is in a fixed order and no field depends on when the export ran, so two exports of the same
/// register are byte-identical.
public struct RegisterSnapshot: Sendable, Hashable, Codable {
    /// The schema identifier written into every JSON encoding.
    public static let schemaIdentifier = "hansard.register/1"

    /// Set when the snapshot is the register as it stood on a date (a session diff); nil for an export.
    public var asOf: SittingDate?
    /// By id.
    public var debates: [DebateRecord]
    /// By debate id, then revision.
    public var debateVersions: [DebateVersionRecord]
    /// By id.
    public var commitments: [CommitmentRecord]
    /// By id.
    public var requests: [RequestRecord]
    /// By commitment, effective date, recording time, id.
    public var statusEvents: [StatusEventRecord]
    /// By commitment, recording time, id.
    public var notes: [NoteRecord]
    /// By commitment, revision, id.
    public var changes: [CommitmentChangeRecord]
    /// By commitment, then id.
    public var links: [FollowUpLinkRecord]
    /// People's corrections: by commitment, recording time, id.
    public var edits: [CommitmentEditRecord]
    /// By debate, turn, id.
    public var evasions: [EvasionRecord]
    /// By debate, turn, id.
    public var mentions: [MentionRecord]

    /// Creates a snapshot; every list left out is empty.
    public init(
        asOf: SittingDate? = nil, debates: [DebateRecord] = [], debateVersions: [DebateVersionRecord] = [],
        commitments: [CommitmentRecord] = [], requests: [RequestRecord] = [], statusEvents: [StatusEventRecord] = [],
        notes: [NoteRecord] = [], changes: [CommitmentChangeRecord] = [], links: [FollowUpLinkRecord] = [],
        edits: [CommitmentEditRecord] = [], evasions: [EvasionRecord] = [], mentions: [MentionRecord] = []
    ) {
        self.edits = edits
        self.evasions = evasions
        self.mentions = mentions
        self.asOf = asOf
        self.debates = debates
        self.debateVersions = debateVersions
        self.commitments = commitments
        self.requests = requests
        self.statusEvents = statusEvents
        self.notes = notes
        self.changes = changes
        self.links = links
    }

    /// The date ages in this snapshot are reckoned at: `asOf`, else the last day anything was recorded.
    public var referenceDate: SittingDate {
        if let asOf { return asOf }
        var latest = ""
        for debate in debates { latest = max(latest, String(debate.updatedAt.prefix(10))) }
        for event in statusEvents { latest = max(latest, String(event.recordedAt.prefix(10))) }
        for link in links { if let decided = link.decidedAt { latest = max(latest, String(decided.prefix(10))) } }
        for edit in edits { latest = max(latest, String(edit.recordedAt.prefix(10))) }
        return SittingDate(latest) ?? CalendarDate.today()
    }

    private enum CodingKeys: String, CodingKey {
        case schema, asOf, debates, debateVersions, commitments, requests, statusEvents, notes, changes, links, edits,
            evasions, mentions
    }

    /// Decodes a `hansard.register/1` snapshot, refusing any other schema.
    ///
    /// A snapshot made before edits, evasions and mentions were stored reads them as empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try container.checkSchema(.schema, expected: Self.schemaIdentifier)
        asOf = try container.decodeIfPresent(SittingDate.self, forKey: .asOf)
        debates = try container.decode([DebateRecord].self, forKey: .debates)
        debateVersions = try container.decode([DebateVersionRecord].self, forKey: .debateVersions)
        commitments = try container.decode([CommitmentRecord].self, forKey: .commitments)
        requests = try container.decode([RequestRecord].self, forKey: .requests)
        statusEvents = try container.decode([StatusEventRecord].self, forKey: .statusEvents)
        notes = try container.decode([NoteRecord].self, forKey: .notes)
        changes = try container.decode([CommitmentChangeRecord].self, forKey: .changes)
        links = try container.decode([FollowUpLinkRecord].self, forKey: .links)
        // Snapshots made before corrections and stored evasions have none of these.
        edits = try container.decodeIfPresent([CommitmentEditRecord].self, forKey: .edits) ?? []
        evasions = try container.decodeIfPresent([EvasionRecord].self, forKey: .evasions) ?? []
        mentions = try container.decodeIfPresent([MentionRecord].self, forKey: .mentions) ?? []
    }

    /// Encodes the snapshot as `hansard.register/1`, so that two exports of one register are byte-identical.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.schemaIdentifier, forKey: .schema)
        try container.encodeIfPresent(asOf, forKey: .asOf)
        try container.encode(debates, forKey: .debates)
        try container.encode(debateVersions, forKey: .debateVersions)
        try container.encode(commitments, forKey: .commitments)
        try container.encode(requests, forKey: .requests)
        try container.encode(statusEvents, forKey: .statusEvents)
        try container.encode(notes, forKey: .notes)
        try container.encode(changes, forKey: .changes)
        try container.encode(links, forKey: .links)
        try container.encode(edits, forKey: .edits)
        try container.encode(evasions, forKey: .evasions)
        try container.encode(mentions, forKey: .mentions)
    }

    /// Reads a snapshot from a JSON export, a register file, or a PostgreSQL register (`postgres://…`).
    /// - Throws: ``RegisterError`` naming the file when it is neither.
    public static func load(path: String) throws(RegisterError) -> RegisterSnapshot {
        if let scheme = RegisterFile.addressScheme(path), PostgresRegister.schemes.contains(scheme) {
            return try Registers.open(at: path, readOnly: true).snapshot()
        }
        try RegisterFile.refuseServerLocation(path)
        let status = try RegisterFile.requireRegularOrMissing(path, role: "a register file or snapshot")
        guard case .file(let size) = status else { throw .cannotOpen(path: path, reason: "no such file") }
        let (head, error) = RegisterFile.head(path, count: 16)
        guard let head else { throw .cannotOpen(path: path, reason: RegisterFile.describe(error)) }
        if head == ByteChecks.sqliteHeader {
            return try Register.open(at: path, readOnly: true).snapshot()
        }
        guard size > 0 else { throw .unreadableSnapshot(path: path, reason: "the file is empty") }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .cannotOpen(path: path, reason: Register.reason(error))
        }
        do {
            return try JSONDecoder().decode(RegisterSnapshot.self, from: data)
        } catch let error as DecodingError {
            // Foundation on Linux reports a fraction where a whole number belongs as "not valid JSON", with no
            // path; when the JSON parses, the value is found and named instead.
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty,
                let json = try? JSONSerialization.jsonObject(with: data), let where_ = Self.fraction(in: json)
            {
                throw .unreadableSnapshot(path: path, reason: "\(where_) must be a whole number")
            }
            throw .unreadableSnapshot(path: path, reason: Self.describe(error))
        } catch {
            throw .unreadableSnapshot(path: path, reason: "\(error.localizedDescription)")
        }
    }

    /// Whether `path` is an SQLite file (a register file, as ``load(path:)`` reads one), not an address, JSON or
    /// anything ``load(path:)`` would refuse.
    static func isRegisterFile(_ path: String) -> Bool {
        if RegisterFile.addressScheme(path) != nil { return false }
        guard case .file = RegisterFile.status(path) else { return false }
        return RegisterFile.head(path, count: 16).0 == ByteChecks.sqliteHeader
    }

    /// The fields of `hansard.register/1` that hold whole numbers.
    private static let wholeNumberKeys: Set<String> = ["turn", "revision", "firstRevision", "missingSinceRevision"]

    /// Where the first whole-number field holding a fraction is, for example `commitments[3].turn (1.5)`.
    private static func fraction(in json: Any, at path: String = "") -> String? {
        if let object = json as? [String: Any] {
            for key in object.keys.sorted() {
                let here = path.isEmpty ? key : "\(path).\(key)"
                if wholeNumberKeys.contains(key), let number = object[key] as? NSNumber,
                    Double(truncating: number) != Double(Int(truncating: number))
                {
                    return "\(here) (\(number))"
                }
                if let found = fraction(in: object[key] as Any, at: here) { return found }
            }
        } else if let array = json as? [Any] {
            for (index, element) in array.enumerated() {
                if let found = fraction(in: element, at: "\(path)[\(index)]") { return found }
            }
        }
        return nil
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context),
            .valueNotFound(_, let context):
            // `commitments[0].dueBy`, as the import's other messages name a row.
            let where_ = context.codingPath.reduce(into: "") { path, key in
                if let index = key.intValue {
                    path += "[\(index)]"
                } else {
                    path += (path.isEmpty ? "" : ".") + key.stringValue
                }
            }
            return where_.isEmpty ? context.debugDescription : "\(where_): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}

extension Register {
    /// The whole register as a canonical snapshot.
    public func snapshot() throws(RegisterError) -> RegisterSnapshot {
        try read { db in try Self.snapshot(db) }
    }

    /// Every table in the snapshot's fixed order, read through either backend.
    static func snapshot(_ db: some RegisterRows) throws -> RegisterSnapshot {
        RegisterSnapshot(
            debates: try db.fetchAll(DebateRecord.self, orderBy: [.id]),
            debateVersions: try db.fetchAll(DebateVersionRecord.self, orderBy: [.debateId, .revision, .sha256]),
            commitments: try db.fetchAll(CommitmentRecord.self, orderBy: [.id]),
            requests: try db.fetchAll(RequestRecord.self, orderBy: [.id]),
            statusEvents: try db.fetchAll(
                StatusEventRecord.self, orderBy: [.commitmentId, .effectiveDate, .recordedAt, .id]),
            notes: try db.fetchAll(NoteRecord.self, orderBy: [.commitmentId, .recordedAt, .id]),
            changes: try db.fetchAll(CommitmentChangeRecord.self, orderBy: [.commitmentId, .revision, .id]),
            links: try db.fetchAll(FollowUpLinkRecord.self, orderBy: [.commitmentId, .id]),
            edits: try db.fetchAll(CommitmentEditRecord.self, orderBy: [.commitmentId, .recordedAt, .id]),
            evasions: try db.fetchAll(EvasionRecord.self, orderBy: [.debateId, .turn, .id]),
            mentions: try db.fetchAll(MentionRecord.self, orderBy: [.debateId, .turn, .id]))
    }

    /// The register as it stood at the end of `date`: commitments made by then, statuses from events
    /// effective by then, links decided by then.
    public func snapshot(asOf date: SittingDate) throws(RegisterError) -> RegisterSnapshot {
        try snapshot().standing(at: date)
    }

    /// The part of the register the pages of `debates` and `commitments` show, read by id rather than whole.
    ///
    /// Each debate's commitments, requests, evasions and mentions and the links whose later speech is in it; each
    /// commitment's request, events, notes, changes, edits and links; and the debates all those belong to. Every
    /// list is in the whole snapshot's order, so a page made from this is the page made from the whole.
    /// - Throws: ``RegisterError`` when the register cannot be read.
    public func pageSnapshot(debates: [String], commitments: [String]) throws(RegisterError) -> RegisterSnapshot {
        try read { db in try Self.pageSnapshot(db, debates: debates, commitments: commitments) }
    }

    /// ``pageSnapshot(debates:commitments:)`` inside a read transaction of either backend.
    static func pageSnapshot(_ db: some RegisterRows, debates debateIds: [String], commitments commitmentIds: [String])
        throws -> RegisterSnapshot
    {
        let pageDebates = Set(debateIds).sorted()
        var commitments: [String: CommitmentRecord] = [:]
        var links: [String: FollowUpLinkRecord] = [:]
        for id in pageDebates {
            for c in try db.fetchAll(CommitmentRecord.self, where: .debateId, equals: id, orderBy: [.id]) {
                commitments[c.id] = c
            }
            for link in try db.fetchAll(FollowUpLinkRecord.self, where: .debateId, equals: id, orderBy: [.id]) {
                links[link.id] = link
            }
        }
        func each<R: TableRow>(_ type: R.Type, by column: R.Columns, in keys: [String], orderBy: [R.Columns]) throws
            -> [R]
        {
            try keys.flatMap { try db.fetchAll(type, where: column, equals: $0, orderBy: orderBy) }
        }
        let pageRequests = try each(RequestRecord.self, by: .debateId, in: pageDebates, orderBy: [.id])
        let mentions = try each(MentionRecord.self, by: .debateId, in: pageDebates, orderBy: [.turn, .id])
        // A debate page names the commitments its requests became and its mentions return to, by analysis id or
        // (where the analysis id is another debate's) by register id: those are read too.
        let named = pageRequests.compactMap(\.commitmentId) + mentions.map(\.refersTo)
        for id in Set(commitmentIds + links.values.map(\.commitmentId) + named) where commitments[id] == nil {
            if let c = try db.fetch(CommitmentRecord.self, key: id) { commitments[c.id] = c }
        }
        let ids = commitments.keys.sorted()
        for link in try each(FollowUpLinkRecord.self, by: .commitmentId, in: ids, orderBy: [.id]) {
            links[link.id] = link
        }
        let debates = Set(pageDebates + commitments.values.map(\.debateId) + links.values.map(\.debateId)).sorted()
        var requests: [String: RequestRecord] = [:]
        for request in pageRequests { requests[request.id] = request }
        for id in Set(commitments.values.compactMap(\.requestId)) where requests[id] == nil {
            if let request = try db.fetch(RequestRecord.self, key: id) { requests[id] = request }
        }
        return RegisterSnapshot(
            debates: try debates.compactMap { try db.fetch(DebateRecord.self, key: $0) },
            debateVersions: try each(
                DebateVersionRecord.self, by: .debateId, in: debates, orderBy: [.revision, .sha256]),
            commitments: ids.compactMap { commitments[$0] },
            requests: requests.keys.sorted().compactMap { requests[$0] },
            statusEvents: try each(
                StatusEventRecord.self, by: .commitmentId, in: ids, orderBy: [.effectiveDate, .recordedAt, .id]),
            notes: try each(NoteRecord.self, by: .commitmentId, in: ids, orderBy: [.recordedAt, .id]),
            changes: try each(CommitmentChangeRecord.self, by: .commitmentId, in: ids, orderBy: [.revision, .id]),
            links: links.values.sorted { ($0.commitmentId, $0.id) < ($1.commitmentId, $1.id) },
            edits: try each(CommitmentEditRecord.self, by: .commitmentId, in: ids, orderBy: [.recordedAt, .id]),
            evasions: try each(EvasionRecord.self, by: .debateId, in: pageDebates, orderBy: [.turn, .id]),
            mentions: mentions)
    }
}

extension RegisterSnapshot {
    /// The register this snapshot holds as it stood at the end of `date`: commitments made by then, statuses from
    /// events effective by then, links decided by then.
    public func standing(at date: SittingDate) -> RegisterSnapshot {
        let whole = self
        let debates = whole.debates.filter { ($0.date ?? .distantPast) <= date }
        let debateIds = Set(debates.map(\.id))
        var latest: [String: StatusEventRecord] = [:]
        let events = whole.statusEvents.filter { $0.effectiveDate <= date }
        for event in events { latest[event.commitmentId] = event }
        let commitments = whole.commitments.filter { debateIds.contains($0.debateId) }.map { commitment in
            var commitment = commitment
            commitment.status = latest[commitment.id]?.status ?? .outstanding
            commitment.statusDate = latest[commitment.id]?.effectiveDate
            return commitment
        }
        let commitmentIds = Set(commitments.map(\.id))
        return RegisterSnapshot(
            asOf: date, debates: debates,
            debateVersions: whole.debateVersions.filter { debateIds.contains($0.debateId) },
            commitments: commitments,
            requests: whole.requests.filter { debateIds.contains($0.debateId) },
            statusEvents: events.filter { commitmentIds.contains($0.commitmentId) },
            notes: whole.notes.filter {
                commitmentIds.contains($0.commitmentId) && $0.recordedAt.prefix(10) <= date.description
            },
            changes: whole.changes.filter { commitmentIds.contains($0.commitmentId) },
            links: whole.links.filter { commitmentIds.contains($0.commitmentId) && debateIds.contains($0.debateId) },
            edits: whole.edits.filter {
                commitmentIds.contains($0.commitmentId) && $0.recordedAt.prefix(10) <= date.description
            },
            evasions: whole.evasions.filter { debateIds.contains($0.debateId) },
            mentions: whole.mentions.filter { debateIds.contains($0.debateId) })
    }
}

extension Register {
    /// What ``importSnapshot(_:from:)`` did.
    public struct ImportSummary: Sendable, Hashable, Codable {
        /// Debates added.
        public var debates = 0
        /// Commitments added.
        public var commitments = 0
        /// Status events added.
        public var statusEvents = 0
        /// Notes added.
        public var notes = 0
        /// Follow-up links added.
        public var links = 0
        /// People's corrections added.
        public var edits = 0
        /// Each row of the snapshot that was not imported, and why (one line each).
        public var skipped: [String] = []
        /// Creates a summary with every count zero.
        public init() {}
    }

    /// Merges a snapshot into the register in one transaction: rows the register lacks are added, rows it has
    /// are kept as they are; status events, notes and link decisions from the snapshot are added.
    ///
    /// The snapshot is checked first, against itself and the register: a date that is not a date, an id used
    /// twice, or a row whose debate or commitment is in neither refuses the whole file, naming the first
    /// problem, and nothing is written. A debate the register holds under another id (the same identity) is
    /// kept as the register has it; that debate and the rows that hang on it are listed in `skipped`.
    /// - Parameters:
    ///   - snapshot: the snapshot, as read from its file.
    ///   - path: the snapshot's file, named in errors.
    /// - Returns: how many rows of each kind were added, and the rows skipped.
    /// - Throws: ``RegisterError/invalidSnapshot(path:problem:)`` naming the first problem, or the error writing the
    ///   register; nothing is imported either way.
    public func importSnapshot(_ snapshot: RegisterSnapshot, from path: String = "snapshot") throws(RegisterError)
        -> ImportSummary
    {
        try write { db in try Self.importSnapshot(db, snapshot, from: path) }
    }

    /// ``importSnapshot(_:from:)`` inside a write transaction of either backend.
    static func importSnapshot(_ db: some RegisterRows, _ snapshot: RegisterSnapshot, from path: String) throws
        -> ImportSummary
    {
        do {
            if let problem = try snapshot.firstProblem(db) {
                throw RegisterError.invalidSnapshot(path: path, problem: problem)
            }
            var summary = ImportSummary()
            var skippedDebates = Set<String>()
            for debate in snapshot.debates where try !db.exists(DebateRecord.self, key: debate.id) {
                if let held = try db.fetchAll(
                    DebateRecord.self, where: .identity, equals: debate.identity, orderBy: [.id]
                ).first {
                    skippedDebates.insert(debate.id)
                    summary.skipped.append(
                        "debate \(debate.id) (\"\(debate.title)\"): the register holds this debate as \(held.id);"
                            + " its version is kept")
                    continue
                }
                try db.insert(debate, ignoringConflicts: false)
                summary.debates += 1
            }
            var skippedCommitments = Set<String>()
            for version in snapshot.debateVersions {
                if skippedDebates.contains(version.debateId) {
                    summary.skipped.append(
                        "page version \(version.sha256.prefix(12)): its debate \(version.debateId) was skipped")
                    continue
                }
                try db.insert(version, ignoringConflicts: true)
            }
            let titles = Dictionary(snapshot.debates.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
            for var commitment in snapshot.commitments where try !db.exists(CommitmentRecord.self, key: commitment.id) {
                if skippedDebates.contains(commitment.debateId) {
                    skippedCommitments.insert(commitment.id)
                    summary.skipped.append("commitment \(commitment.id): its debate \(commitment.debateId) was skipped")
                    continue
                }
                // A snapshot made before citations has no title on its commitments; search needs one.
                if commitment.debateTitle == nil {
                    commitment.debateTitle =
                        try titles[commitment.debateId] ?? db.fetch(DebateRecord.self, key: commitment.debateId)?.title
                }
                try db.insert(commitment, ignoringConflicts: true)
                summary.commitments += 1
            }
            for request in snapshot.requests {
                if skippedDebates.contains(request.debateId) {
                    summary.skipped.append("request \(request.id): its debate \(request.debateId) was skipped")
                    continue
                }
                try db.insert(request, ignoringConflicts: true)
            }
            for change in snapshot.changes {
                if skippedCommitments.contains(change.commitmentId) {
                    summary.skipped.append("change \(change.id): its commitment \(change.commitmentId) was skipped")
                    continue
                }
                try db.insert(change, ignoringConflicts: true)
            }
            for note in snapshot.notes {
                if skippedCommitments.contains(note.commitmentId) {
                    summary.skipped.append("note \(note.id): its commitment \(note.commitmentId) was skipped")
                    continue
                }
                if try !db.exists(NoteRecord.self, key: note.id) {
                    try db.insert(note, ignoringConflicts: false)
                    summary.notes += 1
                }
            }
            for link in snapshot.links {
                if skippedCommitments.contains(link.commitmentId) || skippedDebates.contains(link.debateId) {
                    summary.skipped.append("follow-up link \(link.id): its commitment or later debate was skipped")
                    continue
                }
                if var existing = try db.fetch(FollowUpLinkRecord.self, key: link.id) {
                    if existing.state == .candidate && link.state != .candidate {
                        existing.state = link.state
                        existing.decidedAt = link.decidedAt
                        existing.decidedBy = link.decidedBy
                        try db.update(existing)
                        summary.links += 1
                    }
                } else {
                    try db.insert(link, ignoringConflicts: true)
                    summary.links += 1
                }
            }
            var edited = Set<String>()
            for edit in snapshot.edits {
                if skippedCommitments.contains(edit.commitmentId) {
                    summary.skipped.append("edit \(edit.id): its commitment \(edit.commitmentId) was skipped")
                    continue
                }
                if try !db.exists(CommitmentEditRecord.self, key: edit.id) {
                    try db.insert(edit, ignoringConflicts: false)
                    summary.edits += 1
                    edited.insert(edit.commitmentId)
                }
            }
            for id in edited.sorted() { try Self.applyLatestEdits(db, commitmentId: id) }
            for evasion in snapshot.evasions where !skippedDebates.contains(evasion.debateId) {
                try db.insert(evasion, ignoringConflicts: true)
            }
            for mention in snapshot.mentions where !skippedDebates.contains(mention.debateId) {
                try db.insert(mention, ignoringConflicts: true)
            }
            var touched = Set<String>()
            for event in snapshot.statusEvents {
                if skippedCommitments.contains(event.commitmentId) {
                    summary.skipped.append("status event \(event.id): its commitment \(event.commitmentId) was skipped")
                    continue
                }
                if try !db.exists(StatusEventRecord.self, key: event.id) {
                    try db.insert(event, ignoringConflicts: false)
                    summary.statusEvents += 1
                    touched.insert(event.commitmentId)
                }
            }
            for id in touched { try Self.refreshStatus(db, commitmentId: id) }
            return summary
        }
    }
}

extension RegisterSnapshot {
    /// The first thing that makes the snapshot unfit to import into the register `db` holds, in words that
    /// name the row, or nil: times that are not times (a date that is not one does not decode), ids used twice, rows whose debate or commitment is in
    /// neither the snapshot nor the register, status events dated before their commitment was made.
    func firstProblem(_ db: some RegisterRows) throws -> String? {
        func duplicate<Row>(_ rows: [Row], _ table: String, _ key: (Row) -> String, _ what: String = "id") -> String? {
            var seen = Set<String>()
            for (index, row) in rows.enumerated() where !seen.insert(key(row)).inserted {
                return "\(table)[\(index)]: the \(what) \(key(row)) appears twice"
            }
            return nil
        }
        func time(_ value: String?, _ what: String) -> String? {
            guard let value, value.count < 10 || SittingDate(String(value.prefix(10))) == nil else { return nil }
            return "\(what) \"\(value)\" is not a time (yyyy-MM-ddTHH:mm:ssZ)"
        }
        if let problem = duplicate(debates, "debates", \.id) ?? duplicate(debates, "debates", \.identity, "identity")
            ?? duplicate(debateVersions, "debateVersions", \.sha256, "sha256")
            ?? duplicate(commitments, "commitments", \.id) ?? duplicate(requests, "requests", \.id)
            ?? duplicate(statusEvents, "statusEvents", \.id) ?? duplicate(notes, "notes", \.id)
            ?? duplicate(changes, "changes", \.id) ?? duplicate(links, "links", \.id)
            ?? duplicate(edits, "edits", \.id)
        {
            return problem
        }
        let debateIds = Set(debates.map(\.id))
        var commitmentDates: [String: SittingDate?] = [:]
        for commitment in commitments { commitmentDates[commitment.id] = commitment.debateDate }
        func debateKnown(_ id: String) throws -> Bool {
            try debateIds.contains(id) || db.exists(DebateRecord.self, key: id)
        }
        func commitmentDate(_ id: String) throws -> SittingDate?? {
            if let known = commitmentDates[id] { return known }
            return try db.fetch(CommitmentRecord.self, key: id).map { $0.debateDate }
        }
        for (index, debate) in debates.enumerated() {
            let row = "debates[\(index)] (\(debate.id))"
            if let problem = time(debate.addedAt, "\(row): addedAt")
                ?? time(debate.updatedAt, "\(row): updatedAt")
            {
                return problem
            }
        }
        for (index, version) in debateVersions.enumerated() {
            let row = "debateVersions[\(index)]"
            if let problem = time(version.addedAt, "\(row): addedAt") { return problem }
            if try !debateKnown(version.debateId) {
                return "\(row): its debate \(version.debateId) is in neither the file nor the register"
            }
        }
        for (index, commitment) in commitments.enumerated() {
            let row = "commitments[\(index)] (\(commitment.id))"
            if try !debateKnown(commitment.debateId) {
                return "\(row): its debate \(commitment.debateId) is in neither the file nor the register"
            }
        }
        for (index, request) in requests.enumerated() where try !debateKnown(request.debateId) {
            return
                "requests[\(index)] (\(request.id)): its debate \(request.debateId) is in neither the file nor the register"
        }
        for (index, event) in statusEvents.enumerated() {
            let row = "statusEvents[\(index)] (\(event.id))"
            if let problem = time(event.recordedAt, "\(row): recordedAt") {
                return problem
            }
            guard let made = try commitmentDate(event.commitmentId) else {
                return "\(row): its commitment \(event.commitmentId) is in neither the file nor the register"
            }
            if let made, event.effectiveDate < made {
                return "\(row): effective \(event.effectiveDate), before the commitment was made (\(made))"
            }
        }
        for (index, note) in notes.enumerated() {
            let row = "notes[\(index)] (\(note.id))"
            if let problem = time(note.recordedAt, "\(row): recordedAt") { return problem }
            if try commitmentDate(note.commitmentId) == nil {
                return "\(row): its commitment \(note.commitmentId) is in neither the file nor the register"
            }
        }
        for (index, change) in changes.enumerated() {
            let row = "changes[\(index)] (\(change.id))"
            if let problem = time(change.recordedAt, "\(row): recordedAt") { return problem }
            if try commitmentDate(change.commitmentId) == nil {
                return "\(row): its commitment \(change.commitmentId) is in neither the file nor the register"
            }
        }
        for (index, edit) in edits.enumerated() {
            let row = "edits[\(index)] (\(edit.id))"
            if let problem = time(edit.recordedAt, "\(row): recordedAt") { return problem }
            if edit.field == .dueBy, let value = edit.value, SittingDate(value) == nil {
                return "\(row): value \"\(value)\" is not a date (yyyy-MM-dd)"
            }
            if try commitmentDate(edit.commitmentId) == nil {
                return "\(row): its commitment \(edit.commitmentId) is in neither the file nor the register"
            }
        }
        for (index, evasion) in evasions.enumerated() where try !debateKnown(evasion.debateId) {
            return
                "evasions[\(index)] (\(evasion.id)): its debate \(evasion.debateId) is in neither the file nor the register"
        }
        for (index, mention) in mentions.enumerated() where try !debateKnown(mention.debateId) {
            return
                "mentions[\(index)] (\(mention.id)): its debate \(mention.debateId) is in neither the file nor the register"
        }
        for (index, link) in links.enumerated() {
            let row = "links[\(index)] (\(link.id))"
            if let problem = time(link.decidedAt, "\(row): decidedAt") { return problem }
            if try commitmentDate(link.commitmentId) == nil {
                return "\(row): its commitment \(link.commitmentId) is in neither the file nor the register"
            }
            if try !debateKnown(link.debateId) {
                return "\(row): its later debate \(link.debateId) is in neither the file nor the register"
            }
        }
        return nil
    }
}
