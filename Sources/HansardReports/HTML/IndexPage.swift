import Foundation
import HansardAnalysis
import HansardIngestion
import HansardRegister

/// `index.html`: counts, filters, the timeline, outstanding commitments by department and minister,
/// resolved ones, and every debate.
struct IndexPage {
    let data: ReportData
    /// Markup placed first in the page's main part (`hansard serve`'s link to its search), already escaped.
    var extra: String? = nil
    /// The most commitments the page lists itself.
    ///
    /// Beyond it, the page gives each department's figures and links
    /// to the department's own page under `lists/` (``listPages()``): listing 100,000 commitments made an index of
    /// 148 MB, more than a browser opens.
    var listLimit = Int.max
    /// The way from the page being made to the report's folder: "" for `index.html`, "../" under `lists/`.
    var root = ""

    /// The overdue commitments a summary index lists, longest overdue first.
    static let summaryOverdueRows = 100

    static let noDepartment = "Department not named"
    static let noMinister = SpeakerReference.unnamedMinister

    /// Whether the register has more commitments than the index lists itself.
    var summarises: Bool { data.counted.count > listLimit }

    /// The register's figures, counted from the report's list.
    var figures: RegisterFigures {
        RegisterFigures(
            asOf: data.asOf, debates: data.snapshot.debates.count, listings: data.listings,
            overdueLimit: Self.summaryOverdueRows)
    }

    func render() -> String {
        if summarises { return summary() }
        let listings = data.counted
        let outstanding = listings.filter { $0.status.isOpen }
        let overdue = outstanding.filter(\.isOverdue)
        let resolved = listings.filter { !$0.status.isOpen }
        let dismissed = data.listings.filter { !$0.status.counts }
        let debates = data.snapshot.debates.sorted {
            ($0.date ?? .distantPast, $0.title, $0.id) < ($1.date ?? .distantPast, $1.title, $1.id)
        }
        var body = "<header class=\"top\"><div class=\"wrap\">\n"
        body += "<p class=\"crumbs\">Hansard · register of government commitments</p>\n"
        body += "<h1>Government commitments</h1>\n"
        body +=
            "<p class=\"lede\">What ministers undertook in \(HTML.count(debates.count, "debate")) of the register, "
            + "and whether it has been done, as of <strong>\(HTML.escape(HTML.longDate(data.asOf)))</strong>.</p>\n"
        body += "<ul class=\"stats\">"
        body +=
            "<li><b class=\"stat-outstanding\" data-stat=\".commitment\">\(outstanding.count)</b><span>outstanding</span></li>"
        body += "<li class=\"late\"><b data-stat=\".overdue-row\">\(overdue.count)</b><span>overdue</span></li>"
        body += "<li><b data-stat=\".resolved-row\">\(resolved.count)</b><span>resolved</span></li>"
        body +=
            "<li><b class=\"stat-debates\" data-stat=\".debate-row\">\(debates.count)</b><span>debates</span></li></ul>\n"
        body += filters(outstanding, all: listings)
        body += "</div></header>\n<main class=\"wrap\">\n"
        body += extra ?? ""
        body += Self.timeline(figures.months)
        body += Self.overdueTable(RegisterFigures.oldestDueFirst(overdue), root: root)
        body += "<h2 id=\"outstanding\">Outstanding commitments by department</h2>\n"
        body +=
            "<p class=\"muted\">Overdue ones first within each minister, then by due date; commitments with no "
            + "date given (\u{201C}in due course\u{201D}) follow, oldest first. Ages count from the debate.</p>\n"
        if outstanding.isEmpty { body += "<p>No outstanding commitments.</p>\n" }
        for (department, items) in groupedByDepartment(outstanding) {
            body += departmentGroup(department, items)
        }
        body += "<h2 id=\"resolved\">Resolved commitments</h2>\n"
        body += resolvedList(resolved)
        body += dismissedList(dismissed)
        body += "<h2 id=\"debates\">Debates</h2>\n"
        body += debateTable(debates)
        body +=
            "<footer>Made by <code>hansard report</code> from the register; ages and overdue marks are reckoned "
            + "as of \(data.asOf.description). Debate text is Parliamentary Copyright, reproduced under the Open "
            + "Parliament Licence v3.0.</footer>\n</main>\n"
        return HTML.page(title: "Government commitments — hansard report", body: body, script: ReportStyle.filterScript)
    }

