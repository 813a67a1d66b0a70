import Foundation
import HansardIngestion

extension AnalysisRun {
    // MARK: Evasions

    func findEvasions(questions: [Question]) -> [Evasion] {
        var evasions: [Evasion] = []
        for turn in turns where government.contains(turn.index) {
            for sentence in sentences(of: turn) where rules.evasions.contains(where: { $0.matches(sentence.text) }) {
                let question = questions.last(where: { $0.answerTurn == turn.index })?.id
                evasions.append(Evasion(turn: turn.index, quote: sentence.text, question: question))
            }
        }
        return evasions
    }
}
