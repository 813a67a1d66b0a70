import HansardIngestion

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
            try date.map { text throws(RegisterError) in try CalendarDate.parse(text) } ?? CalendarDate.today()
        let now = Timestamp.now()
        let who = actor ?? Timestamp.actor
        return try write { db in
            try Self.resolve(
                db, id, status: status, evidence: evidence, date: effective, note: note, actor: who, now: now)
        }
    }

    /// ``resolve(_:status:evidence:date:note:actor:)`` inside a write transaction of either backend.
    static func resolve(
        _ db: some RegisterRows, _ id: String, status: CommitmentStatus, evidence: String, date effective: SittingDate,
        note: String?, actor who: String, now: String
    ) throws -> StatusEventRecord {
        let id = try Self.resolveCommitmentId(db, id)
        guard let commitment = try db.fetch(CommitmentRecord.self, key: id) else {
            throw RegisterError.unknownCommitment(id: id)
        }
        if commitment.status == status { throw RegisterError.alreadyInStatus(id: id, status: status) }
        try Self.requireNotBeforeCommitment(commitment, effective)
        let event = Self.event(
            commitment: id, status: status, date: effective, now: now, actor: who, evidence: evidence,
            reason: note, linkId: nil)
        try db.insert(event, ignoringConflicts: false)
        if let note, !note.isEmpty {
            try db.insert(Self.note(commitment: id, text: note, author: who, now: now), ignoringConflicts: false)
        }
        try Self.refreshStatus(db, commitmentId: id)
        return event
    }

    /// Makes a resolved commitment outstanding again.
    @discardableResult
    public func reopen(_ id: String, note: String? = nil, date: String? = nil, actor: String? = nil)
        throws(RegisterError) -> StatusEventRecord
    {
        let given = try date.map { text throws(RegisterError) in try CalendarDate.parse(text) }
        let now = Timestamp.now()
        let who = actor ?? Timestamp.actor
        return try write { db in try Self.reopen(db, id, note: note, date: given, actor: who, now: now) }
    }

    /// ``reopen(_:note:date:actor:)`` inside a write transaction of either backend.
    static func reopen(
        _ db: some RegisterRows, _ id: String, note: String?, date given: SittingDate?, actor who: String, now: String
    ) throws -> StatusEventRecord {
        let id = try Self.resolveCommitmentId(db, id)
        guard let commitment = try db.fetch(CommitmentRecord.self, key: id) else {
            throw RegisterError.unknownCommitment(id: id)
        }
        if commitment.status == .outstanding { throw RegisterError.alreadyInStatus(id: id, status: .outstanding) }
        // Taking back a dismissal restores the commitment from the start, as the dismissal removed it.
        let effective =
            given ?? (commitment.status == .dismissed ? commitment.statusDate : nil) ?? CalendarDate.day(of: now)
        try Self.requireNotBeforeCommitment(commitment, effective)
        let event = Self.event(
            commitment: id, status: .outstanding, date: effective, now: now, actor: who, evidence: nil,
            reason: note ?? "reopened", linkId: nil)
        try db.insert(event, ignoringConflicts: false)
        try Self.refreshStatus(db, commitmentId: id)
        return event
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
        return try write { db in try Self.confirm(db, linkId, status: status, actor: who, now: now) }
    }

    /// ``confirm(_:status:actor:)`` inside a write transaction of either backend.
    static func confirm(
        _ db: some RegisterRows, _ linkId: String, status: CommitmentStatus?, actor who: String, now: String
    )
        throws -> (link: FollowUpLinkRecord, event: StatusEventRecord?)
    {
        let link = try Self.decide(db, linkId, .confirmed, at: now, by: who)
        let resolving = status ?? (link.suggestsFulfilment ? .fulfilled : nil)
        guard let resolving, resolving != .outstanding,
            let commitment = try db.fetch(CommitmentRecord.self, key: link.commitmentId),
            commitment.status != resolving
        else { return (link, nil) }
        let later = try db.fetch(DebateRecord.self, key: link.debateId)
        let citation = [later?.title, later?.date?.description, later?.url].compactMap { $0 }.joined(separator: ", ")
        let event = Self.event(
            commitment: link.commitmentId, status: resolving, date: later?.date ?? CalendarDate.day(of: now),
            now: now, actor: who, evidence: "\(citation): \"\(link.quote)\"",
            reason: "confirmed follow-up \(link.id)", linkId: link.id)
        try db.insert(event, ignoringConflicts: false)
        try Self.refreshStatus(db, commitmentId: link.commitmentId)
        return (link, event)
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
        return try write { db in try Self.addNote(db, id, text: text, actor: who, now: now) }
    }

    /// ``addNote(_:text:actor:)`` inside a write transaction of either backend.
    static func addNote(_ db: some RegisterRows, _ id: String, text: String, actor who: String, now: String) throws
        -> NoteRecord
    {
        let id = try Self.resolveCommitmentId(db, id)
        let note = Self.note(commitment: id, text: text, author: who, now: now)
        try db.insert(note, ignoringConflicts: false)
        return note
    }

    /// Refuses a status that would take effect before the commitment was made.
    static func requireNotBeforeCommitment(_ commitment: CommitmentRecord, _ date: SittingDate) throws {
        if let made = commitment.debateDate, date < made {
            throw RegisterError.dateBeforeCommitment(id: commitment.id, date: date, made: made)
        }
    }

    /// Records the decision on a candidate link; a link already decided is refused.
    static func decide(
        _ db: some RegisterRows, _ linkId: String, _ state: FollowUpState, at now: String, by who: String
    ) throws -> FollowUpLinkRecord {
        let linkId = try resolveLinkId(db, linkId)
        guard var link = try db.fetch(FollowUpLinkRecord.self, key: linkId) else {
            throw RegisterError.unknownLink(id: linkId)
        }
        guard link.state == .candidate else { throw RegisterError.linkAlreadyDecided(id: linkId, state: link.state) }
        link.state = state
        link.decidedAt = now
        link.decidedBy = who
        try db.update(link)
        return link
    }

    static func event(
        commitment: String, status: CommitmentStatus, date: SittingDate, now: String, actor: String, evidence: String?,
        reason: String?, linkId: String?, rule: String? = nil
    ) -> StatusEventRecord {
        StatusEventRecord(
            id: ShortID.make(
                "e", [commitment, status.rawValue, date.description, now, actor, evidence ?? "", reason ?? ""],
                hexDigits: 16),
            commitmentId: commitment, status: status, effectiveDate: date, recordedAt: now, actor: actor,
            evidence: evidence, reason: reason, linkId: linkId, rule: rule)
    }

    static func note(commitment: String, text: String, author: String, now: String) -> NoteRecord {
        NoteRecord(
            id: ShortID.make("n", [commitment, text, author, now], hexDigits: 16), commitmentId: commitment,
            text: text, author: author, recordedAt: now)
    }

    /// Sets the commitment's cached status from its latest event.
    static func refreshStatus(_ db: some RegisterRows, commitmentId: String) throws {
        let latest = try db.fetchAll(
            StatusEventRecord.self, where: .commitmentId, equals: commitmentId,
            orderBy: [.effectiveDate, .recordedAt, .id], descending: true
        ).first
        try db.setStatus(
            commitmentId: commitmentId, status: latest?.status ?? .outstanding, date: latest?.effectiveDate)
    }
}
