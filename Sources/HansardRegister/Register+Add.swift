import Foundation
public import HansardAnalysis
public import HansardIngestion

extension Register {
    /// Stores a debate's analysis in one transaction.
    ///
    /// The same page again changes nothing. A new version of a debate the register has (same identity or
    /// URL, other bytes) keeps commitment ids, records rewordings, and marks commitments the new text lacks
    /// instead of deleting them. Speeches in the debate are linked to earlier open commitments they follow up,
    /// and the debate's commitments to later speeches already stored.
    /// - Parameters:
    ///   - analysis: what the analyser found in the debate.
    ///   - debate: the debate itself, for its speeches.
    /// - Returns: whether the debate was added, unchanged or revised, with its id and what changed.
    /// - Throws: ``RegisterError`` when the register cannot be written; nothing of the debate is stored then.
    public func add(_ analysis: Analysis, of debate: Debate) throws(RegisterError) -> AddOutcome {
        try add(analysis, of: debate, reanalysing: false)
    }

    /// Stores a debate's analysis in one transaction, as ``add(_:of:)`` does.
    /// - Parameters:
    ///   - analysis: what the analyser found in the debate.
    ///   - debate: the debate itself, for its speeches.
    ///   - reanalysing: when the register already has this exact page, take the new analysis instead of
    ///     changing nothing (the analysis rules changed): ids, people's edits, dismissals and statuses are kept, as
    ///     for a revised page, and the debate's revision stays the same.
    /// - Returns: whether the debate was added, unchanged, revised or re-analysed, with its id and what changed.
    /// - Throws: ``RegisterError`` when the register cannot be written; nothing of the debate is stored then.
    public func add(_ analysis: Analysis, of debate: Debate, reanalysing: Bool) throws(RegisterError) -> AddOutcome {
        try add(analysis, of: debate, reanalysing: reanalysing, now: Timestamp.now())
    }

    /// As ``add(_:of:reanalysing:)``, with `now` as the time recorded (tests give two registers the same one).
    func add(_ analysis: Analysis, of debate: Debate, reanalysing: Bool, now: String) throws(RegisterError)
        -> AddOutcome
    {
        try write { db in try Self.add(db, analysis, of: debate, reanalysing: reanalysing, now: now) }
    }

