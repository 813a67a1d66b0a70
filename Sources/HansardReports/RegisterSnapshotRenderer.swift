import HansardAnalysis
import HansardIngestion
public import HansardRegister

/// Output formats for `hansard register export`.
public enum RegisterExportFormat: String, Sendable, CaseIterable {
    case json, csv
}

/// Renders the canonical register snapshot: `hansard.register/1` JSON, or one CSV row per commitment.
public enum RegisterSnapshotRenderer {
    /// The snapshot as JSON or CSV.
    /// - Parameters:
    ///   - snapshot: the register, as exported.
    ///   - format: JSON (the whole snapshot) or CSV (its commitments).
    ///   - columns: the CSV's columns (``CommitmentColumns``), by default all of them.
    ///   - formulaGuard: in CSV, prefix `'` to cells a spreadsheet would run as formulas (see ``CSVWriting``).
    ///   - excel: in CSV, a byte order mark first, for Excel.
    /// - Returns: the file's contents.
    /// - Throws: the encoder's error when the snapshot cannot be written as JSON.
    public static func render(
        _ snapshot: RegisterSnapshot, format: RegisterExportFormat,
        columns: [CommitmentColumns.Column] = CommitmentColumns.all, formulaGuard: Bool = true, excel: Bool = false
    ) throws -> String {
        switch format {
        case .json: return try JSONRendering.pretty(snapshot) + "\n"
        case .csv:
            return CommitmentColumns.csv(rows(snapshot), columns: columns, formulaGuard: formulaGuard, excel: excel)
        }
    }

    /// Every commitment of the snapshot with its current status, reckoned at the snapshot's reference date (the
    /// last day anything was recorded), so that the same register always gives the same bytes.
    static func rows(_ snapshot: RegisterSnapshot) -> [CommitmentRow] {
        let context = RowContext(snapshot)
        let asOf = snapshot.referenceDate
        return snapshot.commitments.map { c in
            let debate = context.debates[c.debateId]
            let overdue =
                c.status.isOpen
                ? c.dueBy.flatMap { due in due < asOf ? CalendarDate.days(from: due, to: asOf) : nil } : nil
            let citation = Citation(c, debate: debate)
            let listing = CommitmentListing(
                commitment: c, debateTitle: citation.title, status: c.status,
                ageDays: c.debateDate.flatMap { CalendarDate.days(from: $0, to: asOf) }, overdueDays: overdue,
                citation: citation, asOf: asOf)
            return CommitmentRow(
                listing: listing, asOf: asOf, debate: debate, request: c.requestId.flatMap { context.requests[$0] },
                events: context.events[c.id] ?? [], edits: context.edits[c.id] ?? [], links: context.links[c.id] ?? [])
        }
    }
}
