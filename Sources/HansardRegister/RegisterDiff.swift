/// What changed between two register snapshots (two files, or one register at the ends of two sessions).
public struct RegisterDiff: Sendable, Hashable, Codable {
    /// The schema identifier written into JSON output.
    public static let schemaIdentifier = "hansard.register-diff/1"

    /// One side of the comparison.
    public struct Side: Sendable, Hashable, Codable {
        /// The file or session the side was read from.
        public var label: String
        /// The date ages are reckoned at on this side.
        public var referenceDate: String
        /// How many commitments the side holds.
        public var commitments: Int

        /// Creates a side.
        public init(label: String, referenceDate: String, commitments: Int) {
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
        public var date: String?
        /// The evidence recorded for it.
        public var evidence: String?

        /// Creates a resolution.
        public init(commitment: CommitmentRecord, status: CommitmentStatus, date: String?, evidence: String?) {
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
        self.old = Side(label: oldLabel, referenceDate: oldDate, commitments: old.commitments.count)
        self.new = Side(label: newLabel, referenceDate: newDate, commitments: new.commitments.count)
        let newById = Dictionary(new.commitments.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let oldIds = Set(old.commitments.map(\.id))
        let eventedInNew = Set(new.statusEvents.map(\.commitmentId))
        var latestEvent: [String: StatusEventRecord] = [:]
        for event in new.statusEvents where event.effectiveDate <= newDate || new.asOf == nil {
            latestEvent[event.commitmentId] = event
        }

        added = new.commitments.filter { !oldIds.contains($0.id) }
        var resolved: [Resolution] = []
        var still: [StillOutstanding] = []
        var changed: [Change] = []
        var missing: [CommitmentRecord] = []
        let gap = CalendarDate.days(from: oldDate, to: newDate) ?? 0
        for before in old.commitments {
            guard let after = newById[before.id] else {
                if !eventedInNew.contains(before.id) { missing.append(before) }
                continue
            }
            var fields: [FieldChange] = []
            if before.quote != after.quote { fields.append(.init(field: .quote, old: before.quote, new: after.quote)) }
            if before.dueBy != after.dueBy { fields.append(.init(field: .dueBy, old: before.dueBy, new: after.dueBy)) }
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
                let event = latestEvent[after.id]
                resolved.append(
                    Resolution(
                        commitment: after, status: after.status, date: after.statusDate, evidence: event?.evidence))
            } else if before.status != after.status {
                fields.append(.init(field: .status, old: before.status.rawValue, new: after.status.rawValue))
            } else if after.status.isOpen {
                let oldAge = before.debateDate.flatMap { CalendarDate.days(from: $0, to: oldDate) }
                let newAge = after.debateDate.flatMap { CalendarDate.days(from: $0, to: newDate) }
                let overdue = after.dueBy.map { $0 < newDate } ?? false
                still.append(
                    StillOutstanding(
                        commitment: after, oldAgeDays: oldAge, newAgeDays: newAge,
                        olderByDays: (newAge.flatMap { new in oldAge.map { new - $0 } }) ?? gap, overdue: overdue))
            }
            if !fields.isEmpty { changed.append(Change(commitment: after, changes: fields)) }
        }
        // By the date the commitment was made, then department and id: the order a reader scans a register in.
        let titles = Dictionary((old.debates + new.debates).map { ($0.id, $0.title) }, uniquingKeysWith: { _, b in b })
        func titled(_ record: CommitmentRecord) -> CommitmentRecord {
            var record = record
            if record.debateTitle == nil { record.debateTitle = titles[record.debateId] }
            return record
        }
        func ordered<T>(_ items: [T], _ record: (T) -> CommitmentRecord) -> [T] {
            // Keys made once: comparing copies of whole records made sorting 100,000 of them slow.
            let keys = items.map { item -> (String, String, String) in
                let r = record(item)
                return (r.debateDate ?? "", r.department ?? "", r.id)
            }
            return keys.indices.sorted { keys[$0] < keys[$1] }.map { items[$0] }
        }
        self.added = ordered(added.map(titled), { $0 })
        self.resolved = ordered(
            resolved.map {
                var r = $0; r.commitment = titled(r.commitment); return r
            }, \.commitment)
        self.stillOutstanding = ordered(
            still.map {
                var s = $0; s.commitment = titled(s.commitment); return s
            }, \.commitment)
        self.changed = ordered(
            changed.map {
                var c = $0; c.commitment = titled(c.commitment); return c
            }, \.commitment)
        self.missing = ordered(missing.map(titled), { $0 })
    }
}
