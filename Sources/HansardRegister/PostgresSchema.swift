import Foundation
import Logging
import NIOCore
import HansardIngestion
import PostgresNIO

/// A value bound to a PostgreSQL statement.
enum PostgresValue {
    case text(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
}

/// One connection inside a transaction of ``PostgresRegister``.
///
/// It runs statements with `$1…` parameters and the row operations the shared register logic needs
/// (``RegisterRows``). Records cross as their `Codable` form, whose keys are the column names, as in the JSON snapshot.
struct PostgresSession {
    let connection: PostgresConnection
    let logger: Logger

    @discardableResult
    func run(_ sql: String, _ values: [PostgresValue] = []) throws -> [PostgresRow] {
        try result(sql, values).rows
    }

    /// The statement's rows and what the server says it did (how many rows it inserted, say).
    func result(_ sql: String, _ values: [PostgresValue]) throws -> PostgresQueryResult {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .text(let text): try bindings.append(text)
            case .int(let number): try bindings.append(number)
            case .double(let number): try bindings.append(number)
            case .bool(let flag): try bindings.append(flag)
            case .null: bindings.appendNull()
            }
        }
        return try connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger).wait()
    }

    /// SQL written for both backends (a `?` for each argument) with PostgreSQL's `$1`, `$2`… instead.
    static func numbered(_ sql: String) -> String {
        var output = ""
        var count = 0
        for character in sql {
            if character == "?" {
                count += 1
                output += "$\(count)"
            } else {
                output.append(character)
            }
        }
        return output
    }

    func execute(_ sql: String, _ values: [PostgresValue] = []) throws { try run(sql, values) }

    /// The first column of the first row, as text.
    func scalar(_ sql: String, _ values: [PostgresValue] = []) throws -> String? {
        guard let cell = try run(sql, values).first?.first(where: { _ in true }), cell.bytes != nil else { return nil }
        return try cell.decode(String.self)
    }

    func strings(_ sql: String, _ values: [PostgresValue] = []) throws -> [String] {
        try run(sql, values).compactMap { row in
            guard let cell = row.first(where: { _ in true }), cell.bytes != nil else { return nil }
            return try cell.decode(String.self)
        }
    }

    /// A row as the JSON object its record decodes from: NULL columns are left out, as an encoded nil is.
    static func object(_ row: PostgresRow) throws -> [String: Any] {
        var object: [String: Any] = [:]
        for cell in row where cell.bytes != nil {
            switch cell.dataType {
            case .int8, .int4, .int2: object[cell.columnName] = try cell.decode(Int.self)
            case .float8, .float4: object[cell.columnName] = try cell.decode(Double.self)
            case .bool: object[cell.columnName] = try cell.decode(Bool.self)
            default: object[cell.columnName] = try cell.decode(String.self)
            }
        }
        return object
    }

    func records<R: Decodable>(_ type: R.Type, _ sql: String, _ values: [PostgresValue] = []) throws -> [R] {
        let decoder = JSONDecoder()
        return try run(sql, values).map { row in
            try decoder.decode(R.self, from: JSONSerialization.data(withJSONObject: Self.object(row)))
        }
    }

    /// The record's columns and values, every column of its table (a nil is NULL).
    static func columns<R: TableRow>(_ record: R) throws -> [(String, PostgresValue)] {
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(record)) as? [String: Any] ?? [:]
        return R.Columns.allCases.map(\.rawValue).map { column in
            guard let value = object[column], !(value is NSNull) else { return (column, .null) }
            if let text = value as? String { return (column, .text(text)) }
            let number = value as? NSNumber
            switch PostgresSchema.kind(of: column) {
            case .bool: return (column, .bool(number?.boolValue ?? (value as? Bool ?? false)))
            case .double: return (column, .double(number?.doubleValue ?? (value as? Double ?? 0)))
            case .int: return (column, .int(number?.intValue ?? (value as? Int ?? 0)))
            case .text: return (column, .text("\(value)"))
            }
        }
    }
}

