import Foundation
import HansardAnalysis
public import HansardIngestion
public import HansardRegister

/// Everything a report shows from the register: its records, and every commitment's standing as of one date.
///
/// Lookups the pages need are indexed once here, so a large register renders in linear time.
///
/// Transcripts are not part of it: the register keeps commitments, requests, evasions and government speeches
/// but not whole debates, so whoever makes the HTML report reads each debate's page and hands it over (see
/// ``HTMLReport``). Nothing here reads a file or analyses anything.
public struct ReportData: Sendable {
    /// The date ages, overdue marks and statuses are reckoned at, `yyyy-MM-dd`.
    public let asOf: SittingDate
    /// The register's records, as exported.
    public let snapshot: RegisterSnapshot
    /// Every commitment made by `asOf`, with its status, age and lateness then; oldest due first.
    public let listings: [CommitmentListing]

    let debatesById: [String: DebateRecord]
    let listingsById: [String: CommitmentListing]
    let commitmentsByDebate: [String: [CommitmentRecord]]
    let requestsById: [String: RequestRecord]
    let requestsByDebate: [String: [RequestRecord]]
    let eventsByCommitment: [String: [StatusEventRecord]]
    let notesByCommitment: [String: [NoteRecord]]
    let changesByCommitment: [String: [CommitmentChangeRecord]]
    let linksByCommitment: [String: [FollowUpLinkRecord]]
    /// Links whose later speech is in the debate.
    let linksByLaterDebate: [String: [FollowUpLinkRecord]]
    let commitmentsById: [String: CommitmentRecord]
    let editsByCommitment: [String: [CommitmentEditRecord]]
    let evasionsByDebate: [String: [EvasionRecord]]
    let mentionsByDebate: [String: [MentionRecord]]
    /// Every commitment with what the CSV columns read: listed ones in the list's order, then any made later.
    ///
    /// Made when asked for (by the CSV report), not kept: for 100,000 commitments they were a fifth of the
    /// HTML report's memory, which never reads them.
    public var rows: [CommitmentRow] {
        let context = RowContext(snapshot)
        let listed = Set(listings.map(\.commitment.id))
        let later = snapshot.commitments.filter { !listed.contains($0.id) }.map { c in
            CommitmentListing(
                commitment: c, debateTitle: c.debateTitle ?? "", status: c.status, ageDays: nil, overdueDays: nil,
                citation: Citation(c, debate: context.debates[c.debateId]), asOf: asOf)
        }
        return (listings + later).map { item in
            let c = item.commitment
            return CommitmentRow(
                listing: item, asOf: asOf, debate: context.debates[c.debateId],
                request: c.requestId.flatMap { context.requests[$0] }, events: context.events[c.id] ?? [],
                edits: context.edits[c.id] ?? [], links: context.links[c.id] ?? [])
        }
    }

    /// Indexes `snapshot` for the pages, with `listings` giving each commitment's standing at `asOf`.
    public init(asOf: SittingDate, snapshot: RegisterSnapshot, listings: [CommitmentListing]) {
        self.asOf = asOf
        self.snapshot = snapshot
        self.listings = listings
        func first<Key: Hashable, Value>(_ pairs: [(Key, Value)]) -> [Key: Value] {
            Dictionary(pairs, uniquingKeysWith: { earlier, _ in earlier })
        }
        debatesById = first(snapshot.debates.map { ($0.id, $0) })
        listingsById = first(listings.map { ($0.commitment.id, $0) })
        commitmentsById = first(snapshot.commitments.map { ($0.id, $0) })
        commitmentsByDebate = Dictionary(grouping: snapshot.commitments, by: \.debateId)
        requestsById = first(snapshot.requests.map { ($0.id, $0) })
        requestsByDebate = Dictionary(grouping: snapshot.requests, by: \.debateId)
        eventsByCommitment = Dictionary(grouping: snapshot.statusEvents, by: \.commitmentId)
        notesByCommitment = Dictionary(grouping: snapshot.notes, by: \.commitmentId)
        changesByCommitment = Dictionary(grouping: snapshot.changes, by: \.commitmentId)
        linksByCommitment = Dictionary(grouping: snapshot.links, by: \.commitmentId)
        linksByLaterDebate = Dictionary(grouping: snapshot.links, by: \.debateId)
        editsByCommitment = Dictionary(grouping: snapshot.edits, by: \.commitmentId)
        evasionsByDebate = Dictionary(grouping: snapshot.evasions, by: \.debateId)
        mentionsByDebate = Dictionary(grouping: snapshot.mentions, by: \.debateId)
    }

    /// The commitments that count in figures as of the report's date: all but the dismissed.
    public var counted: [CommitmentListing] { listings.filter { $0.status.counts } }

    /// Reads the register as of `asOf` (nil for today).
    public static func load(from register: any RegisterBackend, asOf: SittingDate?) throws(RegisterError) -> ReportData
    {
        let list = try register.commitments(CommitmentQuery(scope: .all, asOf: asOf))
        return ReportData(asOf: list.asOf, snapshot: try register.snapshot(), listings: list.items)
    }

    /// The register id of the commitment the analysis of `debateId` calls `analysisId`.
    func registerId(ofAnalysisId analysisId: String, debateId: String) -> String? {
        commitmentsByDebate[debateId]?.first { $0.analysisId == analysisId }?.id ?? commitmentsById[analysisId]?.id
    }
}

/// The parliamentary session a sitting date falls in, as a label ("2022-23"), or nil.
func sessionLabel(of date: SittingDate?) -> String? {
    date.flatMap { ParliamentarySessions.containing($0)?.label }
}
