import ArgumentParser
import Foundation
import HansardIngestion
import HansardRegister
import HansardReports

extension Hansard {
    struct Commitments: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List commitments in the register: the current government's outstanding ones, oldest due first.",
            discussion: """
                Each row gives the id (a short prefix any command accepts), the minister, the department, the \
                promise (action: object), the due date and the words that gave it, OVERDUE and by how long, \
                and the age. Commitments with no due date ("in due course") follow those with one, oldest \
                first. The current government is the one in office on the list's date (--as-of, default \
                today); --all-governments lists every government's, --government NAME one's.

                On a terminal the table fits the window: the promise wraps within its column and the least \
                useful columns are left out first. Piped or redirected, the list is tab-separated with every \
                cell whole; --format csv gives every column (--columns to choose; --excel for spreadsheets).

                Examples:
                  hansard commitments
                  hansard commitments --all-governments --overdue --house lords --format md
                  hansard commitments --government sunak --quote
                  hansard commitments --session 2008-09 --department Defence --format csv --excel > defence.csv
                  hansard commitments --as-of 2010-01-01 --minister Thornton
                  hansard commitments --format csv --columns id,minister,promise,due_by,citation,link
                  hansard commitments --department "Home Department" --all --all-governments
                """
        )

        @OptionGroup var location: RegisterLocation
        @OptionGroup var filters: ListFilters
        @OptionGroup var output: ListOutput

        func validate() throws {
            try filters.check()
            try output.check()
        }

        func run() throws {
            let register = try location.open(readOnly: true)
            let query = try filters.query(scope: .outstanding, governments: .current)
            try output.write(register.commitments(query), register: register)
        }
    }

    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find commitments by their words, what they promise, the minister, department or debate.",
            discussion: """
                Full-text search (SQLite FTS5) over each commitment's quote, object, minister, department, \
                debate title and heading. Every word must match; a word finds the words it begins and their \
                other forms ("publish" finds "published"). Best matches first. Searches every government's \
                commitments, whatever their status but dismissed ones; the filters and formats are those of \
                `hansard commitments` (--outstanding, --overdue, --government, --all for dismissed ones too).

                Examples:
                  hansard search whatsapp
                  hansard search "written guidance" --outstanding --house lords
                  hansard search prison sites --format csv --columns id,promise,citation,link
                """
        )

        @OptionGroup var location: RegisterLocation

        @Argument(help: ArgumentHelp("The words to find.", valueName: "text"))
        var words: [String]

        @OptionGroup var filters: ListFilters
        @OptionGroup var output: ListOutput

        func validate() throws {
            if words.joined().allSatisfy(\.isWhitespace) {
                throw ValidationError("Give a word to search for, e.g. hansard search guidance.")
            }
            try filters.check()
            try output.check()
        }

        func run() throws {
            let register = try location.open(readOnly: true)
            var query = try filters.query(scope: .standing, governments: .all)
            query.text = words.joined(separator: " ")
            try output.write(register.commitments(query), register: register)
        }
    }
}

/// The filters `hansard commitments` and `hansard search` share.
struct ListFilters: ParsableArguments {
    @Flag(help: "Outstanding commitments (the default of `commitments`).")
    var outstanding = false

    @Flag(help: "Only outstanding commitments past their due date.")
    var overdue = false

    @Flag(help: "Only fulfilled, partly fulfilled, withdrawn or lapsed ones.")
    var resolved = false

    @Flag(help: "Only those dismissed as not commitments.")
    var dismissed = false

    @Flag(help: "Every commitment, whatever its status, dismissed ones too.")
    var all = false

    @Option(help: ArgumentHelp("Reckon ages, overdue marks and statuses at this date (yyyy-MM-dd).", valueName: "date"))
    var asOf: DateArgument?

    @Option(
        help: ArgumentHelp(
            "Part of any name a page gives the minister (\"Eccles\", \"Sir D. Eccles\").", valueName: "name"))
    var minister: String?

    @Option(
        help: ArgumentHelp(
            "A department by any of its names, headings or offices, with the departments it succeeded (\"Home Office\", "
                + "\"Home Department\", \"Treasury\", \"Justice\"); other text matches part of the department or office line.",
            valueName: "name"))
    var department: String?

    @Option(help: "commons or lords.")
    var house: HouseArgument?

    @Option(help: ArgumentHelp("Made on or after this date.", valueName: "date"))
    var since: DateArgument?

    @Option(help: ArgumentHelp("Made on or before this date.", valueName: "date"))
    var until: DateArgument?

    @Option(help: ArgumentHelp("Made during this parliamentary session, e.g. 2022-23.", valueName: "session"))
    var session: String?

    @Option(
        help: ArgumentHelp(
            "Made under this government: a Prime Minister's name or an id such as sunak-2022.", valueName: "name"))
    var government: String?

    @Flag(help: "Every government's commitments, not only the current government's.")
    var allGovernments = false

    // Unconditional, so that "--limit -1" is read as the value it is (and refused) rather than as an option.
    @Option(parsing: .unconditional, help: ArgumentHelp("At most this many rows.", valueName: "n"))
    var limit: Int?

