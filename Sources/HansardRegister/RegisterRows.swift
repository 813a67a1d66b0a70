import GRDB

/// A table's record: its name and key, so that logic written once reads and writes it on either backend.
protocol StoredRecord: Codable, Sendable {
    static var table: String { get }
    /// The single-column primary key (every table that the shared logic touches has one).
    static var keyColumn: String { get }
    var key: String { get }
}

extension DebateRecord: StoredRecord {
    static var table: String { "debate" }
    static var keyColumn: String { "id" }
    var key: String { id }
}
extension DebateVersionRecord: StoredRecord {
    static var table: String { "debateVersion" }
    static var keyColumn: String { "sha256" }
    var key: String { sha256 }
}
extension CommitmentRecord: StoredRecord {
    static var table: String { "commitment" }
    static var keyColumn: String { "id" }
    var key: String { id }
}
extension RequestRecord: StoredRecord {
    static var table: String { "request" }
    static var keyColumn: String { "id" }
    var key: String { id }
}
extension StatusEventRecord: StoredRecord {
    static var table: String { "statusEvent" }
    static var keyColumn: String { "id" }
    var key: String { id }
}
extension NoteRecord: StoredRecord {
    static var table: String { "note" }
    static var keyColumn: String { "id" }
    var key: String { id }
}
extension CommitmentChangeRecord: StoredRecord {
    static var table: String { "commitmentChange" }
    static var keyColumn: String { "id" }
    var key: String { id }
}
extension FollowUpLinkRecord: StoredRecord {
    static var table: String { "followUpLink" }
    static var keyColumn: String { "id" }
    var key: String { id }
}
extension CommitmentEditRecord: StoredRecord {
    static var table: String { "commitmentEdit" }
    static var keyColumn: String { "id" }
    var key: String { id }
}
extension EvasionRecord: StoredRecord {
    static var table: String { "evasion" }
    static var keyColumn: String { "id" }
    var key: String { id }
}
extension MentionRecord: StoredRecord {
    static var table: String { "mention" }
    static var keyColumn: String { "id" }
    var key: String { id }
}

/// The row-level operations the register's shared logic (status events, notes, link decisions, edits, imports,
/// exports) is written against, so that it is written once: GRDB's `Database` for SQLite, a PostgreSQL session for a
/// server register. Each call runs inside the transaction its backend opened.
protocol RegisterRows {
    func fetch<R: StoredRecord>(_ type: R.Type, key: String) throws -> R?
    /// The rows whose `column` equals `value` (all rows when `column` is nil), in the order of `orderBy`'s columns
    /// (ascending; `descending` reverses each), compared as bytes on both backends.
    func fetchAll<R: StoredRecord>(
        _ type: R.Type, where column: String?, equals value: String?, orderBy: [String], descending: Bool
    ) throws -> [R]
    func exists<R: StoredRecord>(_ type: R.Type, key: String) throws -> Bool
    /// Inserts the row; with `ignoringConflicts`, a row whose key or unique columns are taken is left out silently.
    func insert<R: StoredRecord>(_ record: R, ignoringConflicts: Bool) throws
    /// Writes every column of the row with the record's key.
    func update<R: StoredRecord>(_ record: R) throws
    /// Sets a commitment's cached status and its date.
    func setStatus(commitmentId: String, status: CommitmentStatus, date: String?) throws
    /// The ids of `table` matching a prefix `pattern` as ``Register`` builds it: `base*` or `base*-suffix`, leaving
    /// out ids with more dashes than `maxDashes`; in byte order, at most `limit`.
    func ids(in table: String, prefix base: String, suffix: String?, maxDashes: Int, limit: Int) throws -> [String]
}

extension RegisterRows {
    func fetchAll<R: StoredRecord>(
        _ type: R.Type, where column: String? = nil, equals value: String? = nil, orderBy: [String]
    ) throws -> [R] {
        try fetchAll(type, where: column, equals: value, orderBy: orderBy, descending: false)
    }
}

extension Database: RegisterRows {
    func fetch<R: StoredRecord>(_ type: R.Type, key: String) throws -> R? {
        let sql = "SELECT * FROM \(R.table.quotedDatabaseIdentifier) WHERE \(R.keyColumn.quotedDatabaseIdentifier) = ?"
        guard let row = try Row.fetchOne(self, sql: sql, arguments: [key]) else { return nil }
        return try (R.self as! any FetchableRecord.Type).init(row: row) as? R
    }

    func fetchAll<R: StoredRecord>(
        _ type: R.Type, where column: String?, equals value: String?, orderBy: [String], descending: Bool
    ) throws -> [R] {
        var sql = "SELECT * FROM \(R.table.quotedDatabaseIdentifier)"
        var arguments = StatementArguments()
        if let column {
            sql += " WHERE \(column.quotedDatabaseIdentifier) = ?"
            arguments += [value]
        }
        if !orderBy.isEmpty {
            sql += " ORDER BY " + orderBy.map { $0.quotedDatabaseIdentifier + (descending ? " DESC" : "") }
                .joined(separator: ", ")
        }
        let decoder = R.self as! any FetchableRecord.Type
        return try Row.fetchAll(self, sql: sql, arguments: arguments).map { try decoder.init(row: $0) as! R }
    }

    func exists<R: StoredRecord>(_ type: R.Type, key: String) throws -> Bool {
        try Bool.fetchOne(
            self,
            sql: "SELECT EXISTS (SELECT 1 FROM \(R.table.quotedDatabaseIdentifier) WHERE \(R.keyColumn.quotedDatabaseIdentifier) = ?)",
            arguments: [key]) ?? false
    }

    func insert<R: StoredRecord>(_ record: R, ignoringConflicts: Bool) throws {
        try (record as! any PersistableRecord).insert(self, onConflict: ignoringConflicts ? .ignore : nil)
    }

    func update<R: StoredRecord>(_ record: R) throws {
        try (record as! any PersistableRecord).update(self)
    }

    func setStatus(commitmentId: String, status: CommitmentStatus, date: String?) throws {
        try execute(
            literal: "UPDATE commitment SET status = \(status.rawValue), statusDate = \(date) WHERE id = \(commitmentId)")
    }

    func ids(in table: String, prefix base: String, suffix: String?, maxDashes: Int, limit: Int) throws -> [String] {
        // GLOB is case-sensitive and reads the primary key's index; the parts hold no GLOB characters.
        let head = String(base.prefix { $0 != "-" })
        let pattern = suffix.map { base + "*-" + $0 } ?? base + "*"
        let tooMany = head + String(repeating: "-*", count: maxDashes + 1)
        return try String.fetchAll(
            self,
            sql: "SELECT id FROM \(table.quotedDatabaseIdentifier) WHERE id GLOB ? AND id NOT GLOB ? ORDER BY id LIMIT ?",
            arguments: [pattern, tooMany, limit])
    }
}
