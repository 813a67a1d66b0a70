import ArgumentParser

@main
struct Hansard: AsyncParsableCommand {
    /// hansard's version: `--version` prints it and the user agent of every request names it.
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "hansard",
        abstract: "Read Hansard debate pages and keep a register of government commitments.",
        discussion: """
            Exit statuses are listed in the README. Shell completions: \
            hansard --generate-completion-script bash|zsh|fish.

            Examples:
              hansard register add corpus/
              hansard fetch --house commons --date 2022-06-22
              hansard sync --since 2024-07-01
              hansard commitments --overdue
              hansard search whatsapp
              hansard report --out reports/ && xdg-open reports/index.html
              hansard serve
              hansard --generate-completion-script zsh > ~/.zfunc/_hansard
            """,
        version: version,
        subcommands: [
            Parse.self, Analyse.self, Commitments.self, Search.self, RegisterCommand.self, Fetch.self, Sync.self,
            Diff.self, Report.self, Serve.self, Evaluate.self,
        ]
    )

    /// Runs the command line as argument-parser would, except that an error from one of hansard's modules is
    /// reported here, in one line on standard error, and exits with its documented status (``ExitStatus``):
    /// commands just throw.
    static func main() async {
        HeapSettings.keepFreedMemoryForReuse()
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            if let failure = ExitStatus.failure(error) {
                Terminal.report(failure.message)
                Self.exit(withError: ExitCode(failure.status.rawValue))
            }
            Self.exit(withError: error)
        }
    }
}
