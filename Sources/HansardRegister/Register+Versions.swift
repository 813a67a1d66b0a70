import GRDB

extension Register {
    /// Whether the register holds the page version with this SHA-256 (as any debate's current or earlier version).
    ///
    /// `hansard sync` asks this to pass over day files it has stored already, without a request.
    public func hasPageVersion(sha256: String) throws(RegisterError) -> Bool {
        try read { db in try Persisted<DebateVersionRecord>.exists(db, key: sha256) }
    }
}