    /// The search box and the filters: House, session, department, minister and status.
    ///
    /// Without script they stay hidden and everything shows.
    private func filters(_ outstanding: [CommitmentListing], all listings: [CommitmentListing]) -> String {
        let houses = Set(data.snapshot.debates.compactMap { $0.house?.rawValue }).sorted()
        let sessions = Set(data.snapshot.debates.compactMap { sessionLabel(of: $0.date) }).sorted(by: >)
        let departments = Set(listings.map { $0.commitment.department ?? Self.noDepartment }).sorted()
        let ministers = Set(listings.map { $0.person.displayName }).sorted()
        let statuses = Set(listings.filter { !$0.status.isOpen }.map(\.status)).sorted { $0.rawValue < $1.rawValue }
        func select(_ id: String, _ label: String, _ all: String, _ options: [(value: String, text: String)]) -> String
        {
            var output = "<label>\(label)<select id=\"filter-\(id)\"><option value=\"\">\(all)</option>"
            for option in options {
                output += "<option value=\"\(HTML.escape(option.value))\">\(HTML.escape(option.text))</option>"
            }
            return output + "</select></label>\n"
        }
        var output =
            "<form class=\"filters no-print\" id=\"filters\" hidden role=\"search\" aria-label=\"Filter the report\">\n"
        output +=
            "<label class=\"search\">Search<input type=\"search\" id=\"filter-text\" "
            + "placeholder=\"Words of the commitment, minister, department or debate\" autocomplete=\"off\"></label>\n"
        output += select("house", "House", "Both Houses", houses.map { ($0, HTML.houseName($0)) })
        output += select("session", "Session", "All sessions", sessions.map { ($0, $0) })
        output += select("department", "Department", "All departments", departments.map { ($0, $0) })
        output += select("minister", "Minister", "All ministers", ministers.map { ($0, $0) })
        output += select(
            "status", "Status", "Any status",
            [("outstanding", "outstanding"), ("overdue", "overdue")]
                + statuses.map { ($0.rawValue, HTML.statusName($0.rawValue)) })
        output +=
            "<output id=\"filter-shown\" aria-live=\"polite\">Showing \(outstanding.count) of "
            + "\(outstanding.count) outstanding commitments</output>\n</form>\n"
        return output
    }

    /// The attributes the filters read: where and when it was made, the department, the minister, the status,
    /// and words to search beyond the item's own text.
    static func filterAttributes(_ item: CommitmentListing) -> String {
        let c = item.commitment
        let search =
            ([c.department, c.office, item.citation.title, c.heading, c.promise, c.quote] + item.person.aliases)
            .compactMap { $0 }.joined(separator: " ").lowercased()
        return "data-house=\"\(HTML.escape(c.house?.rawValue ?? ""))\" "
            + "data-session=\"\(HTML.escape(sessionLabel(of: c.debateDate) ?? ""))\" "
            + "data-department=\"\(HTML.escape(c.department ?? noDepartment))\" "
            + "data-minister=\"\(HTML.escape(item.person.displayName))\" "
            + "data-status=\"\(HTML.escape(item.status.rawValue))\" data-overdue=\"\(item.isOverdue ? "yes" : "no")\" "
            + "data-search=\"\(HTML.escape(search))\""
    }

