public import HansardReports

/// How `hansard serve` runs: the register, where it listens, the token and who writes.
public struct ServeConfiguration: Sendable {
    /// The register: a file, or a `postgres://` address.
    public var register: String
    /// The address to bind (default the loopback address only).
    public var host: String
    /// The port; 0 picks a free one.
    public var port: Int
    /// The secret every request must carry, or nil for none (allowed on a loopback address only).
    public var token: String?
    /// Who events, edits and notes are recorded as when a form names no one: `--by`, else `$HANSARD_USER`, else
    /// the register's own default (the login name, or the database role).
    public var actor: String?
    /// Folders to look in for the debates' pages, by their SHA-256, as `hansard report --sources` takes them.
    public var sources: [String]
    /// The most commitments the index lists itself; a larger register's index gives each department's figures,
    /// linked to the search for its commitments.
    public var listLimit: Int

    /// A configuration.
    public init(
        register: String, host: String = "127.0.0.1", port: Int = 8377, token: String? = nil, actor: String? = nil,
        sources: [String] = [], listLimit: Int = HTMLReport.defaultListLimit
    ) {
        self.register = register
        self.host = host
        self.port = port
        self.token = token
        self.actor = actor
        self.sources = sources
        self.listLimit = listLimit
    }

    /// Whether `host` names this machine's loopback interface only (127.0.0.0/8, ::1, localhost).
    public static func isLoopback(_ host: String) -> Bool {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if bare == "::1" || bare.lowercased() == "localhost" { return true }
        let parts = bare.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { part in UInt8(part) != nil }
    }

    /// Refuses a configuration that would expose the register: another address without a token, or a short token.
    public func check() throws(ServeError) {
        if let token {
            if token.count < 16 { throw .unusableToken(reason: "has \(token.count) characters") }
            // The token travels in a cookie and a header: printable ASCII without the characters either reserves.
            if !token.unicodeScalars.allSatisfy({
                $0.value > 0x20 && $0.value < 0x7F && !"\",;\\".unicodeScalars.contains($0)
            }) {
                throw .unusableToken(reason: "has a space, a control character, or one of \" , ; \\")
            }
        }
        if token == nil && !Self.isLoopback(host) { throw .tokenRequired(host: host) }
    }
}
