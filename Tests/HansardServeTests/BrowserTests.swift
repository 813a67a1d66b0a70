import Foundation
import HansardTestSupport
import Testing

/// The resolve form driven in headless Chromium: the browser fills in and submits the page's own form (its CSRF
/// field, its Origin, the token's cookie), and the register then holds the event.
@Suite("hansard serve in a browser")
struct ServeBrowserTests {
    @Test("resolve a commitment through the form in Chromium, then see it in `hansard commitments`")
    func resolveInBrowser() throws {
        let token = "browser-token-0123456789abcdef"
        let served = try ServedRegister(token: token)
        let id = try served.commitmentId()
        let browser = try Browser()
        defer { browser.close() }
        // Opening the page once with ?token= leaves the cookie that every later request carries.
        try browser.open(URL(string: "commitments/\(id).html?token=\(token)", relativeTo: served.base)!.absoluteURL)
        let path = try browser.waitFor(
            "document.readyState === 'complete' && document.querySelector('form.resolve') ? location.pathname : ''")
        #expect(path == "/commitments/\(id).html")
        #expect(
            try browser.evaluate("document.body.innerText.includes(\(Self.js(ServedRegister.quoted)))") as? Bool == true
        )
        let sent = try browser.evaluate(
            """
            (() => {
              const form = document.querySelector('form.resolve');
              form.querySelector('[name=status]').value = 'partly-fulfilled';
              form.querySelector('[name=evidence]').value = 'Guidance published for some channels only';
              form.querySelector('[name=date]').value = '2023-07-03';
              form.querySelector('[name=by]').value = 'Browser Clerk';
              form.querySelector('button[type=submit]').click();
              return 'sent';
            })()
            """)
        #expect(sent as? String == "sent")
        let after = try browser.waitFor(
            "document.readyState === 'complete' && document.querySelector('form.reopen') ? "
                + "location.pathname + ' ' + document.body.innerText : ''")
        #expect(after.hasPrefix("/commitments/\(id).html "))
        #expect(after.contains("partly fulfilled recorded by Browser Clerk"))
        let row = try #require(try served.list().first { $0["id"] == id })
        #expect(row["status"] == "partly-fulfilled")
        #expect(row["latest_evidence"] == "Guidance published for some channels only")
        #expect(try served.show(id).contains("Browser Clerk"))
    }

    static func js(_ text: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [text])
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }
}
