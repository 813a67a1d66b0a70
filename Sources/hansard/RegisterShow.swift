import ArgumentParser
import HansardRegister
import HansardReports

extension Hansard {
    struct RegisterShow: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one commitment: its words, debate, status history, notes and follow-up links.",
            discussion: """
                Examples:
                  hansard register show c-15c40233576e2a68
                  hansard register show --json c-15c40233576e2a68 | jq '.links'
                """
        )

        @OptionGroup var location: RegisterLocation

        @Argument(help: ArgumentHelp("The commitment's id, as `hansard commitments` lists it.", valueName: "id"))
        var id: String

        @Flag(help: "Print JSON instead of text.")
        var json = false

        func run() throws {
            let detail = try location.open(readOnly: true).detail(of: id)
            Terminal.writeTable(try CommitmentDetailRenderer.render(detail, json: json), plain: json)
        }
    }
}
