import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Headless Chromium driven through the DevTools protocol over a pipe (`--remote-debugging-pipe`: JSON messages
/// ending in NUL on file descriptors 3 and 4), so a test can fill in and submit a page's real form as a person would.
///
/// The browser resolves no host name (`--host-resolver-rules`, which would also map 127.0.0.1 but for its EXCLUDE):
/// only the loopback server, by its address, is reached.
final class Browser {
    /// Debian's `chromium` package; `.ci/run` installs it.
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    private let process = Process()
    private let scratch: URL
    private var toBrowser: FileHandle?
    private var fromBrowser: FileHandle?
    private var buffer: [UInt8] = []
    private var nextId = 1
    private var session: String?

    init() throws {
        guard let path = Self.path else { throw ServeTestError(description: "chromium is not installed") }
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("hansard-cdp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let input = scratch.appendingPathComponent("in").path
        let output = scratch.appendingPathComponent("out").path
        guard mkfifo(input, 0o600) == 0, mkfifo(output, 0o600) == 0 else {
            throw ServeTestError(description: "mkfifo failed")
        }
        let log = scratch.appendingPathComponent("log.txt")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The shell opens the FIFOs as descriptors 3 and 4, then becomes the browser (under a time limit, so a
        // browser that hangs ends and the reads below see the pipe close).
        process.arguments = [
            "-c", "exec /usr/bin/timeout 120 \"$0\" \"$@\" 3<\"$CDP_IN\" 4>\"$CDP_OUT\"", path, "--headless",
            "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--user-data-dir=" + scratch.appendingPathComponent("profile").path,
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--remote-debugging-pipe", "about:blank",
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["CDP_IN"] = input
        environment["CDP_OUT"] = output
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        // In the order the shell opens them: each open waits for the other end.
        toBrowser = FileHandle(forWritingAtPath: input)
        fromBrowser = FileHandle(forReadingAtPath: output)
        guard toBrowser != nil, fromBrowser != nil else { throw ServeTestError(description: "cannot open the pipes") }
    }

    deinit {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Opens `url` in a new tab and drives that tab from then on.
    func open(_ url: URL) throws {
        let target = try send("Target.createTarget", ["url": url.absoluteString], inPage: false)
        let id = try (target["targetId"] as? String).orThrow("no targetId")
        let attached = try send("Target.attachToTarget", ["targetId": id, "flatten": true], inPage: false)
        session = try (attached["sessionId"] as? String).orThrow("no sessionId")
    }

    /// The value of a JavaScript expression in the page.
    func evaluate(_ expression: String) throws -> Any? {
        let result = try send("Runtime.evaluate", ["expression": expression, "returnByValue": true])
        if let exception = result["exceptionDetails"] { throw ServeTestError(description: "script: \(exception)") }
        return (result["result"] as? [String: Any])?["value"]
    }

    /// Waits (at most `seconds`) until `expression` gives a non-empty string, and returns it.
    func waitFor(_ expression: String, seconds: Double = 30) throws -> String {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            // During a navigation the old page's context is gone: try again.
            if let value = try? evaluate(expression) as? String, !value.isEmpty { return value }
            Thread.sleep(forTimeInterval: 0.2)
        }
        throw ServeTestError(description: "timed out waiting for \(expression)")
    }

    func close() {
        _ = try? send("Browser.close", [:], inPage: false)
    }

    private func send(_ method: String, _ parameters: [String: Any], inPage: Bool = true) throws -> [String: Any] {
        let id = nextId
        nextId += 1
        var message: [String: Any] = ["id": id, "method": method, "params": parameters]
        if inPage { message["sessionId"] = try session.orThrow("no page open") }
        toBrowser?.write(try JSONSerialization.data(withJSONObject: message) + [0])
        while true {
            let reply = try readMessage()
            guard reply["id"] as? Int == id else { continue }  // events, and answers to nothing we wait for
            if let error = reply["error"] { throw ServeTestError(description: "\(method): \(error)") }
            return reply["result"] as? [String: Any] ?? [:]
        }
    }

    private func readMessage() throws -> [String: Any] {
        while true {
            if let end = buffer.firstIndex(of: 0) {
                let data = Data(buffer[..<end])
                buffer.removeSubrange(...end)
                return try (JSONSerialization.jsonObject(with: data) as? [String: Any]).orThrow("not JSON")
            }
            let chunk = fromBrowser?.availableData ?? Data()
            if chunk.isEmpty { throw ServeTestError(description: "the browser closed its pipe") }
            buffer += chunk
        }
    }
}

extension Optional {
    func orThrow(_ what: String) throws -> Wrapped {
        guard let self else { throw ServeTestError(description: what) }
        return self
    }
}
