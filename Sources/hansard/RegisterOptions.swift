import ArgumentParser
import HansardIngestion
import HansardRegister

/// `--register PATH`, shared by every command that uses the register.
struct RegisterLocation: ParsableArguments {
    @Option(
        name: .customLong("register"),
        help: ArgumentHelp(
            "The register: a file, or postgres://user@host/database (default: $HANSARD_REGISTER, else $XDG_DATA_HOME/hansard/register.sqlite, else ~/.local/share/hansard/register.sqlite).",
            valueName: "path"))
    var path: String?

    func validate() throws {
        if path == "" {
            throw ValidationError("--register needs a file name or address; leave it out to use the default register.")
        }
    }

    var resolvedPath: String { path ?? Register.defaultPath() }

    /// Opens the register, saying so when opening it upgraded the file.
    func open(readOnly: Bool = false) throws(RegisterError) -> any RegisterBackend {
        let register = try Registers.open(at: resolvedPath, readOnly: readOnly)
        if let backup = register.backupPath {
            Terminal.report("upgraded the register; the previous version is kept in \(backup)")
        }
        return register
    }
}

/// Parses a yyyy-MM-dd argument.
struct DateArgument: ExpressibleByArgument {
    let date: SittingDate
    /// The date as typed (`yyyy-MM-dd`), for the calls that take a person's words.
    var text: String { date.description }
    init?(argument: String) {
        guard let date = SittingDate(argument) else { return nil }
        self.date = date
    }
    static var defaultCompletionKind: CompletionKind { .default }
}

/// `--sources DIR`, for the commands that show transcripts (`report`, `serve`): where to look for a debate's page,
/// by its SHA-256, when it is not where the register last read it.
struct SourcesOption: ParsableArguments {
    @Option(
        name: .customLong("sources"),
        help: ArgumentHelp(
            "A folder to look in for the debates' pages, by their SHA-256, when they are not where the register"
                + " last read them; repeat for several.", valueName: "dir"),
        completion: .directory)
    var sources: [String] = []
}
