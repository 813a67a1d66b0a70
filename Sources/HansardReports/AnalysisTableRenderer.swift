public import HansardAnalysis
import HansardIngestion

/// Renders an analysis's commitments as a plain-text table for the terminal.
public enum AnalysisTableRenderer {
    /// A heading line, then one row per commitment: turn, who, action, what, timing, due date.
    public static func render(_ analysis: Analysis) -> String {
        var output = heading(analysis)
        for note in analysis.notes { output += "note: \(TextTable.oneLine(note))\n" }
        guard !analysis.commitments.isEmpty else {
            output += "No commitments found.\n"
            return output + counts(analysis)
        }
        let header = ["turn", "who", "department", "action", "what", "timing", "due", "strength"]
        // Cells are folded onto one line with control characters written visibly: they are page text.
        let rows = analysis.commitments.map { commitment -> [String] in
            let who = commitment.speaker.displayName
            let source = commitment.source == .acceptedRequest ? " (accepted request)" : ""
            return [
                String(commitment.turn), who, commitment.speaker.department ?? "-", commitment.action.rawValue + source,
                commitment.object,
                commitment.timing?.phrase ?? "-", commitment.timing?.dueBy?.description ?? "-",
                commitment.strength.rawValue,
            ].map(TextTable.oneLine)
        }
        let limits = [5, 24, 24, 32, 44, 22, 10, 11]
        let widths = header.indices.map { column in
            min(limits[column], max(header[column].count, rows.map { $0[column].count }.max() ?? 0))
        }
        output += line(header, widths) + "\n"
        output += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows { output += line(row, widths) + "\n" }
        return output + counts(analysis)
    }

    static func heading(_ analysis: Analysis) -> String {
        let debate = analysis.debate
        var facts = [TextTable.oneLine(debate.title)]
        if let house = debate.house { facts.append(house == .commons ? "House of Commons" : "House of Lords") }
        if let date = debate.date { facts.append(date.description) }
        return facts.joined(separator: " · ") + "\n"
    }

    private static func counts(_ analysis: Analysis) -> String {
        let accepted = analysis.requests.filter { $0.outcome == .accepted }.count
        return "\(analysis.commitments.count) commitments, \(analysis.questions.count) questions, "
            + "\(analysis.requests.count) requests (\(accepted) accepted), \(analysis.evasions.count) evasions, "
            + "\(analysis.followUps.count) follow-ups\n"
    }

    private static func line(_ cells: [String], _ widths: [Int]) -> String {
        cells.indices.map { column in
            let cell = cells[column]
            let width = widths[column]
            let fitted = cell.count > width ? String(cell.prefix(width - 1)) + "…" : cell
            return column == cells.count - 1 ? fitted : fitted + String(repeating: " ", count: width - fitted.count)
        }.joined(separator: "  ")
    }
}
