import ArgumentParser
import HansardFetch
import HansardIngestion
import HansardRegister

extension Hansard {
    struct Fetch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fetch the debates of sitting days from TheyWorkForYou's XML and add them to the register.",
            discussion: """
                Reads the listing of each kind of day file (Commons debates, Westminster Hall, written \
                statements and answers; Lords debates, written statements and answers) under \
                https://www.theyworkforyou.com/pwdata/scrapedxml/, takes each day's newest revision, fetches it \
                into the cache beside the register (conditionally when it is cached already) and adds it. A \
                revised day file is stored as a revision of the debate it revises.

                Examples:
                  hansard fetch --house commons --date 2022-06-22
                  hansard fetch --from 2024-07-01 --to 2024-07-31 --kind debates --kind lordspages
                  hansard fetch --date 2009-10-28 --offline
                """
        )

        @OptionGroup var location: RegisterLocation
        @OptionGroup var days: DayFileSelection

        @Option(help: ArgumentHelp("The sitting day (yyyy-MM-dd).", valueName: "date"))
        var date: DateArgument?

        @Option(help: ArgumentHelp("The first sitting day (yyyy-MM-dd).", valueName: "date"))
        var from: DateArgument?

        @Option(help: ArgumentHelp("The last sitting day (default: --from).", valueName: "date"))
        var to: DateArgument?

        @OptionGroup(title: "Fetching") var fetching: FetchOptions

        func validate() throws {
            switch (date, from) {
            case (nil, nil): throw ValidationError("Name the day with --date, or the days with --from and --to.")
            case (.some, .some): throw ValidationError("--date names one day; use --from and --to for several.")
            case (.some, nil) where to != nil: throw ValidationError("--to goes with --from, not with --date.")
            default: break
            }
            if let from, let to, to.date < from.date {
                throw ValidationError("--to \(to.text) is before --from \(from.text).")
            }
        }

        func run() async throws {
            // validate() has made sure one of --date and --from is given.
            guard let first = date?.date ?? from?.date else { throw ExitCode(ExitStatus.usage.rawValue) }
            let last = date?.date ?? to?.date ?? first
            try await DayFileRun(location: location, days: days, fetching: fetching, skipStored: false)
                .run(from: first, through: last)
        }
    }

    struct Sync: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bring the register up to date from TheyWorkForYou's XML day files.",
            discussion: """
                Like fetch, for every sitting day from --since to --until (today by default), but a day file \
                the register already holds is passed over without a request; only the listings are asked \
                for, conditionally, so a sync with nothing new downloads nothing. It can be stopped at any \
                point (even kill -9) and run again: every day added before is kept and not fetched again. \
                Without --since, a sync goes on from the last day file it stored.

                Examples:
                  hansard sync --since 2024-07-01
                  hansard sync --house lords
                  hansard sync --since 2024-07-01 --until 2024-07-31 --kind debates --quiet
                """
        )

        @OptionGroup var location: RegisterLocation
        @OptionGroup var days: DayFileSelection

        @Option(help: ArgumentHelp("The first sitting day (default: the last day synced).", valueName: "date"))
        var since: DateArgument?

        @Option(help: ArgumentHelp("The last sitting day (default: today).", valueName: "date"))
        var until: DateArgument?

        @OptionGroup(title: "Fetching") var fetching: FetchOptions

        func validate() throws {
            if let since, let until, until.date < since.date {
                throw ValidationError("--until \(until.text) is before --since \(since.text).")
            }
        }

        func run() async throws {
            let run = DayFileRun(location: location, days: days, fetching: fetching, skipStored: true)
            try await run.run(from: since?.date, through: until?.date ?? CalendarDate.today())
        }
    }
}

/// `--house`, `--kind`, `--quiet` and `--verbose` for `fetch` and `sync`.
struct DayFileSelection: ParsableArguments {
    @Option(help: "commons or lords (default: both).")
    var house: HouseArgument?

    @Option(
        help: ArgumentHelp(
            "Only this kind of day file, by its folder under scrapedxml/ (repeatable; default: every kind).",
            valueName: "kind"))
    var kind: [DayFileKindArgument] = []

    @Flag(name: .shortAndLong, help: "No progress bar.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print a line for each day file (added, unchanged, revised, skipped).")
    var verbose = false

    func validate() throws {
        if let house, let wrong = kind.first(where: { $0.kind.house != house.house }) {
            throw ValidationError("--kind \(wrong.kind.rawValue) is not a \(house.house.rawValue) kind of day file.")
        }
    }

    /// The kinds asked for, in TheyWorkForYou's folder order.
    var kinds: [DayFileKind] {
        let named = Set(kind.map(\.kind))
        return DayFileKind.allCases.filter { candidate in
            (named.isEmpty || named.contains(candidate)) && (house == nil || candidate.house == house?.house)
        }
    }
}

struct DayFileKindArgument: ExpressibleByArgument {
    let kind: DayFileKind
    init?(argument: String) {
        guard let kind = DayFileKind(rawValue: argument.lowercased()) else { return nil }
        self.kind = kind
    }
    static var allValueStrings: [String] { DayFileKind.allCases.map(\.rawValue) }
}