    func check() throws {
        if [outstanding, overdue, resolved, dismissed, all].filter({ $0 }).count > 1 {
            throw ValidationError("Choose one of --outstanding, --overdue, --resolved, --dismissed and --all.")
        }
        if let limit, limit < 1 {
            throw ValidationError("--limit must be at least 1 (it is \(limit)); leave it out to list every row.")
        }
        if government != nil && allGovernments {
            throw ValidationError("Choose --government NAME or --all-governments, not both.")
        }
    }

    func query(scope: CommitmentQuery.Scope, governments: CommitmentQuery.Governments) throws(RegisterError)
        -> CommitmentQuery
    {
        var chosen = governments
        if allGovernments { chosen = .all }
        if let government {
            guard let found = Administrations.named(government) else {
                throw .unknownGovernment(government, candidates: Administrations.matching(government).map(\.id))
            }
            chosen = .named(found.id)
        }
        let scope: CommitmentQuery.Scope =
            all
            ? .all
            : overdue
                ? .overdue
                : resolved
                    ? .resolved
                    : dismissed
                        ? .dismissed
                        : outstanding
                            ? .outstanding
                            : scope
        return CommitmentQuery(
            scope: scope, asOf: asOf?.date, minister: minister, department: department, house: house?.house,
            since: since?.date, until: until?.date, session: session, limit: limit, governments: chosen)
    }
}

/// How `hansard commitments` and `hansard search` write their list.
struct ListOutput: ParsableArguments {
    @Option(help: "table, tsv, json, csv or md (default: table on a terminal, tsv when piped or redirected).")
    var format: ListFormatArgument?

    @Flag(help: "Show each commitment's words too (a column of the table, tsv and md).")
    var quote = false

    @Option(
        help: ArgumentHelp(
            "The csv or tsv columns, by name, comma-separated (`--columns help` lists them).", valueName: "names"))
    var columns: String?

    @Flag(
        help: ArgumentHelp(
            "CSV cells exactly as stored, for programs: no ' before a cell that begins with = + - @, a tab or CR"
                + " (a spreadsheet would run such a cell as a formula)."))
    var rawCsv = false

    @Flag(help: "CSV for Excel: UTF-8 with a byte order mark, so ’ and £ open intact.")
    var excel = false

    func check() throws {
        if columns == "help" { throw CleanExit.message(ListOutput.columnHelp) }
        if let columns {
            do {
                _ = try CommitmentColumns.named(columns.split(separator: ",").map(String.init))
            } catch {
                throw ValidationError("--columns: \(error.description)")
            }
            if let format, format != .csv && format != .tsv {
                throw ValidationError("--columns chooses csv or tsv columns; add --format csv or --format tsv.")
            }
        }
        if excel && format != .csv { throw ValidationError("--excel writes CSV; add --format csv.") }
    }

    /// Every column's name and meaning, for `--columns help`.
    static var columnHelp: String {
        CommitmentColumns.all.map { "\($0.name)\t\($0.meaning)" }.joined(separator: "\n")
    }

    var chosenFormat: CommitmentListFormat {
        format?.format ?? (Terminal.standardOutputIsTerminal ? .table : .tsv)
    }

    func write(_ list: CommitmentList, register: any RegisterBackend) throws {
        let format = chosenFormat
        var options = CommitmentListRenderer.Options(
            width: Terminal.width(), quote: quote, formulaGuard: !rawCsv, excel: excel)
        if let columns {
            options.columns = try CommitmentColumns.named(columns.split(separator: ",").map(String.init))
        }
        if format == .table {
            options.shortIds = try register.shortIds(for: list.items.map(\.commitment.id), minimum: 10)
        }
        // The debates, requests, events, edits and links are read only when a column shows them.
        let needsContext =
            format == .csv && (options.columns ?? CommitmentColumns.all).contains(where: \.needsContext)
            || format == .tsv && (options.columns ?? []).contains(where: \.needsContext)
        if needsContext { options.context = try register.context(for: list.items) }
        Terminal.writeTable(
            try CommitmentListRenderer.render(list, format: format, options: options), plain: format != .table)
        // An empty machine-readable list says on stderr where the rows are, keeping stdout clean.
        if format != .table && format != .md && list.items.isEmpty, let count = list.otherGovernments, count > 0 {
            Terminal.report(
                "no rows under the \(list.government?.label ?? "current government"); "
                    + CommitmentListRenderer.others(list).trimmingCharacters(in: .newlines))
        }
    }
}

enum ListFormatArgument: String, ExpressibleByArgument, CaseIterable {
    case table, tsv, json, csv, md
    var format: CommitmentListFormat { CommitmentListFormat(rawValue: rawValue)! }
}

struct HouseArgument: ExpressibleByArgument {
    let house: House
    init?(argument: String) {
        guard let house = House(rawValue: argument.lowercased()) else { return nil }
        self.house = house
    }
    static var allValueStrings: [String] { House.allCases.map(\.rawValue) }
}
