import HansardIngestion
public import HansardRegister

/// Output formats for `hansard diff`.
public enum RegisterDiffFormat: String, Sendable, CaseIterable {
    case table, json, md
}

/// Renders a ``RegisterDiff``: new, resolved, still outstanding, changed and missing commitments.
public enum RegisterDiffRenderer {
    /// The diff as a text table fitted to `width` columns, as JSON, or as Markdown.
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
        return "OLD \(old) (\(diff.old.commitments) commitments, as of \(diff.old.referenceDate.description))\n"
            + "NEW \(new) (\(diff.new.commitments) commitments, as of \(diff.new.referenceDate.description))\n"
    }

    static func summary(_ diff: RegisterDiff) -> String {
        "\(diff.added.count) new, \(diff.resolved.count) resolved, \(diff.stillOutstanding.count) still outstanding, "
            + "\(diff.changed.count) changed, \(diff.missing.count) missing"
    }

    static func describe(_ change: RegisterDiff.FieldChange) -> String {
        "\(change.field.rawValue): \(change.old ?? "none") → \(change.new ?? "none")"
    }

    /// "1961-07-18, Oral Answers to Questions": when and in which debate.
    static func made(_ c: CommitmentRecord) -> String {
        [c.debateDate?.description ?? "undated", c.debateTitle].compactMap { $0 }.joined(separator: ", ")
    }

    static func who(_ c: CommitmentRecord) -> String {
        [c.speakerName, c.department].compactMap { $0 }.joined(separator: ", ")
    }

    static func table(_ diff: RegisterDiff, width: Int) -> String {
        var output = heading(diff) + summary(diff) + "\n"
        func section(_ title: String, columns: [TextTable.Column], rows: [[String]]) {
            guard !rows.isEmpty else { return }
            output += "\n\(title) (\(rows.count))\n"
            output += TextTable(columns: columns, rows: rows).render(width: width)
        }
        let id = TextTable.Column("ID", wraps: false)
        let madeColumn = TextTable.Column("MADE", minimum: 16, maximum: 40, priority: 40)
        let whoColumn = TextTable.Column("MINISTER", minimum: 12, maximum: 30, priority: 30)
        let promise = TextTable.Column("PROMISE", minimum: 20)
        section(
            "New commitments", columns: [id, madeColumn, whoColumn, promise],
            rows: diff.added.map { [$0.id, made($0), who($0), $0.promise] })
        section(
            "Resolved",
            columns: [
                id, .init("STATUS", wraps: false), .init("ON", wraps: false),
                .init("PROMISE", minimum: 16, priority: 50),
                .init("EVIDENCE", minimum: 20),
            ],
            rows: diff.resolved.map {
                [
                    $0.commitment.id, $0.status.rawValue, $0.date?.description ?? "", $0.commitment.promise,
                    $0.evidence ?? "",
                ]
            })
        section(
            "Still outstanding",
            columns: [
                id, madeColumn, .init("AGE", wraps: false, priority: 20), .init("OLDER BY", wraps: false, priority: 10),
                promise,
            ],
            rows: diff.stillOutstanding.map {
                [
                    $0.commitment.id, made($0.commitment),
                    ($0.commitment.debateDate.flatMap { CalendarDate.age(from: $0, to: diff.new.referenceDate) } ?? "")
                        + ($0.overdue ? " OVERDUE" : ""), "+\($0.olderByDays)d", $0.commitment.promise,
                ]
            })
        section(
            "Changed",
            columns: [id, madeColumn, .init("PROMISE", minimum: 16, priority: 50), .init("CHANGES", minimum: 20)],
            rows: diff.changed.map {
                [
                    $0.commitment.id, made($0.commitment), $0.commitment.promise,
                    $0.changes.map(describe).joined(separator: "; "),
                ]
            })
        section(
            "Missing from NEW with no status event (warning)", columns: [id, madeColumn, promise],
            rows: diff.missing.map { [$0.id, made($0), $0.promise] })
        return output
    }

    static func markdown(_ diff: RegisterDiff) -> String {
        var output =
            "# Register diff\n\n- OLD: \(Markdown.escape(diff.old.label)) (\(diff.old.commitments) commitments, as of "
            + "\(diff.old.referenceDate.description))\n- NEW: \(Markdown.escape(diff.new.label)) (\(diff.new.commitments)"
            + " commitments, as of \(diff.new.referenceDate.description))\n- \(summary(diff))\n"
        func cell(_ text: String?) -> String { Markdown.escape(text ?? "") }
        func section(_ title: String, header: [String], rows: [[String?]]) {
            guard !rows.isEmpty else { return }
            output +=
                "\n## \(title)\n\n| " + header.joined(separator: " | ") + " |\n|"
                + String(repeating: "---|", count: header.count) + "\n"
            for row in rows { output += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
        }
        section(
            "New commitments", header: ["Id", "Made", "Debate", "Minister", "Promise", "Commitment"],
            rows: diff.added.map { [$0.id, $0.debateDate?.description, $0.debateTitle, who($0), $0.promise, $0.quote] })
        section(
            "Resolved", header: ["Id", "Status", "On", "Promise", "Evidence"],
            rows: diff.resolved.map {
                [$0.commitment.id, $0.status.rawValue, $0.date?.description, $0.commitment.promise, $0.evidence]
            })
        section(
            "Still outstanding", header: ["Id", "Made", "Debate", "Age (days)", "Older by (days)", "Promise"],
            rows: diff.stillOutstanding.map {
                [
                    $0.commitment.id, $0.commitment.debateDate?.description, $0.commitment.debateTitle,
                    $0.newAgeDays.map(String.init),
                    String($0.olderByDays), $0.commitment.promise,
                ]
            })
        section(
            "Changed", header: ["Id", "Made", "Promise", "Changes"],
            rows: diff.changed.map {
                [
                    $0.commitment.id, $0.commitment.debateDate?.description, $0.commitment.promise,
                    $0.changes.map(describe).joined(separator: "; "),
                ]
            })
        section(
            "Missing from NEW with no status event", header: ["Id", "Made", "Debate", "Commitment"],
            rows: diff.missing.map { [$0.id, $0.debateDate?.description, $0.debateTitle, $0.quote] })
        return output
    }
}
