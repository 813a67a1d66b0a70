/// A future or commissive verb group in a government speaker's sentence, with its subject, main verb and object,
/// and what it amounts to.
///
/// The grammar is that of English verb groups, not of phrases a page happened to use: a marker of the future or of
/// commitment (`will`, `shall`, `going to`, `is to`, `intend to`, `our aim is to`, `I am happy to`, `let me`, …),
/// the subject before it, then adverbs, negation, auxiliaries and catenative verbs (`try to`, `continue to`,
/// `be able to`) up to a main verb, which may be any verb WordNet knows. The reading is then decided by grammar
/// and by the meaning of the subject and the verb: the Government's side acting, a refusal, a hypothetical,
/// debate management, a prediction, or a third party's act.
struct Clause: Sendable {
    enum Reading: String, Sendable {
        case commitment, refusal, debate, prediction, thirdParty, question
    }

    enum Marker: String, Sendable {
        case modal, goingTo, beTo, commissive, progressive, readiness, politeOffer, intentionNoun, intendedPassive
        case performative, offer, letMe, arrangement
    }

    var reading: Reading
    var marker: Marker
    var kind: Commitment.Kind
    var strength: Commitment.Strength
    var action: CommitmentAction
    /// The main verb's lemma ("publish", "look into"), or the synthetic verb of a fixed phrase ("ensure").
    var verb: String
    /// Tokens of the subject.
    var subject: Range<Int>
    /// Tokens of the main verb (and its particle).
    var verbRange: Range<Int>
    /// Tokens of the object, when the verb has one.
    var object: Range<Int>?
    /// For passives and existentials, the object is the subject ("the report will be published").
    var objectIsSubject = false
    /// The whole clause: subject to the clause's end.
    var span: Range<Int>
    /// "I will do so", "Yes, I will": the act is the one asked for.
    var anaphoric = false
    /// What decided the reading, in words.
    var evidence: String
    /// Who the subject was read as.
    var subjectKind: ClauseFinder.SubjectKind = .other
}

/// Finds clauses in one sentence.
struct ClauseFinder {
    let lexicon: Lexicon
    let words: WordCache
    private var wordNet: WordNet { lexicon.wordNet }

    /// Who the subject of a verb group is.
    enum SubjectKind: Equatable, Sendable {
        /// I, we, the Government, my Department, my right hon. Friend the Secretary of State, officials…
        case government
        /// An agentless passive's or existential's subject: judged by what it names.
        case impersonal
        case existential
        /// Anyone or anything else.
        case other
    }

    // MARK: Markers

    private struct Found {
        var marker: Marker
        /// Where the subject search starts (the token before which the subject ends).
        var subjectEnd: Int
        /// The first token after the marker, where the verb group continues.
        var next: Int
        var kindHint: Commitment.Kind?
        var strengthHint: Commitment.Strength?
        var subjectOverride: (Range<Int>, SubjectKind)?
        /// "We expect the review to be finalised": the thing promised is named before the verb.
        var objectOverride: Range<Int>?
        var evidence: String
    }
    typealias Marker = Clause.Marker

    /// The clauses of `sentence`; `previous` is the sentence before it in the same turn, for "he" and "she".
    func clauses(in sentence: Sentence, previous: Sentence? = nil) -> [Clause] {
        let tokens = sentence.tokens
        var found: [Found] = []
        var index = 0
        while index < tokens.count {
            if let marker = marker(at: index, in: tokens) { found.append(marker) }
            index += 1
        }
        var clauses: [Clause] = []
        for (number, marker) in found.enumerated() {
            let limit = number + 1 < found.count ? found[number + 1].subjectEnd : tokens.count
            guard
                var clause = analyse(
                    marker, in: tokens, limit: max(limit, marker.next), previous: previous?.tokens ?? [],
                    earlier: clauses.last)
            else {
                if AnalysisRun.tracing {
                    print("  (no verb group) \(marker.marker) \(marker.evidence) at \(marker.next)")
                }
                continue
            }
            if sentence.isQuestion { clause.reading = .question }
            // One verb group read twice (a readiness marker inside a modal's group) is one clause.
            if clauses.contains(where: { $0.verbRange == clause.verbRange }) { continue }
            clauses.append(clause)
        }
        return clauses
    }

