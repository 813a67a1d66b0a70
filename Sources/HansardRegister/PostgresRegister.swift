import Foundation
public import HansardAnalysis
public import HansardIngestion
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A register kept in a PostgreSQL database that a team shares (`postgres://user@host/db`).
///
/// It holds the same tables, migrations and ids as an SQLite register, and adding pages, status events, notes, link
/// decisions, corrections, lapses, imports and exports run the same code (``RegisterRows``), so an export is the
/// same bytes and `register import` moves a register between the two without loss. Every write transaction holds the
/// register's advisory lock, so writers from several machines queue as SQLite's writers do, each debate is stored
/// once and no event is lost. Lists and searches run, for now, on a private SQLite copy read in one transaction.
public final class PostgresRegister: RegisterBackend, @unchecked Sendable {
    /// The address schemes that name a PostgreSQL register.
    public static let schemes: Set<String> = ["postgres", "postgresql"]

    /// The address, with any password shown as `***`.
    public let location: String
    /// Always nil: the server keeps its own backups; a migration runs in one transaction.
    public let backupPath: String? = nil
    /// The default register file of this machine, beside which fetched pages are cached.
    public let pageCacheAnchor: String
    /// The database role the connection logged in as: who events are signed by when neither `--by` nor
    /// `$HANSARD_USER` says.
    public let role: String
    let readOnly: Bool
    let connection: PostgresConnection
    let logger: Logger

    private init(location: String, connection: PostgresConnection, logger: Logger, role: String, readOnly: Bool) {
        self.location = location
        self.connection = connection
        self.logger = logger
        self.role = role
        self.readOnly = readOnly
        self.pageCacheAnchor = Registers.pageCacheAnchor(for: location)
    }

    // The connection must be closed before it is released (PostgresNIO checks); registers are released on the
    // command's thread, never on an event loop, so waiting here is safe.
    deinit {
        if let folder = copy?.folder { try? FileManager.default.removeItem(atPath: folder) }
        try? (connection.close() as EventLoopFuture<Void>).wait()
    }

    /// Connects to the database `location` names and makes sure it holds a register: an empty database gets the
    /// register's tables (unless `readOnly`); a database with other tables, or one a newer hansard set up, is
    /// refused and left untouched.
    public static func open(at location: String, readOnly: Bool = false) throws(RegisterError) -> PostgresRegister {
        let address = try PostgresAddress(location)
        let shown = RegisterFile.redacted(location)
        var logger = Logger(label: "hansard.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
        logger.logLevel = .critical
        let connection: PostgresConnection
        do {
            connection = try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.next(), configuration: try address.configuration(),
                id: 1, logger: logger
            ).wait()
        } catch {
            throw connectionError(error, location: shown, database: address.database)
        }
        let session = PostgresSession(connection: connection, logger: logger)
        let role: String
        do {
            // A lock another writer holds for longer than SQLite's busy timeout is reported as busy.
            try session.execute("SET lock_timeout = '60s'")
            role = try session.scalar("SELECT current_user::text") ?? address.user
        } catch {
            try? (connection.close() as EventLoopFuture<Void>).wait()
            throw mapError(error, location: shown, context: .reading)
        }
        let register = PostgresRegister(
            location: shown, connection: connection, logger: logger, role: role, readOnly: readOnly)
        try register.prepare()
        return register
    }

    /// Checks what the database holds and, for a writer, applies the migrations it lacks under the lock.
    private func prepare() throws(RegisterError) {
        let state = try mapped(.reading) { () throws -> PostgresSchema.State in
            try PostgresSchema.inspect(session, location: location)
        }
        guard state.pending else { return }
        if readOnly {
            if state.applied.isEmpty {
                throw .cannotOpen(
                    path: location,
                    reason: "no register in this database yet; `hansard register import FILE` makes one")
            }
            throw .cannotOpen(
                path: location, reason: "the register was made by an older hansard; write to it once to upgrade it")
        }
        _ = try write { session throws in try PostgresSchema.migrate(session, location: location) }
    }

    var session: PostgresSession { PostgresSession(connection: connection, logger: logger) }

