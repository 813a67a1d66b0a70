import Foundation
import HansardAnalysis
import HansardIngestion
public import HansardRegister

/// Output formats for lists of commitments.
public enum CommitmentListFormat: String, Sendable, CaseIterable {
    /// A table that fits the terminal: the promise wraps within its column, low-value columns go first.
    case table
    /// Tab-separated, one line per commitment, nothing cut: what a list piped or redirected gets.
    case tsv
    case json, csv, md
}

/// Renders `hansard commitments` and `hansard search`: a table sized to the terminal, tab-separated values,
/// JSON (`hansard.commitments/1`), CSV or Markdown.
public enum CommitmentListRenderer {
    /// How to render a list.
    public struct Options: Sendable {
        /// The terminal's width, for tables.
        public var width: Int
        /// Show each commitment's words too (Markdown always does).
        public var quote: Bool
        /// Short ids to print in tables, by full id (see ``Register/shortIds(minimum:)``); full ids otherwise.
        public var shortIds: [String: String]
        /// The CSV and tab-separated columns; nil for the defaults (every column in CSV; the table's in TSV).
        public var columns: [CommitmentColumns.Column]?
        /// In CSV, prefix `'` to cells a spreadsheet would run as formulas (see ``CSVWriting``).
        public var formulaGuard: Bool
        /// In CSV, a byte order mark for Excel.
        public var excel: Bool
        /// What each row's CSV columns read beside the listing (request, events, edits, links, debate).
        public var context: RowContext

        /// Options; by default a 100-column table with full ids and every CSV column.
        public init(
            width: Int = 100, quote: Bool = false, shortIds: [String: String] = [:],
            columns: [CommitmentColumns.Column]? = nil, formulaGuard: Bool = true, excel: Bool = false,
            context: RowContext = RowContext()
        ) {
            self.width = width
            self.quote = quote
            self.shortIds = shortIds
            self.columns = columns
            self.formulaGuard = formulaGuard
            self.excel = excel
            self.context = context
        }
    }

    /// The list in `format`.
    public static func render(_ list: CommitmentList, format: CommitmentListFormat, options: Options = Options())
        throws -> String
    {
        switch format {
        case .json: return try JSONRendering.pretty(list) + "\n"
        case .csv:
            return CommitmentColumns.csv(
                CommitmentRow.rows(list, context: options.context), columns: options.columns ?? CommitmentColumns.all,
                formulaGuard: options.formulaGuard, excel: options.excel)
        case .tsv:
            var columns = try options.columns ?? CommitmentColumns.named(CommitmentColumns.listNames)
            if options.columns == nil {
                if list.government == nil { columns += try CommitmentColumns.named(["government"]) }
                if options.quote { columns += try CommitmentColumns.named(["quote"]) }
            }
            return CommitmentColumns.tsv(CommitmentRow.rows(list, context: options.context), columns: columns)
        case .md: return markdown(list)
        case .table: return table(list, options: options)
        }
    }

    /// A Markdown table with the words in full: a document is read away from the register, so it quotes.
    static func markdown(_ list: CommitmentList) -> String {
        var output =
            "| Id | Made | Minister | Department | Promise | Due | Status | Age | Citation | Words |\n"
            + "|---|---|---|---|---|---|---|---|---|---|\n"
        for item in list.items {
            let c = item.commitment
            var cells = [
                c.id, c.debateDate?.description ?? "", minister(item), c.department ?? "", c.promise, due(item),
                late(item),
                item.age ?? "",
            ].map(markdownCell)
            let citation = markdownCell(item.citation.text)
            cells.append(item.citation.link.map { citation + " " + Markdown.link($0) } ?? citation)
            cells.append(markdownCell(c.quote))
            output += "| " + cells.joined(separator: " | ") + " |\n"
        }
        output += "\n\(summary(list))\n"
        return output
    }

