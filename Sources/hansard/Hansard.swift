import ArgumentParser

@main
struct Hansard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hansard",
        abstract: "Read Hansard debate pages and keep a register of government commitments.",
        version: "0.1.0",
        subcommands: [Parse.self, Analyse.self, Commitments.self, RegisterCommand.self, Diff.self]
    )
}
