import Foundation

/// The analysis lexicon as written in `Resources/lexicon.json`: see docs/analysis.md.
struct LexiconFile: Decodable {
    struct Commitments: Decodable {
        var negationExceptions: [String]
        var debateVerbs: [String]
        var debateObjects: [String]
        var debateCues: [String]
        var debateAlways: [String]
        var reportBackCues: [String]
        var nonAgentiveVerbs: [String]
        var agentiveReadings: [String]
        var nonAgentiveKinds: [String]
        var abilityPhrases: [String]
        var effortPhrases: [String]
        var effortKinds: [String: String]
        var conditionalStarts: [String]
        var qualifierWords: [String]
        var acts: [String: [String]]
        var governmentActNouns: [String]
        var governmentActNounKinds: [String]
        var predictionNouns: [String]
        var passiveBlocked: [String]
        var thirdPartyBlockedHeads: [String]
        var speechVerbs: [String]
        var futureCues: [String]
        var lightVerbs: [String]
        var eventNounKinds: [String]
        var governmentBodies: [String]
        var offerVerbs: [String]
        var restatedPromiseVerbs: [String]
        var procedural: [String]
        var reportingVerbs: [String]
    }
    struct Requests: Decodable {
        var auxiliaries: [String]
        var informationWords: [String]
        var urgeVerbs: [String]
        var gratefulForms: [String]
        var tabledForms: [String]
        var notRequests: [String]
        var informationRequests: [String]
        var haveForms: [String]
        var haveNouns: [String: String]
    }
    struct Answers: Decodable {
        var acceptances: [String]
        var alreadyDoing: [String]
        var declines: [String]
        var deflections: [String]
        var attacks: [String]
    }
    struct Relevance: Decodable {
        var stopWords: [String]
        var numberAsks: [String]
    }
    struct TimingEntry: Decodable {
        var pattern: String
        var `class`: CommitmentTiming.TimingClass
        var due: DueRule
    }
    /// A class is a list of words or phrases, or (for `commissiveKinds`) a word-to-kind table.
    enum ClassValue: Decodable {
        case words([String])
        case table([String: String])
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let words = try? container.decode([String].self) {
                self = .words(words)
            } else {
                self = .table(try container.decode([String: String].self))
            }
        }
    }

    var version: Int
    var about: String
    var classes: [String: ClassValue]
    var patterns: [String: String]
    var commitments: Commitments
    var requests: Requests
    var answers: Answers
    var relevance: Relevance
    var timing: [TimingEntry]
    /// A trained linear model that decides request outcomes from named features; absent, hand rules decide.
    var outcomeModel: LinearModel?
    /// A trained scorer that decides which candidate clauses are commitments; absent, the grammar's reading decides.
    var commitmentModel: CandidateModel?
}

/// A binary logistic regression over a candidate clause's named features (``AnalysisRun/candidateFeatures``):
/// the clause is kept as a commitment when its probability reaches the threshold.
///
/// Trained offline by scripts/train-commitments on the development pages and shipped only when it beats the
/// grammar's own reading under leave-one-page-out cross-validation, with those figures in `about`.
struct CandidateModel: Decodable, Sendable {
    var about: String
    var bias: Double
    var weights: [String: Double]
    var threshold: Double

    /// The probability that the clause is a commitment (missing features count as 0).
    func probability(_ features: [String: Double]) -> Double {
        var score = bias
        for (feature, value) in features { score += weights[feature, default: 0] * value }
        return 1 / (1 + exp(-score))
    }

    /// True when the clause is kept as a commitment.
    func keeps(_ features: [String: Double]) -> Bool { probability(features) >= threshold }
}

/// A multinomial logistic regression over named features: the class with the highest score wins.
///
/// Trained offline on annotated development pages (scripts/train-outcomes) and shipped as data, with the data and
/// figures it was chosen on written beside it.
struct LinearModel: Decodable, Sendable {
    struct Class: Decodable, Sendable {
        var bias: Double
        var weights: [String: Double]
    }

    var about: String
    var classes: [String: Class]

    /// The class with the highest score for `features` (missing features count as 0).
    func predict(_ features: [String: Double]) -> Request.Outcome {
        var best: (Request.Outcome, Double)? = nil
        for name in classes.keys.sorted() {
            guard let outcome = Request.Outcome(rawValue: name), let model = classes[name] else { continue }
            var score = model.bias
            for (feature, weight) in model.weights { score += weight * features[feature, default: 0] }
            if best == nil || score > best!.1 { best = (outcome, score) }
        }
        return best?.0 ?? .evaded
    }
}

