import Foundation
import HansardIngestion

/// How a government answer reads: a refusal or acceptance at its start, "already doing", a refusal or a
/// deflection anywhere.
struct AnswerReading {
    var openingDecline: Sentence?
    var openingAcceptance: Sentence?
    var alreadyDoing: Sentence?
    var decline: Sentence?
    var deflection: Sentence?
}

/// A member's sentence that asks the Government for something: found by its form and whom it addresses.
struct RequestForm: Sendable {
    var form: Request.Form
    var action: CommitmentAction
    /// The requested verb's lemma ("publish"), or nil for a request for information.
    var verb: String?
    /// Tokens of what is asked for.
    var object: Range<Int>?
}

extension AnalysisRun {
    /// The request a member's sentence makes, if it makes one.
    func request(in sentence: Sentence, tabledTurn: Bool) -> RequestForm? {
        let found = findRequest(in: sentence, tabledTurn: tabledTurn)
        if Self.tracing, let found {
            print(
                "[\(sentence.turn)] request \(found.form) \(found.action) \(found.verb ?? "-") | \(sentence.text.prefix(120))"
            )
        }
        return found
    }

    private func findRequest(in sentence: Sentence, tabledTurn: Bool) -> RequestForm? {
        let tokens = sentence.tokens
        guard !tokens.isEmpty else { return nil }
        let finder = clauseFinder
        // Tabled: "asked the Secretary of State whether he will …", "To ask His Majesty's Government what …"; in a
        // turn that opens with a tabled question, the question is its first sentence.
        let opensTurn = sentence.paragraph == 0 && tokens.first?.range.lowerBound == sentence.source.startIndex
        if tabledTurn && opensTurn || lexicon.tabledForms.occurs(in: tokens, 0..<min(tokens.count, 14)) {
            if let form = tabledRequest(tokens, finder: finder) { return form }
        }
        // "May I have an assurance …", "Can we have a debate on …?"
        for index in tokens.indices where isClauseStart(index, tokens) {
            guard let length = lexicon.haveForms.match(at: index, in: tokens) else { continue }
            for noun in (index + length)..<min(tokens.count, index + length + 5) {
                let word = words.nounLemma(tokens[noun].norm) ?? tokens[noun].norm
                if let action = lexicon.haveNouns[word] ?? lexicon.haveNouns[tokens[noun].norm] {
                    return RequestForm(
                        form: .indirect, action: action, verb: nil, object: noun..<min(tokens.count, noun + 10))
                }
            }
        }
        // Tabled questions printed without "asked": "If he will take steps to …", "Whether she will …".
        if sentence.paragraph == 0,
            sentence.tokens.first?.range.lowerBound == sentence.source.startIndex || tokens.first?.kind == .number,
            let first = tokens.firstIndex(where: { $0.isWord }), ["if", "whether"].contains(tokens[first].norm),
            first + 2 < tokens.count, ["he", "she"].contains(tokens[first + 1].norm),
            let form = tabledRequest(tokens, finder: finder)
        {
            return form
        }
        // "I urge the Government to …", "I ask the Minister to …", "I hope that the Minister will …",
        // "I should be grateful if he would …", "May I ask the Minister whether …".
        for index in tokens.indices {
            guard let length = lexicon.gratefulForms.match(at: index, in: tokens), isClauseStart(index, tokens) else {
                continue
            }
            let rest = index + length
            if let form = requestedVerb(after: rest, in: tokens, finder: finder, form: .indirect) { return form }
            let asksWhether = tokens[rest..<min(tokens.count, rest + 8)].contains {
                lexicon.informationWords.contains($0.norm) || $0.norm == "if"
            }
            if sentence.isQuestion || asksWhether {
                return RequestForm(form: .information, action: .reportBack, verb: nil, object: nil)
            }
        }
        for index in tokens.indices where tokens[index].norm == "i" || tokens[index].norm == "we" {
            var verbStart = finder.skipAdverbs(from: index + 1, in: tokens)
            // "I would ask", "I must urge", "I should like to ask", "we would want the Government to".
            while verbStart < tokens.count,
                ["would", "must", "should", "will", "can", "do", "may", "might", "shall", "like", "to", "want", "wish"]
                    .contains(tokens[verbStart].norm),
                verbStart < index + 5
            {
                verbStart = finder.skipAdverbs(from: verbStart + 1, in: tokens)
            }
            guard let length = lexicon.urgeVerbs.match(at: verbStart, in: tokens) else { continue }
            var cursor = verbStart + length
            if cursor < tokens.count, tokens[cursor].norm == "that" { cursor += 1 }
            // "I ask that all the aliens … should be interned": a demand in a that-clause.
            if tokens[verbStart].norm == "ask" || tokens[verbStart].norm == "urge"
                || tokens[verbStart].norm == "request",
                cursor > verbStart + length,
                tokens[cursor..<min(tokens.count, cursor + 12)].contains(where: {
                    ["should", "must", "be"].contains($0.norm)
                })
            {
                return RequestForm(
                    form: .urge, action: .other, verb: nil, object: cursor..<min(tokens.count, cursor + 12))
            }
            guard let addressee = addressee(at: cursor, in: tokens) else { continue }
            cursor += addressee
            if cursor < tokens.count,
                ["to", "will", "would", "should", "must", "can", "could"].contains(tokens[cursor].norm)
                    || ["hope", "trust", "expect"].contains(tokens[verbStart].norm)
            {
                if let form = requestedVerb(after: cursor, in: tokens, finder: finder, form: .urge) { return form }
            }
        }
        guard sentence.isQuestion else {
            // "The Government must act now", "the Minister should publish the report": a demand.
            return demand(tokens, finder: finder)
        }
        // "Will the Minister publish …?", "Can he assure the House that …?", "Could she write to me?"
        for index in tokens.indices where lexicon.requestAuxiliaries.contains(tokens[index].norm) {
            guard isClauseStart(index, tokens) else { continue }
            if lexicon.notRequests.match(at: index, in: tokens) != nil { continue }
            var cursor = index + 1
            if cursor < tokens.count, tokens[cursor].norm == "not" { cursor += 1 }
            guard let addressee = addressee(at: cursor, in: tokens) else { continue }
            cursor += addressee
            if cursor < tokens.count, tokens[cursor].norm == "not" { cursor += 1 }
            if let form = requestedVerb(after: cursor, in: tokens, finder: finder, form: .question) { return form }
        }
        // "Is the Minister aware that …?", "Is it not the case that …?": a statement put as a question.
        if rhetorical(tokens) { return nil }
        // "When will the Government publish …?", "What steps is the Minister taking …?", "How many … ?"
        for index in tokens.indices where lexicon.informationWords.contains(tokens[index].norm) {
            // The question word opens the sentence (after "So", "And", "Secondly," and the like), not a relative clause.
            guard isClauseStart(index, tokens), !(index > 0 && tokens[index - 1].norm == ","),
                tokens[..<index].filter(\.isWord).count <= 2
            else { continue }
            var cursor = index + 1
            while cursor < min(tokens.count, index + 8) {
                if addressee(at: cursor, in: tokens) != nil {
                    return RequestForm(form: .information, action: informationAction(tokens), verb: nil, object: nil)
                }
                cursor += 1
            }
        }
        // Any other question a member puts in an exchange with a minister asks for the Government's answer:
        // "What changes will be made?", "Does he agree that …?", "Do they accept the figures?"
        return RequestForm(form: .information, action: informationAction(tokens), verb: nil, object: nil)
    }

