import Foundation
import HansardAnalysis
import HansardIngestion
import HansardRegister
import HansardTestSupport
import Testing
@testable import HansardReports

@Suite("Report pages and formats")
struct ReportFormatsTests {
    @Test("Text from pages is escaped in every page it reaches")
    func escaping() async throws {
        let fixture = try await ReportFixture.get()
        #expect(HTML.escape(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        // Text beside and between the escapes, in one, two, three and four UTF-8 bytes, comes through whole.
        #expect(HTML.escape("£5 — “<b>” 🇬🇧 & é") == "£5 — “&lt;b&gt;” 🇬🇧 &amp; é")
        #expect(HTML.escape("Lord Bassam’s answer") == "Lord Bassam’s answer")
        #expect(HTML.escape("") == "")
        for relative in [
            "index.html", "debates/\(fixture.hostileDebateId).html", "commitments/\(fixture.hostileCommitmentId).html",
        ] {
            let html = try fixture.read(relative)
            #expect(!html.contains("<img"), "\(relative)")
            #expect(!html.contains("<script>console.error"), "\(relative)")
            #expect(
                html.contains("&lt;img src=x onerror=&quot;console.error(&#39;xss-img&#39;)&quot;&gt;"), "\(relative)")
        }
        #expect(HTML.webLink("javascript:alert(1)") == nil)
        #expect(HTML.webLink("https://hansard.parliament.uk/x") == "https://hansard.parliament.uk/x")
    }

    @Test("Pages load nothing from elsewhere: no external scripts, styles, fonts or images")
    func selfContained() async throws {
        let fixture = try await ReportFixture.get()
        for relative in ["index.html", "debates/\(fixture.hostileDebateId).html"] {
            let html = try fixture.read(relative)
            for needle in ["<link", "src=\"http", "@import", "url(", "<img", "<iframe"] {
                #expect(!html.contains(needle), "\(relative) contains \(needle)")
            }
        }
    }

    @Test("A resolved commitment's page shows its status history, evidence and the request it answers")
    func statusHistory() async throws {
        let fixture = try await ReportFixture.get()
        let html = try fixture.read("commitments/\(fixture.resolvedCommitmentId).html")
        #expect(
            html.contains(
                "<strong>29 June 2023</strong>: <span class=\"badge done\">fulfilled</span> recorded by tester"))
        #expect(
            html.contains("Evidence: Written statement &lt;b&gt;HCWS1&lt;/b&gt; &amp; &quot;guidance&quot; published"))
        #expect(html.contains("Note by tester</strong>: published &lt;i&gt;late&lt;/i&gt;"))
        let index = try fixture.read("index.html")
        #expect(index.contains("<li><b data-stat=\".resolved-row\">1</b><span>resolved</span></li>"))
        #expect(index.contains("and resolved (1) per month"))
    }

    @Test("A commitment made by accepting a request shows the request, with its outcome and the turn before")
    func requestAnswered() async throws {
        let fixture = try await ReportFixture.get()
        let seed = try #require(
            fixture.data.snapshot.debates.first { $0.title == "WhatsApp: Ministerial Communications" })
        // "If the Minister is not able to deal with all those points today, could she write to me?" —
        // "Of course." (lines 15 and 17 of the text save).
        let accepted = try #require(
            fixture.data.snapshot.commitments.first { $0.debateId == seed.id && $0.quote == "Of course." })
        let html = try fixture.read("commitments/\(accepted.id).html")
        #expect(html.contains("<h2>The request it answers</h2>"))
        #expect(
            html.contains(
                "<blockquote class=\"request\">If the Minister is not able to deal with all those points today, could she write to me?</blockquote>"
            ))
        #expect(html.contains("Outcome: <strong>accepted</strong>"))
        #expect(
            html.contains("<mark class=\"request\">If the Minister is not able to deal with all those points today"))
    }

    @Test("A debate whose page is gone says so and still shows what the register holds")
    func missingPage() async throws {
        let fixture = try await ReportFixture.get()
        let html = try fixture.read("debates/\(fixture.goneDebateId).html")
        #expect(html.contains("<p class=\"notice\">The transcript is not shown: the page it was read from "))
        #expect(html.contains("(westminster-hall-2009-10-28-copy.xml, SHA-256 "))
        #expect(html.contains("was not found where the register last read it."))
        // Published pages name the file, never the folder it was in on the machine that made the register.
        #expect(!html.contains(fixture.folder))
        let commitments = fixture.data.snapshot.commitments.filter { $0.debateId == fixture.goneDebateId }
        #expect(!commitments.isEmpty)
        for commitment in commitments {
            #expect(html.contains("<mark class=\"commitment\">\(HTML.escape(commitment.quote))</mark>"))
            let page = try fixture.read("commitments/\(commitment.id).html")
            #expect(page.contains("<blockquote>\(HTML.escape(commitment.quote))</blockquote>"))
            #expect(page.contains("The surrounding debate is not shown"))
        }
    }

    @Test("Writing a report removes the pages an earlier report left, and nothing else")
    func stalePages() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hansard-stale-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var first = try ReportFolder(path: folder)
        try first.write("debates/d-old.html", "old")
        try first.write("debates/notes.txt", "kept")
        try first.write("mine.html", "kept")
        var second = try ReportFolder(path: folder)
        try second.write("debates/d-new.html", "new")
        second.removeStalePages()
        let left = try FileManager.default.contentsOfDirectory(atPath: folder + "/debates").sorted()
        #expect(left == ["d-new.html", "notes.txt"])
        #expect(FileManager.default.fileExists(atPath: folder + "/mine.html"))
    }

    @Test("A page is replaced whole; one kept as it is survives the stale-page sweep, a half-written one does not")
    func replacedAndKeptPages() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hansard-same-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func inode(_ relative: String) throws -> UInt64 {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/" + relative)
            return try #require(attributes[.systemFileNumber] as? UInt64)
        }
        var first = try ReportFolder(path: folder)
        try first.write("debates/a.html", "same")
        try first.write("debates/b.html", "old!")
        #expect(first.written == 2 && first.unchanged == 0)
        let before = try (inode("debates/a.html"), inode("debates/b.html"))
        // Left by a report killed while writing a page.
        try "half".write(toFile: folder + "/debates/.d.html.99.tmp", atomically: false, encoding: .utf8)
        var second = try ReportFolder(path: folder)
        second.keep("debates/a.html")
        try second.write("debates/b.html", "new!")
        second.removeStalePages()
        #expect(second.written == 1 && second.unchanged == 1)
        #expect(try inode("debates/a.html") == before.0)
        // Renamed into place: a reader holding the old file keeps reading the old bytes.
        #expect(try inode("debates/b.html") != before.1)
        #expect(try String(contentsOfFile: folder + "/debates/b.html", encoding: .utf8) == "new!")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder + "/debates").sorted()
        #expect(left == ["a.html", "b.html"])
    }

    @Test("A register larger than the index lists: figures by department there, every commitment once on a list page")
    func summaryIndex() async throws {
        let fixture = try await ReportFixture.get()
        let data = fixture.data
        let limit = 3
        #expect(data.counted.count > limit)
        var pages: [String: String] = [:]
        var order: [String] = []
        try HTMLReport.render(data, listLimit: limit, transcript: { _ in (nil, "not read in this test") }) {
            pages[$0] = $1
            order.append($0)
        }
        #expect(order.count == HTMLReport(data, listLimit: limit).pageCount)
        #expect(Array(order.suffix(2)) == ["index.html", OverdueFeed.fileName])
        let index = try #require(pages["index.html"])
        // No commitment is listed on the index itself, and no filters work over a list that is not there.
        #expect(!index.contains("<li class=\"commitment"))
        #expect(!index.contains("id=\"filters\""))
        let lists = order.filter { $0.hasPrefix("lists/") }
        #expect(lists.contains("lists/debates.html"))
        // Every list page the index links to was made, and every list page made is reached from the index or
        // from a page of its department.
        let linked = Set(Self.links(in: index).filter { $0.hasPrefix("lists/") })
        #expect(!linked.isEmpty && linked.isSubset(of: Set(lists)))
        var reached = linked
        for page in lists {
            let sameFolder = Self.links(in: pages[page]!).filter { !$0.hasPrefix("..") }
            reached.formUnion(sameFolder.map { "lists/" + $0 })
        }
        #expect(reached == Set(lists))
        var listed: [String] = []
        for page in lists where page != "lists/debates.html" {
            let html = pages[page]!
            #expect(!html.contains("<img") && !html.contains("<script>console.error"), "\(page)")
            // The figures are the department's, which the filter script would count again from this page alone.
            #expect(!html.contains("data-stat="), "\(page)")
            let items = Self.links(in: html).filter { $0.hasPrefix("../commitments/") }
            // Each commitment is linked once from the page's list (the outstanding item or the resolved row).
            #expect(Set(items).count <= limit, "\(page)")
            // Links up a level reach pages the report made (debate pages included: they are made first).
            let up = Self.links(in: html).filter { $0.hasPrefix("../") }.map { String($0.dropFirst(3)) }
            #expect(up.allSatisfy { pages[$0] != nil }, "\(page)")
            listed += Set(items)
        }
        let counted = data.counted.map { "../commitments/\(HTML.fileName($0.commitment.id)).html" }
        let dismissed = data.listings.filter { !$0.status.counts }.map {
            "../commitments/\(HTML.fileName($0.commitment.id)).html"
        }
        #expect(listed.sorted() == (counted + dismissed).sorted())
        // With the default limit, the same register's index lists its commitments itself.
        #expect(HTMLReport(data).listPages().isEmpty)
        #expect(HTMLReport(data).indexPage().contents.contains("<li class=\"commitment"))
    }

    /// The href values in `html`, unescaped.
    static func links(in html: String) -> [String] {
        var links: [String] = []
        for piece in html.components(separatedBy: "href=\"").dropFirst() {
            guard let value = piece.split(separator: "\"", maxSplits: 1).first.map(String.init) else { continue }
            let target = value.replacingOccurrences(of: "&amp;", with: "&")
            if target.hasPrefix("http") || target.hasPrefix("#") { continue }
            links.append(target.split(separator: "#").first.map(String.init) ?? target)
        }
        return links
    }

    @Test("CSV: a header and one RFC 4180 record per commitment, every record the same width")
    func csv() async throws {
        let fixture = try await ReportFixture.get()
        let text = try fixture.read("commitments.csv")
        #expect(text.hasSuffix("\r\n"))
        let records = try RFC4180.parse(text)
        let header = CommitmentColumns.all.map(\.name)
        #expect(records.first == header)
        #expect(records.count == fixture.data.snapshot.commitments.count + 1)
        #expect(records.allSatisfy { $0.count == header.count })
        let column = Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0) })
        let guidance = try #require(
            records.first {
                $0[column["quote"]!].contains(ReportFixture.seedGuidance)
                    && $0[column["debate_title"]!] == "WhatsApp: Ministerial Communications"
            })
        #expect(guidance[column["house"]!] == "lords")
        #expect(guidance[column["debate_date"]!] == "2023-03-08")  // "debated on Wednesday 8 March 2023"
        #expect(guidance[column["timing_phrase"]!] == "shortly")
        #expect(guidance[column["session"]!] == "2022-23")
        // The hostile quote holds commas? It holds quotes, which must round-trip.
        let hostile = try #require(records.first { $0[column["id"]!] == fixture.hostileCommitmentId })
        #expect(hostile[column["quote"]!].contains(ReportFixture.imagePayload))
        let resolved = try #require(records.first { $0[column["id"]!] == fixture.resolvedCommitmentId })
        #expect(resolved[column["status"]!] == "fulfilled")
        #expect(resolved[column["latest_evidence"]!] == ReportFixture.evidence)
    }

    @Test("Markdown: one file, a heading per department, page text escaped")
    func markdown() async throws {
        let fixture = try await ReportFixture.get()
        let text = try fixture.read("commitments.md")
        let headings = text.split(separator: "\n").filter { $0.hasPrefix("## ") }.map { String($0.dropFirst(3)) }
        let departments = Set(
            fixture.data.listings.filter { $0.status.isOpen }.map { $0.commitment.department ?? "Department not named" }
        )
        #expect(Set(headings) == departments.union(["Resolved", "Debates"]))
        #expect(text.contains(ReportFixture.seedGuidance))
        // Every "<" from a page is backslash-escaped, so no Markdown renderer makes it a tag; the only others
        // open the autolinks to Hansard the report writes itself.
        let characters = Array(text)
        let unescaped = characters.indices.filter { index in
            characters[index] == "<" && (index == 0 || characters[index - 1] != "\\")
                && !String(characters[index...].prefix(9)).hasPrefix("<https://")
        }
        #expect(unescaped.isEmpty)
        #expect(text.contains("\\<img src=x"))
    }

    @Test("The same register and date give byte-identical reports")
    func deterministic() async throws {
        let fixture = try await ReportFixture.get()
        let register = try Register.open(at: fixture.folder + "/register.sqlite", readOnly: true)
        let again = try ReportData.load(from: register, asOf: ReportFixture.asOf)
        let first = try await ReportFixture.pages(fixture.data)
        let second = try await ReportFixture.pages(again)
        #expect(first.map(\.path) == second.map(\.path))
        #expect(first.map(\.contents) == second.map(\.contents))
        #expect(CSVReport.render(fixture.data) == CSVReport.render(again))
        #expect(MarkdownReport.render(fixture.data) == MarkdownReport.render(again))
    }

    @Test("A debate page marks what the register holds, not what an analysis of the transcript would find")
    func marksComeFromTheRegister() async throws {
        let fixture = try await ReportFixture.get()
        let seed = try #require(
            fixture.data.snapshot.debates.first { $0.title == "WhatsApp: Ministerial Communications" })
        let evasions = fixture.data.snapshot.evasions.filter { $0.debateId == seed.id }
        let commitments = fixture.data.snapshot.commitments.filter { $0.debateId == seed.id }
        // A transcript with every turn's words replaced: the marks still come, from the register's records.
        var finder = PageFinder(folders: [])
        var page = try #require(finder.transcript(of: seed).0)
        page.turns = page.turns.map { turn in
            var turn = turn
            turn.paragraphs = turn.paragraphs.map { _ in "Words the analysis would find nothing in." }
            return turn
        }
        let report = HTMLReport(fixture.data)
        let html = report.debatePage(seed, transcript: page, unavailable: nil).contents
        #expect(html.contains("<li><span class=\"commitment\">Commitments</span> \(commitments.count)</li>"))
        #expect(html.contains("<li><span class=\"evasion\">Evasions</span> \(evasions.count)</li>"))
        #expect(!evasions.isEmpty)
        #expect(html.contains("Words the analysis would find nothing in."))
    }

    @Test("The reports module reads no file and analyses nothing: no Analyzer, no Intake, no DebateReader")
    func reportsArePure() throws {
        let folder = CorpusFile.packageRoot.appendingPathComponent("Sources/HansardReports").path
        for file in try FileManager.default.subpathsOfDirectory(atPath: folder) where file.hasSuffix(".swift") {
            let source = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            for forbidden in [
                "Analyzer(", "Intake.", "DebateReader", "String(contentsOf", "Data(contentsOf", "contentsOfFile",
            ] {
                #expect(!source.contains(forbidden), "\(file) uses \(forbidden)")
            }
        }
    }

    @Test("The timeline draws a slot per month with commitments, oldest first")
    func timeline() async throws {
        // The fixture's first listing, made on each of these dates, the last resolved on 2023-06-29.
        let template = try #require(try await ReportFixture.get().data.listings.first)
        let dates: [(String, String?)] = [
            ("1997-05-21", nil), ("2023-03-08", nil), ("2023-03-28", nil), ("2023-04-01", "2023-06-29"),
        ]
        let listings = dates.map { made, resolved in
            var item = template
            item.commitment.debateDate = .of(made)
            item.status = resolved == nil ? .outstanding : .fulfilled
            item.commitment.statusDate = resolved.map(SittingDate.of)
            return item
        }
        let months = RegisterFigures(asOf: .of("2026-11-25"), debates: 3, listings: listings, overdueLimit: 0).months
        let chart = Timeline(months: months)
        #expect(chart.months.map(\.key) == ["1997-05", "2023-03", "2023-04", "2023-06"])
        #expect(chart.months.map(\.made) == [1, 2, 1, 0])
        #expect(chart.months.map(\.resolved) == [0, 0, 0, 1])
        let svg = chart.svg()
        // Gaps before 2023-03 and before 2023-06 are marked; 2023-03 → 2023-04 is not a gap.
        #expect(svg.components(separatedBy: "stroke-dasharray").count - 1 == 2)
    }
}