/// How a timing phrase turns into a due date, counted from the debate date: the rules file's `due`, an object
/// with one of the keys below (docs/analysis.md).
enum DueRule: Decodable, Sendable, Hashable {
    /// A calendar period whose last day is the due date.
    enum Period: String, Decodable, Sendable, Hashable {
        case week, nextWeek, month, nextMonth, year, nextYear
    }

    /// `{"days": N}`: a fixed number of days after the debate.
    case days(Int)
    /// `{"endOf": "week"}`: the end of a calendar period (a week ends on Friday, the last sitting day).
    case endOf(Period)
    /// `{"counted": true}`: the phrase says a number and a unit ("within six weeks"), captured as `count` and `unit`.
    case counted
    /// `{"namedMonth": true}`: the phrase names a month ("by December"), captured as `month`: its next last day.
    case namedMonth
    /// `{"nextMonthDay": "07-20"}`: the next occurrence of a month and day on or after the debate date.
    case nextMonthDay(month: Int, day: Int)

    private enum CodingKeys: String, CodingKey { case days, endOf, nextMonthDay, counted, namedMonth }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let days = try container.decodeIfPresent(Int.self, forKey: .days) {
            self = .days(days)
        } else if try container.decodeIfPresent(Bool.self, forKey: .counted) == true {
            self = .counted
        } else if try container.decodeIfPresent(Bool.self, forKey: .namedMonth) == true {
            self = .namedMonth
        } else if let text = try container.decodeIfPresent(String.self, forKey: .nextMonthDay) {
            let parts = text.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 2, (1...12).contains(parts[0]), (1...31).contains(parts[1]) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .nextMonthDay, in: container, debugDescription: "\(text) is not a month and day (MM-DD)")
            }
            self = .nextMonthDay(month: parts[0], day: parts[1])
        } else if let period = try container.decodeIfPresent(Period.self, forKey: .endOf) {
            self = .endOf(period)
        } else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "a due rule needs one of days, endOf, nextMonthDay, counted or namedMonth"))
        }
    }
}

/// A set of phrases, each a sequence of token forms, looked up by first word.
struct PhraseSet: Sendable {
    private var byFirst: [String: [[String]]] = [:]
    private(set) var isEmpty = true

    init(_ phrases: [String]) {
        for phrase in phrases {
            let words = Tokenizer.tokens(phrase).map(\.norm)
            guard let first = words.first else { continue }
            byFirst[first, default: []].append(words)
            isEmpty = false
        }
        for key in byFirst.keys { byFirst[key]!.sort { $0.count > $1.count } }
    }

    /// The length of the longest phrase that starts at `index`, if any does.
    func match(at index: Int, in tokens: [Token]) -> Int? {
        guard index < tokens.count, let candidates = byFirst[tokens[index].norm] else { return nil }
        for words in candidates where index + words.count <= tokens.count {
            var all = true
            for offset in 1..<max(words.count, 1) where tokens[index + offset].norm != words[offset] {
                all = false
                break
            }
            if all { return words.count }
        }
        return nil
    }

    /// Like ``match(at:in:)``, with the first token also matched by its base form (`lemma`): "taken into
    /// account" matches "take into account".
    func match(at index: Int, in tokens: [Token], firstLemma lemma: String?) -> Int? {
        if let length = match(at: index, in: tokens) { return length }
        guard let lemma, index < tokens.count, let candidates = byFirst[lemma] else { return nil }
        for words in candidates where index + words.count <= tokens.count {
            var all = true
            for offset in 1..<max(words.count, 1) where tokens[index + offset].norm != words[offset] {
                all = false
                break
            }
            if all { return words.count }
        }
        return nil
    }

    /// Particles that may stand after the object of a phrasal verb: "bear it in mind", "take that into account",
    /// "keep the matter under review", "look them up".
    static let separableParticles: Set<String> = [
        "in", "into", "under", "on", "up", "forward", "back", "out", "away", "through", "over", "down", "off",
    ]

