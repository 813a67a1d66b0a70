import Foundation
@testable import HansardIngestion

/// Headless Chromium, run once per page: the DOM after scripts ran, and every console message.
enum Chromium {
    /// The browser, if installed (Debian's `chromium` package; `.ci/run` installs it).
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    struct Page {
        /// The serialised DOM after the page's scripts ran.
        var dom: String
        /// Console messages (logs, errors, uncaught exceptions, failed loads) in the order logged.
        var console: [String]
    }

    /// Loads `url` with the network shut off and a fresh profile.
    static func load(_ url: URL) throws -> Page {
        guard let path else { throw FixtureError(text: "chromium is not installed") }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "hansard-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let stdoutURL = scratch.appendingPathComponent("dom.html")
        let stderrURL = scratch.appendingPathComponent("log.txt")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = [
            "120", path, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--user-data-dir=" + scratch.appendingPathComponent("profile").path,
            "--host-resolver-rules=MAP * ~NOTFOUND", "--enable-logging=stderr", "--v=0", "--dump-dom",
            url.absoluteString,
        ]
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        try process.run()
        process.waitUntilExit()
        let dom = try String(contentsOf: stdoutURL, encoding: .utf8)
        let log = try String(contentsOf: stderrURL, encoding: .utf8)
        guard process.terminationStatus == 0, !dom.isEmpty else {
            throw FixtureError(text: "chromium exited \(process.terminationStatus) on \(url): \(log.suffix(2000))")
        }
        let console = log.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        return Page(dom: dom, console: console)
    }
}

/// What the tests read off a dumped DOM, parsed with libxml2 like every other page hansard reads.
struct DOMElement: Sendable, Hashable {
    var name: String
    var attributes: [String: String]
    var text: String
    /// Index of the nearest enclosing element collected, if any.
    var ancestors: [Int]
}

enum DOM {
    /// Every element in document order, with its text (white space folded) and the attributes asked for.
    static func elements(
        of html: String,
        attributes names: [String] = [
            "id", "class", "href", "hidden",
            "data-house", "data-session",
        ]
    ) throws -> [DOMElement] {
        var found: [DOMElement] = []
        try withParsedHTML(Array(html.utf8), path: "dom") { root, _ throws(IngestionError) in
            var stack: [(MarkupNode, [Int])] = [(root, [])]
            while let (node, ancestors) = stack.popLast() {
                guard node.isElement else { continue }
                var attributes: [String: String] = [:]
                for name in names { if let value = node.attribute(name) { attributes[name] = value } }
                found.append(
                    DOMElement(
                        name: node.name.lowercased(), attributes: attributes,
                        text: node.textContent.foldingWhitespace(), ancestors: ancestors))
                let index = found.count - 1
                for child in node.elementChildren.reversed() { stack.append((child, ancestors + [index])) }
            }
        }
        return found
    }
}

extension DOMElement {
    func hasClass(_ name: String) -> Bool {
        (attributes["class"] ?? "").split(separator: " ").contains { $0 == name }
    }
}
