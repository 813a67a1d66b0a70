public import HansardRegister

/// Output formats for `hansard diff`.
public enum RegisterDiffFormat: String, Sendable, CaseIterable {
    case table, json, md
}

/// Renders a ``RegisterDiff``: new, resolved, still outstanding, changed and missing commitments.
public enum RegisterDiffRenderer {
    public static func render(_ diff: RegisterDiff, format: RegisterDiffFormat, width: Int = 100) throws -> String {
        switch format {
        case .json: return try JSONRendering.pretty(diff) + "\n"
        case .md: return markdown(diff)
        case .table: return table(diff, width: width)
        }
    }

    static func heading(_ diff: RegisterDiff) -> String {
        let old = TextTable.oneLine(diff.old.label)
        let new = TextTable.oneLine(diff.new.label)
        return "OLD \(old) (\(diff.old.commitments) commitments, as of \(TextTable.oneLine(diff.old.referenceDate)))\n"
            + "NEW \(new) (\(diff.new.commitments) commitments, as of \(TextTable.oneLine(diff.new.referenceDate)))\n"
    }

    static func summary(_ diff: RegisterDiff) -> String {
        "\(diff.added.count) new, \(diff.resolved.count) resolved, \(diff.stillOutstanding.count) still outstanding, "
            + "\(diff.changed.count) changed, \(diff.missing.count) missing"
    }

    static func describe(_ change: RegisterDiff.FieldChange) -> String {
        "\(change.field.rawValue): \(change.old ?? "none") → \(change.new ?? "none")"
    }

    static func table(_ diff: RegisterDiff, width: Int) -> String {
        var output = heading(diff) + summary(diff) + "\n"
        func section(_ title: String, headers: [String], rows: [[String]], flexible: Int) {
            guard !rows.isEmpty else { return }
            output += "\n\(title) (\(rows.count))\n"
            output += TextTable(headers: headers, rows: rows, flexibleColumn: flexible).render(width: width)
        }
        section(
            "New commitments", headers: ["ID", "MADE", "MINISTER", "COMMITMENT"],
            rows: diff.added.map { [$0.id, $0.debateDate ?? "", $0.speakerName ?? "", $0.quote] }, flexible: 3)
        section(
            "Resolved", headers: ["ID", "STATUS", "ON", "EVIDENCE"],
            rows: diff.resolved.map {
                [$0.commitment.id, $0.status.rawValue, $0.date ?? "", $0.evidence ?? ""]
            }, flexible: 3)
        section(
            "Still outstanding", headers: ["ID", "MADE", "AGE", "OLDER BY", "COMMITMENT"],
            rows: diff.stillOutstanding.map {
                [
                    $0.commitment.id, $0.commitment.debateDate ?? "",
                    ($0.newAgeDays.map { "\($0)d" } ?? "") + ($0.overdue ? " OVERDUE" : ""), "+\($0.olderByDays)d",
                    $0.commitment.quote,
                ]
            }, flexible: 4)
        section(
            "Changed", headers: ["ID", "CHANGES"],
            rows: diff.changed.map { [$0.commitment.id, $0.changes.map(describe).joined(separator: "; ")] }, flexible: 1)
        section(
            "Missing from NEW with no status event (warning)", headers: ["ID", "MADE", "COMMITMENT"],
            rows: diff.missing.map { [$0.id, $0.debateDate ?? "", $0.quote] }, flexible: 2)
        return output
    }

    static func markdown(_ diff: RegisterDiff) -> String {
        var output = "# Register diff\n\n- OLD: \(Markdown.escape(diff.old.label)) (\(diff.old.commitments) commitments, as of "
            + "\(Markdown.escape(diff.old.referenceDate)))\n- NEW: \(Markdown.escape(diff.new.label)) (\(diff.new.commitments)"
            + " commitments, as of \(Markdown.escape(diff.new.referenceDate)))\n- \(summary(diff))\n"
        func cell(_ text: String?) -> String { Markdown.escape(text ?? "") }
        func section(_ title: String, header: [String], rows: [[String?]]) {
            guard !rows.isEmpty else { return }
            output += "\n## \(title)\n\n| " + header.joined(separator: " | ") + " |\n|"
                + String(repeating: "---|", count: header.count) + "\n"
            for row in rows { output += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
        }
        section(
            "New commitments", header: ["Id", "Made", "Minister", "Commitment"],
            rows: diff.added.map { [$0.id, $0.debateDate, $0.speakerName, $0.quote] })
        section(
            "Resolved", header: ["Id", "Status", "On", "Evidence"],
            rows: diff.resolved.map { [$0.commitment.id, $0.status.rawValue, $0.date, $0.evidence] })
        section(
            "Still outstanding", header: ["Id", "Made", "Age (days)", "Older by (days)", "Commitment"],
            rows: diff.stillOutstanding.map {
                [
                    $0.commitment.id, $0.commitment.debateDate, $0.newAgeDays.map(String.init), String($0.olderByDays),
                    $0.commitment.quote,
                ]
            })
        section(
            "Changed", header: ["Id", "Changes"],
            rows: diff.changed.map { [$0.commitment.id, $0.changes.map(describe).joined(separator: "; ")] })
        section(
            "Missing from NEW with no status event", header: ["Id", "Made", "Commitment"],
            rows: diff.missing.map { [$0.id, $0.debateDate, $0.quote] })
        return output
    }
}

import Foundation