    /// Like ``match(at:in:firstLemma:)``, also allowing up to four words of object between the verb and a separable
    /// particle.
    ///
    /// Returns the index just past the match.
    func matchEnd(at index: Int, in tokens: [Token], firstLemma lemma: String?) -> Int? {
        if let length = match(at: index, in: tokens, firstLemma: lemma) { return index + length }
        guard index < tokens.count else { return nil }
        var candidates = byFirst[tokens[index].norm] ?? []
        if let lemma, lemma != tokens[index].norm { candidates += byFirst[lemma] ?? [] }
        for words in candidates where words.count >= 2 && Self.separableParticles.contains(words[1]) {
            var gap = index + 1
            while gap < min(tokens.count, index + 6), tokens[gap].isWord {
                if tokens[gap].norm == words[1], gap > index + 1, gap + words.count - 1 <= tokens.count {
                    var all = true
                    for offset in 1..<words.count where tokens[gap + offset - 1].norm != words[offset] {
                        all = false
                        break
                    }
                    if all { return gap + words.count - 1 }
                }
                gap += 1
            }
        }
        return nil
    }

    /// Whether a phrase starts anywhere in `range`.
    func occurs(in tokens: [Token], _ range: Range<Int>) -> Bool {
        for index in range where match(at: index, in: tokens) != nil { return true }
        return false
    }

    /// Whether `words` (a whole phrase) is in the set.
    func contains(_ words: [String]) -> Bool {
        guard let first = words.first, let candidates = byFirst[first] else { return false }
        return candidates.contains(words)
    }

    func contains(_ word: String) -> Bool { contains([word]) }
}

/// The lexicon, compiled once: sets, phrase sets and token patterns, plus WordNet.
final class Lexicon: Sendable, WordClasses {
    struct TimingRule: Sendable {
        var pattern: TokenPattern
        var timingClass: CommitmentTiming.TimingClass
        var due: DueRule
    }

    /// The word classes the passes test on every token, held as sets so that no test looks its class up by name.
    struct Classes: Sendable {
        let determiner: Set<String>
        let intentionNoun: Set<String>
        let clauseBoundary: Set<String>
        let bePresent: Set<String>
        let negation: Set<String>
        let asideStart: Set<String>
        let month: Set<String>
        let modalAbility: Set<String>
        let intendedParticiple: Set<String>
        let extraAdverbs: Set<String>
        let commissiveVerb: Set<String>
        let commissiveProgressive: Set<String>
        let commissiveObjectVerb: Set<String>

        init(_ classes: [String: Set<String>]) {
            determiner = classes["determiner"] ?? []
            intentionNoun = classes["intentionNoun"] ?? []
            clauseBoundary = classes["clauseBoundary"] ?? []
            bePresent = classes["bePresent"] ?? []
            negation = classes["negation"] ?? []
            asideStart = classes["asideStart"] ?? []
            month = classes["month"] ?? []
            modalAbility = classes["modalAbility"] ?? []
            intendedParticiple = classes["intendedParticiple"] ?? []
            extraAdverbs = classes["extraAdverbs"] ?? []
            commissiveVerb = classes["commissiveVerb"] ?? []
            commissiveProgressive = classes["commissiveProgressive"] ?? []
            commissiveObjectVerb = classes["commissiveObjectVerb"] ?? []
        }
    }

    let path: String
    let wordNet: WordNet
    /// The classes the passes test most.
    let classes: Classes
    private let wordClasses: [String: Set<String>]
    private let phraseClasses: [String: PhraseSet]
    private let tables: [String: [String: String]]
    private let subpatterns: [String: TokenPattern]

