import ArgumentParser
import HansardRegister

extension Hansard {
    struct RegisterNote: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "note",
            abstract: "Attach a note to a commitment; `register show` lists its notes.",
            discussion: """
                The note records who (--by, else $HANSARD_USER, else your login name) and the time.

                Examples:
                  hansard register note c-15c40233576e2a68 "Asked the department for the guidance on 4 April"
                """
        )

        @OptionGroup var location: RegisterLocation

        @Argument(help: ArgumentHelp("The commitment's id.", valueName: "id"))
        var id: String

        @Argument(help: ArgumentHelp("The note.", valueName: "text"))
        var text: String

        @OptionGroup var actor: ActorOption

        func run() throws {
            let note = try location.open().addNote(id, text: text, actor: actor.name)
            Terminal.write("\(note.commitmentId): note added by \(note.author) at \(note.recordedAt)\n")
        }
    }
}