extension String {
    /// The name as a PostgreSQL identifier: quoted, so that camelCase names keep their case.
    var quotedIdentifier: String { "\"" + replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}

extension PostgresSession: RegisterRows {
    func fetch<R: StoredRecord>(_ type: R.Type, key: String) throws -> R? {
        try records(
            R.self, "SELECT * FROM \(R.table.quotedIdentifier) WHERE \(R.keyColumn.rawValue.quotedIdentifier) = $1",
            [.text(key)]
        ).first
    }

    func fetchAll<R: TableRow>(
        _ type: R.Type, where column: R.Columns?, equals value: String?, orderBy: [R.Columns], descending: Bool
    ) throws -> [R] {
        var sql = "SELECT * FROM \(R.table.quotedIdentifier)"
        var values: [PostgresValue] = []
        if let column {
            sql += " WHERE \(column.rawValue.quotedIdentifier) = $1"
            values.append(value.map { .text($0) } ?? .null)
        }
        // Text columns are COLLATE "C": ordered by bytes, as SQLite orders them.
        if !orderBy.isEmpty {
            sql +=
                " ORDER BY "
                + orderBy.map { $0.rawValue.quotedIdentifier + (descending ? " DESC" : "") }
                .joined(separator: ", ")
        }
        return try records(R.self, sql, values)
    }

    func fetchAll<R: TableRow>(_ type: R.Type, sql: String, arguments: [String]) throws -> [R] {
        try records(R.self, Self.numbered(sql), arguments.map { .text($0) })
    }

    func fetchTexts(sql: String, arguments: [String]) throws -> [[String?]] {
        try run(Self.numbered(sql), arguments.map { .text($0) }).map { row in
            try row.map { cell in cell.bytes == nil ? nil : try cell.decode(String.self) }
        }
    }

    func exists<R: StoredRecord>(_ type: R.Type, key: String) throws -> Bool {
        try !run(
            "SELECT 1 FROM \(R.table.quotedIdentifier) WHERE \(R.keyColumn.rawValue.quotedIdentifier) = $1",
            [.text(key)]
        ).isEmpty
    }

    @discardableResult
    func insert<R: TableRow>(_ record: R, ignoringConflicts: Bool) throws -> Bool {
        let columns = try Self.columns(record)
        let sql = Self.insertion(R.self, columns.map(\.0))
        let stored = try result(sql + (ignoringConflicts ? " ON CONFLICT DO NOTHING" : ""), columns.map(\.1))
        return (stored.metadata.rows ?? 0) > 0
    }

    func upsert<R: StoredRecord>(_ record: R) throws {
        let columns = try Self.columns(record)
        let assignments = columns.map(\.0).filter { $0 != R.keyColumn.rawValue }
            .map { "\($0.quotedIdentifier) = EXCLUDED.\($0.quotedIdentifier)" }.joined(separator: ", ")
        try execute(
            Self.insertion(R.self, columns.map(\.0))
                + " ON CONFLICT (\(R.keyColumn.rawValue.quotedIdentifier)) DO UPDATE SET \(assignments)",
            columns.map(\.1))
    }

    /// `INSERT INTO "table" ("a", "b", …) VALUES ($1, $2, …)`.
    private static func insertion<R: TableRow>(_ type: R.Type, _ names: [String]) -> String {
        let places = (1...names.count).map { "$\($0)" }.joined(separator: ", ")
        return "INSERT INTO \(R.table.quotedIdentifier) (\(names.map(\.quotedIdentifier).joined(separator: ", ")))"
            + " VALUES (\(places))"
    }

    func delete<R: TableRow>(_ type: R.Type, where column: R.Columns, equals value: String) throws {
        try execute(
            "DELETE FROM \(R.table.quotedIdentifier) WHERE \(column.rawValue.quotedIdentifier) = $1", [.text(value)])
    }

    func update<R: StoredRecord>(_ record: R) throws {
        let columns = try Self.columns(record).filter { $0.0 != R.keyColumn.rawValue }
        let assignments = columns.enumerated().map { "\($0.element.0.quotedIdentifier) = $\($0.offset + 1)" }
            .joined(separator: ", ")
        try execute(
            "UPDATE \(R.table.quotedIdentifier) SET \(assignments) WHERE \(R.keyColumn.rawValue.quotedIdentifier) = $\(columns.count + 1)",
            columns.map(\.1) + [.text(record.key)])
    }

