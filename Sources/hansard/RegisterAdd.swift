import ArgumentParser
import HansardAnalysis
import HansardFetch
import HansardIngestion
import HansardRegister
import HansardReports

extension Hansard {
    struct RegisterAdd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Read, analyse and store debate pages in the register.",
            discussion: """
                Directories are searched recursively for .html, .htm, .xml and .txt pages. Each debate is \
                stored in its own transaction: a page already in the register changes nothing, and a revised \
                page of a debate it has keeps the commitments' ids and marks any the new text lacks. People's \
                corrections (register edit) and dismissals are kept; where the revised page reads an edited \
                field otherwise, the summary says so and `register show` gives both. --reanalyse analyses \
                pages the register already has again (after an upgrade of hansard or with --rules), on the \
                same terms. Several processes may add to one register at once.

                A URL (hansard.parliament.uk, api.parliament.uk/historic-hansard, publications.parliament.uk, \
                www.theyworkforyou.com) is fetched over HTTPS into the cache beside the register, then read \
                exactly like a saved file; a page already cached is asked for conditionally, and --offline \
                uses the cache only.

                Examples:
                  hansard register add corpus/
                  hansard register add https://hansard.parliament.uk/Lords/2023-03-08/debates/B8046725-0219-46B6-B0A6-8EB5D30093D2/WhatsappMinisterialCommunications
                  hansard register add --register /tmp/r.sqlite saved/lords-2023-03-08.txt
                  hansard register add --verbose --quiet pages/ | grep '^added'
                  hansard register add --reanalyse --rules my-rules.json pages/
                """
        )

        @OptionGroup var location: RegisterLocation

        @Argument(
            help: ArgumentHelp(
                "Debate pages, directories of them, or URLs of debate pages.", valueName: "file-dir-or-url"),
            completion: .file())
        var inputs: [String]

        @Flag(name: .shortAndLong, help: "No progress bar.")
        var quiet = false

        @Flag(name: .shortAndLong, help: "Print a line for each page as it is stored (added, unchanged, revised).")
        var verbose = false

        @Option(help: ArgumentHelp("Read every file as this format instead of detecting it.", valueName: "format"))
        var inputFormat: InputFormatArgument?

        @OptionGroup(title: "Fetching") var fetching: FetchOptions

        @Flag(help: "Analyse pages the register already has again, keeping ids, edits, dismissals and statuses.")
        var reanalyse = false

        @Option(
            help: ArgumentHelp("Analyse with these rules instead of the bundled ones.", valueName: "file"),
            completion: .file())
        var rules: String?

        func run() async throws {
            let settings = try fetching.settings(for: inputs)
            let register = try location.open()
            let reader = DebateReader(format: inputFormat?.format)
            var fetchFailures: [ExitStatus] = []
            let cache = PageCache.beside(register: register.pageCacheAnchor)
            let (arguments, labels, fetcher) = await fetchingURLs(
                inputs, cache: cache, settings: settings, reader: reader, quiet: quiet, failures: &fetchFailures)
            let (paths, missing, skipped) = Intake.expand(arguments)
            let store = try PageStore(
                register: register, reader: reader, verbose: verbose, rules: rules, reanalysing: reanalyse)
            store.failures = fetchFailures
            store.tally.failed = fetchFailures.count
            for path in missing {
                Terminal.report(IngestionError.fileNotFound(path: path).description)
                store.failures.append(.missingInput)
                store.tally.failed += 1
            }
            // A named pipe or device met in a folder would block the walk (a FIFO waits for a writer
            // forever): it is skipped, saying so. One named on the command line is read, as cat would.
            for (path, kind) in skipped {
                Terminal.report("\(path): skipped: it is \(kind), not a file")
            }
            let progress = ProgressBar(total: paths.count, enabled: !quiet && Terminal.standardErrorIsTerminal)
            try await store.add(paths, labels: labels, progress: progress, remainingAfter: 0)
            if let fetcher {
                let statistics = await fetcher.statistics
                Terminal.write(
                    fetchSummary(statistics, offline: fetching.offline) + "\n")
            }
            try store.finish()
        }
    }
}

