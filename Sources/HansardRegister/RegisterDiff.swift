import GRDB
public import HansardIngestion

/// What changed between two register snapshots (two files, or one register at the ends of two sessions).
public struct RegisterDiff: Sendable, Hashable, Codable {
    /// The schema identifier written into JSON output.
    public static let schemaIdentifier = "hansard.register-diff/1"

    /// One side of the comparison.
    public struct Side: Sendable, Hashable, Codable {
        /// The file or session the side was read from.
        public var label: String
        /// The date ages are reckoned at on this side.
        public var referenceDate: SittingDate
        /// How many commitments the side holds.
        public var commitments: Int

        /// Creates a side.
        public init(label: String, referenceDate: SittingDate, commitments: Int) {
            self.label = label
            self.referenceDate = referenceDate
            self.commitments = commitments
        }
    }

    /// A commitment outstanding in OLD and resolved in NEW.
    public struct Resolution: Sendable, Hashable, Codable {
        /// The commitment, as NEW has it.
        public var commitment: CommitmentRecord
        /// The status it has in NEW.
        public var status: CommitmentStatus
        /// When that status took effect.
        public var date: SittingDate?
        /// The evidence recorded for it.
        public var evidence: String?

        /// Creates a resolution.
        public init(commitment: CommitmentRecord, status: CommitmentStatus, date: SittingDate?, evidence: String?) {
            self.commitment = commitment
            self.status = status
            self.date = date
            self.evidence = evidence
        }
    }

    /// A commitment outstanding on both sides.
    public struct StillOutstanding: Sendable, Hashable, Codable {
        /// The commitment, as NEW has it.
        public var commitment: CommitmentRecord
        /// Age in days at OLD's and NEW's reference dates; nil without a debate date.
        public var oldAgeDays: Int?
        /// Age in days at NEW's reference date.
        public var newAgeDays: Int?
        /// How much older it is in NEW.
        public var olderByDays: Int
        /// Past its due date at NEW's reference date.
        public var overdue: Bool

        /// Creates an entry for a commitment outstanding on both sides.
        public init(commitment: CommitmentRecord, oldAgeDays: Int?, newAgeDays: Int?, olderByDays: Int, overdue: Bool) {
            self.commitment = commitment
            self.oldAgeDays = oldAgeDays
            self.newAgeDays = newAgeDays
            self.olderByDays = olderByDays
            self.overdue = overdue
        }
    }

    /// One field that differs.
    public struct FieldChange: Sendable, Hashable, Codable {
        /// The fields a diff compares.
        public enum Field: String, Sendable, Hashable, Codable {
            case quote, dueBy, timing, minister, department, status
            /// Whether the latest version of the page still contains it.
            case inText
        }

        /// The field that differs.
        public var field: Field
        /// Its value in OLD.
        public var old: String?
        /// Its value in NEW.
        public var new: String?

        /// Creates a field change.
        public init(field: Field, old: String?, new: String?) {
            self.field = field
            self.old = old
            self.new = new
        }
    }

    /// A commitment on both sides whose wording, timing, minister, department or status moved.
    public struct Change: Sendable, Hashable, Codable {
        /// The commitment, as NEW has it.
        public var commitment: CommitmentRecord
        /// The fields that differ, in a fixed order.
        public var changes: [FieldChange]

        /// Creates a change.
        public init(commitment: CommitmentRecord, changes: [FieldChange]) {
            self.commitment = commitment
            self.changes = changes
        }
    }

    /// The earlier snapshot.
    public var old: Side
    /// The later snapshot.
    public var new: Side
    /// In NEW only.
    public var added: [CommitmentRecord]
    /// Outstanding in OLD, resolved in NEW.
    public var resolved: [Resolution]
    /// Outstanding on both sides, with how much older each is.
    public var stillOutstanding: [StillOutstanding]
    /// On both sides, with fields that moved.
    public var changed: [Change]
    /// In OLD, absent from NEW, with no status event saying why: a warning.
    public var missing: [CommitmentRecord]