    /// Questions that assert rather than ask: "Is the Minister aware that …", "Is it not the case …",
    /// "Are not the Government …", "Do not they show …".
    private func rhetorical(_ tokens: [Token]) -> Bool {
        guard let first = tokens.firstIndex(where: { $0.isWord }) else { return true }
        let words = tokens[first...].filter(\.isWord).prefix(12).map(\.norm)
        if words.count < 3 { return true }
        if words.prefix(8).contains("aware") || words.prefix(8).contains("unaware") { return true }
        if lexicon.notRequests.match(at: first, in: tokens) != nil { return true }
        // "Are not …", "Do not they …", "Is not this …" at the start.
        if words.count > 1, lexicon.requestAuxiliaries.contains(words[0]), words[1] == "not" { return true }
        return false
    }

    /// Tabled questions: "whether he will V", "if she will V", "what plans he has to V", "what steps …".
    private func tabledRequest(_ tokens: [Token], finder: ClauseFinder) -> RequestForm? {
        for index in tokens.indices where ["whether", "if"].contains(tokens[index].norm) {
            var cursor = index + 1
            if cursor < tokens.count,
                ["he", "she", "they", "it", "the", "her", "his", "ministers"].contains(tokens[cursor].norm)
            {
                while cursor < min(tokens.count, index + 6),
                    ![
                        "will", "would", "can", "has", "have", "is", "are", "intend", "intends", "plan", "plans",
                        "propose", "proposes",
                    ].contains(tokens[cursor].norm)
                {
                    cursor += 1
                }
                if cursor < tokens.count {
                    cursor += 1
                    if cursor < tokens.count, tokens[cursor].norm == "to" { cursor += 1 }
                    if let form = requestedVerb(after: cursor, in: tokens, finder: finder, form: .tabled) {
                        return form
                    }
                }
            }
        }
        if tokens.contains(where: { lexicon.informationWords.contains($0.norm) || $0.norm == "to" }) {
            return RequestForm(form: .tabled, action: informationAction(tokens), verb: nil, object: nil)
        }
        return nil
    }

