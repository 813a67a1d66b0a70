import Foundation
public import HansardIngestion

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How hansard fetches: where requests go, how long it waits, and whether it may use the network at all.
public struct FetchSettings: Sendable {
    /// The real hosts, or a loopback test server.
    public var transport: Transport
    /// Sent with every request: names hansard and its version.
    public var userAgent: String
    /// Seconds the server may send nothing before the request fails.
    public var timeout: Double
    /// Seconds between the start of one request and the next (politeness to the servers).
    public var wait: Double
    /// Use the cache only; make no request.
    public var offline: Bool
    /// The largest body accepted, in bytes: the limit for one page hansard reads.
    public var maximumBytes: Int
    /// Redirects followed for one URL, each checked against the allow-list.
    public var maximumRedirects: Int

    /// The user agent for hansard at `version`.
    public static func userAgent(version: String) -> String {
        "hansard/\(version) (Hansard commitments register; fetches debate pages one at a time)"
    }

    /// Settings for a run; every limit but the user agent has a default suited to the real servers.
    public init(
        transport: Transport = .direct, userAgent: String, timeout: Double = 30, wait: Double = 1,
        offline: Bool = false, maximumBytes: Int = DebateReader.maximumFileBytes, maximumRedirects: Int = 5
    ) {
        self.transport = transport
        self.userAgent = userAgent
        self.timeout = timeout
        self.wait = wait
        self.offline = offline
        self.maximumBytes = maximumBytes
        self.maximumRedirects = maximumRedirects
    }
}

/// A page in the cache, ready to be read like a saved file.
public struct FetchedPage: Sendable, Hashable {
    /// How the page was had this time.
    public enum Origin: Sendable, Hashable {
        /// Downloaded now.
        case downloaded
        /// The server said the cached copy is current (HTTP 304): nothing was downloaded.
        case notModified
        /// Taken from the cache without asking the server (`--offline`).
        case cache
    }

    /// The address asked for.
    public var address: WebAddress
    /// The absolute path of the cached body.
    public var path: String
    /// SHA-256 of the body: the page version's identity in the register.
    public var sha256: String
    /// The body's size in bytes.
    public var bytes: Int
    /// Whether the page was downloaded, found current by the server, or taken from the cache unasked.
    public var origin: Origin
}

/// What a fetcher has done so far.
public struct FetchStatistics: Sendable, Hashable {
    /// HTTP requests made, redirects included.
    public var requests = 0
    /// Bodies downloaded.
    public var downloads = 0
    /// Requests answered 304 Not Modified.
    public var notModified = 0
    /// Bytes of bodies downloaded.
    public var bytes = 0
}