    private func marker(at index: Int, in tokens: [Token]) -> Found? {
        let word = tokens[index].norm
        guard words.startsMarker(word, startsMarker) else { return nil }
        let next = index + 1 < tokens.count ? tokens[index + 1].norm : ""
        switch word {
        case "will", "shall":
            if index > 0, Self.willAsNoun.contains(tokens[index - 1].norm) { return nil }
            let afterNext = index + 2 < tokens.count ? tokens[index + 2].norm : ""
            if next == "of" && afterNext != "course" || next == "to" && index > 0 && tokens[index - 1].norm == "the" {
                return nil
            }
            return Found(marker: .modal, subjectEnd: index, next: index + 1, evidence: word)
        case "going":
            guard next == "to", let be = previousWord(before: index, in: tokens),
                lexicon.classes.bePresent.contains(tokens[be].norm), verbFollows(index + 2, tokens)
            else { return nil }
            return Found(
                marker: .goingTo, subjectEnd: be, next: index + 2, kindHint: .undertaking, evidence: "going to")
        case "would", "should":
            // "I would be happy to", "I should be glad to": the polite offer, read as qualified.
            var cursor = skipAdverbs(from: index + 1, in: tokens)
            guard cursor < tokens.count, tokens[cursor].norm == "be" else { return nil }
            cursor = skipAdverbs(from: cursor + 1, in: tokens)
            guard let length = lexicon.phrases("readiness").match(at: cursor, in: tokens),
                cursor + length < tokens.count, tokens[cursor + length].norm == "to"
            else { return nil }
            return Found(
                marker: .politeOffer, subjectEnd: index, next: cursor + length + 1, kindHint: .undertaking,
                strengthHint: .qualified, evidence: "\(word) be \(tokens[cursor].norm) to")
        default:
            break
        }
        let bePresent = lexicon.classes.bePresent
        if bePresent.contains(word) {
            let cursor = skipAdverbs(from: index + 1, in: tokens)
            guard cursor < tokens.count else { return nil }
            // "we are to publish", "the report is to be published"
            if tokens[cursor].norm == "to", cursor + 1 < tokens.count, tokens[cursor + 1].isWord,
                words.isVerb(tokens[cursor + 1].norm) || tokens[cursor + 1].norm == "be"
            {
                if let noun = intentionNounSubject(before: index, in: tokens) {
                    return Found(
                        marker: .intentionNoun, subjectEnd: index, next: cursor + 1, kindHint: .intention,
                        subjectOverride: (noun, .government), evidence: "\(tokens[noun.upperBound - 1].norm) is to")
                }
                return Found(
                    marker: .beTo, subjectEnd: index, next: cursor + 1, kindHint: .intention, evidence: "is to")
            }
            // "we are planning to", "I am hoping to", "we are committed to"
            if lexicon.classes.commissiveProgressive.contains(tokens[cursor].norm), tokens[cursor].norm != "going",
                cursor + 1 < tokens.count, tokens[cursor + 1].norm == "to", verbFollows(cursor + 2, tokens)
            {
                let lemma = words.verbLemma(tokens[cursor].norm) ?? tokens[cursor].norm
                let kind = lexicon.table("commissiveKinds")[lemma].flatMap(Commitment.Kind.init(rawValue:))
                return Found(
                    marker: .progressive, subjectEnd: index, next: cursor + 2, kindHint: kind ?? .intention,
                    evidence: "\(word) \(tokens[cursor].norm) to")
            }
            // "I am happy to", "we are prepared to"
            if let length = lexicon.phrases("readiness").match(at: cursor, in: tokens), cursor + length < tokens.count,
                tokens[cursor + length].norm == "to", verbFollows(cursor + length + 1, tokens, gerund: true)
            {
                return Found(
                    marker: .readiness, subjectEnd: index, next: cursor + length + 1, kindHint: .undertaking,
                    evidence: "\(word) \(tokens[cursor].norm) to")
            }
            // "I am arranging for", "we are writing to", "I am asking my officials to"
            if let length = lexicon.phrases("arrangementProgressive").match(at: cursor, in: tokens),
                Self.futureDirected.contains(tokens[cursor].norm)
                    || lexicon.futureCues.occurs(in: tokens, (cursor + length)..<tokens.count)
            {
                return Found(
                    marker: .arrangement, subjectEnd: index, next: cursor, kindHint: .undertaking,
                    evidence: "\(word) \(tokens[cursor..<cursor + length].map(\.norm).joined(separator: " "))")
            }
            // "it is intended to", "it is proposed that"
            if lexicon.classes.intendedParticiple.contains(tokens[cursor].norm), index > 0,
                tokens[index - 1].norm == "it", cursor + 1 < tokens.count, tokens[cursor + 1].norm == "to"
            {
                return Found(
                    marker: .intendedPassive, subjectEnd: index - 1, next: cursor + 2, kindHint: .intention,
                    subjectOverride: ((index - 1)..<index, .government), evidence: "it is \(tokens[cursor].norm) to")
            }
            // "there are plans to"
            if word == "are" || word == "is", index > 0, tokens[index - 1].norm == "there",
                let length = lexicon.phrases("intentionNoun").match(at: skipDeterminer(cursor, tokens), in: tokens)
            {
                let noun = skipDeterminer(cursor, tokens)
                if noun + length < tokens.count, tokens[noun + length].norm == "to" {
                    return Found(
                        marker: .intentionNoun, subjectEnd: index - 1, next: noun + length + 1, kindHint: .intention,
                        subjectOverride: ((index - 1)..<(noun + length), .government),
                        evidence: "there are \(tokens[noun].norm) to")
                }
            }
            return nil
        }
        // "we intend to", "the Government propose to", "I undertake to"
        if tokens[index].isWord, next == "to", let lemma = words.verbLemma(word),
            lexicon.classes.commissiveVerb.contains(lemma), Self.presentForm(word, lemma: lemma),
            verbFollows(index + 2, tokens), !afterModal(index, tokens)
        {
            let kind = lexicon.table("commissiveKinds")[lemma].flatMap(Commitment.Kind.init(rawValue:))
            return Found(
                marker: .commissive, subjectEnd: index, next: index + 2, kindHint: kind ?? .intention,
                evidence: "\(word) to")
        }
        // "I had better write to him", "I'd better": a first-person undertaking.
        if word == "better", index > 0, ["had", "would"].contains(tokens[index - 1].norm),
            previousIsFirstPerson(index - 1, tokens),
            verbFollows(index + 1, tokens)
        {
            return Found(
                marker: .modal, subjectEnd: index - 1, next: index + 1, kindHint: .undertaking, evidence: "had better")
        }
        // "I have undertaken to …", "we have promised to …": an earlier promise, still to be kept.
        if lexicon.restatedPromiseVerbs.contains(word), index > 0,
            ["have", "has", "'ve"].contains(tokens[index - 1].norm),
            next == "to", verbFollows(index + 2, tokens)
        {
            return Found(
                marker: .commissive, subjectEnd: index - 1, next: index + 2, kindHint: .undertaking,
                evidence: "have \(word) to")
        }
        // "our intention to make changes", "the Government's plan to …" named anywhere in the sentence.
        if lexicon.classes.intentionNoun.contains(word), index > 0,
            ["our", "my", "government's"].contains(tokens[index - 1].norm),
            next == "to", verbFollows(index + 2, tokens), !(index >= 2 && tokens[index - 2].norm == "is")
        {
            return Found(
                marker: .intentionNoun, subjectEnd: index - 1, next: index + 2, kindHint: .intention,
                subjectOverride: ((index - 1)..<(index + 1), .government),
                evidence: "\(tokens[index - 1].norm) \(word) to")
        }
        // "We expect the review to be finalised", "I intend the regulations to come into force": verb, thing, to-verb.
        if tokens[index].isWord, let lemma = words.verbLemma(word),
            lexicon.classes.commissiveObjectVerb.contains(lemma),
            Self.presentForm(word, lemma: lemma), next != "to", previousIsFirstPerson(index, tokens)
        {
            var cursor = index + 1
            while cursor < min(tokens.count, index + 8), tokens[cursor].norm != "to",
                tokens[cursor].isWord || tokens[cursor].norm == "'s"
            {
                cursor += 1
            }
            if cursor > index + 1, cursor < tokens.count, tokens[cursor].norm == "to", verbFollows(cursor + 1, tokens),
                !["me", "him", "her", "you", "them", "us", "members", "lords"].contains(tokens[index + 1].norm),
                !namesPeople((index + 1)..<cursor, tokens)
            {
                return Found(
                    marker: .commissive, subjectEnd: index, next: cursor + 1, kindHint: .intention,
                    objectOverride: (index + 1)..<cursor, evidence: "\(word) … to")
            }
        }
        // "I give an undertaking that", "I can give that assurance"
        if word == "give",
            previousIsFirstPerson(index, tokens, allowing: ["can", "will", "shall", "do", "am", "happy", "glad"])
        {
            let cursor = skipDeterminer(index + 1, tokens)
            let objects: Set<String> = [
                "undertaking", "assurance", "commitment", "pledge", "promise", "guarantee", "undertakings",
                "assurances",
            ]
            var noun = cursor
            while noun < min(cursor + 3, tokens.count), !objects.contains(tokens[noun].norm) { noun += 1 }
            if noun < tokens.count, objects.contains(tokens[noun].norm), !previousHasNegation(index, tokens) {
                return Found(
                    marker: .performative, subjectEnd: index, next: index, kindHint: .undertaking,
                    evidence: "give \(tokens[noun].norm)")
            }
        }
        // "Let me write to him", "let us look at that"
        if word == "let", next == "me" {
            return Found(
                marker: .letMe, subjectEnd: index, next: index + 2, kindHint: .undertaking, evidence: "let \(next)")
        }
        // "Perhaps I can write to the noble Lord", "I can write to him", "I could arrange for him to meet officials"
        if lexicon.classes.modalAbility.contains(word), index > 0, tokens[index - 1].norm == "i" {
            let opener =
                tokens[..<index].contains { $0.norm == "perhaps" }
                || tokens[(index + 1)...].contains {
                    ["wishes", "likes", "wish", "helpful", "useful"].contains($0.norm)
                }
            let cursor = skipAdverbs(from: index + 1, in: tokens)
            let offers =
                cursor < tokens.count
                && lexicon.offerVerbs.match(at: cursor, in: tokens, firstLemma: words.verbLemma(tokens[cursor].norm))
                    != nil
                && !["tell", "say", "assure", "confirm", "answer"].contains(tokens[cursor].norm)
            if opener || offers && !(word == "may" || word == "might") {
                return Found(
                    marker: .offer, subjectEnd: index, next: index + 1, kindHint: .undertaking,
                    strengthHint: .qualified, evidence: "perhaps I \(word)")
            }
        }
        // "our intention is to", "the aim is to" (the copula case is handled above); "it is our intention to"
        if lexicon.classes.intentionNoun.contains(word), index >= 2, tokens[index - 1].isWord,
            ["our", "my", "the", "government's"].contains(tokens[index - 1].norm),
            tokens[index - 2].norm == "is" || tokens[index - 2].norm == "'s", index >= 3,
            tokens[index - 3].norm == "it",
            next == "to" || next == "that"
        {
            return Found(
                marker: .intentionNoun, subjectEnd: index - 3, next: index + 2, kindHint: .intention,
                subjectOverride: ((index - 3)..<(index + 1), .government), evidence: "it is our \(word) to")
        }
        return nil
    }

    /// Words ``marker(at:in:)`` tests by their form, before their class.
    private static let markerForms: Set<String> = [
        "will", "shall", "going", "would", "should", "better", "give", "let",
    ]

    /// Whether `word` is one a marker can be found at: every test of ``marker(at:in:)`` asks for one of these forms
    /// or classes first, so a word that is none of them is passed over in one look-up (remembered per debate).
    private func startsMarker(_ word: String) -> Bool {
        let classes = lexicon.classes
        if Self.markerForms.contains(word) || classes.bePresent.contains(word)
            || lexicon.restatedPromiseVerbs.contains(word) || classes.intentionNoun.contains(word)
            || classes.modalAbility.contains(word)
        {
            return true
        }
        guard let lemma = words.verbLemma(word) else { return false }
        return classes.commissiveVerb.contains(lemma) || classes.commissiveObjectVerb.contains(lemma)
    }