    /// Runs `body` in one transaction holding the register's advisory lock: writers queue on it (as SQLite's do on
    /// `BEGIN IMMEDIATE`), so what a writer reads before writing cannot change under it.
    func write<T>(_ body: (PostgresSession) throws -> T) throws(RegisterError) -> T {
        if readOnly { throw .cannotWrite(path: location, reason: "the register was opened for reading only") }
        forgetCopy()
        return try transaction(begin: "BEGIN", lock: true, body)
    }

    /// Runs `body` in one read-only transaction that sees one state of the register throughout.
    func read<T>(_ body: (PostgresSession) throws -> T) throws(RegisterError) -> T {
        try transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", lock: false, body)
    }

    /// Runs `body` in a transaction opened with the `begin` statement, first taking the register's advisory lock
    /// when `lock` (a write): committed when `body` returns, rolled back when anything throws.
    private func transaction<T>(begin: String, lock: Bool, _ body: (PostgresSession) throws -> T)
        throws(RegisterError) -> T
    {
        try mapped(lock ? .writing : .reading) { () throws -> T in
            let session = self.session
            try session.execute(begin)
            do {
                if lock { try session.execute("SELECT pg_advisory_xact_lock(\(PostgresSchema.lockKey))") }
                let result = try body(session)
                try session.execute("COMMIT")
                return result
            } catch {
                try? session.execute("ROLLBACK")
                throw error
            }
        }
    }

    private func mapped<T>(_ context: Register.ErrorContext, _ body: () throws -> T) throws(RegisterError) -> T {
        do { return try body() } catch { throw Self.mapError(error, location: location, context: context) }
    }

    /// Who signs an event: `--by`, else `$HANSARD_USER`, else the database role.
    private func actor(_ given: String?) -> String { given ?? Timestamp.configuredActor ?? role }

    // MARK: What runs on PostgreSQL

    /// Stores a debate's analysis in one locked transaction (the rules of ``Register/add(_:of:reanalysing:)``):
    /// another process adding the same page waits for the lock and then finds it stored.
    public func add(_ analysis: Analysis, of debate: Debate, reanalysing: Bool) throws(RegisterError) -> AddOutcome {
        try add(analysis, of: debate, reanalysing: reanalysing, now: Timestamp.now())
    }

    /// As ``add(_:of:reanalysing:)``, with `now` as the time recorded (tests give two registers the same one).
    func add(_ analysis: Analysis, of debate: Debate, reanalysing: Bool, now: String) throws(RegisterError)
        -> AddOutcome
    {
        try write { session in try Register.add(session, analysis, of: debate, reanalysing: reanalysing, now: now) }
    }

    /// The whole register as a canonical snapshot, read in one transaction.
    public func snapshot() throws(RegisterError) -> RegisterSnapshot {
        try read { session in try Register.snapshot(session) }
    }

    /// The register as it stood at the end of `date`.
    public func snapshot(asOf date: SittingDate) throws(RegisterError) -> RegisterSnapshot {
        try snapshot().standing(at: date)
    }

    /// Merges a snapshot into the register in one locked transaction (the rules of ``Register/importSnapshot(_:from:)``).
    public func importSnapshot(_ snapshot: RegisterSnapshot, from path: String) throws(RegisterError)
        -> Register.ImportSummary
    {
        try write { session in try Register.importSnapshot(session, snapshot, from: path) }
    }

    /// Whether the register has read a page with this SHA-256.
    public func hasPageVersion(sha256: String) throws(RegisterError) -> Bool {
        try read { session in try session.exists(DebateVersionRecord.self, key: sha256) }
    }

    /// The full id of the commitment `text` names or abbreviates.
    public func commitmentId(matching text: String) throws(RegisterError) -> String {
        try read { session in try Register.resolveCommitmentId(session, text) }
    }

    /// Records that a commitment was fulfilled, partly fulfilled, withdrawn or lapsed.
    public func resolve(
        _ id: String, status: CommitmentStatus, evidence: String, date: String?, note: String?, actor: String?
    ) throws(RegisterError) -> StatusEventRecord {
        let effective =
            try date.map { text throws(RegisterError) in try CalendarDate.parse(text) } ?? CalendarDate.today()
        let now = Timestamp.now()
        let who = self.actor(actor)
        return try write { session in
            try Register.resolve(
                session, id, status: status, evidence: evidence, date: effective, note: note, actor: who, now: now)
        }
    }

