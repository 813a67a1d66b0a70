import Foundation
import HansardTestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A register a clerk can correct, cite and search (issue 14), as a clerk uses it: through the executable, on
/// registers built from corpus pages.
@Suite("A register a clerk can correct, cite and search")
struct ClerkRegisterTests {
    static let seed = "text-saves/lords-2023-03-08-whatsapp-ministerial-communications.txt"
    static let commons2022 = "hansard-modern-html/commons-2022-06-15-oral-answers-to-questions.html"
    static let commons2023 = "parlparse-xml/commons-2023-03-28-debates-parlparse.xml"
    static let commons1962 = "hansard-modern-html/commons-1962-07-05-oral-answers-to-questions.html"
    static let thatcher = "hansard-modern-html/commons-1980-04-24-oral-answers-to-questions.html"
    /// The object of the commitment on the seed's line 25.
    ///
    /// The line reads "… we are in the process of developing revised guidance on the use of non-corporate
    /// communication channels, which we will be publishing in due course."
    static let revisedGuidance = "revised guidance on the use of non-corporate communication channels"
    static let asOf = "2026-11-25"

    /// A register in a fresh folder made by `hansard register add` from corpus pages.
    static func register(_ pages: [String], _ name: String = #function) throws -> (folder: String, register: String) {
        let folder = try Scratch.folder(name)
        let register = folder + "/r.sqlite"
        let added = try HansardCommand.run(
            ["register", "add", "--quiet", "--register", register] + pages.map(CorpusFile.relativePath))
        #expect(added.status == 0, "\(added.standardError)")
        return (folder, register)
    }