    /// The overdue commitments at a glance, in the order given; each row leads to the commitment's page, under
    /// `root`.
    static func overdueTable(_ overdue: [CommitmentListing], root: String) -> String {
        guard !overdue.isEmpty else { return "" }
        var output =
            "<h2 id=\"overdue\">Overdue</h2>\n<div class=\"table\"><table><thead><tr><th class=\"fit\">Late by</th>"
            + "<th>Commitment</th><th class=\"hide-narrow\">Minister</th><th class=\"hide-narrow\">Due</th>"
            + "</tr></thead><tbody>\n"
        for item in overdue {
            let c = item.commitment
            output +=
                "<tr class=\"overdue-row\" \(Self.filterAttributes(item))>"
                + "<td class=\"fit\"><span class=\"badge late\">"
                + "\(HTML.escape(item.overdueBy ?? HTML.duration(days: item.overdueDays ?? 0)))</span></td>"
                + "<td><a href=\"\(root)commitments/\(HTML.fileName(c.id)).html\">\(HTML.escape(c.promise))</a>"
                + "<br><span class=\"muted\">\(HTML.escape(Self.shortened(c.quote)))</span></td>"
                + "<td class=\"hide-narrow\">\(HTML.escape(item.person.displayName))"
                + "\(c.department.map { "<br><span class=\"muted\">" + HTML.escape($0) + "</span>" } ?? "")</td>"
                + "<td class=\"hide-narrow nowrap\">\(c.dueBy?.description ?? "")</td></tr>\n"
        }
        return output + "</tbody></table></div>\n"
    }

    /// At most about 160 characters, cut at a word.
    static func shortened(_ text: String) -> String {
        guard text.count > 160 else { return text }
        let cut = text.prefix(160)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + "…"
    }

    static func timeline(_ months: [RegisterFigures.Month]) -> String {
        let chart = Timeline(months: months)
        return "<figure id=\"timeline\"><figcaption>Commitments per month: "
            + "<span class=\"nowrap\"><span class=\"key\" style=\"background:\(Timeline.madeColour)\"></span>made</span> "
            + "<span class=\"nowrap\"><span class=\"key\" style=\"background:\(Timeline.resolvedColour)\"></span>"
            + "resolved</span>. "
            + "Whole register, whatever the filters. Only months with a commitment made or resolved are drawn; a dashed "
            + "line marks skipped months.</figcaption>"
            + "<div class=\"chart\">\(chart.svg())</div></figure>\n"
    }

    /// Departments with most outstanding first; commitments with no department last.
    private func groupedByDepartment(_ items: [CommitmentListing]) -> [(String, [CommitmentListing])] {
        let groups = Dictionary(grouping: items) { $0.commitment.department ?? Self.noDepartment }
        return groups.sorted { a, b in
            Self.listedBefore((a.key, a.value.count), (b.key, b.value.count))
        }.map { ($0.key, $0.value) }
    }

    /// The order departments are listed in: most commitments first, then by name, ``noDepartment`` last.
    static func listedBefore(_ a: (name: String, count: Int), _ b: (name: String, count: Int)) -> Bool {
        let (aNone, bNone) = (a.name == noDepartment, b.name == noDepartment)
        if aNone != bNone { return bNone }
        if a.count != b.count { return a.count > b.count }
        return a.name < b.name
    }

    private func countText(_ items: [CommitmentListing]) -> String {
        "\(items.count) outstanding, \(items.filter(\.isOverdue).count) overdue"
    }

    private func departmentGroup(_ department: String, _ items: [CommitmentListing]) -> String {
        var output =
            "<section class=\"group\" data-group id=\"\(Self.anchor(forDepartment: department))\">\n<h3>\(HTML.escape(department)) "
            + "<span class=\"counts\" data-count>\(countText(items))</span></h3>\n"
        for ordered in byMinister(items) {
            output +=
                "<div data-group><h4>\(HTML.escape(ordered[0].person.displayName)) <span class=\"counts\" data-count>"
                + "\(countText(ordered))</span></h4>\n<ol class=\"items\">\n"
            for item in ordered { output += commitmentItem(item) }
            output += "</ol></div>\n"
        }
        return output + "</section>\n"
    }

    /// Outstanding commitments in the order a department lists them: one group per person, however many ways the
    /// pages name them, ministers no page names last; overdue first within each, then by due date.
    func byMinister(_ items: [CommitmentListing]) -> [[CommitmentListing]] {
        Dictionary(grouping: items) { $0.person.id }
            .sorted { a, b in
                let (aName, bName) = (a.value[0].person.name, b.value[0].person.name)
                if (aName == nil) != (bName == nil) { return bName == nil }
                return (aName ?? "", a.key) < (bName ?? "", b.key)
            }
            .map { _, own in
                own.sorted { a, b in
                    if a.isOverdue != b.isOverdue { return a.isOverdue }
                    return (
                        a.commitment.dueBy ?? .distantFuture, a.commitment.debateDate ?? .distantPast, a.commitment.id
                    ) < (b.commitment.dueBy ?? .distantFuture, b.commitment.debateDate ?? .distantPast, b.commitment.id)
                }
            }
    }

    func commitmentItem(_ item: CommitmentListing) -> String {
        Self.commitmentItem(item, debate: data.debatesById[item.commitment.debateId], root: root)
    }

    /// A commitment as lists show it, linking to its page and to `debate`'s (when the register has it) under `root`.
    static func commitmentItem(_ item: CommitmentListing, debate: DebateRecord?, root: String) -> String {
        let c = item.commitment
        var output =
            "<li class=\"commitment\(item.isOverdue ? " overdue" : "")\" id=\"\(HTML.escape(c.id))\" "
            + "\(Self.filterAttributes(item))>\n"
        output +=
            "<p class=\"promise\"><a href=\"\(root)commitments/\(HTML.fileName(c.id)).html\">"
            + "\(HTML.escape(c.promise))</a></p>\n"
        output += "<p class=\"quote\">\u{201C}\(HTML.escape(c.quote))\u{201D}</p>\n<p class=\"facts\">"
        output += Self.dueBadge(item)
        if let age = item.age ?? item.ageDays.map({ HTML.duration(days: $0) }) {
            output += "<span>made \(HTML.escape(age)) ago</span>"
        }
        if let debate {
            output +=
                "<span><a href=\"\(root)debates/\(HTML.fileName(debate.id)).html#turn-\(c.turn)\">"
                + "\(HTML.escape(item.citation.title))</a>, \(HTML.escape(item.citation.text))</span>"
        }
        if let link = item.citation.link.flatMap({ HTML.webLink($0) }) {
            output += "<span><a class=\"source\" href=\"\(HTML.escape(link))\">read it in Hansard</a></span>"
        }
        if let house = c.house {
            output += "<span class=\"badge \(house.rawValue)\">\(house == .commons ? "Commons" : "Lords")</span>"
        }
        output += "</p>\n</li>\n"
        return output
    }

    /// The fragment id of a department's section: "dept-" and the name's letters and digits, lower-cased.
    static func anchor(forDepartment name: String) -> String {
        var slug = ""
        for character in name.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                slug.append(character)
            } else if !slug.hasSuffix("-") {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return "dept-" + slug
    }

    /// The badge saying how the commitment stands against its due date.
    static func dueBadge(_ item: CommitmentListing) -> String {
        let c = item.commitment
        if !item.status.isOpen {
            return "<span class=\"badge done\">\(HTML.escape(HTML.statusName(item.status.rawValue)))"
                + "\(c.statusDate.map { " " + $0.description } ?? "")</span>"
        }
        if let late = item.overdueDays {
            return
                "<span class=\"badge late\">overdue by \(HTML.escape(item.overdueBy ?? HTML.duration(days: late)))</span>"
                + "<span>due \(HTML.escape(HTML.longDate(c.dueBy)))</span>"
        }
        if let due = c.dueBy { return "<span class=\"badge due\">due \(HTML.escape(HTML.longDate(due)))</span>" }
        if let phrase = c.timingPhrase { return "<span class=\"badge\">\u{201C}\(HTML.escape(phrase))\u{201D}</span>" }
        return "<span class=\"badge\">no date given</span>"
    }

    private func resolvedList(_ resolved: [CommitmentListing]) -> String {
        guard !resolved.isEmpty else {
            return "<p class=\"muted\">None yet: record one with <code>hansard register resolve</code>.</p>\n"
        }
        var output =
            "<div class=\"table\"><table><thead><tr><th>Status</th><th>Commitment</th>"
            + "<th class=\"hide-narrow\">Minister</th></tr></thead><tbody>\n"
        for item in Self.latestFirst(resolved) {
            let c = item.commitment
            output +=
                "<tr class=\"resolved-row\" \(Self.filterAttributes(item))><td>\(Self.dueBadge(item))</td>"
                + "<td><a href=\"\(root)commitments/\(HTML.fileName(c.id)).html\">\(HTML.escape(c.promise))</a>"
                + "<br><span class=\"muted\">\(HTML.escape(Self.shortened(c.quote)))</span></td>"
                + "<td class=\"hide-narrow\">\(HTML.escape(item.person.displayName))</td></tr>\n"
        }
        return output + "</tbody></table></div>\n"
    }

    /// Resolved commitments, the latest resolved first.
    static func latestFirst(_ resolved: [CommitmentListing]) -> [CommitmentListing] {
        resolved.sorted {
            ($0.commitment.statusDate ?? .distantPast, $0.commitment.id)
                > ($1.commitment.statusDate ?? .distantPast, $1.commitment.id)
        }
    }

    /// What readers said were not commitments: out of every figure above, listed so that they can be checked.
    private func dismissedList(_ dismissed: [CommitmentListing]) -> String {
        guard !dismissed.isEmpty else { return "" }
        var output =
            "<details class=\"card\" id=\"dismissed\"><summary><strong>Dismissed</strong> "
            + "<span class=\"muted\">(\(HTML.count(dismissed.count, "passage")) readers said are not commitments; "
            + "left out of every figure)</span></summary>\n<ul>\n"
        for item in dismissed.sorted(by: { $0.commitment.id < $1.commitment.id }) {
            let c = item.commitment
            let reason = data.eventsByCommitment[c.id]?.last(where: { $0.status == .dismissed })?.reason
            output +=
                "<li><a href=\"\(root)commitments/\(HTML.fileName(c.id)).html\">\u{201C}\(HTML.escape(Self.shortened(c.quote)))"
                + "\u{201D}</a>" + (reason.map { " — " + HTML.escape($0) } ?? "") + "</li>\n"
        }
        return output + "</ul></details>\n"
    }

    private func debateTable(_ debates: [DebateRecord]) -> String {
        let byDebate = Dictionary(grouping: data.counted, by: \.commitment.debateId)
        var output =
            "<div class=\"table\"><table><thead><tr><th>Date</th><th>Debate</th>"
            + "<th class=\"hide-narrow\">House</th><th class=\"num\">Commitments</th><th class=\"num\">Outstanding</th>"
            + "</tr></thead><tbody>\n"
        for debate in debates {
            let items = byDebate[debate.id] ?? []
            output +=
                "<tr class=\"debate-row\" data-house=\"\(HTML.escape(debate.house?.rawValue ?? ""))\" "
                + "data-session=\"\(HTML.escape(sessionLabel(of: debate.date) ?? ""))\">"
                + "<td>\(debate.date?.description ?? "undated")</td>"
                + "<td><a href=\"\(root)debates/\(HTML.fileName(debate.id)).html\">\(HTML.escape(debate.title))</a></td>"
                + "<td class=\"hide-narrow\">\(HTML.escape(HTML.houseName(debate.house?.rawValue)))</td>"
                + "<td class=\"num\">\(items.count)</td><td class=\"num\">\(items.filter { $0.status.isOpen }.count)</td></tr>\n"
        }
        return output + "</tbody></table></div>\n"
    }
}

