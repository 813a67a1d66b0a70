import Foundation
import HansardAnalysis
public import HansardIngestion
public import HansardRegister

/// One commitment with everything the columns of ``CommitmentColumns`` read: its listing (status, ages and
/// citation as of a date), its debate, the request it answers, its status history, edits and follow-up links.
public struct CommitmentRow: Sendable {
    /// The commitment with its status, ages and citation as of ``asOf``.
    public var listing: CommitmentListing
    /// The date the row is reckoned at.
    public var asOf: SittingDate
    /// The debate it was made in.
    public var debate: DebateRecord?
    /// The request it answers.
    public var request: RequestRecord?
    /// Oldest first.
    public var events: [StatusEventRecord]
    /// People's corrections, oldest first.
    public var edits: [CommitmentEditRecord]
    /// Candidate and decided follow-up links.
    public var links: [FollowUpLinkRecord]

    /// A row with everything given.
    public init(
        listing: CommitmentListing, asOf: SittingDate, debate: DebateRecord?, request: RequestRecord?,
        events: [StatusEventRecord], edits: [CommitmentEditRecord], links: [FollowUpLinkRecord]
    ) {
        self.listing = listing
        self.asOf = asOf
        self.debate = debate
        self.request = request
        self.events = events
        self.edits = edits
        self.links = links
    }

    /// Rows for `listings` from what ``Register/context(for:)`` read for them.
    public static func rows(_ list: CommitmentList, context: RowContext) -> [CommitmentRow] {
        list.items.map { item in
            let c = item.commitment
            return CommitmentRow(
                listing: item, asOf: list.asOf, debate: context.debates[c.debateId],
                request: c.requestId.flatMap { context.requests[$0] }, events: context.events[c.id] ?? [],
                edits: context.edits[c.id] ?? [], links: context.links[c.id] ?? [])
        }
    }
}

/// The one table of commitment columns every CSV and tab-separated output uses (`hansard commitments`, `hansard
/// search`, `hansard register export --format csv`, the report's `commitments.csv`), so that a column has one name and
/// one meaning everywhere.
///
/// Outputs select columns by name (`--columns id,promise,due_by`).
public enum CommitmentColumns {
    /// A column: its name in the header, what it holds, and how it is read off a row.
    public struct Column: Sendable {
        /// The name in the header and in `--columns`.
        public var name: String
        /// What it holds, for `--columns help`.
        public var meaning: String
        let value: @Sendable (CommitmentRow) -> String?

        /// Whether the column reads more than the listing: the debate, request, events, edits or links.
        public var needsContext: Bool { Self.contextNames.contains(name) }

        static let contextNames: Set<String> = [
            "request_speaker", "request_quote", "request_outcome", "status_events", "latest_evidence", "latest_reason",
            "edited_fields", "follow_up_links", "confirmed_links", "source_file", "source_sha256",
        ]
    }

