import Foundation
public import HansardRegister
public import HansardIngestion

/// What a list of commitments was asked for: the words searched and the filters, as `hansard commitments` and
/// `hansard search` take them.
public struct CommitmentFilter: Sendable, Hashable {
    /// Words to find (the register's full-text search); nil or blank for none.
    public var text: String?
    /// Which commitments by status.
    public var scope: CommitmentQuery.Scope
    /// Part of any name of the department (or one of its names, as `--department` takes it).
    public var department: String?
    /// Part of any name a page gives the minister.
    public var minister: String?

    /// A filter; everything left out lets everything through but `scope`.
    public init(
        text: String? = nil, scope: CommitmentQuery.Scope = .standing, department: String? = nil,
        minister: String? = nil
    ) {
        self.text = text
        self.scope = scope
        self.department = department
        self.minister = minister
    }

    /// The register query: every government's commitments, as of `asOf`.
    public func query(asOf: SittingDate?) -> CommitmentQuery {
        func given(_ value: String?) -> String? {
            guard let value, !value.allSatisfy(\.isWhitespace) else { return nil }
            return value
        }
        return CommitmentQuery(
            scope: scope, asOf: asOf, minister: given(minister), department: given(department), governments: .all,
            text: given(text))
    }
}

/// `search`: the commitments a search and filters found, with the form that asks for them (a GET form: reading
/// changes nothing, so the address can be bookmarked and shared).
struct ListPage {
    let asOf: SittingDate
    let filter: CommitmentFilter
    let listings: [CommitmentListing]
    /// The listed commitments' debates, by id.
    let debates: [String: DebateRecord]
    /// Suggestions for the form's department and minister fields.
    let departments: [String]
    let ministers: [String]
    /// Whether the search found more than `listings`.
    let more: Bool

    static let scopeNames: [(CommitmentQuery.Scope, String)] = [
        (.standing, "any status but dismissed"), (.outstanding, "outstanding"), (.overdue, "overdue"),
        (.resolved, "resolved"), (.dismissed, "dismissed"), (.all, "every commitment"),
    ]

    func render() -> String {
        var body = "<header class=\"top\"><div class=\"wrap\">\n"
        body += "<p class=\"crumbs\"><a href=\"index.html\">All commitments</a> › Search</p>\n"
        body += "<h1>Search the register</h1>\n"
        body += form()
        body += "</div></header>\n<main class=\"wrap\">\n"
        let found =
            more
            ? "The first \(listings.count) commitments found" : HTML.count(listings.count, "commitment") + " found"
        body +=
            "<h2 id=\"found\">\(HTML.escape(found))</h2>\n"
            + "<p class=\"muted\">Every government\u{2019}s commitments, as of "
            + "\(HTML.escape(HTML.longDate(asOf)))"
            + (filter.text.map { $0.allSatisfy(\.isWhitespace) } == false ? "; best matches first" : "")
            + (more ? "; more match: add words or filters to narrow the search" : "") + ".</p>\n"
        if listings.isEmpty {
            body += "<p>No commitment matches.</p>\n"
        } else {
            body += "<ol class=\"items\" id=\"results\">\n"
            for item in listings {
                body += IndexPage.commitmentItem(item, debate: debates[item.commitment.debateId], root: "")
            }
            body += "</ol>\n"
        }
        body += "<footer>Served by <code>hansard serve</code> from the register.</footer>\n</main>\n"
        return HTML.page(title: "Search — hansard", body: body)
    }

    private func form() -> String {
        var output =
            "<form class=\"filters\" id=\"search\" method=\"get\" action=\"search\" role=\"search\">\n"
            + "<label class=\"search\">Words<input type=\"search\" name=\"q\" value=\"\(HTML.escape(filter.text))\" "
            + "placeholder=\"Words of the commitment, minister, department or debate\"></label>\n"
        output += "<label>Status<select name=\"status\">"
        for (scope, name) in Self.scopeNames {
            output +=
                "<option value=\"\(scope.rawValue)\"\(scope == filter.scope ? " selected" : "")>"
                + "\(HTML.escape(name))</option>"
        }
        output += "</select></label>\n"
        output +=
            "<label>Department<input name=\"department\" list=\"departments\" "
            + "value=\"\(HTML.escape(filter.department))\"></label>\n"
        output +=
            "<label>Minister<input name=\"minister\" list=\"ministers\" value=\"\(HTML.escape(filter.minister))\">"
            + "</label>\n"
        output += "<button type=\"submit\">Search</button>\n"
        output += "<datalist id=\"departments\">"
        for name in departments { output += "<option value=\"\(HTML.escape(name))\">" }
        output += "</datalist><datalist id=\"ministers\">"
        for name in ministers { output += "<option value=\"\(HTML.escape(name))\">" }
        return output + "</datalist>\n</form>\n"
    }
}

extension HTMLReport {
    /// The search page `hansard serve` shows at `search`: the form (words, status, department, minister) and the
    /// commitments found, each as the index lists it.
    /// - Parameters:
    ///   - asOf: the date statuses and ages are reckoned at.
    ///   - filter: what was asked for, shown back in the form.
    ///   - listings: what the register found for it (or the first of them).
    ///   - debates: the listed commitments' debates, by id (``RowContext/debates``), for the links to them.
    ///   - departments: suggestions for the department field.
    ///   - ministers: suggestions for the minister field.
    ///   - more: whether the search found more than `listings`.
    /// - Returns: the page's HTML.
    public static func searchPage(
        asOf: SittingDate, filter: CommitmentFilter, listings: [CommitmentListing], debates: [String: DebateRecord],
        departments: [String], ministers: [String], more: Bool
    ) -> String {
        ListPage(
            asOf: asOf, filter: filter, listings: listings, debates: debates, departments: departments,
            ministers: ministers, more: more
        ).render()
    }
}
