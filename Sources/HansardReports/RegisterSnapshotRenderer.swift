import HansardAnalysis
import HansardIngestion
public import HansardRegister

/// Output formats for `hansard register export`.
public enum RegisterExportFormat: String, Sendable, CaseIterable {
    case json, csv
}

/// Renders the canonical register snapshot: `hansard.register/1` JSON, or one CSV row per commitment.
public enum RegisterSnapshotRenderer {
    /// - Parameter formulaGuard: in CSV, prefix `'` to cells a spreadsheet would run as formulas
    ///   (see ``CSVWriting``).
    public static func render(
        _ snapshot: RegisterSnapshot, format: RegisterExportFormat, formulaGuard: Bool = true
    ) throws -> String {
        switch format {
        case .json: return try JSONRendering.pretty(snapshot) + "\n"
        case .csv: return csv(snapshot, formulaGuard: formulaGuard)
        }
    }

    static func csv(_ snapshot: RegisterSnapshot, formulaGuard: Bool = true) -> String {
        let debates = Dictionary(snapshot.debates.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var latestEvidence: [String: String] = [:]
        for event in snapshot.statusEvents { latestEvidence[event.commitmentId] = event.evidence }
        var output = CSVWriting.record([
            "id", "status", "status_date", "evidence", "debate_date", "house", "debate", "debate_url", "turn",
            "minister", "office", "department", "action", "object", "subject", "timing", "timing_class", "due_by",
            "strength", "source", "quote", "missing_since_revision",
        ])
        for c in snapshot.commitments {
            let debate = debates[c.debateId]
            output += CSVWriting.record([
                c.id, c.status.rawValue, c.statusDate, c.status.isOpen ? nil : latestEvidence[c.id], c.debateDate,
                c.house?.rawValue, debate?.title, debate?.url, String(c.turn), c.minister, c.office, c.department,
                c.action.rawValue, c.object, c.subject, c.timingPhrase, c.timingClass.rawValue, c.dueBy,
                c.strength.rawValue, c.source.rawValue, c.quote, c.missingSinceRevision.map(String.init),
            ], formulaGuard: formulaGuard)
        }
        return output
    }
}