    func setStatus(commitmentId: String, status: CommitmentStatus, date: SittingDate?) throws {
        try execute(
            #"UPDATE "commitment" SET "status" = $1, "statusDate" = $2 WHERE "id" = $3"#,
            [.text(status.rawValue), date.map { .text($0.description) } ?? .null, .text(commitmentId)])
    }

    func ids(in table: String, prefix base: String, suffix: String?, maxDashes: Int, limit: Int) throws -> [String] {
        // Ids are letters, digits and dashes: nothing LIKE gives a meaning to but the % added here.
        let head = String(base.prefix { $0 != "-" })
        let pattern = suffix.map { base + "%-" + $0 } ?? base + "%"
        let tooMany = head + String(repeating: "-%", count: maxDashes + 1)
        return try strings(
            #"SELECT "id" FROM \#(table.quotedIdentifier) WHERE "id" LIKE $1 AND "id" NOT LIKE $2 ORDER BY "id" LIMIT $3"#,
            [.text(pattern), .text(tooMany), .int(limit)])
    }
}

/// The register's tables in PostgreSQL.
///
/// The same tables, columns, keys and indexes as ``Schema``'s SQLite migrations, under the same migration names (in
/// `hansard_migrations`), so a register is at the same schema version on either backend. Text is `COLLATE "C"`, compared and ordered by bytes as SQLite does, so lists and exports come
/// out in the same order.
enum PostgresSchema {
    /// The advisory lock every write transaction holds ("HNSD", SQLite's `application_id`).
    static let lockKey = Int(Schema.applicationID)

    enum Kind { case text, int, double, bool }

    static func kind(of column: String) -> Kind {
        switch column {
        case "revision", "bytes", "turn", "firstRevision", "missingSinceRevision", "questionTurn": return .int
        case "score": return .double
        case "suggestsFulfilment": return .bool
        default: return .text
        }
    }

    private static let t = #"TEXT COLLATE "C""#

