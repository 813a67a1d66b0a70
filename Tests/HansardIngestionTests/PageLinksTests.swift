import Foundation
import HansardIngestion
import HansardTestSupport
import Testing

/// The links of an HTML page, read with the hardened libxml2 parse (how day-file listings are read).
@Suite("Page links")
struct PageLinksTests {
    @Test("Every <a href> of a historic Hansard page, in document order")
    func historicHansardPage() throws {
        let path = CorpusFile.path("historic-hansard-html/lords-1915-02-10-alien-enemies.html")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let links = try PageLinks.hrefs(inHTML: bytes, path: path)
        // Counted independently with Python's html.parser: 29 <a> elements with an href.
        #expect(links.count == 29)
        #expect(
            links.prefix(3) == ["/historic-hansard/search", "/historic-hansard/", "/historic-hansard/sittings/1910s"])
        #expect(
            links.suffix(3) == [
                "/historic-hansard/typos", "mailto:data@parliament.uk",
                "https://www.parliament.uk/site-information/copyright/",
            ])
    }

    @Test("Bytes that are not a page are refused as a debate page would be")
    func refused() {
        #expect(throws: IngestionError.empty(path: "listing")) { try PageLinks.hrefs(inHTML: [], path: "listing") }
        #expect(throws: IngestionError.self) {
            try PageLinks.hrefs(inHTML: Array("<html><a href=\"x\">\u{0}</a></html>".utf8), path: "listing")
        }
    }
}
