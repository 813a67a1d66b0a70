import Foundation
public import HansardIngestion

/// Finds what a debate shows the government promised, was asked, and declined.
///
/// A pure function of the debate and the rules: the same page and rules always give the same analysis.
public struct Analyzer: Sendable {
    let rules: CompiledRules

    /// Creates an analyser with the rules bundled with hansard.
    public init() throws(AnalysisError) {
        guard let url = Bundle.module.url(forResource: "rules", withExtension: "json") else {
            throw .bundledRulesMissing
        }
        rules = try CompiledRules.load(path: url.path)
    }

    /// Creates an analyser with the rules in `path` (the bundled rules.json's shape).
    public init(rulesFile path: String) throws(AnalysisError) {
        rules = try CompiledRules.load(path: path)
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
        let date = metadata.date ?? "unknown-date"
        let title = TextTools.normalised(metadata.title).replacingOccurrences(of: " ", with: "-")
        return "\(house)/\(date)/\(title)"
    }

    /// Analyses one debate.
    public func analyse(_ debate: Debate) -> Analysis {
        var run = AnalysisRun(debate: debate, rules: rules)
        return run.analyse()
    }
}

/// The working state of one analysis.
struct AnalysisRun {
    let debate: Debate
    let rules: CompiledRules
    let identity: String
    var government: Set<Int> = []
    var chair: Set<Int> = []
    var tabled: Set<Int> = []

