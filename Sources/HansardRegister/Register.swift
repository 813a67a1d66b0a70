public import Foundation
import GRDB
import HansardIngestion

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A commitments register: an SQLite file (WAL) that many hansard processes may use at once.
///
/// Open one with ``open(at:readOnly:busyTimeout:)``; every method runs its own transaction.
public struct Register: Sendable {
    /// The file the register lives in.
    public let path: String
    let database: any DatabaseWriter
    /// The backup copy written before this open migrated the file, if it did.
    public let backupPath: String?

    /// The register file used when neither `--register` nor `HANSARD_REGISTER` names one:
    /// `$XDG_DATA_HOME/hansard/register.sqlite`, else `~/.local/share/hansard/register.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let named = environment["HANSARD_REGISTER"], !named.isEmpty { return named }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return data + "/hansard/register.sqlite"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/hansard/register.sqlite"
    }

    /// Whether `location` is written as an address (`postgres://…`) rather than a file name; ``open(at:readOnly:busyTimeout:)``
    /// refuses such a location with ``RegisterError/serverLocation(location:scheme:)``.
    public static func isAddress(_ location: String) -> Bool { RegisterFile.addressScheme(location) != nil }

    /// Opens the register at `path`, creating it (and its folder) when there is no file yet.
    ///
    /// A file that is not a register, is damaged, or was written by a newer hansard is refused and left
    /// untouched: an existing file is inspected, its integrity included, through a connection that writes
    /// nothing before anything else opens it. When the file's schema is older, a backup copy
    /// (`PATH.backup-v<N>-<time>`) is written first.
    /// - Parameters:
    ///   - path: the register's file.
    ///   - readOnly: open an existing register for reading only: nothing is created, migrated or left behind
    ///     (no `-wal`/`-shm` files stay), and a register in a read-only file or folder can be read.
    ///   - busyTimeout: how long to wait for another process's write to finish.
    /// - Returns: the open register, at the current schema unless opened read-only.
    /// - Throws: ``RegisterError`` naming the file: a server address, a file that is not a register, damaged, newer
    ///   or unfinished, a lock held too long, or a file or backup that could not be opened, created or written.
    public static func open(
        at path: String, readOnly: Bool = false, busyTimeout: TimeInterval = 60
    ) throws(RegisterError) -> Register {
        guard !path.isEmpty else { throw .cannotOpen(path: path, reason: "no register path given") }
        try RegisterFile.refuseServerLocation(path)
        let status = try RegisterFile.requireRegularOrMissing(path, role: "a register file")
        var size = 0
        if case .file(let bytes) = status { size = bytes }
        if readOnly {
            guard status != .missing else {
                throw .cannotOpen(path: path, reason: "no register here; `hansard register add` creates one")
            }
            guard size > 0 else {
                throw .cannotOpen(
                    path: path, reason: "the file is empty: no register here yet; `hansard register add` makes one")
            }
            try requireSQLiteHeader(path)
            let queue = try openForReading(path: path, busyTimeout: busyTimeout)
            let check = try inspect(queue, path: path, checkingIntegrity: false)
            if check.pending {
                if check.applied == 0 { throw .unfinished(path: path) }
                throw .cannotOpen(
                    path: path, reason: "the register was made by an older hansard; add a page to it once to upgrade it"
                )
            }
            return Register(path: path, database: queue, backupPath: nil)
        }

        var needsMigration = true
        let folder = RegisterFile.folder(of: path)
        if size > 0 {
            // Everything about the file, damage included, is checked before a byte of it is written.
            try requireSQLiteHeader(path)
            let queue = try openForReading(path: path, busyTimeout: busyTimeout)
            let check = try inspect(queue, path: path, checkingIntegrity: true)
            try? queue.close()
            needsMigration = check.pending
            guard RegisterFile.isWritable(path), RegisterFile.isWritable(folder) else {
                let which = RegisterFile.isWritable(path) ? "its folder \(folder) is" : "the file is"
                throw .cannotWrite(
                    path: path, reason: "\(which) read-only for you (commands that only read still work)")
            }
        } else {
            switch RegisterFile.status(folder) {
            case .missing:
                do {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                } catch {
                    throw .cannotCreate(path: path, reason: "cannot create the folder \(folder): \(Self.reason(error))")
                }
            case .other(let kind) where kind != "a directory":
                throw .cannotCreate(path: path, reason: "its folder \(folder) is \(kind)")
            default:
                break
            }
            guard RegisterFile.isWritable(folder) else {
                throw .cannotCreate(path: path, reason: "the folder \(folder) is not writable for you")
            }
        }

        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            // Reading pages through a memory map spares a pread per page: long lists touch every row.
            // 32 MB keeps hansard's resident memory bounded however large the file grows (mapped pages count
            // towards it); 64 MB added 17 MB to `register add` and took no time off it or off the lists and
            // searches of a 1,000,000-commitment register (docs/performance.md).
            try db.execute(sql: "PRAGMA mmap_size = \(mapSize)")
            // NORMAL is durable against a killed process in WAL mode; only power loss can lose the last commit.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let creating = size == 0
        let backupPath =
            needsMigration ? try migrateUnderLock(path: path, busyTimeout: busyTimeout, creating: creating) : nil
        let pool = try mapErrors(path, creating ? .creating : .writing) {
            try DatabasePool(path: path, configuration: configuration)
        }
        return Register(path: path, database: pool, backupPath: backupPath)
    }

    /// Refuses a file that does not start as an SQLite database, read with read(2) before SQLite sees it.
    private static func requireSQLiteHeader(_ path: String) throws(RegisterError) {
        let (head, error) = RegisterFile.head(path, count: 16)
        guard let head else { throw .cannotOpen(path: path, reason: RegisterFile.describe(error)) }
        guard head == ByteChecks.sqliteHeader else { throw .notADatabase(path: path) }
    }

    /// The bytes of the register file SQLite reads through a memory map, on every connection.
    static let mapSize = 32 << 20

    /// A connection for reading an existing file that leaves nothing behind.
    ///
    /// SQLite's read-only connections create the `-wal` and `-shm` files of a WAL database and never remove
    /// them, and cannot open one in a folder they may not write. So: with no `-wal` and a writable file and
    /// folder, a read-write connection that only queries (the last connection to close removes both files);
    /// with a `-wal` (another process is writing, or stopped mid-way), a read-only connection through it; and
    /// with neither write access nor a `-wal`, the file is read as it stands (`immutable`), needing no lock
    /// files: nobody who could change it is writing it.
    static func openForReading(path: String, busyTimeout: TimeInterval) throws(RegisterError) -> DatabaseQueue {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA mmap_size = \(mapSize)") }
        let folder = RegisterFile.folder(of: path)
        let hasWAL = RegisterFile.status(path + "-wal") != .missing
        if !hasWAL, RegisterFile.isWritable(path), RegisterFile.isWritable(folder) {
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA query_only = 1") }
            return try mapErrors(path, .reading) { try DatabaseQueue(path: path, configuration: configuration) }
        }
        configuration.readonly = true
        if hasWAL {
            return try mapErrors(path, .reading) { try DatabaseQueue(path: path, configuration: configuration) }
        }
        let uri = "file:" + uriEscaped(RegisterFile.resolved(path)) + "?immutable=1"
        return try mapErrors(path, .reading) { try DatabaseQueue(path: uri, configuration: configuration) }
    }

    /// A path with the characters a `file:` URI gives meaning to percent-encoded.
    private static func uriEscaped(_ path: String) -> String {
        var output = ""
        for byte in path.utf8 {
            let keep =
                (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
                || "/-._~".utf8.contains(byte)
            output += keep ? String(UnicodeScalar(byte)) : "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
        }
        return output
    }

    /// Migrates the file while holding an exclusive `flock` on it, so that two processes creating or upgrading one
    /// register do not both run the migrations (GRDB reads the applied migrations outside a transaction).
    ///
    /// The flock is independent of SQLite's own POSIX locks, and no SQLite connection of this process is open on the
    /// file when the lock's descriptor is closed.
    /// - Returns: the backup written before migrating an existing register, if any.
    private static func migrateUnderLock(
        path: String, busyTimeout: TimeInterval, creating: Bool
    ) throws(RegisterError) -> String? {
        let mode: ErrorContext = creating ? .creating : .writing
        let descriptor = openForLocking(path)
        guard descriptor >= 0 else {
            let reason = RegisterFile.describe(errno)
            throw creating ? .cannotCreate(path: path, reason: reason) : .cannotWrite(path: path, reason: reason)
        }
        defer { closeDescriptor(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            if errno != EINTR { throw .cannotOpen(path: path, reason: RegisterFile.describe(errno)) }
        }
        defer { flock(descriptor, LOCK_UN) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw .cannotOpen(path: path, reason: RegisterFile.describe(errno))
        }
        // Another process may have migrated while this one waited for the lock.
        var check = (pending: true, applied: 0)
        if status.st_size > 0 {
            let queue = try openForReading(path: path, busyTimeout: busyTimeout)
            check = try inspect(queue, path: path, checkingIntegrity: false)
            try? queue.close()
        }
        guard check.pending else { return nil }
        let backupPath = check.applied > 0 ? try backUp(path: path, schemaVersion: check.applied) : nil
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        try mapErrors(path, mode) {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
            try Schema.migrator.migrate(queue)
            try queue.close()
        }
        return backupPath
    }

    /// What an existing register holds, read through `queue` (see ``openForReading(path:busyTimeout:)``).
    /// - Parameters:
    ///   - queue: a connection to the file.
    ///   - path: the file, named in errors.
    ///   - checkingIntegrity: run SQLite's `quick_check` too (about 0.1 s for 100,000 commitments),
    ///     done before any write so that a damaged file is never written to.
    /// - Returns: whether migrations are still to run (also for an empty file, which may become a register), and
    ///   how many have been applied.
    /// - Throws: ``RegisterError/notARegister(path:)``, ``RegisterError/corrupt(path:reason:)``,
    ///   ``RegisterError/newerSchema(path:unknownMigrations:)``, or the error reading the file.
    private static func inspect(
        _ queue: DatabaseQueue, path: String, checkingIntegrity: Bool
    ) throws(RegisterError) -> (pending: Bool, applied: Int) {
        try mapErrors(path, .reading) { () throws -> (Bool, Int) in
            try queue.read { db throws -> (Bool, Int) in
                let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tables = try String.fetchAll(
                    db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                if applicationID != Schema.applicationID {
                    // An empty SQLite file may become a register, as may one whose first migration another
                    // process is running (GRDB creates its grdb_migrations table before the migration's
                    // transaction); anything else is someone else's.
                    if tables.isEmpty { return (true, 0) }
                    if tables == ["grdb_migrations"], try Schema.migrator.appliedIdentifiers(db).isEmpty {
                        return (true, 0)
                    }
                    throw RegisterError.notARegister(path: path)
                }
                if checkingIntegrity {
                    let problems = try String.fetchAll(db, sql: "PRAGMA quick_check(3)")
                    if problems != ["ok"] {
                        // SQLite's report spans lines ("*** in database main ***\nPage 91: …"): one line here.
                        let lines = problems.flatMap { $0.split(whereSeparator: \.isNewline) }
                            .map { $0.trimmingCharacters(in: .whitespaces) }
                            .filter { !$0.isEmpty && !$0.hasPrefix("***") }
                        throw RegisterError.corrupt(path: path, reason: lines.joined(separator: "; "))
                    }
                }
                let migrator = Schema.migrator
                let applied = try migrator.appliedIdentifiers(db)
                let known = Set(migrator.migrations)
                let unknown = applied.subtracting(known).sorted()
                if !unknown.isEmpty { throw RegisterError.newerSchema(path: path, unknownMigrations: unknown) }
                return (try !migrator.hasCompletedMigrations(db), applied.count)
            }
        }
    }

    /// A short reason from a Foundation error: its POSIX description when it has one.
    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain
        {
            return RegisterFile.describe(Int32(underlying.code))
        }
        if nsError.domain == NSPOSIXErrorDomain { return RegisterFile.describe(Int32(nsError.code)) }
        return nsError.localizedDescription
    }

    private static func backUp(path: String, schemaVersion: Int) throws(RegisterError) -> String {
        let stamp = Timestamp.now().replacingOccurrences(of: ":", with: "")
        let backupPath = "\(path).backup-v\(schemaVersion)-\(stamp)"
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let source = try DatabaseQueue(path: path, configuration: configuration)
            let destination = try DatabaseQueue(path: backupPath)
            try source.backup(to: destination)
            try destination.close()
            try source.close()
        } catch {
            throw .backupFailed(path: backupPath, reason: "\(error)")
        }
        return backupPath
    }

    /// Runs `body` in one IMMEDIATE write transaction, so that concurrent writers queue on the busy timeout
    /// instead of failing when a read turns into a write.
    func write<T>(_ body: (Database) throws -> T) throws(RegisterError) -> T {
        try Self.mapErrors(path, .writing) {
            try database.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(RegisterError) -> T {
        try Self.mapErrors(path, .reading) { try database.read(body) }
    }

    /// What the register was being used for when SQLite failed, which decides the error: a full disk while
    /// writing is a write failure, while creating the file a creation failure.
    enum ErrorContext { case reading, writing, creating }

    static func mapErrors<T>(_ path: String, _ context: ErrorContext, _ body: () throws -> T) throws(RegisterError) -> T
    {
        do {
            return try body()
        } catch let error as RegisterError {
            throw error
        } catch let error as DatabaseError {
            let reason = error.message ?? "\(error.resultCode)"
            switch error.resultCode {
            case .SQLITE_CORRUPT, .SQLITE_NOTADB:
                throw .corrupt(path: path, reason: reason)
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                throw .busy(path: path)
            case .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_READONLY:
                switch context {
                case .reading: throw .cannotOpen(path: path, reason: reason)
                case .writing: throw .cannotWrite(path: path, reason: reason)
                case .creating: throw .cannotCreate(path: path, reason: reason)
                }
            case .SQLITE_CANTOPEN, .SQLITE_PERM:
                if context == .creating { throw .cannotCreate(path: path, reason: reason) }
                throw .cannotOpen(path: path, reason: reason)
            default:
                throw .database(path: path, reason: error.description)
            }
        } catch {
            throw .database(path: path, reason: "\(error)")
        }
    }
}

/// Timestamps and identities the register writes.
enum Timestamp {
    /// Now as ISO 8601 UTC with milliseconds, for example `2026-11-25T21:40:03.250Z`: events recorded by commands run
    /// one after the other (a lapse and its undo, a resolution and a reopening) are told apart in that order.
    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }

    /// Today's date in UTC, `yyyy-MM-dd`.
    static func today() -> String { String(now().prefix(10)) }

    /// Who is recorded for events, edits and notes when no actor is given: `$HANSARD_USER` (a name colleagues know,
    /// set once), else the login name.
    static var actor: String { configuredActor ?? loginName }

    /// `$HANSARD_USER`, when it names someone.
    static var configuredActor: String? {
        let name = ProcessInfo.processInfo.environment["HANSARD_USER"]?.trimmingCharacters(in: .whitespaces)
        return name?.isEmpty == false ? name : nil
    }

    /// The login name: `$USER`, `$LOGNAME`, else the password database's name for this user id.
    static var loginName: String {
        let environment = ProcessInfo.processInfo.environment
        if let name = environment["USER"] ?? environment["LOGNAME"], !name.isEmpty { return name }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid \(getuid())"
    }
}

/// Short stable keys: FNV-1a 64 over the parts, as hex.
enum ShortID {
    static func make(_ prefix: String, _ parts: [String], hexDigits: Int = 12) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for byte in part.utf8 {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01B3
            }
            hash ^= 0x1F
            hash &*= 0x0000_0100_0000_01B3
        }
        let hex = withUnsafeBytes(of: hash.bigEndian) { Hex.string($0) }
        return prefix + "-" + hex.prefix(hexDigits)
    }
}

extension String {
    /// The string with zeros in front, to `width` characters.
    fileprivate func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

// Free functions, because inside `Register` the names `open` and `close` mean the register's own.
private func openForLocking(_ path: String) -> Int32 { open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644) }
private func closeDescriptor(_ descriptor: Int32) { _ = close(descriptor) }