    /// "The Government should publish …" said by a member (not in a question): a demand on the Government.
    private func demand(_ tokens: [Token], finder: ClauseFinder) -> RequestForm? {
        for index in tokens.indices where ["should", "must", "ought", "need"].contains(tokens[index].norm) {
            guard index > 0 else { continue }
            var start = index - 1
            while start > 0, tokens[start - 1].isWord, !lexicon.classes.clauseBoundary.contains(tokens[start - 1].norm)
            {
                start -= 1
                if index - start > 6 { break }
            }
            let subject = start..<index
            guard finder.isGovernmentSubject(subject, in: tokens),
                !tokens[subject].contains(where: { $0.norm == "i" || $0.norm == "we" })
            else { continue }
            var cursor = index + 1
            if cursor < tokens.count, tokens[cursor].norm == "to" { cursor += 1 }
            if cursor < tokens.count, tokens[cursor].norm == "not" { return nil }
            return requestedVerb(after: cursor, in: tokens, finder: finder, form: .urge)
        }
        return nil
    }

    /// The verb asked for after the addressee, with its action and object.
    private func requestedVerb(after start: Int, in tokens: [Token], finder: ClauseFinder, form: Request.Form)
        -> RequestForm?
    {
        var cursor = start
        // "I should be grateful if the Minister would …": step over the addressee and its modal.
        if let length = addressee(at: cursor, in: tokens) { cursor += length }
        // "the Chancellor of the Exchequer", "the Secretary of State and his Department": the rest of the name.
        var tail = cursor
        while tail < min(tokens.count, cursor + 7), tokens[tail].isWord,
            !words.isVerb(tokens[tail].norm) || tokens[tail].capitalised
                || ["of", "the", "and", "his", "her", "for"].contains(tokens[tail].norm),
            !["will", "would", "could", "can", "to", "please", "not"].contains(tokens[tail].norm)
        {
            tail += 1
        }
        if tail > cursor, tail < tokens.count,
            words.isVerb(tokens[tail].norm) || ["will", "would", "to"].contains(tokens[tail].norm)
        {
            cursor = tail
        }
        cursor = finder.skipAdverbs(from: cursor, in: tokens)
        while cursor < tokens.count,
            [
                "will", "would", "could", "can", "shall", "should", "might", "may", "to", "please", "not", "now",
                "also", "today", "therefore", "then", "at", "least", "kindly",
            ].contains(tokens[cursor].norm)
        {
            cursor += 1
        }
        guard cursor < tokens.count, tokens[cursor].isWord,
            var group = finder.verbGroup(from: cursor, in: tokens, limit: tokens.count)
        else { return nil }
        if group.negated { group.negated = false }
        let verbIndex = min(group.verb, tokens.count - 1)
        guard tokens[verbIndex].isWord, words.isVerb(tokens[verbIndex].norm) || group.synthetic != nil else {
            return nil
        }
        let (lemma, length) = finder.verbLemma(at: verbIndex, in: tokens, group: group)
        let end = max(verbIndex + length, finder.clauseEnd(from: verbIndex + length, in: tokens, limit: tokens.count))
        let action = finder.action(at: verbIndex, lemma: lemma, in: tokens, clauseEnd: end, synthetic: group.synthetic)
        // "Will he agree to look again …", "would he be prepared to …": the act is the verb after "to".
        if ["agree", "undertake", "consent", "promise", "commit"].contains(lemma), verbIndex + 2 < tokens.count,
            tokens[verbIndex + 1].norm == "to", words.isVerb(tokens[verbIndex + 2].norm)
        {
            return requestedVerb(after: verbIndex + 2, in: tokens, finder: finder, form: form)
        }
        // "Does he know …", "Is he aware …", "Does he accept that …": no act asked for.
        let next = verbIndex + length < tokens.count ? tokens[verbIndex + length].norm : ""
        if [
            "be", "know", "realise", "realize", "recognise", "recognize", "think", "believe", "understand", "remember",
            "feel", "share", "see", "read", "hear", "appreciate", "realise", "aware",
        ].contains(lemma)
            || ["agree", "accept", "admit", "acknowledge", "consider", "concede"].contains(lemma)
                && (next == "that" || next == "with" || next == "?" || next == "" || next == "the")
                && !(lemma == "consider" && next == "the")
        {
            if form == .question { return nil }
        }
        return RequestForm(
            form: form, action: action, verb: lemma,
            object: finder.objectRange(after: verbIndex + length, in: tokens, limit: end))
    }

