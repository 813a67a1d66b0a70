import Foundation
import HansardAnalysis
import HansardIngestion
import HansardRegister

/// The self-contained HTML report: `index.html`, one page per debate under `debates/`, one per commitment
/// under `commitments/`. Pages link to each other by relative paths and load nothing from anywhere else.
///
/// Pages are made one at a time and handed to `emit`, so a large register never has its whole report, or
/// all its transcripts, in memory: each debate's page is re-read (on all cores, in register order), its
/// debate page made, and only the turns its commitments' pages quote are kept.
public enum HTMLReport {
    /// Makes every page in a stable order: debates, then commitments, then `index.html`.
    /// - Parameters:
    ///   - progress: called after each page with the number made and the total.
    ///   - emit: receives each page's path (relative to the output folder) and contents.
    /// - Returns: why each debate whose transcript could not be shown was left without it, by debate id.
    @discardableResult
    public static func render(
        _ data: ReportData, progress: (Int, Int) -> Void = { _, _ in },
        emit: (String, String) throws -> Void
    ) async throws -> [String: String] {
        let analyzer: Analyzer
        do {
            analyzer = try Analyzer()
        } catch {
            throw ReportError.rulesUnavailable(reason: error.description)
        }
        let debates = data.snapshot.debates
        let total = 1 + debates.count + data.snapshot.commitments.count
        var made = 0
        func step() {
            made += 1
            progress(made, total)
        }
        var missing: [String: String] = [:]
        var contexts: [String: CommitmentContext] = [:]
        var next = 0
        try await Intake.analyse(debates.map(\.sourcePath), reader: DebateReader(), analyzer: analyzer) { _, result in
            let record = debates[next]
            next += 1
            var transcript: DebateTranscript?
            switch result {
            case .success(let (debate, analysis)) where debate.source.sha256 == record.sha256:
                transcript = DebateTranscript(debate: debate, analysis: analysis)
            case .success:
                missing[record.id] =
                    "the page at \(record.sourcePath) has changed since it was added to the register; "
                    + "add it again to update the register"
            case .failure(.fileNotFound):
                missing[record.id] = "the page it was read from, \(record.sourcePath), is no longer there"
            case .failure(let error):
                missing[record.id] = "the page it was read from could not be read again: \(error.description)"
            }
            let page = DebatePage(data: data, debate: record, transcript: transcript, missingReason: missing[record.id])
            try emit("debates/\(HTML.fileName(record.id)).html", page.render())
            for commitment in data.commitmentsByDebate[record.id] ?? [] {
                contexts[commitment.id] = CommitmentContext(commitment, in: transcript, missingReason: missing[record.id])
            }
            step()
        }
        for commitment in data.snapshot.commitments {
            let page = CommitmentPage(data: data, commitment: commitment, context: contexts[commitment.id])
            try emit("commitments/\(HTML.fileName(commitment.id)).html", page.render())
            step()
        }
        try emit("index.html", IndexPage(data: data).render())
        step()
        return missing
    }
}

extension HTMLReport {
    /// `index.html` alone: what `render` emits last, without re-reading any debate page.
    public static func indexPage(_ data: ReportData) -> String { IndexPage(data: data).render() }
}

/// The turns a commitment's page quotes: the speech before it (usually the question) and its own.
struct CommitmentContext: Sendable {
    var previous: Turn?
    var own: Turn?
    var missingReason: String?

    init(_ commitment: CommitmentRecord, in transcript: DebateTranscript?, missingReason: String?) {
        self.missingReason = missingReason
        guard let turns = transcript?.debate.turns, let index = turns.firstIndex(where: { $0.index == commitment.turn })
        else { return }
        own = turns[index]
        previous = turns[..<index].last { $0.kind == .speech }
    }
}
