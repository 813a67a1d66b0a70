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

    // The debates, listings and commitments are found by position, not copied: at a million commitments a copy of
    // every record in each of these lookups was gigabytes.
    let debatesById: Positions<String, DebateRecord>
    let listingsById: Positions<String, CommitmentListing>
    let commitmentsByDebate: Groups<String, CommitmentRecord>
    let requestsById: [String: RequestRecord]
    let requestsByDebate: [String: [RequestRecord]]
    let eventsByCommitment: [String: [StatusEventRecord]]
    let notesByCommitment: [String: [NoteRecord]]
    let changesByCommitment: [String: [CommitmentChangeRecord]]
    let linksByCommitment: [String: [FollowUpLinkRecord]]
    /// Links whose later speech is in the debate.
    let linksByLaterDebate: [String: [FollowUpLinkRecord]]
    let commitmentsById: Positions<String, CommitmentRecord>
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
        debatesById = Positions(snapshot.debates, by: \.id)
        listingsById = Positions(listings, by: \.commitment.id)
        commitmentsById = Positions(snapshot.commitments, by: \.id)
        commitmentsByDebate = Groups(snapshot.commitments, by: \.debateId)
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

    /// Reads, as of `asOf` (nil for today), only what the pages of `debates` and `commitments` show
    /// (``RegisterBackend/pageSnapshot(debates:commitments:)``) and the listings of the commitments in it: each
    /// such page made from it is the page made from the whole register.
    public static func load(
        from register: any RegisterBackend, debates: [String], commitments: [String], asOf: SittingDate?
    ) throws(RegisterError) -> ReportData {
        let snapshot = try register.pageSnapshot(debates: debates, commitments: commitments)
        let list = try register.commitments(
            CommitmentQuery(scope: .all, asOf: asOf, ids: snapshot.commitments.map(\.id)))
        return ReportData(asOf: list.asOf, snapshot: snapshot, listings: list.items)
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

/// The elements of an array found by a key, the first with each key: the lookup keeps positions into the array
/// (which it shares, not copies), so it costs a word an element where a dictionary of copies cost the element.
struct Positions<Key: Hashable, Element>: Sendable where Key: Sendable, Element: Sendable {
    private let elements: [Element]
    private let positions: [Key: Int]

    init(_ elements: [Element], by key: (Element) -> Key) {
        self.elements = elements
        var positions: [Key: Int] = [:]
        positions.reserveCapacity(elements.count)
        for (position, element) in elements.enumerated() where positions[key(element)] == nil {
            positions[key(element)] = position
        }
        self.positions = positions
    }

    subscript(key: Key) -> Element? { positions[key].map { elements[$0] } }
}

/// The elements of an array grouped by a key, in the array's order, as positions into it (see ``Positions``).
struct Groups<Key: Hashable, Element>: Sendable where Key: Sendable, Element: Sendable {
    private let elements: [Element]
    private let positions: [Key: [Int]]

    init(_ elements: [Element], by key: (Element) -> Key) {
        self.elements = elements
        var positions: [Key: [Int]] = [:]
        for (position, element) in elements.enumerated() { positions[key(element), default: []].append(position) }
        self.positions = positions
    }

    /// The elements with `key`, in the array's order; nil when there are none.
    subscript(key: Key) -> [Element]? { positions[key].map { $0.map { elements[$0] } } }
}