    /// The length in tokens of an addressee phrase at `index`, or nil when none starts there.
    ///
    /// For example "the Minister", "my right hon. Friend", "he".
    private func addressee(at index: Int, in tokens: [Token]) -> Int? {
        guard index < tokens.count, let pattern = lexicon.pattern("addressee"),
            let match = pattern.firstMatch(in: tokens, from: index, at: true, classes: lexicon)
        else { return nil }
        return match.range.count
    }

    private func isClauseStart(_ index: Int, _ tokens: [Token]) -> Bool {
        var cursor = index - 1
        while cursor >= 0, tokens[cursor].isWord, Self.clauseOpeners.contains(tokens[cursor].norm) {
            cursor -= 1
        }
        return cursor < 0 || tokens[cursor].kind == .mark
    }

    /// Words that may come between a clause's start and a request form ("So will the Minister …").
    private static let clauseOpeners: Set<String> = [
        "so", "then", "therefore", "and", "but", "or", "now", "finally", "also", "further", "secondly", "thirdly",
        "first", "lastly", "perhaps", "if", "please", "moreover",
    ]

    private func informationAction(_ tokens: [Token]) -> CommitmentAction {
        for index in tokens.indices {
            if let act = lexicon.act(at: index, in: tokens, lemma: words.verbLemma(tokens[index].norm)),
                act.action != .other
            {
                return act.action
            }
        }
        return .reportBack
    }

