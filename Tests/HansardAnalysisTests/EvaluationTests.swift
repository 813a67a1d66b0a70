import Foundation
import HansardAnalysis
import HansardIngestion
import HansardTestSupport
import Testing

@Suite("Analysis evaluation against the annotated pages")
struct EvaluationTests {
    /// Pages the rules were developed against (docs/analysis.md tells the story).
    static let developmentFiles = [
        "lords-2023-03-08-whatsapp.json",
        "commons-1961-07-18-science.json",
        "commons-1963-03-21-treasury.json",
        "commons-1980-04-24-treasury.json",
        "commons-2022-06-15-cop26.json",
        "lords-2009-10-26-questions.json",
        "commons-1963-03-21-later.json",
        "commons-1980-04-24-later.json",
    ]

    /// Second round: held out from the first tuning; its misses were studied in the third round.
    static let heldOutFiles = [
        "heldout-commons-1961-07-18-prime-minister.json",
        "heldout-commons-2022-06-15-pmqs.json",
    ]

    /// Third round, tuning half: annotated before any rule change, scored, then its misses studied.
    static let tuningFiles = [
        "tuning-commons-2023-03-28-justice.json",
        "tuning-westminster-hall-2009-10-28-wareham.json",
        "tuning-commons-1915-03-03-aliens.json",
    ]

    /// Third round, final half: annotated with the tuning half, set aside, scored once after the third-round rule
    /// changes, and studied in the fourth round.
    static let finalFiles = [
        "final-commons-2023-03-28-topical.json",
        "final-westminster-hall-2009-10-28-pudsey.json",
        "final-lords-2009-10-27-wms.json",
        "final-commons-2011-07-19-publications-oral.json",
    ]

    /// Fourth round: annotated after the third-round rules were fixed, scored, then studied in the fifth round.
    static let fourthRoundFiles = [
        "round4-commons-2009-10-29-wms.json",
        "round4-lords-1915-02-10-alien-enemies.json",
        "round4-commons-1914-09-17-contracts.json",
        "round4-commons-1916-11-21-german-banks.json",
        "round4-commons-1914-11-16-alien-enemies.json",
        "round4-commons-1916-10-26-written-answers.json",
        "round4-commons-2011-07-19-written-statements.json",
    ]

    /// Fifth round: annotated after the fourth-round rules were fixed; its misses have not been studied.
    static let fifthRoundFiles = [
        "round5-westminster-hall-2009-10-28-dartford.json",
        "round5-westminster-hall-2009-10-28-death-penalty.json",
        "round5-westminster-hall-2009-10-28-sri-lanka.json",
    ]

    struct Bar {
        var commitmentPrecision: Double
        var commitmentRecall: Double
        var requestPrecision: Double
        var requestRecall: Double
        var evasionPrecision: Double
        /// nil where the set has too few gold evasions for a recall figure to mean anything.
        var evasionRecall: Double?
    }

    /// What the rules reach, less a small margin (figures in docs/analysis.md).
    static let developmentBar = Bar(
        commitmentPrecision: 0.92, commitmentRecall: 0.97, requestPrecision: 0.97, requestRecall: 0.85,
        evasionPrecision: 0.95, evasionRecall: 0.88)
    static let heldOutBar = Bar(
        commitmentPrecision: 0.95, commitmentRecall: 0.90, requestPrecision: 0.92, requestRecall: 0.80,
        evasionPrecision: 0.95, evasionRecall: 0.70)
    static let tuningBar = Bar(
        commitmentPrecision: 0.95, commitmentRecall: 0.90, requestPrecision: 0.95, requestRecall: 0.60,
        evasionPrecision: 0.95, evasionRecall: 0.55)
    /// One gold evasion in the final set: no recall bar for evasions there.
    static let finalBar = Bar(
        commitmentPrecision: 0.95, commitmentRecall: 0.80, requestPrecision: 0.95, requestRecall: 0.85,
        evasionPrecision: 0.95, evasionRecall: nil)
    static let fourthRoundBar = Bar(
        commitmentPrecision: 0.95, commitmentRecall: 0.58, requestPrecision: 0.75, requestRecall: 0.35,
        evasionPrecision: 0.95, evasionRecall: 0.95)
    /// No gold evasions in the fifth round.
    static let fifthRoundBar = Bar(
        commitmentPrecision: 0.95, commitmentRecall: 0.35, requestPrecision: 0.60, requestRecall: 0.35,
        evasionPrecision: 0.95, evasionRecall: nil)
    /// Every development page's commitment precision and recall must reach this.
    static let developmentPageBar = (precision: 0.65, recall: 0.95)

    struct Totals {
        var commitments = Score()
        var requests = Score()
        var evasions = Score()
        var trapsHit: [String] = []
        var report = ""
    }