    /// Makes a resolved or dismissed commitment outstanding again.
    public func reopen(_ id: String, note: String?, date: String?, actor: String?) throws(RegisterError)
        -> StatusEventRecord
    {
        let given = try date.map { text throws(RegisterError) in try CalendarDate.parse(text) }
        let now = Timestamp.now()
        let who = self.actor(actor)
        return try write { session in try Register.reopen(session, id, note: note, date: given, actor: who, now: now) }
    }

    /// Records that a passage is not a commitment at all.
    public func dismiss(_ id: String, reason: String, actor: String?) throws(RegisterError) -> StatusEventRecord {
        let now = Timestamp.now()
        let who = self.actor(actor)
        return try write { session in try Register.dismiss(session, id, reason: reason, actor: who, now: now) }
    }

    /// Attaches a note to a commitment.
    public func addNote(_ id: String, text: String, actor: String?) throws(RegisterError) -> NoteRecord {
        let now = Timestamp.now()
        let who = self.actor(actor)
        return try write { session in try Register.addNote(session, id, text: text, actor: who, now: now) }
    }

    /// Confirms a follow-up link, resolving the commitment when the later speech says it was done.
    public func confirm(_ linkId: String, status: CommitmentStatus?, actor: String?)
        throws(RegisterError) -> (link: FollowUpLinkRecord, event: StatusEventRecord?)
    {
        let now = Timestamp.now()
        let who = self.actor(actor)
        return try write { session in try Register.confirm(session, linkId, status: status, actor: who, now: now) }
    }

    /// Rejects a follow-up link: it stays recorded and is not proposed again.
    public func reject(_ linkId: String, actor: String?) throws(RegisterError) -> FollowUpLinkRecord {
        let now = Timestamp.now()
        let who = self.actor(actor)
        return try write { session in try Register.decide(session, linkId, .rejected, at: now, by: who) }
    }

    /// Corrects what the analysis read, one edit per field changed.
    public func edit(_ id: String, _ values: [CommitmentField: String?], reason: String?, actor: String?)
        throws(RegisterError) -> (commitmentId: String, edits: [CommitmentEditRecord])
    {
        for (field, value) in values { try Register.validate(field, value) }
        let now = Timestamp.now()
        let who = self.actor(actor)
        return try write { session in try Register.edit(session, id, values, reason: reason, actor: who, now: now) }
    }

    /// Everything the register knows about one commitment.
    public func detail(of id: String) throws(RegisterError) -> CommitmentDetail {
        try read { session in try Register.detail(session, id) }
    }

    /// Candidate links waiting for a decision, with their commitments.
    public func pendingLinkListings() throws(RegisterError) -> [Register.LinkListing] {
        try read { session in try Register.pendingLinkListings(session) }
    }

    /// Closes, as lapsed, the outstanding commitments of dissolved Parliaments.
    public func lapseAtDissolution(parliament: String?, asOf: String?, actor: String?, dryRun: Bool)
        throws(RegisterError) -> [Register.Lapse]
    {
        let date = try asOf.map { text throws(RegisterError) in try CalendarDate.parse(text) } ?? CalendarDate.today()
        let now = Timestamp.now()
        let who = self.actor(actor)
        return dryRun
            ? try read { session in
                try Register.lapse(session, parliament: parliament, asOf: date, actor: who, now: now, dryRun: true)
            }
            : try write { session in
                try Register.lapse(session, parliament: parliament, asOf: date, actor: who, now: now, dryRun: false)
            }
    }

    /// Reopens the commitments whose latest status is a lapse at dissolution.
    public func undoLapses(parliament: String?, actor: String?, dryRun: Bool) throws(RegisterError)
        -> [Register.Lapse]
    {
        let now = Timestamp.now()
        let who = self.actor(actor)
        return dryRun
            ? try read { session in
                try Register.undoLapses(session, parliament: parliament, actor: who, now: now, dryRun: true)
            }
            : try write { session in
                try Register.undoLapses(session, parliament: parliament, actor: who, now: now, dryRun: false)
            }
    }