    /// Stores a debate's analysis inside the caller's write transaction, on either backend: what rows the analysis
    /// becomes is decided here once, and ``RegisterRows`` writes them.
    static func add(
        _ db: some RegisterRows, _ analysis: Analysis, of debate: Debate, reanalysing: Bool, now: String
    ) throws -> AddOutcome {
        let summary = analysis.debate
        let known = try db.fetch(DebateVersionRecord.self, key: summary.sha256)
        if let known, !reanalysing { return .unchanged(debateId: known.debateId) }
        // Two debates may share a URL: the first stored is the one a new page of it revises.
        let existing =
            try known.flatMap { try db.fetch(DebateRecord.self, key: $0.debateId) }
            ?? db.fetchAll(DebateRecord.self, where: .identity, equals: summary.identity, orderBy: [.id]).first
            ?? (summary.url.map { url in
                try db.fetchAll(DebateRecord.self, where: .url, equals: url, orderBy: [.addedAt, .id]).first
            } ?? nil)
        let government = Set(analysis.governmentTurns)
        var speakers: [Int: GovernmentSpeaker] = [:]
        for speaker in analysis.governmentSpeakers {
            for turn in speaker.turns { speakers[turn] = speaker }
        }
        let speeches = debate.turns.filter { FollowUpFinder.isLinkable($0, government: government) }.map { turn in
            SpeechRecord(
                debateId: existing?.id ?? Self.debateId(for: summary.identity), turn: turn.index,
                speakerName: speakers[turn.index].map { $0.name } ?? turn.speaker?.name,
                department: speakers[turn.index]?.department, text: turn.text)
        }
        if var record = existing {
            let sameVersion = known != nil
            // An older version of the page, analysed again, would undo what its revisions changed.
            if sameVersion && record.sha256 != summary.sha256 { return .unchanged(debateId: record.id) }
            if !sameVersion { record.revision += 1 }
            record.title = summary.title
            record.house = summary.house ?? record.house
            record.date = summary.date ?? record.date
            record.url = summary.url ?? record.url
            record.type = summary.type ?? record.type
            record.volume = debate.metadata.volume ?? record.volume
            record.format = debate.source.format.rawValue
            record.governmentTurns = DebateRecord.governmentTurns(analysis.governmentTurns)
            record.sha256 = summary.sha256
            record.sourcePath = summary.sourcePath
            record.bytes = debate.source.bytes
            record.updatedAt = now
            try db.update(record)
            if !sameVersion {
                try db.insert(
                    DebateVersionRecord(
                        sha256: summary.sha256, debateId: record.id, revision: record.revision,
                        sourcePath: summary.sourcePath, addedAt: now), ignoringConflicts: false)
            }
            let changes = try Self.reconcile(
                db, analysis: analysis, page: debate, debate: record, now: now,
                pass: sameVersion ? "re-analysis \(now)" : nil)
            try Self.storeRequests(db, analysis: analysis, debateId: record.id, replacing: true)
            try Self.storeEvasionsAndMentions(db, analysis: analysis, debateId: record.id, replacing: true)
            try db.delete(SpeechRecord.self, where: .debateId, equals: record.id)
            for speech in speeches { try db.insert(speech, ignoringConflicts: false) }
            try Self.inferDepartments(db, debateId: record.id, date: record.date)
            let links = try Self.link(db, debate: record, speeches: speeches)
            if sameVersion { return .reanalysed(debateId: record.id, changes: changes, links: links) }
            return .revised(debateId: record.id, revision: record.revision, changes: changes, links: links)
        }
        let record = DebateRecord(
            id: Self.debateId(for: summary.identity), identity: summary.identity, title: summary.title,
            house: summary.house, date: summary.date, url: summary.url, type: summary.type,
            sha256: summary.sha256, sourcePath: summary.sourcePath, revision: 1, addedAt: now, updatedAt: now,
            volume: debate.metadata.volume, format: debate.source.format.rawValue, bytes: debate.source.bytes,
            governmentTurns: DebateRecord.governmentTurns(analysis.governmentTurns))
        try db.insert(record, ignoringConflicts: false)
        try db.insert(
            DebateVersionRecord(
                sha256: summary.sha256, debateId: record.id, revision: 1, sourcePath: summary.sourcePath, addedAt: now),
            ignoringConflicts: false)
        var seen = Set<String>()
        var count = 0
        for commitment in analysis.commitments where seen.insert(commitment.id).inserted {
            // An id already in the register (another debate with the same identity hash) is kept as it is.
            if try db.exists(CommitmentRecord.self, key: commitment.id) { continue }
            try db.insert(
                Self.record(commitment, page: debate, debate: record, revision: 1, aliases: Self.aliases(in: analysis)),
                ignoringConflicts: false)
            count += 1
        }
        try Self.storeRequests(db, analysis: analysis, debateId: record.id, replacing: false)
        try Self.storeEvasionsAndMentions(db, analysis: analysis, debateId: record.id, replacing: false)
        for speech in speeches { try db.insert(speech, ignoringConflicts: false) }
        try Self.inferDepartments(db, debateId: record.id, date: record.date)
        let links = try Self.link(db, debate: record, speeches: speeches)
        return .added(debateId: record.id, commitments: count, links: links)
    }

    static func debateId(for identity: String) -> String { ShortID.make("d", [identity]) }

    /// How far apart two sittings may be for a member's department on one to stand for the other.
    static let departmentWindowDays = 31

    /// Marks an inferred department, so that it is never the ground for another inference.
    static let inferredPrefix = "not named on this page; "