/// The index of a register too large to list on one page, and the pages it links to.
extension IndexPage {
    /// The pages under `lists/` that a summary index links to.
    ///
    /// One per department (its outstanding commitments by minister, with the filters; its resolved and dismissed
    /// ones), more where a department has more than ``listLimit``, and `lists/debates.html`. None when the index
    /// lists everything itself.
    func listPages() -> [(path: String, contents: String)] {
        guard summarises else { return [] }
        var page = self
        page.root = "../"
        var pages: [(path: String, contents: String)] = []
        let byDepartment = Dictionary(grouping: data.listings) { $0.commitment.department ?? Self.noDepartment }
        for (department, file) in Self.departmentFiles(figures.departments) {
            let items = byDepartment[department] ?? []
            let counted = items.filter { $0.status.counts }
            // Outstanding in the list's order, then resolved: each page takes the next `listLimit` of them, so
            // that no page is larger than an index that lists everything.
            let sequence =
                byMinister(counted.filter { $0.status.isOpen }).flatMap { $0 }
                + Self.latestFirst(counted.filter { !$0.status.isOpen })
            let chunks = stride(from: 0, to: max(sequence.count, 1), by: max(listLimit, 1)).map {
                Array(sequence[$0..<min($0 + max(listLimit, 1), sequence.count)])
            }
            let names = chunks.indices.map { Self.pageName(file, $0) }
            for (number, chunk) in chunks.enumerated() {
                pages.append(
                    (
                        "lists/\(names[number])",
                        page.departmentPage(
                            department, counted: counted, shown: chunk, pages: names, number: number,
                            dismissed: number == chunks.count - 1 ? items.filter { !$0.status.counts } : [])
                    ))
            }
        }
        pages.append(("lists/debates.html", page.debatesPage()))
        return pages
    }

