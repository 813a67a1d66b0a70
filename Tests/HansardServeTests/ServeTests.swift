import Foundation
import HansardTestSupport
import Testing

/// `hansard serve` (issue 17): the report's pages live over the register, the forms writing the same events as the
/// CLI, and the token, Origin and CSRF checks; through the built executable on 127.0.0.1, over registers built from
/// corpus pages.
@Suite("hansard serve")
struct ServeTests {
    /// The seed page's text, to check what the pages show against.
    static func pageText() throws -> String {
        try String(contentsOfFile: CorpusFile.path(ServedRegister.seed), encoding: .utf8)
    }

    @Test("the index lists the register's debates, each linking to its page, which shows the transcript")
    func indexListsDebates() throws {
        let served = try ServedRegister()
        let text = try Self.pageText()
        // The debate's title, as the page prints it on its third line.
        let title = "WhatsApp: Ministerial Communications"
        #expect(text.split(separator: "\n").prefix(4).contains { $0 == title })
        let index = try served.get("")
        #expect(index.status == 200)
        #expect(index.header("Content-Type")?.hasPrefix("text/html") == true)
        let row = try #require(index.body.range(of: "<tr class=\"debate-row\""))
        let rest = index.body[row.lowerBound...]
        let link = try #require(rest.range(of: "<a href=\"debates/"))
        let tail = rest[link.upperBound...]
        let name = String(tail[..<tail.firstIndex(of: "\"")!])
        #expect(tail.contains(">\(title)</a>"))
        let debate = try served.get("debates/" + name)
        #expect(debate.status == 200, "\(debate.body.prefix(400))")
        // The transcript is there: words of the page's line 25, not only what the register keeps.
        let line25 = text.split(separator: "\n", omittingEmptySubsequences: false)[24]
        #expect(line25.contains("There is a general understanding of the nature and extent of the use of WhatsApp"))
        #expect(
            debate.body.contains("There is a general understanding of the nature and extent of the use of WhatsApp"))
        #expect(served.stop() == 0)
    }

    @Test("a commitment's page shows the words the corpus page has, with the forms")
    func commitmentPageQuotesThePage() throws {
        let served = try ServedRegister()
        #expect(try Self.pageText().contains(ServedRegister.quoted))
        let id = try served.commitmentId()
        let page = try served.get("commitments/\(id).html")
        #expect(page.status == 200)
        #expect(page.body.contains(ServedRegister.quoted))
        for form in ["resolve", "dismiss", "edit", "note"] {
            #expect(page.body.contains("action=\"/commitments/\(id)/\(form)\""), "no \(form) form")
        }
        #expect(page.header("Content-Security-Policy")?.contains("frame-ancestors") == true)
    }

    @Test("resolving through the form records the event, as `register resolve` would, with the actor")
    func resolveThroughTheForm() throws {
        let served = try ServedRegister()
        try Self.resolve(on: served)
    }

    @Test("resolving through the form on a PostgreSQL register")
    func resolveOnPostgres() throws {
        let database = try TestPostgres.server().freshDatabase()
        let served = try ServedRegister(postgres: database)
        try Self.resolve(on: served)
    }

    static func resolve(on served: ServedRegister) throws {
        let id = try served.commitmentId()
        #expect(try served.list().first { $0["id"] == id }?["status"] == "outstanding")
        let csrf = try served.csrf(onPageOf: id)
        let evidence = "Cabinet Office guidance on non-corporate channels, published"
        let reply = try served.post(
            "commitments/\(id)/resolve",
            [
                ("csrf", csrf), ("status", "fulfilled"), ("evidence", evidence), ("date", "2023-06-01"),
                ("note", "checked on gov.uk"), ("by", "J. Clerk"),
            ])
        #expect(reply.status == 303, "\(reply.body.prefix(400))")
        #expect(reply.header("Location") == "/commitments/\(id).html")
        let row = try #require(try served.list().first { $0["id"] == id })
        #expect(row["status"] == "fulfilled")
        #expect(row["latest_evidence"] == evidence)
        let shown = try served.show(id)
        #expect(shown.contains("J. Clerk"), "\(shown)")
        // The page now says so, and offers reopening instead of resolving.
        let page = try served.get("commitments/\(id).html")
        #expect(page.body.contains("recorded by J. Clerk"))
        #expect(page.body.contains("action=\"/commitments/\(id)/reopen\""))
        #expect(!page.body.contains("action=\"/commitments/\(id)/resolve\""))
        // Resolving it again is a conflict, shown as a page, and the server goes on.
        let again = try served.post(
            "commitments/\(id)/resolve", [("csrf", csrf), ("status", "fulfilled"), ("evidence", evidence)])
        #expect(again.status == 409, "\(again.body.prefix(300))")
        #expect(again.body.contains("id=\"reason\""))
        #expect(served.isRunning)
    }

    @Test("with a token every request without it is refused (401); the header or the cookie lets it through")
    func tokenRequired() throws {
        let token = "s3cret-token-for-tests-0123456789"
        let served = try ServedRegister(token: token)
        let id = try served.commitmentId()
        #expect(try served.get("", authorised: false).status == 401)
        #expect(try served.get("commitments/\(id).html", authorised: false).status == 401)
        #expect(
            try served.get("", authorised: false, headers: ["Authorization": "Bearer wrong-token-0123456789"]).status
                == 401)
        #expect(try served.get("").status == 200)
        let csrf = try served.csrf(onPageOf: id)
        let write = try served.post(
            "commitments/\(id)/note", [("csrf", csrf), ("text", "should not be kept")], authorised: false)
        #expect(write.status == 401)
        #expect(!(try served.show(id)).contains("should not be kept"))
        // Visiting once with ?token= swaps it for a cookie and a clean address.
        let visit = try served.get("?token=\(token)", authorised: false)
        #expect(visit.status == 303)
        #expect(visit.header("Location") == "/")
        let cookie = try #require(visit.header("Set-Cookie"))
        #expect(
            cookie.contains("hansard_token=\(token)") && cookie.contains("HttpOnly")
                && cookie.contains("SameSite=Strict"))
        let withCookie = try served.get("", authorised: false, headers: ["Cookie": "hansard_token=\(token)"])
        #expect(withCookie.status == 200)
        #expect(try served.get("?token=nope", authorised: false).status == 401)
    }

    @Test("a POST without the form's CSRF token, or from another origin, is refused (403) and changes nothing")
    func csrfRequired() throws {
        let served = try ServedRegister()
        let id = try served.commitmentId()
        let csrf = try served.csrf(onPageOf: id)
        let fields = [("status", "fulfilled"), ("evidence", "a forged claim")]
        #expect(try served.post("commitments/\(id)/resolve", fields).status == 403)
        // One digit changed (to another digit: a token that starts with 0 stays wrong).
        let forged = (csrf.first == "0" ? "1" : "0") + csrf.dropFirst()
        #expect(try served.post("commitments/\(id)/resolve", [("csrf", forged)] + fields).status == 403)
        #expect(
            try served.post("commitments/\(id)/resolve", [("csrf", csrf)] + fields, origin: "http://evil.example")
                .status == 403)
        #expect(try served.post("commitments/\(id)/resolve", [("csrf", csrf)] + fields, origin: "").status == 403)
        #expect(try served.list().first { $0["id"] == id }?["status"] == "outstanding")
        // Another server run's forms do not carry this run's token.
        let other = try ServedRegister()
        #expect(try other.csrf(onPageOf: try other.commitmentId()) != csrf)
    }

    @Test("a hostile note is shown as text, never as markup")
    func hostileNoteEscaped() throws {
        let served = try ServedRegister()
        let id = try served.commitmentId()
        let csrf = try served.csrf(onPageOf: id)
        let hostile = "<script>alert('x')</script> & \"quoted\""
        let reply = try served.post(
            "commitments/\(id)/note", [("csrf", csrf), ("text", hostile), ("by", "<b>Eve</b>")])
        #expect(reply.status == 303)
        #expect(try served.show(id).contains(hostile))
        let page = try served.get("commitments/\(id).html").body
        #expect(!page.contains("<script>alert"))
        #expect(!page.contains("<b>Eve</b>"))
        #expect(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"))
        #expect(page.contains("Note by &lt;b&gt;Eve&lt;/b&gt;"))
    }

    @Test("bad requests get error pages with their status, and the server goes on serving")
    func badRequestsAnswered() throws {
        let served = try ServedRegister()
        let id = try served.commitmentId()
        let csrf = try served.csrf(onPageOf: id)
        let missing = try served.get("commitments/c-0000000000000000.html")
        #expect(missing.status == 404)
        #expect(missing.body.contains("c-0000000000000000"))
        #expect(try served.get("no/such/page").status == 404)
        let badDate = try served.post(
            "commitments/\(id)/resolve",
            [("csrf", csrf), ("status", "fulfilled"), ("evidence", "x"), ("date", "2023-13-45")])
        #expect(badDate.status == 400)
        #expect(badDate.body.contains("2023-13-45 is not a date"))
        let badStatus = try served.post(
            "commitments/\(id)/resolve", [("csrf", csrf), ("status", "<i>done</i>"), ("evidence", "x")])
        #expect(badStatus.status == 400)
        #expect(badStatus.body.contains("&lt;i&gt;done&lt;/i&gt;") && !badStatus.body.contains("<i>done</i>"))
        #expect(try served.post("commitments/\(id)/note", [("csrf", csrf), ("text", "  ")]).status == 400)
        #expect(try served.post("commitments/c-0000000000000000/note", [("csrf", csrf), ("text", "x")]).status == 404)
        #expect(try served.post("links/L-0000000000/reject", [("csrf", csrf)]).status == 404)
        #expect(try served.get("search?status=bogus").status == 400)
        #expect(try served.get("", headers: ["Host": "evil.example"]).status == 421)
        #expect(try served.get("").status == 200)
        #expect(try served.list().first { $0["id"] == id }?["status"] == "outstanding")
        #expect(served.isRunning)
    }

    @Test("search and filters find what `hansard search` finds")
    func searchAndFilters() throws {
        let served = try ServedRegister()
        let id = try served.commitmentId()
        let found = try served.get("search?q=non-corporate+guidance&status=outstanding")
        #expect(found.status == 200)
        #expect(found.body.contains("href=\"commitments/\(id).html\""))
        #expect(found.body.contains("value=\"non-corporate guidance\""))
        let cli = try HansardCommand.run(
            [
                "search", "non-corporate", "guidance", "--register", served.register, "--format", "tsv", "--columns",
                "id",
            ])
        #expect(cli.standardOutput.contains(id))
        let none = try served.get("search?q=non-corporate+guidance&status=resolved")
        #expect(none.status == 200)
        #expect(!none.body.contains("href=\"commitments/\(id).html\""))
        let other = try served.get("search?department=no+such+department+anywhere")
        #expect(other.body.contains("0 commitments found"))
    }

    @Test("a register larger than --list-limit: the index gives each department's figures, linked to its search")
    func summaryIndex() throws {
        // The seed's four commitments, all the Cabinet Office's (the Minister for the Cabinet Office answers).
        let served = try ServedRegister(serving: ["--list-limit", "2"])
        let index = try served.get("")
        #expect(index.status == 200)
        #expect(index.body.contains("Commitments by department"))
        #expect(!index.body.contains("<li class=\"commitment"))
        let row = try #require(
            index.body.range(of: "<a href=\"search?department=Cabinet%20Office\">Cabinet Office</a>"))
        let figures = index.body[row.upperBound...].prefix { $0 != "\n" }
        #expect(figures.hasPrefix("</td><td class=\"num\">4</td>"), "\(figures)")
        // The search lists no more than the limit either, and says there are more.
        let found = try served.get("search?department=Cabinet%20Office")
        #expect(found.status == 200)
        #expect(found.body.contains("The first 2 commitments found") && found.body.contains("more match"))
        #expect(found.body.components(separatedBy: "<li class=\"commitment").count - 1 == 2)
        // Under the limit, the same register's index lists every commitment itself, and the search all four.
        let under = try ServedRegister(serving: ["--list-limit", "4"])
        let full = try under.get("")
        #expect(full.body.contains("<li class=\"commitment") && !full.body.contains("Commitments by department"))
        let all = try under.get("search?department=Cabinet%20Office")
        #expect(all.body.contains("4 commitments found") && !all.body.contains("more match"))
        #expect(all.body.components(separatedBy: "<li class=\"commitment").count - 1 == 4)
        #expect(all.body.contains("<option value=\"Cabinet Office\">"))
        #expect(served.stop() == 0)
    }

    @Test("overdue.xml is the feed `hansard report --format atom` writes, from the overdue list alone")
    func overdueFeed() throws {
        let served = try ServedRegister()
        let feed = try served.get("overdue.xml")
        #expect(feed.status == 200)
        #expect(feed.header("Content-Type")?.hasPrefix("application/atom+xml") == true)
        let cli = try HansardCommand.run(["report", "--register", served.register, "--format", "atom", "--out", "-"])
        #expect(cli.status == 0, "\(cli.standardError)")
        #expect(feed.body == cli.standardOutput)
        // The seed's guidance was due on 2023-04-07 (a month after 8 March 2023: "shortly").
        #expect(feed.body.contains("<published>2023-04-08T00:00:00Z</published>"))
        #expect(served.stop() == 0)
    }

    @Test("any address but the loopback one needs a token: refused in one line, status 64, nothing listens")
    func publicAddressNeedsToken() throws {
        let folder = try Scratch.folder()
        let outcome = try HansardCommand.run(
            ["serve", "--register", folder + "/none.sqlite", "--host", "0.0.0.0", "--port", "0"],
            setting: .init(deadline: 30))
        #expect(!outcome.timedOut)
        #expect(outcome.status == 64)
        #expect(outcome.standardOutput.isEmpty)
        let lines = outcome.standardError.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains("--token"), "\(outcome.standardError)")
        let short = try HansardCommand.run(
            ["serve", "--register", folder + "/none.sqlite", "--host", "0.0.0.0", "--token", "short"],
            setting: .init(deadline: 30))
        #expect(short.status == 64)
        #expect(short.standardError.contains("16 characters or more"))
    }

    @Test("the edit, dismiss and reopen forms record what `register edit|dismiss|reopen` record")
    func editDismissReopen() throws {
        let served = try ServedRegister()
        let id = try served.commitmentId()
        let csrf = try served.csrf(onPageOf: id)
        #expect(try served.list().first { $0["id"] == id }?["department"] == "Cabinet Office")
        let page = try served.get("commitments/\(id).html").body
        // The edit form offers the fields as the register has them; only what is changed is sent as an edit.
        #expect(page.contains("name=\"object\" value=\"\(ServedRegister.revisedGuidance)\""))
        let edited = try served.post(
            "commitments/\(id)/edit",
            [
                ("csrf", csrf), ("minister", ""), ("department", "Home Office"), ("due", "2023-06-30"),
                ("action", "publish"), ("object", ServedRegister.revisedGuidance), ("timing", "in due course"),
                ("reason", "a test of the form"), ("by", "Editor"),
            ])
        #expect(edited.status == 303, "\(edited.body.prefix(300))")
        let row = try #require(try served.list().first { $0["id"] == id })
        #expect(row["department"] == "Home Office")
        #expect(row["due_by"] == "2023-06-30")
        let shown = try served.show(id)
        #expect(shown.contains("Editor"))
        // `register show` lists each correction as `field: "before" → "after"  by NAME`.
        #expect(shown.contains("department: "), "\(shown)")
        #expect(!shown.contains("object: \""), "the unchanged object is no edit: \(shown)")
        #expect(!shown.contains("action: \""), "the unchanged action is no edit: \(shown)")
        let unchanged = try served.post(
            "commitments/\(id)/edit",
            [("csrf", csrf), ("department", "Home Office"), ("due", "2023-06-30"), ("action", "publish")])
        #expect(unchanged.status == 400)

        let dismissed = try served.post(
            "commitments/\(id)/dismiss", [("csrf", csrf), ("reason", "not a commitment: a test"), ("by", "Reader")])
        #expect(dismissed.status == 303)
        #expect(try served.list().first { $0["id"] == id }?["status"] == "dismissed")
        #expect(try served.get("commitments/\(id).html").body.contains("action=\"/commitments/\(id)/reopen\""))
        let reopened = try served.post("commitments/\(id)/reopen", [("csrf", csrf), ("note", "it is one after all")])
        #expect(reopened.status == 303)
        #expect(try served.list().first { $0["id"] == id }?["status"] == "outstanding")
        // Without a name in the form, the server's --by signs it.
        #expect(try served.show(id).contains("Server Default"))
    }

    @Test("the follow-up link forms confirm and reject candidate links, as `register confirm|reject` do")
    func confirmAndRejectLinks() throws {
        // Macmillan, 5 July 1962, on the Christmas Island tests; on 21 March 1963 he answers on them again.
        let served = try ServedRegister(
            pages: [
                "hansard-modern-html/commons-1962-07-05-oral-answers-to-questions.html",
                "hansard-modern-html/commons-1963-03-21-oral-answers-to-questions.html",
            ])
        let soon = try served.commitmentId(quoting: "I hope that that series will soon be concluded")
        let shortly = try served.commitmentId(quoting: "I hope that that series will shortly be concluded")
        func link(_ id: String) throws -> String {
            let page = try served.get("commitments/\(id).html").body
            let start = try #require(page.range(of: "action=\"/links/"))
            let rest = page[start.upperBound...]
            return String(rest[..<rest.firstIndex(of: "/")!])
        }
        let kept = try link(soon)
        let refused = try link(shortly)
        let pending = try HansardCommand.run(["register", "links", "--register", served.register]).standardOutput
        #expect(pending.contains(kept) && pending.contains(refused))
        let csrf = try served.csrf(onPageOf: soon)
        let confirmed = try served.post("links/\(kept)/confirm", [("csrf", csrf), ("status", ""), ("by", "Linker")])
        #expect(confirmed.status == 303)
        #expect(confirmed.header("Location") == "/commitments/\(soon).html#\(kept)")
        let rejected = try served.post("links/\(refused)/reject", [("csrf", csrf)])
        #expect(rejected.status == 303)
        let after = try HansardCommand.run(["register", "links", "--register", served.register]).standardOutput
        #expect(!after.contains(kept) && !after.contains(refused))
        // A same-subject link says nothing was done: confirming it resolves nothing.
        #expect(try served.list().first { $0["id"] == soon }?["status"] == "outstanding")
        let again = try served.post("links/\(refused)/confirm", [("csrf", csrf)])
        #expect(again.status == 409)
        #expect(try served.get("commitments/\(soon).html").body.contains(">confirmed</span>"))
    }

    @Test("a port already in use is refused in one line with status 69; a register that is not there with 66")
    func portInUse() throws {
        let served = try ServedRegister()
        let port = try #require(served.base.port)
        let second = try HansardCommand.run(
            ["serve", "--register", served.register, "--port", "\(port)"], setting: .init(deadline: 60))
        #expect(!second.timedOut)
        #expect(second.status == 69)
        #expect(second.standardOutput.isEmpty)
        let lines = second.standardError.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains("port \(port)"), "\(second.standardError)")
        #expect(try served.get("").status == 200)
        let missing = try HansardCommand.run(
            ["serve", "--register", served.folder + "/missing.sqlite", "--port", "0"], setting: .init(deadline: 60))
        #expect(missing.status == 66)
        #expect(missing.standardOutput.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: served.folder + "/missing.sqlite"))
    }
}