/// Reads, analyses and stores pages as `register add` does, counting what happened and reporting each failure
/// in one line; shared with `fetch` and `sync`, which add one fetched page at a time.
final class PageStore {
    let register: any RegisterBackend
    let reader: DebateReader
    let analyzer: Analyzer
    let verbose: Bool
    /// Analyse pages the register already has again (`register add --reanalyse`).
    let reanalysing: Bool
    var tally = Tally()
    var failures: [ExitStatus] = []

    /// A store that adds to `register`, with the analyser loaded once for every page.
    /// - Parameters:
    ///   - register: the open register pages are added to.
    ///   - reader: reads each page (its `format` forces one).
    ///   - verbose: print a line for each page as it is stored.
    ///   - rules: a rules file to analyse with instead of the bundled rules.
    ///   - reanalysing: analyse pages the register already has again (`register add --reanalyse`).
    /// - Throws: `ExitCode` with the documented status when the rules cannot be loaded, after saying why on stderr.
    init(
        register: any RegisterBackend, reader: DebateReader, verbose: Bool, rules: String? = nil,
        reanalysing: Bool = false
    )
        throws
    {
        self.register = register
        self.reader = reader
        self.verbose = verbose
        self.reanalysing = reanalysing
        analyzer = try rules.map { try Analyzer(rulesFile: $0) } ?? Analyzer()
    }

    /// Records a failure that happened before a page could be read (a fetch, say).
    func fail(_ message: String, _ status: ExitStatus) {
        Terminal.report(message)
        failures.append(status)
        tally.failed += 1
    }

    /// Reads, analyses and stores `paths` in order.
    ///
    /// `labels` names a path in verbose lines (a fetched page by its URL). When the register cannot be written the run
    /// stops: the summary is printed and the command exits, saying how many pages (these and `remainingAfter` more)
    /// were not read.
    func add(_ paths: [String], labels: [String: String] = [:], progress: ProgressBar, remainingAfter: Int)
        async throws
    {
        let start = tally.seen
        do {
            try await Intake.analyse(paths, reader: reader, analyzer: analyzer) { path, result in
                let label = labels[path] ?? path
                switch result {
                case .failure(let error):
                    progress.clear()
                    Terminal.report(error.description)
                    failures.append(ExitStatus(for: error))
                    tally.failed += 1
                case .success(let (debate, analysis)):
                    let outcome: AddOutcome
                    do throws(RegisterError) {
                        outcome = try register.add(analysis, of: debate, reanalysing: reanalysing)
                    } catch {
                        tally.failed += 1
                        throw StoppedWriting(
                            path: label, error: error,
                            remaining: paths.count - (tally.seen - start) + remainingAfter)
                    }
                    let line = tally.count(outcome, path: label)
                    if verbose {
                        progress.clear()
                        Terminal.write(line + "\n")
                    }
                }
                progress.advance(to: tally.seen - start, label: label)
            }
        } catch let stopped as StoppedWriting {
            // The register cannot be written (disk full, say): what was committed before stays, and the
            // summary says how much that was.
            progress.clear()
            Terminal.report(
                stopped.error.description + "; stopped at \(stopped.path), \(stopped.remaining) pages not read;"
                    + " the debates added before it are kept")
            Terminal.write(tally.summary(register: register.location) + "\n")
            failures.append(ExitStatus(for: stopped.error))
            throw ExitCode(ExitStatus.worst(failures).rawValue)
        }
        progress.clear()
    }

    /// Prints the summary and exits with the worst failure's status, if any.
    func finish() throws {
        Terminal.write(tally.summary(register: register.location) + "\n")
        if !failures.isEmpty { throw ExitCode(ExitStatus.worst(failures).rawValue) }
    }
}