    /// How many pages ``listPages()`` makes, without making them.
    var listPageCount: Int {
        guard summarises else { return 0 }
        let byDepartment = Dictionary(grouping: data.listings) { $0.commitment.department ?? Self.noDepartment }
        let step = max(listLimit, 1)
        return 1
            + byDepartment.values.reduce(0) { total, items in
                total + max(1, (items.filter { $0.status.counts }.count + step - 1) / step)
            }
    }

    /// The file of a department's page `number` (from 0): `dept-x.html`, then `dept-x-p2.html`, ….
    private static func pageName(_ file: String, _ number: Int) -> String {
        number == 0 ? file + ".html" : file + "-p\(number + 1).html"
    }

    /// Departments in the summary's order: most commitments first (dismissed ones too), none named last.
    static func byTotal(_ departments: [RegisterFigures.Department]) -> [RegisterFigures.Department] {
        departments.sorted { a, b in
            listedBefore((a.name ?? noDepartment, a.total), (b.name ?? noDepartment, b.total))
        }
    }

    /// Each department's page file name, in the summary's order: its anchor, made unique.
    static func departmentFiles(_ departments: [RegisterFigures.Department]) -> [(department: String, file: String)] {
        var taken: Set<String> = []
        return byTotal(departments).map { $0.name ?? noDepartment }.map { department in
            let base = Self.anchor(forDepartment: department)
            var name = base
            var number = 1
            while !taken.insert(name).inserted {
                number += 1
                name = "\(base)-\(number)"
            }
            return (department, name)
        }
    }

