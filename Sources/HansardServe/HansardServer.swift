import Foundation
import HansardRegister
import Hummingbird
import Logging
import NIOCore

/// `hansard serve`: the register as a local web app.
///
/// Built on Hummingbird: one ``Router`` with the pages and the writes (``Site``), behind two middlewares (error pages,
/// then the Host, token and Origin checks), run as an ``Application`` until SIGINT or SIGTERM.
public struct HansardServer: Sendable {
    /// How it runs.
    public let configuration: ServeConfiguration

    /// A server for `configuration`, refused when it would expose the register (see ``ServeConfiguration/check()``).
    public init(_ configuration: ServeConfiguration) throws(ServeError) {
        try configuration.check()
        self.configuration = configuration
    }

    /// The address a browser opens, for the port actually bound.
    public static func url(host: String, port: Int) -> String {
        let shown = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return "http://\(shown):\(port)/"
    }

    /// Serves until the process gets SIGINT or SIGTERM (then finishes the requests under way and returns).
    /// - Parameter onListening: called once, with the URL, when the server listens.
    /// - Throws: ``ServeError/cannotListen(host:port:reason:)`` when the address cannot be bound.
    public func run(onListening: @escaping @Sendable (String) -> Void) async throws {
        let security = Security(
            token: configuration.token, loopbackOnly: ServeConfiguration.isLoopback(configuration.host))
        let site = Site(
            access: RegisterAccess(location: configuration.register), security: security, configuration: configuration)
        let router = Router(context: ServeContext.self)
        router.add(middleware: ErrorPageMiddleware())
        router.add(middleware: SecurityMiddleware(security: security))
        site.addRoutes(to: router)
        var logger = Logger(label: "hansard.serve")
        logger.logLevel = .warning
        let started = Started()
        let host = configuration.host
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: configuration.port), serverName: "hansard"),
            onServerRunning: { channel in
                started.set()
                onListening(Self.url(host: host, port: channel.localAddress?.port ?? 0))
            },
            logger: logger)
        do {
            try await app.runService()
        } catch  where !started.value {
            throw ServeError.cannotListen(host: host, port: configuration.port, reason: Self.reason(error))
        }
    }

    /// The system's words for a bind failure ("Address already in use"), without NIO's call syntax.
    private static func reason(_ error: any Error) -> String {
        if let error = error as? IOError {
            return String(cString: strerror(error.errnoCode))
        }
        return "\(error)"
    }
}

/// Whether the server got as far as listening: an error after that is not a bind failure.
private final class Started: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    var value: Bool { lock.withLock { flag } }
    func set() { lock.withLock { flag = true } }
}