    /// The rows of a tab-separated list as dictionaries by column name.
    static func tsv(_ text: String) -> [[String: String]] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter {
            !$0.isEmpty
        }
        guard let header = lines.first?.components(separatedBy: "\t") else { return [] }
        return lines.dropFirst().map { line in
            Dictionary(uniqueKeysWithValues: zip(header, line.components(separatedBy: "\t")))
        }
    }

    /// The id of the one commitment whose promise contains `words`, from a tab-separated list of every one.
    static func id(promising words: String, register: String) throws -> String {
        let listed = try HansardCommand.run(
            ["commitments", "--register", register, "--all", "--all-governments", "--format", "tsv"])
        let rows = tsv(listed.standardOutput).filter { ($0["promise"] ?? "").contains(words) }
        try #require(rows.count == 1, "expected one commitment promising \"\(words)\", found \(rows.count)")
        return rows[0]["id"]!
    }

    /// The text of one column of a table, each row's lines joined: the column's place is read off the rule of
    /// dashes under the header, and rows that wrap are separated by blank lines.
    static func column(_ name: String, of table: String) throws -> [String] {
        let lines = table.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        let headerIndex = try #require(lines.firstIndex { String($0).hasPrefix("ID ") })
        let header = String(lines[headerIndex])
        let rule = lines[headerIndex + 1]
        let offset = try #require(header.range(of: name)).lowerBound.utf16Offset(in: header)
        var end = offset
        while end < rule.count, rule[end] == "-" { end += 1 }
        var rows: [String] = []
        var current: [String] = []
        for line in lines[(headerIndex + 2)...] {
            if line.isEmpty || !(line.first == " " || line.first == "c") {
                if !current.isEmpty { rows.append(current.joined(separator: " ")) }
                current = []
                if !line.isEmpty { break }
                continue
            }
            let piece = line.count > offset ? String(line[offset..<min(end, line.count)]) : ""
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { current.append(trimmed) }
        }
        if !current.isEmpty { rows.append(current.joined(separator: " ")) }
        return rows
    }

    /// ANSI escape sequences taken out, so what is left is what the terminal shows.
    static func shown(_ text: String) -> String {
        var output = ""
        var escaping = false
        for scalar in text.unicodeScalars {
            if escaping {
                if scalar.properties.isAlphabetic { escaping = false }
                continue
            }
            if scalar == "\u{1B}" {
                escaping = true
                continue
            }
            if scalar != "\r" { output.unicodeScalars.append(scalar) }
        }
        return output
    }

    #if os(Linux)
        @Test("On an 80-column terminal every line fits, the promise wraps whole, and low-value columns go first")
        func tableFitsTheTerminal() throws {
            let (folder, register) = try Self.register([Self.seed, Self.commons2023])
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let outcome = try HansardCommand.runOnTerminal(
                ["commitments", "--register", register, "--all-governments", "--as-of", Self.asOf], columns: 80)
            #expect(outcome.status == 0, "\(outcome.standardError)")
            let lines = Self.shown(outcome.standardOutput).split(separator: "\n").map(String.init)
            #expect(lines.first?.hasPrefix("ID ") == true)
            for line in lines { #expect(line.count <= 80, "\(line.count) columns: \(line)") }
            // Nothing is cut: the PROMISE column, read row by row, holds the whole promise.
            let promises = try Self.column("PROMISE", of: Self.shown(outcome.standardOutput))
            #expect(promises.contains("publish: " + Self.revisedGuidance), "\(promises)")
            #expect(!outcome.standardOutput.contains("…"))
            #expect(TextFold.folded(Self.shown(outcome.standardOutput)).contains("Not shown at this width:"))
            // A wide terminal shows the columns an 80-column one left out.
            let wide = try HansardCommand.runOnTerminal(
                ["commitments", "--register", register, "--all-governments", "--as-of", Self.asOf], columns: 200)
            let header = Self.shown(wide.standardOutput).split(separator: "\n").first.map(String.init) ?? ""
            for column in ["ID", "MADE", "MINISTER", "DEPARTMENT", "PROMISE", "DUE", "STATUS", "AGE", "GOVERNMENT"] {
                #expect(header.contains(column), "\(column) in \(header)")
            }
        }
    #endif

    @Test("Piped or redirected, the list is tab-separated and whole: full ids, promises, timing, due dates, quotes")
    func pipedOutputIsWhole() throws {
        let (folder, register) = try Self.register([Self.seed])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = try HansardCommand.run(
            ["commitments", "--register", register, "--all-governments", "--as-of", Self.asOf, "--quote"],
            environment: ["COLUMNS": "40"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let lines = outcome.standardOutput.split(separator: "\n")
        let columns = lines.first?.split(separator: "\t", omittingEmptySubsequences: false).count ?? 0
        #expect(lines.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == columns })
        let rows = Self.tsv(outcome.standardOutput)
        let guidance = try #require(rows.first { $0["promise"] == "publish: " + Self.revisedGuidance })
        #expect(guidance["id"]?.count == 18)  // "c-" and 16 hex digits: the whole id
        #expect(guidance["timing_phrase"] == "in due course")
        #expect(guidance["debate_date"] == "2023-03-08")
        #expect(guidance["government"] == "Sunak government")
        #expect(
            guidance["quote"]
                == "As I have explained, we do have guidance and we are in the process of developing revised guidance "
                + "on the use of non-corporate communication channels, which we will be publishing in due course.")
        // 2023-03-08 to 2026-11-25: three years and eight months (and 17 days).
        #expect(guidance["age"] == "3 years 8 months")
    }

    @Test("Edits and a dismissal survive re-adding a revised page, which says where it now reads otherwise")
    func correctionsSurviveRevision() throws {
        let (folder, register) = try Self.register([Self.seed])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let id = try Self.id(promising: Self.revisedGuidance, register: register)
        let short = String(id.prefix(10))
        let edited = try HansardCommand.run(
            [
                "register", "edit", short, "--register", register, "--object",
                "revised guidance on WhatsApp and other "
                    + "non-corporate communication channels", "--minister", "Baroness Neville-Rolfe", "--due",
                "2023-07-31", "--reason", "she answered for the Cabinet Office",
            ], environment: ["HANSARD_USER": "J. Clerk"])
        #expect(edited.status == 0, "\(edited.standardError)")
        #expect(edited.standardOutput.contains("\(id): minister \"none\" → \"Baroness Neville-Rolfe\" (by J. Clerk)"))
        // "… could she write to me?" — "Of course." is an accepted request; say it is not one.
        let letter = try Self.id(promising: "write:", register: register)
        let dismissed = try HansardCommand.run(
            [
                "register", "dismiss", letter, "--register", register, "--reason", "not a commitment", "--by",
                "A. Reader",
            ])
        #expect(dismissed.status == 0, "\(dismissed.standardError)")

        // The page as revised: the timing of the edited commitment changed, and nothing else.
        let original = try String(contentsOfFile: CorpusFile.path(Self.seed), encoding: .utf8)
        let revised = original.replacingOccurrences(
            of: "which we will be publishing in due course",
            with: "which we will be publishing before the summer recess")
        #expect(revised != original)
        let page = folder + "/lords-2023-03-08-revised.txt"
        try revised.write(toFile: page, atomically: true, encoding: .utf8)
        let added = try HansardCommand.run(["register", "add", "--register", register, page])
        #expect(added.status == 0, "\(added.standardError)")
        #expect(added.standardOutput.contains("1 revised"))
        #expect(added.standardOutput.contains("3 edits kept, 1 where the page now reads otherwise"))

        let shown = try HansardCommand.run(["register", "show", short, "--register", register])
        #expect(shown.status == 0, "\(shown.standardError)")
        #expect(
            shown.standardOutput.contains(
                "Action:     publish: revised guidance on WhatsApp and other non-corporate communication channels"))
        #expect(shown.standardOutput.contains("Minister:   Baroness Neville-Rolfe  [edited by J. Clerk"))
        // "before the summer recess" now gives another due date than "in due course" did; the clerk's date stays.
        #expect(shown.standardOutput.contains("\"before the summer recess\", due by 2023-07-31  [edited by J. Clerk;"))
        let disagreement = try #require(
            shown.standardOutput.split(separator: "\n").first { $0.contains("disagrees due: the page reads") })
        #expect(disagreement.hasSuffix("; the edit \"2023-07-31\" is kept"))
        #expect(!disagreement.contains("2023-06-06"))
        #expect(shown.standardOutput.contains("why: she answered for the Cabinet Office"))

        // The dismissal stands: out of every list and figure but --all, where it shows as dismissed.
        let outstanding = Self.tsv(
            try HansardCommand.run(
                ["commitments", "--register", register, "--all-governments", "--format", "tsv"]
            ).standardOutput)
        #expect(!outstanding.contains { $0["id"] == letter })
        let all = Self.tsv(
            try HansardCommand.run(
                ["commitments", "--register", register, "--all-governments", "--all", "--format", "tsv"]
            ).standardOutput)
        #expect(all.first { $0["id"] == letter }?["status"] == "dismissed")
        let history = try HansardCommand.run(["register", "show", letter, "--register", register]).standardOutput
        #expect(history.contains("dismissed  by A. Reader"))
        #expect(history.contains("why: not a commitment"))
        let site = folder + "/site"
        let report = try HansardCommand.run(
            ["report", "--register", register, "--out", site, "--as-of", Self.asOf, "--quiet"])
        #expect(report.status == 0, "\(report.standardError)")
        let index = try String(contentsOfFile: site + "/index.html", encoding: .utf8)
        #expect(index.contains("<b class=\"stat-outstanding\" data-stat=\".commitment\">\(outstanding.count)</b>"))
        #expect(index.contains("id=\"dismissed\""))

        // Reopening takes the dismissal back.
        let reopened = try HansardCommand.run(["register", "reopen", letter, "--register", register])
        #expect(reopened.status == 0, "\(reopened.standardError)")
        #expect(reopened.standardOutput.contains("outstanding again as of 2023-03-08"))
    }

    @Test("Re-analysing with new rules keeps ids, edits and dismissals, and takes the new reading elsewhere")
    func reanalysis() throws {
        let (folder, register) = try Self.register([Self.seed])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // "we will be producing new guidance shortly on the use of WhatsApp" (line 17): due 30 days on, by the
        // bundled timing table ("shortly": 30 days), from 8 March 2023.
        let shortly = try Self.id(promising: "new guidance on the use of WhatsApp", register: register)
        let letter = try Self.id(promising: "write:", register: register)
        #expect(
            try HansardCommand.run([
                "register", "edit", shortly, "--department", "Prime Minister's Office", "--register", register,
            ]).status == 0)
        #expect(
            try HansardCommand.run(["register", "dismiss", letter, "--reason", "not one", "--register", register])
                .status == 0)
        let before = try HansardCommand.run(["register", "show", shortly, "--register", register]).standardOutput
        #expect(before.contains("\"shortly\", due by 2023-04-07"))

        // The same rules but "shortly" gives 60 days.
        let bundled = CorpusFile.packageRoot.appendingPathComponent("Sources/HansardAnalysis/Resources/lexicon.json")
        var rules = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: bundled)) as? [String: Any])
        var timing = try #require(rules["timing"] as? [[String: Any]])
        let index = try #require(timing.firstIndex { ($0["pattern"] as? String)?.contains("shortly") == true })
        timing[index]["due"] = ["days": 60]
        rules["timing"] = timing
        let file = folder + "/rules.json"
        try JSONSerialization.data(withJSONObject: rules).write(to: URL(fileURLWithPath: file))

        let unchanged = try HansardCommand.run(
            ["register", "add", "--rules", file, "--register", register, CorpusFile.relativePath(Self.seed)])
        #expect(unchanged.standardOutput.hasPrefix("0 debates added, 1 unchanged"))
        let again = try HansardCommand.run(
            [
                "register", "add", "--reanalyse", "--verbose", "--rules", file, "--register", register,
                CorpusFile.relativePath(Self.seed),
            ])
        #expect(again.status == 0, "\(again.standardError)")
        #expect(again.standardOutput.contains("reanalysed "))
        #expect(again.standardOutput.contains("1 edits kept, 0 where the page now reads otherwise"))
        let after = try HansardCommand.run(["register", "show", shortly, "--register", register]).standardOutput
        // 8 March 2023 and 60 days: 7 May 2023.
        #expect(after.contains("\"shortly\", due by 2023-05-07"))
        #expect(after.contains("Department: Prime Minister's Office"))
        #expect(after.contains("[edited by"))
        #expect(after.contains("timing: \"shortly → 2023-04-07\" → \"shortly → 2023-05-07\""))
        let all = Self.tsv(
            try HansardCommand.run([
                "commitments", "--all", "--all-governments", "--register", register, "--format", "tsv",
            ])
            .standardOutput)
        #expect(all.first { $0["id"] == letter }?["status"] == "dismissed")
        #expect(all.count == 4)
    }

    @Test("A unique prefix of an id works wherever an id does; one that fits several is refused, naming them")
    func idPrefixes() throws {
        let (folder, register) = try Self.register([Self.seed])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let id = try Self.id(promising: Self.revisedGuidance, register: register)
        let prefix = String(id.prefix(8))
        for arguments in [
            ["register", "show", prefix], ["register", "show", String(id.dropFirst(2).prefix(6))],
            ["register", "note", prefix, "asked the Cabinet Office"],
            ["register", "resolve", prefix, "--status", "fulfilled", "--evidence", "guidance", "--date", "2023-06-01"],
            ["register", "reopen", prefix], ["register", "edit", prefix, "--timing", "in due course."],
        ] {
            let outcome = try HansardCommand.run(arguments + ["--register", register])
            #expect(outcome.status == 0, "\(arguments): \(outcome.standardError)")
            #expect(outcome.standardOutput.contains(id), "\(arguments) names the full id")
        }

        // A register holding two ids that share all but their last digit.
        let export = try HansardCommand.run(["register", "export", "--register", register])
        var snapshot = try #require(
            try JSONSerialization.jsonObject(with: Data(export.standardOutput.utf8)) as? [String: Any])
        var commitments = try #require(snapshot["commitments"] as? [[String: Any]])
        var twin = commitments[0]
        let original = try #require(twin["id"] as? String)
        let sibling = String(original.dropLast()) + (original.hasSuffix("0") ? "1" : "0")
        twin["id"] = sibling
        twin["analysisId"] = sibling
        commitments.append(twin)
        // And the same sentence found twice: the analysis gives the second `-2` after the id.
        var second = commitments[0]
        second["id"] = original + "-2"
        second["analysisId"] = original + "-2"
        commitments.append(second)
        snapshot["commitments"] = commitments
        let file = folder + "/twins.json"
        try JSONSerialization.data(withJSONObject: snapshot).write(to: URL(fileURLWithPath: file))
        let imported = try HansardCommand.run(["register", "import", "--register", register, file])
        #expect(imported.status == 0, "\(imported.standardError)")
        let shared = String(original.dropLast())
        let ambiguous = try HansardCommand.run(["register", "show", shared, "--register", register])
        #expect(ambiguous.status == 67)
        #expect(ambiguous.standardError.hasPrefix("hansard: \(shared): several ids start so ("))
        #expect(ambiguous.standardError.contains(original) && ambiguous.standardError.contains(sibling))
        #expect(try HansardCommand.run(["register", "show", sibling, "--register", register]).status == 0)
        // A prefix with the suffix names the second; without it, the first.
        let suffixed = try HansardCommand.run([
            "register", "show", String(original.prefix(10)) + "-2", "--register", register,
        ])
        #expect(suffixed.standardOutput.hasPrefix("Commitment \(original)-2 "))
        let plain = try HansardCommand.run(["register", "show", original, "--register", register])
        #expect(plain.standardOutput.hasPrefix("Commitment \(original) "))
    }

    @Test("search finds a commitment by a word of its object, or of its debate's title, with the list's filters")
    func search() throws {
        let (folder, register) = try Self.register([Self.seed, Self.commons2023])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let guidance = try Self.id(promising: Self.revisedGuidance, register: register)
        let found = try HansardCommand.run(["search", "non-corporate", "--register", register, "--format", "tsv"])
        #expect(found.status == 0, "\(found.standardError)")
        #expect(Self.tsv(found.standardOutput).map { $0["id"] } == [guidance])
        // A word finds its other forms: "channel" finds "channels".
        let stemmed = try HansardCommand.run(["search", "channel", "--register", register, "--format", "tsv"])
        #expect(Self.tsv(stemmed.standardOutput).contains { $0["id"] == guidance })
        // The filters are the list's: the Lords page's commitment is not a Commons one.
        let commons = try HansardCommand.run(
            ["search", "non-corporate", "--house", "commons", "--register", register, "--format", "tsv"])
        #expect(Self.tsv(commons.standardOutput).isEmpty)
        // The debate's title is searched: a word of a commitment's debate that its words, promise, minister and
        // department do not hold finds it.
        let every = Self.tsv(
            try HansardCommand.run(
                [
                    "commitments", "--register", register, "--all-governments", "--all", "--quote", "--format", "tsv",
                ]
            ).standardOutput)
        let (row, word) = try #require(
            every.lazy.compactMap { row -> ([String: String], String)? in
                let elsewhere = ["quote", "promise", "minister", "department"].map { row[$0] ?? "" }.joined(
                    separator: " "
                )
                .lowercased()
                let words = (row["debate_title"] ?? "").split(whereSeparator: { !$0.isLetter }).map(String.init)
                return words.first { $0.count >= 6 && !elsewhere.contains($0.lowercased().prefix(5)) }.map { (row, $0) }
            }.first)
        let byTitle = try HansardCommand.run(["search", word, "--register", register, "--format", "tsv"])
        #expect(Self.tsv(byTitle.standardOutput).contains { $0["id"] == row["id"] }, "\(word)")
        // Each match once (the listing joins the full-text index), every commitment whose words hold the word among
        // them, and a first page that is the start of the whole ranked list.
        let ranked = Self.tsv(
            try HansardCommand.run(["search", "guidance", "--register", register, "--format", "tsv"]).standardOutput
        ).compactMap { $0["id"] }
        let quoting = every.filter { ($0["quote"] ?? "").lowercased().contains("guidance") }.compactMap { $0["id"] }
        #expect(quoting.count >= 2, "the seed promises new and revised guidance")
        #expect(Set(ranked).count == ranked.count)
        #expect(Set(quoting).isSubset(of: Set(ranked)))
        let first = try HansardCommand.run([
            "search", "guidance", "--limit", "1", "--register", register, "--format", "tsv",
        ])
        #expect(Self.tsv(first.standardOutput).compactMap { $0["id"] } == Array(ranked.prefix(1)))
        let nothing = try HansardCommand.run(["search", "zzyzx", "--register", register])
        #expect(nothing.status == 0)
        let empty = try HansardCommand.run(["search", " ", "--register", register])
        #expect(empty.status == 64)
    }

    @Test("A citation with its column and a link to the contribution on a hansard.parliament.uk page")
    func hansardCitation() throws {
        let (folder, register) = try Self.register([Self.commons2022])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let listed = try HansardCommand.run(
            [
                "commitments", "--register", register, "--all-governments", "--all", "--format", "csv", "--columns",
                "id,citation,column,contribution_id,link,quote",
            ])
        #expect(listed.status == 0, "\(listed.standardError)")
        let page = try String(contentsOfFile: CorpusFile.path(Self.commons2022), encoding: .utf8)
        let url =
            "https://hansard.parliament.uk/Commons/2022-06-15/debates/20D19FB5-2111-49A8-94A1-9E43AAC5CD38/OralAnswersToQuestions"
        let records = try parseCSV(listed.standardOutput)
        #expect(records.first == ["id", "citation", "column", "contribution_id", "link", "quote"])
        #expect(records.count > 1)
        for record in records.dropFirst() {
            let (citation, column, contribution, link) = (record[1], record[2], record[3], record[4])
            #expect(citation == "HC Deb 15 June 2022, vol 716, col \(column)")
            #expect(link == url + "#contribution-" + contribution)
            // The page's own anchor for the contribution, and the last column marker before it.
            let anchor = try #require(page.range(of: "id=\"contribution-\(contribution)\""), "\(contribution)")
            let before = page[..<anchor.lowerBound]
            if let marker = before.range(of: "data-column-number=\"", options: .backwards) {
                let number = before[marker.upperBound...].prefix { $0 != "\"" }
                #expect(String(number) == column, "\(record[0])")
            } else {
                // Before the first column break the page is on the column before it (271, before the break to 272).
                let first = try #require(page.range(of: "data-column-number=\""))
                let number = try #require(Int(page[first.upperBound...].prefix { $0 != "\"" }))
                #expect(String(number - 1) == column, "\(record[0])")
            }
        }
        let id = records[1][0]
        let shown = try HansardCommand.run(["register", "show", String(id.prefix(10)), "--register", register])
        #expect(shown.standardOutput.contains("  Citation:   \(records[1][1]) (contribution \(records[1][3]))"))
        #expect(shown.standardOutput.contains("  Link:       \(records[1][4])"))
    }

    @Test("A ParlParse commitment is titled by its heading and links to its speech on TheyWorkForYou")
    func parlParseCitation() throws {
        let (folder, register) = try Self.register([Self.commons2023])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let listed = try HansardCommand.run(
            [
                "commitments", "--register", register, "--all-governments", "--all", "--format", "tsv", "--columns",
                "id,debate_title,citation,contribution_id,link,quote",
            ])
        let rows = Self.tsv(listed.standardOutput)
        #expect(!rows.isEmpty)
        let parsed = try HansardCommand.run(["parse", CorpusFile.relativePath(Self.commons2023)])
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(parsed.standardOutput.utf8)) as? [String: Any])
        let turns = try #require(object["turns"] as? [[String: Any]])
        let sections = try #require((object["debate"] as? [String: Any])?["sections"] as? [[String: Any]])
        let titles = Set(sections.compactMap { $0["title"] as? String })
        for row in rows {
            let title = try #require(row["debate_title"])
            #expect(title != "House of Commons debates, 28 March 2023")
            // The title is the page's own headings: a minor heading after its major one.
            let parts = title.components(separatedBy: ": ")
            let headings =
                titles.contains(title)
                || (1..<parts.count).contains { split in
                    titles.contains(parts[..<split].joined(separator: ": "))
                        && titles.contains(parts[split...].joined(separator: ": "))
                }
            #expect(headings, "\(title)")
            let speech = try #require(row["contribution_id"])
            #expect(speech.hasPrefix("uk.org.publicwhip/debate/2023-03-28d."))
            let tail = try #require(speech.split(separator: "/").last)
            #expect(row["link"] == "https://www.theyworkforyou.com/debates/?id=\(tail)")
            // The id is a speech of the page, and the quote is in it.
            let turn = try #require(turns.first { $0["contributionId"] as? String == speech }, "\(speech)")
            let text = ((turn["paragraphs"] as? [String]) ?? []).joined(separator: " ")
            #expect(TextFold.folded(text).contains(TextFold.folded(row["quote"] ?? "")), "\(row["id"] ?? "")")
            #expect((row["citation"] ?? "").hasPrefix("HC Deb 28 March 2023, col "))
        }
    }

    @Test("A report built in another folder, after register import, finds its transcripts by hash with --sources")
    func reportTravels() throws {
        let folder = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // The first machine: pages in one folder, a register made from them, exported.
        let mine = folder + "/mine"
        try FileManager.default.createDirectory(atPath: mine + "/pages", withIntermediateDirectories: true)
        for page in [Self.seed, Self.commons2023] {
            try FileManager.default.copyItem(
                atPath: CorpusFile.path(page),
                toPath: mine + "/pages/" + (page.split(separator: "/").last.map(String.init) ?? page))
        }
        let added = try HansardCommand.run([
            "register", "add", "--quiet", "--register", mine + "/r.sqlite", mine + "/pages",
        ])
        #expect(added.status == 0, "\(added.standardError)")
        let export = try HansardCommand.run(["register", "export", "--register", mine + "/r.sqlite"])
        try export.standardOutput.write(toFile: folder + "/snapshot.json", atomically: true, encoding: .utf8)
        // A colleague's machine: the pages elsewhere, under other names, the first folder gone.
        let theirs = folder + "/theirs"
        try FileManager.default.createDirectory(atPath: theirs + "/saved/deeper", withIntermediateDirectories: true)
        try FileManager.default.moveItem(
            atPath: mine + "/pages/lords-2023-03-08-whatsapp-ministerial-communications.txt",
            toPath: theirs + "/saved/whatsapp.txt")
        try FileManager.default.moveItem(
            atPath: mine + "/pages/commons-2023-03-28-debates-parlparse.xml", toPath: theirs + "/saved/deeper/day.xml")
        try FileManager.default.removeItem(atPath: mine)
        let imported = try HansardCommand.run(
            ["register", "import", "--register", theirs + "/r.sqlite", folder + "/snapshot.json"])
        #expect(imported.status == 0, "\(imported.standardError)")

        let run = HansardCommand.Setting(directory: theirs)
        let lost = try HansardCommand.run(
            ["report", "--register", "r.sqlite", "--out", "lost", "--quiet"], setting: run)
        #expect(lost.status == 0, "\(lost.standardError)")
        #expect(lost.standardError.contains("transcript not shown"))
        #expect(lost.standardError.contains("--sources DIR"))
        let found = try HansardCommand.run(
            ["report", "--register", "r.sqlite", "--out", "site", "--sources", "saved", "--as-of", Self.asOf],
            setting: run)
        #expect(found.status == 0, "\(found.standardError)")
        #expect(!found.standardError.contains("transcript not shown"), "\(found.standardError)")
        let site = theirs + "/site"
        let debates = try FileManager.default.contentsOfDirectory(atPath: site + "/debates")
        #expect(debates.count == 2)
        for name in debates {
            let html = try String(contentsOfFile: site + "/debates/" + name, encoding: .utf8)
            #expect(!html.contains("The transcript is not shown"), "\(name)")
            #expect(html.contains("<article class=\"turn"), "\(name)")
        }
        let seedPage = try String(
            contentsOfFile: site + "/debates/" + debates.first { name in
                (try? String(contentsOfFile: site + "/debates/" + name, encoding: .utf8))?.contains(
                    "WhatsApp: Ministerial") == true
            }!, encoding: .utf8)
        // Line 17 of the text save, in the transcript.
        #expect(seedPage.contains("we will be producing new guidance shortly on the use of WhatsApp"))
        // Published pages name files, never the folders of either machine.
        for file in try FileManager.default.subpathsOfDirectory(atPath: site)
        where file.hasSuffix(".html") || file.hasSuffix(".xml") {
            let text = try String(contentsOfFile: site + "/" + file, encoding: .utf8)
            #expect(!text.contains(folder), "\(file) holds a local path")
        }
    }

    @Test("The current government's commitments by default; --government, --all-governments; lapses and their undo")
    func governmentsAndLapses() throws {
        let (folder, register) = try Self.register([Self.seed, Self.thatcher])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let today = try HansardCommand.run(
            ["commitments", "--register", register, "--as-of", Self.asOf, "--format", "table"],
            environment: ["COLUMNS": "300"])
        #expect(today.status == 0)
        #expect(
            today.standardOutput.hasPrefix(
                "No outstanding commitments of the Starmer government (2024–) as of 2026-11-25."))
        #expect(today.standardOutput.contains("more under other governments: --all-governments lists them"))
        // On 1 June 2023 the Sunak government was in office: the seed's commitments are its own.
        let then = Self.tsv(
            try HansardCommand.run(
                ["commitments", "--register", register, "--as-of", "2023-06-01", "--format", "tsv"]
            ).standardOutput)
        #expect(!then.isEmpty && then.allSatisfy { $0["debate_date"] == "2023-03-08" })
        let thatcher = Self.tsv(
            try HansardCommand.run(
                ["commitments", "--register", register, "--government", "thatcher", "--format", "tsv"]
            ).standardOutput)
        #expect(!thatcher.isEmpty && thatcher.allSatisfy { $0["debate_date"] == "1980-04-24" })
        let unknown = try HansardCommand.run(["commitments", "--register", register, "--government", "nobody"])
        #expect(unknown.status == 64)

        let dryRun = try HansardCommand.run(
            ["register", "lapse", "--register", register, "--before-dissolution", "--dry-run"])
        #expect(dryRun.status == 0, "\(dryRun.standardError)")
        let all = Self.tsv(
            try HansardCommand.run(["commitments", "--register", register, "--all-governments", "--format", "tsv"])
                .standardOutput)
        #expect(dryRun.standardOutput.hasSuffix("\(all.count) commitments would lapse.\n"))
        // The 58th Parliament's last session, 2023-24, ended on 24 May 2024 (the sessions table).
        let lapsed = try HansardCommand.run(
            [
                "register", "lapse", "--register", register, "--before-dissolution", "--parliament", "58th", "--by",
                "J. Clerk",
            ])
        #expect(lapsed.status == 0, "\(lapsed.standardError)")
        let seedRows = all.filter { $0["debate_date"] == "2023-03-08" }
        #expect(lapsed.standardOutput.hasSuffix("\(seedRows.count) commitments lapsed.\n"))
        #expect(lapsed.standardOutput.contains("58th Parliament  lapsed as of 2024-05-24"))
        let shown = try HansardCommand.run(["register", "show", seedRows[0]["id"]!, "--register", register])
        #expect(shown.standardOutput.contains("2024-05-24  lapsed  by J. Clerk"))
        #expect(
            shown.standardOutput.contains(
                "evidence: The 58th Parliament was dissolved: its last session ended on 2024-05-24"))
        let undone = try HansardCommand.run(["register", "lapse", "--register", register, "--undo"])
        #expect(undone.standardOutput.hasSuffix("\(seedRows.count) commitments reopened.\n"))
        let again = Self.tsv(
            try HansardCommand.run(["commitments", "--register", register, "--all-governments", "--format", "tsv"])
                .standardOutput)
        #expect(again.count == all.count)
    }

    @Test("One commitment CSV for commitments, register export and report; --columns; --excel keeps ’ and £")
    func oneCSV() throws {
        let (folder, register) = try Self.register([Self.seed, Self.commons2023, Self.commons1962])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func header(_ arguments: [String]) throws -> String {
            let outcome = try HansardCommand.run(arguments + ["--register", register])
            #expect(outcome.status == 0, "\(arguments): \(outcome.standardError)")
            return String(outcome.standardOutput.prefix { $0 != "\r\n" && $0 != "\n" && $0 != "\r" })
        }
        let list = try header(["commitments", "--all-governments", "--format", "csv"])
        #expect(list.hasPrefix("id,status,status_date,as_of,debate_date,"))
        #expect(try header(["register", "export", "--format", "csv"]) == list)
        #expect(try header(["report", "--format", "csv", "--out", "-"]) == list)
        #expect(try header(["search", "guidance", "--format", "csv"]) == list)
        let chosen = try HansardCommand.run(
            [
                "commitments", "--all-governments", "--format", "csv", "--columns", "id,promise,citation", "--register",
                register,
            ])
        #expect(chosen.standardOutput.hasPrefix("id,promise,citation\r\n"))
        let wrong = try HansardCommand.run(
            ["commitments", "--format", "csv", "--columns", "id,nonsense", "--register", register])
        #expect(wrong.status == 64)
        #expect(wrong.standardError.contains("no column named nonsense"))

        // Redirected to a file, as a spreadsheet user does: the bytes, with nothing decoding them first.
        let file = folder + "/excel.csv"
        let excel = try HansardCommand.run(
            ["commitments", "--all-governments", "--format", "csv", "--excel", "--register", register],
            setting: .init(prelude: "exec >'\(file)'"))
        #expect(excel.status == 0, "\(excel.standardError)")
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: file)))
        #expect(bytes.prefix(3) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        // "Mr Brown’s case" (28 March 2023) and "£310,000" (5 July 1962), as the pages print them.
        #expect(text.contains("Mr Brown’s case"))
        #expect(text.contains("£310,000"))
        let plain = try HansardCommand.run([
            "commitments", "--all-governments", "--format", "csv", "--register", register,
        ])
        #expect(!plain.standardOutput.hasPrefix("\u{FEFF}"))
    }

    @Test("register links and diff give each commitment's words, debate and date, oldest first")
    func linksAndDiffInOrder() throws {
        // Mr. Macmillan on 5 July 1962 and again on 21 March 1963, both times on Christmas Island.
        let (folder, register) = try Self.register([
            Self.commons1962, "hansard-modern-html/commons-1963-03-21-oral-answers-to-questions.html",
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let links = try HansardCommand.run(["register", "links", "--register", register])
        #expect(links.status == 0)
        #expect(links.standardOutput.contains("  commitment c-"))
        #expect(links.standardOutput.contains("Oral Answers To Questions, HC Deb 5 July 1962, vol 662, col "))
        #expect(links.standardOutput.contains("  later: Oral Answers To Questions, 1963-03-21, turn "))
        let empty = folder + "/empty.sqlite"
        let created = try HansardCommand.run(
            ["register", "add", "--quiet", "--register", empty, CorpusFile.relativePath(Self.seed)])
        #expect(created.status == 0)
        let diff = try HansardCommand.run(["diff", "--format", "md", empty, register])
        #expect(diff.status == 1)
        let section = diff.standardOutput.components(separatedBy: "## New commitments")[1]
            .components(separatedBy: "\n## ")[0]
        let dates = section.split(separator: "\n").filter { $0.hasPrefix("| c-") }
            .map { $0.split(separator: "|")[1].trimmingCharacters(in: .whitespaces) }
        #expect(!dates.isEmpty)
        #expect(dates == dates.sorted())
        #expect(diff.standardOutput.contains("| Id | Made | Debate | Minister | Promise | Commitment |"))
    }

    @Test("overdue.xml is an Atom feed of the commitments overdue at the report's date, the same bytes each time")
    func overdueFeed() throws {
        let (folder, register) = try Self.register([Self.seed, Self.commons2023])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = try HansardCommand.run(
            ["report", "--register", register, "--out", folder + "/a", "--as-of", Self.asOf, "--quiet"])
        #expect(first.status == 0, "\(first.standardError)")
        let second = try HansardCommand.run(
            ["report", "--register", register, "--format", "atom", "--out", "-", "--as-of", Self.asOf])
        let feed = try String(contentsOfFile: folder + "/a/overdue.xml", encoding: .utf8)
        #expect(second.standardOutput == feed)
        let overdue = Self.tsv(
            try HansardCommand.run(
                [
                    "commitments", "--register", register, "--all-governments", "--overdue", "--as-of", Self.asOf,
                    "--format", "tsv",
                ]
            ).standardOutput)
        #if canImport(FoundationXML)
            let document = try XMLDocument(data: Data(feed.utf8))
            let root = try #require(document.rootElement())
            #expect(root.name == "feed")
            #expect(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">"))
            let entries = root.elements(forName: "entry")
            #expect(entries.count == overdue.count)
            for entry in entries {
                // FoundationXML on Linux finds no attribute by name under a default namespace; the list has them.
                func attribute(_ node: XMLElement, _ name: String) -> String? {
                    node.attributes?.first { $0.name == name }?.stringValue
                }
                let link = try #require(entry.elements(forName: "link").first { attribute($0, "rel") == "alternate" })
                let href = try #require(attribute(link, "href"))
                #expect(FileManager.default.fileExists(atPath: folder + "/a/" + href), "\(href)")
                let updated = try #require(entry.elements(forName: "updated").first?.stringValue)
                #expect(updated.hasSuffix("T00:00:00Z") && updated < Self.asOf)
            }
        #endif
        #expect(overdue.allSatisfy { feed.contains("urn:hansard:commitment:\($0["id"]!):overdue:\($0["due_by"]!)") })
    }
}

/// White space folded, for comparing a quote with the turn it came from.
enum TextFold {
    static func folded(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
}

/// RFC 4180 records (CRLF; quoted fields with doubled quotes).
func parseCSV(_ text: String) throws -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var scalars = Array(text.unicodeScalars)[...]
    while let c = scalars.popFirst() {
        if quoted {
            if c == "\"" {
                if scalars.first == "\"" {
                    field.unicodeScalars.append("\"")
                    scalars.removeFirst()
                } else {
                    quoted = false
                }
            } else {
                field.unicodeScalars.append(c)
            }
        } else if c == "\"" {
            quoted = true
        } else if c == "," {
            record.append(field)
            field = ""
        } else if c == "\r", scalars.first == "\n" {
            scalars.removeFirst()
            record.append(field)
            records.append(record)
            record = []
            field = ""
        } else {
            field.unicodeScalars.append(c)
        }
    }
    return records
}
