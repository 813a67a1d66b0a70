import HansardAnalysis
import HansardIngestion
public import HansardRegister

/// Renders `hansard register show`: the commitment, its history and its candidate follow-ups.
public enum CommitmentDetailRenderer {
    public static func render(_ detail: CommitmentDetail, json: Bool) throws -> String {
        if json { return try JSONRendering.pretty(detail) + "\n" }
        let c = detail.commitment
        let d = detail.debate
        var lines: [String] = []
        lines.append("Commitment \(c.id)  [\(c.status.rawValue)\(c.statusDate.map { " since \($0)" } ?? "")]")
        if c.missingSinceRevision != nil {
            lines.append("  Warning: the revised page (revision \(c.missingSinceRevision!)) no longer contains it.")
        }
        lines.append("  \"\(TextTable.oneLine(c.quote))\"")
        lines.append("  Minister:   \(c.minister)\(c.office.map { " (\($0))" } ?? "")")
        if c.aliases.count > 1 { lines.append("              also \(c.aliases.filter { $0 != c.speakerName }.joined(separator: "; "))") }
        if let department = c.department {
            lines.append("  Department: \(department)\(c.departmentSource.map { " (from \($0))" } ?? "")")
        }
        for (number, reason) in c.evidence.enumerated() {
            lines.append((number == 0 ? "  Why:        " : "              ") + reason)
        }
        lines.append("  Action:     \(c.action.rawValue): \(c.object)  [subject: \(c.subject); \(c.strength.rawValue)]")
        var timing = c.timingClass.rawValue
        if let phrase = c.timingPhrase { timing += ", \"\(phrase)\"" }
        if let due = c.dueBy { timing += ", due by \(due)" }
        lines.append("  Timing:     \(timing)")
        lines.append("  Debate:     \(d.title), \([d.house?.rawValue, d.date].compactMap { $0 }.joined(separator: ", ")) (turn \(c.turn))")
        if let url = d.url { lines.append("              \(url)") }
        lines.append("              \(d.sourcePath) (revision \(d.revision))")
        if let request = detail.request {
            lines.append("  Asked by:   \(request.speakerName ?? "a member"): \"\(TextTable.oneLine(request.quote))\"")
        }
        if !detail.changes.isEmpty {
            lines.append("")
            lines.append("Changes in revised pages:")
            for change in detail.changes {
                var text = "  revision \(change.revision): \(change.kind.rawValue)"
                if let old = change.oldValue, let new = change.newValue { text += ": \"\(old)\" → \"\(new)\"" }
                lines.append(text)
            }
        }
        lines.append("")
        lines.append("Status history:")
        if detail.statusEvents.isEmpty { lines.append("  outstanding since \(d.date ?? String(d.addedAt.prefix(10)))") }
        for event in detail.statusEvents {
            var text = "  \(event.effectiveDate)  \(event.status.rawValue)  by \(event.actor) (recorded \(event.recordedAt))"
            if let evidence = event.evidence { text += "\n      evidence: \(evidence)" }
            if let reason = event.reason { text += "\n      why: \(reason)" }
            lines.append(text)
        }
        if !detail.notes.isEmpty {
            lines.append("")
            lines.append("Notes:")
            for note in detail.notes { lines.append("  \(note.recordedAt) \(note.author): \(note.text)") }
        }
        lines.append("")
        lines.append("Follow-ups in later debates:")
        if detail.links.isEmpty { lines.append("  none found") }
        for link in detail.links {
            let later = detail.linkedDebates[link.debateId]
            lines.append(
                "  \(link.id)  \(link.state.rawValue)  score \(String(format: "%.2f", link.score))  \(link.kind.rawValue)"
                    + (link.suggestsFulfilment ? "  (says it was done)" : ""))
            lines.append(
                "      \(later?.title ?? link.debateId), \(later?.date ?? "undated"), turn \(link.turn)"
                    + (link.speakerName.map { ", \($0)" } ?? ""))
            lines.append("      \"\(TextTable.oneLine(link.quote))\"")
            lines.append("      why: \(link.evidence)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

import Foundation
