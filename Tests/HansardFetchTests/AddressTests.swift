import Foundation
import HansardIngestion
import HansardTestSupport
import Testing

@testable import HansardFetch

/// What hansard will ask for, decided before any request is made.
@Suite("Addresses, the allow-list and the loopback override")
struct AddressTests {
    @Test("Pages on the four allowed hosts are accepted; plain HTTP is asked for over HTTPS")
    func allowedHosts() throws {
        let page =
            "https://hansard.parliament.uk/Lords/2023-03-08/debates/B8046725-0219-46B6-B0A6-8EB5D30093D2/WhatsappMinisterialCommunications"
        #expect(try WebAddress.parse(page).url == page)
        #expect(
            try WebAddress.parse("http://HANSARD.parliament.uk/Commons/2022-06-15/debates/x#c1").url
                == "https://hansard.parliament.uk/Commons/2022-06-15/debates/x")
        #expect(
            try WebAddress.parse("https://api.parliament.uk/historic-hansard/commons/1915/mar/03/aliens").host
                == "api.parliament.uk")
        #expect(
            try WebAddress.parse(
                "https://publications.parliament.uk/pa/cm201011/cmhansrd/cm110719/debtext/110719-0001.htm"
            )
            .pathAndQuery == "/pa/cm201011/cmhansrd/cm110719/debtext/110719-0001.htm")
        #expect(
            try WebAddress.parse("https://theyworkforyou.com/pwdata/scrapedxml/debates/debates2009-10-27a.xml").url
                == "https://www.theyworkforyou.com/pwdata/scrapedxml/debates/debates2009-10-27a.xml")
    }

    @Test(
        "Anything else is refused before a request, saying why",
        arguments: [
            ("https://example.com/debates", "example.com is not one of the hosts"),
            ("https://hansard.parliament.uk.example.com/x", "is not one of the hosts"),
            ("https://api.parliament.uk/members/1", "historic Hansard only"),
            ("https://api.parliament.uk/historic-hansard/sittings/1915/mar/03", "add the sections' URLs"),
            ("ftp://hansard.parliament.uk/x", "https:// URLs only"),
            ("https://user:secret@hansard.parliament.uk/x", "user name or password"),
            ("https://hansard.parliament.uk:8443/x", "port 8443"),
            ("https://www.theyworkforyou.com/mp/10001/x", "XML day files"),
            ("https://hansard.parliament.uk/a b", "not a URL"),
        ])
    func refused(url: String, reason: String) {
        #expect {
            try WebAddress.parse(url)
        } throws: { error in
            guard case FetchError.refused(let named, let why) = error else { return false }
            return named == url && why.contains(reason)
        }
    }

    @Test("A TheyWorkForYou debate page is read through the day file it comes from")
    func theyWorkForYouPages() throws {
        let cases = [
            ("https://www.theyworkforyou.com/debates/?id=2009-10-28c.301.0", "debates/debates2009-10-28c.xml"),
            ("https://www.theyworkforyou.com/whall/?id=2009-10-28a.1.0", "westminhall/westminster2009-10-28a.xml"),
            ("https://www.theyworkforyou.com/wms/?id=2009-10-29a.1.0", "wms/ministerial2009-10-29a.xml"),
            ("https://www.theyworkforyou.com/lords/?id=2009-10-27a.1081.2", "lordspages/daylord2009-10-27a.xml"),
            ("https://www.theyworkforyou.com/wrans/?id=2009-10-27a.291.6&s=x", "wrans/answers2009-10-27a.xml"),
        ]
        for (page, file) in cases {
            #expect(try WebAddress.parse(page).url == "https://www.theyworkforyou.com/pwdata/scrapedxml/" + file)
        }
    }

    @Test("The base-URL override is accepted for loopback addresses only")
    func loopbackOnly() throws {
        for base in ["http://127.0.0.1:8080", "http://127.1.2.3:1/", "http://localhost:9", "http://[::1]:8080"] {
            #expect(try Transport.loopback(base).isLoopback, "\(base)")
        }
        for base in [
            "http://10.0.0.1:80", "http://192.168.1.1", "http://128.0.0.1", "http://127.0.0.1.example.com",
            "https://hansard.parliament.uk", "http://0.0.0.0:80", "file:///tmp/x", "http://[::2]:80",
        ] {
            #expect(throws: FetchError.self, "\(base)") { try Transport.loopback(base) }
        }
        #expect(try Transport.fromEnvironment([:]) == .direct)
        #expect(throws: FetchError.self) { try Transport.fromEnvironment(["HANSARD_FETCH_BASE_URL": "http://8.8.8.8"]) }
    }

    @Test("Through the override, a redirect maps back to the address it stands for and is checked like any other")
    func redirectsThroughTheOverride() throws {
        let transport = try Transport.loopback("http://127.0.0.1:4000")
        let original = try WebAddress.parse("https://hansard.parliament.uk/Commons/old")
        let requested = try #require(transport.url(for: original))
        #expect(requested.absoluteString == "http://127.0.0.1:4000/hansard.parliament.uk/Commons/old")
        #expect(
            try transport.redirectTarget("/hansard.parliament.uk/Commons/new", from: requested, original: original).url
                == "https://hansard.parliament.uk/Commons/new")
        #expect(
            try transport.redirectTarget(
                "https://publications.parliament.uk/pa/x.htm", from: requested, original: original
            ).host
                == "publications.parliament.uk")
        for location in [
            "http://127.0.0.1:4000/evil.example.org/page", "https://evil.example.org/page",
            "http://hansard.parliament.uk/Commons/new",
        ] {
            #expect(throws: FetchError.self, "\(location)") {
                try transport.redirectTarget(location, from: requested, original: original)
            }
        }
    }

    @Test("Day file names: kind, date and revision letters, newest revision of each day")
    func dayFileNames() throws {
        let file = try #require(DayFile(name: "debates2009-10-27a.xml", kind: .debates))
        #expect(file.date == .of("2009-10-27") && file.revision == "a")
        #expect(file.address.url == "https://www.theyworkforyou.com/pwdata/scrapedxml/debates/debates2009-10-27a.xml")
        #expect(
            DayFile(name: "westminster2009-10-28a.xml", kind: .westminsterHall)?.address.url
                == "https://www.theyworkforyou.com/pwdata/scrapedxml/westminhall/westminster2009-10-28a.xml")
        #expect(DayFile(name: "daylord2009-10-27a.xml", kind: .lords) != nil)
        #expect(DayFile(name: "lordswrans2009-10-27a.xml", kind: .lordsWrittenAnswers) != nil)
        #expect(DayFile(name: "ministerial2009-10-29a.xml", kind: .writtenStatements) != nil)
        for wrong in [
            "debates2009-10-27.xml", "debates2009-10-27A.xml", "debates2009-1-27a.xml", "debates.xml",
            "debates2009-10-27a.xml.gz", "daylord2009-10-27a.xml", "changedates.txt",
        ] {
            #expect(DayFile(name: wrong, kind: .debates) == nil, "\(wrong)")
        }
        let files = [
            "debates2009-10-27a.xml", "debates2009-10-27c.xml", "debates2009-10-27b.xml",
            "debates2009-10-28a.xml", "debates2009-11-02a.xml",
        ].compactMap { DayFile(name: $0, kind: .debates) }
        let newest = TheyWorkForYou.newestRevisions(files, from: .of("2009-10-27"), through: .of("2009-10-31"))
        #expect(newest.map(\.name) == ["debates2009-10-27c.xml", "debates2009-10-28a.xml"])
    }

    @Test("A directory listing is read with libxml2 for the day files it names, and nothing else")
    func listing() throws {
        // The shape of an Apache index page, as TheyWorkForYou's scrapedxml folders are served.
        let page = """
            <!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">
            <html><head><title>Index of /pwdata/scrapedxml/debates</title></head><body>
            <h1>Index of /pwdata/scrapedxml/debates</h1><table>
            <tr><th><a href="?C=N;O=D">Name</a></th><th><a href="?C=M;O=A">Last modified</a></th></tr>
            <tr><td><a href="/pwdata/scrapedxml/">Parent Directory</a></td></tr>
            <tr><td><a href="changedates.txt">changedates.txt</a></td><td>2026-11-30 02:10</td></tr>
            <tr><td><a href="debates2009-10-27a.xml">debates2009-10-27a.xml</a></td><td>2009-10-28 07:01</td></tr>
            <tr><td><a href="debates2009-10-27b.xml">debates2009-10-27b.xml</a></td><td>2009-11-02 07:01</td></tr>
            <tr><td><a href="./debates2009-10-28a.xml">debates2009-10-28a.xml</a></td><td>2009-10-29 07:00</td></tr>
            <tr><td><a href="daylord2009-10-27a.xml">in the wrong folder</a></td></tr>
            </table></body></html>
            """
        let files = try TheyWorkForYou.dayFiles(inListing: Array(page.utf8), kind: .debates, url: "listing")
        #expect(files.map(\.name) == ["debates2009-10-27a.xml", "debates2009-10-27b.xml", "debates2009-10-28a.xml"])
        #expect(throws: IngestionError.self) {
            try TheyWorkForYou.dayFiles(inListing: [0x25, 0x50, 0x44, 0x46, 0x2D, 0, 1, 2], kind: .debates, url: "x")
        }
    }

    @Test("Errors name the URL and the reason in one line")
    func errorLines() {
        let errors: [FetchError] = [
            .refused(url: "https://example.com/", reason: "example.com is not one of the hosts hansard fetches from"),
            .notFound(url: "https://hansard.parliament.uk/x", status: 404),
            .httpStatus(url: "https://hansard.parliament.uk/x", status: 500, advice: "a fault at the server"),
            .timedOut(url: "https://hansard.parliament.uk/x", seconds: 2),
            .truncated(url: "https://hansard.parliament.uk/x", received: 10, expected: 1000),
            .tooLarge(url: "https://hansard.parliament.uk/x", limit: 64_000_000),
            .notCached(url: "https://hansard.parliament.uk/x"),
        ]
        for error in errors {
            #expect(error.description.hasPrefix(error.subject + ": "))
            #expect(!error.description.contains("\n"))
        }
    }
}
