import Foundation
import GRDB

/// A whole register as one value: the canonical `hansard.register/1` snapshot.
///
/// Every list is in a fixed order and no field depends on when the export ran, so two exports of the same
/// register are byte-identical.
public struct RegisterSnapshot: Sendable, Hashable, Codable {
    /// The schema identifier written into every JSON encoding.
    public static let schemaIdentifier = "hansard.register/1"

    /// Set when the snapshot is the register as it stood on a date (a session diff); nil for an export.
    public var asOf: String?
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

    public init(
        asOf: String? = nil, debates: [DebateRecord] = [], debateVersions: [DebateVersionRecord] = [],
        commitments: [CommitmentRecord] = [], requests: [RequestRecord] = [], statusEvents: [StatusEventRecord] = [],
        notes: [NoteRecord] = [], changes: [CommitmentChangeRecord] = [], links: [FollowUpLinkRecord] = []
    ) {
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
    public var referenceDate: String {
        if let asOf { return asOf }
        var latest = ""
        for debate in debates { latest = max(latest, String(debate.updatedAt.prefix(10))) }
        for event in statusEvents { latest = max(latest, String(event.recordedAt.prefix(10))) }
        for link in links { if let decided = link.decidedAt { latest = max(latest, String(decided.prefix(10))) } }
        return latest.isEmpty ? Timestamp.today() : latest
    }

    private enum CodingKeys: String, CodingKey {
        case schema, asOf, debates, debateVersions, commitments, requests, statusEvents, notes, changes, links
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let schema = try container.decode(String.self, forKey: .schema)
        guard schema == Self.schemaIdentifier else {
            throw DecodingError.dataCorruptedError(
                forKey: .schema, in: container,
                debugDescription: "expected schema \(Self.schemaIdentifier), found \(schema)")
        }
        asOf = try container.decodeIfPresent(String.self, forKey: .asOf)
        debates = try container.decode([DebateRecord].self, forKey: .debates)
        debateVersions = try container.decode([DebateVersionRecord].self, forKey: .debateVersions)
        commitments = try container.decode([CommitmentRecord].self, forKey: .commitments)
        requests = try container.decode([RequestRecord].self, forKey: .requests)
        statusEvents = try container.decode([StatusEventRecord].self, forKey: .statusEvents)
        notes = try container.decode([NoteRecord].self, forKey: .notes)
        changes = try container.decode([CommitmentChangeRecord].self, forKey: .changes)
        links = try container.decode([FollowUpLinkRecord].self, forKey: .links)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.schemaIdentifier, forKey: .schema)
        if let asOf { try container.encode(asOf, forKey: .asOf) }
        try container.encode(debates, forKey: .debates)
        try container.encode(debateVersions, forKey: .debateVersions)
        try container.encode(commitments, forKey: .commitments)
        try container.encode(requests, forKey: .requests)
        try container.encode(statusEvents, forKey: .statusEvents)
        try container.encode(notes, forKey: .notes)
        try container.encode(changes, forKey: .changes)
        try container.encode(links, forKey: .links)
    }

    /// Reads a snapshot from a JSON export or from a register file.
    /// - Throws: ``RegisterError`` naming the file when it is neither.
    public static func load(path: String) throws(RegisterError) -> RegisterSnapshot {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            if !FileManager.default.fileExists(atPath: path) {
                throw .cannotOpen(path: path, reason: "no such file")
            }
            throw .cannotOpen(path: path, reason: "permission denied")
        }
        let head = handle.readData(ofLength: 16)
        try? handle.close()
        if head == Data("SQLite format 3\0".utf8) {
            return try Register.open(at: path, readOnly: true).snapshot()
        }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return try JSONDecoder().decode(RegisterSnapshot.self, from: data)
        } catch let error as DecodingError {
            throw .unreadableSnapshot(path: path, reason: Self.describe(error))
        } catch {
            throw .unreadableSnapshot(path: path, reason: "\(error.localizedDescription)")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context),
            .valueNotFound(_, let context):
            let where_ = context.codingPath.map(\.stringValue).joined(separator: ".")
            return where_.isEmpty ? context.debugDescription : "\(where_): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}