    /// The government turn that answers `index`: for a tabled question, the next government speech after any
    /// other tabled questions grouped with it ("I will answer Questions 3 and 4 together"); else the next speech.
    func replyTurn(to index: Int) -> Int? {
        guard tabled.contains(index) else { return governmentReply(after: index) }
        var next = index + 1
        while next < turns.count {
            if government.contains(next) { return next }
            if turns[next].kind == .speech && !chair.contains(next) && !tabled.contains(next) && !isInterjection(next) {
                return nil
            }
            next += 1
        }
        return nil
    }

    func findRequests() -> [Request] {
        var requests: [Request] = []
        var seen: [String: Int] = [:]
        for turn in turns where isMember(turn.index) {
            let reply = replyTurn(to: turn.index)
            for (sentence, form) in zip(sentences(of: turn), requestForms(of: turn)) {
                guard let found = form else { continue }
                // A bare question is a request only in an exchange with a minister.
                if found.form == .information, found.verb == nil, reply == nil, !tabled.contains(turn.index) {
                    continue
                }
                let id = uniqueID("r", [identity, "request", TextTools.normalised(sentence.text)], seen: &seen)
                cache.requestVerbs[id] = found.verb
                requests.append(
                    Request(
                        id: id, turn: turn.index, speaker: speakerReference(turn), quote: sentence.text,
                        action: found.action, outcome: .unanswered, answerTurn: reply,
                        answer: nil, commitment: nil, form: found.form,
                        asked: found.object.map { sentence.text(of: $0) } ?? found.verb))
            }
        }
        return requests
    }

    /// The requests each sentence of a turn makes, worked out once for the questions and requests passes.
    func requestForms(of turn: Turn) -> [RequestForm?] {
        if let cached = cache.requests[turn.index] { return cached }
        let tabledTurn = tabled.contains(turn.index)
        let forms = sentences(of: turn).map { request(in: $0, tabledTurn: tabledTurn) }
        cache.requests[turn.index] = forms
        return forms
    }

    /// How the answer in `turn` reads, worked out once however many requests and questions it answers.
    func answerReading(_ turn: Int) -> AnswerReading {
        if let cached = cache.answers[turn] { return cached }
        let reading = self.reading(of: sentences(of: turns[turn]))
        cache.answers[turn] = reading
        return reading
    }

    private func reading(of answer: [Sentence]) -> AnswerReading {
        let opening = answer.prefix(2)
        // The lexicon lists deflections strongest first: the first pattern any sentence matches names the evasion.
        let lexicon = self.lexicon
        var deflection: Sentence? = nil
        for pattern in lexicon.deflections {
            deflection = answer.first { pattern.matches($0, classes: lexicon) }
            if deflection != nil { break }
        }
        // Each sentence is tested for a decline once: the opening's first decline is the answer's first when
        // it is in the opening. (Closures, not the methods themselves, so that the run is not copied into them.)
        let decline = answer.firstIndex { self.isDecline($0) }
        return AnswerReading(
            openingDecline: decline.flatMap { $0 < opening.endIndex ? answer[$0] : nil },
            openingAcceptance: opening.first { self.isAcceptance($0) },
            alreadyDoing: answer.first { sentence in
                lexicon.alreadyDoing.contains { $0.matches(sentence, classes: lexicon) }
            },
            decline: decline.map { answer[$0] },
            deflection: deflection)
    }