    // Commitments
    let negationExceptions: PhraseSet
    let debateVerbs: PhraseSet
    let debateObjects: Set<String>
    let debateCues: PhraseSet
    let debateAlways: PhraseSet
    let reportBackCues: PhraseSet
    let nonAgentiveVerbs: Set<String>
    let agentiveReadings: PhraseSet
    let nonAgentiveKinds: Set<String>
    let abilityPhrases: PhraseSet
    let effortPhrases: PhraseSet
    let effortKinds: [String: String]
    let conditionalStarts: PhraseSet
    let qualifierWords: Set<String>
    /// Action phrases (verb and what follows), longest first, with their action.
    let acts: [(phrase: [String], action: CommitmentAction)]
    let actsByFirst: [String: [(phrase: [String], action: CommitmentAction)]]
    let governmentActNouns: PhraseSet
    let governmentActNounKinds: Set<String>
    let predictionNouns: PhraseSet
    let passiveBlocked: Set<String>
    let thirdPartyBlockedHeads: Set<String>
    /// Verbs of saying: in the debate ("I will tell the House …") unless a later time is named.
    let speechVerbs: PhraseSet
    /// Words that put an act after the debate ("when", "shortly", "in writing").
    let futureCues: PhraseSet
    /// Verbs whose meaning comes from their object ("take action", "make a decision", "give consideration").
    let lightVerbs: Set<String>
    /// WordNet noun kinds that make a light verb an act (`act`: "action", `communication`: "statement").
    let eventNounKinds: Set<String>
    /// Head nouns of bodies of government when named with capitals ("the UK Border Agency", "HM Treasury").
    let governmentBodies: Set<String>
    /// Acts a minister offers with "I can …" ("I can write to him").
    let offerVerbs: PhraseSet
    /// "I have undertaken to …", "we have promised to …": an earlier promise restated as still open.
    let restatedPromiseVerbs: Set<String>
    /// Promises fulfilled in the debate's own record ("I will circulate in the Official Report …").
    let procedural: PhraseSet
    /// Past verbs of saying: a clause in their complement reports, it does not promise ("I said that we would").
    let reportingVerbs: PhraseSet

    // Requests
    let requestAuxiliaries: Set<String>
    let informationWords: Set<String>
    let urgeVerbs: PhraseSet
    let gratefulForms: PhraseSet
    let tabledForms: PhraseSet
    let notRequests: PhraseSet
    let informationRequests: PhraseSet
    /// "May I have an assurance …", "can we have a debate …": a request for the thing named.
    let haveForms: PhraseSet
    let haveNouns: [String: CommitmentAction]

    // Answers
    let acceptances: [TokenPattern]
    let alreadyDoing: [TokenPattern]
    let declines: [TokenPattern]
    let deflections: [TokenPattern]
    let attacks: PhraseSet

    // Relevance
    let stopWords: Set<String>
    let numberAsks: PhraseSet

    let timing: [TimingRule]
    /// For each word a timing rule can begin with, the rules that can begin there, in ``timing``'s order (those
    /// that can begin with any word included).
    private let timingByFirstWord: [String: [Int]]
    /// The rules that can begin with any word.
    private let timingAnyFirst: [Int]
    let outcomeModel: LinearModel?
    let commitmentModel: CandidateModel?

    /// Loads and compiles the lexicon file at `path` with the bundled WordNet lexicon.
    init(path: String, wordNet: WordNet) throws(AnalysisError) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .rulesUnreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        let file: LexiconFile
        do {
            file = try JSONDecoder().decode(LexiconFile.self, from: data)
        } catch let error as DecodingError {
            throw .rulesMalformed(path: path, reason: AnalysisError.describe(error))
        } catch {
            throw .rulesMalformed(path: path, reason: "\(error)")
        }
        guard file.version == 2 else {
            throw .rulesMalformed(
                path: path,
                reason: "version \(file.version); this hansard reads lexicon version 2 (rules.json of "
                    + "hansard before 2026-12 had version 1)")
        }
        self.path = path
        self.wordNet = wordNet
        var words: [String: Set<String>] = [:]
        var phrases: [String: PhraseSet] = [:]
        var tables: [String: [String: String]] = [:]
        for (name, value) in file.classes {
            switch value {
            case .words(let list):
                words[name] = Set(list.filter { !$0.contains(" ") && !$0.contains(".") })
                phrases[name] = PhraseSet(list)
            case .table(let table):
                tables[name] = table
            }
        }
        wordClasses = words
        classes = Classes(words)
        phraseClasses = phrases
        self.tables = tables
        func compile(_ source: String) throws(AnalysisError) -> TokenPattern {
            do {
                return try TokenPattern(source)
            } catch {
                throw .invalidPattern(path: path, pattern: source, reason: error.reason)
            }
        }
        var subpatterns: [String: TokenPattern] = [:]
        for (name, source) in file.patterns { subpatterns[name] = try compile(source) }
        self.subpatterns = subpatterns