    private var sortedDebates: [DebateRecord] {
        data.snapshot.debates.sorted {
            ($0.date ?? .distantPast, $0.title, $0.id) < ($1.date ?? .distantPast, $1.title, $1.id)
        }
    }

    /// The figures at the head of a summary or department page.
    ///
    /// Unlike the full index's, the filter script does not count them again from the items shown: a page lists only
    /// part of what they count.
    static func stats(outstanding: Int, overdue: Int, resolved: Int, debates: Int?) -> String {
        var output = "<ul class=\"stats\">"
        output += "<li><b class=\"stat-outstanding\">\(outstanding)</b><span>outstanding</span></li>"
        output += "<li class=\"late\"><b>\(overdue)</b><span>overdue</span></li>"
        output += "<li><b>\(resolved)</b><span>resolved</span></li>"
        if let debates {
            output += "<li><b class=\"stat-debates\">\(debates)</b><span>debates</span></li>"
        }
        return output + "</ul>\n"
    }

    static func footer(_ asOf: SittingDate) -> String {
        "<footer>Made by <code>hansard report</code> from the register; ages and overdue marks are reckoned "
            + "as of \(asOf.description). Debate text is Parliamentary Copyright, reproduced under the Open "
            + "Parliament Licence v3.0.</footer>\n</main>\n"
    }