    /// Whether the phrase names people, whose acts are their own rather than the Government's.
    ///
    /// For example "people", "local authorities", "the hon. Gentleman".
    private func namesPeople(_ range: Range<Int>, _ tokens: [Token]) -> Bool {
        guard let head = headNoun(range, in: tokens) else { return false }
        if ["people", "everyone", "everybody", "members", "lords", "gentleman", "lady", "colleagues"].contains(head) {
            return true
        }
        guard let noun = words.nounLemma(head), let kind = words.nounKinds(noun)?.first else { return false }
        return kind == "person" || kind == "group" && !lexicon.governmentActNouns.contains(head)
    }

    /// "we must expect to", "we would hope to": a modal before the verb makes it an obligation or a wish.
    private func afterModal(_ index: Int, _ tokens: [Token]) -> Bool {
        var cursor = index - 1
        while cursor >= 0, tokens[cursor].isWord,
            Self.alwaysAdverbs.contains(tokens[cursor].norm) || words.isAdverb(tokens[cursor].norm)
        {
            cursor -= 1
        }
        return cursor >= 0
            && ["must", "should", "would", "could", "may", "might", "can", "will", "shall", "to", "not"].contains(
                tokens[cursor].norm)
    }

    /// Progressives that are arrangements for later by their meaning: "I am arranging for", "I am asking".
    private static let futureDirected: Set<String> = [
        "arranging", "asking", "instructing", "directing", "commissioning", "making",
    ]

    /// A verb (base form; or an "-ing" form after "committed to") begins at `index`.
    private func verbFollows(_ index: Int, _ tokens: [Token], gerund: Bool = false) -> Bool {
        var cursor = index
        while cursor < tokens.count, tokens[cursor].isWord, Self.alwaysAdverbs.contains(tokens[cursor].norm) {
            cursor += 1
        }
        guard cursor < tokens.count, tokens[cursor].isWord else { return false }
        let word = tokens[cursor].norm
        if ["be", "have", "do", "get", "make", "take", "give", "keep", "see", "put", "set", "let"].contains(word) {
            return true
        }
        guard let lemma = words.verbLemma(word) else { return false }
        return lemma == word || gerund && word.hasSuffix("ing")
    }

    private static let willAsNoun: Set<String> = [
        "the", "a", "political", "good", "free", "at", "own", "public", "general", "popular", "his", "her", "their",
        "our", "my", "your", "ill", "goodwill", "of", "democratic", "collective", "strong", "sheer", "living",
    ]

    private static func presentForm(_ form: String, lemma: String) -> Bool {
        form == lemma || form == lemma + "s" || form == lemma + "es"
            || (lemma.hasSuffix("y") && form == lemma.dropLast() + "ies")
    }

    // MARK: Subjects

    private func previousWord(before index: Int, in tokens: [Token]) -> Int? {
        var cursor = index - 1
        while cursor >= 0, tokens[cursor].isWord, words.isAdverb(tokens[cursor].norm),
            !lexicon.classes.bePresent.contains(tokens[cursor].norm)
        {
            cursor -= 1
        }
        return cursor >= 0 ? cursor : nil
    }

    private func previousIsFirstPerson(_ index: Int, _ tokens: [Token], allowing extra: Set<String> = []) -> Bool {
        var cursor = index - 1
        while cursor >= 0, tokens[cursor].isWord,
            words.isAdverb(tokens[cursor].norm) || extra.contains(tokens[cursor].norm)
        {
            cursor -= 1
        }
        return cursor >= 0 && (tokens[cursor].norm == "i" || tokens[cursor].norm == "we")
    }

    private func previousHasNegation(_ index: Int, _ tokens: [Token]) -> Bool {
        tokens[max(0, index - 3)..<index].contains { $0.norm == "not" || $0.norm == "never" }
    }

    private func skipDeterminer(_ index: Int, _ tokens: [Token]) -> Int {
        var cursor = index
        while cursor < tokens.count,
            lexicon.classes.determiner.contains(tokens[cursor].norm) || tokens[cursor].norm == "government's"
                || tokens[cursor].norm == "'s"
        {
            cursor += 1
        }
        return cursor
    }

    /// "Our intention is to", "the Government's aim is to": the noun phrase ending in an intention noun before `be`.
    private func intentionNounSubject(before be: Int, in tokens: [Token]) -> Range<Int>? {
        guard be >= 2 else { return nil }
        let noun = be - 1
        guard lexicon.classes.intentionNoun.contains(tokens[noun].norm) else { return nil }
        let owner = tokens[noun - 1].norm
        let owners: Set<String> = [
            "our", "my", "the", "government's", "'s", "department's", "first", "next", "main", "clear", "firm",
            "overall", "immediate", "present", "current", "stated", "long-term", "ultimate", "key",
        ]
        guard owners.contains(owner) else { return nil }
        // "what is important is to": not a noun of intention, so `owner` guards; "our aim" and "the aim" qualify.
        var start = noun - 1
        while start > 0, !tokens[start - 1].isWord || !lexicon.classes.clauseBoundary.contains(tokens[start - 1].norm),
            tokens[start - 1].kind != .mark, noun - start < 6
        {
            start -= 1
        }
        return start..<(noun + 1)
    }

    /// The subject of a verb group ending before `end`: its tokens and who it is.
    private func subject(endingBefore end: Int, in tokens: [Token]) -> (Range<Int>, SubjectKind) {
        var cursor = end - 1
        // Adverbs and a short parenthetical aside ("we, of course, will") between subject and verb.
        while cursor >= 0 {
            if tokens[cursor].isWord, words.isAdverb(tokens[cursor].norm),
                !["i", "we", "there", "it"].contains(tokens[cursor].norm)
            {
                cursor -= 1
                continue
            }
            if tokens[cursor].norm == "," || tokens[cursor].norm == "—" || tokens[cursor].norm == "–" {
                let closer = tokens[cursor].norm
                var open = cursor - 1
                while open >= 0, open > cursor - 10,
                    tokens[open].norm != closer && !(closer != "," && tokens[open].norm == ",")
                {
                    open -= 1
                }
                if open >= 0, open > cursor - 10, open + 1 < cursor,
                    lexicon.classes.asideStart.contains(tokens[open + 1].norm)
                {
                    cursor = open - 1
                    continue
                }
            }
            break
        }
        // "(… not yet started) will be taken": step over a bracketed aside.
        if cursor >= 0, tokens[cursor].norm == ")" {
            var open = cursor - 1
            while open >= 0, tokens[open].norm != "(" { open -= 1 }
            if open > 0 { cursor = open - 1 }
        }
        guard cursor >= 0 else { return (end..<end, .other) }
        let last = tokens[cursor].norm
        if last == "i" || last == "we" {
            // "my officials and I", "the Government and I" are the Government's side too.
            return ((cursor)..<(cursor + 1), .government)
        }
        if last == "there" { return (cursor..<(cursor + 1), .existential) }
        // Walk back over the noun phrase to a clause boundary.
        var start = cursor
        while start > 0 {
            let previous = tokens[start - 1]
            if previous.kind == .mark {
                // "hon." and "Mr." keep their dot inside the phrase.
                if previous.norm == ".", start >= 2, tokens[start - 2].dotted { start -= 1; continue }
                if ["'", "£", "$", "%", "€", "-"].contains(previous.norm) { start -= 1; continue }
                break
            }
            if lexicon.classes.clauseBoundary.contains(previous.norm),
                previous.norm != "and" || !coordinatesSubject(start - 1, tokens),
                !(previous.norm == "and" && ["learned", "gallant"].contains(tokens[start].norm))
            {
                break
            }
            if [
                "will", "shall", "would", "should", "can", "could", "may", "might", "must", "is", "are", "was", "were",
                "am", "be", "have", "has", "had", "do", "does", "did", "said", "says", "say", "think", "believe",
                "hope", "know", "confirm", "assure", "tell", "told", "announce", "announced", "ensure", "expect",
                "trust", "agree", "accept",
                "promise", "promised", "means", "mean", "show", "shows", "suggests",
            ].contains(previous.norm) {
                break
            }
            start -= 1
            if cursor - start > 14 { break }
        }
        let range = start..<(cursor + 1)
        if isGovernmentSubject(range, in: tokens) || isColleague(range, in: tokens)
            || isGovernmentBody(range, in: tokens)
        {
            return (range, .government)
        }
        return (range, .other)
    }

