import Foundation
import HansardTestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A register built from corpus pages and `hansard serve` running over it, as the built executable on 127.0.0.1
/// with a port the system picked.
final class ServedRegister: @unchecked Sendable {
    /// The Lords debate of 8 March 2023 on WhatsApp; its line 25 holds the commitment the tests resolve.
    static let seed = "text-saves/lords-2023-03-08-whatsapp-ministerial-communications.txt"
    /// Words of the commitment on the seed's line 25 that the commitment's object does not repeat.
    static let quoted =
        "we are in the process of developing revised guidance on the use of non-corporate communication channels"
    /// The object of that commitment.
    static let revisedGuidance = "revised guidance on the use of non-corporate communication channels"

    let folder: String
    let register: String
    let base: URL
    let token: String?
    private let process: Process

    /// Builds a register from `pages` (in a fresh folder, or in the `postgres` database) and starts the server.
    init(
        pages: [String] = [seed], token: String? = nil, postgres: String? = nil, serving: [String] = [],
        name: String = #function
    ) throws {
        folder = try Scratch.folder(name)
        // The pages are added straight to the register the server reads, whichever backend it is.
        register = postgres ?? folder + "/r.sqlite"
        let added = try HansardCommand.run(
            ["register", "add", "--quiet", "--register", register] + pages.map(CorpusFile.relativePath))
        try #require(added.status == 0, "register add: \(added.standardError)")
        self.token = token
        var arguments = ["serve", "--register", register, "--port", "0", "--by", "Server Default"]
        if let token { arguments += ["--token", token] }
        arguments += serving
        let (process, output) = try HansardCommand.start(arguments)
        self.process = process
        let line = try Self.firstLine(of: output, process: process)
        base = try #require(URL(string: line), "serve printed \(line)")
        #expect(line.hasPrefix("http://127.0.0.1:") && line.hasSuffix("/"), "serve printed \(line)")
    }

    deinit {
        if process.isRunning {
            process.interrupt()
            process.waitUntilExit()
        }
    }

    /// Stops the server with SIGINT, as Ctrl-C does, and returns its exit status.
    func stop() -> Int32 {
        process.interrupt()
        process.waitUntilExit()
        return process.terminationStatus
    }

    var isRunning: Bool { process.isRunning }

    private static func firstLine(of pipe: Pipe, process: Process) throws -> String {
        var bytes: [UInt8] = []
        let handle = pipe.fileHandleForReading
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            bytes += chunk
            if let end = bytes.firstIndex(of: UInt8(ascii: "\n")) {
                return String(decoding: bytes[..<end], as: UTF8.self)
            }
        }
        throw ServeTestError(description: "serve printed no URL (running: \(process.isRunning))")
    }

    // MARK: The register, through the CLI

    /// The one commitment whose promise contains `words`.
    func commitmentId(promising words: String = revisedGuidance) throws -> String {
        let rows = try list()
        let found = rows.filter { ($0["promise"] ?? "").contains(words) }
        try #require(found.count == 1, "expected one commitment promising \(words), found \(found.count)")
        return found[0]["id"]!
    }

    /// The one commitment whose words contain `words`.
    func commitmentId(quoting words: String) throws -> String {
        let found = try list().filter { ($0["quote"] ?? "").contains(words) }
        try #require(found.count == 1, "expected one commitment quoting \(words), found \(found.count)")
        return found[0]["id"]!
    }

    /// Every commitment as `hansard commitments --all --all-governments` lists it (tab-separated, whole ids).
    func list() throws -> [[String: String]] {
        let listed = try HansardCommand.run(
            [
                "commitments", "--register", register, "--all", "--all-governments", "--format", "tsv", "--columns",
                "id,status,promise,latest_evidence,department,due_by,quote",
            ])
        try #require(listed.status == 0, "commitments: \(listed.standardError)")
        let lines = listed.standardOutput.split(separator: "\n").map(String.init)
        guard let header = lines.first?.components(separatedBy: "\t") else { return [] }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0.components(separatedBy: "\t"))) }
    }

    /// `hansard register show ID`.
    func show(_ id: String) throws -> String {
        let shown = try HansardCommand.run(["register", "show", id, "--register", register])
        try #require(shown.status == 0, "register show: \(shown.standardError)")
        return shown.standardOutput
    }

    // MARK: HTTP

    /// `path` (relative, "" for the index) on the server.
    func url(_ path: String) throws -> URL {
        path.isEmpty ? base : try #require(URL(string: path, relativeTo: base)?.absoluteURL, "no URL \(path)")
    }

    /// GET `path`, with the token as a Bearer header when `authorised`.
    func get(_ path: String, authorised: Bool = true, headers: [String: String] = [:]) throws -> HTTPReply {
        var request = URLRequest(url: try url(path))
        if authorised, let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        return try HTTPReply.send(request)
    }

    /// POST a form to `path` as a browser on the served page would: Origin this server, the token when set.
    func post(_ path: String, _ fields: [(String, String)], origin: String? = nil, authorised: Bool = true)
        throws -> HTTPReply
    {
        var request = URLRequest(url: try url(path))
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        let ownOrigin = "http://\(base.host!):\(base.port!)"
        if let origin = origin ?? Optional(ownOrigin), !origin.isEmpty {
            request.setValue(origin, forHTTPHeaderField: "Origin")
        }
        if authorised, let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        request.httpBody = Data(HTTPReply.formEncoded(fields).utf8)
        return try HTTPReply.send(request)
    }

    /// The CSRF token the commitment page's forms carry.
    func csrf(onPageOf id: String) throws -> String {
        let page = try get("commitments/\(id).html")
        try #require(page.status == 200, "commitment page: \(page.status) \(page.body.prefix(300))")
        return try #require(HTTPReply.csrf(in: page.body), "no csrf field on the commitment page")
    }
}

struct ServeTestError: Error, CustomStringConvertible {
    var description: String
}

/// An HTTP answer, redirects not followed.
struct HTTPReply: Sendable {
    var status: Int
    var headers: [String: String]
    var body: String

    func header(_ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }

    /// Sends `request` and waits for the answer (at most 60 s), without following redirects.
    static func send(_ request: URLRequest) throws -> HTTPReply {
        let delegate = NoRedirects()
        let session = URLSession(configuration: .ephemeral, delegate: delegate, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let done = DispatchSemaphore(value: 0)
        let result = ReplyBox()
        var request = request
        request.timeoutInterval = 60
        session.dataTask(with: request) { data, response, error in
            if let response = response as? HTTPURLResponse {
                var headers: [String: String] = [:]
                for (key, value) in response.allHeaderFields {
                    headers["\(key)"] = "\(value)"
                }
                result.reply = HTTPReply(
                    status: response.statusCode, headers: headers, body: String(decoding: data ?? Data(), as: UTF8.self)
                )
            } else {
                result.error = error
            }
            done.signal()
        }.resume()
        done.wait()
        if let reply = result.reply { return reply }
        throw ServeTestError(description: "\(request.url!): \(String(describing: result.error))")
    }

    static func formEncoded(_ fields: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.map { name, value in
            name + "=" + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)
        }.joined(separator: "&")
    }

    /// The value of the first hidden `csrf` field in `html`.
    static func csrf(in html: String) -> String? {
        guard let start = html.range(of: "name=\"csrf\" value=\"") else { return nil }
        let rest = html[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }
}

private final class ReplyBox: @unchecked Sendable {
    var reply: HTTPReply?
    var error: (any Error)?
}

private final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