    /// Decides each request's outcome from its answer, linking or creating the commitment it became.
    func resolveRequests(_ requests: inout [Request], commitments: inout [Commitment], followUps: [FollowUp]) {
        var seen: [String: Int] = [:]
        for index in requests.indices {
            let request = requests[index]
            guard let answerTurn = request.answerTurn else { continue }
            let answer = sentences(of: turns[answerTurn])
            let inAnswer = commitments.indices.filter { commitments[$0].turn == answerTurn }
            let read = answerReading(answerTurn)
            func settle(_ outcome: Request.Outcome, _ quote: String, commitment: String? = nil) {
                requests[index].outcome = outcome
                requests[index].answer = Request.Answer(quote: quote)
                requests[index].commitment = commitment
            }
            // What the answer offers: an undertaking that fits the request (same act, or the same things named),
            // a one-word acceptance (of the last request put before it), or a pointer to an earlier undertaking.
            let requestWords = contentWords(request.quote)
            let best = inAnswer.max {
                score(commitments[$0], request, requestWords) < score(commitments[$1], request, requestWords)
            }
            .flatMap { score(commitments[$0], request, requestWords) > 0 ? $0 : nil }
            let lastAsked =
                requests.last(where: { $0.answerTurn == answerTurn && $0.turn == request.turn })?.id == request.id
            let acceptance = lastAsked ? read.openingAcceptance : nil
            let pointer = followUps.first(where: { $0.turn == answerTurn }).flatMap { followUp in
                commitments.first(where: { $0.id == followUp.refersTo }).map { (followUp, $0) }
            }
            let features = outcomeFeatures(
                request, answer: answer, read: read, fitting: best != nil, anyCommitment: !inAnswer.isEmpty,
                acceptance: acceptance != nil, pointer: pointer != nil,
                requestsInTurn: requests.filter { $0.turn == request.turn }.count)
            let hand = handOutcome(
                request, read: read, features: features, fitting: best != nil, acceptance: acceptance != nil,
                pointer: pointer != nil)
            if Self.dumping { dump(request: request, features: features, hand: hand) }
            let outcome = lexicon.outcomeModel?.predict(features) ?? hand
            switch outcome {
            case .accepted:
                if let best {
                    if commitments[best].request == nil { commitments[best].request = request.id }
                    if commitments[best].object == "what was asked" {
                        commitments[best].action = request.action
                        commitments[best].object = requestedObject(request)
                    }
                    settle(.accepted, commitments[best].quote, commitment: commitments[best].id)
                } else if let acceptance {
                    if let existing = commitments.first(where: {
                        $0.turn == answerTurn && $0.quote == acceptance.text && $0.source == .acceptedRequest
                    }) {
                        settle(.accepted, acceptance.text, commitment: existing.id)
                        continue
                    }
                    let id = uniqueID(
                        "c", [identity, TextTools.normalised(request.quote), TextTools.normalised(acceptance.text)],
                        seen: &seen)
                    let object = requestedObject(request)
                    commitments.append(
                        Commitment(
                            id: id, turn: answerTurn, speaker: speakerReference(turns[answerTurn]),
                            quote: acceptance.text,
                            action: request.action, object: object, subject: subjectKey(object, action: request.action),
                            timing: timing(of: acceptance), kind: .acceptance, strength: .firm,
                            source: .acceptedRequest,
                            request: request.id, evidence: "accepts the request in a word: \"\(acceptance.text)\""))
                    settle(.accepted, acceptance.text, commitment: id)
                } else if let (followUp, earlier) = pointer {
                    settle(.accepted, followUp.quote, commitment: earlier.id)
                } else {
                    settle(.accepted, (read.alreadyDoing ?? answer.first)?.text ?? "")
                }
            case .declined:
                settle(.declined, (read.openingDecline ?? read.decline ?? answer.first)?.text ?? "")
            case .evaded, .unanswered:
                settle(.evaded, (read.deflection ?? answer.first)?.text ?? "")
            }
        }
    }

