import HansardIngestion

/// How far an answer takes up its question.
struct Relevance: Sendable {
    /// Share of the question's content words (lemmatised) that the answer uses, 0 to 1.
    var overlap: Double
    /// The question names things (capitalised names) and the answer names none of them.
    var namesIgnored: Bool
    /// The question asks for a number or date and the answer gives none.
    var numberIgnored: Bool
    /// The answer turns to the Opposition's record or party.
    var attacks: Bool
}

extension AnalysisRun {
    /// Content words of a text: lower case, lemmatised, without stop words and parliamentary formulae.
    func contentWords(_ text: String) -> Set<String> {
        contentWords(Tokenizer.tokens(text))
    }

    func contentWords(_ tokens: [Token]) -> Set<String> {
        var content: Set<String> = []
        for token in tokens where token.isWord && token.norm.count > 2 && !lexicon.stopWords.contains(token.norm) {
            let word = words.nounLemma(token.norm) ?? words.verbLemma(token.norm) ?? token.norm
            if !lexicon.stopWords.contains(word) { content.insert(word) }
        }
        return content
    }

    /// Compares an answer with the question it follows.
    func relevance(of answer: [Sentence], to question: [String]) -> Relevance {
        let questionTokens = question.flatMap { Tokenizer.tokens($0) }
        let answerTokens = answer.flatMap(\.tokens)
        let asked = contentWords(questionTokens)
        let given = contentWords(answerTokens)
        let overlap = asked.isEmpty ? 1 : Double(asked.intersection(given).count) / Double(asked.count)
        // Names: capitalised words not at a sentence start and not formulae ("Minister", "House").
        func names(_ tokens: [Token]) -> Set<String> {
            var result: Set<String> = []
            for (index, token) in tokens.enumerated() where token.isWord && token.capitalised && index > 0 {
                if tokens[index - 1].kind == .mark && [".", "?", "!", "\"", "“"].contains(tokens[index - 1].norm) {
                    continue
                }
                if lexicon.stopWords.contains(token.norm) || token.norm.count < 3 { continue }
                result.insert(token.norm)
            }
            return result
        }
        let askedNames = names(questionTokens)
        let namesIgnored = askedNames.count >= 1 && askedNames.isDisjoint(with: Set(answerTokens.map(\.norm)))
        let asksNumber = lexicon.numberAsks.occurs(in: questionTokens, questionTokens.indices)
        let givesNumber =
            answerTokens.contains { $0.kind == .number }
            || answerTokens.contains {
                ["million", "billion", "hundred", "thousand", "per", "half", "quarter", "third"].contains($0.norm)
            }
        let attacks = lexicon.attacks.occurs(in: answerTokens, answerTokens.indices)
        return Relevance(
            overlap: overlap, namesIgnored: namesIgnored, numberIgnored: asksNumber && !givesNumber, attacks: attacks)
    }

    /// Government answers that do not answer: a deflection said outright, or an answer that does not take up what
    /// it was asked (its words, names and numbers), judged against the question it follows.
    func findEvasions(questions: [Question], commitments: [Commitment], requests: [Request]) -> [Evasion] {
        var evasions: [Evasion] = []
        var answered: Set<Int> = []
        for question in questions {
            guard let answerTurn = question.answerTurn, !answered.contains(answerTurn) else { continue }
            let answer = sentences(of: turns[answerTurn])
            guard !answer.isEmpty else { continue }
            // Said outright: "I will not be drawn", "that is a matter for …", "the information is not held".
            if let sentence = answerReading(answerTurn).deflection {
                let label = deflectionLabel(sentence)
                evasions.append(
                    Evasion(
                        turn: answerTurn, quote: sentence.text, question: question.id, label: label,
                        reason: "the answer says so: \"\(sentence.text.prefix(80))\""))
                answered.insert(answerTurn)
                continue
            }
            // An answer that takes the request up (a commitment, an acceptance or a refusal) engages with it.
            let reading = answerReading(answerTurn)
            if commitments.contains(where: { $0.turn == answerTurn }) || reading.openingDecline != nil
                || reading.openingAcceptance != nil
            {
                continue
            }
            let words = answer.reduce(0) { $0 + $1.tokens.filter(\.isWord).count }
            guard words >= 8 else { continue }
            let relevance = self.relevance(of: answer, to: [question.quote])
            let asked = contentWords(question.quote).count
            if relevance.attacks && relevance.overlap < 0.25 {
                evasions.append(
                    Evasion(
                        turn: answerTurn, quote: answer.first!.text, question: question.id, label: .deflection,
                        reason:
                            "turns to the Opposition's record and shares \(Int(relevance.overlap * 100))% of the question's words"
                    ))
                answered.insert(answerTurn)
            } else if asked >= 4 && relevance.overlap < 0.12 {
                evasions.append(
                    Evasion(
                        turn: answerTurn, quote: answer.first!.text, question: question.id, label: .dodging,
                        reason: "shares \(Int(relevance.overlap * 100))% of the question's words"))
                answered.insert(answerTurn)
            } else if relevance.numberIgnored && relevance.overlap < 0.5 {
                evasions.append(
                    Evasion(
                        turn: answerTurn, quote: answer.first!.text, question: question.id, label: .partial,
                        reason: "asked for a figure or date and gives none"))
                answered.insert(answerTurn)
            }
        }
        return evasions
    }

    private func deflectionLabel(_ sentence: Sentence) -> Evasion.Label {
        let words = Set(sentence.tokens.map(\.norm))
        if !words.isDisjoint(with: [
            "held", "collected", "available", "recorded", "know", "aware", "knowledge", "information",
        ])
            && !words.isDisjoint(with: ["not", "no"])
        {
            return .ignorance
        }
        if !words.isDisjoint(with: [
            "comment", "speculate", "drawn", "hypothetical", "anticipate", "prejudge", "pre-empt", "add", "answer",
            "excuse", "justified", "premature", "early",
        ]) {
            return .declining
        }
        return .deflection
    }
}