    /// A subject that stands for the Government's side by reference.
    ///
    /// For example "… and will give our views soon" (the subject of the first verb), "he will be happy to …" after
    /// "my right hon. Friend", "it will be possible to".
    private func resolvedSubject(_ range: Range<Int>, before end: Int, in tokens: [Token], previous: [Token])
        -> SubjectKind
    {
        let words = tokens[range].map(\.norm)
        // Verb phrases joined by "and": the subject is the sentence's first.
        if range.isEmpty || ["and", "or", "but", "then"].contains(words.last ?? "")
            || (range.lowerBound > 0 && ["and", "or"].contains(tokens[range.lowerBound - 1].norm) && words == [])
        {
            if let first = tokens[..<end].firstIndex(where: { $0.isWord }) {
                if ["i", "we"].contains(tokens[first].norm) { return .government }
                var stop = first
                while stop < end, tokens[stop].isWord,
                    !["will", "shall", "are", "is", "have", "has", "am"].contains(tokens[stop].norm)
                { stop += 1 }
                if stop > first, isGovernmentSubject(first..<stop, in: tokens) || isColleague(first..<stop, in: tokens)
                {
                    return .government
                }
            }
        }
        if words == ["he"] || words == ["she"] {
            // The nearest person named before the pronoun decides: a colleague ("my right hon. Friend the
            // Secretary of State", "the Minister") or anyone else ("Mr Hancock has said that he will …").
            let context = previous + Array(tokens[..<range.lowerBound])
            var index = context.count - 1
            while index >= 0 {
                let word = context[index].norm
                if ["mr", "mrs", "ms", "sir", "dr", "dame", "miss"].contains(word), index + 1 < context.count,
                    context[min(index + 2, context.count - 1)].capitalised || context[index + 1].capitalised
                {
                    return .other
                }
                if word == "friend", let my = context[max(0, index - 7)...index].lastIndex(where: { $0.norm == "my" }) {
                    let phrase = Array(context[my..<min(context.count, index + 6)])
                    if isColleague(0..<(index - my + 1), in: phrase) || isGovernmentSubject(phrase.indices, in: phrase)
                    {
                        return .government
                    }
                    return .other
                }
                if word == "the", index + 1 < context.count,
                    [
                        "minister", "secretary", "chancellor", "prime", "leader", "attorney-general",
                        "solicitor-general", "home", "foreign", "attorney", "solicitor",
                    ].contains(context[index + 1].norm),
                    index + 2 >= context.count || context[index + 2].norm != "of"
                        || context[index + 1].norm == "secretary"
                {
                    return .government
                }
                index -= 1
            }
        }
        if words == ["it"], end + 3 < tokens.count, tokens[end].norm == "will" || tokens[end].norm == "should",
            tokens[end + 1].norm == "be", tokens[end + 2].norm == "possible"
        {
            return .government
        }
        return .other
    }

    /// A clause in the complement of a past verb of saying ("I said that …", "we made it clear that …") or of a
    /// denied one ("we cannot say that …").
    private func isReported(before start: Int, in tokens: [Token]) -> Bool {
        guard start >= 2 else { return false }
        var cursor = start - 1
        // The reported clause follows its verb directly or after "that" (with at most an addressee between:
        // "told the House that").
        guard
            tokens[cursor].norm == "that" || lexicon.reportingVerbs.match(at: cursor, in: tokens) != nil
                || ["said", "told", "stated", "announced", "promised", "explained"].contains(tokens[cursor].norm)
        else { return false }
        if tokens[cursor].norm == "that" { cursor -= 1 }
        let from = max(0, cursor - 5)
        for index in from...cursor where lexicon.reportingVerbs.match(at: index, in: tokens) != nil {
            return true
        }
        for index in from...cursor
        where ["say", "tell", "promise", "guarantee", "pretend", "claim"].contains(tokens[index].norm) {
            if tokens[max(0, index - 3)..<index].contains(where: { $0.norm == "not" || $0.norm == "never" }) {
                return true
            }
        }
        return false
    }

    /// "my officials and I": an "and" inside a subject, not between clauses.
    private func coordinatesSubject(_ and: Int, _ tokens: [Token]) -> Bool {
        and + 1 < tokens.count
            && ["i", "we", "my", "the", "our", "officials", "ministers"].contains(tokens[and + 1].norm)
    }

    func isGovernmentSubject(_ range: Range<Int>, in tokens: [Token]) -> Bool {
        guard !range.isEmpty, let pattern = lexicon.pattern("governmentSubject") else { return false }
        // "my Department and I", "I and my officials": a first-person member makes the whole subject ours.
        if tokens[range].contains(where: { $0.norm == "i" || $0.norm == "we" }) { return true }
        // The phrase must begin the subject ("Officials in my Department", "the Secretary of State for Health"),
        // allowing a leading "both", "all", "also".
        var start = range.lowerBound
        while start < range.upperBound, ["both", "all", "also", "then", "now", "and"].contains(tokens[start].norm) {
            start += 1
        }
        guard let match = pattern.firstMatch(in: Array(tokens[start..<range.upperBound]), at: true, classes: lexicon)
        else {
            return false
        }
        // "my hon. Friend the Member for …" is a backbencher.
        let rest = tokens[(start + match.range.upperBound)..<range.upperBound]
        return !rest.contains { $0.norm == "member" || $0.norm == "members" }
    }

    /// Whether the phrase, said by a minister, names a colleague, usually the one answerable.
    ///
    /// For example "My right hon. Friend", "my noble Friend".
    func isColleague(_ range: Range<Int>, in tokens: [Token]) -> Bool {
        let words = tokens[range].map(\.norm).filter { $0 != "." }
        guard words.first == "my", words.last == "friend" || words.last == "friends" else { return false }
        return words.contains("right") || words.contains("noble")
    }

    /// "the UK Border Agency", "HM Revenue and Customs": a named body of government.
    func isGovernmentBody(_ range: Range<Int>, in tokens: [Token]) -> Bool {
        guard let last = range.last, lexicon.governmentBodies.contains(tokens[last].norm), tokens[last].capitalised
        else {
            return false
        }
        return range.count >= 2 && tokens[range.lowerBound..<last].contains { $0.capitalised && $0.isWord }
    }

    // MARK: Verb groups

    func skipAdverbs(from index: Int, in tokens: [Token]) -> Int {
        var cursor = index
        while cursor < tokens.count {
            let token = tokens[cursor]
            if token.isWord, words.isAdverb(token.norm), !lexicon.classes.negation.contains(token.norm),
                !isVerbNotAdverb(cursor, tokens)
            {
                cursor += 1
                continue
            }
            // A parenthetical aside: ", of course," / "—as I said—" / ", I hope,".
            if token.norm == "," || token.norm == "—" || token.norm == "–" || token.norm == "(" {
                let closer = token.norm == "(" ? ")" : token.norm
                var close = cursor + 1
                while close < tokens.count, close < cursor + 12, tokens[close].norm != closer,
                    !(closer != "," && tokens[close].norm == closer)
                {
                    close += 1
                }
                if close < tokens.count, close < cursor + 12, tokens[close].norm == closer, close > cursor + 1,
                    lexicon.classes.asideStart.contains(tokens[cursor + 1].norm)
                        || words.isAdverb(tokens[cursor + 1].norm)
                {
                    cursor = close + 1
                    continue
                }
            }
            break
        }
        return cursor
    }

    /// "further" and "also" are adverbs; "review" after "will" is a verb even if WordNet lists an adverb reading.
    private func isVerbNotAdverb(_ index: Int, _ tokens: [Token]) -> Bool {
        let word = tokens[index].norm
        guard let lemma = words.verbLemma(word), lemma == word else { return false }
        return !Self.alwaysAdverbs.contains(word)
    }

