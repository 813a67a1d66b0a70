import ArgumentParser
import HansardIngestion
import HansardRegister
import HansardReports

extension Hansard {
    struct Commitments: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List commitments in the register: outstanding ones by default, oldest due first.",
            discussion: """
                Each row gives the age (days since the debate), the due date, and OVERDUE with the days \
                past it. Commitments with no due date ("in due course") follow those with one, oldest first.

                Examples:
                  hansard commitments
                  hansard commitments --overdue --house lords --format md
                  hansard commitments --session 2008-09 --department Defence --format csv > defence.csv
                  hansard commitments --as-of 2010-01-01 --minister Thornton
                  hansard commitments --department "Home Department" --all
                """
        )

        @OptionGroup var location: RegisterLocation

        @Flag(help: "Outstanding commitments (the default).")
        var outstanding = false

        @Flag(help: "Only outstanding commitments past their due date.")
        var overdue = false

        @Flag(help: "Every commitment, whatever its status.")
        var all = false

        @Option(help: ArgumentHelp("Reckon ages, overdue marks and statuses at this date (yyyy-MM-dd).", valueName: "date"))
        var asOf: DateArgument?

        @Option(help: ArgumentHelp("Part of any name a page gives the minister (\"Eccles\", \"Sir D. Eccles\").", valueName: "name"))
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

        // Unconditional, so that "--limit -1" is read as the value it is (and refused) rather than as an option.
        @Option(parsing: .unconditional, help: ArgumentHelp("At most this many rows.", valueName: "n"))
        var limit: Int?

        @Option(help: "table, json, csv or md.")
        var format: ListFormatArgument = .table

        @Flag(
            help: ArgumentHelp(
                "CSV cells exactly as stored, for programs: no ' before a cell that begins with = + - @, a tab or CR"
                    + " (a spreadsheet would run such a cell as a formula)."))
        var rawCsv = false

        func validate() throws {
            if [outstanding, overdue, all].filter({ $0 }).count > 1 {
                throw ValidationError("Choose one of --outstanding, --overdue and --all.")
            }
            if let limit, limit < 1 {
                throw ValidationError("--limit must be at least 1 (it is \(limit)); leave it out to list every row.")
            }
        }

        func run() throws {
            try reportingRegisterErrors {
                let query = CommitmentQuery(
                    scope: all ? .all : overdue ? .overdue : .outstanding, asOf: asOf?.text, minister: minister,
                    department: department, house: house?.house, since: since?.text, until: until?.text,
                    session: session, limit: limit)
                let list = try location.open(readOnly: true).commitments(query)
                Terminal.writeTable(
                    try CommitmentListRenderer.render(
                        list, format: format.format, width: Terminal.width(), formulaGuard: !rawCsv),
                    plain: format != .table)
            }
        }
    }
}

enum ListFormatArgument: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv, md
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
