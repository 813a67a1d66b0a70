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
              hansard report --out reports/ && xdg-open reports/index.html
              hansard --generate-completion-script zsh > ~/.zfunc/_hansard
            """,
        version: version,
        subcommands: [
            Parse.self, Analyse.self, Commitments.self, RegisterCommand.self, Fetch.self, Sync.self, Diff.self,
            Report.self, Evaluate.self,
        ]
    )
}
