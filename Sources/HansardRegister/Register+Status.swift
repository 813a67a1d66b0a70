import GRDB

extension Register {
    /// Records that a commitment was fulfilled, partly fulfilled, withdrawn or lapsed.
    /// - Parameters:
    ///   - id: the commitment's id or a unique prefix of it.
    ///   - status: the new status; not `outstanding` (use ``reopen(_:note:)``).
    ///   - evidence: a URL or words showing it, e.g. the written statement that published the guidance.
    ///   - date: when it took effect, `yyyy-MM-dd`; today when nil.
    ///   - note: why, in the user's words.
    ///   - actor: who; `$HANSARD_USER` or the login name when nil.
    /// - Returns: the event recorded.
    /// - Throws: ``RegisterError`` when the date is not a date or falls before the commitment was made, no
    ///   commitment (or several) has the id, the commitment already has the status, or the register cannot be written.
    @discardableResult
    public func resolve(
        _ id: String, status: CommitmentStatus, evidence: String, date: String? = nil, note: String? = nil,
        actor: String? = nil
    ) throws(RegisterError) -> StatusEventRecord {
        let effective =
            try date.map { text throws(RegisterError) in try CalendarDate.validate(text) } ?? Timestamp.today()
        let now = Timestamp.now()
        let who = actor ?? Timestamp.actor
        return try write { db in
            let id = try Self.resolveCommitmentId(db, id)
            guard let commitment = try CommitmentRecord.fetchOne(db, key: id) else {
                throw RegisterError.unknownCommitment(id: id)
            }
            if commitment.status == status { throw RegisterError.alreadyInStatus(id: id, status: status) }
            try Self.requireNotBeforeCommitment(commitment, effective)
            let event = Self.event(
                commitment: id, status: status, date: effective, now: now, actor: who, evidence: evidence,
                reason: note, linkId: nil)
            try event.insert(db)
            if let note, !note.isEmpty { try Self.note(commitment: id, text: note, author: who, now: now).insert(db) }
            try Self.refreshStatus(db, commitmentId: id)
            return event
        }
    }

    /// Makes a resolved commitment outstanding again.
    @discardableResult
    public func reopen(_ id: String, note: String? = nil, date: String? = nil, actor: String? = nil)
        throws(RegisterError) -> StatusEventRecord
    {
        let given = try date.map { text throws(RegisterError) in try CalendarDate.validate(text) }
        let now = Timestamp.now()
        let who = actor ?? Timestamp.actor
        return try write { db in
            let id = try Self.resolveCommitmentId(db, id)
            guard let commitment = try CommitmentRecord.fetchOne(db, key: id) else {
                throw RegisterError.unknownCommitment(id: id)
            }
            if commitment.status == .outstanding { throw RegisterError.alreadyInStatus(id: id, status: .outstanding) }
            // Taking back a dismissal restores the commitment from the start, as the dismissal removed it.
            let effective =
                given ?? (commitment.status == .dismissed ? commitment.statusDate : nil) ?? String(now.prefix(10))
            try Self.requireNotBeforeCommitment(commitment, effective)
            let event = Self.event(
                commitment: id, status: .outstanding, date: effective, now: now, actor: who, evidence: nil,
                reason: note ?? "reopened", linkId: nil)
            try event.insert(db)
            try Self.refreshStatus(db, commitmentId: id)
            return event
        }
    }

