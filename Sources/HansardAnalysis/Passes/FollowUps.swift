import Foundation
import HansardIngestion

extension AnalysisRun {
    // MARK: Follow-ups

    func findFollowUps(commitments: [Commitment]) -> [FollowUp] {
        var followUps: [FollowUp] = []
        let generic: Set<String> = Set(CommitmentAction.allCases.map(\.rawValue)).union(["letter", "meeting", "request", "point", "matter", "question", "view"])
        let commitmentQuotes = Set(commitments.map { "\($0.turn)|\($0.quote)" })
        var patterns: [String: [Pattern]] = [:]
        for subject in Set(commitments.map(\.subject)) where !generic.contains(subject) && subject.count > 2 {
            let escaped = NSRegularExpression.escapedPattern(for: subject)
            let noun = "\(escaped)s?"
            patterns[subject] = rules.followUpFrames.compactMap {
                try? Pattern($0.replacingOccurrences(of: "{SUBJECT_NOUN}", with: noun), rulesPath: rules.rulesPath)
            }
        }
        guard !patterns.isEmpty else { return [] }
        for turn in turns where turn.kind == .speech && !chair.contains(turn.index) {
            for sentence in sentences(of: turn) where !commitmentQuotes.contains("\(turn.index)|\(sentence.text)") {
                for subject in patterns.keys.sorted() {
                    guard let match = patterns[subject]!.lazy.compactMap({ $0.firstMatch(in: sentence.text) }).first else { continue }
                    let earlier = commitments.filter { $0.subject == subject && $0.turn < turn.index }
                    guard !earlier.isEmpty else { continue }
                    // "the new guidance": prefer the commitment whose object shares the mention's words,
                    // then the most recent one.
                    let words = Set(TextTools.normalised(String(sentence.text[match.range])).split(separator: " ").map(String.init))
                    func overlap(_ commitment: Commitment) -> Int {
                        Set(TextTools.normalised(commitment.object).split(separator: " ").map(String.init))
                            .intersection(words).count
                    }
                    let best = earlier.max { overlap($0) < overlap($1) || (overlap($0) == overlap($1) && $0.turn <= $1.turn) }!
                    followUps.append(FollowUp(turn: turn.index, quote: sentence.text, subject: subject, refersTo: best.id))
                    break
                }
            }
        }
        return followUps
    }
}
