import Foundation
import HansardIngestion
import HansardRegister
import HansardTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `register add URL`, `parse URL`, `fetch` and `sync` against the loopback server, as a user runs them.
@Suite("Fetching from a loopback server", .serialized)
struct FetchCommandTests {
    /// A register in a new folder; its page cache is `cache/` beside it.
    static func newRegister() throws -> (register: String, cache: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hansard-fetch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (folder.path + "/register.sqlite", folder.path + "/cache")
    }

    static func run(_ arguments: [String], _ server: LoopbackServer, deadline: Double = 120) throws
        -> HansardCommand.Outcome
    {
        try HansardCommand.run(
            arguments, environment: server.environment, setting: HansardCommand.Setting(deadline: deadline))
    }

    static func files(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    /// The SHA-256 the reader gives the file (reading is not analysing).
    static func sha256(ofFile path: String) throws -> String {
        try DebateReader().read(contentsOf: path).source.sha256
    }

    @Test("A page added by URL is the saved page added: same id, same commitments, and a later re-add is unchanged")
    func urlAddEqualsSavedFile() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        var pages = Site.pages.map { (url: $0.url, corpus: $0.corpus, cached: $0.url) }
        // A TheyWorkForYou debate page is read through its day file, and cached under the file's URL.
        pages.append(
            (
                "https://www.theyworkforyou.com/wms/?id=2009-10-29a.1.0", Site.dayFiles[4].corpus,
                "https://" + Site.dayFiles[4].path
            ))
        for (url, corpus, cachedURL) in pages {
            let byURL = try Self.newRegister()
            let added = try Self.run(["register", "add", "--quiet", "--register", byURL.register, url], server)
            #expect(added.status == 0, "\(url): \(added.standardError)")
            #expect(added.standardOutput.contains("1 debates added, 0 unchanged, 0 revised, 0 failed;"))
            #expect(added.standardError.isEmpty, "\(added.standardError)")

            let saved = try Self.newRegister()
            let direct = try HansardCommand.run([
                "register", "add", "--quiet", "--register", saved.register,
                CorpusFile.path(corpus),
            ])
            #expect(direct.status == 0)

            let fetched = try Register.open(at: byURL.register, readOnly: true).snapshot()
            let reference = try Register.open(at: saved.register, readOnly: true).snapshot()
            #expect(fetched.debates.map(\.id) == reference.debates.map(\.id), "\(url)")
            #expect(fetched.debates.map(\.identity) == reference.debates.map(\.identity))
            #expect(fetched.debates.map(\.sha256) == reference.debates.map(\.sha256))
            #expect(fetched.commitments.map(\.id) == reference.commitments.map(\.id))
            #expect(fetched.commitments.map(\.quote) == reference.commitments.map(\.quote))
            #expect(fetched.requests.map(\.id) == reference.requests.map(\.id))

            // The page is kept in the cache under its SHA-256, with its URL and fetch time beside it, and the
            // register reads it from there.
            let sha = try Self.sha256(ofFile: CorpusFile.path(corpus))
            #expect(fetched.debates.first?.sha256 == sha)
            let kept = Self.files(in: byURL.cache + "/pages")
            #expect(kept.count == 1 && kept[0].hasPrefix(sha + "."), "\(kept)")
            #expect(fetched.debates.first?.sourcePath.hasPrefix(byURL.cache + "/pages/" + sha) == true)
            let records = Self.files(in: byURL.cache + "/urls")
            #expect(records.count == 1)
            let record =
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: URL(fileURLWithPath: byURL.cache + "/urls/" + records[0]))) as? [String: Any]
            #expect(record?["sha256"] as? String == sha)
            #expect(record?["url"] as? String == cachedURL)
            #expect((record?["fetchedAt"] as? String)?.hasSuffix("Z") == true)
            #expect(Self.files(in: byURL.cache + "/tmp").isEmpty)