    /// A page that does not name a minister's department (a Lords day in ParlParse prints no office lines) takes the
    /// department the same member answered for on another page within ``departmentWindowDays`` days, when that is one
    /// department, saying so in `departmentSource`.
    ///
    /// Run for each debate added, both ways, so the order pages are added in does not matter. Only member ids and
    /// peerage titles are used: a surname alone is not enough.
    static func inferDepartments(_ db: some RegisterRows, debateId: String, date: SittingDate?) throws {
        // Without a date this debate's commitments have none to compare, and it gives none to others.
        guard let date else { return }
        let window = departmentWindowDays
        // This debate's commitments, and the other debates' within the window that share a person with it and lack
        // a department: only those can take one from this debate. Bounded by date, so that the cost of adding a
        // debate does not grow with the register. The department is compared through `|| ''` so that SQLite does
        // not walk the department index's NULL range (every undepartmented commitment ever stored) instead of the
        // (person, debateDate) ranges: it has no statistics to choose by.
        let own = try db.fetchTexts(
            sql: """
                SELECT c."id", c."person", c."house", c."debateDate" FROM "commitment" c
                WHERE c."debateId" = ? AND c."department" IS NULL AND c."debateDate" IS NOT NULL
                  AND (substr(c."person", 1, 3) = 'id:' OR substr(c."person", 1, 5) = 'peer:')
                """, arguments: [debateId])
        let others = try db.fetchTexts(
            sql: """
                SELECT c."id", c."person", c."house", c."debateDate" FROM "commitment" c
                WHERE c."debateDate" >= ? AND c."debateDate" <= ? AND c."debateId" != ?
                  AND (c."department" || '') IS NULL
                  AND (substr(c."person", 1, 3) = 'id:' OR substr(c."person", 1, 5) = 'peer:')
                  AND c."person" IN (SELECT "person" FROM "commitment"
                                     WHERE "debateId" = ? AND "department" IS NOT NULL)
                """,
            arguments: [
                date.adding(days: -window).description, date.adding(days: window).description, debateId, debateId,
            ])
        let open = own + others
        let dates = open.compactMap { $0[3].flatMap(SittingDate.init) }
        guard let first = dates.min(), let last = dates.max() else { return }
        // The member's commitments with a department named on their own page within the window of any of those,
        // read once per member. What this loop sets is marked inferred, so it never joins them.
        var named: [String: [[String?]]] = [:]
        for row in open {
            guard let id = row[0], let person = row[1], let date = row[3].flatMap(SittingDate.init) else { continue }
            let house = row[2]
            if named[person] == nil {
                named[person] = try db.fetchTexts(
                    sql: """
                        SELECT c."id", c."department", c."debateDate", c."house", c."departmentSource", d."title"
                        FROM "commitment" c JOIN "debate" d ON d."id" = c."debateId"
                        WHERE c."person" = ? AND c."department" IS NOT NULL
                          AND c."debateDate" >= ? AND c."debateDate" <= ?
                        """,
                    arguments: [
                        person, first.adding(days: -window).description, last.adding(days: window).description,
                    ]
                ).filter { !isInferred($0[4]) }
            }
            // Within the window, nearest first, then the earlier date, then the id.
            let known = (named[person] ?? []).compactMap {
                other -> (distance: Int, date: SittingDate, id: String, [String?])? in
                guard other[3] == house, let otherDate = other[2].flatMap(SittingDate.init), let otherId = other[0]
                else { return nil }
                let days = CalendarDate.days(from: date, to: otherDate)
                guard abs(days) <= departmentWindowDays else { return nil }
                return (abs(days), otherDate, otherId, other)
            }.sorted { ($0.distance, $0.date, $0.id) < ($1.distance, $1.date, $1.id) }
            guard let nearest = known.first?.3, let department = nearest[1],
                Set(known.map { $0.3[1] }).count == 1
            else { continue }
            let source =
                inferredPrefix + "the same member spoke for it on \(nearest[2] ?? "") (\(nearest[5] ?? ""))"
            guard var commitment = try db.fetch(CommitmentRecord.self, key: id) else { continue }
            commitment.department = department
            commitment.departmentSource = source
            try db.update(commitment)
        }
    }

    /// Whether a department source says the department was inferred: it starts with ``inferredPrefix``, in any case
    /// of its ASCII letters (as SQLite's LIKE compared them when this was a query).
    static func isInferred(_ source: String?) -> Bool {
        guard let source else { return false }
        let head = source.utf8.prefix(inferredPrefix.utf8.count)
        return head.count == inferredPrefix.utf8.count
            && zip(head, inferredPrefix.utf8).allSatisfy { a, b in
                (0x41...0x5A).contains(a) ? a + 0x20 == b : a == b
            }
    }

    /// Each Government speaker's labels on the page, by person key.
    static func aliases(in analysis: Analysis) -> [String: [String]] {
        Dictionary(analysis.governmentSpeakers.map { ($0.person, $0.aliases) }, uniquingKeysWith: { first, _ in first })
    }

