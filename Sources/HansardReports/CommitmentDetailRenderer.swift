import Foundation
import HansardAnalysis
import HansardIngestion
public import HansardRegister

/// Renders `hansard register show`: the commitment, its history and its candidate follow-ups.
public enum CommitmentDetailRenderer {
    /// The commitment's detail as pretty JSON, or as text for a terminal with every value on one line.
    public static func render(_ detail: CommitmentDetail, json: Bool) throws -> String {
        if json { return try JSONRendering.pretty(detail) + "\n" }
        // Every value is folded onto one line with control characters written visibly: quotes come from pages,
        // evidence and notes from users, and this is read on a terminal.
        let t = TextTable.oneLine
        let c = detail.commitment
        let d = detail.debate
        var lines: [String] = []
        lines.append(
            "Commitment \(t(c.id))  [\(c.status.rawValue)\(c.statusDate.map { " since \(t($0.description))" } ?? "")]")
        if let missing = c.missingSinceRevision {
            lines.append("  Warning: the revised page (revision \(missing)) no longer contains it.")
        }
        lines.append("  \"\(t(c.quote))\"")
        // What a person corrected, and what the page reads for it now where that differs.
        let readings = c.machineReadings
        let edited = Dictionary(detail.edits.map { ($0.field, $0) }, uniquingKeysWith: { _, later in later })
        func note(_ field: CommitmentField) -> String {
            guard let edit = edited[field] else { return "" }
            var text = "  [edited by \(t(edit.actor))"
            if let reading = readings[field], reading != field.value(in: c) {
                text += "; the page reads \"\(t(reading ?? "none"))\""
            }
            return text + "]"
        }
        lines.append("  Promise:    \(t(c.promise))")
        lines.append("  Minister:   \(t(c.minister))\(c.office.map { " (\(t($0)))" } ?? "")" + note(.minister))
        if c.aliases.count > 1 {
            lines.append("              also \(t(c.aliases.filter { $0 != c.speakerName }.joined(separator: "; ")))")
        }
        if let department = c.department {
            lines.append(
                // Where the machine read the department says nothing of a department a person set.
                "  Department: \(t(department))"
                    + (edited[.department] == nil ? c.departmentSource.map { " (from \(t($0)))" } ?? "" : "")
                    + note(.department))
        }
        for (number, reason) in c.evidence.enumerated() {
            lines.append((number == 0 ? "  Why:        " : "              ") + t(reason))
        }
        lines.append(
            "  Action:     \(c.action.rawValue): \(t(c.object))  [subject: \(t(c.subject)); \(c.strength.rawValue)]"
                + note(.action) + note(.object))
        var timing = c.timingClass.rawValue
        if let phrase = c.timingPhrase { timing += ", \"\(t(phrase))\"" }
        if let due = c.dueBy { timing += ", due by \(t(due.description))" }
        lines.append("  Timing:     \(timing)" + note(.timing) + note(.dueBy))
        let place = [d.house?.rawValue, d.date?.description].compactMap { $0 }.joined(separator: ", ")
        let citation = detail.citation
        lines.append("  Debate:     \(t(citation.title)), \(t(place)) (turn \(c.turn))")
        if let heading = citation.heading, heading != citation.title { lines.append("  Heading:    \(t(heading))") }
        lines.append(
            "  Citation:   \(t(citation.text))" + (citation.contributionId.map { " (contribution \(t($0)))" } ?? ""))
        if let link = citation.link ?? citation.pageURL { lines.append("  Link:       \(t(link))") }
        if let government = detail.government {
            lines.append(
                "  Government: \(t(government.label))" + (c.parliament.map { ", the \(t($0)) Parliament" } ?? ""))
        }
        lines.append("  Source:     \(t(d.sourcePath)) (revision \(d.revision), SHA-256 \(d.sha256.prefix(16))…)")
        if let request = detail.request {
            lines.append("  Asked by:   \(t(request.speakerName ?? "a member")): \"\(t(request.quote))\"")
        }
        if !detail.edits.isEmpty {
            lines.append("")
            lines.append("Corrections:")
            for edit in detail.edits {
                var text =
                    "  \(t(edit.recordedAt))  \(edit.field.rawValue): \"\(t(edit.previous ?? "none"))\" → "
                    + "\"\(t(edit.value ?? "none"))\"  by \(t(edit.actor))"
                if let reason = edit.reason { text += "\n      why: \(t(reason))" }
                lines.append(text)
            }
        }
        if !detail.changes.isEmpty {
            lines.append("")
            lines.append("Changes in revised pages:")
            for change in detail.changes {
                var text = "  revision \(change.revision): \(change.kind.rawValue)"
                if change.kind == .disagrees || change.kind == .agrees {
                    text +=
                        " \(change.field ?? ""): the page reads \"\(t(change.newValue ?? "none"))\"; the edit "
                        + "\"\(t(change.oldValue ?? "none"))\" is kept"
                } else if let old = change.oldValue, let new = change.newValue {
                    text += ": \"\(t(old))\" → \"\(t(new))\""
                }
                lines.append(text)
            }
        }
        lines.append("")
        lines.append("Status history:")
        if detail.statusEvents.isEmpty {
            lines.append("  outstanding since \(t(d.date?.description ?? String(d.addedAt.prefix(10))))")
        }
        for event in detail.statusEvents {
            var text =
                "  \(t(event.effectiveDate.description))  \(event.status.rawValue)  by \(t(event.actor)) (recorded \(t(event.recordedAt)))"
            if let evidence = event.evidence { text += "\n      evidence: \(t(evidence))" }
            if let reason = event.reason { text += "\n      why: \(t(reason))" }
            lines.append(text)
        }
        if !detail.notes.isEmpty {
            lines.append("")
            lines.append("Notes:")
            for note in detail.notes { lines.append("  \(t(note.recordedAt)) \(t(note.author)): \(t(note.text))") }
        }
        lines.append("")
        lines.append("Follow-ups in later debates:")
        if detail.links.isEmpty { lines.append("  none found") }
        for link in detail.links {
            let later = detail.linkedDebates[link.debateId]
            lines.append(
                "  \(t(link.id))  \(link.state.rawValue)  score \(String(format: "%.2f", link.score))  \(link.kind.rawValue)"
                    + (link.suggestsFulfilment ? "  (says it was done)" : ""))
            lines.append(
                "      \(t(later?.title ?? link.debateId)), \(t(later?.date?.description ?? "undated")), turn \(link.turn)"
                    + (link.speakerName.map { ", \(t($0))" } ?? ""))
            lines.append("      \"\(t(link.quote))\"")
            lines.append("      why: \(t(link.evidence))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