    init(debate: Debate, rules: CompiledRules) {
        self.debate = debate
        self.rules = rules
        self.identity = Analyzer.debateIdentity(of: debate)
    }

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
                notes: ["No government speaker found (no office line, minister role or answer to a tabled question); "
                    + "nothing is reported as a commitment."])
        }
        let questions = findQuestions()
        var commitments = findCommitments()
        var requests = findRequests()
        let evasions = findEvasions(questions: questions)
        let followUps = findFollowUps(commitments: commitments)
        resolveRequests(&requests, commitments: &commitments, followUps: followUps)
        commitments.sort { ($0.turn, $0.id) < ($1.turn, $1.id) }
        var notes: [String] = []
        let inferred = turns.filter { government.contains($0.index) && $0.attribution == .inferred }
        if !inferred.isEmpty {
            notes.append("\(inferred.count) government turns were identified from roles inferred from the text, "
                + "not from names on the page.")
        }
        return Analysis(
            debate: summary, questions: questions, commitments: commitments, requests: requests,
            evasions: evasions, followUps: followUps, notes: notes)
    }

    // MARK: Speakers

    private func isChair(_ turn: Turn) -> Bool {
        if turn.role == .chair { return true }
        guard let speaker = turn.speaker else { return false }
        return rules.chairNames.contains { $0.matches(speaker.name) }
    }

    private func officeText(_ turn: Turn) -> String {
        [turn.speaker?.office, turn.speaker?.name].compactMap { $0 }.joined(separator: " | ")
    }

    private func hasGovernmentOffice(_ turn: Turn) -> Bool {
        let office = officeText(turn)
        guard !office.isEmpty else { return false }
        if rules.nonGovernmentOffices.contains(where: { $0.matches(office) }) { return false }
        return rules.governmentOffices.contains { $0.matches(office) }
    }

    private func hasNonGovernmentOffice(_ turn: Turn) -> Bool {
        let office = officeText(turn)
        return !office.isEmpty && rules.nonGovernmentOffices.contains { $0.matches(office) }
    }

    /// A key that joins a member's turns: the member id, else the name without honorifics
    /// (the surname in the Commons, where a first answer gives "Mr. Denzil Freeth" and later ones "Mr. Freeth").
    static func speakerKey(_ speaker: Speaker?) -> String? {
        guard let speaker else { return nil }
        if let id = speaker.memberId, !id.isEmpty { return "id:" + id }
        var name = speaker.name
        if let paren = name.firstIndex(of: "(") { name = String(name[..<paren]) }
        let words = name.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
        guard let first = words.first else { return nil }
        let peerage: Set<String> = ["lord", "baroness", "earl", "viscount", "marquess", "duke", "countess", "bishop", "lady", "archbishop"]
        if peerage.contains(first.lowercased()) { return "name:" + words.joined(separator: " ").lowercased() }
        guard let last = words.last else { return nil }
        return "surname:" + last.lowercased().trimmingCharacters(in: .punctuationCharacters)
    }

    private func isTabledQuestion(_ turn: Turn) -> Bool {
        guard turn.kind == .speech, let first = turn.paragraphs.first else { return false }
        return rules.tabledQuestions.contains { $0.matches(first) }
    }

    mutating func findSpeakers() {
        var keys: Set<String> = []
        for turn in turns where turn.kind == .speech {
            if isChair(turn) { chair.insert(turn.index); continue }
            if isTabledQuestion(turn) { tabled.insert(turn.index) }
            if turn.role == .minister || hasGovernmentOffice(turn) {
                government.insert(turn.index)
                if let key = Self.speakerKey(turn.speaker) { keys.insert(key) }
            }
        }
        // The member who answers a tabled question answers for the government.
        for index in tabled.sorted() {
            let askerKey = Self.speakerKey(turns[index].speaker)
            var next = index + 1
            while next < turns.count {
                let turn = turns[next]
                if turn.kind == .speech, !chair.contains(next), !tabled.contains(next) {
                    let key = Self.speakerKey(turn.speaker)
                    if key == nil || key != askerKey, turn.role != .member || turn.attribution == .page,
                        !hasNonGovernmentOffice(turn)
                    {
                        if turn.speaker != nil || turn.role == .minister {
                            government.insert(next)
                            if let key { keys.insert(key) }
                        }
                    }
                    break
                }
                next += 1
            }
        }
        for turn in turns where turn.kind == .speech && !chair.contains(turn.index) {
            if let key = Self.speakerKey(turn.speaker), keys.contains(key), !hasNonGovernmentOffice(turn) {
                government.insert(turn.index)
            }
        }
    }

    func speakerReference(_ turn: Turn) -> SpeakerReference {
        let role: SpeakerRole = government.contains(turn.index) ? .minister : chair.contains(turn.index) ? .chair : turn.role
        return SpeakerReference(name: turn.speaker?.name, role: role, office: turn.speaker?.office)
    }

    func isMember(_ index: Int) -> Bool {
        turns[index].kind == .speech && !government.contains(index) && !chair.contains(index)
    }

    /// A member's few words called across the chamber ("Yes. Get something done.", "My Lords—"),
    /// which do not take the floor from the minister about to answer.
    func isInterjection(_ index: Int) -> Bool {
        let turn = turns[index]
        return !government.contains(index) && !tabled.contains(index)
            && turn.paragraphs.reduce(0) { $0 + $1.split(separator: " ").count } <= 6
    }

    /// The next speech that is not the chair's or an interjection, if it is the government's.
    func governmentReply(after index: Int) -> Int? {
        var next = index + 1
        while next < turns.count {
            if turns[next].kind == .speech && !chair.contains(next) && !isInterjection(next) {
                return government.contains(next) ? next : nil
            }
            next += 1
        }
        return nil
    }

    func sentences(of turn: Turn) -> [Sentence] {
        var result: [Sentence] = []
        for (number, paragraph) in turn.paragraphs.enumerated() {
            for text in TextTools.sentences(paragraph) {
                result.append(Sentence(turn: turn.index, paragraph: number, text: text))
            }
        }
        return result
    }

    // MARK: Questions

    func findQuestions() -> [Question] {
        var questions: [Question] = []
        var seen: [String: Int] = [:]
        let questionSections = Set(tabled.map { turns[$0].section ?? -1 })
        for turn in turns where turn.kind == .speech && !chair.contains(turn.index) && !government.contains(turn.index) {
            let kind: Question.Kind
            let quote: String
            var answer: Int? = nil
            if tabled.contains(turn.index) {
                kind = .tabled
                quote = TextTools.collapseWhitespace(turn.paragraphs.joined(separator: " "))
                var next = turn.index + 1
                while next < turns.count {
                    if government.contains(next) { answer = next; break }
                    if turns[next].kind == .speech && !chair.contains(next) && !tabled.contains(next) && !isInterjection(next) {
                        break
                    }
                    next += 1
                }
            } else {
                let asked = sentences(of: turn).filter { $0.text.hasSuffix("?") || isRequest($0.text) != nil }
                guard !asked.isEmpty else { continue }
                answer = governmentReply(after: turn.index)
                guard answer != nil || questionSections.contains(turn.section ?? -1) else { continue }
                kind = .supplementary
                quote = asked.map(\.text).joined(separator: " ")
            }
            let id = uniqueID("q", [identity, "question", TextTools.normalised(quote)], seen: &seen)
            questions.append(
                Question(id: id, turn: turn.index, speaker: speakerReference(turn), quote: quote, kind: kind, answerTurn: answer))
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

    // MARK: Commitments

    struct Found {
        var action: CommitmentAction
        var strength: Commitment.Strength
        var verbRange: Range<String.Index>
        var matchRange: Range<String.Index>
        /// The frame names the action itself ("… will be considered").
        var passive = false
    }

    /// The commitment a government sentence makes, if it makes one.
    func commitment(in sentence: String) -> Found? {
        if sentence.hasSuffix("?") { return nil }
        if rules.commitmentExclusions.contains(where: { $0.matches(sentence) }) { return nil }
        for frame in rules.commitmentFrames {
            for match in frame.pattern.allMatches(in: sentence) {
                guard let verb = match.verb else { continue }
                let matcher = rules.action(at: verb.lowerBound, in: sentence)
                guard var action = frame.action ?? matcher?.action else { continue }
                let rest = String(sentence[verb.lowerBound...])
                if let override = rules.actionOverrides.first(where: { $0.pattern.matches(rest) }) { action = override.action }
                let before = String(sentence[sentence.startIndex..<verb.lowerBound])
                // "I shall respond to the amendment": a speech act in the debate, judged from the subject onwards.
                let fromSubject = String(sentence[match.range.lowerBound...])
                if rules.debatePerformatives.contains(where: { $0.firstMatch(in: fromSubject)?.range.lowerBound == fromSubject.startIndex }) {
                    continue
                }
                var strength = frame.strength
                if strength == .firm, matcher?.strength == .qualified { strength = .qualified }
                if strength == .firm, rules.qualifiers.contains(where: { $0.matches(before) }) { strength = .qualified }
                if rules.conditionals.contains(where: { $0.matches(sentence) }) { strength = .conditional }
                return Found(
                    action: action, strength: strength, verbRange: verb, matchRange: match.range,
                    passive: frame.action != nil)
            }
        }
        return nil
    }

    func timing(of sentence: String) -> CommitmentTiming {
        for rule in rules.timing {
            guard let match = rule.pattern.firstMatch(in: sentence) else { continue }
            var counted: (Int, String)? = nil
            if rule.due.counted == true, match.groups.count >= 2, let numberRange = match.groups[0],
                let unitRange = match.groups[1], let number = DueDates.number(String(sentence[numberRange]))
            {
                counted = (number, String(sentence[unitRange]).lowercased())
            }
            let month = rule.due.namedMonth == true ? match.groups.first.flatMap { $0 }.map { String(sentence[$0]) } : nil
            return CommitmentTiming(
                phrase: String(sentence[match.range]), timingClass: rule.timingClass,
                dueBy: DueDates.dueBy(rule.due, debateDate: debate.metadata.date, counted: counted, month: month))
        }
        return CommitmentTiming(phrase: nil, timingClass: .none, dueBy: nil)
    }

    /// What the commitment will produce, read from the words after the verb.
    func object(of found: Found, in sentence: String, action: CommitmentAction) -> String {
        let verbText = String(sentence[found.verbRange])
        if found.passive && action == .consider {
            // "The point my hon. Friend makes will … be considered": the thing is the subject before "will".
            let head = String(sentence[found.matchRange.lowerBound..<found.verbRange.lowerBound])
            if let will = head.range(of: " will", options: [.caseInsensitive, .backwards]) {
                return TextTools.collapseWhitespace(String(head[..<will.lowerBound]))
            }
        }
        var tail = String(sentence[found.verbRange.upperBound...])
        if let boundary = rules.objectBoundaries.firstMatch(in: tail) {
            tail = String(tail[..<boundary.range.lowerBound])
        }
        for rule in rules.timing {
            for match in rule.pattern.allMatches(in: tail).reversed() { tail.removeSubrange(match.range) }
        }
        tail = TextTools.collapseWhitespace(tail).trimmingCharacters(in: CharacterSet(charactersIn: " ,.;:—-"))
        // Adverbs left between the verb and its object ("consider carefully the views …").
        let leading: Set<String> = ["carefully", "certainly", "also", "now", "then", "further", "again", "very",
                                    "most", "gladly", "personally", "urgently", "closely", "fully"]
        while let first = tail.split(separator: " ").first, leading.contains(first.lowercased()) {
            tail = String(tail.dropFirst(first.count)).trimmingCharacters(in: .whitespaces)
        }
        // "The suggestion …, which I will study, …": the object is the noun before "which".
        let before = String(sentence[..<found.matchRange.lowerBound])
        if isRelativeClause(before), let comma = before.range(of: ",", options: .backwards) {
            return antecedent(String(before[..<comma.lowerBound]))
        }
        let pronouns: Set<String> = ["", "it", "that", "this", "them", "so", "those", "these", "so."]
        if pronouns.contains(tail.lowercased()) || tail.lowercased().hasPrefix("that ") && tail.count < 6 {
            // "…revised guidance on X, which we will be publishing": the antecedent before ", which".
            let head = String(sentence[..<found.matchRange.lowerBound])
            if let comma = head.range(of: ", which", options: .backwards) {
                return antecedent(String(head[..<comma.lowerBound]))
            }
        }
        switch action {
        case .write:
            let lowered = verbText.lowercased()
            if lowered.hasPrefix("let") { return "a reply " + TextTools.collapseWhitespace(verbText) }
            if verbText.lowercased().hasSuffix(" to") { return "a letter to " + tail }
            return tail.isEmpty ? "a letter" : (tail.lowercased().hasPrefix("to ") ? "a letter " + tail : tail)
        case .placeInLibrary:
            // "arrange for a copy to be placed in the Library": the thing is what comes before "to be".
            for marker in [" to be ", " in the Library"] {
                if let range = tail.range(of: marker, options: .caseInsensitive), range.lowerBound > tail.startIndex {
                    return String(tail[..<range.lowerBound])
                }
            }
            return TextTools.collapseWhitespace(verbText)
        default:
            // Verbs matched with their object ("producing new guidance", "bring forward legislation")
            // keep that object.
            var words = TextTools.collapseWhitespace(verbText).split(separator: " ")
            if words.first?.lowercased().hasPrefix("mak") == true, words.count == 3, words[1].lowercased() == "a" {
                words = ["make"] + words.dropFirst()  // "make a statement" keeps its article
            }
            if let first = words.first?.lowercased(), words.count > 1,
                ["produc", "introduc", "bring", "issu", "giv", "set", "mak", "get", "send"].contains(where: { first.hasPrefix($0) })
            {
                let rest = words.dropFirst().drop(while: { ["forward", "in", "out", "up"].contains($0.lowercased()) })
                return (rest.joined(separator: " ") + " " + tail).trimmingCharacters(in: .whitespaces)
            }
            return tail.isEmpty ? TextTools.collapseWhitespace(verbText) : tail
        }
    }

    /// "…, which I will study": the subject follows a relative pronoun. "that" is relative only after a noun,
    /// not after "is", "sure", "clear", "assure the House" and the like ("the truth is that we will …").
    private func isRelativeClause(_ before: String) -> Bool {
        if before.hasSuffix("which ") { return true }
        guard before.hasSuffix(" that ") else { return false }
        let words = before.lowercased().split(separator: " ").map { $0.trimmingCharacters(in: .punctuationCharacters) }
        guard words.count >= 2 else { return false }
        let previous = words[words.count - 2]
        let complementTakers: Set<String> = [
            "is", "was", "are", "be", "been", "say", "said", "says", "sure", "clear", "believe", "think", "know",
            "confirm", "assure", "hope", "agree", "accept", "understand", "ensure", "promise", "undertake", "so",
            "now", "house", "lords", "him", "her", "them", "you", "us", "me", "friend", "gentleman", "lady", "member",
            "lord", "baroness", "noted", "note", "recognise", "announce", "announced", "expect", "trust", "mean",
        ]
        return !complementTakers.contains(previous)
    }

    private func antecedent(_ text: String) -> String {
        let gerunds = ["developing", "producing", "preparing", "drafting", "finalising", "finalizing", "reviewing",
                       "considering", "revising", "updating", "writing", "working on", "looking at", "have", "publish"]
        let lowered = text.lowercased()
        var best: String.Index? = nil
        for word in gerunds {
            if let range = lowered.range(of: word + " ", options: .backwards), best == nil || range.upperBound > best! {
                best = range.upperBound
            }
        }
        let start = best.map { text.index(text.startIndex, offsetBy: lowered.distance(from: lowered.startIndex, to: $0)) }
        let phrase = start.map { String(text[$0...]) } ?? text.split(separator: " ").suffix(8).joined(separator: " ")
        return TextTools.collapseWhitespace(phrase)
    }

    /// The head noun of an object: the word before its first preposition, singular, lower case.
    func subjectKey(_ object: String, action: CommitmentAction) -> String {
        let prepositions: Set<String> = ["on", "of", "for", "to", "about", "in", "with", "into", "from", "by", "at",
                                         "under", "regarding", "concerning", "that", "which", "as", "and", "whether", "so", "if", "when", "who"]
        var head: String? = nil
        for raw in object.split(separator: " ") {
            let word = raw.lowercased().trimmingCharacters(in: .punctuationCharacters)
            if prepositions.contains(word) { if head != nil { break } else { continue } }
            if rules.subjectStopWords.contains(word) || word.isEmpty { continue }
            head = word
        }
        guard var key = head else { return action.rawValue }
        if action == .write { return "letter" }
        if action == .meet { return "meeting" }
        if key.count > 4, key.hasSuffix("s"), !key.hasSuffix("ss"), !key.hasSuffix("us"), !key.hasSuffix("is") {
            key.removeLast()
        }
        return key
    }

    /// The sentence with parenthetical asides replaced by a space, for matching only; quotes stay verbatim.
    func withoutAsides(_ sentence: String) -> String {
        var text = sentence
        for aside in rules.textAsides {
            for match in aside.allMatches(in: text).reversed() { text.replaceSubrange(match.range, with: " ") }
        }
        return text == sentence ? text : TextTools.collapseWhitespace(text)
    }

    mutating func findCommitments() -> [Commitment] {
        var commitments: [Commitment] = []
        var seen: [String: Int] = [:]
        for turn in turns where government.contains(turn.index) {
            for sentence in sentences(of: turn) {
                let working = withoutAsides(sentence.text)
                guard let found = commitment(in: working) else { continue }
                let object = self.object(of: found, in: working, action: found.action)
                // A promise repeated within one answer ("As I say, I am more than happy to meet…") is one promise.
                if commitments.contains(where: {
                    $0.turn == turn.index && $0.action == found.action
                        && TextTools.normalised($0.object) == TextTools.normalised(object)
                }) {
                    continue
                }
                let id = uniqueID("c", [identity, TextTools.normalised(sentence.text)], seen: &seen)
                commitments.append(
                    Commitment(
                        id: id, turn: turn.index, speaker: speakerReference(turn), quote: sentence.text,
                        action: found.action, object: object, subject: subjectKey(object, action: found.action),
                        timing: timing(of: sentence.text), strength: found.strength, source: .explicit, request: nil))
            }
        }
        return commitments
    }

    // MARK: Requests

    /// The action a member's sentence asks the government to take, if it asks for one.
    func isRequest(_ sentence: String) -> CommitmentAction? {
        if rules.requestExclusions.contains(where: { $0.matches(sentence) }) { return nil }
        for frame in rules.requestFrames {
            for match in frame.allMatches(in: sentence) {
                guard let verb = match.verb else { continue }
                if let matcher = rules.action(at: verb.lowerBound, in: sentence, forRequest: true) { return matcher.action }
                if let action = rules.passiveAction(at: verb.lowerBound, in: sentence) { return action }
            }
        }
        return nil
    }

    func findRequests() -> [Request] {
        var requests: [Request] = []
        var seen: [String: Int] = [:]
        for turn in turns where isMember(turn.index) {
            for sentence in sentences(of: turn) {
                guard let action = isRequest(sentence.text) else { continue }
                let id = uniqueID("r", [identity, "request", TextTools.normalised(sentence.text)], seen: &seen)
                requests.append(
                    Request(
                        id: id, turn: turn.index, speaker: speakerReference(turn), quote: sentence.text, action: action,
                        outcome: .unanswered, answerTurn: governmentReply(after: turn.index), answer: nil, commitment: nil))
            }
        }
        return requests
    }

    /// Decides each request's outcome from its answer, linking or creating the commitment it became.
    func resolveRequests(_ requests: inout [Request], commitments: inout [Commitment], followUps: [FollowUp]) {
        var seen: [String: Int] = [:]
        let anaphor = try? Pattern(
            "\\b(?:request|suggestion|point|proposal|idea|representations?|what\\s+(?:he|she|the\\s+noble\\s+\\w+|the\\s+hon\\.?\\s+\\w+|my\\s+(?:hon\\.?|noble)\\s+\\w+)\\s+(?:has\\s+)?(?:says?|said))\\b",
            rulesPath: rules.rulesPath)
        for index in requests.indices {
            let request = requests[index]
            guard let answerTurn = request.answerTurn else { continue }
            let answerSentences = sentences(of: turns[answerTurn])
            let inAnswer = commitments.indices.filter { commitments[$0].turn == answerTurn }
            // 1. An explicit undertaking to do what was asked.
            if let match = inAnswer.first(where: {
                commitments[$0].action == request.action && commitments[$0].request == nil
            }) {
                commitments[match].request = request.id
                requests[index].outcome = .accepted
                requests[index].answer = Request.Answer(quote: commitments[match].quote)
                requests[index].commitment = commitments[match].id
                continue
            }
            // 2. "Of course." — the request accepted in a word.
            if let acceptance = answerSentences.first(where: { sentence in
                rules.acceptances.contains { $0.matches(sentence.text) }
            }), answerSentences.prefix(2).contains(where: { $0.text == acceptance.text }) {
                // One "Yes, Sir." accepting two requests in a turn is one undertaking.
                if let existing = commitments.first(where: {
                    $0.turn == answerTurn && $0.quote == acceptance.text && $0.source == .acceptedRequest
                }) {
                    requests[index].outcome = .accepted
                    requests[index].answer = Request.Answer(quote: acceptance.text)
                    requests[index].commitment = existing.id
                    continue
                }
                let id = uniqueID(
                    "c", [identity, TextTools.normalised(request.quote), TextTools.normalised(acceptance.text)], seen: &seen)
                let commitment = Commitment(
                    id: id, turn: answerTurn, speaker: speakerReference(turns[answerTurn]), quote: acceptance.text,
                    action: request.action, object: requestedObject(request),
                    subject: subjectKey(requestedObject(request), action: request.action),
                    timing: timing(of: acceptance.text), strength: .firm, source: .acceptedRequest, request: request.id)
                commitments.append(commitment)
                requests[index].outcome = .accepted
                requests[index].answer = Request.Answer(quote: acceptance.text)
                requests[index].commitment = id
                continue
            }
            // 3. Another undertaking in the answer, preferring one that names the request
            // ("I will bear in mind the request"); a minister's undertaking in reply answers the member.
            let unlinked = inAnswer.filter { commitments[$0].request == nil }
            if let match = unlinked.first(where: { anaphor?.matches(commitments[$0].quote) == true }) ?? unlinked.first
                ?? inAnswer.first
            {
                if commitments[match].request == nil { commitments[match].request = request.id }
                requests[index].outcome = .accepted
                requests[index].answer = Request.Answer(quote: commitments[match].quote)
                requests[index].commitment = commitments[match].id
                continue
            }
            if let already = answerSentences.first(where: { sentence in rules.alreadyDoing.contains { $0.matches(sentence.text) } }) {
                requests[index].outcome = .accepted
                requests[index].answer = Request.Answer(quote: already.text)
                continue
            }
            if let decline = answerSentences.first(where: { sentence in rules.declines.contains { $0.matches(sentence.text) } }) {
                requests[index].outcome = .declined
                requests[index].answer = Request.Answer(quote: decline.text)
                continue
            }
            if let evasion = answerSentences.first(where: { sentence in rules.evasions.contains { $0.matches(sentence.text) } }) {
                requests[index].outcome = .evaded
                requests[index].answer = Request.Answer(quote: evasion.text)
                continue
            }
            // 4. The answer points back to an undertaking already given ("the new guidance that I mentioned").
            if let followUp = followUps.first(where: { $0.turn == answerTurn }),
                let earlier = commitments.first(where: { $0.id == followUp.refersTo }), earlier.action == request.action
            {
                requests[index].outcome = .accepted
                requests[index].answer = Request.Answer(quote: followUp.quote)
                requests[index].commitment = earlier.id
                continue
            }
            // Answered, but the request was not taken up.
            requests[index].outcome = .evaded
        }
    }

    private func requestedObject(_ request: Request) -> String {
        switch request.action {
        case .write: return "a letter answering \(request.speaker.name ?? "the member")'s points"
        default:
            for frame in rules.requestFrames {
                if let match = frame.firstMatch(in: request.quote), let verb = match.verb {
                    var tail = String(request.quote[verb.upperBound...])
                    if let boundary = rules.objectBoundaries.firstMatch(in: tail) { tail = String(tail[..<boundary.range.lowerBound]) }
                    tail = TextTools.collapseWhitespace(tail).trimmingCharacters(in: CharacterSet(charactersIn: " ,.;:?"))
                    if !tail.isEmpty { return tail }
                }
            }
            return request.action.rawValue
        }
    }

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
