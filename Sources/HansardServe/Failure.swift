import Foundation
import HTTPTypes
import Logging
import NIOCore
import HansardRegister
import HansardReports
import Hummingbird

/// An error page: the HTTP status and the reason, in words a reader can act on (escaped on the page).
struct ServeFailure: HTTPResponseError, Sendable {
    var status: HTTPResponse.Status
    var reason: String

    init(_ status: HTTPResponse.Status, _ reason: String) {
        self.status = status
        self.reason = reason
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var body = "<header class=\"top\"><div class=\"wrap\">\n"
        body += "<p class=\"crumbs\"><a href=\"/index.html\">All commitments</a></p>\n"
        body += "<h1>\(status.code) \(HTML.escape(status.reasonPhrase))</h1>\n</div></header>\n"
        body += "<main class=\"wrap\">\n<p class=\"notice\" id=\"reason\">\(HTML.escape(reason))</p>\n</main>\n"
        var response = Page.html(HTML.page(title: "\(status.code) \(status.reasonPhrase) — hansard", body: body))
        response.status = status
        if status == .unauthorized {
            response.headers[.wwwAuthenticate] = "Bearer realm=\"hansard\""
        }
        return response
    }

    /// The status a register error is answered with: the request's fault (4xx) or the register's (5xx).
    static func status(for error: RegisterError) -> HTTPResponse.Status {
        switch error {
        case .unknownCommitment, .unknownLink, .ambiguousId: return .notFound
        case .linkAlreadyDecided, .alreadyInStatus, .nothingToChange: return .conflict
        case .invalidDate, .dateBeforeCommitment, .invalidEdit, .emptySearch, .unknownSession, .unknownGovernment:
            return .badRequest
        case .busy, .serverUnreachable: return .serviceUnavailable
        default: return .internalServerError
        }
    }

    /// Any error a handler throws, as a page: nothing a request does brings the server down.
    static func from(_ error: any Error) -> ServeFailure {
        switch error {
        case let failure as ServeFailure: return failure
        case let error as RegisterError: return ServeFailure(status(for: error), error.description)
        case let error as HTTPError: return ServeFailure(error.status, error.body ?? error.status.reasonPhrase)
        case let error as any HTTPResponseError:
            return ServeFailure(error.status, error.status.reasonPhrase)
        case is DecodingError: return ServeFailure(.badRequest, "the form was not filled in as the page sends it")
        default: return ServeFailure(.internalServerError, "something inside hansard went wrong: \(error)")
        }
    }
}

/// Turns every error below it into an HTML error page with its status.
struct ErrorPageMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            let failure = ServeFailure.from(error)
            if failure.status.kind == .serverError {
                context.logger.error("\(request.method) \(request.uri.path): \(failure.reason)")
            }
            return try failure.response(from: request, context: context)
        }
    }
}

enum Page {
    /// An HTML response, never cached (every page is the register as it is now).
    static func html(_ text: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        // The pages' only script is the index's inline filter; nothing loads from elsewhere, and no other site
        // may frame a page (clickjacking a form).
        headers[.contentSecurityPolicy] =
            "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; "
            + "form-action 'self'; frame-ancestors 'self'; base-uri 'none'"
        headers[.xContentTypeOptions] = "nosniff"
        headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
