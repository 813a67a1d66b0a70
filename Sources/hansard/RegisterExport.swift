import ArgumentParser
import Foundation
import HansardRegister
import HansardReports

extension Hansard {
    struct RegisterExport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the register as a canonical snapshot (hansard.register/1 JSON, or CSV).",
            discussion: """
                Rows are in a fixed order and nothing depends on when the export ran, so two exports of \
                the same register are byte-identical. `hansard diff` and `hansard register import` read the JSON.

                The CSV has the columns every hansard CSV shares (--columns to choose, --columns help lists \
                them; --excel for spreadsheets), with statuses and ages as of the last day anything was \
                recorded.

                Examples:
                  hansard register export > register-2023-10-26.json
                  hansard register export --format csv --excel > commitments.csv
                  hansard register export --format csv --columns id,status,promise,citation,link
                """
        )

        @OptionGroup var location: RegisterLocation

        @Option(help: "json (the whole register) or csv (one row per commitment).")
        var format: ExportFormatArgument = .json

        @Flag(
            help: ArgumentHelp(
                "CSV cells exactly as stored, for programs: no ' before a cell that begins with = + - @, a tab or CR"
                    + " (a spreadsheet would run such a cell as a formula)."))
        var rawCsv = false

        @Option(help: ArgumentHelp("The CSV's columns, by name, comma-separated (default: all).", valueName: "names"))
        var columns: String?

        @Flag(help: "CSV for Excel: UTF-8 with a byte order mark, so ’ and £ open intact.")
        var excel = false

        func validate() throws {
            if columns == "help" { throw CleanExit.message(ListOutput.columnHelp) }
            if (columns != nil || excel) && format != .csv {
                throw ValidationError("--columns and --excel are for --format csv.")
            }
            if let columns {
                do {
                    _ = try CommitmentColumns.named(columns.split(separator: ",").map(String.init))
                } catch {
                    throw ValidationError("--columns: \(error.description)")
                }
            }
        }

        func run() throws {
            let snapshot = try location.open(readOnly: true).snapshot()
            let chosen = try columns.map { try CommitmentColumns.named($0.split(separator: ",").map(String.init)) }
            Terminal.write(
                try RegisterSnapshotRenderer.render(
                    snapshot, format: format.format, columns: chosen ?? CommitmentColumns.all,
                    formulaGuard: !rawCsv, excel: excel))
        }
    }

    struct RegisterImport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Merge a snapshot (a JSON export or another register file) into the register.",
            discussion: """
                Debates, commitments, status events, notes and link decisions the register lacks are added \
                in one transaction; what it has is kept.

                Examples:
                  hansard register import register-2023-10-26.json
                  hansard register import --register merged.sqlite colleague.sqlite
                """
        )

        @OptionGroup var location: RegisterLocation

        @Argument(help: ArgumentHelp("The snapshot to merge.", valueName: "file"), completion: .file())
        var file: String

        func run() throws {
            let snapshot = try RegisterSnapshot.load(path: file)
            let summary = try location.open().importSnapshot(snapshot, from: file)
            for line in summary.skipped { Terminal.report("\(file): skipped \(line)") }
            Terminal.write(
                "imported \(summary.debates) debates, \(summary.commitments) commitments, "
                    + "\(summary.statusEvents) status events, \(summary.notes) notes, "
                    + "\(summary.links) follow-up links\n")
        }
    }
}

enum ExportFormatArgument: String, ExpressibleByArgument, CaseIterable {
    case json, csv
    var format: RegisterExportFormat { RegisterExportFormat(rawValue: rawValue)! }
}
