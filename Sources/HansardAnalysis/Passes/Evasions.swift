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
    ///
    /// Each side's reading is made once per run (``RunCache``): an answer is compared with every request in the
    /// turn before it, and twice with each (whole and by its first sentence).
    func relevance(of answer: [Sentence], to question: [String]) -> Relevance {
        let asked = askedReading(question)
        let given = givenReading(answer)
        let overlap =
            asked.content.isEmpty
            ? 1 : Double(asked.content.intersection(given.content).count) / Double(asked.content.count)
        let namesIgnored = asked.names.count >= 1 && asked.names.isDisjoint(with: given.norms)
        return Relevance(
            overlap: overlap, namesIgnored: namesIgnored, numberIgnored: asked.asksNumber && !given.givesNumber,
            attacks: given.attacks)
    }

    /// What ``relevance(of:to:)`` reads of a question.
    private func askedReading(_ question: [String]) -> RunCache.Asked {
        if let known = cache.asked[question] { return known }
        let questionTokens = question.flatMap { Tokenizer.tokens($0) }
        // Names: capitalised words not at a sentence start and not formulae ("Minister", "House").
        var names: Set<String> = []
        for (index, token) in questionTokens.enumerated() where token.isWord && token.capitalised && index > 0 {
            if questionTokens[index - 1].kind == .mark
                && [".", "?", "!", "\"", "“"].contains(questionTokens[index - 1].norm)
            {
                continue
            }
            if lexicon.stopWords.contains(token.norm) || token.norm.count < 3 { continue }
            names.insert(token.norm)
        }
        let reading = RunCache.Asked(
            content: contentWords(questionTokens), names: names,
            asksNumber: lexicon.numberAsks.occurs(in: questionTokens, questionTokens.indices))
        cache.asked[question] = reading
        return reading
    }

    /// What ``relevance(of:to:)`` reads of an answer.
    private func givenReading(_ answer: [Sentence]) -> RunCache.Given {
        let key = answer.map(RunCache.SentenceKey.init)
        if let known = cache.given[key] { return known }
        let answerTokens = answer.flatMap(\.tokens)
        let givesNumber =
            answerTokens.contains { $0.kind == .number }
            || answerTokens.contains {
                ["million", "billion", "hundred", "thousand", "per", "half", "quarter", "third"].contains($0.norm)
            }
        let reading = RunCache.Given(
            content: contentWords(answerTokens), norms: Set(answerTokens.map(\.norm)), givesNumber: givesNumber,
            attacks: lexicon.attacks.occurs(in: answerTokens, answerTokens.indices))
        cache.given[key] = reading
        return reading
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
