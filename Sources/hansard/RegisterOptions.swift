import ArgumentParser
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

    /// Opens the register or exits with the error's status after reporting it.
    func open(readOnly: Bool = false) throws -> any RegisterBackend {
        do {
            let register = try Registers.open(at: resolvedPath, readOnly: readOnly)
            if let backup = register.backupPath {
                Terminal.report("upgraded the register; the previous version is kept in \(backup)")
            }
            return register
        } catch {
            throw RegisterFailure(error)
        }
    }
}

/// Reports a register error on standard error and exits with its status.
struct RegisterFailure: Error {
    let error: RegisterError
    init(_ error: RegisterError) { self.error = error }
}

extension RegisterFailure {
    var exitCode: ExitCode { ExitCode(ExitStatus(for: error).rawValue) }
}

/// Runs `body`, turning a ``RegisterError`` into a message on standard error and an exit status.
func reportingRegisterErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let failure as RegisterFailure {
        Terminal.report(failure.error.description)
        throw failure.exitCode
    } catch let error as RegisterError {
        Terminal.report(error.description)
        throw RegisterFailure(error).exitCode
    }
}

/// The asynchronous form of ``reportingRegisterErrors(_:)``.
func reportingRegisterErrors<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let failure as RegisterFailure {
        Terminal.report(failure.error.description)
        throw failure.exitCode
    } catch let error as RegisterError {
        Terminal.report(error.description)
        throw RegisterFailure(error).exitCode
    }
}

/// Parses a yyyy-MM-dd argument.
struct DateArgument: ExpressibleByArgument {
    let text: String
    init?(argument: String) {
        guard CalendarDate.isValid(argument) else { return nil }
        text = argument
    }
    static var defaultCompletionKind: CompletionKind { .default }
}
