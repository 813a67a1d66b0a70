public import Foundation

/// A URL hansard may fetch: HTTPS, a host on the allow-list, no credentials, the standard port, no fragment.
///
/// Every request hansard makes is for a `WebAddress`, so nothing off the list can be asked for: not a
/// command-line argument, not a redirect, not anything a page refers to (pages are never followed).
public struct WebAddress: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The host, lower case, for example `hansard.parliament.uk`.
    public let host: String
    /// The path and query as sent, percent-encoded, starting with `/`.
    public let pathAndQuery: String

    /// The whole URL, `https://host/path?query`: the key of its copy in the cache.
    public var url: String { "https://" + host + pathAndQuery }
    /// The whole URL, as url gives it.
    public var description: String { url }

    /// The hosts hansard fetches from, with what it reads there.
    public static let allowedHosts: [(host: String, what: String)] = [
        ("hansard.parliament.uk", "debate pages (Commons, Lords, Westminster Hall, written statements)"),
        ("api.parliament.uk", "historic Hansard section pages, under /historic-hansard/"),
        ("publications.parliament.uk", "daily parts of the Official Report"),
        (
            "www.theyworkforyou.com",
            "ParlParse XML day files under /pwdata/scrapedxml/, and debate pages read through them"
        ),
    ]

    /// `theyworkforyou.com` without `www.` serves the same site; it is asked for as `www.`.
    private static let aliases = ["theyworkforyou.com": "www.theyworkforyou.com"]

    /// Orders addresses by URL, so that lists of them come out the same every run.
    public static func < (lhs: WebAddress, rhs: WebAddress) -> Bool { lhs.url < rhs.url }

    /// Whether a command-line argument is meant as a URL rather than a file name.
    public static func looksLikeURL(_ argument: String) -> Bool {
        let lower = argument.prefix(8).lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://")
    }

    init(host: String, pathAndQuery: String) {
        self.host = host
        self.pathAndQuery = pathAndQuery
    }

    /// Reads a URL the user gave.
    ///
    /// `http://` is taken as `https://` (no request is ever made over plain HTTP), and a TheyWorkForYou debate page as
    /// the XML day file it is made from.
    /// - Throws: ``FetchError/refused(url:reason:)`` naming what is wrong with it.
    public static func parse(_ text: String) throws(FetchError) -> WebAddress {
        try parse(text, upgradingHTTP: true)
    }

    /// Reads the target of a redirect: it must itself be HTTPS and on the allow-list.
    static func redirectTarget(_ text: String) throws(FetchError) -> WebAddress {
        try parse(text, upgradingHTTP: false)
    }

    private static func parse(_ text: String, upgradingHTTP: Bool) throws(FetchError) -> WebAddress {
        guard !text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }),
            let components = URLComponents(string: text), let scheme = components.scheme?.lowercased()
        else {
            throw .refused(url: text, reason: "not a URL hansard can read (spaces or control characters in it?)")
        }
        switch scheme {
        case "https": break
        case "http" where upgradingHTTP: break
        case "http": throw .refused(url: text, reason: "a redirect to plain HTTP; hansard fetches over HTTPS only")
        default: throw .refused(url: text, reason: "hansard fetches https:// URLs only")
        }
        guard var host = components.host?.lowercased(), !host.isEmpty else {
            throw .refused(url: text, reason: "the URL has no host")
        }
        host = aliases[host] ?? host
        guard allowedHosts.contains(where: { $0.host == host }) else {
            throw .refused(url: text, reason: "\(host) is not one of the hosts hansard fetches from (\(hostList))")
        }
        if components.user != nil || components.password != nil {
            throw .refused(url: text, reason: "the URL carries a user name or password; hansard sends none")
        }
        if let port = components.port, port != 443, !(port == 80 && scheme == "http") {
            throw .refused(url: text, reason: "port \(port); hansard uses the standard HTTPS port only")
        }
        var path = components.percentEncodedPath
        if path.isEmpty { path = "/" }
        let query = components.percentEncodedQuery.map { "?" + $0 } ?? ""
        let address = WebAddress(host: host, pathAndQuery: path + query)
        if host == "api.parliament.uk", !path.hasPrefix("/historic-hansard/") {
            throw .refused(
                url: text, reason: "on api.parliament.uk hansard reads historic Hansard only (/historic-hansard/…)")
        }
        // A sitting's page is an index of links, not a debate: hansard follows no links, so it says so up front.
        if host == "api.parliament.uk", path.hasPrefix("/historic-hansard/sittings/") {
            throw .refused(
                url: text,
                reason: "a historic Hansard sitting page is a list of sections, not a debate; add the sections' URLs"
                    + " (…/historic-hansard/commons/1915/mar/03/aliens)")
        }
        if host == "www.theyworkforyou.com", !path.hasPrefix("/pwdata/") {
            guard let file = TheyWorkForYou.dayFile(forPage: address) else {
                throw .refused(
                    url: text,
                    reason: "hansard reads TheyWorkForYou debates through their XML day files: give a debate page"
                        + " (…/debates/?id=2009-10-28c.301.0) or a file under /pwdata/scrapedxml/")
            }
            return file.address
        }
        return address
    }

    static var hostList: String { allowedHosts.map(\.host).joined(separator: ", ") }
}

