import Foundation
import HansardAnalysis
import HansardIngestion

/// One annotated page: what a careful reader marks, and the traps that must not be marked.
struct GoldPage: Decodable {
    struct Item: Decodable {
        var turn: Int
        var quote: String
        var action: String?
        var timing: String?
        var source: String?
        var outcome: String?
        var refersTo: String?
    }
    struct Trap: Decodable {
        var quote: String
        var why: String
    }

    var page: String
    var scope: String
    /// The annotation starts at the first turn containing this text (nil: the first turn).
    var scopeStartsAt: String?
    /// The annotation covers the turns before the first turn containing this text (nil: to the end).
    var scopeEndsBefore: String?
    var commitments: [Item]
    var requests: [Item]
    var evasions: [Item]
    var followUps: [Item]
    var traps: [Trap]

    static func load(_ name: String) throws -> GoldPage {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Gold").appendingPathComponent(name)
        return try JSONDecoder().decode(GoldPage.self, from: Data(contentsOf: url))
    }
}

/// Precision and recall counts for one kind of finding.
struct Score {
    var predicted = 0
    var correct = 0
    var gold = 0
    var found = 0

    var precision: Double { predicted == 0 ? 1 : Double(correct) / Double(predicted) }
    var recall: Double { gold == 0 ? 1 : Double(found) / Double(gold) }

    static func + (left: Score, right: Score) -> Score {
        Score(predicted: left.predicted + right.predicted, correct: left.correct + right.correct,
              gold: left.gold + right.gold, found: left.found + right.found)
    }

    var summary: String {
        String(format: "P %.2f (%d/%d)  R %.2f (%d/%d)", precision, correct, predicted, recall, found, gold)
    }
}

/// Scores an analysis against a gold page.
struct Evaluation {
    let gold: GoldPage
    let analysis: Analysis
    let start: Int
    let limit: Int

    init(gold: GoldPage, debate: Debate, analysis: Analysis) {
        self.gold = gold
        self.analysis = analysis
        func firstTurn(containing fragment: String?) -> Int? {
            guard let fragment else { return nil }
            let key = Self.normalised(fragment)
            return debate.turns.first(where: { Self.normalised($0.text).contains(key) })?.index
        }
        start = firstTurn(containing: gold.scopeStartsAt) ?? 0
        limit = firstTurn(containing: gold.scopeEndsBefore) ?? debate.turns.count
    }

    static func normalised(_ text: String) -> String {
        let folded = text.lowercased().replacingOccurrences(of: "’", with: "'")
        return folded.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? String($0) : " " }.joined()
            .split(separator: " ").joined(separator: " ")
    }

    static func matches(turn: Int, quote: String, _ item: GoldPage.Item) -> Bool {
        turn == item.turn && normalised(quote).contains(normalised(item.quote))
    }

    func score(_ predicted: [(turn: Int, quote: String)], against items: [GoldPage.Item]) -> Score {
        let inScope = predicted.filter { $0.turn >= start && $0.turn < limit }
        var score = Score(predicted: inScope.count, gold: items.count)
        score.correct = inScope.filter { prediction in items.contains { Self.matches(turn: prediction.turn, quote: prediction.quote, $0) } }.count
        score.found = items.filter { item in inScope.contains { Self.matches(turn: $0.turn, quote: $0.quote, item) } }.count
        return score
    }

    var commitments: Score { score(analysis.commitments.map { ($0.turn, $0.quote) }, against: gold.commitments) }
    var requests: Score { score(analysis.requests.map { ($0.turn, $0.quote) }, against: gold.requests) }
    var evasions: Score { score(analysis.evasions.map { ($0.turn, $0.quote) }, against: gold.evasions) }

    /// Gold commitments found whose action, timing class and source also agree, out of those found.
    var attributeAgreement: (agreeing: Int, found: Int) {
        var agreeing = 0
        var found = 0
        for item in gold.commitments {
            guard let match = analysis.commitments.first(where: { Self.matches(turn: $0.turn, quote: $0.quote, item) }) else { continue }
            found += 1
            if match.action.rawValue == item.action, (match.timing?.timingClass.rawValue ?? "none") == item.timing,
                match.source.rawValue == item.source
            {
                agreeing += 1
            }
        }
        return (agreeing, found)
    }

    /// Gold requests found whose outcome agrees.
    var outcomeAgreement: (agreeing: Int, found: Int) {
        var agreeing = 0
        var found = 0
        for item in gold.requests {
            guard let match = analysis.requests.first(where: { Self.matches(turn: $0.turn, quote: $0.quote, item) }) else { continue }
            found += 1
            if match.outcome.rawValue == item.outcome { agreeing += 1 }
        }
        return (agreeing, found)
    }

    /// Traps that came out as commitments.
    var trapsHit: [String] {
        gold.traps.filter { trap in
            analysis.commitments.contains {
                $0.turn >= start && $0.turn < limit && Self.normalised($0.quote).contains(Self.normalised(trap.quote))
            }
        }.map(\.quote)
    }
}
