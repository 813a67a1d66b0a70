import GRDB
import HansardIngestion

/// A table's row: its name and columns, so that logic written once reads and writes it on either backend.
protocol TableRow: Codable, Sendable {
    /// The table's columns, in the order the table has them; the names are the record's coding keys.
    associatedtype Columns: RawRepresentable, CaseIterable where Columns.RawValue == String
    static var table: String { get }
    /// The record a SQLite row holds (`SELECT *` or the table's columns in order).
    static func decoded(from row: Row) throws -> Self
}

extension TableRow {
    static func decoded(from row: Row) throws -> Self { try Persisted<Self>(row: row).record }
}

/// A record as GRDB reads and writes it.
///
/// The public records do not conform to GRDB's protocols themselves: a public conformance would make GRDB part of
/// HansardRegister's interface, so every client would import persistence. This module wraps a record instead.
struct Persisted<Record: TableRow>: Codable, FetchableRecord, PersistableRecord {
    var record: Record

    init(_ record: Record) { self.record = record }
    init(from decoder: any Decoder) throws { record = try Record(from: decoder) }
    func encode(to encoder: any Encoder) throws { try record.encode(to: encoder) }

    static var databaseTableName: String { Record.table }
}

/// A commitment as GRDB reads it: by position, which spares the name lookups that dominate reading a long list.
struct CommitmentRow: FetchableRecord, TableRecord {
    var record: CommitmentRecord

    /// Requests select exactly ``CommitmentRecord/columnNames``, in order, so that ``init(row:)`` can read by
    /// position.
    static var databaseSelection: [any SQLSelectable] { CommitmentRecord.columnNames.map { Column($0) } }
    static var databaseTableName: String { CommitmentRecord.table }

    /// Reads a row of ``databaseSelection`` (or `SELECT *`) by position.
    init(row: Row) throws { record = try CommitmentRecord.decoded(from: row) }
}

/// A table's record with a single-column primary key (every table the shared logic updates has one).
protocol StoredRecord: TableRow {
    static var keyColumn: Columns { get }
    var key: String { get }
}

extension DebateRecord: StoredRecord {
    /// The table's columns, in the table's order.
    enum Columns: String, CaseIterable, ColumnExpression {
        case id, identity, title, house, date, url, type, sha256, sourcePath, revision, addedAt, updatedAt, volume,
            format, bytes, governmentTurns
    }
    static var table: String { "debate" }
    static var keyColumn: Columns { .id }
    var key: String { id }
}

extension DebateVersionRecord: StoredRecord {
    /// The table's columns, in the table's order.
    enum Columns: String, CaseIterable, ColumnExpression {
        case sha256, debateId, revision, sourcePath, addedAt
    }
    static var table: String { "debateVersion" }
    static var keyColumn: Columns { .sha256 }
    var key: String { sha256 }
}

extension CommitmentRecord: StoredRecord {
    /// The table's columns, in the table's order.
    enum Columns: String, CaseIterable, ColumnExpression {
        case id, analysisId, debateId, debateDate, house, turn, speakerName, speakerRole, office, department, quote,
            action, object, subject, timingPhrase, timingClass, dueBy, strength, source, requestId, status, statusDate,
            firstRevision, missingSinceRevision, person, speakerAliases, departmentSource, speakerEvidence, heading,
            debateTitle, startColumn, contributionId, government, parliament, kind, analysisEvidence, machineValues
    }
    static var table: String { "commitment" }
    static func decoded(from row: Row) throws -> Self { try CommitmentRecord(row: row, startingAt: 0) }
    static var keyColumn: Columns { .id }
    var key: String { id }
}

extension RequestRecord: StoredRecord {
    /// The table's columns, in the table's order.
    enum Columns: String, CaseIterable, ColumnExpression {
        case id, debateId, turn, speakerName, quote, action, outcome, answerQuote, commitmentId, form, asked
    }
    static var table: String { "request" }
    static var keyColumn: Columns { .id }
    var key: String { id }
}

extension StatusEventRecord: StoredRecord {
    /// The table's columns, in the table's order.
    enum Columns: String, CaseIterable, ColumnExpression {
        case id, commitmentId, status, effectiveDate, recordedAt, `actor`, evidence, reason, linkId, rule
    }
    static var table: String { "statusEvent" }
    static var keyColumn: Columns { .id }
    var key: String { id }
}

extension NoteRecord: StoredRecord {
    /// The table's columns, in the table's order.
    enum Columns: String, CaseIterable, ColumnExpression {
        case id, commitmentId, text, author, recordedAt
    }
    static var table: String { "note" }
    static var keyColumn: Columns { .id }
    var key: String { id }
}

