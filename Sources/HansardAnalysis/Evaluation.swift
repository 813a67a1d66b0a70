public import Foundation
public import HansardIngestion

/// A page annotated by reading (docs/annotation.md): what a careful clerk marks, and the traps.
public struct GoldPage: Decodable, Sendable {
    /// A marked commitment, request or evasion.
    public struct Item: Decodable, Sendable {
        /// The turn index; nil when the annotator gave only the quote (the turn that holds it is used).
        public var turn: Int?
        /// A verbatim fragment of the sentence.
        public var quote: String
        /// False for borderline items: found or not, they count neither for nor against the tool.
        public var must: Bool
        /// The kind of promise marked (`undertaking`, `consider` …), scored against the analysis's kind.
        public var kind: String?
        /// The strength marked (`firm`, `qualified` …).
        public var strength: String?
        /// The action marked (`write`, `publish` …).
        public var action: String?
        /// The timing phrase that governs the promise, verbatim.
        public var timing: String?
        /// For a request, the outcome marked (`accepted`, `declined`, `evaded`, `unanswered`).
        public var outcome: String?
        /// For an evasion, the QEvasion label marked.
        public var label: String?

        private enum CodingKeys: String, CodingKey {
            case turn, quote, must, kind, strength, action, timing, outcome, label
        }

        /// Decodes an item; `must` defaults to true, so only borderline items need to say so.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            turn = try container.decodeIfPresent(Int.self, forKey: .turn)
            quote = try container.decode(String.self, forKey: .quote)
            must = try container.decodeIfPresent(Bool.self, forKey: .must) ?? true
            kind = try container.decodeIfPresent(String.self, forKey: .kind)
            strength = try container.decodeIfPresent(String.self, forKey: .strength)
            action = try container.decodeIfPresent(String.self, forKey: .action)
            timing = try container.decodeIfPresent(String.self, forKey: .timing)
            outcome = try container.decodeIfPresent(String.self, forKey: .outcome)
            label = try container.decodeIfPresent(String.self, forKey: .label)
        }
    }

    /// A trap: a sentence that must not come out as a commitment.
    public struct Trap: Decodable, Sendable {
        /// The turn index; nil when the annotator gave only the quote.
        public var turn: Int?
        /// A verbatim fragment of the sentence.
        public var quote: String
        /// Why it is a trap, in words.
        public var why: String?
    }

    /// A person the annotator marks as speaking for the Government.
    public struct Speaker: Decodable, Sendable {
        /// The name as the page prints it.
        public var name: String?
        /// The member id the page gives, used to match the speaker's turns.
        public var memberId: String?
        /// The department the annotator reads the person as answering for.
        public var department: String?
    }

    /// The page, relative to `corpus/`.
    public var page: String
    /// The annotation round the page belongs to; a round is scored once, before its pages change the analysis.
    public var round: String?
    /// The kind of page: `questions`, `pmqs`, `statement`, `bill-stage` and so on.
    public var kind: String?
    /// What the file covers, in words; empty when the file does not say.
    public var scope: String
    /// Verbatim text from the first turn in scope, or nil for the first turn of the page.
    public var scopeStartsAt: String?
    /// Verbatim text from the first turn after the scope, or nil for the end of the page.
    public var scopeEndsBefore: String?
    /// The people the annotator marks as speaking for the Government.
    public var governmentSpeakers: [Speaker]
    /// The commitments marked.
    public var commitments: [Item]
    /// The requests marked.
    public var requests: [Item]
    /// The evasions marked.
    public var evasions: [Item]
    /// Sentences that must not come out as commitments.
    public var traps: [Trap]

    private enum CodingKeys: String, CodingKey {
        case page, round, kind, scope, scopeStartsAt, scopeEndsBefore, governmentSpeakers, commitments, requests,
            evasions, traps
    }

    /// Decodes a gold file; every list and the scope may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        page = try container.decode(String.self, forKey: .page)
        round = try container.decodeIfPresent(String.self, forKey: .round)
        kind = try container.decodeIfPresent(String.self, forKey: .kind)
        scope = try container.decodeIfPresent(String.self, forKey: .scope) ?? ""
        scopeStartsAt = try container.decodeIfPresent(String.self, forKey: .scopeStartsAt)
        scopeEndsBefore = try container.decodeIfPresent(String.self, forKey: .scopeEndsBefore)
        governmentSpeakers = try container.decodeIfPresent([Speaker].self, forKey: .governmentSpeakers) ?? []
        commitments = try container.decodeIfPresent([Item].self, forKey: .commitments) ?? []
        requests = try container.decodeIfPresent([Item].self, forKey: .requests) ?? []
        evasions = try container.decodeIfPresent([Item].self, forKey: .evasions) ?? []
        traps = try container.decodeIfPresent([Trap].self, forKey: .traps) ?? []
    }

    /// Reads a gold file.
    public static func load(_ path: String) throws -> GoldPage {
        try JSONDecoder().decode(GoldPage.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }
}