    static func table(_ list: CommitmentList, options: Options) -> String {
        if list.items.isEmpty {
            let text = "No \(noun(list))\(governmentText(list)) as of \(list.asOf). " + others(list)
            return TextTable.wrap(text.trimmingCharacters(in: .whitespacesAndNewlines), width: options.width)
                .joined(separator: "\n") + "\n"
        }
        var columns: [TextTable.Column] = [
            .init("ID", wraps: false),
            .init("MADE", wraps: false, priority: 20),
            .init("MINISTER", minimum: 12, maximum: 28, priority: 70),
            .init("DEPARTMENT", minimum: 12, maximum: 28, priority: 30),
            .init("PROMISE", minimum: 20),
            .init("DUE", minimum: 12, maximum: 24, priority: 80),
            // "OVERDUE 3 years" on a line; an age is left out rather than broken.
            .init("STATUS", minimum: 15, maximum: 26, priority: 75),
            .init("AGE", wraps: false, priority: 10),
        ]
        let showGovernment = list.government == nil
        // Across governments, which one made it matters more than the department or the date.
        if showGovernment { columns.append(.init("GOVERNMENT", minimum: 10, maximum: 24, priority: 65)) }
        if options.quote { columns.append(.init("QUOTE", minimum: 20, priority: 90)) }
        let rows = list.items.map { item -> [String] in
            let c = item.commitment
            var row = [
                options.shortIds[c.id] ?? c.id, c.debateDate?.description ?? "", minister(item), c.department ?? "",
                c.promise,
                due(item), late(item), item.age ?? "",
            ]
            if showGovernment { row.append(item.government?.name ?? "") }
            if options.quote { row.append(c.quote) }
            return row
        }
        let rendering = TextTable(columns: columns, rows: rows).layout(width: options.width)
        var notes = summary(list)
        if !rendering.omitted.isEmpty {
            notes +=
                " Not shown at this width: \(rendering.omitted.joined(separator: ", ")); piped or redirected,"
                + " every column is written in full."
        }
        let tail = others(list).trimmingCharacters(in: .newlines)
        if !tail.isEmpty { notes += " " + tail }
        return rendering.text + TextTable.wrap(notes, width: options.width).joined(separator: "\n") + "\n"
    }

    /// The due date and the words that gave it: `2023-06-08 "shortly"`.
    static func due(_ item: CommitmentListing) -> String {
        let c = item.commitment
        let phrase = c.timingPhrase.map { "\"\($0)\"" }
        return [c.dueBy?.description, phrase].compactMap { $0 }.joined(separator: " ")
    }

    /// How late it is, or the status when the commitment is no longer outstanding.
    static func late(_ item: CommitmentListing) -> String {
        var text = item.overdueBy.map { "OVERDUE \($0)" } ?? (item.isOverdue ? "OVERDUE" : "")
        if !item.status.isOpen { text = item.status.rawValue }
        if item.commitment.missingSinceRevision != nil { text += text.isEmpty ? "not in text" : " (not in text)" }
        return text
    }

    /// The minister as one person across the register, and the department.
    static func minister(_ item: CommitmentListing) -> String {
        item.person.displayName
    }

    static func noun(_ list: CommitmentList) -> String {
        switch list.scope {
        case .outstanding: return "outstanding commitments"
        case .overdue: return "overdue commitments"
        case .resolved: return "resolved commitments"
        case .standing: return "commitments"
        case .dismissed: return "dismissed commitments"
        case .all: return "commitments"
        }
    }

    static func governmentText(_ list: CommitmentList) -> String {
        list.government.map { " of the \($0.label)" } ?? ""
    }

    /// What the same filters find under other governments, and how to list them.
    public static func others(_ list: CommitmentList) -> String {
        guard let count = list.otherGovernments, count > 0 else { return "" }
        return
            "\(count) more under other governments: --all-governments lists them, --government NAME one government's.\n"
    }

    static func summary(_ list: CommitmentList) -> String {
        let overdue = list.items.filter(\.isOverdue).count
        let tail =
            list.scope == .overdue || list.scope == .dismissed || list.scope == .resolved ? "" : "; \(overdue) overdue"
        return "\(list.items.count) \(noun(list))\(governmentText(list)) as of \(list.asOf)\(tail)."
    }

    static func markdownCell(_ text: String) -> String { Markdown.escape(text) }
}