    // MARK: Lists, on a private SQLite copy for now

    // The list queries (filters by person and department, full-text search, the as-of statuses) are still written
    // for SQLite only. Until they are written for both, a list reads the register in one transaction into a private
    // SQLite copy and lists it there with the same code: the same rows in the same order, at the cost of reading the
    // whole register for each command (well under a second for a few thousand commitments).
    private let copyLock = NSLock()
    nonisolated(unsafe) private var copy: (register: Register, folder: String)?

    private func listingCopy() throws(RegisterError) -> Register {
        copyLock.lock()
        defer { copyLock.unlock() }
        if let copy { return copy.register }
        let whole = try snapshot()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "hansard-postgres-list-\(UUID().uuidString)"
        ).path
        let register = try Register.open(at: folder + "/copy.sqlite")
        _ = try register.importSnapshot(whole, from: location)
        copy = (register, folder)
        return register
    }

    /// Drops the copy after a write through this connection.
    private func forgetCopy() {
        copyLock.lock()
        defer { copyLock.unlock() }
        if let folder = copy?.folder { try? FileManager.default.removeItem(atPath: folder) }
        copy = nil
    }

    /// Lists commitments, on a private SQLite copy of the register (see above).
    public func commitments(_ query: CommitmentQuery) throws(RegisterError) -> CommitmentList {
        try listingCopy().commitments(query)
    }

    /// The register's figures as of `asOf`, counted on the same copy (``Register/figures(asOf:overdueLimit:)``).
    public func figures(asOf: SittingDate?, overdueLimit: Int) throws(RegisterError) -> RegisterFigures {
        try listingCopy().figures(asOf: asOf, overdueLimit: overdueLimit)
    }

    /// Every minister's name and department the commitments give, from the same copy.
    public func names() throws(RegisterError) -> RegisterNames {
        try listingCopy().names()
    }

    /// What the pages of some debates and commitments show (``Register/pageSnapshot(debates:commitments:)``).
    public func pageSnapshot(debates: [String], commitments: [String]) throws(RegisterError) -> RegisterSnapshot {
        try read { session in try Register.pageSnapshot(session, debates: debates, commitments: commitments) }
    }

    /// The debates, requests, events, edits and links of the commitments listed, from the same copy.
    public func context(for listings: [CommitmentListing]) throws(RegisterError) -> RowContext {
        try listingCopy().context(for: listings)
    }

    /// The shortest unambiguous prefix of each commitment id, from the same copy.
    public func shortIds(for ids: [String]?, minimum: Int) throws(RegisterError) -> [String: String] {
        try listingCopy().shortIds(for: ids, minimum: minimum)
    }

    // MARK: Errors

    /// One line for a connection that failed: the server not reached, the login refused, or no such database.
    static func connectionError(_ error: any Error, location: String, database: String) -> RegisterError {
        if let error = error as? RegisterError { return error }
        guard let psql = error as? PSQLError else {
            return .serverUnreachable(location: location, reason: describeNetwork(error))
        }
        if let info = psql.serverInfo {
            let state = info[.sqlState] ?? ""
            let message = info[.message] ?? "\(psql.code)"
            switch state {
            case "3D000": return .noSuchDatabase(location: location, database: database)
            case "28P01", "28000", "42501": return .loginRefused(location: location, reason: message)
            default: return .serverUnreachable(location: location, reason: message)
            }
        }
        if psql.code == .authMechanismRequiresPassword {
            return .loginRefused(
                location: location,
                reason: "the server asks for a password; give it in the address (user:password@host) or $PGPASSWORD")
        }
        if psql.code == .sslUnsupported {
            return .serverUnreachable(
                location: location, reason: "the server does not offer TLS; add ?sslmode=disable to the address")
        }
        return .serverUnreachable(location: location, reason: describeNetwork(psql.underlying ?? psql))
    }

    /// A network failure in a few words, such as "connection refused".
    static func describeNetwork(_ error: any Error) -> String {
        if let io = error as? IOError { return String(cString: strerror(io.errnoCode)).lowercased() }
        if let failure = error as? NIOConnectionError {
            if let first = failure.connectionErrors.first { return describeNetwork(first.error) }
            if failure.dnsAError != nil || failure.dnsAAAAError != nil {
                return "the host name \(failure.host) does not resolve"
            }
        }
        if let channel = error as? ChannelError, case .connectTimeout = channel {
            return "no answer from the server within 10 seconds"
        }
        if let psql = error as? PSQLError, psql.code == .serverClosedConnection || psql.code == .uncleanShutdown {
            return "the server closed the connection"
        }
        return String(describing: error)
    }

    /// The register error for a failed statement, by its SQLSTATE.
    static func mapError(_ error: any Error, location: String, context: Register.ErrorContext) -> RegisterError {
        if let error = error as? RegisterError { return error }
        guard let psql = error as? PSQLError else { return .database(path: location, reason: "\(error)") }
        guard let info = psql.serverInfo else {
            return .serverUnreachable(location: location, reason: describeNetwork(psql.underlying ?? psql))
        }
        let state = info[.sqlState] ?? ""
        let message = info[.message] ?? "\(psql.code)"
        switch state {
        case "55P03", "40001", "40P01": return .busy(path: location)
        case "25006", "42501", "53100", "53200":
            return context == .reading
                ? .cannotOpen(path: location, reason: message) : .cannotWrite(path: location, reason: message)
        default: return .database(path: location, reason: "\(message) (SQLSTATE \(state))")
        }
    }
}

