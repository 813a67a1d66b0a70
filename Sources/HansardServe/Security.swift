import Foundation
import HansardIngestion
import HTTPTypes
import Hummingbird
import HummingbirdCore

/// The checks every request passes before a page or a write: the Host header, the token, and for a POST where it
/// came from.
///
/// - Host: on a loopback address, only a loopback name is answered, so a web page whose own name someone made
///   resolve to 127.0.0.1 (DNS rebinding) cannot read the register through the visitor's browser.
/// - Token: when one is configured every request, reading or writing, must carry it: an `Authorization: Bearer`
///   header, or the cookie that visiting any page once with `?token=…` sets (HttpOnly, SameSite=Strict). Else 401.
/// - Origin: a POST must name this server in its `Origin` (or, without one, `Referer`) header; else 403. The form's
///   own CSRF token is checked by each write (``Security/checkForm(_:)``).
struct SecurityMiddleware<Context: RequestContext>: RouterMiddleware {
    let security: Security

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard let authority = request.head.authority, let host = Security.hostName(authority) else {
            throw ServeFailure(.badRequest, "the request names no host")
        }
        if security.loopbackOnly && !ServeConfiguration.isLoopback(host) {
            throw ServeFailure(
                .misdirectedRequest,
                "this server answers to 127.0.0.1 and localhost only, not to \(host); open it by that address")
        }
        if let token = security.token {
            let given = request.uri.queryParameters["token"].map(String.init)
            if request.method == .get, let given {
                guard Security.same(given, token) else { throw ServeFailure(.unauthorized, Security.tokenHelp) }
                // Swap the token in the address for a cookie, so that it leaves the address bar and the history.
                var response = Response.redirect(to: Security.withoutToken(request.uri), type: .normal)
                response.setCookie(
                    Cookie(name: Security.cookieName, value: token, path: "/", httpOnly: true, sameSite: .strict))
                return response
            }
            guard security.carriesToken(request) else { throw ServeFailure(.unauthorized, Security.tokenHelp) }
        }
        if request.method != .get && request.method != .head {
            try security.checkOrigin(request, authority: authority)
        }
        return try await next(request, context)
    }
}

/// The server's secrets: the configured token and the per-run CSRF token its forms carry.
struct Security: Sendable {
    static let cookieName = "hansard_token"
    static let tokenHelp =
        "this server needs its token: open any page once as /?token=YOUR-TOKEN (a cookie then keeps it), or send "
        + "the header Authorization: Bearer YOUR-TOKEN"

    /// The token every request must carry, or nil.
    let token: String?
    /// Whether the server listens on a loopback address (the Host header is then checked).
    let loopbackOnly: Bool
    /// Random for each run of the server: a form from an earlier run, or made elsewhere, does not carry it.
    let csrfToken: String

    init(token: String?, loopbackOnly: Bool) {
        self.token = token
        self.loopbackOnly = loopbackOnly
        var generator = SystemRandomNumberGenerator()
        csrfToken = Hex.string((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    /// Whether the request carries the token, in the Authorization header or the cookie.
    func carriesToken(_ request: Request) -> Bool {
        guard let token else { return true }
        if let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer "),
            Self.same(String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces), token)
        {
            return true
        }
        if let cookie = request.cookies[Self.cookieName], Self.same(cookie.value, token) { return true }
        return false
    }

    /// Refuses a write whose Origin (or Referer) is not this server.
    func checkOrigin(_ request: Request, authority: String) throws {
        let source: String
        if let origin = request.headers[.origin] {
            source = origin
        } else if let referer = request.headers[.referer] {
            source = referer
        } else {
            throw ServeFailure(
                .forbidden, "a change must be sent from this server's own pages (the request has no Origin or Referer)")
        }
        guard let url = URLComponents(string: source), let host = url.host, url.scheme == "http" else {
            throw ServeFailure(.forbidden, "a change must be sent from this server's own pages, not from \(source)")
        }
        let named = url.port.map { "\(host):\($0)" } ?? host
        let expected = authority.lowercased()
        guard named.lowercased() == expected || "[\(host)]:\(url.port ?? 80)".lowercased() == expected else {
            throw ServeFailure(.forbidden, "a change must be sent from this server's own pages, not from \(source)")
        }
    }

    /// Refuses a form that does not carry this run's CSRF token.
    func checkForm(_ form: some ServeForm) throws {
        guard let given = form.csrf, Self.same(given, csrfToken) else {
            throw ServeFailure(
                .forbidden,
                "the form is out of date or was not made by this server (its CSRF token does not match); "
                    + "reload the page and send it again")
        }
    }

    /// Compares in time that does not depend on where the strings differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }

    /// The host of a Host header (`127.0.0.1:8377`, `[::1]:8377`, `localhost`).
    static func hostName(_ authority: String) -> String? {
        if authority.hasPrefix("[") {
            guard let end = authority.firstIndex(of: "]") else { return nil }
            return String(authority[authority.index(after: authority.startIndex)..<end])
        }
        let host = authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return host.isEmpty ? nil : String(host)
    }

    /// The request's path and query without the `token` parameter.
    static func withoutToken(_ uri: URI) -> String {
        let kept = (uri.query ?? "").split(separator: "&").filter { !$0.hasPrefix("token=") && $0 != "token" }
        // `//host` would be another site's address: the redirect stays on this server.
        let path = uri.path.hasPrefix("/") && !uri.path.hasPrefix("//") ? uri.path : "/"
        return path + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&"))
    }
}

/// A form a page posts: each carries the run's CSRF token and, optionally, who is sending it.
protocol ServeForm: Decodable, Sendable {
    var csrf: String? { get }
    var by: String? { get }
}
