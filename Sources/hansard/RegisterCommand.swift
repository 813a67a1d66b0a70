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
                  hansard register show c-15c40233
                  hansard register edit c-15c40233 --department "Cabinet Office" --reason "answered for the Cabinet Office"
                  hansard register resolve c-15c40233 --status fulfilled --evidence "guidance published"
                  hansard register dismiss c-8b1e0f2a --reason "not a commitment"
                  hansard register links
                  hansard register export > register.json
                """,
            subcommands: [
                RegisterAdd.self, RegisterShow.self, RegisterEdit.self, RegisterResolve.self, RegisterDismiss.self,
                RegisterReopen.self, RegisterLapse.self, RegisterNote.self, RegisterLinks.self, RegisterConfirm.self,
                RegisterReject.self, RegisterExport.self, RegisterImport.self,
            ]
        )
    }
}