    /// `index.html` of a large register: its figures, with each department's linked to its page under `lists/`.
    func summary() -> String {
        let figures = self.figures
        let files = Dictionary(Self.departmentFiles(figures.departments), uniquingKeysWith: { first, _ in first })
        return Self.summary(figures, extra: extra, debatesLink: "lists/debates.html") {
            files[$0 ?? Self.noDepartment].map { "lists/" + Self.pageName($0, 0) }
        }
    }

    /// `index.html` of a large register, from its figures alone.
    ///
    /// The totals, the timeline, the longest overdue, and each department's figures, linked to
    /// `departmentLink(name)` where it gives an address (nil for the commitments with no department named), and the
    /// list of debates at `debatesLink`. It has no filters: each department's page has them, over
    /// its own list.
    static func summary(
        _ figures: RegisterFigures, extra: String?, debatesLink: String?, departmentLink: (String?) -> String?
    ) -> String {
        var body = "<header class=\"top\"><div class=\"wrap\">\n"
        body += "<p class=\"crumbs\">Hansard · register of government commitments</p>\n"
        body += "<h1>Government commitments</h1>\n"
        body +=
            "<p class=\"lede\">What ministers undertook in \(HTML.count(figures.debates, "debate")) of the register, "
            + "and whether it has been done, as of <strong>\(HTML.escape(HTML.longDate(figures.asOf)))</strong>.</p>\n"
        body += stats(
            outstanding: figures.outstanding, overdue: figures.overdue, resolved: figures.resolved,
            debates: figures.debates)
        body += "</div></header>\n<main class=\"wrap\">\n"
        body += extra ?? ""
        body +=
            "<p class=\"muted\">The register holds \(HTML.count(figures.counted, "commitment")), more than one page "
            + "lists well, so each department\u{2019}s are on a page of their own, with the search box and filters.</p>\n"
        body += timeline(figures.months)
        if figures.overdue > 0 {
            let longest = figures.longestOverdue
            body += overdueTable(longest, root: "")
            if figures.overdue > longest.count {
                body +=
                    "<p class=\"muted\">The \(longest.count) longest overdue of \(figures.overdue); each department\u{2019}s "
                    + "page lists all of its own, overdue first.</p>\n"
            }
        }
        body += "<h2 id=\"outstanding\">Commitments by department</h2>\n"
        body +=
            "<div class=\"table\"><table><thead><tr><th>Department</th><th class=\"num\">Outstanding</th>"
            + "<th class=\"num\">Overdue</th><th class=\"num\">Resolved</th></tr></thead><tbody>\n"
        for department in byTotal(figures.departments) {
            let name = department.name ?? noDepartment
            let title = departmentLink(department.name).map {
                "<a href=\"\(HTML.escape($0))\">\(HTML.escape(name))</a>"
            }
            body +=
                "<tr id=\"\(anchor(forDepartment: name))\"><td>\(title ?? HTML.escape(name))</td>"
                + "<td class=\"num\">\(department.outstanding)</td><td class=\"num\">\(department.overdue)</td>"
                + "<td class=\"num\">\(department.resolved)</td></tr>\n"
        }
        body += "</tbody></table></div>\n"
        if figures.dismissed > 0 {
            body +=
                "<p class=\"muted\">\(HTML.count(figures.dismissed, "passage")) readers said are not commitments are "
                + "left out of every figure and listed on their department\u{2019}s page.</p>\n"
        }
        body += "<h2 id=\"debates\">Debates</h2>\n"
        if let debates = debatesLink {
            body +=
                "<p><a href=\"\(HTML.escape(debates))\">All \(HTML.count(figures.debates, "debate"))</a>, "
                + "oldest first.</p>\n"
        } else {
            body += "<p>\(HTML.count(figures.debates, "debate")).</p>\n"
        }
        body += footer(figures.asOf)
        return HTML.page(title: "Government commitments — hansard report", body: body)
    }