/// The parts of a `postgres://user:password@host:port/database?host=/socket/folder&sslmode=…` address, with libpq's
/// defaults: the login name as user and database, a Unix socket in /var/run/postgresql when no host is given.
struct PostgresAddress {
    var user: String
    var password: String?
    var host: String
    var port: Int
    var database: String
    /// A Unix socket folder (`?host=/path`, or the default when the address names no host).
    var socketFolder: String?
    var sslMode: String

    init(_ location: String) throws(RegisterError) {
        let shown = RegisterFile.redacted(location)
        guard let components = URLComponents(string: location) else {
            throw .badAddress(location: shown, reason: "not an address of the form postgres://user@host/database")
        }
        let query = Dictionary(
            (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        let environment = ProcessInfo.processInfo.environment
        user =
            components.user.flatMap { $0.isEmpty ? nil : $0 } ?? query["user"] ?? environment["PGUSER"]
            ?? Timestamp.loginName
        password = components.password ?? query["password"] ?? environment["PGPASSWORD"]
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? (query["dbname"] ?? user) : path
        guard !database.contains("/") else {
            throw .badAddress(location: shown, reason: "the database name \(database) has a slash in it")
        }
        if let text = components.port.map(String.init) ?? query["port"] {
            guard let number = Int(text), (1...65535).contains(number) else {
                throw .badAddress(location: shown, reason: "the port \(text) is not a port number")
            }
            port = number
        } else {
            port = 5432
        }
        host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
        if let folder = query["host"], folder.hasPrefix("/") {
            socketFolder = folder
        } else if components.host?.isEmpty ?? true {
            socketFolder = "/var/run/postgresql"
        }
        sslMode = query["sslmode"] ?? "prefer"
        guard ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"].contains(sslMode) else {
            throw .badAddress(
                location: shown, reason: "sslmode=\(sslMode) is not one of disable, prefer, require, verify-full")
        }
    }

    func configuration() throws -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        if let socketFolder {
            configuration = .init(
                unixSocketPath: socketFolder + "/.s.PGSQL.\(port)", username: user, password: password,
                database: database)
        } else {
            let tls: PostgresConnection.Configuration.TLS
            switch sslMode {
            case "disable", "allow": tls = .disable
            default:
                var settings = TLSConfiguration.makeClientConfiguration()
                // As libpq: only verify-ca and verify-full check the server's certificate.
                if sslMode != "verify-full" && sslMode != "verify-ca" { settings.certificateVerification = .none }
                if sslMode == "verify-ca" { settings.certificateVerification = .noHostnameVerification }
                let context = try NIOSSLContext(configuration: settings)
                tls = sslMode == "prefer" ? .prefer(context) : .require(context)
            }
            configuration = .init(
                host: host, port: port, username: user, password: password, database: database, tls: tls)
        }
        configuration.options.connectTimeout = .seconds(10)
        return configuration
    }
}