    /// Every column, in the order a full CSV gives them.
    public static let all: [Column] = [
        Column(name: "id", meaning: "the register's id") { $0.listing.commitment.id },
        Column(name: "status", meaning: "status as of as_of") { $0.listing.status.rawValue },
        Column(name: "status_date", meaning: "when the latest status took effect") {
            $0.listing.commitment.statusDate?.description
        },
        Column(name: "as_of", meaning: "the date ages and statuses are reckoned at") { $0.asOf.description },
        Column(name: "debate_date", meaning: "the sitting the commitment was made at") {
            $0.listing.commitment.debateDate?.description
        },
        Column(name: "age_days", meaning: "days from the debate to as_of") { $0.listing.ageDays.map(String.init) },
        Column(name: "age", meaning: "the age in words, e.g. 1 year 2 months") { $0.listing.age },
        Column(name: "due_by", meaning: "the due date") { $0.listing.commitment.dueBy?.description },
        Column(name: "overdue_days", meaning: "days past the due date") { $0.listing.overdueDays.map(String.init) },
        Column(name: "overdue_by", meaning: "how long overdue, in words") { $0.listing.overdueBy },
        Column(name: "timing_phrase", meaning: "the words that give the timing") { $0.listing.commitment.timingPhrase },
        Column(name: "timing_class", meaning: "immediate, dated, vague or none") {
            $0.listing.commitment.timingClass.rawValue
        },
        Column(name: "minister", meaning: "who made it: the fullest name any page gives the person") {
            $0.listing.person.displayName
        },
        Column(name: "person_id", meaning: "the register's key for the minister as one person") {
            $0.listing.person.id
        },
        Column(name: "minister_aliases", meaning: "every name the pages give the minister, separated by ;") {
            $0.listing.person.aliases.joined(separator: "; ")
        },
        Column(name: "speaker_role", meaning: "the speaker's role") { $0.listing.commitment.speakerRole.rawValue },
        Column(name: "office", meaning: "the office line the page gives") { $0.listing.commitment.office },
        Column(name: "department", meaning: "the department (canonical)") { $0.listing.commitment.department },
        Column(name: "department_source", meaning: "where the department was read") {
            $0.listing.commitment.departmentSource
        },
        Column(name: "speaker_evidence", meaning: "why the speaker was read as the Government's, separated by ;") {
            $0.listing.commitment.speakerEvidence.map { CSVWriting.replacing(0x0A, with: "; ", in: $0) }
        },
        Column(name: "action", meaning: "what kind of thing was undertaken") { $0.listing.commitment.action.rawValue },
        Column(name: "object", meaning: "what will be done") { $0.listing.commitment.object },
        Column(name: "promise", meaning: "action: object") { $0.listing.commitment.promise },
        Column(name: "subject", meaning: "the key shared with later mentions") { $0.listing.commitment.subject },
        Column(name: "strength", meaning: "firm, qualified, conditional…") { $0.listing.commitment.strength.rawValue },
        Column(name: "kind", meaning: "undertaking, intention, acceptance…, when the analysis gives it") {
            $0.listing.commitment.kind
        },
        Column(name: "source", meaning: "explicit, or a request the minister accepted") {
            $0.listing.commitment.source.rawValue
        },
        Column(name: "quote", meaning: "the words, as printed") { $0.listing.commitment.quote },
        Column(name: "house", meaning: "commons or lords") { $0.listing.commitment.house?.rawValue },
        Column(name: "government", meaning: "the government it was made under") { $0.listing.government?.name },
        Column(name: "parliament", meaning: "the Parliament it was made in") { $0.listing.commitment.parliament },
        Column(name: "session", meaning: "the parliamentary session") {
            $0.listing.commitment.debateDate.flatMap { ParliamentarySessions.containing($0)?.label }
        },
        Column(name: "debate_title", meaning: "the debate, as its citation names it") { $0.listing.citation.title },
        Column(name: "heading", meaning: "the headings the contribution falls under") { $0.listing.citation.heading },
        Column(name: "citation", meaning: "e.g. HL Deb 8 March 2023, vol 828, col 1234") { $0.listing.citation.text },
        Column(name: "volume", meaning: "the Official Report's volume") { $0.listing.citation.volume },
        Column(name: "column", meaning: "the column the contribution starts in") { $0.listing.citation.column },
        Column(name: "contribution_id", meaning: "the page's id for the contribution") {
            $0.listing.citation.contributionId
        },
        Column(name: "link", meaning: "a link to the contribution") { $0.listing.citation.link },
        Column(name: "debate_url", meaning: "the page the debate can be read on") { $0.listing.citation.pageURL },
        Column(name: "debate_id", meaning: "the register's id for the debate") { $0.listing.commitment.debateId },
        Column(name: "turn", meaning: "the turn's number in the page") { String($0.listing.commitment.turn) },
        Column(name: "request_id", meaning: "the request it answers") { $0.listing.commitment.requestId },
        Column(name: "request_speaker", meaning: "who asked") { $0.request?.speakerName },
        Column(name: "request_quote", meaning: "what they asked") { $0.request?.quote },
        Column(name: "request_outcome", meaning: "accepted, declined, evaded, unanswered") {
            $0.request?.outcome.rawValue
        },
        Column(name: "status_events", meaning: "how many status events") { String($0.events.count) },
        Column(name: "latest_evidence", meaning: "the latest event's evidence") { $0.events.last?.evidence },
        Column(name: "latest_reason", meaning: "the latest event's reason") { $0.events.last?.reason },
        Column(name: "edited_fields", meaning: "fields people corrected, e.g. department;due") {
            let fields = Set($0.edits.map(\.field))
            return fields.isEmpty
                ? nil
                : CommitmentField.allCases.filter(fields.contains).map(\.rawValue)
                    .joined(separator: ";")
        },
        Column(name: "follow_up_links", meaning: "candidate follow-up links") { String($0.links.count) },
        Column(name: "confirmed_links", meaning: "confirmed follow-up links") {
            String($0.links.filter { $0.state == .confirmed }.count)
        },
        Column(name: "first_revision", meaning: "the page revision it was first seen in") {
            String($0.listing.commitment.firstRevision)
        },
        Column(name: "missing_since_revision", meaning: "set when a revised page no longer has it") {
            $0.listing.commitment.missingSinceRevision.map(String.init)
        },
        Column(name: "analysis_id", meaning: "the analysis's id for the current wording") {
            $0.listing.commitment.analysisId
        },
        Column(name: "source_file", meaning: "the page's file name (no folder)") { $0.debate?.sourceName },
        Column(name: "source_sha256", meaning: "the SHA-256 of the page, to find it again") { $0.debate?.sha256 },
    ]