/// A strict RFC 4180 reader for checking the CSV: CRLF records, quoted fields with doubled quotes.
enum RFC4180 {
    static func parse(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var characters = Array(text.unicodeScalars)[...]
        while let c = characters.popFirst() {
            if inQuotes {
                if c == "\"" {
                    if characters.first == "\"" {
                        field.unicodeScalars.append("\"")
                        characters.removeFirst()
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                guard field.isEmpty else { throw FixtureError(text: "a quote inside an unquoted field: \(field)") }
                inQuotes = true
            } else if c == "," {
                record.append(field)
                field = ""
            } else if c == "\r" {
                guard characters.popFirst() == "\n" else { throw FixtureError(text: "CR without LF") }
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else if c == "\n" {
                throw FixtureError(text: "a bare LF ends a record")
            } else {
                field.unicodeScalars.append(c)
            }
        }
        guard !inQuotes, record.isEmpty, field.isEmpty else { throw FixtureError(text: "unterminated record") }
        return records
    }
}

@Suite("Pages from part of the register")
struct PageSnapshotTests {
    @Test(
        "each debate's and commitment's page made from the part of the register it shows is the page made from the whole"
    )
    func pagesFromTheirPart() async throws {
        let fixture = try await ReportFixture.get()
        let register = try Register.open(at: fixture.folder + "/register.sqlite", readOnly: true)
        let whole = fixture.data
        func part(debates: [String], commitments: [String]) throws -> ReportData {
            try ReportData.load(from: register, debates: debates, commitments: commitments, asOf: ReportFixture.asOf)
        }
        var finder = PageFinder(folders: [])
        var annotated = 0
        for debate in whole.snapshot.debates {
            let (transcript, missing) = finder.transcript(of: debate)
            let data = try part(debates: [debate.id], commitments: [])
            #expect(data.snapshot.debates.count < whole.snapshot.debates.count || whole.snapshot.debates.count == 1)
            let expected = HTMLReport(whole).debatePage(debate, transcript: transcript, unavailable: missing?.published)
            let made = HTMLReport(data).debatePage(debate, transcript: transcript, unavailable: missing?.published)
            #expect(made.contents == expected.contents, "debate \(debate.id)")
            if expected.contents.contains("class=\"kind follow-up\"")
                || expected.contents.contains("class=\"kind request\"")
            {
                annotated += 1
            }
            for commitment in whole.snapshot.commitments where commitment.debateId == debate.id {
                let one = try part(debates: [], commitments: [commitment.id])
                #expect(one.snapshot.commitments.count < whole.snapshot.commitments.count)
                #expect(
                    HTMLReport.commitmentPage(
                        one, commitment: commitment, transcript: transcript, unavailable: missing?.published)
                        == HTMLReport.commitmentPage(
                            whole, commitment: commitment, transcript: transcript, unavailable: missing?.published),
                    "commitment \(commitment.id)")
            }
        }
        // The comparison covered pages with requests and follow-ups marked, not only bare ones.
        #expect(annotated >= 2)
    }

    @Test("the overdue feed from the register's overdue list is the feed from the whole register")
    func feedFromTheOverdueList() async throws {
        let fixture = try await ReportFixture.get()
        let register = try Register.open(at: fixture.folder + "/register.sqlite", readOnly: true)
        let overdue = try register.commitments(CommitmentQuery(scope: .overdue, asOf: ReportFixture.asOf))
        #expect(!overdue.items.isEmpty)
        #expect(OverdueFeed.render(asOf: overdue.asOf, listings: overdue.items) == OverdueFeed.render(fixture.data))
    }
}