        let c = file.commitments
        negationExceptions = PhraseSet(c.negationExceptions)
        debateVerbs = PhraseSet(c.debateVerbs)
        debateObjects = Set(c.debateObjects)
        debateCues = PhraseSet(c.debateCues)
        debateAlways = PhraseSet(c.debateAlways)
        reportBackCues = PhraseSet(c.reportBackCues)
        nonAgentiveVerbs = Set(c.nonAgentiveVerbs)
        agentiveReadings = PhraseSet(c.agentiveReadings)
        nonAgentiveKinds = Set(c.nonAgentiveKinds)
        abilityPhrases = PhraseSet(c.abilityPhrases)
        effortPhrases = PhraseSet(c.effortPhrases)
        effortKinds = c.effortKinds
        conditionalStarts = PhraseSet(c.conditionalStarts)
        qualifierWords = Set(c.qualifierWords)
        var acts: [(phrase: [String], action: CommitmentAction)] = []
        for (name, list) in c.acts {
            guard let action = CommitmentAction(rawValue: name) else {
                throw .rulesMalformed(path: path, reason: "commitments.acts: unknown action \"\(name)\"")
            }
            for phrase in list { acts.append((Tokenizer.tokens(phrase).map(\.norm), action)) }
        }
        acts.sort { ($0.phrase.count, $1.action.rawValue) > ($1.phrase.count, $0.action.rawValue) }
        self.acts = acts
        actsByFirst = Dictionary(grouping: acts, by: { $0.phrase.first ?? "" })
        governmentActNouns = PhraseSet(c.governmentActNouns)
        governmentActNounKinds = Set(c.governmentActNounKinds)
        predictionNouns = PhraseSet(c.predictionNouns)
        passiveBlocked = Set(c.passiveBlocked)
        thirdPartyBlockedHeads = Set(c.thirdPartyBlockedHeads)
        speechVerbs = PhraseSet(c.speechVerbs)
        futureCues = PhraseSet(c.futureCues)
        lightVerbs = Set(c.lightVerbs)
        eventNounKinds = Set(c.eventNounKinds)
        governmentBodies = Set(c.governmentBodies)
        offerVerbs = PhraseSet(c.offerVerbs)
        restatedPromiseVerbs = Set(c.restatedPromiseVerbs)
        procedural = PhraseSet(c.procedural)
        reportingVerbs = PhraseSet(c.reportingVerbs)

        let r = file.requests
        requestAuxiliaries = Set(r.auxiliaries)
        informationWords = Set(r.informationWords)
        urgeVerbs = PhraseSet(r.urgeVerbs)
        gratefulForms = PhraseSet(r.gratefulForms)
        tabledForms = PhraseSet(r.tabledForms)
        notRequests = PhraseSet(r.notRequests)
        informationRequests = PhraseSet(r.informationRequests)
        haveForms = PhraseSet(r.haveForms)
        var haveNouns: [String: CommitmentAction] = [:]
        for (noun, name) in r.haveNouns {
            guard let action = CommitmentAction(rawValue: name) else {
                throw .rulesMalformed(path: path, reason: "requests.haveNouns: unknown action \"\(name)\"")
            }
            haveNouns[noun] = action
        }
        self.haveNouns = haveNouns

        let a = file.answers
        var compiled: [[TokenPattern]] = []
        for list in [a.acceptances, a.alreadyDoing, a.declines, a.deflections] {
            var patterns: [TokenPattern] = []
            for source in list { patterns.append(try compile(source)) }
            compiled.append(patterns)
        }
        acceptances = compiled[0]
        alreadyDoing = compiled[1]
        declines = compiled[2]
        deflections = compiled[3]
        attacks = PhraseSet(a.attacks)

        stopWords = Set(file.relevance.stopWords)
        numberAsks = PhraseSet(file.relevance.numberAsks)

        var timing: [TimingRule] = []
        for entry in file.timing {
            timing.append(TimingRule(pattern: try compile(entry.pattern), timingClass: entry.class, due: entry.due))
        }
        self.timing = timing
        var byFirstWord: [String: [Int]] = [:]
        var anyFirst: [Int] = []
        for (index, rule) in timing.enumerated() {
            guard let first = rule.pattern.firstWords else {
                anyFirst.append(index)
                // A rule open to any word comes, in order, after every rule already listed under each word.
                for word in byFirstWord.keys { byFirstWord[word]!.append(index) }
                continue
            }
            for word in first where byFirstWord[word] == nil { byFirstWord[word] = anyFirst }
            for word in first { byFirstWord[word]!.append(index) }
        }
        timingByFirstWord = byFirstWord
        timingAnyFirst = anyFirst
        outcomeModel = file.outcomeModel
        commitmentModel = file.commitmentModel

