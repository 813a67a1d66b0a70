import ArgumentParser
import HansardRegister

extension Hansard {
    struct RegisterResolve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "resolve",
            abstract: "Record that a commitment was fulfilled, partly fulfilled, withdrawn or lapsed.",
            discussion: """
                The status event records who (--by, else $HANSARD_USER, else your login name), when, why \
                (--note) and the evidence. The id may be any unique prefix of it.

                Examples:
                  hansard register resolve c-15c40233576e2a68 --status fulfilled --evidence "Cabinet Office guidance on non-corporate channels, published" --date 2023-06-01
                  hansard register resolve c-15c40233576e2a68 --status lapsed --evidence "Parliament prorogued" --date 2023-10-26
                """
        )

        @OptionGroup var location: RegisterLocation

        @Argument(help: ArgumentHelp("The commitment's id.", valueName: "id"))
        var id: String

        @Option(help: "What became of it.")
        var status: ResolutionStatus

        @Option(help: ArgumentHelp("A URL or words showing it.", valueName: "text-or-url"))
        var evidence: String

        @Option(help: ArgumentHelp("When it took effect (yyyy-MM-dd); today by default.", valueName: "date"))
        var date: DateArgument?

        @Option(help: ArgumentHelp("Why, in your words; kept as a note.", valueName: "text"))
        var note: String?

        @OptionGroup var actor: ActorOption

        func validate() throws {
            if evidence.allSatisfy(\.isWhitespace) {
                throw ValidationError("--evidence needs words or a URL showing what became of the commitment.")
            }
        }

        func run() throws {
            let event = try location.open().resolve(
                id, status: status.status, evidence: evidence, date: date?.text, note: note, actor: actor.name)
            Terminal.write("\(event.commitmentId): \(event.status.rawValue) as of \(event.effectiveDate)\n")
        }
    }

    struct RegisterReopen: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reopen",
            abstract: "Make a resolved commitment outstanding again.",
            discussion: """
                The earlier status events are kept; a new event records the reopening. Reopening a dismissed \
                commitment restores it from the debate on.

                Examples:
                  hansard register reopen c-15c40233576e2a68
                  hansard register reopen c-15c40233576e2a68 --note "the guidance published was only a draft"
                """
        )

        @OptionGroup var location: RegisterLocation

        @Argument(help: ArgumentHelp("The commitment's id.", valueName: "id"))
        var id: String

        @Option(help: ArgumentHelp("Why it is reopened.", valueName: "text"))
        var note: String?

        @OptionGroup var actor: ActorOption

        func run() throws {
            let event = try location.open().reopen(id, note: note, date: nil, actor: actor.name)
            Terminal.write("\(event.commitmentId): outstanding again as of \(event.effectiveDate)\n")
        }
    }
}

/// The statuses `resolve` accepts (not `outstanding`: that is `reopen`).
enum ResolutionStatus: String, ExpressibleByArgument, CaseIterable {
    case fulfilled
    case partlyFulfilled = "partly-fulfilled"
    case withdrawn
    case lapsed

    var status: CommitmentStatus { CommitmentStatus(rawValue: rawValue)! }
}
