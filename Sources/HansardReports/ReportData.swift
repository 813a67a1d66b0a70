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

/// Everything a report shows, gathered once: the register's records, every commitment's standing as of one
/// date, and the transcripts of the debates whose pages can still be read.
///
/// The register keeps commitments, requests and government speeches but not whole transcripts, so debate
/// pages are re-read from each debate's stored source path. A page is used only when its SHA-256 still
/// matches the register's; otherwise the debate's page says why its transcript is missing.
public struct ReportData: Sendable {
    /// The date ages, overdue marks and statuses are reckoned at, `yyyy-MM-dd`.
    public var asOf: String
    public var snapshot: RegisterSnapshot
    /// Every commitment made by `asOf`, with its status, age and lateness then; oldest due first.
    public var listings: [CommitmentListing]
    /// By debate id.
    public var transcripts: [String: DebateTranscript]
    /// By debate id: why the debate's transcript is not shown.
    public var missingTranscripts: [String: String]

    public init(
        asOf: String, snapshot: RegisterSnapshot, listings: [CommitmentListing],
        transcripts: [String: DebateTranscript], missingTranscripts: [String: String]
    ) {
        self.asOf = asOf
        self.snapshot = snapshot
        self.listings = listings
        self.transcripts = transcripts
        self.missingTranscripts = missingTranscripts
    }

    /// Reads the register and the debates' pages.
    /// - Parameters:
    ///   - asOf: `yyyy-MM-dd`, or nil for today.
    ///   - transcripts: whether to re-read the pages (Markdown and CSV do not need them).
    ///   - progress: called after each page with the number done and the total.
    public static func load(
        from register: Register, asOf: String?, transcripts: Bool = true,
        progress: (Int, Int) -> Void = { _, _ in }
    ) throws -> ReportData {
        let list = try register.commitments(CommitmentQuery(scope: .all, asOf: asOf))
        let snapshot = try register.snapshot()
        var found: [String: DebateTranscript] = [:]
        var missing: [String: String] = [:]
        if transcripts {
            let analyzer: Analyzer
            do {
                analyzer = try Analyzer()
            } catch {
                throw ReportError.rulesUnavailable(reason: error.description)
            }
            let reader = DebateReader()
            for (index, record) in snapshot.debates.enumerated() {
                switch readTranscript(of: record, reader: reader, analyzer: analyzer) {
                case .success(let transcript): found[record.id] = transcript
                case .failure(let reason): missing[record.id] = reason.text
                }
                progress(index + 1, snapshot.debates.count)
            }
        }
        return ReportData(
            asOf: list.asOf, snapshot: snapshot, listings: list.items, transcripts: found, missingTranscripts: missing)
    }

    struct Reason: Error { let text: String }

    static func readTranscript(
        of record: DebateRecord, reader: DebateReader, analyzer: Analyzer
    ) -> Result<DebateTranscript, Reason> {
        guard FileManager.default.fileExists(atPath: record.sourcePath) else {
            return .failure(Reason(text: "the page it was read from, \(record.sourcePath), is no longer there"))
        }
        let debate: Debate
        do {
            debate = try reader.read(contentsOf: record.sourcePath)
        } catch {
            return .failure(Reason(text: "the page it was read from could not be read again: \(error.description)"))
        }
        guard debate.source.sha256 == record.sha256 else {
            return .failure(
                Reason(
                    text: "the page at \(record.sourcePath) has changed since it was added to the register; "
                        + "add it again to update the register"))
        }
        return .success(DebateTranscript(debate: debate, analysis: analyzer.analyse(debate)))
    }
}

extension ReportData {
    /// Debates by id.
    var debatesById: [String: DebateRecord] {
        Dictionary(snapshot.debates.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The register id of a commitment the analysis of its debate calls `analysisId`.
    func registerId(ofAnalysisId analysisId: String, debateId: String) -> String? {
        snapshot.commitments.first { $0.debateId == debateId && $0.analysisId == analysisId }?.id
            ?? snapshot.commitments.first { $0.id == analysisId }?.id
    }
}

/// The parliamentary session a sitting date falls in, as a label ("2022-23"), or nil.
func sessionLabel(of date: String?) -> String? {
    date.flatMap { ParliamentarySessions.containing($0)?.label }
}
