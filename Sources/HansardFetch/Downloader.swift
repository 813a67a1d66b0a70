import Crypto
import Foundation
import HansardIngestion

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What one HTTP request gave: its status and headers and, for a 200, the body in a file.
struct RawResponse: Sendable {
    var status: Int
    /// Header names in lower case.
    var headers: [String: String]
    /// The body's file, for a 200.
    var bodyPath: String?
    var bytes: Int
    var sha256: String?
}

/// One HTTP request at a time through URLSession, with hansard's limits built in: no redirect is followed
/// here (``Fetcher`` checks each against the allow-list), no cookie is sent or kept, nothing is cached by
/// URLSession, bodies stream to disk and stop at the size limit, and a silent server times out.
///
/// URLSession is FoundationNetworking on Linux (libcurl with the system's OpenSSL and CA certificates): it
/// ships with the Swift toolchain, so hansard's build compiles no HTTP or TLS stack of its own.
final class Downloader: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var states: [Int: TaskState] = [:]
    private var session: URLSession?
    private let limit: Int
    private let timeout: Double

    init(userAgent: String, timeout: Double, limit: Int) {
        self.limit = limit
        self.timeout = timeout
        super.init()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.urlCache = nil
        configuration.urlCredentialStorage = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        // Seconds with no data; the whole download may take longer, up to ten minutes.
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = max(600, timeout)
        configuration.httpMaximumConnectionsPerHost = 1
        configuration.httpAdditionalHeaders = ["User-Agent": userAgent]
        session = URLSession(configuration: configuration, delegate: self, delegateQueue: nil)
    }

    /// Ends the session; the downloader makes no request after this.
    func close() {
        lock.lock()
        let session = self.session
        self.session = nil
        lock.unlock()
        session?.invalidateAndCancel()
    }

    /// Requests `url` once, without following a redirect.
    ///
    /// A 200's body is written to `bodyPath`.
    func get(_ url: URL, headers: [String: String], bodyPath: String, reportAs name: String) async
        -> Result<RawResponse, FetchError>
    {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpShouldHandleCookies = false
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        return await withCheckedContinuation { continuation in
            lock.lock()
            guard let session else {
                lock.unlock()
                continuation.resume(returning: .failure(.network(url: name, reason: "the session was closed")))
                return
            }
            let task = session.dataTask(with: request)
            states[task.taskIdentifier] = TaskState(
                continuation: continuation, bodyPath: bodyPath, name: name)
            lock.unlock()
            task.resume()
        }
    }

    private func withState<T>(_ task: URLSessionTask, _ body: (inout TaskState) -> T) -> T? {
        lock.lock()
        defer { lock.unlock() }
        guard var state = states[task.taskIdentifier] else { return nil }
        let result = body(&state)
        states[task.taskIdentifier] = state
        return result
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        // Not followed here: the 3xx comes back to the Fetcher, which checks the target first.
        completionHandler(nil)
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        let limit = self.limit
        let disposition = withState(dataTask) { state -> URLSession.ResponseDisposition in
            guard let http = response as? HTTPURLResponse else {
                state.failure = .network(url: state.name, reason: "the answer is not HTTP")
                return .cancel
            }
            state.status = http.statusCode
            for (key, value) in http.allHeaderFields {
                if let key = key as? String, let value = value as? String { state.headers[key.lowercased()] = value }
            }
            guard http.statusCode == 200 else {
                // Only the status and headers of anything else are used; its body is not read.
                state.stoppedAfterHeaders = true
                return .cancel
            }
            state.expected = http.expectedContentLength >= 0 ? Int(http.expectedContentLength) : nil
            if let expected = state.expected, expected > limit {
                state.failure = .tooLarge(url: state.name, limit: limit)
                return .cancel
            }
            let descriptor = open(state.bodyPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                state.failure = .cache(path: state.bodyPath, reason: String(cString: strerror(errno)))
                return .cancel
            }
            state.descriptor = descriptor
            return .allow
        }
        completionHandler(disposition ?? .cancel)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let limit = self.limit
        let stop = withState(dataTask) { state -> Bool in
            guard state.failure == nil, state.descriptor >= 0 else { return false }
            state.received += data.count
            if state.received > limit {
                state.failure = .tooLarge(url: state.name, limit: limit)
                return true
            }
            state.hasher.update(data: data)
            let written = data.withUnsafeBytes { buffer -> Bool in
                var offset = 0
                while offset < buffer.count {
                    let count = systemWrite(state.descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if count < 0 {
                        if errno == EINTR { continue }
                        return false
                    }
                    offset += count
                }
                return true
            }
            if !written {
                state.failure = .cache(path: state.bodyPath, reason: String(cString: strerror(errno)))
                return true
            }
            return false
        }
        if stop == true { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        lock.lock()
        let state = states.removeValue(forKey: task.taskIdentifier)
        lock.unlock()
        guard let state else { return }
        if state.descriptor >= 0 { systemClose(state.descriptor) }
        let result = outcome(state, error: error)
        if case .failure = result, state.descriptor >= 0 { unlink(state.bodyPath) }
        state.continuation.resume(returning: result)
    }

    private func outcome(_ state: TaskState, error: (any Error)?) -> Result<RawResponse, FetchError> {
        if let failure = state.failure { return .failure(failure) }
        if state.stoppedAfterHeaders {
            return .success(RawResponse(status: state.status, headers: state.headers, bytes: 0))
        }
        if let error {
            let nsError = error as NSError
            if nsError.domain == NSURLErrorDomain, nsError.code == NSURLErrorTimedOut {
                return .failure(.timedOut(url: state.name, seconds: timeout))
            }
            // Cut off in the middle of a body: the connection closed before its end.
            if state.descriptor >= 0 {
                return .failure(.truncated(url: state.name, received: state.received, expected: state.expected))
            }
            return .failure(.network(url: state.name, reason: Self.describe(nsError)))
        }
        // A body shorter than its Content-Length (curl checks this too; a compressed body's length is the
        // compressed one, so only an identity body is compared).
        if let expected = state.expected, state.headers["content-encoding"] == nil, state.received != expected {
            return .failure(.truncated(url: state.name, received: state.received, expected: expected))
        }
        let digest = Hex.string(state.hasher.finalize())
        return .success(
            RawResponse(
                status: state.status, headers: state.headers, bodyPath: state.bodyPath, bytes: state.received,
                sha256: digest))
    }

    /// A reason a person can act on, from URLSession's error (libcurl's own words when it gives them).
    static func describe(_ error: NSError) -> String {
        switch error.code {
        case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed:
            return "the host name could not be resolved"
        case NSURLErrorNotConnectedToInternet:
            return "there is no network connection"
        case NSURLErrorSecureConnectionFailed, NSURLErrorServerCertificateUntrusted,
            NSURLErrorServerCertificateHasBadDate, NSURLErrorServerCertificateNotYetValid,
            NSURLErrorServerCertificateHasUnknownRoot, NSURLErrorClientCertificateRejected:
            return "the TLS connection could not be made safely (certificate or protocol)"
        default:
            break
        }
        let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError
        let text =
            (underlying?.userInfo[NSLocalizedDescriptionKey] as? String)
            ?? (error.userInfo[NSLocalizedDescriptionKey] as? String)
        if let text, !text.isEmpty { return text }
        if error.code == NSURLErrorCannotConnectToHost { return "the connection could not be made" }
        if error.code == NSURLErrorNetworkConnectionLost { return "the connection was lost" }
        return "network error \(error.code)"
    }
}

/// The progress of one request.
private struct TaskState {
    let continuation: CheckedContinuation<Result<RawResponse, FetchError>, Never>
    let bodyPath: String
    let name: String
    var status = 0
    var headers: [String: String] = [:]
    var expected: Int?
    var received = 0
    var descriptor: Int32 = -1
    var hasher = SHA256()
    var failure: FetchError?
    var stoppedAfterHeaders = false

    init(continuation: CheckedContinuation<Result<RawResponse, FetchError>, Never>, bodyPath: String, name: String) {
        self.continuation = continuation
        self.bodyPath = bodyPath
        self.name = name
    }
}

private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

private func systemClose(_ descriptor: Int32) {
    _ = close(descriptor)
}