/// Where requests actually go: the real hosts over HTTPS, or, for tests, a server on this machine.
///
/// With a base URL `http://127.0.0.1:PORT`, `https://HOST/PATH` is asked for as `http://127.0.0.1:PORT/HOST/PATH`,
/// so one loopback server can stand for every host, and a redirect it sends maps back to the address it
/// stands for (and is checked against the allow-list like any other). Only loopback addresses are accepted.
public struct Transport: Sendable, Hashable {
    /// `scheme://host:port/path` without a trailing slash, or nil for the real hosts.
    public let base: String?

    /// The real hosts, over HTTPS.
    public static let direct = Transport(base: nil)

    private init(base: String?) { self.base = base }

    /// The environment variable that points hansard at a test server.
    public static let environmentVariable = "HANSARD_FETCH_BASE_URL"

    /// The transport `HANSARD_FETCH_BASE_URL` asks for, or ``direct`` when it is unset or empty.
    /// - Throws: ``FetchError/invalidBaseURL(value:reason:)`` for anything but a loopback address.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(FetchError) -> Transport {
        guard let value = environment[environmentVariable], !value.isEmpty else { return .direct }
        return try loopback(value)
    }

    /// A transport to the server at `base`, which must be on this machine (127.0.0.0/8, ::1 or localhost).
    public static func loopback(_ base: String) throws(FetchError) -> Transport {
        guard let components = URLComponents(string: base), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host?.lowercased()
        else {
            throw .invalidBaseURL(value: base, reason: "not an http:// URL")
        }
        guard Self.isLoopback(host) else {
            throw .invalidBaseURL(
                value: base, reason: "\(host) is not a loopback address (127.0.0.0/8, ::1, localhost)")
        }
        if components.user != nil || components.query != nil || components.fragment != nil {
            throw .invalidBaseURL(value: base, reason: "a base URL has no user, query or fragment")
        }
        var trimmed = base
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        return Transport(base: trimmed)
    }

    /// True for 127.0.0.0/8, ::1 and localhost.
    static func isLoopback(_ host: String) -> Bool {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if bare == "localhost" || bare == "::1" { return true }
        let parts = bare.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts.allSatisfy({ part in part.count <= 3 && UInt8(part) != nil }) else {
            return false
        }
        return parts[0] == "127"
    }

    /// Whether requests go to a test server rather than the real hosts.
    public var isLoopback: Bool { base != nil }

    /// The URL requested for `address`.
    func url(for address: WebAddress) -> URL? {
        guard let base else { return URL(string: address.url) }
        return URL(string: base + "/" + address.host + address.pathAndQuery)
    }

    /// The address a redirect's `Location` stands for, resolved against the URL that answered.
    /// - Throws: ``FetchError/refused(url:reason:)`` for a target off the allow-list or not HTTPS.
    func redirectTarget(_ location: String, from requested: URL, original: WebAddress) throws(FetchError) -> WebAddress
    {
        guard let resolved = URL(string: location, relativeTo: requested)?.absoluteURL.absoluteString else {
            throw .refused(url: original.url, reason: "it redirects to \(location), which is not a URL")
        }
        var target = resolved
        if let base, resolved.hasPrefix(base + "/") {
            let rest = resolved.dropFirst(base.count + 1)
            let host = rest.prefix(while: { $0 != "/" && $0 != "?" })
            var path = String(rest.dropFirst(host.count))
            if !path.hasPrefix("/") { path = "/" + path }
            target = "https://" + host + path
        }
        do {
            return try WebAddress.redirectTarget(target)
        } catch {
            guard case .refused(_, let reason) = error else { throw error }
            throw .refused(url: original.url, reason: "it redirects to \(target): \(reason)")
        }
    }
}