    /// Confirms a follow-up link.
    ///
    /// When the link says the thing was done (or `status` is given), the commitment is resolved with the later speech
    /// as evidence.
    /// - Returns: the link as confirmed, and the status event when the commitment was resolved.
    @discardableResult
    public func confirm(_ linkId: String, status: CommitmentStatus? = nil, actor: String? = nil)
        throws(RegisterError) -> (link: FollowUpLinkRecord, event: StatusEventRecord?)
    {
        let now = Timestamp.now()
        let who = actor ?? Timestamp.actor
        return try write { db in
            let link = try Self.decide(db, linkId, .confirmed, at: now, by: who)
            let resolving = status ?? (link.suggestsFulfilment ? .fulfilled : nil)
            guard let resolving, resolving != .outstanding,
                let commitment = try CommitmentRecord.fetchOne(db, key: link.commitmentId),
                commitment.status != resolving
            else { return (link, nil) }
            let later = try DebateRecord.fetchOne(db, key: link.debateId)
            let citation = [later?.title, later?.date, later?.url].compactMap { $0 }.joined(separator: ", ")
            let event = Self.event(
                commitment: link.commitmentId, status: resolving, date: later?.date ?? String(now.prefix(10)),
                now: now, actor: who, evidence: "\(citation): \"\(link.quote)\"",
                reason: "confirmed follow-up \(link.id)", linkId: link.id)
            try event.insert(db)
            try Self.refreshStatus(db, commitmentId: link.commitmentId)
            return (link, event)
        }
    }

    /// Rejects a follow-up link: it stays recorded, and is not proposed again.
    @discardableResult
    public func reject(_ linkId: String, actor: String? = nil) throws(RegisterError) -> FollowUpLinkRecord {
        let now = Timestamp.now()
        let who = actor ?? Timestamp.actor
        return try write { db in
            try Self.decide(db, linkId, .rejected, at: now, by: who)
        }
    }

    /// Attaches a note to a commitment.
    @discardableResult
    public func addNote(_ id: String, text: String, actor: String? = nil) throws(RegisterError) -> NoteRecord {
        let now = Timestamp.now()
        let who = actor ?? Timestamp.actor
        return try write { db in
            let id = try Self.resolveCommitmentId(db, id)
            let note = Self.note(commitment: id, text: text, author: who, now: now)
            try note.insert(db)
            return note
        }
    }

    /// Refuses a status that would take effect before the commitment was made.
    static func requireNotBeforeCommitment(_ commitment: CommitmentRecord, _ date: String) throws {
        if let made = commitment.debateDate, date < made {
            throw RegisterError.dateBeforeCommitment(id: commitment.id, date: date, made: made)
        }
    }

    /// Records the decision on a candidate link; a link already decided is refused.
    private static func decide(
        _ db: Database, _ linkId: String, _ state: FollowUpState, at now: String, by who: String
    ) throws -> FollowUpLinkRecord {
        let linkId = try resolveLinkId(db, linkId)
        guard var link = try FollowUpLinkRecord.fetchOne(db, key: linkId) else {
            throw RegisterError.unknownLink(id: linkId)
        }
        guard link.state == .candidate else { throw RegisterError.linkAlreadyDecided(id: linkId, state: link.state) }
        link.state = state
        link.decidedAt = now
        link.decidedBy = who
        try link.update(db)
        return link
    }

    static func event(
        commitment: String, status: CommitmentStatus, date: String, now: String, actor: String, evidence: String?,
        reason: String?, linkId: String?, rule: String? = nil
    ) -> StatusEventRecord {
        StatusEventRecord(
            id: ShortID.make(
                "e", [commitment, status.rawValue, date, now, actor, evidence ?? "", reason ?? ""], hexDigits: 16),
            commitmentId: commitment, status: status, effectiveDate: date, recordedAt: now, actor: actor,
            evidence: evidence, reason: reason, linkId: linkId, rule: rule)
    }

    static func note(commitment: String, text: String, author: String, now: String) -> NoteRecord {
        NoteRecord(
            id: ShortID.make("n", [commitment, text, author, now], hexDigits: 16), commitmentId: commitment,
            text: text, author: author, recordedAt: now)
    }

    /// Sets the commitment's cached status from its latest event.
    static func refreshStatus(_ db: Database, commitmentId: String) throws {
        let latest = try StatusEventRecord.filter(Column("commitmentId") == commitmentId)
            .order(Column("effectiveDate").desc, Column("recordedAt").desc, Column("id").desc).fetchOne(db)
        let status = latest?.status ?? .outstanding
        let date = latest?.effectiveDate
        try db.execute(
            literal: "UPDATE commitment SET status = \(status.rawValue), statusDate = \(date) WHERE id = \(commitmentId)")
    }
}
