import Foundation
public import HansardAnalysis
public import HansardIngestion
public import HansardRegister

/// A debate's page as re-read for the report: the turns, and the analysis the register was built from.
public struct DebateTranscript: Sendable, Hashable {
    public var debate: Debate
    public var analysis: Analysis

    public init(debate: Debate, analysis: Analysis) {
        self.debate = debate
        self.analysis = analysis
    }
}

/// Everything a report shows from the register: its records, and every commitment's standing as of one
/// date. Lookups the pages need are indexed once here, so a large register renders in linear time.
///
/// Transcripts are not part of it: the register keeps commitments, requests and government speeches but
/// not whole debates, so the HTML report re-reads each debate's page as it renders (see ``HTMLReport``).
public struct ReportData: Sendable {
    /// The date ages, overdue marks and statuses are reckoned at, `yyyy-MM-dd`.
    public let asOf: String
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

    public init(asOf: String, snapshot: RegisterSnapshot, listings: [CommitmentListing]) {
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
    }

    /// Reads the register as of `asOf` (`yyyy-MM-dd`, or nil for today).
    public static func load(from register: Register, asOf: String?) throws(RegisterError) -> ReportData {
        let list = try register.commitments(CommitmentQuery(scope: .all, asOf: asOf))
        return ReportData(asOf: list.asOf, snapshot: try register.snapshot(), listings: list.items)
    }

    /// The register id of the commitment the analysis of `debateId` calls `analysisId`.
    func registerId(ofAnalysisId analysisId: String, debateId: String) -> String? {
        commitmentsByDebate[debateId]?.first { $0.analysisId == analysisId }?.id ?? commitmentsById[analysisId]?.id
    }
}

/// The parliamentary session a sitting date falls in, as a label ("2022-23"), or nil.
func sessionLabel(of date: String?) -> String? {
    date.flatMap { ParliamentarySessions.containing($0)?.label }
}
