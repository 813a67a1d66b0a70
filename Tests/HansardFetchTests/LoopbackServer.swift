import Foundation
import HansardTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The test web server (`loopback-server.py`, Python's http.server) on 127.0.0.1, serving corpus pages laid
/// out as the real sites lay them out, one folder per host.
final class LoopbackServer {
    /// The folder it serves: `<host>/<path>`.
    let root: String
    let port: Int
    private let folder: String
    private let process: Process
    private var stopped = false

    /// `http://127.0.0.1:PORT`, the value for `HANSARD_FETCH_BASE_URL`.
    var base: String { "http://127.0.0.1:\(port)" }

    /// The environment that points hansard at this server.
    var environment: [String: String] { ["HANSARD_FETCH_BASE_URL": base, "no_proxy": "*", "NO_PROXY": "*"] }

    /// One request as the server logged it.
    struct Request: Decodable {
        var path: String
        var status: Int
        var userAgent: String?
        var ifNoneMatch: String?
        var ifModifiedSince: String?
        var cookie: String?
    }

    /// Starts a server on a site laid out by ``Site/arrange(in:)``.
    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("hansard-site-\(UUID().uuidString)").path
        root = folder + "/root"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try Site.arrange(in: root)
        try Data("{}".utf8).write(to: URL(fileURLWithPath: folder + "/rules.json"))
        _ = FileManager.default.createFile(atPath: folder + "/log", contents: nil)
        let script = CorpusFile.packageRoot.appendingPathComponent("Tests/HansardFetchTests/loopback-server.py").path
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", script, "--root", root, "--log", folder + "/log", "--rules", folder + "/rules.json",
            "--lifetime", "600",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // The first line is the port; the server binds 127.0.0.1 with port 0, so tests never collide.
        var text = ""
        let deadline = Date().addingTimeInterval(20)
        while !text.contains("\n") && Date() < deadline {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        guard let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            throw ServerDidNotStart(output: text)
        }
        self.port = port
    }

    deinit { stop() }

    /// Stops the server (this process only) and removes its files.
    func stop() {
        guard !stopped else { return }
        stopped = true
        if process.isRunning {
            // SIGKILL, not SIGTERM: the test runner's children may inherit SIGTERM blocked. It is this one
            // process, by its id; the server keeps nothing that needs flushing.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Misbehaviours by request path (`/HOST/PATH`), for example `["/hansard.parliament.uk/x": ["status": 500]]`.
    func setRules(_ rules: [String: [String: Any]]) throws {
        let data = try JSONSerialization.data(withJSONObject: rules)
        try data.write(to: URL(fileURLWithPath: folder + "/rules.json"), options: .atomic)
    }

    /// Every request so far, in order.
    func requests() throws -> [Request] {
        let text = try String(contentsOfFile: folder + "/log", encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            try JSONDecoder().decode(Request.self, from: Data(line.utf8))
        }
    }

    /// Forgets the requests so far.
    func clearLog() throws {
        try Data().write(to: URL(fileURLWithPath: folder + "/log"))
    }

    /// Puts `contents` at `/HOST/PATH` on the site.
    func publish(_ contents: Data, at path: String) throws {
        let full = root + "/" + path
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try contents.write(to: URL(fileURLWithPath: full))
    }
}

struct ServerDidNotStart: Error, CustomStringConvertible {
    var output: String
    var description: String { "the loopback server did not print its port (it printed \(output.debugDescription))" }
}

/// The corpus pages the server serves, where the real sites keep them.
enum Site {
    static let twfy = "www.theyworkforyou.com/pwdata/scrapedxml/"

    /// TheyWorkForYou day files: path on the site, corpus file.
    ///
    /// All from `corpus/parlparse-xml/`, where SOURCES.md gives each one's original name.
    static let dayFiles: [(path: String, corpus: String)] = [
        (twfy + "lordspages/daylord2009-10-26a.xml", "parlparse-xml/lords-2009-10-26-daylord-parlparse.xml"),
        (
            twfy + "lordswms/lordswms2009-10-27a.xml",
            "parlparse-xml/lords-2009-10-27-written-ministerial-statements-parlparse.xml"
        ),
        (twfy + "debates/debates2009-10-28c.xml", "parlparse-xml/commons-2009-10-28-debates-parlparse.xml"),
        (twfy + "westminhall/westminster2009-10-28a.xml", "parlparse-xml/westminster-hall-2009-10-28-parlparse.xml"),
        (
            twfy + "wms/ministerial2009-10-29a.xml",
            "parlparse-xml/commons-2009-10-29-written-ministerial-statements-parlparse.xml"
        ),
        (twfy + "debates/debates2023-03-28d.xml", "parlparse-xml/commons-2023-03-28-debates-parlparse.xml"),
    ]

    /// Single pages: URL, path on the site, corpus file.
    static let pages: [(url: String, path: String, corpus: String)] = [
        (
            "https://hansard.parliament.uk/Commons/2022-06-15/debates/20D19FB5-2111-49A8-94A1-9E43AAC5CD38/OralAnswersToQuestions",
            "hansard.parliament.uk/Commons/2022-06-15/debates/20D19FB5-2111-49A8-94A1-9E43AAC5CD38/OralAnswersToQuestions",
            "hansard-modern-html/commons-2022-06-15-oral-answers-to-questions.html"
        ),
        (
            "https://api.parliament.uk/historic-hansard/lords/1915/feb/10/alien-enemies",
            "api.parliament.uk/historic-hansard/lords/1915/feb/10/alien-enemies",
            "historic-hansard-html/lords-1915-02-10-alien-enemies.html"
        ),
        (
            "https://publications.parliament.uk/pa/cm201011/cmhansrd/cm110719/wmstext/110719m0001.htm",
            "publications.parliament.uk/pa/cm201011/cmhansrd/cm110719/wmstext/110719m0001.htm",
            "publications-html/commons-2011-07-19-publications-written-statements-EXCERPT.html"
        ),
    ]

    static let hansardURL = pages[0].url
    static let hansardPath = "/" + pages[0].path

    static func arrange(in root: String) throws {
        let manager = FileManager.default
        // Every kind's folder exists, as on the real site, even where the corpus has no file of that kind.
        for kind in ["debates", "westminhall", "wms", "wrans", "lordspages", "lordswms", "lordswrans"] {
            try manager.createDirectory(atPath: root + "/" + twfy + kind, withIntermediateDirectories: true)
        }
        for (path, corpus) in dayFiles.map({ ($0.path, $0.corpus) }) + pages.map({ ($0.path, $0.corpus) }) {
            let full = root + "/" + path
            try manager.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try manager.copyItem(atPath: CorpusFile.path(corpus), toPath: full)
        }
    }
}
