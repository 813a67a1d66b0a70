import ArgumentParser
import HansardAnalysis
import HansardIngestion
import HansardRegister

/// `--by NAME`: who is recorded for an event, an edit or a note.
struct ActorOption: ParsableArguments {
    @Option(
        name: .customLong("by"),
        help: ArgumentHelp(
            "Who records this (default: $HANSARD_USER, else your login name).", valueName: "name"))
    var name: String?

    func validate() throws {
        if let name, name.allSatisfy(\.isWhitespace) {
            throw ValidationError("--by needs a name; leave it out to use $HANSARD_USER or your login name.")
        }
    }
}

extension Hansard {
    struct RegisterEdit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Correct what the analysis read: minister, department, due date, action, object or timing.",
            discussion: """
                Each field changed is an edit in the commitment's history, with who (--by or $HANSARD_USER) \
                and why (--reason). Edits are kept when a revised page is added or the page is analysed \
                again; where the page then reads an edited field otherwise, `register show` says so. --due \
                none clears a due date. The id may be any unique prefix of it.

                Examples:
                  hansard register edit c-1a2b3c4d --department "Cabinet Office" --due 2023-06-30 --reason "the Minister answered for the Cabinet Office"
                  hansard register edit c-1a2b3c4d --action publish --object "revised guidance on non-corporate communication channels"
                  hansard register edit c-1a2b3c4d --minister "Baroness Neville-Rolfe" --by "J. Clerk"
                """
        )

        @OptionGroup var location: RegisterLocation

        @Argument(help: ArgumentHelp("The commitment's id, or a unique prefix of it.", valueName: "id"))
        var id: String

        @Option(help: ArgumentHelp("Who made the commitment.", valueName: "name"))
        var minister: String?

        @Option(help: ArgumentHelp("The department it was made for.", valueName: "name"))
        var department: String?

        @Option(help: ArgumentHelp("The due date (yyyy-MM-dd), or none.", valueName: "date"))
        var due: String?

        @Option(
            help: ArgumentHelp(
                "What kind of thing was undertaken: \(CommitmentAction.allCases.map(\.rawValue).joined(separator: ", ")).",
                valueName: "action"))
        var action: String?

        @Option(help: ArgumentHelp("What will be done.", valueName: "text"))
        var object: String?

        @Option(help: ArgumentHelp("The words that give the timing, e.g. \"by the summer recess\".", valueName: "text"))
        var timing: String?

        @Option(help: ArgumentHelp("Why, in your words.", valueName: "text"))
        var reason: String?

        @OptionGroup var actor: ActorOption

        func validate() throws {
            if [minister, department, due, action, object, timing].allSatisfy({ $0 == nil }) {
                throw ValidationError(
                    "Give at least one of --minister, --department, --due, --action, --object and --timing.")
            }
            if let due, due != "none", SittingDate(due) == nil {
                throw ValidationError("--due: \(due) is not a date; write it as yyyy-MM-dd, or none to clear it.")
            }
        }

        func run() throws {
            var values: [CommitmentField: String?] = [:]
            func clearing(_ text: String) -> String? { text.allSatisfy(\.isWhitespace) ? nil : text }
            if let minister { values[.minister] = .some(clearing(minister)) }
            if let department { values[.department] = .some(clearing(department)) }
            if let due { values[.dueBy] = .some(due == "none" ? nil : due) }
            if let action { values[.action] = .some(action) }
            if let object { values[.object] = .some(object) }
            if let timing { values[.timing] = .some(clearing(timing)) }
            let (fullId, edits) = try location.open().edit(id, values, reason: reason, actor: actor.name)
            for edit in edits {
                Terminal.write(
                    "\(fullId): \(edit.field.rawValue) \"\(edit.previous ?? "none")\" → \"\(edit.value ?? "none")\""
                        + " (by \(edit.actor))\n")
            }
        }
    }

    struct RegisterDismiss: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dismiss",
            abstract: "Record that a passage is not a commitment at all; it leaves every figure and list but --all.",
            discussion: """
                A dismissal is its own status, not fulfilled, withdrawn or lapsed: it is an event in the \
                history with who and why, it survives re-adding the page, and `register reopen` takes it back.

                Examples:
                  hansard register dismiss c-1a2b3c4d --reason "not a commitment: the Minister is making the statement now"
                  hansard commitments --dismissed
                """
        )

        @OptionGroup var location: RegisterLocation

        @Argument(help: ArgumentHelp("The commitment's id, or a unique prefix of it.", valueName: "id"))
        var id: String

        @Option(help: ArgumentHelp("Why it is not a commitment.", valueName: "text"))
        var reason: String

        @OptionGroup var actor: ActorOption

        func validate() throws {
            if reason.allSatisfy(\.isWhitespace) {
                throw ValidationError("--reason needs words saying why this is not a commitment.")
            }
        }

        func run() throws {
            let event = try location.open().dismiss(id, reason: reason, actor: actor.name)
            Terminal.write("\(event.commitmentId): dismissed by \(event.actor): \(reason)\n")
        }
    }

    struct RegisterLapse: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lapse",
            abstract: "Close, as lapsed, the outstanding commitments of Parliaments that have been dissolved.",
            discussion: """
                With --before-dissolution, each outstanding commitment made in a Parliament a later one has \
                followed (by the sessions table that ships with hansard) gets a status event: lapsed, \
                effective when that Parliament's last session ended, with the rule named. --undo reopens the \
                commitments whose latest status is such a lapse. --dry-run lists them and records nothing.

                Examples:
                  hansard register lapse --before-dissolution --dry-run
                  hansard register lapse --before-dissolution --parliament 58th --by "J. Clerk"
                  hansard register lapse --undo --parliament 58th
                """
        )

        @OptionGroup var location: RegisterLocation

        @Flag(help: "Lapse the outstanding commitments of every dissolved Parliament (or of --parliament).")
        var beforeDissolution = false

        @Flag(help: "Reopen the commitments a lapse at dissolution closed.")
        var undo = false

        @Option(help: ArgumentHelp("Only this Parliament's commitments, e.g. 58th.", valueName: "parliament"))
        var parliament: String?

        @Option(
            help: ArgumentHelp("Reckon which Parliaments are dissolved at this date (yyyy-MM-dd).", valueName: "date"))
        var asOf: DateArgument?

        @Flag(help: "List what would change and record nothing.")
        var dryRun = false

        @OptionGroup var actor: ActorOption

        func validate() throws {
            if beforeDissolution == undo {
                throw ValidationError("Choose --before-dissolution or --undo.")
            }
        }

        func run() throws {
            let register = try location.open(readOnly: dryRun)
            let changed =
                undo
                ? try register.undoLapses(parliament: parliament, actor: actor.name, dryRun: dryRun)
                : try register.lapseAtDissolution(
                    parliament: parliament, asOf: asOf?.text, actor: actor.name, dryRun: dryRun)
            let verb = undo ? (dryRun ? "would reopen" : "reopened") : (dryRun ? "would lapse" : "lapsed")
            for lapse in changed {
                let c = lapse.commitment
                Terminal.write(
                    "\(c.id)  \(c.debateDate?.description ?? "undated")  \(lapse.parliament) Parliament  \(verb) as of "
                        + "\(lapse.date)  \(c.speakerName ?? "(unnamed minister)"): \(c.promise)\n")
            }
            Terminal.write("\(changed.count) commitments \(verb).\n")
        }
    }
}