            let again = try HansardCommand.run([
                "register", "add", "--verbose", "--quiet", "--register",
                byURL.register, CorpusFile.path(corpus),
            ])
            #expect(again.standardOutput.contains("0 debates added, 1 unchanged"), "\(again.standardOutput)")
        }
    }

    @Test("parse URL prints what parse of the saved file prints, but for the path it was read from")
    func parseURL() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let (register, cache) = try Self.newRegister()
        var environment = server.environment
        environment["HANSARD_REGISTER"] = register
        let fetched = try HansardCommand.run(["parse", Site.pages[1].url], environment: environment)
        #expect(fetched.status == 0, "\(fetched.standardError)")
        let saved = try HansardCommand.run(["parse", CorpusFile.path(Site.pages[1].corpus)])
        func withoutPath(_ json: String) throws -> NSDictionary {
            var object = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            var source = try #require(object["source"] as? [String: Any])
            source["path"] = nil
            object["source"] = source
            return object as NSDictionary
        }
        #expect(try withoutPath(fetched.standardOutput) == withoutPath(saved.standardOutput))
        #expect(fetched.standardOutput.contains(cache + "/pages/"))
    }

    @Test("fetch --date adds the day's two debates from TheyWorkForYou's day files")
    func fetchByDate() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let (register, _) = try Self.newRegister()
        let outcome = try Self.run(
            [
                "fetch", "--date", "2009-10-28", "--house", "commons", "--wait", "0", "--quiet", "--verbose",
                "--register", register,
            ], server)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("2 debates added, 0 unchanged, 0 revised, 0 failed;"))
        #expect(
            outcome.standardOutput.contains(
                "added https://www.theyworkforyou.com/pwdata/scrapedxml/debates/debates2009-10-28c.xml as d-"))
        #expect(
            outcome.standardOutput.contains(
                "added https://www.theyworkforyou.com/pwdata/scrapedxml/westminhall/westminster2009-10-28a.xml as d-"))
        let snapshot = try Register.open(at: register, readOnly: true).snapshot()
        let expected = try [Site.dayFiles[2].corpus, Site.dayFiles[3].corpus].map {
            try Self.sha256(ofFile: CorpusFile.path($0))
        }
        #expect(Set(snapshot.debates.map(\.sha256)) == Set(expected))
        // The four Commons listings, then the two files: nothing else, and no Lords folder.
        let paths = try server.requests().map(\.path)
        #expect(
            paths == [
                "/" + Site.twfy + "debates/", "/" + Site.twfy + "westminhall/", "/" + Site.twfy + "wms/",
                "/" + Site.twfy + "wrans/", "/" + Site.dayFiles[2].path, "/" + Site.dayFiles[3].path,
            ])
    }

    @Test("sync killed with SIGKILL loses no day file reported as added, and a rerun fetches only the rest")
    func syncResumesAfterKill() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let (register, _) = try Self.newRegister()
        let arguments = [
            "sync", "--since", "2009-10-01", "--until", "2023-12-31", "--wait", "0.3", "--verbose",
            "--register", register,
        ]
        let (process, pipe) = try HansardCommand.start(arguments + ["--quiet"], environment: server.environment)
        var reported: [String] = []
        var buffer = ""
        while reported.isEmpty {
            let data = pipe.fileHandleForReading.availableData
            if data.isEmpty { break }
            buffer += String(decoding: data, as: UTF8.self)
            for line in buffer.split(separator: "\n") where line.hasPrefix("added ") {
                reported.append(String(line.dropFirst(6).prefix(while: { $0 != " " })))
            }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        try #require(reported.count >= 1)
        let stored = try Register.open(at: register, readOnly: true).snapshot().debates.count
        #expect(stored >= reported.count && stored < Site.dayFiles.count)

        try server.clearLog()
        let rerun = try Self.run(arguments, server)
        #expect(rerun.status == 0, "\(rerun.standardError)")
        for url in reported { #expect(rerun.standardOutput.contains("skipped \(url): already in the register")) }
        #expect(rerun.standardOutput.contains("\(Site.dayFiles.count - stored) debates added, 0 unchanged"))
        let requested = try server.requests().map(\.path)
        for url in reported {
            #expect(!requested.contains(String(url.dropFirst("https:/".count))), "\(url) was fetched again")
        }
        let snapshot = try Register.open(at: register, readOnly: true).snapshot()
        #expect(snapshot.debates.count == Site.dayFiles.count)
        let expected = try Site.dayFiles.map { try Self.sha256(ofFile: CorpusFile.path($0.corpus)) }
        #expect(Set(snapshot.debates.map(\.sha256)) == Set(expected))
    }

    @Test("The progress bar is drawn on a terminal and never into a pipe")
    func progressOnTerminalOnly() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let script = "/usr/bin/script"
        try #require(
            FileManager.default.isExecutableFile(atPath: script), "util-linux's script(1) runs hansard on a pty")
        let (register, _) = try Self.newRegister()
        let hansard = try HansardCommand.executable.path
        let command =
            "env HANSARD_FETCH_BASE_URL=\(server.base) \(hansard) fetch --date 2009-10-28 --wait 0.2"
            + " --register \(register)"
        // script(1) gives hansard a terminal for all three streams and copies what it drew to standard output.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        process.arguments = ["-qec", command, "/dev/null"]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let drawn = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(drawn)")
        #expect(drawn.contains("\r[") && drawn.contains("/7 "), "the listings' bar")
        #expect(drawn.contains("debates2009-10-28c.xml"))
        #expect(drawn.contains("2 debates added"))

        let piped = try Self.run(["fetch", "--date", "2009-10-28", "--wait", "0", "--register", register], server)
        #expect(piped.status == 0)
        #expect(piped.standardError.isEmpty, "\(piped.standardError)")
        #expect(!piped.standardOutput.contains("\r"))
    }

    @Test("sync stops at a server fault, in one line, and a rerun goes on from there")
    func syncStopsAtServerFault() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let (register, _) = try Self.newRegister()
        let failing = "/" + Site.dayFiles[2].path
        try server.setRules([failing: ["status": 503]])
        let arguments = [
            "sync", "--since", "2009-10-26", "--until", "2009-10-31", "--wait", "0", "--register", register,
        ]
        let first = try Self.run(arguments, server)
        #expect(first.status == 69)
        let lines = first.standardError.split(separator: "\n")
        #expect(lines.count == 1, "\(first.standardError)")
        #expect(
            lines.first?.hasPrefix("hansard: https://" + Site.dayFiles[2].path + ": the server answered HTTP 503")
                == true)
        #expect(first.standardError.contains("stopped, 2 more day files not fetched: run the same command again"))
        #expect(first.standardOutput.contains("2 debates added, 0 unchanged, 0 revised, 1 failed"))
        // Nothing after the fault was asked for.
        let requested = try server.requests().map(\.path)
        #expect(requested.last == failing)
        #expect(try Register.open(at: register, readOnly: true).snapshot().debates.count == 2)

        try server.setRules([:])
        let second = try Self.run(arguments, server)
        #expect(second.status == 0, "\(second.standardError)")
        #expect(second.standardOutput.contains("3 debates added, 0 unchanged, 0 revised, 0 failed"))
        #expect(second.standardOutput.contains("2 day files already in the register, not requested"))
    }

    @Test("A second sync asks for the listings conditionally and downloads nothing; a new revision is a revision")
    func conditionalRequests() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let (register, _) = try Self.newRegister()
        let arguments = [
            "sync", "--since", "2009-10-26", "--until", "2009-10-31", "--wait", "0", "--register", register,
        ]
        let first = try Self.run(arguments, server)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput.contains("5 debates added"))

        try server.clearLog()
        let second = try Self.run(arguments, server)
        #expect(second.status == 0)
        let requests = try server.requests()
        #expect(requests.count == 7)
        #expect(requests.allSatisfy { $0.path.hasSuffix("/") && $0.status == 304 && $0.ifNoneMatch != nil })
        #expect(
            second.standardOutput.contains(
                "7 requests: 0 downloaded, 7 unchanged on the server (304);"
                    + " 5 day files already in the register, not requested"))
        #expect(second.standardOutput.contains("0 debates added, 0 unchanged, 0 revised, 0 failed"))

        // The day is reissued as revision d, with one sentence of a minister's answer reworded.
        // The file declares ISO-8859-1; the sentence is ASCII.
        let original = try String(contentsOfFile: CorpusFile.path(Site.dayFiles[2].corpus), encoding: .isoLatin1)
        let sentence = "I will certainly consult the Cabinet Secretary about the release"
        try #require(original.contains(sentence))
        let revised = original.replacingOccurrences(
            of: sentence, with: "I will certainly consult the Cabinet Secretary on the release")
        try server.publish(
            try #require(revised.data(using: .isoLatin1)), at: Site.twfy + "debates/debates2009-10-28d.xml")
        try server.clearLog()
        let third = try Self.run(arguments + ["--verbose"], server)
        #expect(third.status == 0, "\(third.standardError)")
        #expect(
            third.standardOutput.contains(
                "revised https://www.theyworkforyou.com/pwdata/scrapedxml/debates/debates2009-10-28d.xml"))
        #expect(third.standardOutput.contains("revision 2"))
        #expect(third.standardOutput.contains("0 debates added, 0 unchanged, 1 revised, 0 failed"))
        let downloaded = try server.requests().filter { $0.status == 200 }.map(\.path)
        #expect(downloaded == ["/" + Site.twfy + "debates/", "/" + Site.twfy + "debates/debates2009-10-28d.xml"])

        // A page added by URL again is asked for conditionally and found unchanged.
        try server.clearLog()
        _ = try Self.run(["register", "add", "--register", register, Site.hansardURL], server)
        let again = try Self.run(["register", "add", "--register", register, "--verbose", Site.hansardURL], server)
        #expect(again.standardOutput.contains("unchanged \(Site.hansardURL)"))
        let log = try server.requests()
        #expect(log.map(\.status) == [200, 304])
        #expect(log[1].ifNoneMatch != nil && log[1].ifModifiedSince != nil)
    }

    /// Runs `register add URL` expecting a failure: one line on standard error naming the URL, the status,
    /// and nothing added to the register or the cache.
    func expectFailure(
        _ server: LoopbackServer, url: String, status: Int32, reason: String, extra: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> HansardCommand.Outcome {
        let (register, cache) = try Self.newRegister()
        let outcome = try Self.run(
            ["register", "add", "--quiet", "--wait", "0", "--register", register] + extra + [url], server)
        #expect(outcome.status == status, "\(outcome.standardError)", sourceLocation: sourceLocation)
        let lines = outcome.standardError.split(separator: "\n")
        #expect(lines.count == 1, "\(outcome.standardError)", sourceLocation: sourceLocation)
        #expect(
            lines.first?.hasPrefix("hansard: \(url): ") == true, "\(outcome.standardError)",
            sourceLocation: sourceLocation)
        #expect(outcome.standardError.contains(reason), "\(outcome.standardError)", sourceLocation: sourceLocation)
        #expect(
            outcome.standardOutput.contains("0 debates added, 0 unchanged, 0 revised, 1 failed"),
            sourceLocation: sourceLocation)
        let snapshot = try Register.open(at: register, readOnly: true).snapshot()
        #expect(snapshot.debates.isEmpty && snapshot.commitments.isEmpty, sourceLocation: sourceLocation)
        #expect(Self.files(in: cache + "/pages").isEmpty, sourceLocation: sourceLocation)
        #expect(Self.files(in: cache + "/urls").isEmpty, sourceLocation: sourceLocation)
        #expect(
            Self.files(in: cache + "/tmp").isEmpty, "\(Self.files(in: cache + "/tmp"))", sourceLocation: sourceLocation)
        return outcome
    }

    @Test(
        "404, 500, a truncated body, an oversized one and a page that is not a debate: one line, a code, nothing kept")
    func failures() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let missing =
            "https://hansard.parliament.uk/Commons/2022-06-15/debates/00000000-0000-0000-0000-000000000000/None"
        _ = try expectFailure(server, url: missing, status: 66, reason: "no such page (HTTP 404)")

        let broken = "https://hansard.parliament.uk/Commons/2022-06-15/debates/broken"
        let truncated = "https://hansard.parliament.uk/Commons/2022-06-15/debates/truncated"
        let huge = "https://hansard.parliament.uk/Commons/2022-06-15/debates/endless"
        try server.publish(
            try Data(contentsOf: URL(fileURLWithPath: CorpusFile.path(Site.pages[0].corpus))),
            at: "hansard.parliament.uk/Commons/2022-06-15/debates/truncated")
        try server.setRules([
            "/hansard.parliament.uk/Commons/2022-06-15/debates/broken": ["status": 500],
            "/hansard.parliament.uk/Commons/2022-06-15/debates/truncated": ["truncate": 300_000],
            "/hansard.parliament.uk/Commons/2022-06-15/debates/endless": ["endless": true],
        ])
        _ = try expectFailure(server, url: broken, status: 69, reason: "the server answered HTTP 500")
        _ = try expectFailure(
            server, url: truncated, status: 69, reason: "the download was cut short after 300000 of 697508 bytes")
        _ = try expectFailure(server, url: huge, status: 65, reason: "larger than the 64 MB limit")
        // A directory listing is a real page but not a debate.
        let listing = "https://www.theyworkforyou.com/pwdata/scrapedxml/debates/"
        _ = try expectFailure(server, url: listing, status: 65, reason: "not a debate page")
    }

    @Test("A silent server times out after --timeout seconds")
    func slowServer() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        try server.setRules([Site.hansardPath: ["delay": 6]])
        let started = Date()
        _ = try expectFailure(
            server, url: Site.hansardURL, status: 69, reason: "the server sent nothing for 1 s",
            extra: ["--timeout", "1"])
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test("Redirects are followed within the allow-list only; hosts off it are never asked")
    func redirects() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let old = "https://hansard.parliament.uk/Commons/2022-06-15/debates/old-address"
        let offList = "https://hansard.parliament.uk/Commons/2022-06-15/debates/elsewhere"
        let offListLoopback = "https://hansard.parliament.uk/Commons/2022-06-15/debates/elsewhere-here"
        let downgrade = "https://hansard.parliament.uk/Commons/2022-06-15/debates/plain"
        let loop = "https://hansard.parliament.uk/Commons/2022-06-15/debates/loop"
        try server.setRules([
            "/hansard.parliament.uk/Commons/2022-06-15/debates/old-address": [
                "redirect": Site.hansardPath, "status": 301,
            ],
            "/hansard.parliament.uk/Commons/2022-06-15/debates/elsewhere": [
                "redirect": "https://evil.example.org/page"
            ],
            "/hansard.parliament.uk/Commons/2022-06-15/debates/elsewhere-here": ["redirect": "/evil.example.org/page"],
            "/hansard.parliament.uk/Commons/2022-06-15/debates/plain": ["redirect": "http://hansard.parliament.uk/x"],
            "/hansard.parliament.uk/Commons/2022-06-15/debates/loop": [
                "redirect": "/hansard.parliament.uk/Commons/2022-06-15/debates/loop"
            ],
        ])
        let (register, _) = try Self.newRegister()
        let followed = try Self.run(["register", "add", "--quiet", "--register", register, old], server)
        #expect(followed.status == 0, "\(followed.standardError)")
        #expect(followed.standardOutput.contains("1 debates added"))

        _ = try expectFailure(server, url: offList, status: 68, reason: "redirects to https://evil.example.org/page")
        _ = try expectFailure(
            server, url: offListLoopback, status: 68, reason: "evil.example.org is not one of the hosts")
        _ = try expectFailure(server, url: downgrade, status: 68, reason: "plain HTTP")
        _ = try expectFailure(server, url: loop, status: 69, reason: "more than 5 redirects")
        _ = try expectFailure(
            server, url: "https://example.com/debates/1", status: 68, reason: "example.com is not one of")
        #expect(
            try server.requests().allSatisfy {
                !$0.path.contains("evil.example.org") && !$0.path.contains("example.com/")
            })
    }

    @Test("No cookie is sent back, and every request names hansard and its version")
    func noCookies() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        try server.setRules([Site.hansardPath: ["cookie": "session=abc123"]])
        let (register, _) = try Self.newRegister()
        for _ in 0..<2 {
            let outcome = try Self.run(
                [
                    "register", "add", "--register", register, "--wait", "0",
                    Site.hansardURL, Site.hansardURL,
                ], server)
            #expect(outcome.status == 0)
        }
        let requests = try server.requests()
        #expect(requests.count == 4)
        #expect(requests.allSatisfy { $0.cookie == nil })
        #expect(requests.allSatisfy { $0.userAgent?.hasPrefix("hansard/0.1.0 ") == true })
    }

    @Test("--offline uses the cache only; the base-URL override is refused for anything but loopback")
    func offlineAndOverride() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let url = Site.pages[1].url
        let notYet = try expectFailure(server, url: url, status: 69, reason: "not in the cache", extra: ["--offline"])
        #expect(notYet.standardError.contains("--offline"))
        #expect(try server.requests().isEmpty)

        let (register, _) = try Self.newRegister()
        #expect(try Self.run(["register", "add", "--register", register, url], server).status == 0)
        try server.clearLog()
        // Another register in the same folder shares the cache.
        let other = (register as NSString).deletingLastPathComponent + "/other.sqlite"
        let offline = try Self.run(["register", "add", "--offline", "--register", other, url], server)
        #expect(offline.status == 0, "\(offline.standardError)")
        #expect(offline.standardOutput.contains("1 debates added"))
        #expect(offline.standardOutput.contains("no requests (--offline)"))
        #expect(try server.requests().isEmpty)

        for base in ["http://10.1.2.3:8080", "https://hansard.parliament.uk", "http://127.0.0.1.example.net:80"] {
            let outcome = try HansardCommand.run(
                ["register", "add", "--register", other, url], environment: ["HANSARD_FETCH_BASE_URL": base])
            #expect(outcome.status == 64, "\(base): \(outcome.standardError)")
            #expect(outcome.standardError.contains("HANSARD_FETCH_BASE_URL=\(base)"))
        }
        // Politeness holds for the real hosts: no --wait under half a second.
        let hurried = try HansardCommand.run(["register", "add", "--register", other, "--wait", "0", url])
        #expect(hurried.status == 64)
        #expect(hurried.standardError.contains("at least 0.5 s"))
    }
}
