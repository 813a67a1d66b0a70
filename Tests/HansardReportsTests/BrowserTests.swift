import Foundation
import HansardIngestion
import HansardRegister
import HansardReports
import Testing

/// The generated report opened in headless Chromium, the way a reader opens it: from the file system.
@Suite(
    "HTML report in a browser",
    .enabled(
        if: Chromium.path != nil,
        "chromium is not installed: `apt-get install chromium` (.ci/run installs it) to run the browser tests"),
    .serialized)
struct BrowserTests {
    @Test("The console check sees messages, so a clean page really logged nothing")
    func consoleCheckWorks() async throws {
        let folder = try await ReportFixture.get().folder
        let canary = folder + "/canary.html"
        try "<!DOCTYPE html><title>c</title><p>x</p><script>console.error('canary'); missingFunction();</script>"
            .write(toFile: canary, atomically: true, encoding: .utf8)
        let page = try Chromium.load(URL(fileURLWithPath: canary))
        #expect(page.console.count == 2)
        #expect(page.console.first?.contains("canary") == true)
    }

    @Test("The index opens with no console messages, runs its filters and lists the seed's commitments")
    func indexShowsSeedCommitments() async throws {
        let fixture = try await ReportFixture.get()
        let page = try Chromium.load(fixture.url("index.html"))
        #expect(page.console.isEmpty, "console: \(page.console)")
        let elements = try DOM.elements(of: page.dom)
        // The script unhides the filter form and fills in its count.
        let form = try #require(elements.first { $0.attributes["id"] == "filters" })
        #expect(form.attributes["hidden"] == nil)
        let shown = try #require(elements.first { $0.attributes["id"] == "filter-shown" })
        let outstanding = fixture.data.listings.filter { $0.status.isOpen }.count
        #expect(shown.text == "Showing \(outstanding) of \(outstanding) outstanding commitments")

        let items = elements.filter { $0.name == "li" && $0.hasClass("commitment") }
        let guidance = try #require(items.first { $0.text.contains(ReportFixture.seedGuidance) })
        #expect(guidance.attributes["data-house"] == "lords")
        #expect(guidance.attributes["data-session"] == "2022-23")
        // "Ministers use a variety of channels…" is answered with "In due course" guidance too (line 29).
        #expect(items.contains { $0.text.contains("which we will be publishing in due course") })

        // Follow the item's debate link to the debate page, as a reader would.
        let guidanceIndex = try #require(elements.firstIndex(of: guidance))
        let links = elements.filter { $0.name == "a" && $0.ancestors.contains(guidanceIndex) }
        let debateHref = try #require(links.compactMap { $0.attributes["href"] }.first { $0.hasPrefix("debates/") })
        let parts = debateHref.split(separator: "#", maxSplits: 1).map(String.init)
        let debatePage = try Chromium.load(fixture.url(parts[0]))
        #expect(debatePage.console.isEmpty, "console: \(debatePage.console)")
        let debate = try DOM.elements(of: debatePage.dom)
        #expect(debate.first { $0.name == "h1" }?.text == "WhatsApp: Ministerial Communications")
        let turn = try #require(debate.first { $0.attributes["id"] == parts.last })
        let turnIndex = try #require(debate.firstIndex(of: turn))
        let marks = debate.filter { $0.name == "mark" && $0.ancestors.contains(turnIndex) }
        #expect(marks.contains { $0.hasClass("commitment") && $0.text.contains(ReportFixture.seedGuidance) })
        // The mark's note links back to the commitment's own page.
        let commitmentHref = try #require(
            links.compactMap { $0.attributes["href"] }.first { $0.hasPrefix("commitments/") })
        #expect(
            debate.contains {
                $0.name == "a" && $0.ancestors.contains(turnIndex) && $0.attributes["href"] == "../" + commitmentHref
            })

        let commitmentPage = try Chromium.load(fixture.url(commitmentHref))
        #expect(commitmentPage.console.isEmpty, "console: \(commitmentPage.console)")
        let commitment = try DOM.elements(of: commitmentPage.dom)
        #expect(commitment.contains { $0.name == "mark" && $0.text.contains(ReportFixture.seedGuidance) })
        #expect(commitment.contains { $0.name == "a" && $0.attributes["href"]?.hasPrefix("../" + parts[0]) == true })
    }

    @Test("A filter in the address hides the other House's commitments")
    func filterFromAddress() async throws {
        let fixture = try await ReportFixture.get()
        var components = URLComponents(url: fixture.url("index.html"), resolvingAgainstBaseURL: false)!
        components.query = "house=commons"
        let page = try Chromium.load(components.url!)
        #expect(page.console.isEmpty, "console: \(page.console)")
        let elements = try DOM.elements(of: page.dom)
        let items = elements.filter { $0.name == "li" && $0.hasClass("commitment") }
        let commons = items.filter { $0.attributes["data-house"] == "commons" }
        let lords = items.filter { $0.attributes["data-house"] == "lords" }
        #expect(!commons.isEmpty && !lords.isEmpty)
        #expect(commons.allSatisfy { $0.attributes["hidden"] == nil })
        #expect(lords.allSatisfy { $0.attributes["hidden"] != nil })
        // The figures at the top count only what is shown.
        let outstanding = try #require(elements.first { $0.name == "b" && $0.hasClass("stat-outstanding") })
        #expect(outstanding.text == String(commons.count))
        let debates = try #require(elements.first { $0.name == "b" && $0.hasClass("stat-debates") })
        let commonsDebates = fixture.data.snapshot.debates.filter { $0.house == .commons }.count
        #expect(debates.text == String(commonsDebates))
    }

    @Test("The search box and the department, minister and status filters, set from the address, show only what fits")
    func searchAndFilters() async throws {
        let fixture = try await ReportFixture.get()
        let attributes = [
            "id", "class", "href", "hidden", "value", "data-house", "data-department", "data-minister",
            "data-status", "data-overdue",
        ]
        func open(_ query: String) throws -> [DOMElement] {
            var components = URLComponents(url: fixture.url("index.html"), resolvingAgainstBaseURL: false)!
            components.percentEncodedQuery = query
            let page = try Chromium.load(components.url!)
            #expect(page.console.isEmpty, "\(query) console: \(page.console)")
            return try DOM.elements(of: page.dom, attributes: attributes)
        }
        func visible(_ elements: [DOMElement]) -> [DOMElement] {
            elements.filter { $0.name == "li" && $0.hasClass("commitment") && $0.attributes["hidden"] == nil }
        }
        let outstanding = fixture.data.counted.filter { $0.status.isOpen }

        // Words typed in the box: the seed's "revised guidance on … non-corporate communication channels" (line 25).
        let searched = try open("q=non-corporate%20channels")
        let box = try #require(searched.first { $0.attributes["id"] == "filter-text" })
        #expect(box.name == "input")
        let found = visible(searched)
        let expected = outstanding.filter {
            ($0.commitment.quote + " " + $0.commitment.promise).lowercased().contains("non-corporate")
        }
        #expect(found.count == expected.count && !found.isEmpty)
        #expect(found.allSatisfy { $0.text.contains("non-corporate communication channels") })
        let shown = try #require(searched.first { $0.attributes["id"] == "filter-shown" })
        #expect(shown.text == "Showing \(found.count) of \(outstanding.count) outstanding commitments")

        // A minister: the Secretary of State for Justice on 28 March 2023.
        let raab = outstanding.filter { $0.commitment.speakerName == "Dominic Raab" }
        #expect(!raab.isEmpty)
        let byMinister = visible(try open("minister=Dominic%20Raab"))
        #expect(byMinister.count == raab.count)
        #expect(byMinister.allSatisfy { $0.attributes["data-minister"] == "Dominic Raab" })

        // A department, and only the overdue.
        let departments = Set(outstanding.compactMap(\.commitment.department))
        let department = try #require(departments.sorted().first)
        let byDepartment = visible(
            try open("department=" + department.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!))
        #expect(byDepartment.count == outstanding.filter { $0.commitment.department == department }.count)
        let overdue = visible(try open("status=overdue"))
        #expect(overdue.count == outstanding.filter(\.isOverdue).count)
        #expect(overdue.allSatisfy { $0.hasClass("overdue") && $0.attributes["data-overdue"] == "yes" })

        // Filters combine: Lords and "non-corporate" is the seed's; Commons and "non-corporate" is nothing.
        #expect(visible(try open("q=non-corporate&house=lords")).count == found.count)
        #expect(visible(try open("q=non-corporate&house=commons")).isEmpty)
    }

    @Test("Speeches carrying <script> and an onerror image show as text and run nothing")
    func hostileTextRunsNothing() async throws {
        let fixture = try await ReportFixture.get()
        for relative in [
            "index.html", "debates/\(fixture.hostileDebateId).html", "commitments/\(fixture.hostileCommitmentId).html",
        ] {
            let page = try Chromium.load(fixture.url(relative))
            // An executed payload would log "xss-img" or "xss-script".
            #expect(page.console.isEmpty, "\(relative) console: \(page.console)")
            let elements = try DOM.elements(of: page.dom)
            #expect(!elements.contains { $0.name == "img" }, "\(relative) has an img element")
            // The only scripts are the report's own (the index's filter script).
            #expect(elements.filter { $0.name == "script" }.count == (relative == "index.html" ? 1 : 0))
            #expect(
                elements.contains {
                    $0.name != "html" && $0.name != "body" && $0.text.contains(ReportFixture.imagePayload)
                },
                "\(relative) does not show the payload as text")
        }
        let debate = try DOM.elements(of: try Chromium.load(fixture.url("debates/\(fixture.hostileDebateId).html")).dom)
        #expect(debate.first { $0.name == "h1" }?.text == "WhatsApp \(ReportFixture.scriptPayload) Communications")
    }
}
