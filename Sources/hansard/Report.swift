import ArgumentParser
import HansardRegister
import HansardReports

extension Hansard {
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a report of the register: a self-contained HTML site, Markdown or CSV.",
            discussion: """
                HTML (the default) writes index.html (outstanding and overdue commitments by department and \
                minister, filters by House and session, a timeline), one page per debate under debates/ and \
                one per commitment under commitments/. The pages load nothing from anywhere else: open \
                index.html from the file system or put the folder on any web server. Debate transcripts are \
                re-read from the pages the register was built from; a page that has moved or changed is \
                reported on its debate's page instead. md writes commitments.md (a heading per department), \
                csv writes commitments.csv (one row per commitment, every field, RFC 4180, UTF-8). Give \
                --format more than once for several; --out - prints a single md or csv report on stdout. \
                Ages and overdue marks are reckoned as of --as-of (default today), so a report made with \
                the same register and --as-of is byte-identical.

                Examples:
                  hansard report
                  hansard report --register /tmp/r.sqlite --out site/ --as-of 2026-11-25
                  hansard report --format md --format csv --out reports/
                  hansard report --format csv --out - | column -s, -t | less -S
                """
        )

        @OptionGroup var location: RegisterLocation

        @Option(help: ArgumentHelp("The folder to write into, created if needed; - for stdout (md or csv only).", valueName: "dir"),
            completion: .directory)
        var out = "reports"

        @Option(help: ArgumentHelp("html, md or csv; repeat for several (default: html).", valueName: "format"))
        var format: [ReportFormatArgument] = []

        @Option(help: ArgumentHelp("Reckon ages, overdue marks and statuses at this date (yyyy-MM-dd).", valueName: "date"))
        var asOf: DateArgument?

        @Flag(
            help: ArgumentHelp(
                "CSV cells exactly as stored, for programs: no ' before a cell that begins with = + - @, a tab or CR"
                    + " (a spreadsheet would run such a cell as a formula)."))
        var rawCsv = false

        @Flag(name: .shortAndLong, help: "No progress bar and no summary line.")
        var quiet = false

        var formats: [ReportFormat] {
            let chosen = format.isEmpty ? [.html] : format.map(\.format)
            return ReportFormat.allCases.filter(chosen.contains)
        }

        func validate() throws {
            if out == "-" && (formats.count != 1 || formats == [.html]) {
                throw ValidationError("--out - prints one Markdown or CSV report; choose --format md or --format csv.")
            }
        }

        func run() async throws {
            try await reportingRegisterErrors { () async throws -> Void in
                let register = try location.open(readOnly: true)
                do {
                    try await write(register)
                } catch let error as ReportError {
                    Terminal.report(error.description)
                    throw ExitCode(ExitStatus(for: error).rawValue)
                }
            }
        }

        private func write(_ register: Register) async throws {
            let data = try ReportData.load(from: register, asOf: asOf?.text)
            if out == "-" {
                Terminal.write(formats == [.md] ? MarkdownReport.render(data) : CSVReport.render(data, formulaGuard: !rawCsv))
                return
            }
            var folder = try ReportFolder(path: out)
            var missing: [String: String] = [:]
            for format in formats {
                switch format {
                case .html:
                    let bar = ProgressBar(
                        total: 1 + data.snapshot.debates.count + data.snapshot.commitments.count,
                        enabled: !quiet && Terminal.standardErrorIsTerminal)
                    missing = try await HTMLReport.render(data, progress: { done, _ in
                        bar.advance(to: done, label: "pages")
                    }) { path, contents in
                        try folder.write(path, contents)
                    }
                    bar.clear()
                    folder.removeStalePages()
                case .md: try folder.write(format.fileName, MarkdownReport.render(data))
                case .csv: try folder.write(format.fileName, CSVReport.render(data, formulaGuard: !rawCsv))
                }
            }
            if !quiet {
                let prefix = out.hasSuffix("/") ? out : out + "/"
                let entries = formats.map { prefix + $0.fileName }.joined(separator: ", ")
                let outstanding = data.listings.filter { $0.status.isOpen }.count
                Terminal.writeError(
                    "wrote \(folder.written) files: \(entries) (\(data.snapshot.debates.count) debates, "
                        + "\(data.listings.count) commitments, \(outstanding) outstanding, as of \(data.asOf))\n")
            }
            for (id, reason) in missing.sorted(by: { $0.key < $1.key }) {
                Terminal.report("debate \(id): transcript not shown: \(reason)")
            }
        }
    }
}

enum ReportFormatArgument: String, ExpressibleByArgument, CaseIterable {
    case html, md, csv
    var format: ReportFormat { ReportFormat(rawValue: rawValue)! }
}

extension ExitStatus {
    init(for error: ReportError) {
        switch error {
        case .cannotWrite: self = .cannotCreate
        case .rulesUnavailable: self = .internalError
        }
    }
}