    /// The statements of each migration, named as ``Schema``'s.
    ///
    /// v4's and v5's SQLite migrations also rewrite rows
    /// stored by earlier versions; a PostgreSQL register is always created at v5 (no hansard made one before), so
    /// here they only change the tables.
    static let migrations: [(name: String, statements: [String])] = [
        (
            Schema.v1,
            [
                #"CREATE TABLE "hansard_register" ("applicationId" BIGINT NOT NULL)"#,
                #"INSERT INTO "hansard_register" VALUES (\#(Schema.applicationID))"#,
                #"""
                CREATE TABLE "debate" ("id" \#(t) PRIMARY KEY, "identity" \#(t) NOT NULL UNIQUE, "title" \#(t) NOT NULL,
                "house" \#(t), "date" \#(t), "url" \#(t), "type" \#(t), "sha256" \#(t) NOT NULL, "sourcePath" \#(t) NOT NULL,
                "revision" BIGINT NOT NULL, "addedAt" \#(t) NOT NULL, "updatedAt" \#(t) NOT NULL)
                """#,
                #"CREATE INDEX "debate_on_url" ON "debate" ("url")"#,
                #"CREATE INDEX "debate_on_date" ON "debate" ("date")"#,
                #"""
                CREATE TABLE "debateVersion" ("sha256" \#(t) PRIMARY KEY,
                "debateId" \#(t) NOT NULL REFERENCES "debate" ("id") ON DELETE CASCADE, "revision" BIGINT NOT NULL,
                "sourcePath" \#(t) NOT NULL, "addedAt" \#(t) NOT NULL)
                """#,
                #"CREATE INDEX "index_debateVersion_on_debateId" ON "debateVersion" ("debateId")"#,
                #"""
                CREATE TABLE "commitment" ("id" \#(t) PRIMARY KEY, "analysisId" \#(t) NOT NULL UNIQUE,
                "debateId" \#(t) NOT NULL REFERENCES "debate" ("id") ON DELETE CASCADE, "debateDate" \#(t), "house" \#(t),
                "turn" BIGINT NOT NULL, "speakerName" \#(t), "speakerRole" \#(t) NOT NULL, "office" \#(t),
                "department" \#(t), "quote" \#(t) NOT NULL, "action" \#(t) NOT NULL, "object" \#(t) NOT NULL,
                "subject" \#(t) NOT NULL, "timingPhrase" \#(t), "timingClass" \#(t) NOT NULL, "dueBy" \#(t),
                "strength" \#(t) NOT NULL, "source" \#(t) NOT NULL, "requestId" \#(t), "status" \#(t) NOT NULL,
                "statusDate" \#(t), "firstRevision" BIGINT NOT NULL, "missingSinceRevision" BIGINT)
                """#,
                #"CREATE INDEX "index_commitment_on_debateId" ON "commitment" ("debateId")"#,
                #"CREATE INDEX "commitment_on_status_dueBy" ON "commitment" ("status", "dueBy", "debateDate", "id")"#,
                #"CREATE INDEX "commitment_on_debateDate" ON "commitment" ("debateDate")"#,
                #"CREATE INDEX "commitment_on_subject" ON "commitment" ("subject")"#,
                #"""
                CREATE TABLE "request" ("id" \#(t) PRIMARY KEY,
                "debateId" \#(t) NOT NULL REFERENCES "debate" ("id") ON DELETE CASCADE, "turn" BIGINT NOT NULL,
                "speakerName" \#(t), "quote" \#(t) NOT NULL, "action" \#(t) NOT NULL, "outcome" \#(t) NOT NULL,
                "answerQuote" \#(t), "commitmentId" \#(t))
                """#,
                #"CREATE INDEX "index_request_on_debateId" ON "request" ("debateId")"#,
                #"""
                CREATE TABLE "statusEvent" ("id" \#(t) PRIMARY KEY,
                "commitmentId" \#(t) NOT NULL REFERENCES "commitment" ("id") ON DELETE CASCADE,
                "status" \#(t) NOT NULL, "effectiveDate" \#(t) NOT NULL, "recordedAt" \#(t) NOT NULL,
                "actor" \#(t) NOT NULL, "evidence" \#(t), "reason" \#(t), "linkId" \#(t))
                """#,
                #"""
                CREATE INDEX "statusEvent_on_commitment_date" ON "statusEvent" ("commitmentId", "effectiveDate",
                "recordedAt")
                """#,
                #"""
                CREATE TABLE "note" ("id" \#(t) PRIMARY KEY,
                "commitmentId" \#(t) NOT NULL REFERENCES "commitment" ("id") ON DELETE CASCADE,
                "text" \#(t) NOT NULL, "author" \#(t) NOT NULL, "recordedAt" \#(t) NOT NULL)
                """#,
                #"CREATE INDEX "index_note_on_commitmentId" ON "note" ("commitmentId")"#,
                #"""
                CREATE TABLE "commitmentChange" ("id" \#(t) PRIMARY KEY,
                "commitmentId" \#(t) NOT NULL REFERENCES "commitment" ("id") ON DELETE CASCADE,
                "revision" BIGINT NOT NULL, "kind" \#(t) NOT NULL, "oldValue" \#(t), "newValue" \#(t),
                "recordedAt" \#(t) NOT NULL)
                """#,
                #"CREATE INDEX "index_commitmentChange_on_commitmentId" ON "commitmentChange" ("commitmentId")"#,
                #"""
                CREATE TABLE "followUpLink" ("id" \#(t) PRIMARY KEY,
                "commitmentId" \#(t) NOT NULL REFERENCES "commitment" ("id") ON DELETE CASCADE,
                "debateId" \#(t) NOT NULL REFERENCES "debate" ("id") ON DELETE CASCADE, "turn" BIGINT NOT NULL,
                "speakerName" \#(t), "quote" \#(t) NOT NULL, "kind" \#(t) NOT NULL, "evidence" \#(t) NOT NULL,
                "score" DOUBLE PRECISION NOT NULL, "suggestsFulfilment" BOOLEAN NOT NULL, "state" \#(t) NOT NULL,
                "decidedAt" \#(t), "decidedBy" \#(t), UNIQUE ("commitmentId", "debateId", "turn"))
                """#,
                #"CREATE INDEX "index_followUpLink_on_debateId" ON "followUpLink" ("debateId")"#,
                #"""
                CREATE TABLE "speech" ("debateId" \#(t) NOT NULL REFERENCES "debate" ("id") ON DELETE CASCADE,
                "turn" BIGINT NOT NULL, "speakerName" \#(t), "department" \#(t), "text" \#(t) NOT NULL,
                PRIMARY KEY ("debateId", "turn"))
                """#,
            ]
        ),
        (Schema.v2, [#"CREATE INDEX "followUpLink_on_state_score" ON "followUpLink" ("state", "score")"#]),
        (
            Schema.v3,
            [#"CREATE INDEX "commitment_on_subject_debateDate" ON "commitment" ("subject", "debateDate")"#]
        ),
        (
            Schema.v4,
            [
                #"""
                ALTER TABLE "commitment" ADD COLUMN "person" \#(t), ADD COLUMN "speakerAliases" \#(t),
                ADD COLUMN "departmentSource" \#(t), ADD COLUMN "speakerEvidence" \#(t)
                """#,
                #"CREATE INDEX "commitment_on_department" ON "commitment" ("department")"#,
                #"CREATE INDEX "commitment_on_person" ON "commitment" ("person")"#,
            ]
        ),
        (
            Schema.v5,
            [
                #"""
                ALTER TABLE "debate" ADD COLUMN "volume" \#(t), ADD COLUMN "format" \#(t), ADD COLUMN "bytes" BIGINT,
                ADD COLUMN "governmentTurns" \#(t)
                """#,
                #"""
                ALTER TABLE "commitment" ADD COLUMN "heading" \#(t), ADD COLUMN "debateTitle" \#(t),
                ADD COLUMN "startColumn" \#(t), ADD COLUMN "contributionId" \#(t), ADD COLUMN "government" \#(t),
                ADD COLUMN "parliament" \#(t), ADD COLUMN "kind" \#(t), ADD COLUMN "analysisEvidence" \#(t),
                ADD COLUMN "machineValues" \#(t)
                """#,
                #"ALTER TABLE "request" ADD COLUMN "form" \#(t), ADD COLUMN "asked" \#(t)"#,
                #"ALTER TABLE "statusEvent" ADD COLUMN "rule" \#(t)"#,
                #"ALTER TABLE "commitmentChange" ADD COLUMN "field" \#(t)"#,
                #"""
                CREATE TABLE "commitmentEdit" ("id" \#(t) PRIMARY KEY,
                "commitmentId" \#(t) NOT NULL REFERENCES "commitment" ("id") ON DELETE CASCADE,
                "field" \#(t) NOT NULL, "value" \#(t), "previous" \#(t), "machineValue" \#(t), "actor" \#(t) NOT NULL,
                "reason" \#(t), "recordedAt" \#(t) NOT NULL)
                """#,
                #"""
                CREATE INDEX "commitmentEdit_on_commitment_recordedAt" ON "commitmentEdit" ("commitmentId",
                "recordedAt")
                """#,
                #"""
                CREATE TABLE "evasion" ("id" \#(t) PRIMARY KEY,
                "debateId" \#(t) NOT NULL REFERENCES "debate" ("id") ON DELETE CASCADE, "turn" BIGINT NOT NULL,
                "quote" \#(t) NOT NULL, "questionTurn" BIGINT, "label" \#(t), "reason" \#(t))
                """#,
                #"CREATE INDEX "index_evasion_on_debateId" ON "evasion" ("debateId")"#,
                #"""
                CREATE TABLE "mention" ("id" \#(t) PRIMARY KEY,
                "debateId" \#(t) NOT NULL REFERENCES "debate" ("id") ON DELETE CASCADE, "turn" BIGINT NOT NULL,
                "quote" \#(t) NOT NULL, "subject" \#(t) NOT NULL, "refersTo" \#(t) NOT NULL)
                """#,
                #"CREATE INDEX "index_mention_on_debateId" ON "mention" ("debateId")"#,
                #"CREATE INDEX "commitment_on_government_status" ON "commitment" ("government", "status")"#,
            ]
        ),
        (Schema.v6, v6),
        (Schema.v7, Schema.lists),
        (Schema.v8, Schema.personDates),
    ]

    /// v6 as SQLite has it (``Schema/migrateV6(_:)``): the ministers' appearances, counted and kept in step with
    /// `commitment` by a trigger, and the office line's index.
    static let v6: [String] = {
        let columns = ["person", "speakerName", "speakerAliases", "department", "office", "house"]
        func debate(_ row: String) -> String {
            #"CASE WHEN \#(row)."speakerName" IS NULL OR \#(row)."person" LIKE 'unnamed:%' THEN \#(row)."debateId" END"#
        }
        func key(_ row: String) -> String {
            columns.map { #"quote_nullable(\#(row)."\#($0)")"# }.joined(separator: " || '|' || ")
                + " || '|' || quote_nullable(\(debate(row)))"
        }
        let values = columns.map { #""\#($0)""# }.joined(separator: ", ")
        let fromNew = columns.map { #"NEW."\#($0)""# }.joined(separator: ", ")
        return [
            #"""
            CREATE TABLE "commitmentAppearance" ("key" \#(t) PRIMARY KEY, "person" \#(t), "speakerName" \#(t),
            "speakerAliases" \#(t), "department" \#(t), "office" \#(t), "house" \#(t), "debateId" \#(t),
            "commitments" BIGINT NOT NULL)
            """#,
            #"""
            INSERT INTO "commitmentAppearance" SELECT "key", \#(values), "debate", COUNT(*)
            FROM (SELECT \#(key("c")) AS "key", \#(values), \#(debate("c")) AS "debate" FROM "commitment" "c") "a"
            GROUP BY "key", \#(values), "debate"
            """#,
            #"CREATE INDEX "commitment_on_office" ON "commitment" ("office")"#,
            #"""
            CREATE FUNCTION "hansard_count_appearance"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP IN ('UPDATE', 'DELETE') THEN
                    UPDATE "commitmentAppearance" SET "commitments" = "commitments" - 1 WHERE "key" = \#(key("OLD"));
                    DELETE FROM "commitmentAppearance" WHERE "key" = \#(key("OLD")) AND "commitments" <= 0;
                END IF;
                IF TG_OP IN ('INSERT', 'UPDATE') THEN
                    INSERT INTO "commitmentAppearance" VALUES (\#(key("NEW")), \#(fromNew), \#(debate("NEW")), 1)
                    ON CONFLICT ("key") DO UPDATE SET "commitments" = "commitmentAppearance"."commitments" + 1;
                END IF;
                RETURN NULL;
            END $$
            """#,
            #"""
            CREATE TRIGGER "commitmentAppearance_count" AFTER INSERT OR DELETE OR UPDATE OF \#(values), "debateId"
            ON "commitment" FOR EACH ROW EXECUTE FUNCTION "hansard_count_appearance"()
            """#,
        ]
    }()

    /// What the database holds: whether migrations are pending, and which were applied.
    struct State {
        var pending: Bool
        var applied: Set<String>
    }

    /// Reads the migrations applied; refuses a database with other tables and no register, and one a newer hansard
    /// set up, touching nothing.
    static func inspect(_ session: PostgresSession, location: String) throws -> State {
        let tables = Set(
            try session.strings(
                "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema()"))
        if tables.isEmpty { return State(pending: true, applied: []) }
        guard tables.contains("hansard_migrations") else { throw RegisterError.notARegister(path: location) }
        let applied = Set(try session.strings(#"SELECT "identifier" FROM "hansard_migrations""#))
        if !applied.isEmpty && !tables.contains("hansard_register") {
            throw RegisterError.notARegister(path: location)
        }
        let known = Set(migrations.map(\.name))
        let unknown = applied.subtracting(known).sorted()
        if !unknown.isEmpty { throw RegisterError.newerSchema(path: location, unknownMigrations: unknown) }
        return State(pending: applied != known, applied: applied)
    }

    /// Applies the migrations the database lacks, inside the caller's locked transaction (DDL is transactional in
    /// PostgreSQL: a failure leaves nothing half-made), after reading again what another process may have applied
    /// while this one waited for the lock.
    static func migrate(_ session: PostgresSession, location: String) throws {
        let state = try inspect(session, location: location)
        guard state.pending else { return }
        try session.execute(#"CREATE TABLE IF NOT EXISTS "hansard_migrations" ("identifier" TEXT PRIMARY KEY)"#)
        for migration in migrations where !state.applied.contains(migration.name) {
            for statement in migration.statements { try session.execute(statement) }
            try session.execute(#"INSERT INTO "hansard_migrations" VALUES ($1)"#, [.text(migration.name)])
        }
    }
}
