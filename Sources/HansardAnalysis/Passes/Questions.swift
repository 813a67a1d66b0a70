import Foundation
import HansardIngestion

extension AnalysisRun {
    // MARK: Questions

    func findQuestions() -> [Question] {
        var questions: [Question] = []
        var seen: [String: Int] = [:]
        let questionSections = Set(tabled.map { turns[$0].section ?? -1 })
        for turn in turns where turn.kind == .speech && !chair.contains(turn.index) && !government.contains(turn.index)
        {
            let kind: Question.Kind
            let quote: String
            var answer: Int? = nil
            if tabled.contains(turn.index) {
                kind = .tabled
                quote = TextTools.collapseWhitespace(turn.paragraphs.joined(separator: " "))
                var next = turn.index + 1
                while next < turns.count {
                    if government.contains(next) { answer = next; break }
                    if turns[next].kind == .speech && !chair.contains(next) && !tabled.contains(next)
                        && !isInterjection(next)
                    {
                        break
                    }
                    next += 1
                }
            } else {
                let asked = zip(sentences(of: turn), requestForms(of: turn)).filter { $0.0.isQuestion || $0.1 != nil }
                    .map(\.0)
                guard !asked.isEmpty else { continue }
                answer = governmentReply(after: turn.index)
                guard answer != nil || questionSections.contains(turn.section ?? -1) else { continue }
                kind = .supplementary
                quote = asked.map(\.text).joined(separator: " ")
            }
            let id = uniqueID("q", [identity, "question", TextTools.normalised(quote)], seen: &seen)
            questions.append(
                Question(
                    id: id, turn: turn.index, speaker: speakerReference(turn), quote: quote, kind: kind,
                    answerTurn: answer))
        }
        return questions
    }

    func uniqueID(_ prefix: String, _ parts: [String], seen: inout [String: Int]) -> String {
        let base = prefix + "-" + TextTools.digest(parts)
        let count = seen[base, default: 0] + 1
        seen[base] = count
        // A repeated identical sentence in one debate gets a suffix by occurrence, which a revision keeps.
        return count == 1 ? base : "\(base)-\(count)"
    }
}