    /// The register's record of a commitment the analysis found in `page`, as the machine reads it.
    static func record(
        _ commitment: Commitment, page: Debate, debate: DebateRecord, revision: Int, aliases: [String: [String]]
    ) -> CommitmentRecord {
        let aliases = commitment.speaker.person.flatMap { aliases[$0] } ?? []
        let turn = page.turns.first { $0.index == commitment.turn }
        let date = debate.date
        return CommitmentRecord(
            id: commitment.id, analysisId: commitment.id, debateId: debate.id, debateDate: date,
            house: debate.house, turn: commitment.turn, speakerName: commitment.speaker.name,
            speakerRole: commitment.speaker.role, office: commitment.speaker.office,
            department: commitment.speaker.department, quote: commitment.quote,
            action: commitment.action, object: commitment.object, subject: commitment.subject,
            timingPhrase: commitment.timing?.phrase, timingClass: commitment.timing?.timingClass ?? .none,
            dueBy: commitment.timing?.dueBy, strength: commitment.strength, source: commitment.source,
            requestId: commitment.request, status: .outstanding, statusDate: nil, firstRevision: revision,
            missingSinceRevision: nil, person: commitment.speaker.person,
            speakerAliases: aliases.isEmpty ? commitment.speaker.name : aliases.joined(separator: "\n"),
            departmentSource: commitment.speaker.departmentSource,
            speakerEvidence: commitment.speaker.evidence.isEmpty
                ? nil : commitment.speaker.evidence.joined(separator: "\n"),
            heading: turn.flatMap { CitationFacts.heading(of: $0, in: page) },
            debateTitle: CitationFacts.title(of: turn, in: page), startColumn: turn?.column,
            contributionId: turn?.contributionId, government: date.flatMap { Administrations.containing($0)?.id },
            parliament: date.flatMap { ParliamentarySessions.parliament(on: $0) }, kind: commitment.kind.rawValue,
            analysisEvidence: commitment.evidence.isEmpty ? nil : commitment.evidence)
    }

    private static func storeRequests(
        _ db: some RegisterRows, analysis: Analysis, debateId: String, replacing: Bool
    ) throws {
        if replacing { try db.delete(RequestRecord.self, where: .debateId, equals: debateId) }
        for request in analysis.requests {
            try db.upsert(
                RequestRecord(
                    id: request.id, debateId: debateId, turn: request.turn, speakerName: request.speaker.name,
                    quote: request.quote, action: request.action, outcome: request.outcome,
                    answerQuote: request.answer?.quote, commitmentId: request.commitment, form: request.form.rawValue,
                    asked: request.asked))
        }
    }

    /// Keeps the page's evasions and same-debate mentions, so that a report marks them without analysing again.
    private static func storeEvasionsAndMentions(
        _ db: some RegisterRows, analysis: Analysis, debateId: String, replacing: Bool
    ) throws {
        if replacing {
            try db.delete(EvasionRecord.self, where: .debateId, equals: debateId)
            try db.delete(MentionRecord.self, where: .debateId, equals: debateId)
        }
        let questionTurns = Dictionary(analysis.questions.map { ($0.id, $0.turn) }, uniquingKeysWith: { a, _ in a })
        for evasion in analysis.evasions {
            try db.insert(
                EvasionRecord(
                    id: ShortID.make("v", [debateId, String(evasion.turn), evasion.quote], hexDigits: 16),
                    debateId: debateId, turn: evasion.turn, quote: evasion.quote,
                    questionTurn: evasion.question.flatMap { questionTurns[$0] }, label: evasion.label.rawValue,
                    reason: evasion.reason.isEmpty ? nil : evasion.reason), ignoringConflicts: true)
        }
        for mention in analysis.followUps {
            try db.insert(
                MentionRecord(
                    id: ShortID.make(
                        "m", [debateId, String(mention.turn), mention.refersTo, mention.quote], hexDigits: 16),
                    debateId: debateId, turn: mention.turn, quote: mention.quote, subject: mention.subject,
                    refersTo: mention.refersTo), ignoringConflicts: true)
        }
    }

