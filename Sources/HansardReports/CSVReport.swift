import Foundation
import HansardAnalysis
import HansardIngestion
import HansardRegister

/// One CSV row per commitment with every field the register keeps for it, its standing as of the report's
/// date, the debate and the request it answers (RFC 4180: CRLF, quoted where needed; UTF-8).
public enum CSVReport {
    public static let header = [
        "id", "analysis_id", "status", "status_date", "as_of", "age_days", "overdue_days", "due_by", "timing_phrase",
        "timing_class", "debate_id", "debate_date", "session", "house", "debate_title", "debate_url", "source_path",
        "turn", "minister", "speaker_role", "office", "department", "action", "object", "subject", "strength",
        "source", "quote", "request_id", "request_speaker", "request_quote", "request_outcome", "status_events",
        "latest_evidence", "latest_reason", "follow_up_links", "confirmed_links", "first_revision",
        "missing_since_revision", "person_id", "minister_aliases", "department_source", "speaker_evidence",
    ]

    /// - Parameter formulaGuard: prefix `'` to cells a spreadsheet would run as formulas (see ``CSVWriting``).
    public static func render(_ data: ReportData, formulaGuard: Bool = true) -> String {
        let debates = data.debatesById
        let listings = data.listingsById
        let requests = data.requestsById
        let events = data.eventsByCommitment
        let links = data.linksByCommitment
        var output = CSVWriting.record(header)
        // Listed commitments in the list's order (oldest due first), then any made after the as-of date.
        let ordered = data.listings.map(\.commitment)
            + data.snapshot.commitments.filter { listings[$0.id] == nil }
        for c in ordered {
            let listing = listings[c.id]
            let debate = debates[c.debateId]
            let request = c.requestId.flatMap { requests[$0] }
            let own = events[c.id] ?? []
            let latest = own.last
            output += CSVWriting.record([
                c.id, c.analysisId, (listing?.status ?? c.status).rawValue, c.statusDate, data.asOf,
                listing?.ageDays.map(String.init), listing?.overdueDays.map(String.init), c.dueBy, c.timingPhrase,
                c.timingClass.rawValue, c.debateId, c.debateDate, sessionLabel(of: c.debateDate), c.house?.rawValue,
                debate?.title, debate?.url, debate?.sourcePath, String(c.turn), listing?.person.displayName ?? c.minister,
                c.speakerRole.rawValue,
                c.office, c.department, c.action.rawValue, c.object, c.subject, c.strength.rawValue, c.source.rawValue,
                c.quote, c.requestId, request?.speakerName, request?.quote, request?.outcome.rawValue, String(own.count),
                latest?.evidence, latest?.reason, String(links[c.id]?.count ?? 0),
                String(links[c.id]?.filter { $0.state == .confirmed }.count ?? 0), String(c.firstRevision),
                c.missingSinceRevision.map(String.init), listing?.person.id ?? c.person,
                (listing?.person.aliases ?? c.aliases).joined(separator: "; "), c.departmentSource,
                c.speakerEvidence?.replacingOccurrences(of: "\n", with: "; "),
            ], formulaGuard: formulaGuard)
        }
        return output
    }
}
