import ArgumentParser

@main
struct Hansard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hansard",
        abstract: "Read Hansard debate pages and keep a register of government commitments.",
        discussion: """
            Exit statuses are listed in the README. Shell completions: \
            hansard --generate-completion-script bash|zsh|fish.

            Examples:
              hansard register add corpus/
              hansard commitments --overdue
              hansard report --out reports/ && xdg-open reports/index.html
              hansard --generate-completion-script zsh > ~/.zfunc/_hansard
            """,
        version: "0.1.0",
        subcommands: [Parse.self, Analyse.self, Commitments.self, RegisterCommand.self, Diff.self, Report.self, Evaluate.self]
    )
}
