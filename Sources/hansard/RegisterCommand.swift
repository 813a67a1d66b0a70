import ArgumentParser

extension Hansard {
    struct RegisterCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "register",
            abstract: "Keep the register of government commitments: add debates, record what was done.",
            discussion: """
                The register is an SQLite file; --register PATH or $HANSARD_REGISTER names it, otherwise \
                it is $XDG_DATA_HOME/hansard/register.sqlite (~/.local/share/hansard/register.sqlite).

                Examples:
                  hansard register add corpus/
                  hansard register show c-15c40233576e2a68
                  hansard register resolve c-15c40233576e2a68 --status fulfilled --evidence "guidance published"
                  hansard register links
                  hansard register export > register.json
                """,
            subcommands: [
                RegisterAdd.self, RegisterShow.self, RegisterResolve.self, RegisterReopen.self, RegisterNote.self, RegisterLinks.self,
                RegisterConfirm.self, RegisterReject.self, RegisterExport.self, RegisterImport.self,
            ]
        )
    }
}
