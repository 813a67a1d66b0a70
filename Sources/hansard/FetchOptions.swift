import ArgumentParser
import HansardFetch
import HansardIngestion

/// `--offline`, `--timeout` and `--wait`, shared by every command that may fetch a page.
struct FetchOptions: ParsableArguments {
    @Flag(help: "Use the page cache only: fetch nothing, and fail for a page that is not cached.")
    var offline = false

    @Option(help: ArgumentHelp("Seconds a server may send nothing before the request fails.", valueName: "seconds"))
    var timeout: Double = 30

    @Option(help: ArgumentHelp("Seconds between requests (politeness to the servers).", valueName: "seconds"))
    var wait: Double = 1

    func validate() throws {
        guard timeout > 0, timeout <= 3600 else {
            throw ValidationError("--timeout must be more than 0 and at most 3600 seconds (it is \(timeout)).")
        }
        guard wait >= 0, wait <= 3600 else {
            throw ValidationError("--wait must be between 0 and 3600 seconds (it is \(wait)).")
        }
    }

    /// The settings for `arguments` when any of them is a URL (checked before anything is opened), else nil.
    func settings(for arguments: [String]) throws -> FetchSettings? {
        arguments.contains(where: WebAddress.looksLikeURL) ? try settings() : nil
    }

    /// The settings these options ask for; the transport comes from `HANSARD_FETCH_BASE_URL` (tests only).
    func settings() throws -> FetchSettings {
        let transport = try Transport.fromEnvironment()
        // Below half a second between requests is for a test server on this machine, never for Parliament's.
        if !transport.isLoopback && wait < 0.5 {
            Terminal.report("--wait \(wait): hansard waits at least 0.5 s between requests to a public server")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        return FetchSettings(
            transport: transport, userAgent: FetchSettings.userAgent(version: Hansard.version), timeout: timeout,
            wait: wait, offline: offline)
    }
}

/// A command-line argument: a file or folder, or a URL to fetch.
enum PageArgument {
    case path(String)
    case url(String)

    init(_ argument: String) {
        self = WebAddress.looksLikeURL(argument) ? .url(argument) : .path(argument)
    }
}

/// Fetches the URLs among `arguments` into the cache and gives back the arguments with each URL replaced by its cached
/// file, and what each cached file stands for.
///
/// A URL that fails is reported and dropped.
func fetchingURLs(
    _ arguments: [String], cache: PageCache, settings: FetchSettings?, reader: DebateReader, quiet: Bool,
    failures: inout [ExitStatus]
) async -> (arguments: [String], labels: [String: String], fetcher: Fetcher?) {
    let urls = arguments.filter(WebAddress.looksLikeURL)
    guard !urls.isEmpty, let settings else { return (arguments, [:], nil) }
    let fetcher = Fetcher(cache: cache, settings: settings, reader: reader)
    let progress = ProgressBar(total: urls.count, enabled: !quiet && Terminal.standardErrorIsTerminal)
    var replaced: [String] = []
    var labels: [String: String] = [:]
    var done = 0
    for argument in arguments {
        guard case .url(let text) = PageArgument(argument) else {
            replaced.append(argument)
            continue
        }
        progress.advance(to: done, label: text)
        defer { done += 1 }
        do throws(FetchError) {
            let address = try WebAddress.parse(text)
            let page = try await fetcher.page(address)
            replaced.append(page.path)
            labels[page.path] = address.url
        } catch {
            progress.clear()
            Terminal.report(error.description)
            failures.append(ExitStatus(for: error))
        }
    }
    progress.clear()
    await fetcher.close()
    return (replaced, labels, fetcher)
}

/// One line on what fetching cost: "9 requests: 2 downloaded (1.2 MB), 7 unchanged on the server (304)".
func fetchSummary(_ statistics: FetchStatistics, offline: Bool, skipped: Int = 0) -> String {
    let stored = skipped > 0 ? "; \(skipped) day files already in the register, not requested" : ""
    if offline { return "no requests (--offline): pages read from the cache\(stored)" }
    let size: String
    if statistics.downloads == 0 {
        size = ""
    } else if statistics.bytes >= 1_000_000 {
        let tenths = (statistics.bytes + 50_000) / 100_000
        size = " (\(tenths / 10).\(tenths % 10) MB)"
    } else {
        size = " (\((statistics.bytes + 500) / 1000) kB)"
    }
    return "\(statistics.requests) requests: \(statistics.downloads) downloaded\(size), \(statistics.notModified)"
        + " unchanged on the server (304)\(stored)"
}