extension Register {
    /// The whole register as a canonical snapshot.
    public func snapshot() throws(RegisterError) -> RegisterSnapshot {
        try read { db in
            RegisterSnapshot(
                debates: try DebateRecord.order(Column("id")).fetchAll(db),
                debateVersions: try DebateVersionRecord.order(Column("debateId"), Column("revision"), Column("sha256"))
                    .fetchAll(db),
                commitments: try CommitmentRecord.order(Column("id")).fetchAll(db),
                requests: try RequestRecord.order(Column("id")).fetchAll(db),
                statusEvents: try StatusEventRecord.order(
                    Column("commitmentId"), Column("effectiveDate"), Column("recordedAt"), Column("id")
                ).fetchAll(db),
                notes: try NoteRecord.order(Column("commitmentId"), Column("recordedAt"), Column("id")).fetchAll(db),
                changes: try CommitmentChangeRecord.order(Column("commitmentId"), Column("revision"), Column("id"))
                    .fetchAll(db),
                links: try FollowUpLinkRecord.order(Column("commitmentId"), Column("id")).fetchAll(db))
        }
    }

    /// The register as it stood at the end of `date`: commitments made by then, statuses from events
    /// effective by then, links decided by then.
    public func snapshot(asOf date: String) throws(RegisterError) -> RegisterSnapshot {
        let whole = try snapshot()
        let debates = whole.debates.filter { ($0.date ?? "") <= date }
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
            notes: whole.notes.filter { commitmentIds.contains($0.commitmentId) && $0.recordedAt.prefix(10) <= date },
            changes: whole.changes.filter { commitmentIds.contains($0.commitmentId) },
            links: whole.links.filter { commitmentIds.contains($0.commitmentId) && debateIds.contains($0.debateId) })
    }

    /// What ``importSnapshot(_:)`` did.
    public struct ImportSummary: Sendable, Hashable, Codable {
        public var debates = 0
        public var commitments = 0
        public var statusEvents = 0
        public var notes = 0
        public var links = 0
        public init() {}
    }

    /// Merges a snapshot into the register in one transaction: rows the register lacks are added, rows it has
    /// are kept as they are; status events, notes and link decisions from the snapshot are added.
    public func importSnapshot(_ snapshot: RegisterSnapshot) throws(RegisterError) -> ImportSummary {
        try write { db in
            var summary = ImportSummary()
            for debate in snapshot.debates where try !debate.exists(db) {
                if try DebateRecord.filter(Column("identity") == debate.identity).fetchOne(db) != nil { continue }
                try debate.insert(db)
                summary.debates += 1
            }
            for version in snapshot.debateVersions { try version.insert(db, onConflict: .ignore) }
            for commitment in snapshot.commitments where try !commitment.exists(db) {
                guard try DebateRecord.exists(db, key: commitment.debateId) else { continue }
                try commitment.insert(db, onConflict: .ignore)
                summary.commitments += 1
            }
            for request in snapshot.requests where try DebateRecord.exists(db, key: request.debateId) {
                try request.insert(db, onConflict: .ignore)
            }
            for change in snapshot.changes where try CommitmentRecord.exists(db, key: change.commitmentId) {
                try change.insert(db, onConflict: .ignore)
            }
            for note in snapshot.notes where try CommitmentRecord.exists(db, key: note.commitmentId) {
                if try !note.exists(db) {
                    try note.insert(db)
                    summary.notes += 1
                }
            }
            for link in snapshot.links
            where try CommitmentRecord.exists(db, key: link.commitmentId) && DebateRecord.exists(db, key: link.debateId) {
                if var existing = try FollowUpLinkRecord.fetchOne(db, key: link.id) {
                    if existing.state == .candidate && link.state != .candidate {
                        existing.state = link.state
                        existing.decidedAt = link.decidedAt
                        existing.decidedBy = link.decidedBy
                        try existing.update(db)
                        summary.links += 1
                    }
                } else {
                    try link.insert(db, onConflict: .ignore)
                    summary.links += 1
                }
            }
            var touched = Set<String>()
            for event in snapshot.statusEvents where try CommitmentRecord.exists(db, key: event.commitmentId) {
                if try !event.exists(db) {
                    try event.insert(db)
                    summary.statusEvents += 1
                    touched.insert(event.commitmentId)
                }
            }
            for id in touched { try Self.refreshStatus(db, commitmentId: id) }
            return summary
        }
    }
}
