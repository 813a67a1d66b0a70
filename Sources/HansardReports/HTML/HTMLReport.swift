import Foundation
public import HansardIngestion
public import HansardRegister

/// The self-contained HTML report: `index.html`, one page per debate under `debates/`, one per commitment under
/// `commitments/`, and `overdue.xml`, an Atom feed of the commitments that became overdue.
///
/// Pages link to each other by relative paths and load nothing from anywhere else.
///
/// The report reads no file and analyses nothing: whoever makes it reads each debate's page (the register keeps
/// where it was and its SHA-256) and hands the transcript to ``debatePage(_:transcript:unavailable:)``, one debate
/// at a time, so a large register never has all its transcripts in memory. Only the turns the commitments' pages
/// quote are kept.
public struct HTMLReport {
    /// What the report shows.
    public let data: ReportData
    /// The most commitments `index.html` lists itself; a larger register's index gives each department's figures
    /// and links to its page under `lists/` (``listPages()``).
    public let listLimit: Int

    /// The default ``listLimit``: an index of 2,000 commitments is about 3 MB.
    public static let defaultListLimit = 2_000

    /// The folders of pages a report writes, in which a page it did not write is stale.
    public static let pageFolders = ["debates", "commitments", "lists"]

    /// A report of `data`, whose index lists at most `listLimit` commitments itself.
    public init(_ data: ReportData, listLimit: Int = HTMLReport.defaultListLimit) {
        self.data = data
        self.listLimit = listLimit
    }

    private var index: IndexPage { IndexPage(data: data, listLimit: listLimit) }

    /// How many pages ``render(_:transcript:progress:emit:)`` makes: one per debate and commitment, the pages
    /// under `lists/` when the index summarises, the index and the feed.
    public var pageCount: Int {
        2 + data.snapshot.debates.count + data.snapshot.commitments.count + index.listPageCount
    }

    /// The page of `debate`: its transcript with what the register found in it marked, or, without one, what
    /// the register holds and why the transcript is not shown.
    /// - Parameters:
    ///   - debate: the debate as the register holds it.
    ///   - transcript: the debate's page as read again, whose SHA-256 the caller checked against the register's.
    ///   - unavailable: why there is no transcript, in words ("the page … is no longer there").
    /// - Returns: the page's path, relative to the output folder, and its contents.
    public func debatePage(_ debate: DebateRecord, transcript: Debate?, unavailable: String?) -> (
        path: String, contents: String
    ) {
        let page = DebatePage(data: data, debate: debate, transcript: transcript, missingReason: unavailable)
        return ("debates/\(HTML.fileName(debate.id)).html", page.render())
    }

    /// The page of `debate` (``debatePage(_:transcript:unavailable:)``) and then the page of each of its
    /// commitments, quoting the transcript, which is not kept: a report of an archive holds one transcript at a
    /// time, where keeping every commitment's two quoted turns until all debates were read held them all.
    public func debatePages(_ debate: DebateRecord, transcript: Debate?, unavailable: String?) -> [(
        path: String, contents: String
    )] {
        var pages = [debatePage(debate, transcript: transcript, unavailable: unavailable)]
        for commitment in data.commitmentsByDebate[debate.id] ?? [] {
            let context = CommitmentContext(commitment, in: transcript, missingReason: unavailable)
            pages.append(commitmentPage(commitment, context: context))
        }
        return pages
    }

    /// The pages of commitments whose debate the register does not hold, which ``debatePages(_:transcript:unavailable:)``
    /// never reaches; none in a register hansard made.
    public func orphanCommitmentPages() -> [(path: String, contents: String)] {
        data.snapshot.commitments.filter { data.debatesById[$0.debateId] == nil }.map {
            commitmentPage($0, context: nil)
        }
    }

    private func commitmentPage(_ commitment: CommitmentRecord, context: CommitmentContext?) -> (
        path: String, contents: String
    ) {
        let page = CommitmentPage(data: data, commitment: commitment, context: context)
        return ("commitments/\(HTML.fileName(commitment.id)).html", page.render())
    }

    /// The pages under `lists/` that a summary index links to (each department's commitments, every debate);
    /// none when `index.html` lists everything itself.
    public func listPages() -> [(path: String, contents: String)] { index.listPages() }

    /// `index.html`.
    public func indexPage() -> (path: String, contents: String) { ("index.html", index.render()) }

    /// `overdue.xml`.
    public func feed() -> (path: String, contents: String) { (OverdueFeed.fileName, OverdueFeed.render(data)) }