/// Precision and recall counts for one kind of finding.
public struct EvaluationScore: Sendable, Hashable {
    /// Predictions counted (those that match only borderline items are not).
    public var predicted = 0
    /// Counted predictions that match a must item.
    public var correct = 0
    /// Must items.
    public var gold = 0
    /// Must items matched.
    public var found = 0

    /// Creates a score with every count zero.
    public init() {}

    /// Correct over predicted; nil when nothing was predicted.
    public var precision: Double? { predicted == 0 ? nil : Double(correct) / Double(predicted) }
    /// Found over gold; nil when the page has no must items.
    public var recall: Double? { gold == 0 ? nil : Double(found) / Double(gold) }
    /// The harmonic mean of precision and recall; nil when either is.
    public var f1: Double? {
        guard let precision, let recall else { return nil }
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }

    /// Adds two scores count by count, to total them over pages.
    public static func + (left: Self, right: Self) -> Self {
        var sum = Self()
        sum.predicted = left.predicted + right.predicted
        sum.correct = left.correct + right.correct
        sum.gold = left.gold + right.gold
        sum.found = left.found + right.found
        return sum
    }
}

/// How an analysis scores against one gold page.
public struct PageEvaluation: Sendable {
    /// The gold file the page was scored from.
    public var file: String
    /// The commitment score.
    public var commitments: EvaluationScore
    /// The request score.
    public var requests: EvaluationScore
    /// The evasion score.
    public var evasions: EvaluationScore
    /// Must requests found whose outcome agrees, and must requests found (with an outcome marked).
    public var outcomes: (right: Int, total: Int)
    /// Commitment kinds that agree, over must commitments found that have a kind marked.
    public var kinds: (right: Int, total: Int)
    /// Traps that came out as commitments.
    public var trapsHit: [String]
    /// The naive keyword baseline's commitment score on the same page.
    public var baseline: EvaluationScore
    /// Government turns: the annotator's against the analysis's, when the gold file names government speakers.
    public var governmentTurns: EvaluationScore?
    /// Misses and false finds, in words (only when asked for).
    public var errors: [String]
}

/// Scores analyses against gold pages, the one way both the tests and `hansard evaluate` use.
///
/// A commitment or request matches a gold item when the turn is the same and the predicted sentence contains the
/// gold fragment after folding case, punctuation and spacing; an evasion matches by turn. Recall counts must items;
/// a prediction that matches only borderline items counts neither way, and so does a second prediction of an item
/// already matched. The baseline marks every sentence of a government turn with "will", "shall", "'ll",
/// "in due course", "shortly" or "I will write".
public enum Evaluator {
    /// Folds text as matching does: lower case, letters and digits, single spaces.
    public static func fold(_ text: String) -> String {
        TextTools.normalised(text.replacingOccurrences(of: "’", with: "'"))
    }