/// `register add` could not store a debate; the pages after it are not read.
private struct StoppedWriting: Error {
    var path: String
    var error: RegisterError
    var remaining: Int
}

/// Counts what `register add` did.
struct Tally {
    var added = 0
    var unchanged = 0
    var revised = 0
    var reanalysed = 0
    var failed = 0
    var commitments = 0
    var links = 0
    var editsKept = 0
    var disagreements = 0

    var seen: Int { added + unchanged + revised + reanalysed + failed }

    /// Counts one outcome and describes it in a line.
    mutating func count(_ outcome: AddOutcome, path: String) -> String {
        switch outcome {
        case .added(let id, let commitments, let links):
            added += 1
            self.commitments += commitments
            self.links += links
            return "added \(path) as \(id): \(commitments) commitments, \(links) follow-up links"
        case .unchanged(let id):
            unchanged += 1
            return "unchanged \(path) (\(id))"
        case .revised(let id, let revision, let changes, let links):
            revised += 1
            count(changes, links: links)
            return "revised \(path) (\(id), revision \(revision)): " + describe(changes, links: links)
        case .reanalysed(let id, let changes, let links):
            reanalysed += 1
            count(changes, links: links)
            return "reanalysed \(path) (\(id)): " + describe(changes, links: links)
        }
    }

    private mutating func count(_ changes: RevisionSummary, links: Int) {
        commitments += changes.added
        self.links += links
        editsKept += changes.editsKept
        disagreements += changes.disagreements
    }

    private func describe(_ changes: RevisionSummary, links: Int) -> String {
        var text =
            "\(changes.added) new, \(changes.reworded) reworded, \(changes.missing) no longer in the text, "
            + "\(changes.restored) restored, \(links) follow-up links"
        if changes.editsKept > 0 {
            text += "; \(changes.editsKept) edits kept, \(changes.disagreements) where the page now reads otherwise"
        }
        return text
    }

    func summary(register: String) -> String {
        var text = "\(added) debates added, \(unchanged) unchanged, \(revised) revised, "
        if reanalysed > 0 { text += "\(reanalysed) reanalysed, " }
        text += "\(failed) failed; \(commitments) commitments added, \(links) follow-up links proposed"
        if editsKept > 0 {
            text +=
                "; \(editsKept) edits kept, \(disagreements) where the page now reads otherwise"
                + " (hansard register show ID gives both)"
        }
        return text + " (\(register))"
    }
}

/// A one-line progress bar on standard error, redrawn in place.
final class ProgressBar {
    let total: Int
    let enabled: Bool
    let started = ContinuousClock.now

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled && total > 1
    }

    /// Items per second so far, for example " 12.5/s"; empty until a tenth of a second has passed.
    private func rate(_ done: Int) -> String {
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        guard seconds >= 0.1, done > 0 else { return "" }
        let perSecond = Double(done) / seconds
        let tenths = Int((perSecond * 10).rounded())
        return perSecond >= 100 ? "\(Int(perSecond.rounded()))/s " : "\(tenths / 10).\(tenths % 10)/s "
    }

    func advance(to done: Int, label: String) {
        guard enabled else { return }
        let width = Terminal.width(of: 2, fallback: 80)
        let barWidth = max(10, min(30, width / 4))
        let filled = total == 0 ? barWidth : barWidth * done / total
        let counter = " \(done)/\(total) " + rate(done)
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: barWidth - filled) + "]"
        let room = max(0, width - bar.count - counter.count - 1)
        let label = ControlCharacters.escaped(label)
        let name = label.count > room ? "…" + label.suffix(max(0, room - 1)) : label
        Terminal.writeErrorStyled("\r" + bar + counter + name + "\u{1B}[K")
    }

    func clear() {
        guard enabled else { return }
        Terminal.writeErrorStyled("\r\u{1B}[K")
    }
}