    /// The hand-written rules, used when the lexicon carries no trained outcome model.
    private func handOutcome(
        _ request: Request, read: AnswerReading, features: [String: Double], fitting: Bool, acceptance: Bool,
        pointer: Bool
    ) -> Request.Outcome {
        if read.openingDecline != nil { return .declined }
        if fitting || acceptance || read.alreadyDoing != nil { return .accepted }
        if read.decline != nil { return .declined }
        if pointer { return .accepted }
        if read.deflection != nil { return .evaded }
        if features["informational", default: 0] > 0 {
            return features["overlap", default: 0] >= 0.08 || features["namesIgnored", default: 0] == 0
                ? .accepted : .evaded
        }
        return features["argues", default: 0] > 0 && features["overlap", default: 0] >= 0.1 ? .declined : .evaded
    }

    /// What an outcome is decided from, by name: the signals of the answer and how it relates to the request.
    func outcomeFeatures(
        _ request: Request, answer: [Sentence], read: AnswerReading, fitting: Bool, anyCommitment: Bool,
        acceptance: Bool, pointer: Bool, requestsInTurn: Int
    ) -> [String: Double] {
        let relevance = self.relevance(of: answer, to: [request.quote])
        let first = answer.first.map { self.relevance(of: [$0], to: [request.quote]).overlap } ?? 0
        let verb = cache.requestVerbs[request.id]
        let informational =
            request.form == .information || request.form == .tabled && request.asked == nil
            || verb.map { lexicon.speechVerbs.contains($0) || Self.tellingVerbs.contains($0) } == true
        let opening = answer.prefix(2).flatMap(\.tokens).map(\.norm)
        let firstWord = answer.first?.tokens.first(where: \.isWord)?.norm ?? ""
        let words = answer.reduce(0) { $0 + $1.tokens.filter(\.isWord).count }
        func flag(_ value: Bool) -> Double { value ? 1 : 0 }
        // What kind of answer the question calls for, and whether the answer has that kind of content.
        let asked = Tokenizer.tokens(request.quote).filter(\.isWord).map(\.norm)
        let askWord =
            asked.first { ["what", "when", "how", "why", "which", "whether", "who", "where"].contains($0) } ?? ""
        let asksWhen = askWord == "when" || asked.contains("date") || asked.contains("timetable")
        let asksNumber =
            relevance.numberIgnored
            || zip(asked, asked.dropFirst()).contains { $0 == "how" && ($1 == "many" || $1 == "much") }
        let answerWords = answer.flatMap(\.tokens)
        let givesDate =
            answerWords.contains {
                lexicon.classes.month.contains($0.norm) || $0.kind == .number && $0.norm.count == 4
            }
            || answerWords.contains {
                ["week", "month", "year", "spring", "summer", "autumn", "shortly", "soon", "recess"].contains($0.norm)
            }
        let polar = ["will", "would", "can", "could", "does", "do", "is", "are", "has", "have", "shall", "may"]
            .contains(asked.first ?? "")
        let answerText = Set(answerWords.map(\.norm))
        let referral = ["refer", "referred", "said", "already", "earlier", "previous"].contains(
            where: answerText.contains)
        let opposition = [
            "opposition", "labour", "conservative", "conservatives", "tory", "tories", "previous", "shadow",
        ].contains(where: answerText.contains)
        return [
            "asksWhen": flag(asksWhen), "givesDate": flag(givesDate), "whenAnswered": flag(asksWhen && givesDate),
            "asksNumber": flag(asksNumber),
            "numberAnswered": flag(asksNumber && answerWords.contains { $0.kind == .number }),
            "polar": flag(polar),
            "polarAnswered": flag(
                polar && ["yes", "no", "certainly", "indeed", "absolutely", "of"].contains(firstWord)),
            "asksWhy": flag(askWord == "why"), "asksWhat": flag(askWord == "what" || askWord == "which"),
            "referral": flag(referral), "mentionsOpposition": flag(opposition),
            "fitting": flag(fitting), "anyCommitment": flag(anyCommitment), "acceptance": flag(acceptance),
            "openingDecline": flag(read.openingDecline != nil), "decline": flag(read.decline != nil),
            "alreadyDoing": flag(read.alreadyDoing != nil), "deflection": flag(read.deflection != nil),
            "pointer": flag(pointer), "informational": flag(informational), "tabled": flag(request.form == .tabled),
            "urge": flag(request.form == .urge || request.form == .indirect), "overlap": relevance.overlap,
            "firstOverlap": first, "namesIgnored": flag(relevance.namesIgnored),
            "numberIgnored": flag(relevance.numberIgnored), "attacks": flag(relevance.attacks),
            "argues": flag(
                opening.contains("not") || opening.contains("no") || opening.contains("however")
                    || opening.contains("unfortunately")),
            "startsYes": flag(["yes", "certainly", "indeed", "absolutely"].contains(firstWord)),
            "startsNo": flag(firstWord == "no"), "short": flag(words <= 12), "long": flag(words > 80),
            "manyRequests": flag(requestsInTurn > 2),
            "givesNumber": flag(answer.contains { $0.tokens.contains { $0.kind == .number } }),
        ]
    }