/// Fetches pages and day-file listings into a ``PageCache``, one request at a time.
///
/// Each request is for a ``WebAddress`` (HTTPS, allow-listed); redirects are followed only to other allowed
/// addresses, at most ``FetchSettings/maximumRedirects``; a cached copy makes the request conditional
/// (`If-None-Match`, `If-Modified-Since`), so an unchanged page costs a 304 and no download. A page enters the
/// cache only when it was read as a debate, so a failure of any kind leaves the cache as it was.
public actor Fetcher {
    /// Where pages are kept.
    public nonisolated let cache: PageCache
    let settings: FetchSettings
    let reader: DebateReader
    private var downloader: Downloader?
    private var lastRequest: ContinuousClock.Instant?
    /// Requests, downloads and 304s so far.
    public private(set) var statistics = FetchStatistics()

    /// A fetcher into `cache`.
    /// - Parameters:
    ///   - cache: where fetched pages are kept and looked for.
    ///   - settings: the transport, limits and politeness wait.
    ///   - reader: checks that a downloaded page is a debate (its `format` forces one, as for files).
    public init(cache: PageCache, settings: FetchSettings, reader: DebateReader = DebateReader()) {
        self.cache = cache
        self.settings = settings
        self.reader = reader
    }

    /// Fetches a debate page, or finds it current in the cache.
    /// - Throws: ``FetchError``; nothing is added to the cache then.
    public func page(_ address: WebAddress) async throws(FetchError) -> FetchedPage {
        try await fetch(address, kind: .pages, validate: true)
    }

    /// The page's copy in the cache, without asking the server; nil when there is none (or it was damaged).
    public nonisolated func cached(_ address: WebAddress) -> FetchedPage? {
        guard let record = cache.intactRecord(for: address.url) else { return nil }
        return FetchedPage(
            address: address, path: cache.bodyPath(record), sha256: record.sha256, bytes: record.bytes,
            origin: .cache)
    }

    /// The day files TheyWorkForYou lists for `kind` (the listing itself is cached and fetched conditionally).
    public func dayFiles(_ kind: DayFileKind) async throws(FetchError) -> [DayFile] {
        let listing = TheyWorkForYou.listing(kind)
        let fetched = try await fetch(listing, kind: .listings, validate: false)
        guard let data = FileManager.default.contents(atPath: fetched.path) else {
            throw .cache(path: fetched.path, reason: "the cached listing cannot be read")
        }
        do {
            return try TheyWorkForYou.dayFiles(inListing: [UInt8](data), kind: kind, url: listing.url)
        } catch {
            throw .listing(url: listing.url, reason: Self.reason(of: error))
        }
    }

    /// Ends the HTTP session.
    public func close() {
        downloader?.close()
        downloader = nil
    }

    private func fetch(_ address: WebAddress, kind: PageCache.Kind, validate: Bool) async throws(FetchError)
        -> FetchedPage
    {
        let known = cache.intactRecord(for: address.url)
        if settings.offline {
            guard let known else { throw .notCached(url: address.url) }
            return FetchedPage(
                address: address, path: cache.bodyPath(known), sha256: known.sha256, bytes: known.bytes,
                origin: .cache)
        }
        var headers: [String: String] = [:]
        if let known {
            if let etag = known.etag { headers["If-None-Match"] = etag }
            if let modified = known.lastModified { headers["If-Modified-Since"] = modified }
        }
        var current = address
        var redirects = 0
        while true {
            guard let url = settings.transport.url(for: current) else {
                throw .refused(url: current.url, reason: "not a URL hansard can request")
            }
            await waitPolitely()
            let temporary = try cache.temporaryFile()
            let downloader = self.downloader ?? makeDownloader()
            let result = await downloader.get(url, headers: headers, bodyPath: temporary, reportAs: address.url)
            statistics.requests += 1
            let response: RawResponse
            switch result {
            case .success(let value): response = value
            case .failure(let error): throw error
            }
            switch response.status {
            case 200:
                guard let bodyPath = response.bodyPath, let sha256 = response.sha256 else {
                    throw .network(url: address.url, reason: "the answer had no body")
                }
                if validate {
                    do throws(FetchError) {
                        try check(bodyPath, url: address.url)
                    } catch {
                        unlink(bodyPath)
                        throw error
                    }
                }
                let file = try cache.store(
                    bodyPath, sha256: sha256,
                    fileExtension: Self.fileExtension(current, contentType: response.headers["content-type"]),
                    kind: kind)
                let now = Self.timestamp()
                let record = PageCache.Record(
                    url: address.url, finalURL: current.url, sha256: sha256, bytes: response.bytes, file: file,
                    fetchedAt: now, checkedAt: now, etag: response.headers["etag"],
                    lastModified: response.headers["last-modified"], contentType: response.headers["content-type"])
                try cache.save(record)
                statistics.downloads += 1
                statistics.bytes += response.bytes
                return FetchedPage(
                    address: address, path: cache.bodyPath(record), sha256: sha256, bytes: response.bytes,
                    origin: .downloaded)
            case 304:
                guard var known else {
                    throw .httpStatus(
                        url: address.url, status: 304, advice: "Not Modified, to a request that named no copy")
                }
                known.checkedAt = Self.timestamp()
                try cache.save(known)
                statistics.notModified += 1
                return FetchedPage(
                    address: address, path: cache.bodyPath(known), sha256: known.sha256, bytes: known.bytes,
                    origin: .notModified)
            case 301, 302, 303, 307, 308:
                guard let location = response.headers["location"] else {
                    throw .httpStatus(url: address.url, status: response.status, advice: "a redirect with no Location")
                }
                redirects += 1
                if redirects > settings.maximumRedirects {
                    throw .tooManyRedirects(url: address.url, limit: settings.maximumRedirects)
                }
                current = try settings.transport.redirectTarget(location, from: url, original: address)
            case 404, 410:
                throw .notFound(url: address.url, status: response.status)
            case 429, 503:
                let after = response.headers["retry-after"].map { " (it says: retry after \($0))" } ?? ""
                throw .httpStatus(
                    url: address.url, status: response.status,
                    advice: "the server is busy or asks for fewer requests\(after); wait before trying again")
            default:
                throw .httpStatus(
                    url: address.url, status: response.status,
                    advice: response.status >= 500 ? "a fault at the server; try again later" : "")
            }
        }
    }

    /// Reads the download as a debate, exactly as `register add` will read the cached file.
    private func check(_ path: String, url: String) throws(FetchError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .cache(path: path, reason: "the download cannot be read back")
        }
        do {
            _ = try reader.read(bytes: [UInt8](data), path: url)
        } catch {
            throw .page(error)
        }
    }

    private func makeDownloader() -> Downloader {
        let made = Downloader(
            userAgent: settings.userAgent, timeout: settings.timeout, limit: settings.maximumBytes)
        downloader = made
        return made
    }

    /// One request at a time, and no sooner than `wait` seconds after the one before.
    private func waitPolitely() async {
        if let lastRequest {
            let next = lastRequest.advanced(by: .milliseconds(Int64(settings.wait * 1000)))
            if next > .now { try? await Task.sleep(until: next, clock: .continuous) }
        }
        lastRequest = .now
    }

    /// The name a body is kept under: what the URL says, else what the server says it is.
    static func fileExtension(_ address: WebAddress, contentType: String?) -> String {
        let path = address.pathAndQuery.prefix(while: { $0 != "?" })
        let ext = (String(path) as NSString).pathExtension.lowercased()
        if ["html", "htm", "xml", "txt"].contains(ext) { return ext }
        let type = contentType?.lowercased() ?? ""
        if type.contains("xml") && !type.contains("xhtml") { return "xml" }
        if type.hasPrefix("text/plain") { return "txt" }
        return "html"
    }

    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }

    /// An ingestion error's reason without the path it starts with.
    static func reason(of error: IngestionError) -> String {
        let text = error.description
        let prefix = error.path + ": "
        return text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
    }
}
