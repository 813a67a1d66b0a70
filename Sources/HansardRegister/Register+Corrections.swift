import Foundation
import GRDB
import HansardAnalysis
public import HansardIngestion

extension Register {
    /// The full id of the commitment `text` names: its whole id, or a prefix of it that only one commitment has
    /// (as git's short hashes), with or without the `c-`.
    /// - Throws: ``RegisterError/unknownCommitment(id:)``, or ``RegisterError/ambiguousId(_:candidates:)`` when
    ///   several commitments start so.
    public func commitmentId(matching text: String) throws(RegisterError) -> String {
        try read { db in try Self.resolveCommitmentId(db, text) }
    }

    /// Up to this many candidates are named when a prefix fits several.
    static let candidatesShown = 5

    static func resolveCommitmentId(_ db: some RegisterRows, _ text: String) throws -> String {
        let wanted = normalisedId(text, prefix: "c")
        if try db.exists(CommitmentRecord.self, key: wanted) { return wanted }
        let found = try candidates(db, CommitmentRecord.self, prefix: wanted)
        switch found.count {
        case 0: throw RegisterError.unknownCommitment(id: text)
        case 1: return found[0]
        default: throw RegisterError.ambiguousId(text, candidates: found)
        }
    }

    static func resolveLinkId(_ db: some RegisterRows, _ text: String) throws -> String {
        let wanted = normalisedId(text, prefix: "L")
        if try db.exists(FollowUpLinkRecord.self, key: wanted) { return wanted }
        let found = try candidates(db, FollowUpLinkRecord.self, prefix: wanted)
        switch found.count {
        case 0: throw RegisterError.unknownLink(id: text)
        case 1: return found[0]
        default: throw RegisterError.ambiguousId(text, candidates: found)
        }
    }

