public import HansardIngestion

/// Why a page could not be fetched.
///
/// Each description is one line naming the URL and what to do.
public enum FetchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The URL is not one hansard fetches: not HTTPS, a host off the allow-list, a redirect off it, or a
    /// kind of page hansard cannot read.
    case refused(url: String, reason: String)
    /// The server answered 404 or 410: there is no such page.
    case notFound(url: String, status: Int)
    /// The server answered with another status hansard cannot use (500, 403, 429 …).
    case httpStatus(url: String, status: Int, advice: String)
    /// No answer: the name did not resolve, the connection failed or was reset, TLS failed.
    case network(url: String, reason: String)
    /// The server sent nothing for longer than the timeout.
    case timedOut(url: String, seconds: Double)
    /// The connection closed before the whole body arrived.
    case truncated(url: String, received: Int, expected: Int?)
    /// The body is larger than any debate page; the download was stopped at the limit.
    case tooLarge(url: String, limit: Int)
    /// More redirects than hansard follows.
    case tooManyRedirects(url: String, limit: Int)
    /// `--offline`, and the cache has no copy of the URL.
    case notCached(url: String)
    /// The page arrived but is not a debate hansard can read (the error names the URL as its path).
    case page(IngestionError)
    /// A directory listing of day files could not be read.
    case listing(url: String, reason: String)
    /// The cache folder or one of its files could not be written.
    case cache(path: String, reason: String)
    /// `HANSARD_FETCH_BASE_URL` is set to something other than a loopback HTTP address.
    case invalidBaseURL(value: String, reason: String)

    /// The one line printed on stderr: the URL, what went wrong, and what to do.
    public var description: String {
        switch self {
        case .refused(let url, let reason):
            return "\(url): not fetched: \(reason)"
        case .notFound(let url, let status):
            return "\(url): no such page (HTTP \(status)); check the address"
        case .httpStatus(let url, let status, let advice):
            return "\(url): the server answered HTTP \(status)\(advice.isEmpty ? "" : "; " + advice)"
        case .network(let url, let reason):
            return "\(url): could not be fetched: \(reason); check the network and try again"
        case .timedOut(let url, let seconds):
            return "\(url): the server sent nothing for \(Self.seconds(seconds)); try again later or raise --timeout"
        case .truncated(let url, let received, let expected):
            let of = expected.map { " of \($0)" } ?? ""
            return "\(url): the download was cut short after \(received)\(of) bytes; nothing was kept, try again"
        case .tooLarge(let url, let limit):
            return "\(url): is larger than the \(limit / 1_000_000) MB limit for one debate page; the download was"
                + " stopped and nothing was kept"
        case .tooManyRedirects(let url, let limit):
            return "\(url): more than \(limit) redirects; not followed further"
        case .notCached(let url):
            return "\(url): not in the cache, and --offline fetches nothing; run without --offline to fetch it"
        case .page(let error):
            return error.description
        case .listing(let url, let reason):
            return "\(url): the directory listing cannot be read: \(reason)"
        case .cache(let path, let reason):
            return "\(path): the page cache cannot be written: \(reason)"
        case .invalidBaseURL(let value, let reason):
            return "HANSARD_FETCH_BASE_URL=\(value): \(reason); it is for tests against a server on this machine only"
        }
    }

    /// The URL (or path) the error is about.
    public var subject: String {
        switch self {
        case .refused(let url, _), .notFound(let url, _), .httpStatus(let url, _, _), .network(let url, _),
            .timedOut(let url, _), .truncated(let url, _, _), .tooLarge(let url, _), .tooManyRedirects(let url, _),
            .notCached(let url), .listing(let url, _):
            return url
        case .page(let error): return error.path
        case .cache(let path, _): return path
        case .invalidBaseURL(let value, _): return value
        }
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
