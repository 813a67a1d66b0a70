import HansardAnalysis
import HansardFetch
import HansardIngestion
import HansardRegister
import HansardReports
import HansardServe

/// The exit statuses hansard documents in the README.
///
/// Values follow sysexits(3) where one fits.
enum ExitStatus: Int32 {
    case success = 0
    /// `diff`: the two registers differ.
    case differences = 1
    /// A command-line usage error (argument-parser's own code for validation errors).
    case usage = 64
    /// An input file was read but is not a usable debate page or register.
    case badInput = 65
    /// An input file does not exist, is a directory, or cannot be opened; a URL answers 404 or 410.
    case missingInput = 66
    /// `register show|resolve|confirm|reject`: no commitment or link has the id given.
    case noSuchRecord = 67
    /// A URL hansard does not fetch: not HTTPS, a host off the allow-list or a redirect to one, a page of a
    /// kind hansard cannot read.
    case refusedURL = 68
    /// A page could not be fetched: no network, a timeout, an HTTP error other than 404, a download cut
    /// short; with `--offline`, a page not in the cache. `serve`: the address cannot be listened on.
    case unavailable = 69
    /// Something inside hansard went wrong; please report it.
    case internalError = 70
    /// A file (a register, its folder, or its pre-upgrade backup) could not be created.
    case cannotCreate = 73
    /// Output could not be written: standard output, a report file, or the register (read-only, disk full).
    case outputFailed = 74
    /// The register stayed locked by another hansard process past the busy timeout; try again.
    case registerBusy = 75
    /// The register was written by a newer hansard; upgrade hansard to use it.
    case newerRegister = 76
    /// A PostgreSQL server refused the login (wrong password, unknown role, no right to connect).
    case permissionDenied = 77

    init(for error: IngestionError) {
        switch error {
        case .fileNotFound, .isDirectory, .unreadable: self = .missingInput
        default: self = .badInput
        }
    }

    init(for error: RegisterError) {
        switch error {
        case .notADatabase, .notARegister, .corrupt, .unreadableSnapshot, .linkAlreadyDecided, .alreadyInStatus,
            .unfinished, .invalidSnapshot, .nothingToChange:
            self = .badInput
        case .newerSchema: self = .newerRegister
        case .busy: self = .registerBusy
        case .cannotOpen: self = .missingInput
        case .backupFailed, .cannotCreate: self = .cannotCreate
        case .cannotWrite: self = .outputFailed
        case .unknownCommitment, .unknownLink, .ambiguousId: self = .noSuchRecord
        case .invalidDate, .unknownSession, .dateBeforeCommitment, .invalidEdit, .unknownGovernment, .emptySearch,
            .serverLocation, .badAddress:
            self = .usage
        case .serverUnreachable: self = .unavailable
        case .loginRefused: self = .permissionDenied
        case .noSuchDatabase: self = .missingInput
        case .database: self = .internalError
        }
    }

    init(for error: FetchError) {
        switch error {
        case .refused: self = .refusedURL
        case .notFound: self = .missingInput
        case .httpStatus, .network, .timedOut, .truncated, .tooManyRedirects, .notCached: self = .unavailable
        case .tooLarge, .listing: self = .badInput
        case .page(let error): self.init(for: error)
        case .cache: self = .cannotCreate
        case .invalidBaseURL: self = .usage
        }
    }

    init(for error: AnalysisError) {
        switch error {
        case .bundledRulesMissing, .lexiconMalformed: self = .internalError
        case .rulesUnreadable: self = .missingInput
        case .rulesMalformed, .invalidPattern: self = .badInput
        }
    }

    init(for error: ReportError) {
        switch error {
        case .cannotWrite: self = .cannotCreate
        case .unknownColumns: self = .usage
        case .nonFiniteNumber: self = .internalError
        }
    }

    init(for error: ServeError) {
        switch error {
        case .tokenRequired, .unusableToken: self = .usage
        case .cannotListen: self = .unavailable
        }
    }

    /// The status and the one-line message for an error one of hansard's modules throws.
    ///
    /// Nil for any other error (argument-parser's own, which it reports itself). This is the one place a module
    /// error that stops a command is mapped to its status (the README's exit table).
    static func failure(_ error: any Error) -> (status: ExitStatus, message: String)? {
        switch error {
        case let error as IngestionError: return (ExitStatus(for: error), error.description)
        case let error as AnalysisError: return (ExitStatus(for: error), error.description)
        case let error as RegisterError: return (ExitStatus(for: error), error.description)
        case let error as FetchError: return (ExitStatus(for: error), error.description)
        case let error as ReportError: return (ExitStatus(for: error), error.description)
        case let error as ServeError: return (ExitStatus(for: error), error.description)
        default: return nil
        }
    }

    /// The status to exit with after several failures: a missing file outranks a bad one.
    static func worst(_ statuses: [ExitStatus]) -> ExitStatus {
        statuses.max(by: { $0.rawValue < $1.rawValue }) ?? .success
    }
}