    /// Whether the two sides differ (still-outstanding commitments alone are not a difference).
    public var hasDifferences: Bool {
        !added.isEmpty || !resolved.isEmpty || !changed.isEmpty || !missing.isEmpty
    }

    /// Creates a diff.
    public init(
        old: Side, new: Side, added: [CommitmentRecord], resolved: [Resolution], stillOutstanding: [StillOutstanding],
        changed: [Change], missing: [CommitmentRecord]
    ) {
        self.old = old
        self.new = new
        self.added = added
        self.resolved = resolved
        self.stillOutstanding = stillOutstanding
        self.changed = changed
        self.missing = missing
    }

    private enum CodingKeys: String, CodingKey {
        case schema, old, new, differ, added, resolved, stillOutstanding, changed, missing
    }

    /// Decodes a `hansard.register-diff/1` document; `differ` is worked out again rather than read.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        old = try container.decode(Side.self, forKey: .old)
        new = try container.decode(Side.self, forKey: .new)
        added = try container.decode([CommitmentRecord].self, forKey: .added)
        resolved = try container.decode([Resolution].self, forKey: .resolved)
        stillOutstanding = try container.decode([StillOutstanding].self, forKey: .stillOutstanding)
        changed = try container.decode([Change].self, forKey: .changed)
        missing = try container.decode([CommitmentRecord].self, forKey: .missing)
    }

    /// Encodes the diff as `hansard.register-diff/1`, with `differ` saying whether the sides differ.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.schemaIdentifier, forKey: .schema)
        try container.encode(old, forKey: .old)
        try container.encode(new, forKey: .new)
        try container.encode(hasDifferences, forKey: .differ)
        try container.encode(added, forKey: .added)
        try container.encode(resolved, forKey: .resolved)
        try container.encode(stillOutstanding, forKey: .stillOutstanding)
        try container.encode(changed, forKey: .changed)
        try container.encode(missing, forKey: .missing)
    }

    /// Compares two snapshots.
    ///
    /// Commitments are matched by register id; every list is in id order.
    public init(old: RegisterSnapshot, oldLabel: String, new: RegisterSnapshot, newLabel: String) {
        let oldDate = old.referenceDate
        let newDate = new.referenceDate
        var latestEvent: [String: StatusEventRecord] = [:]
        for event in new.statusEvents where event.effectiveDate <= newDate || new.asOf == nil {
            latestEvent[event.commitmentId] = event
        }
        var merge = Merge(
            oldDate: oldDate, newDate: newDate, evented: Set(new.statusEvents.map(\.commitmentId)),
            evidence: { latestEvent[$0]?.evidence })
        let newById = Dictionary(new.commitments.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let oldIds = Set(old.commitments.map(\.id))
        for after in new.commitments where !oldIds.contains(after.id) { merge.added.append(after) }
        for before in old.commitments {
            if let after = newById[before.id] {
                merge.compare(Compared(before), after)
            } else {
                merge.absent(before.id, record: before)
            }
        }
        let titles = Dictionary((old.debates + new.debates).map { ($0.id, $0.title) }, uniquingKeysWith: { _, b in b })
        self.init(
            merge, old: Side(label: oldLabel, referenceDate: oldDate, commitments: old.commitments.count),
            new: Side(label: newLabel, referenceDate: newDate, commitments: new.commitments.count),
            title: { titles[$0] })
    }

    /// Compares two register files by reading both side by side in commitment-id order, never holding either whole:
    /// the same diff as comparing their snapshots (``init(old:oldLabel:new:newLabel:)``), in time linear in the
    /// registers and memory for what the diff lists.
    /// - Throws: ``RegisterError`` when either register cannot be read.
    public init(old: Register, oldLabel: String, new: Register, newLabel: String) throws(RegisterError) {
        guard old.database !== new.database else {
            // One connection cannot read twice at once: a register compared with itself is read once, whole.
            let snapshot = try old.snapshot()
            self.init(old: snapshot, oldLabel: oldLabel, new: snapshot, newLabel: newLabel)
            return
        }
        let oldDate = try old.read { db in try Self.referenceDate(db) }
        let newDate = try new.read { db in try Self.referenceDate(db) }
        let diff = try old.read { oldDB in
            try new.read { newDB in
                // A register file has no as-of date: every status event counts, the latest (in the snapshot's
                // order) giving a resolution's evidence.
                var evidence: [String: String?] = [:]
                let events = try Row.fetchCursor(
                    newDB,
                    sql: """
                        SELECT commitmentId, evidence FROM statusEvent
                        ORDER BY commitmentId, effectiveDate, recordedAt, id
                        """)
                while let row = try events.next() { evidence[row[0] as String] = row[1] as String? }
                var merge = Merge(
                    oldDate: oldDate, newDate: newDate, evented: Set(evidence.keys), evidence: { evidence[$0] ?? nil })
                // OLD gives only what is compared; the few commitments missing from NEW are read whole afterwards.
                let befores = try Row.fetchCursor(
                    oldDB,
                    sql: """
                        SELECT id, quote, dueBy, timingPhrase, speakerName, department, missingSinceRevision, status,
                            debateDate FROM commitment ORDER BY id
                        """)
                let afters = try CommitmentRow.fetchCursor(
                    newDB, sql: "SELECT \(CommitmentRecord.selection(alias: "c")) FROM commitment c ORDER BY c.id"
                ).map(\.record)
                var before = try befores.next().map(Compared.init(row:))
                var after = try afters.next()
                var oldCount = 0
                var newCount = 0
                var absent: [String] = []
                while before != nil || after != nil {
                    // Both cursors are in SQLite's byte order of the ids.
                    if let b = before, after == nil || b.id.utf8.lexicographicallyPrecedes(after!.id.utf8) {
                        if !merge.evented.contains(b.id) { absent.append(b.id) }
                        oldCount += 1
                        before = try befores.next().map(Compared.init(row:))
                    } else if let a = after, before == nil || a.id != before!.id {
                        merge.added.append(a)
                        newCount += 1
                        after = try afters.next()
                    } else {
                        merge.compare(before!, after!)
                        oldCount += 1
                        newCount += 1
                        before = try befores.next().map(Compared.init(row:))
                        after = try afters.next()
                    }
                }
                for chunk in stride(from: 0, to: absent.count, by: 500) {
                    let ids = Array(absent[chunk..<min(chunk + 500, absent.count)])
                    for record in try CommitmentRow.fetchAll(oldDB, keys: ids).map(\.record) {
                        merge.absent(record.id, record: record)
                    }
                }
                // Titles only for the listed commitments stored without their debate's, NEW's before OLD's.
                var titles: [String: String] = [:]
                let untitled = merge.untitledDebates.sorted()
                for chunk in stride(from: 0, to: untitled.count, by: 500) {
                    let ids = Array(untitled[chunk..<min(chunk + 500, untitled.count)])
                    for db in [oldDB, newDB] {
                        for debate in try Persisted<DebateRecord>.fetchAll(db, keys: ids) {
                            titles[debate.record.id] = debate.record.title
                        }
                    }
                }
                return Self(
                    merge, old: Side(label: oldLabel, referenceDate: oldDate, commitments: oldCount),
                    new: Side(label: newLabel, referenceDate: newDate, commitments: newCount),
                    title: { titles[$0] })
            }
        }
        self = diff
    }

    /// Compares the registers or snapshots at two paths: register files side by side
    /// (``init(old:oldLabel:new:newLabel:)-(Register,_,Register,_)``), anything else through its snapshot
    /// (``RegisterSnapshot/load(path:)``), each labelled with its path.
    /// - Throws: ``RegisterError`` naming the file that cannot be read, OLD's first.
    public static func between(_ oldPath: String, _ newPath: String) throws(RegisterError) -> RegisterDiff {
        enum Source {
            case register(Register)
            case snapshot(RegisterSnapshot)
        }
        func source(_ path: String) throws(RegisterError) -> Source {
            if RegisterSnapshot.isRegisterFile(path) { return .register(try Register.open(at: path, readOnly: true)) }
            return .snapshot(try RegisterSnapshot.load(path: path))
        }
        func snapshot(_ source: Source) throws(RegisterError) -> RegisterSnapshot {
            switch source {
            case .register(let register): return try register.snapshot()
            case .snapshot(let snapshot): return snapshot
            }
        }
        let old = try source(oldPath)
        let new = try source(newPath)
        if case .register(let before) = old, case .register(let after) = new {
            return try RegisterDiff(old: before, oldLabel: oldPath, new: after, newLabel: newPath)
        }
        return RegisterDiff(old: try snapshot(old), oldLabel: oldPath, new: try snapshot(new), newLabel: newPath)
    }

    /// ``RegisterSnapshot/referenceDate`` of a register file, without reading it whole: the last day anything was
    /// recorded, else today.
    static func referenceDate(_ db: Database) throws -> SittingDate {
        let latest = try String.fetchOne(
            db,
            sql: """
                SELECT MAX(day) FROM (
                    SELECT MAX(substr(updatedAt, 1, 10)) AS day FROM debate
                    UNION ALL SELECT MAX(substr(recordedAt, 1, 10)) FROM statusEvent
                    UNION ALL SELECT MAX(substr(decidedAt, 1, 10)) FROM followUpLink
                    UNION ALL SELECT MAX(substr(recordedAt, 1, 10)) FROM commitmentEdit)
                """)
        return latest.flatMap(SittingDate.init) ?? CalendarDate.today()
    }

    /// What a diff compares of an OLD commitment.
    struct Compared {
        var id: String
        var quote: String
        var dueBy: SittingDate?
        var timingPhrase: String?
        var speakerName: String?
        var department: String?
        var missingSinceRevision: Int?
        var status: CommitmentStatus
        var debateDate: SittingDate?

        init(_ record: CommitmentRecord) {
            id = record.id
            quote = record.quote
            dueBy = record.dueBy
            timingPhrase = record.timingPhrase
            speakerName = record.speakerName
            department = record.department
            missingSinceRevision = record.missingSinceRevision
            status = record.status
            debateDate = record.debateDate
        }

        init(row: Row) throws {
            id = row[0]
            quote = row[1]
            dueBy = (row[2] as String?).flatMap(SittingDate.init)
            timingPhrase = row[3]
            speakerName = row[4]
            department = row[5]
            missingSinceRevision = row[6]
            let text: String = row[7]
            guard let status = CommitmentStatus(rawValue: text) else {
                throw DatabaseError(resultCode: .SQLITE_MISMATCH, message: "commitment.status: unknown value \(text)")
            }
            self.status = status
            debateDate = (row[8] as String?).flatMap(SittingDate.init)
        }
    }

    /// The lists a diff gathers, one pair of commitments at a time.
    struct Merge {
        let oldDate: SittingDate
        let newDate: SittingDate
        /// Commitments NEW has status events for.
        let evented: Set<String>
        /// The evidence of the status event that gives NEW's status, by commitment id.
        let evidence: (String) -> String?
        let gap: Int
        var added: [CommitmentRecord] = []
        var resolved: [Resolution] = []
        var still: [StillOutstanding] = []
        var changed: [Change] = []
        var missing: [CommitmentRecord] = []

        init(oldDate: SittingDate, newDate: SittingDate, evented: Set<String>, evidence: @escaping (String) -> String?)
        {
            self.oldDate = oldDate
            self.newDate = newDate
            self.evented = evented
            self.evidence = evidence
            gap = CalendarDate.days(from: oldDate, to: newDate)
        }

        /// The debates of the commitments the diff lists that were stored without their debate's title.
        ///
        /// Gathered list by list: joining the lists first copied every listed record (900,000 at a million).
        var untitledDebates: Set<String> {
            var ids = Set<String>()
            func note(_ c: CommitmentRecord) { if c.debateTitle == nil { ids.insert(c.debateId) } }
            added.forEach(note)
            resolved.forEach { note($0.commitment) }
            still.forEach { note($0.commitment) }
            changed.forEach { note($0.commitment) }
            missing.forEach(note)
            return ids
        }

        /// An OLD commitment NEW lacks: missing unless NEW has a status event saying why.
        mutating func absent(_ id: String, record: CommitmentRecord) {
            if !evented.contains(id) { missing.append(record) }
        }

        /// A commitment on both sides.
        mutating func compare(_ before: Compared, _ after: CommitmentRecord) {
            var fields: [FieldChange] = []
            if before.quote != after.quote { fields.append(.init(field: .quote, old: before.quote, new: after.quote)) }
            if before.dueBy != after.dueBy {
                fields.append(.init(field: .dueBy, old: before.dueBy?.description, new: after.dueBy?.description))
            }
            if before.timingPhrase != after.timingPhrase {
                fields.append(.init(field: .timing, old: before.timingPhrase, new: after.timingPhrase))
            }
            if before.speakerName != after.speakerName {
                fields.append(.init(field: .minister, old: before.speakerName, new: after.speakerName))
            }
            if before.department != after.department {
                fields.append(.init(field: .department, old: before.department, new: after.department))
            }
            if (before.missingSinceRevision == nil) != (after.missingSinceRevision == nil) {
                func describe(_ revision: Int?) -> String {
                    revision.map { "absent since revision \($0)" } ?? "in the page"
                }
                fields.append(
                    .init(
                        field: .inText, old: describe(before.missingSinceRevision),
                        new: describe(after.missingSinceRevision)))
            }
            if before.status.isOpen && after.status.isResolution {
                resolved.append(
                    Resolution(
                        commitment: after, status: after.status, date: after.statusDate, evidence: evidence(after.id)))
            } else if before.status != after.status {
                fields.append(.init(field: .status, old: before.status.rawValue, new: after.status.rawValue))
            } else if after.status.isOpen {
                let oldAge = before.debateDate.map { CalendarDate.days(from: $0, to: oldDate) }
                let newAge = after.debateDate.map { CalendarDate.days(from: $0, to: newDate) }
                let overdue = after.dueBy.map { $0 < newDate } ?? false
                still.append(
                    StillOutstanding(
                        commitment: after, oldAgeDays: oldAge, newAgeDays: newAge,
                        olderByDays: (newAge.flatMap { new in oldAge.map { new - $0 } }) ?? gap, overdue: overdue))
            }
            if !fields.isEmpty { changed.append(Change(commitment: after, changes: fields)) }
        }
    }

    /// The diff of what `merge` gathered, each list in the order a reader scans a register in, with debate titles
    /// from `title` where a commitment was stored without one.
    private init(_ merge: Merge, old: Side, new: Side, title: (String) -> String?) {
        func titled(_ record: inout CommitmentRecord) {
            if record.debateTitle == nil { record.debateTitle = title(record.debateId) }
        }
        // By the date the commitment was made, then department and id; titled as each is placed, so that each list
        // is copied once (a titled copy and then a sorted one were two copies of 900,000 records at a million).
        func ordered<T>(_ items: [T], _ record: WritableKeyPath<T, CommitmentRecord>) -> [T] {
            // Keys made once: comparing copies of whole records made sorting 100,000 of them slow.
            let keys = items.map { item -> (SittingDate, String, String) in
                let r = item[keyPath: record]
                return (r.debateDate ?? .distantPast, r.department ?? "", r.id)
            }
            var result: [T] = []
            result.reserveCapacity(items.count)
            for index in keys.indices.sorted(by: { keys[$0] < keys[$1] }) {
                var item = items[index]
                titled(&item[keyPath: record])
                result.append(item)
            }
            return result
        }
        self.old = old
        self.new = new
        self.added = ordered(merge.added, \.self)
        self.resolved = ordered(merge.resolved, \.commitment)
        self.stillOutstanding = ordered(merge.still, \.commitment)
        self.changed = ordered(merge.changed, \.commitment)
        self.missing = ordered(merge.missing, \.self)
    }
}
