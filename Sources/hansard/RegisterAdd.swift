import ArgumentParser
import HansardAnalysis
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
                page of a debate it has keeps the commitments' ids and marks any the new text lacks. Several \
                processes may add to one register at once.

                Examples:
                  hansard register add corpus/
                  hansard register add --register /tmp/r.sqlite saved/lords-2023-03-08.txt
                  hansard register add --verbose --quiet pages/ | grep '^added'
                """
        )

        @OptionGroup var location: RegisterLocation

        @Argument(
            help: ArgumentHelp("Debate pages, or directories of them.", valueName: "file-or-dir"), completion: .file())
        var inputs: [String]

        @Flag(name: .shortAndLong, help: "No progress bar.")
        var quiet = false

        @Flag(name: .shortAndLong, help: "Print a line for each page as it is stored (added, unchanged, revised).")
        var verbose = false

        @Option(help: ArgumentHelp("Read every file as this format instead of detecting it.", valueName: "format"))
        var inputFormat: InputFormatArgument?

        func run() async throws {
            try await reportingRegisterErrors { () async throws -> Void in
                try await add()
            }
        }

        private func add() async throws {
            let (paths, missing, skipped) = Intake.expand(inputs)
            var failures: [ExitStatus] = []
            for path in missing {
                Terminal.report(IngestionError.fileNotFound(path: path).description)
                failures.append(.missingInput)
            }
            // A named pipe or device met in a folder would block the walk (a FIFO waits for a writer
            // forever): it is skipped, saying so. One named on the command line is read, as cat would.
            for (path, kind) in skipped {
                Terminal.report("\(path): skipped: it is \(kind), not a file")
            }
            let register = try location.open()
            let analyzer: Analyzer
            do {
                analyzer = try Analyzer()
            } catch {
                Terminal.report("cannot load the analysis rules: \(error)")
                throw ExitCode(ExitStatus.internalError.rawValue)
            }
            let progress = ProgressBar(total: paths.count, enabled: !quiet && Terminal.standardErrorIsTerminal)
            var tally = Tally()
            tally.failed = missing.count
            do {
                try await Intake.analyse(paths, reader: DebateReader(format: inputFormat?.format), analyzer: analyzer) {
                    path, result in
                    switch result {
                    case .failure(let error):
                        progress.clear()
                        Terminal.report(error.description)
                        failures.append(ExitStatus(for: error))
                        tally.failed += 1
                    case .success(let (debate, analysis)):
                        let outcome: AddOutcome
                        do throws(RegisterError) {
                            outcome = try register.add(analysis, of: debate)
                        } catch {
                            tally.failed += 1
                            throw StoppedWriting(
                                path: path, error: error, remaining: paths.count + missing.count - tally.seen)
                        }
                        let line = tally.count(outcome, path: path)
                        if verbose {
                            progress.clear()
                            Terminal.write(line + "\n")
                        }
                    }
                    progress.advance(to: tally.seen, label: path)
                }
            } catch let stopped as StoppedWriting {
                // The register cannot be written (disk full, say): what was committed before stays, and the
                // summary says how much that was.
                progress.clear()
                Terminal.report(
                    stopped.error.description + "; stopped at \(stopped.path), \(stopped.remaining) pages not read;"
                        + " the debates added before it are kept")
                Terminal.write(tally.summary(register: register.path) + "\n")
                failures.append(ExitStatus(for: stopped.error))
                throw ExitCode(ExitStatus.worst(failures).rawValue)
            }
            progress.clear()
            Terminal.write(tally.summary(register: register.path) + "\n")
            if !failures.isEmpty { throw ExitCode(ExitStatus.worst(failures).rawValue) }
        }
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
    var failed = 0
    var commitments = 0
    var links = 0

    var seen: Int { added + unchanged + revised + failed }

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
            commitments += changes.added
            self.links += links
            return "revised \(path) (\(id), revision \(revision)): \(changes.added) new, \(changes.reworded) reworded, "
                + "\(changes.missing) no longer in the text, \(changes.restored) restored, \(links) follow-up links"
        }
    }

    func summary(register: String) -> String {
        "\(added) debates added, \(unchanged) unchanged, \(revised) revised, \(failed) failed; "
            + "\(commitments) commitments added, \(links) follow-up links proposed (\(register))"
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

    /// Items per second so far, e.g. " 12.5/s"; empty until a tenth of a second has passed.
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