extension CommitmentChangeRecord: StoredRecord {
    /// The table's columns, in the table's order.
    enum Columns: String, CaseIterable, ColumnExpression {
        case id, commitmentId, revision, kind, oldValue, newValue, recordedAt, field
    }
    static var table: String { "commitmentChange" }
    static var keyColumn: Columns { .id }
    var key: String { id }
}

extension FollowUpLinkRecord: StoredRecord {
    /// The table's columns, in the table's order.
    enum Columns: String, CaseIterable, ColumnExpression {
        case id, commitmentId, debateId, turn, speakerName, quote, kind, evidence, score, suggestsFulfilment, state,
            decidedAt, decidedBy
    }
    static var table: String { "followUpLink" }
    static var keyColumn: Columns { .id }
    var key: String { id }
}

extension CommitmentEditRecord: StoredRecord {
    /// The table's columns, in the table's order.
    enum Columns: String, CaseIterable, ColumnExpression {
        case id, commitmentId, field, value, previous, machineValue, `actor`, reason, recordedAt
    }
    static var table: String { "commitmentEdit" }
    static var keyColumn: Columns { .id }
    var key: String { id }
}

extension EvasionRecord: StoredRecord {
    /// The table's columns, in the table's order.
    enum Columns: String, CaseIterable, ColumnExpression {
        case id, debateId, turn, quote, questionTurn, label, reason
    }
    static var table: String { "evasion" }
    static var keyColumn: Columns { .id }
    var key: String { id }
}

extension SpeechRecord: TableRow {
    /// The table's columns, in the table's order (its key is `debateId` and `turn`).
    enum Columns: String, CaseIterable, ColumnExpression {
        case debateId, turn, speakerName, department, text
    }
    static var table: String { "speech" }
}

extension MentionRecord: StoredRecord {
    /// The table's columns, in the table's order.
    enum Columns: String, CaseIterable, ColumnExpression {
        case id, debateId, turn, quote, subject, refersTo
    }
    static var table: String { "mention" }
    static var keyColumn: Columns { .id }
    var key: String { id }
}

/// The row-level operations the register's shared logic is written against, so that it is written once.
///
/// Adding pages, status events, notes, link decisions, edits, lapses, imports and exports use it: GRDB's `Database`
/// for SQLite, a PostgreSQL session for a server register. Each call runs inside the transaction its backend opened.
///
/// The few queries the shared logic writes as SQL (``fetchAll(_:sql:arguments:)``, ``fetchTexts(sql:arguments:)``)
/// are in the dialect both backends read: identifiers in double quotes (PostgreSQL folds unquoted names to lower
/// case), a `?` for each argument, bound as text, and no `?` anywhere else.
protocol RegisterRows {
    func fetch<R: StoredRecord>(_ type: R.Type, key: String) throws -> R?
    /// The rows whose `column` equals `value` (all rows when `column` is nil), in the order of `orderBy`'s columns
    /// (ascending; `descending` reverses each), compared as bytes on both backends.
    func fetchAll<R: TableRow>(
        _ type: R.Type, where column: R.Columns?, equals value: String?, orderBy: [R.Columns], descending: Bool
    ) throws -> [R]
    /// The rows of `R`'s table a query selects (`SELECT "t".* …`), in the order it gives.
    func fetchAll<R: TableRow>(_ type: R.Type, sql: String, arguments: [String]) throws -> [R]
    /// The text columns of the rows a query selects (a NULL is nil).
    func fetchTexts(sql: String, arguments: [String]) throws -> [[String?]]
    func exists<R: StoredRecord>(_ type: R.Type, key: String) throws -> Bool
    /// Inserts the row; with `ignoringConflicts`, a row whose key or unique columns are taken is left out silently.
    /// - Returns: whether the row was stored.
    @discardableResult
    func insert<R: TableRow>(_ record: R, ignoringConflicts: Bool) throws -> Bool
    /// Inserts the row, or writes every column of the row that has its key.
    func upsert<R: StoredRecord>(_ record: R) throws
    /// Writes every column of the row with the record's key.
    func update<R: StoredRecord>(_ record: R) throws
    /// Deletes the rows whose `column` equals `value`.
    func delete<R: TableRow>(_ type: R.Type, where column: R.Columns, equals value: String) throws
    /// Sets a commitment's cached status and its date.
    func setStatus(commitmentId: String, status: CommitmentStatus, date: SittingDate?) throws
    /// The ids of `table` matching a prefix `pattern` as ``Register`` builds it: `base*` or `base*-suffix`, leaving
    /// out ids with more dashes than `maxDashes`; in byte order, at most `limit`.
    func ids(in table: String, prefix base: String, suffix: String?, maxDashes: Int, limit: Int) throws -> [String]
}

