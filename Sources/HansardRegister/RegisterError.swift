public import HansardIngestion

/// Why the register could not do what was asked.
///
/// Each description names the file or id and says what to do.
public enum RegisterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file is not an SQLite database at all.
    case notADatabase(path: String)
    /// The file is an SQLite database, but not a hansard register.
    case notARegister(path: String)
    /// SQLite reports the file damaged.
    case corrupt(path: String, reason: String)
    /// The register was written by a newer hansard: its schema has migrations this one does not know.
    case newerSchema(path: String, unknownMigrations: [String])
    /// Another process held the register locked for longer than the busy timeout.
    case busy(path: String)
    /// The register (or snapshot) file is missing, is not a regular file, or could not be opened.
    case cannotOpen(path: String, reason: String)
    /// The register file or its folder could not be created.
    case cannotCreate(path: String, reason: String)
    /// The register could not be written (read-only, disk full, I/O error); what was committed before stays.
    case cannotWrite(path: String, reason: String)
    /// The file's creation as a register never finished (hansard was stopped while making it).
    case unfinished(path: String)
    /// A snapshot to import has a problem; nothing of it was imported.
    case invalidSnapshot(path: String, problem: String)
    /// A status event would take effect before the commitment was made.
    case dateBeforeCommitment(id: String, date: SittingDate, made: SittingDate)
    /// The backup copy taken before a migration could not be written.
    case backupFailed(path: String, reason: String)
    /// No commitment has the id.
    case unknownCommitment(id: String)
    /// No follow-up link has the id.
    case unknownLink(id: String)
    /// Several commitments or links have ids starting with the prefix given.
    case ambiguousId(String, candidates: [String])
    /// An edit would change nothing: every field already has the value given.
    case nothingToChange(id: String)
    /// An edit's value cannot be taken (an unknown action, an empty object).
    case invalidEdit(field: String, reason: String)
    /// No government in the shipped table fits the name, or several do.
    case unknownGovernment(String, candidates: [String])
    /// Full-text search was asked for nothing it can search by.
    case emptySearch(String)
    /// The link was already confirmed or rejected.
    case linkAlreadyDecided(id: String, state: FollowUpState)
    /// The commitment already has the status asked for.
    case alreadyInStatus(id: String, status: CommitmentStatus)
    /// A date argument is not `yyyy-MM-dd`.
    case invalidDate(String)
    /// No parliamentary session has the label.
    case unknownSession(String)
    /// A snapshot file could not be read.
    case unreadableSnapshot(path: String, reason: String)
    /// The register was named by an address (`https://…`) where a register file or a PostgreSQL register
    /// (`postgres://…`, which only ``Registers/open(at:readOnly:)`` opens) belongs. The location is given with any
    /// password hidden.
    case serverLocation(location: String, scheme: String)
    /// The PostgreSQL server named could not be reached (connection refused, a host name that does not resolve, no
    /// answer), or the connection was lost.
    case serverUnreachable(location: String, reason: String)
    /// The server refused the login: wrong password, unknown role, or no right to connect to the database.
    case loginRefused(location: String, reason: String)
    /// The server has no database by the name the address gives.
    case noSuchDatabase(location: String, database: String)
    /// A `postgres://` address that cannot be read.
    case badAddress(location: String, reason: String)
    /// SQLite failed in a way not listed above.
    case database(path: String, reason: String)

    /// The one line printed on stderr: the file or id, what is wrong, and what to do.
    public var description: String {
        switch self {
        case .notADatabase(let path):
            return "\(path): not an SQLite database; name a hansard register (or a new file to create one)"
        case .notARegister(let path):
            return "\(path): an SQLite database but not a hansard register; it was left untouched"
        case .corrupt(let path, let reason):
            return "\(path): register is damaged (\(reason)); it was left untouched. Restore a backup"
                + " (\(path).backup-*) or rebuild it with `hansard register add`"
        case .newerSchema(let path, let unknown):
            return "\(path): written by a newer hansard (unknown migrations: \(unknown.joined(separator: ", ")));"
                + " it was left untouched. Upgrade hansard to use it"
        case .busy(let path):
            return "\(path): register is busy (another hansard process is writing); try again"
        case .cannotOpen(let path, let reason):
            return "\(path): cannot open the register: \(reason)"
        case .cannotCreate(let path, let reason):
            return "\(path): cannot create the register: \(reason)"
        case .cannotWrite(let path, let reason):
            return "\(path): cannot write to the register: \(reason)"
        case .unfinished(let path):
            return "\(path): the register was never finished (hansard was stopped while creating it); it holds"
                + " nothing: `hansard register add` finishes it, or delete the file"
        case .invalidSnapshot(let path, let problem):
            return "\(path): not imported, the register is unchanged: \(problem)"
        case .dateBeforeCommitment(let id, let date, let made):
            return "\(id): \(date) is before the commitment was made (\(made)); give the date it took effect"
        case .backupFailed(let path, let reason):
            return "\(path): cannot write the backup taken before upgrading the register: \(reason);"
                + " the register was not upgraded"
        case .unknownCommitment(let id):
            return "\(id): no commitment with this id in the register; `hansard commitments` lists them"
        case .unknownLink(let id):
            return "\(id): no follow-up link with this id; `hansard register show COMMITMENT` lists its links"
        case .ambiguousId(let prefix, let candidates):
            let shown = candidates.prefix(Register.candidatesShown).joined(separator: ", ")
            let more = candidates.count > Register.candidatesShown ? ", …" : ""
            return "\(prefix): several ids start so (\(shown)\(more)); give more of the id"
        case .nothingToChange(let id):
            return "\(id): nothing to change; the commitment already has those values"
        case .invalidEdit(let field, let reason):
            return "--\(field): \(reason)"
        case .unknownGovernment(let name, let candidates):
            if candidates.isEmpty {
                return "\(name): no government by this name in the table that ships with hansard; give a Prime"
                    + " Minister's name or an id such as sunak-2022"
            }
            return "\(name): several governments fit (\(candidates.joined(separator: ", "))); give one of these ids"
        case .emptySearch(let text):
            return "\"\(text)\": nothing to search for; give a word, e.g. hansard search guidance"
        case .linkAlreadyDecided(let id, let state):
            return "\(id): link already \(state.rawValue)"
        case .alreadyInStatus(let id, let status):
            return "\(id): commitment is already \(status.rawValue)"
        case .invalidDate(let text):
            return "\(text): not a date; write it as yyyy-MM-dd, e.g. 2023-03-08"
        case .unknownSession(let label):
            return "\(label): no parliamentary session with this label; write it as e.g. 2022-23"
        case .unreadableSnapshot(let path, let reason):
            return "\(path): not a register snapshot: \(reason)"
        case .serverLocation(let location, let scheme):
            if ["postgres", "postgresql"].contains(scheme) {
                return "\(location): a PostgreSQL register, not an SQLite file; nothing was opened or written."
                    + " Open it with Registers.open"
            }
            return "\(location): a \(scheme):// address, not a register file; nothing was opened or written."
                + " Name an SQLite register file"
        case .serverUnreachable(let location, let reason):
            return "\(location): cannot reach the PostgreSQL server: \(reason); nothing was written"
        case .loginRefused(let location, let reason):
            return "\(location): the PostgreSQL server refused the login: \(reason); nothing was written"
        case .noSuchDatabase(let location, let database):
            return "\(location): the PostgreSQL server has no database \(database); create it (createdb \(database))"
                + " and run the command again; nothing was written"
        case .badAddress(let location, let reason):
            return "\(location): \(reason); write it as postgres://user@host:port/database"
        case .database(let path, let reason):
            return "\(path): register error: \(reason)"
        }
    }
}
