import Foundation
import GRDB
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
    public func add(_ analysis: Analysis, of debate: Debate) throws(RegisterError) -> AddOutcome {
        let now = Timestamp.now()
        return try write { db in
            let summary = analysis.debate
            if let known = try DebateVersionRecord.fetchOne(db, key: summary.sha256) {
                return .unchanged(debateId: known.debateId)
            }
            let existing =
                try DebateRecord.filter(Column("identity") == summary.identity).fetchOne(db)
                ?? (summary.url.map { url in try DebateRecord.filter(Column("url") == url).fetchOne(db) } ?? nil)
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
                record.revision += 1
                record.title = summary.title
                record.house = summary.house ?? record.house
                record.date = summary.date ?? record.date
                record.url = summary.url ?? record.url
                record.type = summary.type ?? record.type
                record.sha256 = summary.sha256
                record.sourcePath = summary.sourcePath
                record.updatedAt = now
                try record.update(db)
                try DebateVersionRecord(
                    sha256: summary.sha256, debateId: record.id, revision: record.revision,
                    sourcePath: summary.sourcePath, addedAt: now
                ).insert(db)
                let changes = try Self.reconcile(db, analysis: analysis, debate: record, now: now)
                try Self.storeRequests(db, analysis: analysis, debateId: record.id, replacing: true)
                try SpeechRecord.filter(Column("debateId") == record.id).deleteAll(db)
                for speech in speeches { try speech.insert(db) }
                try Self.inferDepartments(db, debateId: record.id)
                let links = try Self.link(db, debate: record, speeches: speeches)
                return .revised(debateId: record.id, revision: record.revision, changes: changes, links: links)
            }
            let record = DebateRecord(
                id: Self.debateId(for: summary.identity), identity: summary.identity, title: summary.title,
                house: summary.house, date: summary.date, url: summary.url, type: summary.type,
                sha256: summary.sha256, sourcePath: summary.sourcePath, revision: 1, addedAt: now, updatedAt: now)
            try record.insert(db)
            try DebateVersionRecord(
                sha256: summary.sha256, debateId: record.id, revision: 1, sourcePath: summary.sourcePath, addedAt: now
            ).insert(db)
            var seen = Set<String>()
            var count = 0
            for commitment in analysis.commitments where seen.insert(commitment.id).inserted {
                // An id already in the register (another debate with the same identity hash) is kept as it is.
                if try CommitmentRecord.exists(db, key: commitment.id) { continue }
                try Self.record(commitment, debate: record, revision: 1, aliases: Self.aliases(in: analysis)).insert(db)
                count += 1
            }
            try Self.storeRequests(db, analysis: analysis, debateId: record.id, replacing: false)
            for speech in speeches { try speech.insert(db) }
            try Self.inferDepartments(db, debateId: record.id)
            let links = try Self.link(db, debate: record, speeches: speeches)
            return .added(debateId: record.id, commitments: count, links: links)
        }
    }

    static func debateId(for identity: String) -> String { ShortID.make("d", [identity]) }

    /// How far apart two sittings may be for a member's department on one to stand for the other.
    static let departmentWindowDays = 31

    /// Marks an inferred department, so that it is never the ground for another inference.
    static let inferredPrefix = "not named on this page; "

    /// A page that does not name a minister's department (a Lords day in ParlParse prints no office lines) takes the
    /// department the same member answered for on another page within ``departmentWindowDays`` days, when that is
    /// one department, saying so in `departmentSource`. Run for each debate added, both ways, so the order pages are
    /// added in does not matter. Only member ids and peerage titles are used: a surname alone is not enough.
    static func inferDepartments(_ db: Database, debateId: String) throws {
        let keyed = "(c.person LIKE 'id:%' OR c.person LIKE 'peer:%')"
        // This debate's commitments and the other debates' that share a person with it and lack a department.
        let open = try Row.fetchAll(
            db,
            sql: """
                SELECT c.id, c.person, c.house, c.debateDate FROM commitment c
                WHERE c.department IS NULL AND c.debateDate IS NOT NULL AND \(keyed)
                  AND (c.debateId = ?
                       OR c.person IN (SELECT person FROM commitment WHERE debateId = ? AND department IS NOT NULL))
                """, arguments: [debateId, debateId])
        for row in open {
            let known = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.department, c.debateDate, d.title FROM commitment c JOIN debate d ON d.id = c.debateId
                    WHERE c.person = ? AND c.house IS ? AND c.department IS NOT NULL
                      AND (c.departmentSource IS NULL OR c.departmentSource NOT LIKE ?)
                      AND abs(julianday(c.debateDate) - julianday(?)) <= ?
                    ORDER BY abs(julianday(c.debateDate) - julianday(?)), c.debateDate, c.id
                    """,
                arguments: [
                    row["person"] as String, row["house"] as String?, inferredPrefix + "%", row["debateDate"] as String,
                    departmentWindowDays, row["debateDate"] as String,
                ])
            guard let nearest = known.first, Set(known.map { $0["department"] as String }).count == 1 else { continue }
            let source = inferredPrefix + "the same member spoke for it on \(nearest["debateDate"] as String) "
                + "(\(nearest["title"] as String))"
            try db.execute(
                sql: "UPDATE commitment SET department = ?, departmentSource = ? WHERE id = ?",
                arguments: [nearest["department"] as String, source, row["id"] as String])
        }
    }

    /// Each Government speaker's labels on the page, by person key.
    static func aliases(in analysis: Analysis) -> [String: [String]] {
        Dictionary(analysis.governmentSpeakers.map { ($0.person, $0.aliases) }, uniquingKeysWith: { first, _ in first })
    }

    static func record(
        _ commitment: Commitment, debate: DebateRecord, revision: Int, aliases: [String: [String]]
    ) -> CommitmentRecord {
        let aliases = commitment.speaker.person.flatMap { aliases[$0] } ?? []
        return CommitmentRecord(
            id: commitment.id, analysisId: commitment.id, debateId: debate.id, debateDate: debate.date,
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
                ? nil : commitment.speaker.evidence.joined(separator: "\n"))
    }

    private static func storeRequests(
        _ db: Database, analysis: Analysis, debateId: String, replacing: Bool
    ) throws {
        if replacing { try RequestRecord.filter(Column("debateId") == debateId).deleteAll(db) }
        for request in analysis.requests {
            try RequestRecord(
                id: request.id, debateId: debateId, turn: request.turn, speakerName: request.speaker.name,
                quote: request.quote, action: request.action, outcome: request.outcome,
                answerQuote: request.answer?.quote, commitmentId: request.commitment
            ).insert(db, onConflict: .replace)
        }
    }

    /// Matches a revised analysis's commitments to the ones the register has for the debate.
    private static func reconcile(
        _ db: Database, analysis: Analysis, debate: DebateRecord, now: String
    ) throws -> RevisionSummary {
        var summary = RevisionSummary()
        var remaining = try CommitmentRecord.filter(Column("debateId") == debate.id).fetchAll(db)
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
        // Rewordings: same speaker and action, most words in common.
        for commitment in unmatched {
            let scored = remaining.enumerated().compactMap { index, old -> (Int, Double)? in
                guard old.speakerName == commitment.speaker.name, old.action == commitment.action else { return nil }
                let similarity = wordSimilarity(old.quote, commitment.quote)
                return similarity >= 0.5 ? (index, similarity) : nil
            }
            if let (index, _) = scored.max(by: { $0.1 < $1.1 }) {
                let old = remaining.remove(at: index)
                matched.append((old, commitment))
            } else {
                if try CommitmentRecord.exists(db, key: commitment.id) { continue }
                try record(commitment, debate: debate, revision: debate.revision, aliases: aliases(in: analysis))
                    .insert(db)
                summary.added += 1
            }
        }
        func change(_ id: String, _ kind: CommitmentChangeKind, _ old: String?, _ new: String?) throws {
            try CommitmentChangeRecord(
                id: ShortID.make("x", [id, String(debate.revision), kind.rawValue], hexDigits: 16), commitmentId: id,
                revision: debate.revision, kind: kind, oldValue: old, newValue: new, recordedAt: now
            ).insert(db, onConflict: .ignore)
        }
        for (old, commitment) in matched {
            var updated = record(
                commitment, debate: debate, revision: old.firstRevision, aliases: aliases(in: analysis))
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
            if old.quote != updated.quote {
                try change(old.id, .reworded, old.quote, updated.quote)
                summary.reworded += 1
            }
            if old.dueBy != updated.dueBy || old.timingPhrase != updated.timingPhrase {
                try change(
                    old.id, .timing, [old.timingPhrase, old.dueBy].compactMap { $0 }.joined(separator: " → "),
                    [updated.timingPhrase, updated.dueBy].compactMap { $0 }.joined(separator: " → "))
                otherwise = true
            }
            if old.speakerName != updated.speakerName || old.department != updated.department {
                try change(
                    old.id, .reassigned, [old.speakerName, old.department].compactMap { $0 }.joined(separator: ", "),
                    [updated.speakerName, updated.department].compactMap { $0 }.joined(separator: ", "))
                otherwise = true
            }
            if old.missingSinceRevision != nil {
                try change(old.id, .restored, nil, nil)
                summary.restored += 1
            }
            if otherwise { summary.otherwiseChanged += 1 }
            if updated != old { try updated.update(db) }
        }
        for var old in remaining where old.missingSinceRevision == nil {
            old.missingSinceRevision = debate.revision
            try old.update(db)
            try change(old.id, .missing, old.quote, nil)
            summary.missing += 1
        }
        return summary
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
    private static func link(_ db: Database, debate: DebateRecord, speeches: [SpeechRecord]) throws -> Int {
        var candidates: [FollowUpCandidate] = []
        if !speeches.isEmpty {
            let pool = try candidateCommitments(db, speeches: speeches, before: debate.date, excluding: debate.id)
            candidates += FollowUpFinder.candidates(
                speeches: speeches, debateDate: debate.date, house: debate.house, commitments: pool)
        }
        let own = try CommitmentRecord.filter(Column("debateId") == debate.id && Column("status") == "outstanding")
            .fetchAll(db)
        if !own.isEmpty, let date = debate.date {
            // Later speeches within a year and a half: follow-ups come within a session or two.
            let horizon = CalendarDate.adding(days: FollowUpFinder.horizonDays, to: date) ?? date
            let later = try SpeechRecord.fetchAll(
                db,
                sql: """
                    SELECT speech.* FROM speech JOIN debate ON debate.id = speech.debateId
                    WHERE debate.date >= ? AND debate.date <= ? AND speech.debateId != ?
                    ORDER BY speech.debateId, speech.turn
                    """, arguments: [date, horizon, debate.id])
            let laterDebates = try Dictionary(
                DebateRecord.filter(keys: Set(later.map(\.debateId))).fetchAll(db).map { ($0.id, $0) },
                uniquingKeysWith: { first, _ in first })
            for (debateId, group) in Dictionary(grouping: later, by: \.debateId) {
                candidates += FollowUpFinder.candidates(
                    speeches: group, debateDate: laterDebates[debateId]?.date, house: laterDebates[debateId]?.house,
                    commitments: own)
            }
        }
        var stored = 0
        for candidate in candidates {
            try candidate.record().insert(db, onConflict: .ignore)
            stored += db.changesCount
        }
        return stored
    }

    /// Open commitments the speeches could refer to: by cited date, by subject words, or by the same minister.
    private static func candidateCommitments(
        _ db: Database, speeches: [SpeechRecord], before date: String?, excluding debateId: String
    ) throws -> [CommitmentRecord] {
        var dates = Set<String>()
        var words = Set<String>()
        for speech in speeches {
            for sentence in FollowUpFinder.sentences(of: speech.text) {
                dates.formUnion(FollowUpFinder.citedDates(in: sentence, debateDate: date).map(\.date))
            }
            let tokens = speech.text.lowercased()
                .split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "'") }).map(String.init)
            for start in tokens.indices {
                var phrase = ""
                for length in 0..<4 where start + length < tokens.count {
                    phrase += (length == 0 ? "" : " ") + tokens[start + length]
                    if phrase.count >= 4 {
                        words.insert(phrase)
                        if phrase.hasSuffix("s") { words.insert(String(phrase.dropLast())) }
                    }
                }
            }
        }
        var found: [String: CommitmentRecord] = [:]
        let earliest = date.flatMap { CalendarDate.adding(days: -FollowUpFinder.horizonDays, to: $0) }
        // Written as SQL and kept prepared (GRDB's statement cache): building these queries through the query
        // interface, a few hundred of them per debate, cost more than running them.
        let open = "status = 'outstanding' AND debateId != ?"
        func fetch(_ condition: String, _ arguments: [any DatabaseValueConvertible], values: ArraySlice<String>) throws {
            let marks = repeatElement("?", count: values.count).joined(separator: ",")
            let statement = try db.cachedStatement(
                sql: "SELECT * FROM commitment WHERE \(open) AND \(condition) IN (\(marks))")
            let all: [any DatabaseValueConvertible] = [debateId] + arguments + values.map { $0 }
            for c in try CommitmentRecord.fetchAll(statement, arguments: StatementArguments(all)) { found[c.id] = c }
        }
        for chunk in Array(dates).chunked(300) {
            try fetch("debateDate", [], values: chunk)
        }
        // Two lookups rather than one with OR, so that each is a range scan of (subject, debateDate):
        // the cost of linking then depends on the window, not on how many debates the register holds.
        for chunk in Array(words).chunked(400) {
            if let latest = date {
                try fetch("debateDate >= ? AND debateDate <= ? AND subject", [earliest ?? latest, latest], values: chunk)
                try fetch("debateDate IS NULL AND subject", [], values: chunk)
            } else {
                try fetch("subject", [], values: chunk)
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