    static func evaluate(_ files: [String]) throws -> (Totals, [String: Evaluation]) {
        let analyzer = try Analyzer()
        var totals = Totals()
        var pages: [String: Evaluation] = [:]
        for file in files {
            let gold = try GoldPage.load(file)
            let debate = try DebateReader().read(contentsOf: CorpusFile.path(gold.page))
            let evaluation = Evaluation(gold: gold, debate: debate, analysis: analyzer.analyse(debate))
            pages[file] = evaluation
            totals.commitments = totals.commitments + evaluation.commitments
            totals.requests = totals.requests + evaluation.requests
            totals.evasions = totals.evasions + evaluation.evasions
            totals.trapsHit += evaluation.trapsHit.map { "\(file): \($0)" }
            let attributes = evaluation.attributeAgreement
            let outcomes = evaluation.outcomeAgreement
            totals.report += "\(file)\n  commitments \(evaluation.commitments.summary)"
                + "  attributes agree \(attributes.agreeing)/\(attributes.found)\n"
                + "  requests    \(evaluation.requests.summary)  outcomes agree \(outcomes.agreeing)/\(outcomes.found)\n"
                + "  evasions    \(evaluation.evasions.summary)\n"
        }
        totals.report += "total\n  commitments \(totals.commitments.summary)\n  requests    \(totals.requests.summary)\n"
            + "  evasions    \(totals.evasions.summary)\n  traps hit   \(totals.trapsHit.count)\n"
        return (totals, pages)
    }

    static func expect(_ totals: Totals, reach bar: Bar) {
        #expect(totals.commitments.precision >= bar.commitmentPrecision, "commitments \(totals.commitments.summary)")
        #expect(totals.commitments.recall >= bar.commitmentRecall, "commitments \(totals.commitments.summary)")
        #expect(totals.requests.precision >= bar.requestPrecision, "requests \(totals.requests.summary)")
        #expect(totals.requests.recall >= bar.requestRecall, "requests \(totals.requests.summary)")
        #expect(totals.evasions.precision >= bar.evasionPrecision, "evasions \(totals.evasions.summary)")
        if let evasionRecall = bar.evasionRecall {
            #expect(totals.evasions.recall >= evasionRecall, "evasions \(totals.evasions.summary)")
        }
    }

    @Test("development pages: precision and recall per page and overall stay above the bar")
    func developmentPages() throws {
        let (totals, pages) = try Self.evaluate(Self.developmentFiles)
        print("Development pages\n" + totals.report)
        for (file, evaluation) in pages {
            let score = evaluation.commitments
            #expect(score.precision >= Self.developmentPageBar.precision, "\(file): commitments \(score.summary)")
            #expect(score.recall >= Self.developmentPageBar.recall, "\(file): commitments \(score.summary)")
        }
        #expect(totals.trapsHit.count <= 1, "traps reported as commitments: \(totals.trapsHit)")
        Self.expect(totals, reach: Self.developmentBar)
    }

    @Test("held-out pages: precision and recall stay above the bar")
    func heldOutPages() throws {
        let (totals, _) = try Self.evaluate(Self.heldOutFiles)
        print("Held-out pages\n" + totals.report)
        #expect(totals.trapsHit.isEmpty, "traps reported as commitments: \(totals.trapsHit)")
        Self.expect(totals, reach: Self.heldOutBar)
    }

    @Test("third-round tuning pages: precision and recall stay above the bar")
    func tuningPages() throws {
        let (totals, _) = try Self.evaluate(Self.tuningFiles)
        print("Third-round tuning pages\n" + totals.report)
        #expect(totals.trapsHit.isEmpty, "traps reported as commitments: \(totals.trapsHit)")
        Self.expect(totals, reach: Self.tuningBar)
    }

    @Test("third-round final pages: precision and recall stay above the bar")
    func finalPages() throws {
        let (totals, _) = try Self.evaluate(Self.finalFiles)
        print("Third-round final held-out pages\n" + totals.report)
        #expect(totals.trapsHit.isEmpty, "traps reported as commitments: \(totals.trapsHit)")
        Self.expect(totals, reach: Self.finalBar)
    }

    @Test("fifth-round pages (not studied): precision and recall stay above the bar")
    func fifthRoundPages() throws {
        let (totals, _) = try Self.evaluate(Self.fifthRoundFiles)
        print("Fifth-round pages\n" + totals.report)
        #expect(totals.trapsHit.isEmpty, "traps reported as commitments: \(totals.trapsHit)")
        Self.expect(totals, reach: Self.fifthRoundBar)
    }

    @Test("fourth-round pages: precision and recall stay above the bar")
    func fourthRoundPages() throws {
        let (totals, _) = try Self.evaluate(Self.fourthRoundFiles)
        print("Fourth-round pages\n" + totals.report)
        #expect(totals.trapsHit.isEmpty, "traps reported as commitments: \(totals.trapsHit)")
        Self.expect(totals, reach: Self.fourthRoundBar)
    }

    @Test("the seed's required traps are never commitments")
    func seedTraps() throws {
        let (_, pages) = try Self.evaluate(["lords-2023-03-08-whatsapp.json"])
        let evaluation = try #require(pages["lords-2023-03-08-whatsapp.json"])
        #expect(evaluation.trapsHit.isEmpty, "\(evaluation.trapsHit)")
    }
}