        // Every @class a pattern names must exist, so a typo fails at load, not silently at match time.
        for pattern in subpatterns.values.map(\.source) + acceptances.map(\.source) + alreadyDoing.map(\.source)
            + declines.map(\.source) + deflections.map(\.source) + timing.map(\.pattern.source)
        {
            for name in Self.classNames(in: pattern) where !isClass(name) {
                throw .invalidPattern(path: path, pattern: pattern, reason: "no class or pattern \"@\(name)\"")
            }
        }
    }

    private static func classNames(in pattern: String) -> [String] {
        var names: [String] = []
        var rest = Substring(pattern)
        while let at = rest.firstIndex(of: "@") {
            rest = rest[rest.index(after: at)...]
            let name = rest.prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" })
            names.append(String(name))
            rest = rest.dropFirst(name.count)
        }
        return names
    }

    private func isClass(_ name: String) -> Bool {
        Self.builtIn.contains(name) || wordClasses[name] != nil || subpatterns[name] != nil
    }

    private static let builtIn: Set<String> = ["number", "adverb", "verb", "noun", "capitalised", "word"]

    // MARK: WordClasses

    func token(_ token: Token, isIn name: String) -> Bool? {
        switch name {
        case "number": return token.kind == .number
        case "adverb": return isAdverb(token.norm)
        case "verb": return token.isWord && wordNet.isVerb(token.norm)
        case "noun": return token.isWord && wordNet.isNoun(token.norm)
        case "capitalised": return token.capitalised
        case "word": return token.isWord
        default: return wordClasses[name].map { $0.contains(token.norm) }
        }
    }

    func subpattern(_ name: String) -> TokenPattern? { subpatterns[name] }

    /// The timing rules (indices into ``timing``, in its order) that can match from a token with this form: the
    /// first-word test of every rule made by one look-up.
    func timingRules(startingWith norm: String) -> [Int] { timingByFirstWord[norm] ?? timingAnyFirst }

    /// Phrases of the named class.
    func phrases(_ name: String) -> PhraseSet { phraseClasses[name] ?? PhraseSet([]) }

    /// A word-to-kind table class.
    func table(_ name: String) -> [String: String] { tables[name] ?? [:] }

    func pattern(_ name: String) -> TokenPattern? { subpatterns[name] }

    /// An adverb by WordNet or the lexicon's extra list ("also", "now", "of", "course").
    func isAdverb(_ word: String) -> Bool {
        classes.extraAdverbs.contains(word) || wordNet.isAdverb(word)
    }

    /// The action a bare verb (or phrasal verb) names when it is a listed act on its own ("publish", "look into").
    func action(forVerb lemma: String) -> CommitmentAction? {
        let words = lemma.split(separator: " ").map(String.init)
        return actsByFirst[words.first ?? ""]?.first(where: { $0.phrase == words })?.action
    }

    /// The action a verb phrase starting at `index` names, with the phrase's length: the longest listed act.
    func act(at index: Int, in tokens: [Token], lemma: String?) -> (action: CommitmentAction, length: Int)? {
        guard index < tokens.count else { return nil }
        var heads = [tokens[index].norm]
        if let lemma, lemma != tokens[index].norm {
            heads.append(lemma.split(separator: " ").first.map(String.init) ?? lemma)
        }
        var best: (CommitmentAction, Int)? = nil
        for head in heads {
            for entry in actsByFirst[head] ?? [] where index + entry.phrase.count <= tokens.count {
                var all = true
                for offset in 1..<max(entry.phrase.count, 1) where tokens[index + offset].norm != entry.phrase[offset] {
                    all = false
                    break
                }
                if all, best == nil || entry.phrase.count > best!.1 { best = (entry.action, entry.phrase.count) }
            }
        }
        if best == nil {
            // "bear it in mind", "take those views into account"
            for head in heads {
                for entry in actsByFirst[head] ?? []
                where entry.phrase.count >= 2 && PhraseSet.separableParticles.contains(entry.phrase[1]) {
                    var gap = index + 1
                    while gap < min(tokens.count, index + 6), tokens[gap].isWord {
                        if tokens[gap].norm == entry.phrase[1], gap > index + 1,
                            gap + entry.phrase.count - 1 <= tokens.count,
                            (1..<entry.phrase.count).allSatisfy({ tokens[gap + $0 - 1].norm == entry.phrase[$0] })
                        {
                            return (entry.action, gap + entry.phrase.count - 1 - index)
                        }
                        gap += 1
                    }
                }
            }
        }
        return best
    }
}