    private static let alwaysAdverbs: Set<String> = [
        "also", "now", "then", "certainly", "further", "still", "again", "soon", "shortly", "always", "never", "just",
        "even", "only", "very", "most", "too", "well", "once", "together", "both", "all", "each", "of", "course",
        "indeed", "therefore", "obviously", "clearly", "naturally", "happily", "gladly", "immediately", "quickly",
        "yet", "personally", "actively", "urgently", "carefully", "seriously", "closely", "properly", "fully",
        "perhaps", "probably", "possibly", "definitely", "absolutely", "really", "duly", "formally", "directly",
    ]

    struct Group {
        var verb: Int
        var negated = false
        var passive = false
        var copula = false
        var ability = false
        var obligation = false
        var kinds: [Commitment.Kind] = []
        var qualified = false
        var synthetic: String?
        var anaphoric = false
    }

    /// Walks the verb group from `start` to the main verb.
    func verbGroup(from start: Int, in tokens: [Token], limit: Int) -> Group? {
        var group = Group(verb: start)
        var cursor = start
        var steps = 0
        while cursor < min(limit, tokens.count), steps < 12 {
            steps += 1
            cursor = skipAdverbs(from: cursor, in: tokens)
            guard cursor < tokens.count else { break }
            let word = tokens[cursor].norm
            if lexicon.classes.negation.contains(word) {
                if let length = lexicon.negationExceptions.match(at: cursor, in: tokens) {
                    // "not hesitate to", "not only … but": the promise stands.
                    cursor +=
                        word == "not" && ["only", "just", "merely"].contains(tokens[cursor + 1].norm) ? 2 : length
                    continue
                }
                group.negated = true
                cursor += 1
                continue
            }
            if word == "be" {
                let after = skipAdverbs(from: cursor + 1, in: tokens)
                guard after < tokens.count else {
                    group.copula = true
                    group.verb = cursor
                    return group
                }
                if let length = lexicon.phrases("readiness").match(at: after, in: tokens),
                    after + length < tokens.count,
                    tokens[after + length].norm == "to"
                {
                    cursor = after + length + 1
                    continue
                }
                if let length = lexicon.abilityPhrases.match(at: cursor, in: tokens) {
                    group.ability = true
                    cursor += length
                    continue
                }
                if tokens[after].norm == "in", after + 1 < tokens.count, tokens[after + 1].norm == "touch" {
                    group.synthetic = "be in touch"
                    group.verb = after
                    return group
                }
                let next = tokens[after].norm
                if tokens[after].isWord, next.hasSuffix("ing"), words.isVerb(next) {
                    group.verb = after
                    return group
                }
                if tokens[after].isWord, isParticiple(next) {
                    group.passive = true
                    group.verb = after
                    return group
                }
                if let length = lexicon.effortPhrases.match(at: cursor, in: tokens) {
                    group.kinds.append(effortKind(tokens[cursor + 1].norm))
                    cursor += length
                    continue
                }
                group.copula = true
                group.verb = cursor
                return group
            }
            if word == "have" {
                if cursor + 1 < tokens.count, tokens[cursor + 1].norm == "to" {
                    group.obligation = true
                    cursor += 2
                    continue
                }
                if cursor + 1 < tokens.count, isParticiple(tokens[cursor + 1].norm),
                    lexicon.agentiveReadings.match(at: cursor, in: tokens) == nil
                {
                    group.verb = cursor + 1
                    return group
                }
            }
            if word == "do", cursor + 1 < tokens.count,
                ["so", "that", "it", "this", "likewise", "the", "same"].contains(tokens[cursor + 1].norm),
                lexicon.effortPhrases.match(at: cursor, in: tokens) == nil
            {
                group.anaphoric = true
                group.verb = cursor
                return group
            }
            if word == "make", cursor + 1 < tokens.count, ["sure", "certain"].contains(tokens[cursor + 1].norm) {
                group.synthetic = "ensure"
                group.verb = cursor
                return group
            }
            if let length = lexicon.effortPhrases.match(at: cursor, in: tokens) {
                let phrase = tokens[cursor..<(cursor + length)].map(\.norm)
                group.kinds.append(effortKind(phrase[0]))
                if ["try", "seek", "endeavour", "endeavor", "attempt", "strive", "hope", "aim", "want", "wish"]
                    .contains(phrase[0]) || phrase[0] == "do" || phrase[0] == "use"
                {
                    group.qualified = true
                }
                cursor += length
                continue
            }
            if tokens[cursor].isWord {
                group.verb = cursor
                return group
            }
            return group.negated ? group : nil
        }
        if group.negated { group.verb = min(cursor, max(tokens.count - 1, 0)); return group }
        // "Yes, I will." — the verb group ends with the modal.
        group.anaphoric = true
        group.verb = min(cursor, max(tokens.count - 1, 0))
        return group
    }

    private func effortKind(_ word: String) -> Commitment.Kind {
        Commitment.Kind(rawValue: lexicon.effortKinds[word] ?? "effort") ?? .effort
    }

    /// A passive participle: "-ed"/"-en" or an irregular form WordNet lists ("laid", "brought", "set").
    private func isParticiple(_ word: String) -> Bool {
        guard let lemma = words.verbLemma(word), lemma != word || Self.unchangedParticiples.contains(word) else {
            return false
        }
        if word.hasSuffix("ing") || word.hasSuffix("s") && !word.hasSuffix("ss") { return false }
        return true
    }

    private static let unchangedParticiples: Set<String> = [
        "set", "put", "cut", "let", "shut", "spread", "cast", "hit",
    ]

    // MARK: Reading

