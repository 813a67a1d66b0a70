public import Foundation
import GRDB

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

    /// Opens the register at `path`, creating it (and its folder) when there is no file yet.
    ///
    /// A file that is not a register, is damaged, or was written by a newer hansard is refused and left
    /// untouched. When the file's schema is older, a backup copy (`PATH.backup-v<N>-<time>`) is written first.
    /// - Parameters:
    ///   - readOnly: open an existing register for reading only; nothing is created or migrated.
    ///   - busyTimeout: how long to wait for another process's write to finish.
    public static func open(
        at path: String, readOnly: Bool = false, busyTimeout: TimeInterval = 60
    ) throws(RegisterError) -> Register {
        let exists = FileManager.default.fileExists(atPath: path)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        var needsMigration = true
        if exists && size > 0 {
            needsMigration = try inspect(path: path).pending
        } else if readOnly {
            throw .cannotOpen(path: path, reason: "no register here; `hansard register add` creates one")
        }

        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            // Reading pages through a memory map spares a pread per page: long lists touch every row.
            // 64 MB holds the hot part of a large register while keeping hansard's resident memory bounded
            // however large the file grows (mapped pages count towards it).
            try db.execute(sql: "PRAGMA mmap_size = 67108864")
            if !readOnly {
                // NORMAL is durable against a killed process in WAL mode; only power loss can lose the last commit.
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
        }
        if readOnly {
            if needsMigration {
                throw .cannotOpen(
                    path: path, reason: "the register was made by an older hansard; open it once to upgrade it")
            }
            configuration.readonly = true
            let queue = try mapErrors(path) { try DatabaseQueue(path: path, configuration: configuration) }
            return Register(path: path, database: queue, backupPath: nil)
        }

        if !exists {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty {
                do {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                } catch {
                    throw .cannotOpen(path: path, reason: "cannot create the folder \(folder): \(error.localizedDescription)")
                }
            }
        }
        let backupPath = needsMigration ? try migrateUnderLock(path: path, busyTimeout: busyTimeout) : nil
        let pool = try mapErrors(path) { try DatabasePool(path: path, configuration: configuration) }
        return Register(path: path, database: pool, backupPath: backupPath)
    }

    /// Migrates the file while holding an exclusive `flock` on it, so that two processes creating or upgrading
    /// one register do not both run the migrations (GRDB reads the applied migrations outside a transaction).
    /// The flock is independent of SQLite's own POSIX locks, and no SQLite connection of this process is open
    /// on the file when the lock's descriptor is closed.
    /// - Returns: the backup written before migrating an existing register, if any.
    private static func migrateUnderLock(path: String, busyTimeout: TimeInterval) throws(RegisterError) -> String? {
        let descriptor = openForLocking(path)
        guard descriptor >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        defer { closeDescriptor(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            if errno != EINTR { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        }
        defer { flock(descriptor, LOCK_UN) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw .cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        // Another process may have migrated while this one waited for the lock.
        let check = status.st_size > 0 ? try inspect(path: path) : (pending: true, applied: 0)
        guard check.pending else { return nil }
        let backupPath = check.applied > 0 ? try backUp(path: path, schemaVersion: check.applied) : nil
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        try mapErrors(path) {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
            try Schema.migrator.migrate(queue)
            try queue.close()
        }
        return backupPath
    }

    /// What an existing file holds, read without writing a byte to it.
    private static func inspect(path: String) throws(RegisterError) -> (pending: Bool, applied: Int) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .cannotOpen(path: path, reason: "permission denied")
        }
        let header = handle.readData(ofLength: 16)
        try? handle.close()
        guard header == Data("SQLite format 3\0".utf8) else { throw .notADatabase(path: path) }

        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(60)
        return try mapErrors(path) { () throws -> (Bool, Int) in
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db throws -> (Bool, Int) in
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
                let migrator = Schema.migrator
                let applied = try migrator.appliedIdentifiers(db)
                let known = Set(migrator.migrations)
                let unknown = applied.subtracting(known).sorted()
                if !unknown.isEmpty { throw RegisterError.newerSchema(path: path, unknownMigrations: unknown) }
                return (try !migrator.hasCompletedMigrations(db), applied.count)
            }
        }
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
        try Self.mapErrors(path) {
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
        try Self.mapErrors(path) { try database.read(body) }
    }

    static func mapErrors<T>(_ path: String, _ body: () throws -> T) throws(RegisterError) -> T {
        do {
            return try body()
        } catch let error as RegisterError {
            throw error
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_CORRUPT, .SQLITE_NOTADB:
                throw .corrupt(path: path, reason: error.message ?? "\(error.resultCode)")
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                throw .busy(path: path)
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_IOERR, .SQLITE_FULL:
                throw .cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
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
    /// Now as ISO 8601 UTC with seconds, e.g. `2026-11-25T21:40:03Z`.
    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }

    /// Today's date in UTC, `yyyy-MM-dd`.
    static func today() -> String { String(now().prefix(10)) }

    /// The user recorded as the actor of status events.
    static var actor: String {
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
        let hex = String(hash, radix: 16)
        let padded = String(repeating: "0", count: max(0, 16 - hex.count)) + hex
        return prefix + "-" + padded.prefix(hexDigits)
    }
}

// Free functions, because inside `Register` the names `open` and `close` mean the register's own.
private func openForLocking(_ path: String) -> Int32 { open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644) }
private func closeDescriptor(_ descriptor: Int32) { _ = close(descriptor) }
