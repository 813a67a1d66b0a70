public import Foundation

#if os(Linux)
    import Glibc
#else
    import Darwin
#endif

/// A PostgreSQL server for the register tests.
///
/// The one `$HANSARD_TEST_POSTGRES` names (a URL whose user may create databases), else a throwaway cluster started once per test run — `initdb` into a temporary folder with trust
/// authentication, `pg_ctl start` on a free 127.0.0.1 port with its Unix socket in that folder — and stopped when the
/// test process exits. initdb refuses to run as root, so as root the cluster runs as the `postgres` user.
///
/// Without PostgreSQL's binaries (and no `$HANSARD_TEST_POSTGRES`) ``server()`` throws, so the PostgreSQL cases fail
/// saying what to install: they never pass by skipping.
public enum TestPostgres {
    /// Why there is no server: what to install or set.
    public struct Unavailable: Error, CustomStringConvertible {
        /// The reason, in words a test failure shows.
        public var description: String
        /// A reason.
        public init(description: String) { self.description = description }
    }

    /// A running server.
    public struct Server: Sendable {
        /// A URL of the server's maintenance database, for creating databases.
        public let adminURL: String
        let psql: String

        /// A new empty database on the server, as a `postgres://` register address.
        public func freshDatabase(_ name: String = #function) throws -> String {
            let safe = name.lowercased().filter { $0.isLetter || $0.isNumber }.prefix(20)
            let database =
                "t_\(safe)_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(8)
            try execute("CREATE DATABASE \"\(database)\"")
            return Self.url(adminURL, database: database)
        }

        /// Runs SQL through psql on the maintenance database (or on `database`'s URL).
        @discardableResult
        public func execute(_ sql: String, on url: String? = nil) throws -> String {
            let (status, output) = TestPostgres.run(
                [psql, url ?? adminURL, "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-c", sql])
            guard status == 0 else { throw Unavailable(description: "psql \(sql): \(output)") }
            return output
        }

        /// `url` with its database replaced by `database`.
        static func url(_ url: String, database: String) -> String {
            guard var components = URLComponents(string: url) else { return url }
            components.path = "/" + database
            return components.string ?? url
        }
    }

    /// The server, started on first use (once per test process).
    public static func server() throws -> Server { try shared.get() }

    private static let shared: Result<Server, Unavailable> = Result { try start() }.mapError {
        $0 as? Unavailable ?? Unavailable(description: "\($0)")
    }

    private static func start() throws -> Server {
        let environment = ProcessInfo.processInfo.environment
        if let given = environment["HANSARD_TEST_POSTGRES"], !given.isEmpty {
            guard let psql = binary("psql") else {
                throw Unavailable(
                    description:
                        "HANSARD_TEST_POSTGRES is set but psql is not installed (apt-get install postgresql-client)")
            }
            return Server(adminURL: given, psql: psql)
        }
        guard let initdb = binary("initdb"), let pgctl = binary("pg_ctl"), let psql = binary("psql") else {
            throw Unavailable(
                description: "PostgreSQL is not installed (no initdb, pg_ctl and psql in /usr/lib/postgresql/*/bin or"
                    + " on PATH): apt-get install postgresql, or set HANSARD_TEST_POSTGRES to a server's URL")
        }
        var runAs: [String] = []
        if geteuid() == 0 {
            guard getpwnam("postgres") != nil else {
                throw Unavailable(
                    description: "the tests run as root, which initdb refuses, and there is no postgres user to run"
                        + " the cluster as: install postgresql (which creates it) or set HANSARD_TEST_POSTGRES")
            }
            runAs = ["/usr/sbin/runuser", "-u", "postgres", "--"]
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "hansard-pg-" + UUID().uuidString.prefix(8)
        ).path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // The cluster's user writes its data, socket and log here.
        chmod(folder, 0o777)
        let data = folder + "/data"
        let (initStatus, initOutput) = run(
            runAs + [initdb, "-D", data, "-A", "trust", "-U", "hansard", "-E", "UTF8", "--no-sync"])
        guard initStatus == 0 else { throw Unavailable(description: "initdb failed: \(initOutput)") }
        let port = try freePort()
        let options = "-p \(port) -k \(folder) -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
        let (startStatus, startOutput) = run(
            runAs + [pgctl, "-D", data, "-o", options, "-l", folder + "/log", "-w", "-t", "60", "start"])
        guard startStatus == 0 else {
            let log = (try? String(contentsOfFile: folder + "/log", encoding: .utf8)) ?? ""
            throw Unavailable(description: "pg_ctl start failed: \(startOutput) \(log)")
        }
        stopCommand = runAs + [pgctl, "-D", data, "-m", "immediate", "stop"]
        stopFolder = folder
        atexit { TestPostgres.stop() }
        return Server(adminURL: "postgres://hansard@127.0.0.1:\(port)/postgres?sslmode=disable", psql: psql)
    }

    nonisolated(unsafe) private static var stopCommand: [String]?
    nonisolated(unsafe) private static var stopFolder: String?

    private static func stop() {
        if let command = stopCommand { _ = run(command) }
        if let folder = stopFolder { try? FileManager.default.removeItem(atPath: folder) }
    }

    /// The newest PostgreSQL's `name` in /usr/lib/postgresql/*/bin (Debian's layout), else on PATH.
    static func binary(_ name: String) -> String? {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [])
            .compactMap { Int($0) }.sorted(by: >)
        for version in versions where FileManager.default.isExecutableFile(atPath: "\(root)/\(version)/bin/\(name)") {
            return "\(root)/\(version)/bin/\(name)"
        }
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// A port nothing listens on now: the kernel's choice for a socket bound to port 0.
    public static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Unavailable(description: "socket: \(errno)") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(descriptor, socketAddress, length) == 0 && getsockname(descriptor, socketAddress, &length) == 0
            }
        }
        guard bound else { throw Unavailable(description: "bind: \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Runs a program to the end; its status and what it printed (standard output and error).
    ///
    /// posix_spawn and waitpid rather than Foundation's Process: this runs while the first tests wait for the server,
    /// and Process's exit monitoring needs a thread of the pool those tests occupy (on two cores it never came).
    static func run(_ command: [String]) -> (Int32, String) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("pg-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // From /tmp, which the cluster's user may enter wherever the tests run.
        let command = ["/bin/sh", "-c", "cd /tmp && exec \"$@\"", "sh"] + command
        var arguments: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { for argument in arguments { free(argument) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, command[0], &actions, nil, &arguments, environ)
        guard spawned == 0 else { return (-1, "\(command[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        let exited = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (exited, text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
