import Foundation
public import HansardIngestion

/// Finds what a debate shows the government promised, was asked, and declined.
///
/// A pure function of the debate and the rules: the same page and rules always give the same analysis.
public struct Analyzer: Sendable {
    let rules: CompiledRules
    let lexicon: Lexicon

    /// Creates an analyser with the lexicon bundled with hansard.
    public init() throws(AnalysisError) {
        rules = try BundledData.rules()
        lexicon = try BundledData.lexicon()
    }

    /// Creates an analyser with the lexicon in `path` (the bundled lexicon.json's shape).
    public init(rulesFile path: String) throws(AnalysisError) {
        rules = try BundledData.rules()
        lexicon = try Lexicon(path: path, wordNet: try BundledData.wordNet())
    }

    /// The debate's stable key: its canonical URL when the page gives one, otherwise house, date and
    /// normalised title, so that a revised page of the same debate keeps the same identity.
    public static func debateIdentity(of debate: Debate) -> String {
        let metadata = debate.metadata
        if var url = metadata.url?.trimmingCharacters(in: .whitespaces), !url.isEmpty {
            if let hash = url.firstIndex(of: "#") { url = String(url[..<hash]) }
            while url.hasSuffix("/") { url.removeLast() }
            return url
        }
        let house = metadata.house?.rawValue ?? "unknown-house"
        let date = metadata.date?.description ?? "unknown-date"
        let title = TextTools.normalised(metadata.title).replacingOccurrences(of: " ", with: "-")
        return "\(house)/\(date)/\(title)"
    }

    /// Analyses one debate.
    public func analyse(_ debate: Debate) -> Analysis {
        var run = AnalysisRun(debate: debate, rules: rules, lexicon: lexicon)
        return run.analyse()
    }
}

/// What several passes of one analysis ask about the same sentences and answers, worked out once.
final class RunCache {
    /// Per turn, the request each sentence makes (nil for none).
    var requests: [Int: [RequestForm?]] = [:]
    /// The verb each request asks for, by request id.
    var requestVerbs: [String: String] = [:]
    /// Per answering turn, how it reads as an answer.
    var answers: [Int: AnswerReading] = [:]

    /// A sentence, by where it is: its turn, paragraph, and its tokens' place in the paragraph and number.
    struct SentenceKey: Hashable {
        var turn: Int
        var paragraph: Int
        var start: String.Index?
        var end: String.Index?
        var tokens: Int

        init(_ sentence: Sentence) {
            turn = sentence.turn
            paragraph = sentence.paragraph
            start = sentence.tokens.first?.range.lowerBound
            end = sentence.tokens.last?.range.upperBound
            tokens = sentence.tokens.count
        }
    }

    /// What a relevance test reads of a question: its content words, the names it gives, whether it asks for a number.
    struct Asked {
        var content: Set<String>
        var names: Set<String>
        var asksNumber: Bool
    }

    /// What a relevance test reads of an answer: its content words and word forms, whether it gives a number,
    /// whether it turns on the Opposition.
    struct Given {
        var content: Set<String>
        var norms: Set<String>
        var givesNumber: Bool
        var attacks: Bool
    }

    /// By the question's text.
    var asked: [[String]: Asked] = [:]
    /// By the answer's sentences.
    var given: [[SentenceKey]: Given] = [:]
}

/// The working state of one analysis.
struct AnalysisRun {
    let debate: Debate
    let rules: CompiledRules
    let lexicon: Lexicon
    let identity: String
    var government: Set<Int> = []
    var chair: Set<Int> = []
    var tabled: Set<Int> = []
    /// Who the people are, who speaks for the Government and for which department (the speaker pass).
    var speakers = SpeakerFindings()
    /// Each speech turn's sentences, tokenised once (empty for procedural turns).
    let sentencesByTurn: [[Sentence]]
    /// WordNet readings of the debate's words, looked up once each.
    let words: WordCache
    /// Readings of sentences and answers that several passes need, made once.
    let cache = RunCache()
    /// Government sentences that refuse ("we will not", "I cannot give that undertaking"), by turn.
    var refusals: [Int: [Sentence]] = [:]

    init(debate: Debate, rules: CompiledRules, lexicon: Lexicon) {
        self.debate = debate
        self.rules = rules
        self.lexicon = lexicon
        self.identity = Analyzer.debateIdentity(of: debate)
        words = WordCache(lexicon: lexicon)
        sentencesByTurn = debate.turns.map { turn in
            guard turn.kind == .speech else { return [] }
            var result: [Sentence] = []
            for (number, paragraph) in turn.paragraphs.enumerated() {
                result.append(contentsOf: Sentences.split(paragraph, turn: turn.index, paragraph: number))
            }
            return result
        }
    }

    /// The turn's sentences.
    func sentences(of turn: Turn) -> [Sentence] { sentencesByTurn[turn.index] }

    var turns: [Turn] { debate.turns }

    mutating func analyse() -> Analysis {
        let summary = DebateSummary(
            identity: identity, title: debate.metadata.title, house: debate.metadata.house,
            date: debate.metadata.date, url: debate.metadata.url, type: debate.metadata.type,
            sha256: debate.source.sha256, sourcePath: debate.source.path)
        findSpeakers()
        guard !government.isEmpty else {
            return Analysis(
                debate: summary,
                notes: [
                    "No government speaker found (no office line, minister role or answer to a tabled question); "
                        + "nothing is reported as a commitment."
                ])
        }
        let questions = findQuestions()
        var commitments = findCommitments()
        var requests = findRequests()
        let evasions = findEvasions(questions: questions, commitments: commitments, requests: requests)
        let followUps = findFollowUps(commitments: commitments)
        resolveRequests(&requests, commitments: &commitments, followUps: followUps)
        commitments.sort { ($0.turn, $0.id) < ($1.turn, $1.id) }
        var notes: [String] = []
        let inferred = turns.filter { government.contains($0.index) && $0.attribution == .inferred }
        if !inferred.isEmpty {
            notes.append(
                "\(inferred.count) government turns were identified from roles inferred from the text, "
                    + "not from names on the page.")
        }
        return Analysis(
            debate: summary, questions: questions, commitments: commitments, requests: requests,
            evasions: evasions, followUps: followUps, governmentTurns: government.sorted(),
            governmentSpeakers: governmentSpeakers(), notes: notes)
    }
}