    /// The columns a tab-separated list shows by default: what the table shows, in full.
    public static let listNames = [
        "id", "debate_date", "minister", "department", "promise", "timing_phrase", "due_by", "status", "overdue_by",
        "age", "citation", "debate_title",
    ]

    /// The columns named, in the order named.
    /// - Throws: ``ReportError/unknownColumns(_:)`` naming the names no column has.
    public static func named(_ names: [String]) throws(ReportError) -> [Column] {
        var chosen: [Column] = []
        var unknown: [String] = []
        for name in names {
            let wanted = name.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "-", with: "_")
            if wanted.isEmpty { continue }
            if let column = all.first(where: { $0.name == wanted }) {
                chosen.append(column)
            } else {
                unknown.append(name)
            }
        }
        if !unknown.isEmpty { throw .unknownColumns(unknown) }
        return chosen
    }

    /// CSV (RFC 4180, CRLF) of `rows` in `columns`.
    /// - Parameters:
    ///   - rows: the commitments, one record each, in order.
    ///   - columns: the columns, by default all of them.
    ///   - formulaGuard: prefix `'` to cells a spreadsheet would run as formulas (see ``CSVWriting``).
    ///   - excel: start with a byte order mark, so that Excel reads the file as UTF-8 (’ and £ intact).
    /// - Returns: the header record and one record per row.
    public static func csv(
        _ rows: [CommitmentRow], columns: [Column] = all, formulaGuard: Bool = true, excel: Bool = false
    ) -> String {
        var output = excel ? "\u{FEFF}" : ""
        output.reserveCapacity(rows.count * 600)
        output += CSVWriting.record(columns.map(\.name))
        for row in rows { output += CSVWriting.record(columns.map { $0.value(row) }, formulaGuard: formulaGuard) }
        return output
    }

    /// Tab-separated values with a header line: one line per commitment, every cell whole, tabs and line breaks in
    /// it folded to spaces, so `cut -f`, `sort -t` and `awk -F'\t'` read it.
    public static func tsv(_ rows: [CommitmentRow], columns: [Column]) -> String {
        var output = columns.map(\.name).joined(separator: "\t") + "\n"
        for row in rows {
            output += columns.map { TextTable.oneLine($0.value(row) ?? "") }.joined(separator: "\t") + "\n"
        }
        return output
    }
}
