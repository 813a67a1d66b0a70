import HansardAnalysis
import HansardIngestion
public import HansardRegister

/// Output formats for lists of commitments.
public enum CommitmentListFormat: String, Sendable, CaseIterable {
    case table, json, csv, md
}

/// Renders `hansard commitments`: a table sized to the terminal, JSON (`hansard.commitments/1`), CSV or Markdown.
public enum CommitmentListRenderer {
    /// - Parameter formulaGuard: in CSV, prefix `'` to cells a spreadsheet would run as formulas
    ///   (see ``CSVWriting``).
    public static func render(
        _ list: CommitmentList, format: CommitmentListFormat, width: Int = 100, formulaGuard: Bool = true
    ) throws -> String {
        switch format {
        case .json: return try JSONRendering.pretty(list) + "\n"
        case .csv: return csv(list, formulaGuard: formulaGuard)
        case .md: return markdown(list)
        case .table: return table(list, width: width)
        }
    }

    static let csvHeader = [
        "id", "status", "overdue_days", "age_days", "due_by", "timing", "debate_date", "house", "minister",
        "department", "action", "subject", "quote", "debate",
    ]

    static func csv(_ list: CommitmentList, formulaGuard: Bool = true) -> String {
        var output = CSVWriting.record(csvHeader)
        output.reserveCapacity(list.items.count * 400)
        for item in list.items {
            let c = item.commitment
            output += CSVWriting.record([
                c.id, item.status.rawValue, item.overdueDays.map(String.init), item.ageDays.map(String.init), c.dueBy,
                c.timingPhrase, c.debateDate, c.house?.rawValue, item.person.displayName, c.department, c.action.rawValue,
                c.subject, c.quote, item.debateTitle,
            ], formulaGuard: formulaGuard)
        }
        return output
    }

    static func markdown(_ list: CommitmentList) -> String {
        var output = "| Id | Made | Age | Due | Minister | Commitment |\n|---|---|---|---|---|---|\n"
        for item in list.items {
            output +=
                "| \(markdownCell(item.commitment.id)) | \(markdownCell(item.commitment.debateDate ?? "")) | \(age(item)) "
                + "| \(markdownCell(due(item))) \(markdownCell(late(item))) "
                + "| \(markdownCell(minister(item))) | \(markdownCell(item.commitment.quote)) |\n"
        }
        output += "\n\(summary(list))\n"
        return output
    }

    static func table(_ list: CommitmentList, width: Int) -> String {
        if list.items.isEmpty { return "No \(noun(list)) as of \(list.asOf).\n" }
        let rows = list.items.map { item in
            [
                item.commitment.id, item.commitment.debateDate ?? "", age(item), due(item), late(item),
                minister(item), item.commitment.quote,
            ]
        }
        let table = TextTable(
            headers: ["ID", "MADE", "AGE", "DUE", "LATE", "MINISTER", "COMMITMENT"], rows: rows, flexibleColumn: 6,
            maximumWidths: [nil, nil, nil, 16, 14, 22, nil])
        return table.render(width: width) + summary(list) + "\n"
    }

    static func age(_ item: CommitmentListing) -> String { item.ageDays.map { "\($0)d" } ?? "" }

    static func due(_ item: CommitmentListing) -> String {
        item.commitment.dueBy ?? item.commitment.timingPhrase.map { "\"\($0)\"" } ?? ""
    }

    /// The overdue mark, or the status when the commitment is no longer outstanding.
    static func late(_ item: CommitmentListing) -> String {
        var text = item.overdueDays.map { "OVERDUE \($0)d" } ?? (item.status.isOpen ? "" : item.status.rawValue)
        if item.commitment.missingSinceRevision != nil { text += text.isEmpty ? "not in text" : " !" }
        return text
    }

    /// The minister as one person across the register, and the department.
    static func minister(_ item: CommitmentListing) -> String {
        let name = item.person.displayName
        return item.commitment.department.map { "\(name), \($0)" } ?? name
    }

    static func noun(_ list: CommitmentList) -> String {
        switch list.scope {
        case .outstanding: return "outstanding commitments"
        case .overdue: return "overdue commitments"
        case .all: return "commitments"
        }
    }

    static func summary(_ list: CommitmentList) -> String {
        let overdue = list.items.filter(\.isOverdue).count
        let tail = list.scope == .overdue ? "" : "; \(overdue) overdue"
        return "\(list.items.count) \(noun(list)) as of \(list.asOf)\(tail)."
    }

    static func markdownCell(_ text: String) -> String { Markdown.escape(text) }
}

import Foundation
