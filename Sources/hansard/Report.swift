import ArgumentParser
import HansardIngestion
import HansardRegister
import HansardReports

extension Hansard {
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a report of the register: a self-contained HTML site, Markdown, CSV or an Atom feed.",
            discussion: """
                HTML (the default) writes index.html (outstanding and overdue commitments by department and \
                minister, a search box and filters by House, session, department, minister and status, a \
                timeline), one page per debate under debates/, one per commitment under commitments/, and \
                overdue.xml, an Atom feed of the commitments that became overdue. The pages load nothing from \
                anywhere else: open index.html from the file system or put the folder on any web server. \
                Debate transcripts come from the pages the register was built from, found by their SHA-256: \
                where the register last read them, else in the folders given with --sources (a register \
                imported from a colleague, or pages moved). Published pages name a page by its file name, \
                never a folder on this machine. md writes commitments.md (a heading per department), csv \
                writes commitments.csv (the columns every hansard CSV shares; --columns, --excel), atom only \
                overdue.xml. Give --format more than once for several; --out - prints a single md, csv or \
                atom report on stdout. Ages and overdue marks are reckoned as of --as-of (default today), so \
                a report made with the same register and --as-of is byte-identical; pages that already hold \
                those bytes are left as they were, so a report made again rewrites only what changed. Nothing \
                is analysed again.

                Examples:
                  hansard report
                  hansard report --register /tmp/r.sqlite --out site/ --as-of 2026-11-25
                  hansard report --sources ~/hansard-pages --out site/
                  hansard report --format md --format csv --out reports/
                  hansard report --format csv --excel --out - > commitments.csv
                """
        )

        @OptionGroup var location: RegisterLocation

        @Option(
            help: ArgumentHelp(
                "The folder to write into, created if needed; - for stdout (md, csv or atom only).", valueName: "dir"),
            completion: .directory)
        var out = "reports"

        @Option(help: ArgumentHelp("html, md, csv or atom; repeat for several (default: html).", valueName: "format"))
        var format: [ReportFormatArgument] = []

        @Option(
            help: ArgumentHelp("Reckon ages, overdue marks and statuses at this date (yyyy-MM-dd).", valueName: "date"))
        var asOf: DateArgument?

        @OptionGroup var pages: SourcesOption

        @Option(help: ArgumentHelp("The CSV's columns, by name, comma-separated (default: all).", valueName: "names"))
        var columns: String?

        @Flag(
            help: ArgumentHelp(
                "CSV cells exactly as stored, for programs: no ' before a cell that begins with = + - @, a tab or CR"
                    + " (a spreadsheet would run such a cell as a formula)."))
        var rawCsv = false

        @Flag(help: "CSV for Excel: UTF-8 with a byte order mark, so ’ and £ open intact.")
        var excel = false

        @Flag(name: .shortAndLong, help: "No progress bar and no summary line.")
        var quiet = false

        var formats: [ReportFormat] {
            let chosen = format.isEmpty ? [.html] : format.map(\.format)
            return ReportFormat.allCases.filter(chosen.contains)
        }

        func validate() throws {
            if out == "-" && (formats.count != 1 || formats == [.html]) {
                throw ValidationError(
                    "--out - prints one Markdown, CSV or Atom report; choose --format md, --format csv or --format atom."
                )
            }
            if let columns {
                do {
                    _ = try CommitmentColumns.named(columns.split(separator: ",").map(String.init))
                } catch {
                    throw ValidationError("--columns: \(error.description)")
                }
            }
        }

        func run() async throws {
            try await write(location.open(readOnly: true))
        }

        private func csv(_ data: ReportData) throws -> String {
            let chosen = try columns.map { try CommitmentColumns.named($0.split(separator: ",").map(String.init)) }
            return CSVReport.render(
                data, columns: chosen ?? CommitmentColumns.all, formulaGuard: !rawCsv, excel: excel)
        }

        private func write(_ register: any RegisterBackend) async throws {
            if formats == [.atom] { return try writeFeed(register) }
            let data = try ReportData.load(from: register, asOf: asOf?.date)
            if out == "-" {
                switch formats {
                case [.md]: Terminal.write(MarkdownReport.render(data))
                case [.atom]: Terminal.write(OverdueFeed.render(data))
                default: Terminal.write(try csv(data))
                }
                return
            }
            var folder = try ReportFolder(path: out)
            var missing: [(DebateRecord, String)] = []
            for format in formats {
                switch format {
                case .html:
                    let bar = ProgressBar(
                        total: HTMLReport(data).pageCount, enabled: !quiet && Terminal.standardErrorIsTerminal)
                    missing = try await writeHTML(data, into: &folder, progress: bar)
                    bar.clear()
                    folder.removeStalePages(alsoIn: HTMLReport.pageFolders)
                case .md: try folder.update(format.fileName, MarkdownReport.render(data))
                case .csv: try folder.update(format.fileName, try csv(data))
                case .atom:
                    if !formats.contains(.html) { try folder.update(format.fileName, OverdueFeed.render(data)) }
                }
            }
            if !quiet {
                let prefix = out.hasSuffix("/") ? out : out + "/"
                let entries =
                    formats.filter { $0 != .atom || !formats.contains(.html) }.map { prefix + $0.fileName }
                    + (formats.contains(.html) ? [prefix + OverdueFeed.fileName] : [])
                let outstanding = data.counted.filter { $0.status.isOpen }.count
                Self.reportWritten(
                    folder, entries, debates: data.snapshot.debates.count, commitments: data.counted.count,
                    outstanding: outstanding, asOf: data.asOf)
            }
            // Each missing page is named up to a screenful; past it, a register whose pages moved would print a
            // line per debate (44,190 at a million commitments), so the rest are counted.
            let sorted = missing.sorted(by: { $0.0.id < $1.0.id })
            let named = sorted.count > Self.missingNamed ? Self.missingNamed - 1 : sorted.count
            for (debate, reason) in sorted.prefix(named) {
                Terminal.report("debate \(debate.id) (\(debate.title)): transcript not shown: \(reason)")
            }
            if sorted.count > named {
                Terminal.report(
                    "\(sorted.count - named) more debates' transcripts not shown, for the same kinds of reason "
                        + "(their pages moved, changed or unreadable); give the folders they are in now with --sources DIR"
                )
            }
        }

        /// The feed alone, from the register's overdue list and figures: it needs no other record (at 1,000,000
        /// commitments, reading the whole register for it took a minute and 7 GB).
        private func writeFeed(_ register: any RegisterBackend) throws {
            let overdue = try register.commitments(CommitmentQuery(scope: .overdue, asOf: asOf?.date))
            let feed = OverdueFeed.render(asOf: overdue.asOf, listings: overdue.items)
            if out == "-" { return Terminal.write(feed) }
            var folder = try ReportFolder(path: out)
            try folder.update(ReportFormat.atom.fileName, feed)
            guard !quiet else { return }
            let figures = try register.figures(asOf: overdue.asOf, overdueLimit: 0)
            let prefix = out.hasSuffix("/") ? out : out + "/"
            Self.reportWritten(
                folder, [prefix + ReportFormat.atom.fileName], debates: figures.debates, commitments: figures.counted,
                outstanding: figures.outstanding, asOf: overdue.asOf)
        }

        /// The summary line on standard error: the files written and what the register held.
        private static func reportWritten(
            _ folder: ReportFolder, _ entries: [String], debates: Int, commitments: Int, outstanding: Int,
            asOf: SittingDate
        ) {
            Terminal.writeError(
                "wrote \(folder.written) files"
                    + (folder.unchanged > 0 ? " (\(folder.unchanged) more unchanged)" : "")
                    + ": \(entries.joined(separator: ", ")) (\(debates) debates, \(commitments) commitments, "
                    + "\(outstanding) outstanding, as of \(asOf))\n")
        }

        /// The most missing transcripts reported one by one.
        static let missingNamed = 20

        /// Writes the HTML report, reading each debate's page (found by its SHA-256) on all cores and handing the
        /// transcripts to the report in the register's order, each debate's page followed by its commitments'.
        /// - Returns: each debate whose transcript could not be shown, and why (with local paths, for the user).
        private func writeHTML(_ data: ReportData, into folder: inout ReportFolder, progress: ProgressBar) async throws
            -> [(DebateRecord, String)]
        {
            let report = HTMLReport(data)
            var finder = PageFinder(folders: pages.sources)
            let debates = data.snapshot.debates
            var located: [Int: String] = [:]
            for (index, debate) in debates.enumerated() {
                if let found = finder.locate(sha256: debate.sha256, bytes: debate.bytes, storedPath: debate.sourcePath)
                {
                    located[index] = found.path
                }
            }
            var missing: [(DebateRecord, String)] = []
            var made = 0
            var failure: (any Error)?
            func emit(_ page: (path: String, contents: String)) {
                guard failure == nil else { return }
                do {
                    try folder.update(page.path, page.contents)
                } catch {
                    failure = error
                }
                made += 1
                progress.advance(to: made, label: "pages")
            }
            func unavailable(_ debate: DebateRecord, published: String, local: String) {
                missing.append((debate, local))
                for page in report.debatePages(debate, transcript: nil, unavailable: published) { emit(page) }
            }
            var next = 0
            // Debates whose page was not found have their page made where they fall in the register's order.
            func emitUnlocated(upTo end: Int) {
                while next < end {
                    let reason = finder.notFound(debates[next])
                    unavailable(debates[next], published: reason.published, local: reason.local)
                    next += 1
                }
            }
            let order = located.keys.sorted()
            var handled = 0
            // Results come in the order of `order`: the k-th is the debate at order[k].
            await DebateReader().read(order.map { located[$0]! }) { path, result in
                let index = order[handled]
                handled += 1
                emitUnlocated(upTo: index)
                let debate = debates[index]
                switch result {
                case .success(let page) where page.source.sha256 == debate.sha256:
                    for page in report.debatePages(debate, transcript: page, unavailable: nil) { emit(page) }
                case .success:
                    unavailable(
                        debate,
                        published: "the page it was read from (\(debate.sourceName)) changed while the report was made",
                        local: "\(path) changed while the report was made")
                case .failure(let error):
                    unavailable(
                        debate, published: "the page it was read from (\(debate.sourceName)) could not be read again",
                        local: error.description)
                }
                next = index + 1
            }
            emitUnlocated(upTo: debates.count)
            if let failure { throw failure }
            for page in report.orphanCommitmentPages() + report.listPages() + [report.indexPage(), report.feed()] {
                try folder.update(page.path, page.contents)
                made += 1
                progress.advance(to: made, label: "pages")
            }
            return missing
        }
    }
}

enum ReportFormatArgument: String, ExpressibleByArgument, CaseIterable {
    case html, md, csv, atom
    var format: ReportFormat { ReportFormat(rawValue: rawValue)! }
}