    /// Matches a revised (or re-analysed) page's commitments to the ones the register has for the debate.
    ///
    /// People's edits are applied again over what the machine now reads, and where the machine's reading of an
    /// edited field has changed, the change says whether it now agrees with the edit or still disagrees.
    /// - Parameters:
    ///   - db: the open transaction.
    ///   - analysis: the new analysis of the page.
    ///   - page: the page itself.
    ///   - debate: the register's row for the debate.
    ///   - now: the time stamp recorded on every change.
    ///   - pass: for a re-analysis of the same page, a label that keeps its changes apart from the
    ///     revision's own.
    /// - Returns: how many commitments were added, reworded, missing, restored or otherwise changed, and the edits
    ///   kept.
    /// - Throws: the database's error; the transaction is then rolled back.
    private static func reconcile(
        _ db: some RegisterRows, analysis: Analysis, page: Debate, debate: DebateRecord, now: String, pass: String?
    ) throws -> RevisionSummary {
        var summary = RevisionSummary()
        // In turn order, so that rewordings that score alike are settled alike on either backend and after an import.
        var remaining = try db.fetchAll(
            CommitmentRecord.self, where: .debateId, equals: debate.id, orderBy: [.turn, .id])
        let edits = try latestEdits(db, commitmentIds: remaining.map(\.id))
        var unmatched: [Commitment] = []
        var matched: [(CommitmentRecord, Commitment)] = []
        var seen = Set<String>()
        for commitment in analysis.commitments where seen.insert(commitment.id).inserted {
            if let index = remaining.firstIndex(where: { $0.analysisId == commitment.id }) {
                matched.append((remaining.remove(at: index), commitment))
            } else {
                unmatched.append(commitment)
            }
        }
        // Rewordings: the same speaker and action as the machine read them, most words in common; or, in the same
        // turn, one quote holding the other (new rules that cut a lead-in, say).
        for commitment in unmatched {
            let scored = remaining.enumerated().compactMap { index, old -> (Int, Double)? in
                let machine = machineRecord(old)
                if old.turn == commitment.turn,
                    machine.quote.contains(commitment.quote) || commitment.quote.contains(machine.quote)
                {
                    return (index, 1.5)
                }
                guard machine.speakerName == commitment.speaker.name, machine.action == commitment.action else {
                    return nil
                }
                let similarity = wordSimilarity(old.quote, commitment.quote)
                return similarity >= 0.5 ? (index, similarity) : nil
            }
            if let (index, _) = scored.max(by: { $0.1 < $1.1 }) {
                let old = remaining.remove(at: index)
                matched.append((old, commitment))
            } else {
                if try db.exists(CommitmentRecord.self, key: commitment.id) { continue }
                try db.insert(
                    record(
                        commitment, page: page, debate: debate, revision: debate.revision,
                        aliases: aliases(in: analysis)), ignoringConflicts: false)
                summary.added += 1
            }
        }
        func change(
            _ id: String, _ kind: CommitmentChangeKind, _ old: String?, _ new: String?, field: String? = nil
        ) throws {
            var parts = [id, String(debate.revision), kind.rawValue]
            if let field { parts.append(field) }
            if let pass { parts.append(pass) }
            try db.insert(
                CommitmentChangeRecord(
                    id: ShortID.make("x", parts, hexDigits: 16), commitmentId: id, revision: debate.revision,
                    kind: kind, oldValue: old, newValue: new, recordedAt: now, field: field), ignoringConflicts: true)
        }
        for (old, commitment) in matched {
            let before = machineRecord(old)
            var updated = record(
                commitment, page: page, debate: debate, revision: old.firstRevision, aliases: aliases(in: analysis))
            updated.id = old.id
            updated.status = old.status
            updated.statusDate = old.statusDate
            updated.missingSinceRevision = nil
            if updated.department == nil, old.departmentSource?.hasPrefix(Self.inferredPrefix) == true {
                // Still not named on the revised page: the department found from another page stands.
                updated.department = old.department
                updated.departmentSource = old.departmentSource
            }
            var otherwise = false
            if before.quote != updated.quote {
                try change(old.id, .reworded, before.quote, updated.quote)
                summary.reworded += 1
            }
            if before.dueBy != updated.dueBy || before.timingPhrase != updated.timingPhrase {
                try change(
                    old.id, .timing,
                    [before.timingPhrase, before.dueBy?.description].compactMap { $0 }.joined(separator: " → "),
                    [updated.timingPhrase, updated.dueBy?.description].compactMap { $0 }.joined(separator: " → "))
                otherwise = true
            }
            if before.speakerName != updated.speakerName || before.department != updated.department {
                try change(
                    old.id, .reassigned,
                    [before.speakerName, before.department].compactMap { $0 }.joined(separator: ", "),
                    [updated.speakerName, updated.department].compactMap { $0 }.joined(separator: ", "))
                otherwise = true
            }
            if old.missingSinceRevision != nil {
                try change(old.id, .restored, nil, nil)
                summary.restored += 1
            }
            if otherwise { summary.otherwiseChanged += 1 }
            // A person's edits win over the new reading; the machine's side is kept to compare with next time.
            if let own = edits[old.id], !own.isEmpty {
                var machine = MachineValues(old.machineValues)
                for (field, edit) in own.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    let reading = field.value(in: updated)
                    let earlier = machine.values[field.rawValue] ?? edit.machineValue
                    machine.values[field.rawValue] = .some(reading)
                    field.set(edit.value, in: &updated)
                    summary.editsKept += 1
                    guard reading != earlier else { continue }
                    if reading == edit.value {
                        try change(old.id, .agrees, edit.value, reading, field: field.rawValue)
                    } else {
                        try change(old.id, .disagrees, edit.value, reading, field: field.rawValue)
                        summary.disagreements += 1
                    }
                }
                updated.machineValues = machine.encoded
            }
            if updated != old { try db.update(updated) }
        }
        for var old in remaining where old.missingSinceRevision == nil {
            old.missingSinceRevision = debate.revision
            try db.update(old)
            try change(old.id, .missing, old.quote, nil)
            summary.missing += 1
        }
        return summary
    }

    /// The commitment as the machine read it: people's edits taken back out, from ``CommitmentRecord/machineValues``.
    static func machineRecord(_ record: CommitmentRecord) -> CommitmentRecord {
        let machine = MachineValues(record.machineValues)
        guard !machine.values.isEmpty else { return record }
        var copy = record
        for field in CommitmentField.allCases {
            if let stored = machine.values[field.rawValue] { field.set(stored, in: &copy) }
        }
        return copy
    }

    /// The latest edit of each field of each commitment.
    static func latestEdits(
        _ db: some RegisterRows, commitmentIds: [String]
    ) throws -> [String: [CommitmentField: CommitmentEditRecord]] {
        var result: [String: [CommitmentField: CommitmentEditRecord]] = [:]
        for chunk in commitmentIds.chunked(400) {
            let edits = try db.fetchAll(
                CommitmentEditRecord.self,
                sql: """
                    SELECT * FROM "commitmentEdit" WHERE "commitmentId" IN (\(marks(chunk.count)))
                    ORDER BY "recordedAt", "id"
                    """, arguments: Array(chunk))
            for edit in edits { result[edit.commitmentId, default: [:]][edit.field] = edit }
        }
        return result
    }

    /// Share of distinct words the two quotes have in common (Jaccard).
    static func wordSimilarity(_ a: String, _ b: String) -> Double {
        func words(_ text: String) -> Set<Substring> {
            Set(text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }))
        }
        let left = words(a)
        let right = words(b)
        let union = left.union(right).count
        return union == 0 ? 0 : Double(left.intersection(right).count) / Double(union)
    }

    /// Proposes links both ways: this debate's speeches to earlier commitments, and this debate's commitments
    /// to speeches stored from later debates (so that the order debates are added in does not matter).
    private static func link(_ db: some RegisterRows, debate: DebateRecord, speeches: [SpeechRecord]) throws -> Int {
        var candidates: [FollowUpCandidate] = []
        if !speeches.isEmpty {
            let pool = try candidateCommitments(db, speeches: speeches, before: debate.date, excluding: debate.id)
            candidates += FollowUpFinder.candidates(
                speeches: speeches, debateDate: debate.date, house: debate.house, commitments: pool)
        }
        let own = try db.fetchTexts(
            sql: #"""
                SELECT \#(LinkTarget.selection) FROM "commitment" WHERE "debateId" = ? AND "status" = 'outstanding'
                ORDER BY "id"
                """#,
            arguments: [debate.id]
        ).map(LinkTarget.init(texts:))
        if !own.isEmpty, let date = debate.date {
            // Later speeches within a year and a half: follow-ups come within a session or two.
            let horizon = date.adding(days: FollowUpFinder.horizonDays)
            let later = try db.fetchAll(
                SpeechRecord.self,
                sql: """
                    SELECT "speech".* FROM "speech" JOIN "debate" ON "debate"."id" = "speech"."debateId"
                    WHERE "debate"."date" >= ? AND "debate"."date" <= ? AND "speech"."debateId" != ?
                    ORDER BY "speech"."debateId", "speech"."turn"
                    """, arguments: [date.description, horizon.description, debate.id])
            for (debateId, group) in Dictionary(grouping: later, by: \.debateId) {
                let other = try db.fetch(DebateRecord.self, key: debateId)
                candidates += FollowUpFinder.candidates(
                    speeches: group, debateDate: other?.date, house: other?.house, commitments: own)
            }
        }
        var stored = Set<String>()
        var linked = Set<FollowUpFinder.SpeechKey>()
        for candidate in candidates {
            let record = candidate.record()
            guard try db.insert(record, ignoringConflicts: true) else { continue }
            stored.insert(record.id)
            linked.insert(FollowUpFinder.SpeechKey(debateId: candidate.speech.debateId, turn: candidate.speech.turn))
        }
        // Each pass keeps a speech's best few (`FollowUpFinder.linksPerSpeech`), but a speech from an earlier add
        // may now hold more (debates added before the ones they follow up); its candidates beyond the best are
        // dropped, never a link someone decided. Read by debate: a filter on the state let SQLite walk the (state,
        // score) index over every candidate in the register.
        for debateId in Set(linked.map(\.debateId)).sorted() {
            let rows = try db.fetchTexts(
                sql: """
                    SELECT "id", CAST("turn" AS TEXT), "state" FROM "followUpLink" WHERE "debateId" = ?
                    ORDER BY "turn", "score" DESC, "commitmentId"
                    """, arguments: [debateId])
            var kept: [String: Int] = [:]
            for row in rows where row.count == 3 && row[2] == FollowUpState.candidate.rawValue {
                guard let id = row[0], let turn = row[1],
                    linked.contains(FollowUpFinder.SpeechKey(debateId: debateId, turn: Int(turn) ?? -1))
                else { continue }
                kept[turn, default: 0] += 1
                if kept[turn]! > FollowUpFinder.linksPerSpeech {
                    try db.delete(FollowUpLinkRecord.self, where: .id, equals: id)
                    stored.remove(id)
                }
            }
        }
        return stored.count
    }

    /// `?, ?, …`: the places of `count` arguments.
    static func marks(_ count: Int) -> String { repeatElement("?", count: count).joined(separator: ",") }

    /// Open commitments of other debates the speeches could refer to; ``FollowUpFinder`` scores them.
    ///
    /// Those made on a date a speech cites, and those within ``FollowUpFinder/horizonDays`` before `date` (or
    /// undated) whose subject is a phrase of one to four words of a speech.
    private static func candidateCommitments(
        _ db: some RegisterRows, speeches: [SpeechRecord], before date: SittingDate?, excluding debateId: String
    ) throws -> [LinkTarget] {
        var found: [String: LinkTarget] = [:]
        let earliest = date?.adding(days: -FollowUpFinder.horizonDays)
        // Written as SQL (and kept prepared on SQLite): building these queries through GRDB's query interface, a few
        // hundred of them per debate, cost more than running them. The status is compared through `|| ''` so that
        // SQLite, which has no statistics to choose by, never takes the (status, …) index for these: that walked
        // every outstanding commitment in the register for each lookup, so adding a debate grew slower as the
        // register grew. The date and (subject, date) indexes keep each lookup to the window.
        let open = #"("status" || '') = 'outstanding' AND "debateId" != ?"#
        func fetch(_ condition: String, _ arguments: [String], values: ArraySlice<String>) throws {
            let sql = #"""
                SELECT \#(LinkTarget.selection) FROM "commitment" WHERE \#(open) AND \#(condition)
                IN (\#(marks(values.count)))
                """#
            let all = [debateId] + arguments + values
            for row in try db.fetchTexts(sql: sql, arguments: all) {
                let c = try LinkTarget(texts: row)
                found[c.id] = c
            }
        }
        // The speeches' phrases are many thousands; the open commitments' subjects in the window are far fewer.
        // Reading those first (two range scans of debateDate) and keeping only the phrases among them finds the
        // same rows as looking up every phrase, in a fraction of the queries, and never holds the rest. Phrases
        // are kept (not the subjects) so that the lookups compare the same bytes as before.
        var subjects: Set<String>?
        if let latest = date {
            var window = Set<String>()
            for (condition, arguments) in [
                (
                    #""debateDate" >= ? AND "debateDate" <= ?"#,
                    [debateId, (earliest ?? latest).description, latest.description]
                ),
                (#""debateDate" IS NULL"#, [debateId]),
            ] {
                let sql = #"""
                    SELECT DISTINCT "subject" FROM "commitment" WHERE \#(open) AND \#(condition)
                    AND "subject" IS NOT NULL
                    """#
                window.formUnion(try db.fetchTexts(sql: sql, arguments: arguments).compactMap { $0[0] })
            }
            subjects = window
        }
        var dates = Set<SittingDate>()
        var phrases = Set<String>()
        func keep(_ phrase: String) {
            if subjects?.contains(phrase) ?? true { phrases.insert(phrase) }
        }
        for speech in speeches {
            for sentence in FollowUpFinder.sentences(of: speech.text) {
                dates.formUnion(FollowUpFinder.citedDates(in: sentence, debateDate: date).map(\.date))
            }
            if subjects?.isEmpty == true { continue }
            let tokens = speech.text.lowercased()
                .split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "'") }).map(String.init)
            // A phrase of ASCII words has as many characters as bytes; only others need counting.
            let ascii = tokens.map { $0.utf8.allSatisfy { $0 < 0x80 } }
            for start in tokens.indices {
                var phrase = ""
                var isASCII = true
                for length in 0..<4 where start + length < tokens.count {
                    phrase += (length == 0 ? "" : " ") + tokens[start + length]
                    isASCII = isASCII && ascii[start + length]
                    if phrase.utf8.count >= 4 && (isASCII || phrase.count >= 4) {
                        keep(phrase)
                        if phrase.hasSuffix("s") { keep(String(phrase.dropLast())) }
                    }
                }
            }
        }
        for chunk in dates.map(\.description).chunked(300) {
            try fetch(#""debateDate""#, [], values: chunk)
        }
        // Two lookups rather than one with OR, so that each is a range scan of (subject, debateDate):
        // the cost of linking then depends on the window, not on how many debates the register holds.
        for chunk in Array(phrases).chunked(400) {
            if let latest = date {
                try fetch(
                    #""debateDate" >= ? AND "debateDate" <= ? AND "subject""#,
                    [(earliest ?? latest).description, latest.description],
                    values: chunk)
                try fetch(#""debateDate" IS NULL AND "subject""#, [], values: chunk)
            } else {
                try fetch(#""subject""#, [], values: chunk)
            }
        }
        return found.values.sorted { $0.id < $1.id }
    }
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}

/// The machine's readings of the fields a person edited, stored as a JSON object in
/// ``CommitmentRecord/machineValues`` (a JSON null for "the page gives none").
struct MachineValues {
    var values: [String: String?] = [:]

    init(_ json: String?) {
        guard let json, let data = json.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return }
        for (key, value) in object { values[key] = .some(value as? String) }
    }

    /// Sorted keys, so that the same readings always give the same text.
    var encoded: String? {
        guard !values.isEmpty else { return nil }
        var object: [String: Any] = [:]
        for (key, value) in values { object[key] = value ?? NSNull() }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}

extension CommitmentRecord {
    /// What the analysis reads for each field a person edited ("the page reads …"); empty when nothing was edited.
    public var machineReadings: [CommitmentField: String?] {
        var result: [CommitmentField: String?] = [:]
        for (key, value) in MachineValues(machineValues).values {
            if let field = CommitmentField(rawValue: key) { result[field] = .some(value) }
        }
        return result
    }
}