extension RegisterRows {
    func fetchAll<R: TableRow>(
        _ type: R.Type, where column: R.Columns? = nil, equals value: String? = nil, orderBy: [R.Columns]
    ) throws -> [R] {
        try fetchAll(type, where: column, equals: value, orderBy: orderBy, descending: false)
    }
}

extension Database: RegisterRows {
    func fetch<R: StoredRecord>(_ type: R.Type, key: String) throws -> R? {
        let request = SQLRequest<Row>(
            literal:
                "SELECT * FROM \(sql: R.table.quotedDatabaseIdentifier) WHERE \(Column(R.keyColumn.rawValue)) = \(key)")
        guard let row = try Row.fetchOne(self, request) else { return nil }
        return try R.decoded(from: row)
    }

    func fetchAll<R: TableRow>(
        _ type: R.Type, where column: R.Columns?, equals value: String?, orderBy: [R.Columns], descending: Bool
    ) throws -> [R] {
        var sql: SQL = "SELECT * FROM \(sql: R.table.quotedDatabaseIdentifier)"
        if let column { sql += " WHERE \(Column(column.rawValue)) = \(value)" }
        if !orderBy.isEmpty {
            let terms: [SQL] = orderBy.map { "\(Column($0.rawValue))\(sql: descending ? " DESC" : "")" }
            sql += " ORDER BY " + terms.joined(separator: ", ")
        }
        return try Row.fetchAll(self, SQLRequest<Row>(literal: sql)).map(R.decoded(from:))
    }

    func fetchAll<R: TableRow>(_ type: R.Type, sql: String, arguments: [String]) throws -> [R] {
        // Kept prepared (GRDB's statement cache): adding a debate runs a few hundred of these.
        let statement = try cachedStatement(sql: sql)
        return try Row.fetchAll(statement, arguments: StatementArguments(arguments)).map(R.decoded(from:))
    }

    func fetchTexts(sql: String, arguments: [String]) throws -> [[String?]] {
        let statement = try cachedStatement(sql: sql)
        return try Row.fetchAll(statement, arguments: StatementArguments(arguments)).map { row in
            row.databaseValues.map { String.fromDatabaseValue($0) }
        }
    }

    func exists<R: StoredRecord>(_ type: R.Type, key: String) throws -> Bool {
        let table = R.table.quotedDatabaseIdentifier
        let request = SQLRequest<Bool>(
            literal: "SELECT EXISTS (SELECT 1 FROM \(sql: table) WHERE \(Column(R.keyColumn.rawValue)) = \(key))")
        return try Bool.fetchOne(self, request) ?? false
    }

    @discardableResult
    func insert<R: TableRow>(_ record: R, ignoringConflicts: Bool) throws -> Bool {
        try Persisted(record).insert(self, onConflict: ignoringConflicts ? .ignore : nil)
        return changesCount > 0
    }

    func upsert<R: StoredRecord>(_ record: R) throws {
        try Persisted(record).insert(self, onConflict: .replace)
    }

    func update<R: StoredRecord>(_ record: R) throws {
        try Persisted(record).update(self)
    }

    func delete<R: TableRow>(_ type: R.Type, where column: R.Columns, equals value: String) throws {
        try execute(
            literal: "DELETE FROM \(sql: R.table.quotedDatabaseIdentifier) WHERE \(Column(column.rawValue)) = \(value)")
    }

    func setStatus(commitmentId: String, status: CommitmentStatus, date: SittingDate?) throws {
        try execute(
            literal: """
                UPDATE commitment SET status = \(status.rawValue), statusDate = \(date?.description) \
                WHERE id = \(commitmentId)
                """)
    }

    func ids(in table: String, prefix base: String, suffix: String?, maxDashes: Int, limit: Int) throws -> [String] {
        // GLOB is case-sensitive and reads the primary key's index; the parts hold no GLOB characters.
        let head = String(base.prefix { $0 != "-" })
        let pattern = suffix.map { base + "*-" + $0 } ?? base + "*"
        let tooMany = head + String(repeating: "-*", count: maxDashes + 1)
        let request = SQLRequest<String>(
            literal: """
                SELECT id FROM \(sql: table.quotedDatabaseIdentifier) WHERE id GLOB \(pattern) \
                AND id NOT GLOB \(tooMany) ORDER BY id LIMIT \(limit)
                """)
        return try String.fetchAll(self, request)
    }
}