    private func analyse(_ found: Found, in tokens: [Token], limit: Int, previous: [Token], earlier: Clause?) -> Clause?
    {
        var (subjectRange, subjectKind0) = found.subjectOverride ?? subject(endingBefore: found.subjectEnd, in: tokens)
        var subjectKind = subjectKind0
        // "we will announce … and will consult": a verb phrase joined by "and" shares the earlier clause's subject.
        if found.subjectOverride == nil, let earlier,
            subjectRange.isEmpty || ["and", "or"].contains(tokens[subjectRange.upperBound - 1].norm),
            subjectRange.upperBound == found.subjectEnd
        {
            subjectRange = earlier.subject
            subjectKind = earlier.subjectKind
        }
        if subjectKind == .other {
            subjectKind = resolvedSubject(subjectRange, before: found.subjectEnd, in: tokens, previous: previous)
        }
        if found.marker == .letMe || found.marker == .offer || found.marker == .performative {
            subjectKind = .government
        }
        // The performative carries its own object ("I give that undertaking"): no verb group to walk.
        if found.marker == .performative {
            let verb = found.next
            return Clause(
                reading: subjectKind == .government ? .commitment : .thirdParty, marker: .performative,
                kind: .undertaking, strength: .firm, action: .other, verb: "give an undertaking", subject: subjectRange,
                verbRange: verb..<(verb + 1), object: objectRange(after: verb + 1, in: tokens, limit: limit),
                span: subjectRange.lowerBound..<clauseEnd(from: verb, in: tokens, limit: limit), anaphoric: true,
                evidence: found.evidence)
        }
        let start = found.marker == .arrangement ? found.next : found.next
        guard var group = verbGroup(from: start, in: tokens, limit: tokens.count) else { return nil }
        if found.marker == .arrangement { group.verb = found.next }
        let verbIndex = min(group.verb, tokens.count - 1)
        guard verbIndex >= 0 else { return nil }
        let lemmaInfo = verbLemma(at: verbIndex, in: tokens, group: group)
        var verb = lemmaInfo.lemma
        let verbEnd = verbIndex + lemmaInfo.length
        let end = max(verbEnd, clauseEnd(from: verbEnd, in: tokens, limit: max(limit, verbEnd)))
        var clause = Clause(
            reading: .commitment, marker: found.marker, kind: found.kindHint ?? .undertaking, strength: .firm,
            action: .other, verb: verb, subject: subjectRange, verbRange: verbIndex..<verbEnd,
            object: objectRange(after: verbEnd, in: tokens, limit: end), span: subjectRange.lowerBound..<end,
            anaphoric: group.anaphoric, evidence: found.evidence + " + " + verb, subjectKind: subjectKind)

        // "If we are to meet the target …", "I cannot say when we will publish": a condition or an embedded
        // question, not the promise.
        if subjectRange.lowerBound > 0, found.subjectOverride == nil,
            ["if", "unless", "whether", "when", "how", "why", "what", "where", "until"].contains(
                tokens[subjectRange.lowerBound - 1].norm)
        {
            clause.reading = .prediction
            clause.evidence += " (in a subordinate clause)"
            return clause
        }
        // "I will circulate in the Official Report …": done in the report itself.
        if lexicon.procedural.match(at: verbIndex, in: tokens, firstLemma: verb) != nil
            || verb == "circulate" && tokens[verbIndex..<end].contains(where: { $0.norm == "official" })
        {
            clause.reading = .debate
            return clause
        }
        // "I said that we would …", "we cannot say that we will …": the clause reports or denies a promise.
        if isReported(before: subjectRange.lowerBound, in: tokens) {
            clause.reading = .prediction
            clause.evidence += " (reported)"
            return clause
        }
        // Refusals: "we will not", "I am not prepared to", "we are not going to".
        let between = found.subjectEnd..<max(found.subjectEnd, min(found.next, tokens.count))
        if group.negated
            || found.marker != .modal
                && between.contains(where: { tokens[$0].norm == "not" || tokens[$0].norm == "never" })
        {
            clause.reading = subjectKind == .government ? .refusal : .thirdParty
            return clause
        }
        // Who acts.
        switch subjectKind {
        case .government:
            break
        case .existential:
            if !governmentAct(nounPhraseAfter: verbEnd, in: tokens, limit: end) {
                clause.reading = .prediction
                return clause
            }
            clause.object = objectRange(after: verbEnd, in: tokens, limit: end)
            clause.evidence = "there will be + a government act"
        case .impersonal, .other:
            if group.obligation {
                // "The property will have to be vested …": a necessity, not an undertaking.
                clause.reading = .thirdParty
                return clause
            }
            if group.passive || found.marker == .beTo && group.passive {
                guard passiveGovernmentAct(subject: subjectRange, participle: verbIndex, in: tokens),
                    !doneByOthers(after: verbEnd, in: tokens, limit: end)
                else {
                    clause.reading = .thirdParty
                    return clause
                }
                clause.objectIsSubject = true
                clause.evidence = "agentless passive of a government act: " + verb
            } else if instrumentActs(subject: subjectRange, verb: verb, in: tokens) {
                clause.objectIsSubject = true
                clause.evidence = "a government review or scheme acting: " + verb
            } else {
                clause.reading = .thirdParty
                return clause
            }
        }
        // Said in the debate about the debate: "I will come to that", "I shall be brief".
        if subjectKind == .government,
            isDebateManagement(
                verbIndex: verbIndex, verbEnd: verbEnd, lemma: verb, group: group, in: tokens, clauseEnd: end,
                marker: found.marker)
        {
            clause.reading = .debate
            return clause
        }
        // "We expect to have better information": expecting a state is a forecast.
        if found.evidence.hasPrefix("expect"), ["have", "get", "find", "see", "be", "receive", "hear"].contains(verb) {
            clause.reading = .prediction
            return clause
        }
        // "It will be possible to …", "we will be able to …": a possibility, a promise only when hoped for or timed.
        if group.ability, !isQualified(before: subjectRange.lowerBound, in: tokens),
            !lexicon.futureCues.occurs(in: tokens, verbEnd..<end)
        {
            clause.reading = .prediction
            return clause
        }
        // "it is intended to contribute to public discussion": the expletive "it is intended to" introduces an act.
        if found.marker == .intendedPassive, lexicon.act(at: verbIndex, in: tokens, lemma: verb) == nil,
            lexicon.action(forVerb: verb) == nil, words.verbKinds(verb)?.first != "creation",
            words.verbKinds(verb)?.first != "change"
        {
            clause.reading = .prediction
            return clause
        }
        // Predictions and states: "we will see", "we will all remember", "we will be clear".
        if group.copula
            || (!group.passive && isNonAgentive(verb, at: verbIndex, verbEnd: verbEnd, in: tokens) && !group.anaphoric)
        {
            if subjectKind != .existential {
                clause.reading = .prediction
                return clause
            }
        }
        if group.synthetic == "be in touch" { verb = "be in touch" }
        if let object = found.objectOverride {
            clause.object = object
        }

        // Kind and strength.
        var kinds = group.kinds
        if let hint = found.kindHint { kinds.insert(hint, at: 0) }
        let action = self.action(at: verbIndex, lemma: verb, in: tokens, clauseEnd: end, synthetic: group.synthetic)
        clause.action = action
        clause.verb = verb
        if kinds.contains(.ongoing) {
            clause.kind = .ongoing
            clause.strength = .ongoing
        } else if kinds.contains(.effort) || group.qualified || group.ability {
            clause.kind = .effort
            clause.strength = .qualified
        } else if [CommitmentAction.consider, .review, .write, .meet, .consult].contains(action) {
            clause.kind = .consider
            clause.strength = .qualified
        } else if kinds.contains(.intention) {
            clause.kind = .intention
            clause.strength =
                found.evidence.hasPrefix("hope") || found.evidence.hasPrefix("expect") ? .qualified : .firm
        } else {
            clause.kind = .undertaking
            clause.strength = .firm
        }
        if let hint = found.strengthHint, clause.strength == .firm { clause.strength = hint }
        if isQualified(before: subjectRange.lowerBound, in: tokens), clause.strength == .firm {
            clause.strength = .qualified
        }
        if isConditional(clause: subjectRange.lowerBound..<end, in: tokens) {
            clause.kind = .conditional
            clause.strength = .conditional
        }
        return clause
    }

    func verbLemma(at index: Int, in tokens: [Token], group: Group) -> (lemma: String, length: Int) {
        if let synthetic = group.synthetic { return (synthetic, group.synthetic == "ensure" ? 2 : 3) }
        if group.anaphoric { return ("do so", min(2, tokens.count - index)) }
        if let phrasal = wordNet.phrasalVerb(at: index, in: tokens) { return phrasal }
        let word = tokens[index].norm
        return (words.verbLemma(word) ?? word, 1)
    }

    /// Where the clause ends: a semicolon, colon or dash, a new clause with its own subject and verb, or `limit`.
    func clauseEnd(from index: Int, in tokens: [Token], limit: Int) -> Int {
        var cursor = index
        while cursor < min(limit, tokens.count) {
            let norm = tokens[cursor].norm
            if tokens[cursor].kind == .mark, [";", ":", "?", "!"].contains(norm) { return cursor }
            if norm == "." && !(cursor > 0 && tokens[cursor - 1].dotted) { return cursor }
            if norm == "but" || norm == "whereas" || norm == "although" || norm == "though" { return cursor }
            cursor += 1
        }
        return min(limit, tokens.count)
    }

    /// The object: what follows the verb up to a boundary, at most 16 tokens.
    func objectRange(after index: Int, in tokens: [Token], limit: Int) -> Range<Int>? {
        var start = index
        while start < min(limit, tokens.count), tokens[start].kind == .mark, tokens[start].norm != "(" { start += 1 }
        var end = start
        let stops: Set<String> = [
            "because", "but", "although", "though", "if", "unless", "when", "whenever", "once", "while", "whilst",
            "until", "where", "so", "whereas", "since", "as", "before", "after",
        ]
        while end < min(limit, tokens.count), end - start < 16 {
            let token = tokens[end]
            if token.kind == .mark, [".", ";", ":", "—", "–", "(", "?", "!"].contains(token.norm),
                !(token.norm == "." && end > 0 && tokens[end - 1].dotted)
            {
                break
            }
            if token.norm == ",", end + 1 < tokens.count,
                [
                    "which", "and", "but", "as", "so", "because", "who", "where", "if", "when", "although", "though",
                    "while", "whilst",
                ].contains(tokens[end + 1].norm)
            {
                break
            }
            if end > start, stops.contains(token.norm),
                !(token.norm == "as" && end + 1 < tokens.count && tokens[end + 1].norm == "well")
            {
                break
            }
            if token.norm == "and", end + 1 < tokens.count,
                ["i", "we", "the", "that", "it", "they", "he", "she", "there"].contains(tokens[end + 1].norm),
                end + 2 < tokens.count,
                ["will", "shall", "am", "are", "is", "would", "can", "have", "government"].contains(
                    tokens[end + 2].norm)
            {
                break
            }
            end += 1
        }
        while end > start,
            tokens[end - 1].kind == .mark || ["and", "or", "the", "a", "to", "of"].contains(tokens[end - 1].norm)
        {
            end -= 1
        }
        return end > start ? start..<end : nil
    }

