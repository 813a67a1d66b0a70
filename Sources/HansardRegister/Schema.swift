import GRDB
import HansardAnalysis
import HansardIngestion

/// The register's schema.
///
/// Migrations are named and never edited once released: add a new one instead.
enum Schema {
    /// SQLite's `application_id` for hansard registers ("HNSD"), so that another SQLite file is recognised.
    static let applicationID: Int32 = 0x484E_5344

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(v1) { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")

            try db.create(table: "debate") { t in
                t.primaryKey("id", .text)
                t.column("identity", .text).notNull().unique()
                t.column("title", .text).notNull()
                t.column("house", .text)
                t.column("date", .text)
                t.column("url", .text)
                t.column("type", .text)
                t.column("sha256", .text).notNull()
                t.column("sourcePath", .text).notNull()
                t.column("revision", .integer).notNull()
                t.column("addedAt", .text).notNull()
                t.column("updatedAt", .text).notNull()
            }
            try db.create(index: "debate_on_url", on: "debate", columns: ["url"])
            try db.create(index: "debate_on_date", on: "debate", columns: ["date"])

            try db.create(table: "debateVersion") { t in
                t.primaryKey("sha256", .text)
                t.belongsTo("debate", onDelete: .cascade).notNull()
                t.column("revision", .integer).notNull()
                t.column("sourcePath", .text).notNull()
                t.column("addedAt", .text).notNull()
            }

            try db.create(table: "commitment") { t in
                t.primaryKey("id", .text)
                t.column("analysisId", .text).notNull().unique()
                t.belongsTo("debate", onDelete: .cascade).notNull()
                t.column("debateDate", .text)
                t.column("house", .text)
                t.column("turn", .integer).notNull()
                t.column("speakerName", .text)
                t.column("speakerRole", .text).notNull()
                t.column("office", .text)
                t.column("department", .text)
                t.column("quote", .text).notNull()
                t.column("action", .text).notNull()
                t.column("object", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("timingPhrase", .text)
                t.column("timingClass", .text).notNull()
                t.column("dueBy", .text)
                t.column("strength", .text).notNull()
                t.column("source", .text).notNull()
                t.column("requestId", .text)
                t.column("status", .text).notNull()
                t.column("statusDate", .text)
                t.column("firstRevision", .integer).notNull()
                t.column("missingSinceRevision", .integer)
            }
            // The outstanding list: status equality, then due date and debate date in index order.
            try db.create(
                index: "commitment_on_status_dueBy", on: "commitment",
                columns: ["status", "dueBy", "debateDate", "id"])
            try db.create(index: "commitment_on_debateDate", on: "commitment", columns: ["debateDate"])
            try db.create(index: "commitment_on_subject", on: "commitment", columns: ["subject"])

            try db.create(table: "request") { t in
                t.primaryKey("id", .text)
                t.belongsTo("debate", onDelete: .cascade).notNull()
                t.column("turn", .integer).notNull()
                t.column("speakerName", .text)
                t.column("quote", .text).notNull()
                t.column("action", .text).notNull()
                t.column("outcome", .text).notNull()
                t.column("answerQuote", .text)
                t.column("commitmentId", .text)
            }

            try db.create(table: "statusEvent") { t in
                t.primaryKey("id", .text)
                t.belongsTo("commitment", onDelete: .cascade).notNull()
                t.column("status", .text).notNull()
                t.column("effectiveDate", .text).notNull()
                t.column("recordedAt", .text).notNull()
                t.column("actor", .text).notNull()
                t.column("evidence", .text)
                t.column("reason", .text)
                t.column("linkId", .text)
            }
            try db.create(
                index: "statusEvent_on_commitment_date", on: "statusEvent",
                columns: ["commitmentId", "effectiveDate", "recordedAt"])

            try db.create(table: "note") { t in
                t.primaryKey("id", .text)
                t.belongsTo("commitment", onDelete: .cascade).notNull()
                t.column("text", .text).notNull()
                t.column("author", .text).notNull()
                t.column("recordedAt", .text).notNull()
            }

            try db.create(table: "commitmentChange") { t in
                t.primaryKey("id", .text)
                t.belongsTo("commitment", onDelete: .cascade).notNull()
                t.column("revision", .integer).notNull()
                t.column("kind", .text).notNull()
                t.column("oldValue", .text)
                t.column("newValue", .text)
                t.column("recordedAt", .text).notNull()
            }

            try db.create(table: "followUpLink") { t in
                t.primaryKey("id", .text)
                t.belongsTo("commitment", onDelete: .cascade).notNull()
                t.belongsTo("debate", onDelete: .cascade).notNull()
                t.column("turn", .integer).notNull()
                t.column("speakerName", .text)
                t.column("quote", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("evidence", .text).notNull()
                t.column("score", .double).notNull()
                t.column("suggestsFulfilment", .boolean).notNull()
                t.column("state", .text).notNull()
                t.column("decidedAt", .text)
                t.column("decidedBy", .text)
                t.uniqueKey(["commitmentId", "debateId", "turn"])
            }

            try db.create(table: "speech") { t in
                t.belongsTo("debate", onDelete: .cascade).notNull()
                t.column("turn", .integer).notNull()
                t.column("speakerName", .text)
                t.column("department", .text)
                t.column("text", .text).notNull()
                t.primaryKey(["debateId", "turn"])
            }
        }
        migrator.registerMigration(v2) { db in
            // `hansard register links` lists undecided candidates best first.
            try db.create(index: "followUpLink_on_state_score", on: "followUpLink", columns: ["state", "score"])
        }
        migrator.registerMigration(v3) { db in
            // Linking a new debate looks up earlier commitments by subject within a date window. With the
            // subject alone indexed, every commitment ever made on a common subject ("statement") was read
            // and filtered, so adding grew slower as the register grew.
            try db.create(
                index: "commitment_on_subject_debateDate", on: "commitment", columns: ["subject", "debateDate"])
        }
        migrator.registerMigration(v4) { db in
            // Who made a commitment and for which department, as the analysis now reads them: one key per person,
            // the labels the page prints, and a canonical department. Departments stored by earlier versions
            // (raw office fragments such as "the Cabinet Office and for the Olympics") are put in canonical form.
            try db.alter(table: "commitment") { t in
                t.add(column: "person", .text)
                t.add(column: "speakerAliases", .text)
                t.add(column: "departmentSource", .text)
                t.add(column: "speakerEvidence", .text)
            }
            try db.create(index: "commitment_on_department", on: "commitment", columns: ["department"])
            try db.create(index: "commitment_on_person", on: "commitment", columns: ["person"])
            let table = try DepartmentTable.bundled()
            let rows = try Row.fetchAll(
                db, sql: "SELECT id, office, department, debateDate, house, speakerName FROM commitment")
            for row in rows {
                let office: String? = row["office"]
                let stored: String? = row["department"]
                let house = (row["house"] as String?).flatMap(House.init(rawValue:))
                let date = (row["debateDate"] as String?).flatMap(SittingDate.init)
                let canonical = [office, stored].compactMap { $0 }.lazy
                    .compactMap { table.canonicalName(forStored: $0, on: date, house: house) }.first
                let name: String? = row["speakerName"]
                let id: String = row["id"]
                try db.execute(
                    literal:
                        "UPDATE commitment SET department = \(canonical), speakerAliases = \(name) WHERE id = \(id)")
            }
            let speeches = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.debateId, s.turn, s.department, d.date, d.house FROM speech s
                    JOIN debate d ON d.id = s.debateId WHERE s.department IS NOT NULL
                    """)
            for row in speeches {
                let house = (row["house"] as String?).flatMap(House.init(rawValue:))
                let canonical = table.canonicalName(
                    forStored: row["department"] as String, on: (row["date"] as String?).flatMap(SittingDate.init),
                    house: house)
                let debateId: String = row["debateId"]
                let turn: Int = row["turn"]
                try db.execute(
                    literal:
                        "UPDATE speech SET department = \(canonical) WHERE debateId = \(debateId) AND turn = \(turn)")
            }
        }
        migrator.registerMigration(v5) { db in
            try migrateV5(db)
        }
        migrator.registerMigration(v6) { db in
            try migrateV6(db)
        }
        migrator.registerMigration(v7) { db in
            for statement in lists { try db.execute(sql: statement) }
        }
        migrator.registerMigration(v8) { db in
            for statement in personDates { try db.execute(sql: statement) }
        }
        return migrator
    }

    /// Citations (volume, column, contribution, the debate's own heading), what a page holds besides commitments
    /// (evasions, mentions), corrections (edits, dismissals, the machine's side of an edit), governments and
    /// Parliaments, page sizes for finding moved pages, full-text search, and room for the analysis's newer fields
    /// (a commitment's kind and evidence, a request's form and what it asked, an evasion's label and reason),
    /// which stay NULL until the analysis gives them.
    static func migrateV5(_ db: Database) throws {
        try db.alter(table: "debate") { t in
            t.add(column: "volume", .text)
            t.add(column: "format", .text)
            t.add(column: "bytes", .integer)
            t.add(column: "governmentTurns", .text)
        }
        try db.alter(table: "commitment") { t in
            t.add(column: "heading", .text)
            t.add(column: "debateTitle", .text)
            t.add(column: "startColumn", .text)
            t.add(column: "contributionId", .text)
            t.add(column: "government", .text)
            t.add(column: "parliament", .text)
            t.add(column: "kind", .text)
            t.add(column: "analysisEvidence", .text)
            t.add(column: "machineValues", .text)
        }
        try db.alter(table: "request") { t in
            t.add(column: "form", .text)
            t.add(column: "asked", .text)
        }
        try db.alter(table: "statusEvent") { t in t.add(column: "rule", .text) }
        try db.alter(table: "commitmentChange") { t in t.add(column: "field", .text) }

        try db.create(table: "commitmentEdit") { t in
            t.primaryKey("id", .text)
            t.belongsTo("commitment", onDelete: .cascade).notNull()
            t.column("field", .text).notNull()
            t.column("value", .text)
            t.column("previous", .text)
            t.column("machineValue", .text)
            t.column("actor", .text).notNull()
            t.column("reason", .text)
            t.column("recordedAt", .text).notNull()
        }
        try db.create(
            index: "commitmentEdit_on_commitment_recordedAt", on: "commitmentEdit",
            columns: ["commitmentId", "recordedAt"])
        try db.create(table: "evasion") { t in
            t.primaryKey("id", .text)
            t.belongsTo("debate", onDelete: .cascade).notNull()
            t.column("turn", .integer).notNull()
            t.column("quote", .text).notNull()
            t.column("questionTurn", .integer)
            t.column("label", .text)
            t.column("reason", .text)
        }
        try db.create(table: "mention") { t in
            t.primaryKey("id", .text)
            t.belongsTo("debate", onDelete: .cascade).notNull()
            t.column("turn", .integer).notNull()
            t.column("quote", .text).notNull()
            t.column("subject", .text).notNull()
            t.column("refersTo", .text).notNull()
        }

        // Commitments stored before: the debate's title, and the government and Parliament of the debate's date.
        // Their column and heading need the page, so they stay empty until the page is added again.
        let debates = try Row.fetchAll(db, sql: "SELECT id, title FROM debate")
        for row in debates {
            let id: String = row["id"]
            let title: String = row["title"]
            try db.execute(literal: "UPDATE commitment SET debateTitle = \(title) WHERE debateId = \(id)")
        }
        let dates = try String.fetchAll(
            db, sql: "SELECT DISTINCT debateDate FROM commitment WHERE debateDate IS NOT NULL")
        for text in dates {
            let date = SittingDate(text)
            try db.execute(
                literal: """
                    UPDATE commitment SET government = \(date.flatMap { Administrations.containing($0)?.id }),
                    parliament = \(date.flatMap(ParliamentarySessions.parliament(on:))) WHERE debateDate = \(text)
                    """)
        }
        try db.create(
            index: "commitment_on_government_status", on: "commitment", columns: ["government", "status"])

        // Search over what a reader looks for: the words, what was promised, who, which department, which debate.
        // The index follows the commitment table through GRDB's triggers.
        try db.create(virtualTable: "commitmentSearch", using: FTS5()) { t in
            t.synchronize(withTable: "commitment")
            t.tokenizer = .porter(wrapping: .unicode61())
            t.column("quote")
            t.column("object")
            t.column("speakerName")
            t.column("department")
            t.column("debateTitle")
            t.column("heading")
        }
    }

    /// The distinct ways a commitment's minister appears, with how many commitments each has, for the searches.
    ///
    /// Searches by minister, department or office read these few rows (``Register/people(_:)`` too) instead of
    /// every commitment: they found their rows with `LIKE '%…%'`, which no index serves, and building the people
    /// read every commitment. Triggers keep the table in step with any write to `commitment`; the office line
    /// gets an index so that a search matching office lines looks them up.
    static func migrateV6(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE commitmentAppearance (
                    key TEXT PRIMARY KEY NOT NULL, person TEXT, speakerName TEXT, speakerAliases TEXT, department TEXT,
                    office TEXT, house TEXT, debateId TEXT, commitments INTEGER NOT NULL)
                """)
        try db.execute(
            sql: """
                INSERT INTO commitmentAppearance
                SELECT \(appearanceKey("c")), person, speakerName, speakerAliases, department, office, house,
                    \(appearanceDebate("c")), COUNT(*)
                FROM commitment c GROUP BY 1
                """)
        try db.create(index: "commitment_on_office", on: "commitment", columns: ["office"])
        let counted = "person, speakerName, speakerAliases, department, office, house, debateId"
        func add(_ row: String) -> String {
            """
            INSERT INTO commitmentAppearance VALUES (\(appearanceKey(row)), \(row).person, \(row).speakerName,
                \(row).speakerAliases, \(row).department, \(row).office, \(row).house, \(appearanceDebate(row)), 1)
            ON CONFLICT (key) DO UPDATE SET commitments = commitments + 1;
            """
        }
        func remove(_ row: String) -> String {
            """
            UPDATE commitmentAppearance SET commitments = commitments - 1 WHERE key = \(appearanceKey(row));
            DELETE FROM commitmentAppearance WHERE key = \(appearanceKey(row)) AND commitments <= 0;
            """
        }
        try db.execute(
            sql: """
                CREATE TRIGGER commitmentAppearance_insert AFTER INSERT ON commitment BEGIN \(add("NEW")) END;
                CREATE TRIGGER commitmentAppearance_delete AFTER DELETE ON commitment BEGIN \(remove("OLD")) END;
                CREATE TRIGGER commitmentAppearance_update AFTER UPDATE OF \(counted) ON commitment
                BEGIN \(remove("OLD")) \(add("NEW")) END;
                """)
    }

    /// One text for the columns an appearance is told apart by, NULLs included (`quote` writes NULL as `NULL` and
    /// text in quotes), since a UNIQUE key would take two NULLs for different values.
    static func appearanceKey(_ row: String) -> String {
        ["person", "speakerName", "speakerAliases", "department", "office", "house"].map { "quote(\(row).\($0))" }
            .joined(separator: " || '|' || ") + " || '|' || quote(\(appearanceDebate(row)))"
    }

    /// The debate of a minister the page does not name, who is a person of that debate only (``PeopleDirectory``).
    static func appearanceDebate(_ row: String) -> String {
        "CASE WHEN \(row).speakerName IS NULL OR \(row).person LIKE 'unnamed:%' THEN \(row).debateId END"
    }

    static let v1 = "v1 debates, commitments, requests, links, status events, notes"
    static let v2 = "v2 index links by state and score"
    static let v3 = "v3 index commitments by subject and date"
    static let v4 = "v4 person keys, aliases, canonical departments and the evidence for the minister"
    static let v5 = "v5 citations, corrections, evasions, governments, page sizes and search"
    static let v6 = "v6 ministers' appearances and office lines for searches"
    static let v7 = "v7 index the government's and a department's lists in list order"
    static let v8 = "v8 index commitments by person and date"

    /// v8's statements, the same on both backends.
    ///
    /// Adding a debate lends a department to the same member's commitments within a month of it, and reads that
    /// member's named departments within a month (``Register/inferDepartments(_:debateId:date:)``). Indexed by
    /// person alone, each of those read every commitment the member ever made, so adding grew slower as the register
    /// grew; the index it replaces is a prefix of the new one.
    static let personDates = [
        #"DROP INDEX "commitment_on_person""#,
        #"CREATE INDEX "commitment_on_person_debateDate" ON "commitment" ("person", "debateDate")"#,
    ]

    /// v7's statements, the same on both backends.
    ///
    /// A list under one government (the default, the current one) or of a department reads its rows from an index
    /// in the list's own order (status, then due date, debate date and id), as the all-governments list reads
    /// `commitment_on_status_dueBy`. Without them a government or department with few rows in a large register was
    /// found by reading every outstanding commitment (10 s at 1,000,176); the indexes they replace are prefixes of
    /// the new ones.
    static let lists = [
        #"DROP INDEX "commitment_on_government_status""#,
        #"DROP INDEX "commitment_on_department""#,
        #"""
        CREATE INDEX "commitment_on_government_status_dueBy" ON "commitment" \#
        ("government", "status", "dueBy", "debateDate", "id")
        """#,
        #"""
        CREATE INDEX "commitment_on_department_status_dueBy" ON "commitment" \#
        ("department", "status", "dueBy", "debateDate", "id")
        """#,
    ]
}
