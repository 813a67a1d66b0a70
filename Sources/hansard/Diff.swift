import ArgumentParser
import HansardRegister
import HansardReports

extension Hansard {
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare two register snapshots, or one register at the ends of two sessions.",
            discussion: """
                Reports new commitments, those resolved (with status and evidence), those still outstanding \
                (and how much older), those changed (reworded, timing or due date moved, another minister or \
                department), and those missing from NEW with no status event (a warning). OLD and NEW are \
                register files or JSON exports. With --session twice, the register is taken as it stood at the \
                end of each session (dates from the sessions table that ships with hansard).

                Exits 0 when there is no difference and 1 when there is, like diff(1); other failures exit > 1.

                Examples:
                  hansard diff register-2023-10-26.json register-2024-05-24.json
                  hansard diff --session 2022-23 --session 2023-24
                  hansard diff --format md old.sqlite new.sqlite > changes.md
                """
        )

        @OptionGroup var location: RegisterLocation

        @Argument(help: ArgumentHelp("OLD and NEW snapshots (register files or JSON exports).", valueName: "snapshot"))
        var snapshots: [String] = []

        @Option(
            name: .customLong("session"),
            help: ArgumentHelp(
                "A session to compare (give two), e.g. --session 2022-23 --session 2023-24.", valueName: "session"))
        var sessions: [String] = []

        @Option(help: "table, json or md.")
        var format: DiffFormatArgument = .table

        func validate() throws {
            switch (snapshots.count, sessions.count) {
            case (2, 0), (0, 2): return
            default:
                throw ValidationError("Give two snapshots (OLD NEW) or two sessions (--session A --session B).")
            }
        }

        /// The two sides: two sessions of the register, or two snapshot files.
        private func diff() throws -> RegisterDiff {
            if sessions.count == 2 {
                let old = try ParliamentarySessions.named(sessions[0])
                let new = try ParliamentarySessions.named(sessions[1])
                let register = try location.open(readOnly: true)
                let today = CalendarDate.today()
                return RegisterDiff(
                    old: try register.snapshot(asOf: min(old.end ?? today, today)), oldLabel: "session \(old.label)",
                    new: try register.snapshot(asOf: min(new.end ?? today, today)), newLabel: "session \(new.label)")
            }
            return try RegisterDiff.between(snapshots[0], snapshots[1])
        }

        func run() throws {
            let diff = try diff()
            Terminal.writeTable(
                try RegisterDiffRenderer.render(diff, format: format.format, width: Terminal.width()),
                plain: format.format != .table)
            if diff.hasDifferences { throw ExitCode(ExitStatus.differences.rawValue) }
        }
    }
}

enum DiffFormatArgument: String, ExpressibleByArgument, CaseIterable {
    case table, json, md
    var format: RegisterDiffFormat { RegisterDiffFormat(rawValue: rawValue)! }
}