    /// Scores `analysis` of `debate` against `gold`.
    public static func evaluate(
        _ gold: GoldPage, file: String, debate: Debate, analysis: Analysis, errors wanted: Bool = false
    ) -> PageEvaluation {
        let texts = debate.turns.map { fold($0.paragraphs.joined(separator: " ")) }
        func first(containing fragment: String?) -> Int? {
            guard let fragment else { return nil }
            let key = fold(fragment)
            return texts.firstIndex { $0.contains(key) }
        }
        let start = first(containing: gold.scopeStartsAt) ?? 0
        let end = first(containing: gold.scopeEndsBefore) ?? debate.turns.count
        let scope = start..<end
        func turn(of quote: String, _ given: Int?) -> Int {
            if let given { return given }
            let key = fold(quote)
            return scope.first { texts[$0].contains(key) } ?? -1
        }
        var errors: [String] = []

        struct Gold {
            var turn: Int
            var key: String
            var must: Bool
            var item: GoldPage.Item
        }
        func golds(_ items: [GoldPage.Item]) -> [Gold] {
            items.map { Gold(turn: turn(of: $0.quote, $0.turn), key: fold($0.quote), must: $0.must, item: $0) }
        }
        func score(
            _ predictions: [(turn: Int, quote: String)], _ items: [Gold], label: String, byTurn: Bool = false,
            record: Bool = wanted
        ) -> (EvaluationScore, [Int: Int]) {
            var result = EvaluationScore()
            result.gold = items.filter(\.must).count
            var used: Set<Int> = []
            var matchedBy: [Int: Int] = [:]
            for (number, prediction) in predictions.enumerated() where scope.contains(prediction.turn) {
                let folded = fold(prediction.quote)
                let hits = items.indices.filter {
                    items[$0].turn == prediction.turn && (byTurn || folded.contains(items[$0].key))
                }
                if hits.isEmpty {
                    result.predicted += 1
                    if record { errors.append("false \(label): [\(prediction.turn)] \(prediction.quote.prefix(160))") }
                    continue
                }
                let mustHits = hits.filter { items[$0].must }
                guard !mustHits.isEmpty, !mustHits.allSatisfy(used.contains) else { continue }
                result.predicted += 1
                result.correct += 1
                used.formUnion(mustHits)
                for hit in mustHits where matchedBy[hit] == nil { matchedBy[hit] = number }
            }
            result.found = items.indices.filter { items[$0].must && used.contains($0) }.count
            if record {
                for index in items.indices where items[index].must && !used.contains(index) {
                    errors.append("missed \(label): [\(items[index].turn)] \(items[index].item.quote.prefix(160))")
                }
            }
            return (result, matchedBy)
        }

        let goldCommitments = golds(gold.commitments)
        let goldRequests = golds(gold.requests)
        let goldEvasions = golds(gold.evasions)
        let (commitments, commitmentMatches) = score(
            analysis.commitments.map { ($0.turn, $0.quote) }, goldCommitments, label: "commitment")
        let (requests, requestMatches) = score(
            analysis.requests.map { ($0.turn, $0.quote) }, goldRequests, label: "request")
        var evasionTurns: [(turn: Int, quote: String)] = []
        for evasion in analysis.evasions where !evasionTurns.contains(where: { $0.turn == evasion.turn }) {
            evasionTurns.append((evasion.turn, evasion.quote))
        }
        let (evasions, _) = score(evasionTurns, goldEvasions, label: "evasion", byTurn: true)

        var outcomes = (right: 0, total: 0)
        for (index, prediction) in requestMatches {
            guard let outcome = goldRequests[index].item.outcome else { continue }
            outcomes.total += 1
            let predicted = analysis.requests[prediction].outcome.rawValue
            if predicted == outcome {
                outcomes.right += 1
            } else if wanted {
                errors.append(
                    "outcome: [\(goldRequests[index].turn)] \(goldRequests[index].item.quote.prefix(100)) — gold \(outcome), analysis \(predicted)"
                )
            }
        }
        var kinds = (right: 0, total: 0)
        for (index, prediction) in commitmentMatches {
            guard let kind = goldCommitments[index].item.kind else { continue }
            kinds.total += 1
            if analysis.commitments[prediction].kind.rawValue == kind { kinds.right += 1 }
        }
        let trapsHit = gold.traps.filter { trap in
            let key = fold(trap.quote)
            return analysis.commitments.contains { scope.contains($0.turn) && fold($0.quote).contains(key) }
        }.map(\.quote)
        if wanted { errors += trapsHit.map { "trap hit: \($0.prefix(140))" } }

        // The government turns the gold file implies, for the baseline and for scoring the speakers found.
        let ids = Set(gold.governmentSpeakers.compactMap(\.memberId))
        let names = Set(gold.governmentSpeakers.compactMap { $0.name.map(fold) })
        // A page labels one person several ways ("Mr. Denzil Freeth", then "Mr. Freeth"; "Lord West of Spithead"):
        // a turn is the annotator's speaker's when the id, the whole name or the surname-or-title agrees.
        func surname(_ name: String) -> String {
            let words = fold(name.split(separator: "(").first.map(String.init) ?? name).split(separator: " ")
            if let of = words.firstIndex(of: "of"), of > 0 { return words[..<of].joined(separator: " ") }
            return words.last.map(String.init) ?? ""
        }
        let surnames = Set(gold.governmentSpeakers.compactMap { $0.name.map(surname) }.filter { $0.count > 2 })
        var goldGovernment: Set<Int> = []
        if !ids.isEmpty || !names.isEmpty {
            for turn in debate.turns where turn.kind == .speech && scope.contains(turn.index) {
                guard let speaker = turn.speaker else { continue }
                if let id = speaker.memberId, !ids.isEmpty {
                    if ids.contains(id) { goldGovernment.insert(turn.index) }
                    continue
                }
                if names.contains(fold(speaker.name)) || surnames.contains(surname(speaker.name)) {
                    goldGovernment.insert(turn.index)
                }
            }
        }
        let analysed = Set(analysis.governmentTurns.filter(scope.contains))
        var governmentTurns: EvaluationScore? = nil
        if !goldGovernment.isEmpty {
            var turns = EvaluationScore()
            turns.gold = goldGovernment.count
            turns.predicted = analysed.count
            turns.correct = analysed.intersection(goldGovernment).count
            turns.found = turns.correct
            governmentTurns = turns
            if wanted {
                errors += goldGovernment.subtracting(analysed).sorted().map { "government turn missed: [\($0)]" }
                errors += analysed.subtracting(goldGovernment).sorted().map { "not a government turn: [\($0)]" }
            }
        }
        let baselineTurns = goldGovernment.isEmpty ? analysed : goldGovernment
        var naive: [(turn: Int, quote: String)] = []
        for index in baselineTurns.sorted() {
            for paragraph in debate.turns[index].paragraphs {
                for sentence in Sentences.split(paragraph, turn: index, paragraph: 0)
                where Self.baselineMatches(sentence) {
                    naive.append((index, sentence.text))
                }
            }
        }
        let (baseline, _) = score(naive, goldCommitments, label: "baseline", record: false)
        return PageEvaluation(
            file: file, commitments: commitments, requests: requests, evasions: evasions, outcomes: outcomes,
            kinds: kinds, trapsHit: trapsHit, baseline: baseline, governmentTurns: governmentTurns, errors: errors)
    }

    private static func baselineMatches(_ sentence: Sentence) -> Bool {
        let words = sentence.tokens.map(\.norm)
        if words.contains("will") || words.contains("shall") || words.contains("shortly") { return true }
        return zip(zip(words, words.dropFirst()), words.dropFirst(2)).contains {
            $0.0 == "in" && $0.1 == "due" && $1 == "course"
        }
    }
}