    private func timingStart(at index: Int, in tokens: [Token]) -> Bool {
        for rule in lexicon.timingRules(startingWith: tokens[index].norm)
        where lexicon.timing[rule].pattern.firstMatch(in: tokens, from: index, at: true, classes: lexicon) != nil {
            return true
        }
        return false
    }

    private func isDebateManagement(
        verbIndex: Int, verbEnd: Int, lemma: String, group: Group, in tokens: [Token], clauseEnd: Int, marker: Marker
    ) -> Bool {
        if group.copula {
            // "I shall be brief", "I will be quick".
            let next = skipAdverbs(from: verbIndex + 1, in: tokens)
            return next < tokens.count
                && ["brief", "quick", "short", "clear", "honest", "frank", "candid"].contains(tokens[next].norm)
        }
        let rest0 = verbEnd..<max(verbEnd, clauseEnd)
        if lexicon.debateAlways.contains(lemma) || lexicon.debateAlways.match(at: verbIndex, in: tokens) != nil {
            return true
        }
        // Saying, in the debate: "I will tell the House …", "let me reconfirm that …" — unless a later time or a
        // letter is named ("I will tell the House when the review reports").
        if lexicon.speechVerbs.contains(lemma) || lexicon.speechVerbs.match(at: verbIndex, in: tokens) != nil
            || marker == .letMe && words.verbKinds(lemma)?.first == "communication"
        {
            let act = lexicon.action(forVerb: lemma)
            if act != .write && act != .meet && act != .publish && act != .consult
                && !lexicon.reportBackCues.occurs(in: tokens, rest0) && !lexicon.futureCues.occurs(in: tokens, rest0)
            {
                return true
            }
        }
        guard lexicon.debateVerbs.contains(lemma) || lexicon.debateVerbs.match(at: verbIndex, in: tokens) != nil else {
            return false
        }
        if lexicon.debateAlways.contains(lemma) || lexicon.debateAlways.match(at: verbIndex, in: tokens) != nil {
            return true
        }
        let rest = verbEnd..<clauseEnd
        // "I will write", "come back to the House", "respond in writing before Report": a promise about later.
        if lexicon.reportBackCues.occurs(in: tokens, rest) { return false }
        if lexicon.futureCues.occurs(in: tokens, rest) && !lexicon.debateCues.occurs(in: tokens, rest) { return false }
        if lexicon.debateCues.occurs(in: tokens, rest) { return true }
        // "I will try to deal with them": a debate verb on a pronoun stands for the points just made.
        if verbEnd < clauseEnd,
            ["them", "it", "that", "those", "these", "this"].contains(tokens[verbEnd].norm)
                || verbEnd + 1 < clauseEnd && ["with", "to", "on"].contains(tokens[verbEnd].norm)
                    && ["them", "it", "that", "those", "these", "this"].contains(tokens[verbEnd + 1].norm)
        {
            return true
        }
        // "I will come to that", "I shall deal with those points", "let me turn to the amendments".
        var cursor = verbEnd
        while cursor < min(clauseEnd, verbEnd + 5) {
            let word = tokens[cursor].norm
            if lexicon.debateObjects.contains(word) {
                return true
            }
            cursor += 1
        }
        // "Let me say", "I will explain": nothing after that outlives the debate.
        return marker == .letMe || rest.isEmpty
            || ["say", "add", "mention", "explain", "remind", "repeat", "reiterate", "put", "make"].contains(lemma)
    }

    private func isNonAgentive(_ lemma: String, at index: Int, verbEnd: Int, in tokens: [Token]) -> Bool {
        if lexicon.agentiveReadings.matchEnd(at: index, in: tokens, firstLemma: words.verbLemma(tokens[index].norm))
            != nil
            || lexicon.agentiveReadings.contains(lemma)
        {
            return false
        }
        // "take positive action", "make a decision", "give consideration": the object makes the act.
        if lexicon.lightVerbs.contains(lemma), eventNoun(after: verbEnd, in: tokens) { return false }
        if lexicon.nonAgentiveVerbs.contains(lemma) { return true }
        if lexicon.act(at: index, in: tokens, lemma: lemma) != nil { return false }
        guard let kinds = words.verbKinds(lemma), let first = kinds.first else { return false }
        return lexicon.nonAgentiveKinds.contains(first)
    }

    /// An act or document named within the next few words: "positive action", "a decision", "steps".
    private func eventNoun(after index: Int, in tokens: [Token]) -> Bool {
        var cursor = index
        while cursor < min(tokens.count, index + 8), tokens[cursor].isWord {
            let word = tokens[cursor].norm
            if lexicon.governmentActNouns.contains(word) && !lexicon.predictionNouns.contains(word) { return true }
            if !lexicon.classes.determiner.contains(word), let lemma = words.nounLemma(word),
                let first = words.nounKinds(lemma)?.first, lexicon.eventNounKinds.contains(first),
                !lexicon.predictionNouns.contains(word),
                words.verbLemma(word) == nil || word.hasSuffix("ion") || word.hasSuffix("ment")
            {
                return true
            }
            cursor += 1
        }
        return false
    }

    /// "there will be a statement", "there will be a consultation": the noun names an act in the Government's gift.
    private func governmentAct(nounPhraseAfter index: Int, in tokens: [Token], limit: Int) -> Bool {
        var cursor = skipDeterminer(skipAdverbs(from: index, in: tokens), tokens)
        var head: Int? = nil
        while cursor < min(limit, tokens.count), cursor < index + 6, tokens[cursor].isWord {
            if lexicon.predictionNouns.match(at: cursor, in: tokens) != nil { return false }
            if lexicon.governmentActNouns.match(at: cursor, in: tokens) != nil { return true }
            head = cursor
            if ["of", "on", "for", "to", "in", "about", "into", "that", "which"].contains(tokens[cursor].norm) {
                break
            }
            cursor += 1
        }
        guard let head, let lemma = words.nounLemma(tokens[head].norm), let kind = words.nounKinds(lemma)?.first else {
            return false
        }
        return lexicon.governmentActNounKinds.contains(kind)
    }

    /// "The report will be published", "the scheme will be extended": an act the Government does, done to a thing
    /// of government (a document, a scheme, money, a body), not to people or events.
    private func passiveGovernmentAct(subject: Range<Int>, participle index: Int, in tokens: [Token]) -> Bool {
        let participle = tokens[index].norm
        if lexicon.passiveBlocked.contains(participle) { return false }
        guard let lemma = words.verbLemma(participle) else { return false }
        var heads = [headNoun(subject, in: tokens), clauseStartHead(before: subject.upperBound, in: tokens)].compactMap
        { $0 }
        // "new Regulations, which will be laid": the relative pronoun stands for the noun before it.
        if heads.first == "which" || heads.first == "that", subject.lowerBound > 0 {
            var cursor = subject.lowerBound - 1
            while cursor >= 0, tokens[cursor].kind == .mark { cursor -= 1 }
            if cursor >= 0 { heads = [words.nounLemma(tokens[cursor].norm) ?? tokens[cursor].norm] }
        }
        guard !heads.isEmpty else { return false }
        func isPerson(_ head: String) -> Bool {
            guard let noun = words.nounLemma(head), let first = words.nounKinds(noun)?.first else {
                return ["he", "she", "they", "we", "i", "you", "people", "everyone", "everybody"].contains(head)
            }
            return ["person", "animal", "body"].contains(first)
        }
        let pronoun = heads.contains(where: { ["it", "this", "that", "these", "those", "they"].contains($0) })
        if !pronoun, heads.allSatisfy(isPerson) { return false }
        func governmentThing(_ head: String) -> Bool {
            if lexicon.predictionNouns.contains(head) { return false }
            if lexicon.governmentActNouns.contains(head) { return true }
            guard let noun = words.nounLemma(head), let first = words.nounKinds(noun)?.first else { return false }
            return ["act", "communication", "artifact", "possession", "cognition", "group"].contains(first)
        }
        let phrase = lexicon.agentiveReadings.matchEnd(at: index, in: tokens, firstLemma: lemma)
        let act = lexicon.act(at: index, in: tokens, lemma: lemma)?.action ?? lexicon.action(forVerb: lemma)
        // "will be considered", "will be taken into account", "will be looked at": what is weighed need not be a
        // document ("the other 13 will be considered").
        if [CommitmentAction.consider, .review].contains(act) || phrase != nil && lexicon.lightVerbs.contains(lemma) {
            return true
        }
        // "steps will be taken", "a decision will be made": a light verb's passive is its subject's act.
        if lexicon.lightVerbs.contains(lemma) {
            return heads.contains { head in
                lexicon.governmentActNouns.contains(head)
                    || words.nounLemma(head).flatMap { words.nounKinds($0)?.first }.map(lexicon.eventNounKinds.contains)
                        == true
            }
        }
        if lexicon.nonAgentiveVerbs.contains(lemma) && act == nil { return false }
        if let kinds = words.verbKinds(lemma), let first = kinds.first, lexicon.nonAgentiveKinds.contains(first) {
            return false
        }
        if pronoun {
            // "It will be published", "this will be introduced in April": the thing was named before.
            return true
        }
        return heads.contains(where: governmentThing)
    }