    /// `lists/<department>.html` and its further pages: the department's outstanding commitments by minister, with
    /// the filters, then its resolved ones, `shown` of them on this page; the dismissed on the last.
    private func departmentPage(
        _ department: String, counted: [CommitmentListing], shown: [CommitmentListing], pages: [String], number: Int,
        dismissed: [CommitmentListing]
    ) -> String {
        let outstanding = shown.filter { $0.status.isOpen }
        let resolved = shown.filter { !$0.status.isOpen }
        let allOutstanding = counted.filter { $0.status.isOpen }
        var body = "<header class=\"top\"><div class=\"wrap\">\n"
        body +=
            "<p class=\"crumbs\"><a href=\"../index.html\">All commitments</a> › \(HTML.escape(department))</p>\n"
        body += "<h1>\(HTML.escape(department))</h1>\n"
        body +=
            "<p class=\"lede\">The department\u{2019}s commitments in the register, and whether each has been done, as "
            + "of <strong>\(HTML.escape(HTML.longDate(data.asOf)))</strong>.</p>\n"
        body += Self.stats(
            outstanding: allOutstanding.count, overdue: allOutstanding.filter(\.isOverdue).count,
            resolved: counted.count - allOutstanding.count, debates: nil)
        body += filters(outstanding, all: shown)
        body += "</div></header>\n<main class=\"wrap\">\n"
        let navigation = pages.count > 1 ? pageLinks(pages, number) : ""
        body += navigation
        if !outstanding.isEmpty || number == 0 {
            body += "<h2 id=\"outstanding\">Outstanding commitments</h2>\n"
            body +=
                "<p class=\"muted\">Overdue ones first within each minister, then by due date; commitments with no "
                + "date given (\u{201C}in due course\u{201D}) follow, oldest first. Ages count from the debate.</p>\n"
            body +=
                outstanding.isEmpty ? "<p>No outstanding commitments.</p>\n" : departmentGroup(department, outstanding)
        }
        if !resolved.isEmpty || number == pages.count - 1 {
            body += "<h2 id=\"resolved\">Resolved commitments</h2>\n"
            body += resolvedList(resolved)
        }
        body += dismissedList(dismissed)
        body += navigation
        body += Self.footer(data.asOf)
        return HTML.page(
            title: "\(department) — government commitments — hansard report", body: body,
            script: ReportStyle.filterScript)
    }

    /// "Page 2 of 5" with a link to every page of a department.
    private func pageLinks(_ pages: [String], _ number: Int) -> String {
        var output = "<nav class=\"pages no-print\" aria-label=\"Pages\"><p>Page \(number + 1) of \(pages.count):"
        for (index, name) in pages.enumerated() {
            output +=
                index == number
                ? " <strong aria-current=\"page\">\(index + 1)</strong>"
                : " <a href=\"\(HTML.escape(name))\">\(index + 1)</a>"
        }
        return output + "</p></nav>\n"
    }

    /// `lists/debates.html`: every debate in the register, oldest first.
    private func debatesPage() -> String {
        var body = "<header class=\"top\"><div class=\"wrap\">\n"
        body += "<p class=\"crumbs\"><a href=\"../index.html\">All commitments</a> › Debates</p>\n"
        body += "<h1>Debates</h1>\n"
        body += "<p class=\"lede\">\(HTML.count(data.snapshot.debates.count, "debate")) in the register.</p>\n"
        body += "</div></header>\n<main class=\"wrap\">\n"
        body += debateTable(sortedDebates)
        body += Self.footer(data.asOf)
        return HTML.page(title: "Debates — government commitments — hansard report", body: body)
    }
}
