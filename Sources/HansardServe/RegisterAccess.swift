import Dispatch
import HansardRegister

/// The register, opened afresh for each request on one serial queue.
///
/// The register's methods block (SQLite through GRDB, PostgreSQL by waiting on PostgresNIO's futures), so they run
/// here rather than on Swift's cooperative threads or NIO's event loops. One queue means one request at a time uses
/// the register from this server, as one CLI command would; other hansard processes and colleagues' servers queue on
/// the register's own locks. Opening per request lets every page see what others wrote since (a PostgreSQL
/// register keeps a private copy for lists that only its own writes refresh), and releases each register on this
/// queue's thread, never on an event loop, as PostgresRegister requires.
final class RegisterAccess: Sendable {
    let location: String
    private let queue = DispatchQueue(label: "hansard.serve.register")

    init(location: String) { self.location = location }

    /// Runs `body` with the register opened for reading only.
    func read<T: Sendable>(_ body: @escaping @Sendable (any RegisterBackend) throws -> T) async throws -> T {
        try await run(readOnly: true, body)
    }

    /// Runs `body` with the register opened for writing.
    func write<T: Sendable>(_ body: @escaping @Sendable (any RegisterBackend) throws -> T) async throws -> T {
        try await run(readOnly: false, body)
    }

    private func run<T: Sendable>(readOnly: Bool, _ body: @escaping @Sendable (any RegisterBackend) throws -> T)
        async throws -> T
    {
        let location = self.location
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                do {
                    let register = try Registers.open(at: location, readOnly: readOnly)
                    continuation.resume(returning: try body(register))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }
}