/// Fetches and adds day files one at a time, so that every day reported as added is in the register even if
/// the run is killed, and a rerun goes on from there.
struct DayFileRun {
    let location: RegisterLocation
    let days: DayFileSelection
    let fetching: FetchOptions
    /// `sync`: a day file whose cached copy the register holds is passed over without a request.
    let skipStored: Bool

    func run(from first: SittingDate?, through last: SittingDate) async throws {
        let settings = try fetching.settings()
        let register = try location.open()
        let reader = DebateReader()
        let cache = PageCache.beside(register: register.pageCacheAnchor)
        let store = try PageStore(register: register, reader: reader, verbose: days.verbose)
        guard let first = try first ?? lastSynced(cache: cache, register: register) else {
            Terminal.report(
                "the register holds no TheyWorkForYou day file yet, so there is no last day to go on from:"
                    + " name the first day with --since yyyy-MM-dd")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        let fetcher = Fetcher(cache: cache, settings: settings, reader: reader)
        var listed: [DayFile] = []
        var listingsRead = 0
        var stopped = false
        let listings = ProgressBar(total: days.kinds.count, enabled: !days.quiet && Terminal.standardErrorIsTerminal)
        for (index, kind) in days.kinds.enumerated() {
            listings.advance(to: index, label: "listing " + TheyWorkForYou.listing(kind).url)
            do throws(FetchError) {
                listed += try await fetcher.dayFiles(kind)
                listingsRead += 1
            } catch {
                listings.clear()
                stopped = Self.stopsTheRun(error)
                // One line per failure: when the run stops here, the same line says so.
                let stop = stopped ? "; stopped, nothing fetched: run the same command again later" : ""
                store.fail(error.description + stop, ExitStatus(for: error))
                if stopped { break }
            }
        }
        listings.clear()
        let plan = stopped ? [] : TheyWorkForYou.newestRevisions(listed, from: first, through: last)
        if plan.isEmpty && listingsRead > 0 && !stopped {
            Terminal.report(
                "no day files listed from \(first) to \(last) for \(days.kinds.map(\.rawValue).joined(separator: ", "))"
                    + " (no sitting, or not published yet)")
        }
        let progress = ProgressBar(total: plan.count, enabled: !days.quiet && Terminal.standardErrorIsTerminal)
        var skipped = 0
        for (index, file) in plan.enumerated() {
            let url = file.address.url
            // The URL record alone decides: the register holding that SHA-256 means the day is stored, whatever
            // became of the cached copy, so a sync over years of days does not re-hash every cached file.
            if skipStored, let record = fetcher.cache.record(for: url),
                try register.hasPageVersion(sha256: record.sha256)
            {
                skipped += 1
                if days.verbose {
                    progress.clear()
                    Terminal.write("skipped \(url): already in the register\n")
                }
                progress.advance(to: index + 1, label: url)
                continue
            }
            progress.advance(to: index, label: url)
            let page: FetchedPage
            do throws(FetchError) {
                page = try await fetcher.page(file.address)
            } catch {
                progress.clear()
                guard Self.stopsTheRun(error) else {
                    store.fail(error.description, ExitStatus(for: error))
                    continue
                }
                let left = plan.count - index - 1
                store.fail(
                    error.description + "; stopped, \(left) more day files not fetched: run the same command again"
                        + " to go on (what was added is kept)", ExitStatus(for: error))
                break
            }
            try await store.add(
                [page.path], labels: [page.path: url], progress: NoProgress.bar, remainingAfter: plan.count - index - 1)
            progress.advance(to: index + 1, label: url)
        }
        progress.clear()
        await fetcher.close()
        let statistics = await fetcher.statistics
        Terminal.write(
            fetchSummary(statistics, offline: fetching.offline, skipped: skipped) + "\n")
        try store.finish()
    }

    /// A failure that the next request would meet too (no network, a server fault, a request to slow down):
    /// the run stops rather than press on, and a rerun resumes.
    static func stopsTheRun(_ error: FetchError) -> Bool {
        switch error {
        case .network, .timedOut, .truncated, .httpStatus, .cache, .invalidBaseURL: true
        case .refused, .notFound, .tooLarge, .tooManyRedirects, .notCached, .page, .listing: false
        }
    }

    /// The newest day among the TheyWorkForYou day files whose cached copy the register holds.
    private func lastSynced(cache: PageCache, register: any RegisterBackend) throws -> SittingDate? {
        var latest: SittingDate?
        for record in cache.allRecords() {
            guard record.url.hasPrefix("https://www.theyworkforyou.com" + TheyWorkForYou.root) else { continue }
            let parts = record.url.split(separator: "/")
            guard parts.count >= 2 else { continue }
            let folder = String(parts[parts.count - 2])
            guard let kind = DayFileKind(rawValue: folder), days.kinds.contains(kind),
                let file = DayFile(name: String(parts[parts.count - 1]), kind: kind),
                try register.hasPageVersion(sha256: record.sha256)
            else { continue }
            if latest.map({ file.date > $0 }) ?? true { latest = file.date }
        }
        return latest
    }
}

/// A progress bar that draws nothing, for adding one page inside a run that has its own bar.
enum NoProgress {
    static var bar: ProgressBar { ProgressBar(total: 0, enabled: false) }
}