    /// `c-…` for `c-…`, `C-…` or a bare hex prefix; `L-…` for links.
    ///
    /// Hex digits are lower case in ids.
    static func normalisedId(_ text: String, prefix: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "-", maxSplits: 1).map(String.init)
        if parts.count == 2, parts[0].lowercased() == prefix.lowercased() {
            return prefix + "-" + parts[1].lowercased()
        }
        // A bare prefix of the hex digits, with or without a "-2" suffix.
        if let first = parts.first, first.count > 1 { return prefix + "-" + trimmed.lowercased() }
        return trimmed
    }

    /// The ids of `table` that `prefix` abbreviates, at most one more than are shown.
    ///
    /// An id is a letter, a dash and hex digits, and an analysis that finds the same sentence twice adds `-2`, `-3`…:
    /// `c-4e4591a5` abbreviates `c-4e4591a5be579c3e` but not its `-2`, which `c-4e4591a5-2` abbreviates.
    private static func candidates<Table: StoredRecord>(_ db: some RegisterRows, _ table: Table.Type, prefix: String)
        throws -> [String]
    {
        let parts = prefix.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 || parts.count == 3, parts[1].count >= 4,
            parts[1].utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        else { return [] }
        if parts.count == 3 {
            guard !parts[2].isEmpty, parts[2].utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return [] }
            return try db.ids(
                in: Table.table, prefix: parts[0] + "-" + parts[1], suffix: parts[2], maxDashes: 2,
                limit: candidatesShown + 1)
        }
        return try db.ids(in: Table.table, prefix: prefix, suffix: nil, maxDashes: 1, limit: candidatesShown + 1)
    }

    /// `c-4e4591a5be579c3e` and `-2` for `c-4e4591a5be579c3e-2`; the id and "" when it has no suffix.
    static func splitSuffix(_ id: String) -> (base: String, suffix: String) {
        let parts = id.split(separator: "-", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else { return (id, "") }
        return (parts[0] + "-" + parts[1], "-" + parts[2])
    }

    /// The shortest prefix of each commitment id's hex digits, at least `minimum` characters with the `c-`, that
    /// no other commitment's shares, and the id's `-2` suffix if it has one: what tables print, and what every
    /// command accepts back.
    /// - Parameters:
    ///   - ids: the ids wanted; every commitment's when nil.
    ///   - minimum: the fewest characters of the id before any suffix.
    /// - Returns: each full id with its short form.
    /// - Throws: ``RegisterError`` when the register cannot be read.
    public func shortIds(for ids: [String]? = nil, minimum: Int = 10) throws(RegisterError) -> [String: String] {
        func common(_ a: String, _ b: String) -> Int { zip(a.utf8, b.utf8).prefix { $0 == $1 }.count }
        func short(_ base: String, before: String?, after: String?) -> String {
            let length = max(
                minimum, before.map { common(base, Self.splitSuffix($0).base) + 1 } ?? 0,
                after.map { common(base, Self.splitSuffix($0).base) + 1 } ?? 0)
            return String(base.prefix(length))
        }
        // A screenful asks each id's neighbours among the other bases, in the primary key's order; a long list reads
        // every id once.
        if let ids, ids.count <= 2000 {
            return try read { db in
                var result: [String: String] = [:]
                for id in ids {
                    let (base, suffix) = Self.splitSuffix(id)
                    let before = try String.fetchOne(
                        db,
                        SQLRequest<String>(
                            literal: "SELECT id FROM commitment WHERE id < \(base) ORDER BY id DESC LIMIT 1"))
                    // "." sorts after "-": past the base's own suffixed ids, to the next base.
                    let after = try String.fetchOne(
                        db,
                        SQLRequest<String>(
                            literal: "SELECT id FROM commitment WHERE id > \(base + ".") ORDER BY id LIMIT 1"))
                    result[id] = short(base, before: before, after: after) + suffix
                }
                return result
            }
        }
        let all = try read { db in
            try String.fetchAll(
                db, CommitmentRow.select(CommitmentRecord.Columns.id).order(CommitmentRecord.Columns.id))
        }
        var bases: [String] = []
        for id in all {
            let base = Self.splitSuffix(id).base
            if bases.last != base { bases.append(base) }
        }
        var shortBase: [String: String] = [:]
        for (index, base) in bases.enumerated() {
            shortBase[base] = short(
                base, before: index > 0 ? bases[index - 1] : nil,
                after: index + 1 < bases.count ? bases[index + 1] : nil)
        }
        var result: [String: String] = [:]
        for id in all {
            let (base, suffix) = Self.splitSuffix(id)
            result[id] = (shortBase[base] ?? base) + suffix
        }
        return result
    }

    /// Corrects fields of a commitment.
    ///
    /// Each field changed is an edit in the history (who, when, why, the value before); re-adding a revised page or
    /// re-analysing keeps the edit and says where the page now reads otherwise.
    /// - Parameters:
    ///   - id: the commitment's id or a unique prefix of it.
    ///   - values: the new value of each field; nil clears it. A due date is `yyyy-MM-dd`; an action one of
    ///     ``HansardAnalysis/CommitmentAction``'s values.
    ///   - reason: why, in the person's words.
    ///   - actor: who; `$HANSARD_USER` or the login name when nil.
    /// - Returns: the commitment's full id and the edits recorded.
    /// - Throws: ``RegisterError`` when no commitment (or several) has the id, a value cannot be taken, nothing
    ///   would change, or the register cannot be written.
    @discardableResult
    public func edit(
        _ id: String, _ values: [CommitmentField: String?], reason: String? = nil, actor: String? = nil
    ) throws(RegisterError) -> (commitmentId: String, edits: [CommitmentEditRecord]) {
        for (field, value) in values {
            try Self.validate(field, value)
        }
        let now = Timestamp.now()
        let who = actor ?? Timestamp.actor
        return try write { db in try Self.edit(db, id, values, reason: reason, actor: who, now: now) }
    }

    /// ``edit(_:_:reason:actor:)`` inside a write transaction of either backend.
    static func edit(
        _ db: some RegisterRows, _ id: String, _ values: [CommitmentField: String?], reason: String?, actor who: String,
        now: String
    ) throws -> (commitmentId: String, edits: [CommitmentEditRecord]) {
        do {
            let fullId = try Self.resolveCommitmentId(db, id)
            guard var record = try db.fetch(CommitmentRecord.self, key: fullId) else {
                throw RegisterError.unknownCommitment(id: id)
            }
            var machine = MachineValues(record.machineValues)
            var made: [CommitmentEditRecord] = []
            for field in CommitmentField.allCases {
                guard let entry = values[field] else { continue }
                let value = entry.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                let previous = field.value(in: record)
                if value == previous { continue }
                if machine.values[field.rawValue] == nil { machine.values[field.rawValue] = .some(previous) }
                let edit = CommitmentEditRecord(
                    id: ShortID.make(
                        "E", [fullId, field.rawValue, value ?? "", previous ?? "", now, who, reason ?? ""],
                        hexDigits: 16),
                    commitmentId: fullId, field: field, value: value, previous: previous,
                    machineValue: machine.values[field.rawValue] ?? nil, actor: who, reason: reason, recordedAt: now)
                try db.insert(edit, ignoringConflicts: false)
                field.set(value, in: &record)
                made.append(edit)
            }
            if made.isEmpty { throw RegisterError.nothingToChange(id: fullId) }
            record.machineValues = machine.encoded
            try db.update(record)
            return (fullId, made)
        }
    }

    /// Applies each field's latest edit to the commitment, keeping the machine's readings: after an import brings
    /// edits the register did not have.
    static func applyLatestEdits(_ db: some RegisterRows, commitmentId: String) throws {
        guard var record = try db.fetch(CommitmentRecord.self, key: commitmentId) else { return }
        var machine = MachineValues(record.machineValues)
        var latest: [CommitmentField: CommitmentEditRecord] = [:]
        let edits = try db.fetchAll(
            CommitmentEditRecord.self, where: .commitmentId, equals: commitmentId, orderBy: [.recordedAt, .id])
        for edit in edits { latest[edit.field] = edit }
        for (field, edit) in latest {
            if machine.values[field.rawValue] == nil { machine.values[field.rawValue] = .some(edit.machineValue) }
            field.set(edit.value, in: &record)
        }
        record.machineValues = machine.encoded
        try db.update(record)
    }

    static func validate(_ field: CommitmentField, _ value: String?) throws(RegisterError) {
        switch field {
        case .dueBy:
            if let value { _ = try CalendarDate.parse(value) }
        case .action:
            guard let value, CommitmentAction(rawValue: value) != nil else {
                throw .invalidEdit(
                    field: field.rawValue,
                    reason: "\(value ?? "nothing") is not an action; use one of "
                        + CommitmentAction.allCases.map(\.rawValue).joined(separator: ", "))
            }
        case .object:
            if value?.allSatisfy(\.isWhitespace) ?? true {
                throw .invalidEdit(field: field.rawValue, reason: "a commitment needs something it undertakes")
            }
        case .minister, .department, .timing:
            break
        }
    }

    /// Records that a commitment is not a commitment at all ("I make the statement now…"): its own status, out of every
    /// figure and list but `--all`, reversible with ``reopen(_:note:date:actor:)``.
    ///
    /// The event takes effect from the debate, so that lists as of any date leave it out.
    @discardableResult
    public func dismiss(_ id: String, reason: String, actor: String? = nil) throws(RegisterError) -> StatusEventRecord {
        let now = Timestamp.now()
        let who = actor ?? Timestamp.actor
        return try write { db in try Self.dismiss(db, id, reason: reason, actor: who, now: now) }
    }

    /// ``dismiss(_:reason:actor:)`` inside a write transaction of either backend.
    static func dismiss(_ db: some RegisterRows, _ id: String, reason: String, actor who: String, now: String) throws
        -> StatusEventRecord
    {
        let fullId = try Self.resolveCommitmentId(db, id)
        guard let commitment = try db.fetch(CommitmentRecord.self, key: fullId) else {
            throw RegisterError.unknownCommitment(id: id)
        }
        if commitment.status == .dismissed { throw RegisterError.alreadyInStatus(id: fullId, status: .dismissed) }
        let event = Self.event(
            commitment: fullId, status: .dismissed, date: commitment.debateDate ?? CalendarDate.day(of: now), now: now,
            actor: who, evidence: nil, reason: reason, linkId: nil)
        try db.insert(event, ignoringConflicts: false)
        try Self.refreshStatus(db, commitmentId: fullId)
        return event
    }

    /// The rule `register lapse --before-dissolution` records its events under.
    public static let dissolutionRule = "dissolution"

    /// One commitment a lapse closes, or an undo reopens.
    public struct Lapse: Sendable, Hashable {
        /// The commitment, as it stood before.
        public var commitment: CommitmentRecord
        /// The Parliament it was made in.
        public var parliament: String
        /// When that Parliament's last session ended.
        public var date: SittingDate
    }

    /// Closes, as lapsed, every outstanding commitment made in a Parliament that has been dissolved (a later
    /// Parliament has met by `asOf`): one status event each, effective when the Parliament's last session ended,
    /// with the rule named so that ``undoLapses(parliament:actor:dryRun:)`` can reopen them.
    /// - Parameters:
    ///   - parliament: only this Parliament's ("58th").
    ///   - asOf: the date the Parliaments' dissolutions are reckoned at; today when nil.
    ///   - actor: who; `$HANSARD_USER` or the login name when nil.
    ///   - dryRun: say what would lapse, and record nothing.
    /// - Returns: the commitments lapsed (or that would lapse), with their Parliament and the lapse's date.
    /// - Throws: ``RegisterError`` when `asOf` is not a date or the register cannot be read or written.
    public func lapseAtDissolution(
        parliament: String? = nil, asOf: String? = nil, actor: String? = nil, dryRun: Bool = false
    ) throws(RegisterError) -> [Lapse] {
        let date = try asOf.map { text throws(RegisterError) in try CalendarDate.parse(text) } ?? CalendarDate.today()
        let now = Timestamp.now()
        let who = actor ?? Timestamp.actor
        return dryRun
            ? try read { db in
                try Self.lapse(db, parliament: parliament, asOf: date, actor: who, now: now, dryRun: true)
            }
            : try write { db in
                try Self.lapse(db, parliament: parliament, asOf: date, actor: who, now: now, dryRun: false)
            }
    }

    /// ``lapseAtDissolution(parliament:asOf:actor:dryRun:)`` inside a transaction of either backend.
    static func lapse(
        _ db: some RegisterRows, parliament: String?, asOf date: SittingDate, actor who: String, now: String,
        dryRun: Bool
    ) throws -> [Lapse] {
        let outstanding = try db.fetchAll(
            CommitmentRecord.self, where: .status, equals: CommitmentStatus.outstanding.rawValue,
            orderBy: [.debateDate, .id])
        var lapses: [Lapse] = []
        for commitment in outstanding where commitment.parliament != nil {
            if let parliament, commitment.parliament != parliament { continue }
            guard let made = commitment.parliament,
                var ended = ParliamentarySessions.dissolution(of: made, asOf: date),
                ended >= (commitment.debateDate ?? .distantPast)
            else { continue }
            // A later event (a reopening) would outrank a lapse dated before it.
            let events = try db.fetchAll(
                StatusEventRecord.self, where: .commitmentId, equals: commitment.id, orderBy: [.effectiveDate])
            if let latest = events.last?.effectiveDate { ended = Swift.max(ended, latest) }
            lapses.append(Lapse(commitment: commitment, parliament: made, date: ended))
            if dryRun { continue }
            let event = Self.event(
                commitment: commitment.id, status: .lapsed, date: ended, now: now, actor: who,
                evidence: "The \(made) Parliament was dissolved: its last session ended on \(ended)"
                    + " (the sessions table that ships with hansard)",
                reason: "lapsed at the dissolution of Parliament (register lapse --before-dissolution)",
                linkId: nil, rule: Self.dissolutionRule)
            try db.insert(event, ignoringConflicts: false)
            try Self.refreshStatus(db, commitmentId: commitment.id)
        }
        return lapses
    }

    /// Reopens the commitments whose latest status is a lapse recorded by ``lapseAtDissolution(parliament:asOf:actor:dryRun:)``:
    /// an event effective on the lapse's own date, so that lists as of any date read as if it had not lapsed.
    public func undoLapses(parliament: String? = nil, actor: String? = nil, dryRun: Bool = false)
        throws(RegisterError) -> [Lapse]
    {
        let now = Timestamp.now()
        let who = actor ?? Timestamp.actor
        return dryRun
            ? try read { db in try Self.undoLapses(db, parliament: parliament, actor: who, now: now, dryRun: true) }
            : try write { db in try Self.undoLapses(db, parliament: parliament, actor: who, now: now, dryRun: false) }
    }

    /// ``undoLapses(parliament:actor:dryRun:)`` inside a transaction of either backend.
    static func undoLapses(_ db: some RegisterRows, parliament: String?, actor who: String, now: String, dryRun: Bool)
        throws -> [Lapse]
    {
        let lapsed = try db.fetchAll(
            CommitmentRecord.self, where: .status, equals: CommitmentStatus.lapsed.rawValue,
            orderBy: [.debateDate, .id])
        var undone: [Lapse] = []
        for commitment in lapsed {
            if let parliament, commitment.parliament != parliament { continue }
            guard
                let latest = try db.fetchAll(
                    StatusEventRecord.self, where: .commitmentId, equals: commitment.id,
                    orderBy: [.effectiveDate, .recordedAt, .id], descending: true
                ).first,
                latest.rule == Self.dissolutionRule
            else { continue }
            undone.append(
                Lapse(commitment: commitment, parliament: commitment.parliament ?? "", date: latest.effectiveDate))
            if dryRun { continue }
            let event = Self.event(
                commitment: commitment.id, status: .outstanding, date: latest.effectiveDate, now: now, actor: who,
                evidence: nil, reason: "lapse at dissolution undone (register lapse --undo)", linkId: nil,
                rule: Self.dissolutionRule + "-undone")
            try db.insert(event, ignoringConflicts: false)
            try Self.refreshStatus(db, commitmentId: commitment.id)
        }
        return undone
    }
}