    /// Makes every page in a stable order: each debate followed by its commitments, the pages under `lists/`, then
    /// `index.html` and `overdue.xml`.
    ///
    /// - Parameters:
    ///   - data: the report's register data and date.
    ///   - listLimit: the most commitments `index.html` lists itself (``listLimit``).
    ///   - transcript: the transcript of each debate, or why there is none.
    ///   - progress: called after each page with the number made and the total.
    ///   - emit: receives each page's path (relative to the output folder) and contents.
    /// - Throws: whatever `transcript` or `emit` throws; the pages emitted before it stay emitted.
    public static func render(
        _ data: ReportData, listLimit: Int = HTMLReport.defaultListLimit,
        transcript: (DebateRecord) throws -> (Debate?, unavailable: String?),
        progress: (Int, Int) -> Void = { _, _ in }, emit: (String, String) throws -> Void
    ) throws {
        let report = HTMLReport(data, listLimit: listLimit)
        let total = report.pageCount
        var made = 0
        func step() {
            made += 1
            progress(made, total)
        }
        for debate in data.snapshot.debates {
            let (page, reason) = try transcript(debate)
            for (path, contents) in report.debatePages(debate, transcript: page, unavailable: reason) {
                try emit(path, contents)
                step()
            }
        }
        for (path, contents) in report.orphanCommitmentPages() + report.listPages() + [
            report.indexPage(), report.feed(),
        ] {
            try emit(path, contents)
            step()
        }
    }
}

extension HTMLReport {
    /// `index.html` alone, listing every commitment however many, without re-reading any debate page.
    /// - Parameters:
    ///   - data: the report's register data and date.
    ///   - extra: markup (already escaped) placed first in the page's main part; `hansard serve` links its search
    ///     there. Nil for the static report.
    /// - Returns: the page's HTML.
    public static func indexPage(_ data: ReportData, extra: String? = nil) -> String {
        IndexPage(data: data, extra: extra).render()
    }

    /// The `index.html` of a register of more than ``defaultListLimit`` commitments, from its figures alone: what
    /// `render` emits last for such a register, with the departments linked where `departmentLink` says.
    /// - Parameters:
    ///   - figures: the register's figures (``RegisterBackend/figures(asOf:overdueLimit:)``, with
    ///     ``summaryOverdueRows`` of the longest overdue).
    ///   - extra: markup (already escaped) placed first in the page's main part.
    ///   - debatesLink: the address of the list of debates, or nil for none.
    ///   - departmentLink: the address of a department's commitments, given its name (nil for those with no
    ///     department named), or nil for no link.
    /// - Returns: the page's HTML.
    public static func indexPage(
        _ figures: RegisterFigures, extra: String? = nil, debatesLink: String? = nil,
        departmentLink: (String?) -> String?
    ) -> String {
        IndexPage.summary(figures, extra: extra, debatesLink: debatesLink, departmentLink: departmentLink)
    }

    /// How many of the longest overdue commitments the index of a large register lists.
    public static var summaryOverdueRows: Int { IndexPage.summaryOverdueRows }

    /// One commitment's page on its own, as `hansard serve` renders it when asked for: the same page the static
    /// report writes, with `actions` (already escaped markup: the server's forms) after the follow-ups.
    /// - Parameters:
    ///   - data: the report's register data and date.
    ///   - commitment: the commitment, one of `data`'s.
    ///   - transcript: its debate's page as read again, whose SHA-256 the caller checked; nil when not found.
    ///   - unavailable: why there is no transcript, in words fit to publish.
    ///   - actions: markup placed after the follow-ups, or nil.
    /// - Returns: the page's HTML.
    public static func commitmentPage(
        _ data: ReportData, commitment: CommitmentRecord, transcript: Debate?, unavailable: String?,
        actions: String? = nil
    ) -> String {
        CommitmentPage(
            data: data, commitment: commitment,
            context: CommitmentContext(commitment, in: transcript, missingReason: unavailable), actions: actions
        ).render()
    }
}

/// The turns a commitment's page quotes: the speech before it (usually the question) and its own.
struct CommitmentContext: Sendable {
    var previous: Turn?
    var own: Turn?
    var missingReason: String?

    init(_ commitment: CommitmentRecord, in transcript: Debate?, missingReason: String?) {
        self.missingReason = missingReason
        guard let turns = transcript?.turns, let index = turns.firstIndex(where: { $0.index == commitment.turn })
        else { return }
        own = turns[index]
        previous = turns[..<index].last { $0.kind == .speech }
    }
}