    /// The head noun of the noun phrase that opens the clause ("Consultation with local MPs, … will be
    /// undertaken" → "consultation"), when a list inside the subject hides it from the backward walk.
    private func clauseStartHead(before end: Int, in tokens: [Token]) -> String? {
        var start = end - 1
        while start > 0, ![";", ":", "—"].contains(tokens[start - 1].norm),
            !["that", "which", "and", "but"].contains(tokens[start - 1].norm) || start == end - 1
        {
            start -= 1
        }
        var cursor = skipDeterminer(start, tokens)
        while cursor < end, tokens[cursor].isWord, !words.isNoun(tokens[cursor].norm) { cursor += 1 }
        var head: String? = nil
        while cursor < end, tokens[cursor].isWord,
            !["of", "with", "for", "on", "to", "in", "from", "by"].contains(tokens[cursor].norm)
        {
            head = tokens[cursor].norm
            cursor += 1
        }
        return head
    }

    /// "… will be procured by LUL", "… will be provided to me": a passive whose agent is someone else, or whose
    /// recipient is the Government.
    private func doneByOthers(after index: Int, in tokens: [Token], limit: Int) -> Bool {
        var cursor = index
        while cursor < min(limit, tokens.count, index + 6) {
            let word = tokens[cursor].norm
            if word == "by", cursor + 1 < tokens.count {
                let agent = (cursor + 1)..<min(tokens.count, cursor + 7)
                let phrase = Array(tokens[agent])
                if ["me", "us", "my", "our", "the", "ministers", "officials"].contains(phrase.first?.norm ?? ""),
                    isGovernmentSubject(phrase.indices, in: phrase)
                        || ["me", "us", "my", "our"].contains(phrase.first?.norm ?? "")
                {
                    return false
                }
                // "by the end of …", "by March": time, not an agent.
                if ["end", "then", "now", "next", "the", "march", "april"].contains(phrase.first?.norm ?? "")
                    && phrase.count > 1 && ["end", "time", "summer", "spring", "autumn"].contains(phrase[1].norm)
                {
                    return false
                }
                if phrase.first?.capitalised == true || phrase.count > 1 && phrase[1].capitalised { return true }
            }
            if word == "to", cursor + 1 < tokens.count,
                ["me", "us", "ministers", "my", "the"].contains(tokens[cursor + 1].norm)
            {
                let next = tokens[cursor + 1].norm
                if next == "me" || next == "us" || next == "ministers" { return true }
                if next == "my", cursor + 2 < tokens.count,
                    ["department", "officials", "office"].contains(tokens[cursor + 2].norm)
                {
                    return true
                }
            }
            cursor += 1
        }
        return false
    }

    /// "The review will report in the spring": a review, consultation or scheme of the Government's doing what such
    /// things do (report, begin, open, close, run, conclude).
    private func instrumentActs(subject: Range<Int>, verb: String, in tokens: [Token]) -> Bool {
        guard let head = headNoun(subject, in: tokens) else { return false }
        let instruments: Set<String> = [
            "review", "consultation", "inquiry", "enquiry", "investigation", "study", "evaluation", "assessment",
            "pilot", "pilots", "scheme", "programme", "fund", "strategy", "paper", "report", "trial", "survey", "audit",
        ]
        let acts: Set<String> = [
            "report", "publish", "conclude", "begin", "start", "open", "close", "run", "look at", "consider", "examine",
            "cover", "consult", "set out", "recommend", "launch", "commence", "finish", "complete", "take evidence",
            "reach", "make recommendations", "look into", "address",
        ]
        return instruments.contains(head) && acts.contains(verb)
            && !tokens[subject].contains { $0.norm == "bill" || $0.norm == "act" }
    }

    /// The last noun-like word of a subject before any "of"/"for" complement: "the report of the review" → "report".
    private func headNoun(_ range: Range<Int>, in tokens: [Token]) -> String? {
        if range.count == 1,
            ["this", "that", "these", "those", "it", "they", "which"].contains(tokens[range.lowerBound].norm)
        {
            return tokens[range.lowerBound].norm
        }
        var head: String? = nil
        for index in range {
            let word = tokens[index].norm
            if ["of", "for", "on", "in", "into", "about", "from", "by", "with", "under", "that", "which"].contains(
                word), head != nil
            {
                break
            }
            if tokens[index].isWord, !lexicon.classes.determiner.contains(word) { head = word }
        }
        return head
    }

    /// The action a verb phrase names: a listed act ("bring forward legislation" → legislate), else by verb.
    func action(at index: Int, lemma: String, in tokens: [Token], clauseEnd: Int, synthetic: String?)
        -> CommitmentAction
    {
        if synthetic == "be in touch" { return .write }
        // "respond in writing", "answer that in a letter": writing decides.
        if (index..<clauseEnd).contains(where: { tokens[$0].norm == "writing" || tokens[$0].norm == "letter" }),
            [
                "respond", "reply", "answer", "get back", "come back", "let", "give", "send", "provide", "supply",
                "set out", "explain", "tell", "deal", "do so",
            ].contains(where: { lemma.hasPrefix($0) })
        {
            return .write
        }
        if (index..<clauseEnd).contains(where: { tokens[$0].norm == "library" }),
            ["place", "put", "deposit", "lay", "make", "send", "arrange"].contains(where: { lemma.hasPrefix($0) })
        {
            return .placeInLibrary
        }
        if let act = lexicon.act(at: index, in: tokens, lemma: lemma) { return act.action }
        if let action = lexicon.action(forVerb: lemma) { return action }
        return .other
    }

    private func isQualified(before index: Int, in tokens: [Token]) -> Bool {
        tokens[max(0, index - 6)..<index].contains { lexicon.qualifierWords.contains($0.norm) }
    }

    /// "If the review recommends it, we will legislate": an if-clause before the subject or after the verb.
    private func isConditional(clause: Range<Int>, in tokens: [Token]) -> Bool {
        // Before: the sentence (or the part after the last semicolon or "but") opens with a condition.
        var start = clause.lowerBound
        while start > 0, ![";", ":", "but", "however", "although", "though"].contains(tokens[start - 1].norm) {
            start -= 1
        }
        if let first = (start..<clause.lowerBound).first(where: { tokens[$0].isWord }),
            lexicon.conditionalStarts.match(at: first, in: tokens) != nil
        {
            return true
        }
        for index in clause where index > clause.lowerBound && tokens[index].isWord {
            guard lexicon.conditionalStarts.match(at: index, in: tokens) != nil else { continue }
            // "should" inside the verb group is not a condition; a comma or the subject before "if" makes it one.
            if tokens[index].norm == "should"
                || tokens[index].norm == "provided"
                    && tokens[index + 1 < tokens.count ? index + 1 : index].norm != "that"
            {
                continue
            }
            return true
        }
        return false
    }
}