    /// HANSARD_DUMP_FEATURES=1 prints each request's outcome features as JSON lines (for scripts/train-outcomes).
    static let dumping = getenv("HANSARD_DUMP_FEATURES") != nil

    private func dump(request: Request, features: [String: Double], hand: Request.Outcome) {
        dumpFeatures(lead: "", turn: request.turn, quote: request.quote, hand: "\"\(hand.rawValue)\"", features)
    }

    /// One feature row as a JSON line on standard error, for the training scripts: `lead` opens the object (a
    /// row kind the script filters on), `hand` is the JSON value the hand rules gave.
    func dumpFeatures(lead: String, turn: Int, quote: String, hand: String, _ features: [String: Double]) {
        func escaped(_ text: String) -> String {
            text.unicodeScalars.map { $0 == "\"" || $0 == "\\" ? "\\\($0)" : $0.value < 32 ? " " : String($0) }.joined()
        }
        let values = features.keys.sorted().map { "\"\($0)\": \(features[$0]!)" }.joined(separator: ", ")
        let row =
            "{\(lead)\"page\": \"\(escaped(debate.source.path))\", \"turn\": \(turn), \"quote\": \"\(escaped(quote))\", "
            + "\"hand\": \(hand), \"features\": {\(values)}}\n"
        FileHandle.standardError.write(Data(row.utf8))
    }

    /// Verbs of a request to be told or assured ("Can he say …", "will he confirm …", "give the figures").
    static let tellingVerbs: Set<String> = [
        "say", "state", "tell", "indicate", "list", "give", "confirm", "assure", "explain", "make clear", "inform",
        "clarify", "specify", "outline", "describe", "estimate", "provide", "name", "identify", "quantify", "update",
    ]

    /// How well a commitment in the answer fits a request: the same act, the same things named.
    private func score(_ commitment: Commitment, _ request: Request, _ requestWords: Set<String>) -> Int {
        var score = 0
        if commitment.action == request.action && commitment.action != .other { score += 3 }
        let shared = contentWords(commitment.object).intersection(requestWords).count
        score += min(shared, 3)
        if commitment.object == "what was asked" { score += 2 }
        if commitment.request != nil { score -= 1 }
        return score
    }

    func isDecline(_ sentence: Sentence) -> Bool {
        if refusals[sentence.turn]?.contains(where: { $0.text == sentence.text }) == true { return true }
        return lexicon.declines.contains { $0.matches(sentence, classes: lexicon) }
    }

    func isAcceptance(_ sentence: Sentence) -> Bool {
        sentence.tokens.filter(\.isWord).count <= 14
            && lexicon.acceptances.contains { $0.matches(sentence, classes: lexicon) }
    }

    private func requestedObject(_ request: Request) -> String {
        switch request.action {
        case .write: return "a letter answering \(request.speaker.name ?? "the member")'s points"
        default: return request.asked ?? request.action.rawValue
        }
    }
}
