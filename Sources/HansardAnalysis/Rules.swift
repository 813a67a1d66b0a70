import Foundation
import HansardIngestion

/// The rules file as written: see `Resources/rules.json` and docs/analysis.md.
struct RulesFile: Decodable {
    struct Frame: Decodable {
        var pattern: String
        var strength: Commitment.Strength
        /// Set when the frame names the action itself (passive frames: "will be considered").
        var action: CommitmentAction?
    }
    struct ActionVerbs: Decodable {
        var action: CommitmentAction
        var verbs: [String]
        var strength: Commitment.Strength?
    }
    struct PassiveAction: Decodable {
        var action: CommitmentAction
        var pattern: String
    }
    struct TimingEntry: Decodable {
        var phrase: String
        var `class`: CommitmentTiming.TimingClass
        var due: DueRule
    }

    var version: Int
    var governmentOffices: [String]
    var nonGovernmentOffices: [String]
    var chairNames: [String]
    var tabledQuestions: [String]
    var subject: String
    var filler: String
    var commitmentFrames: [Frame]
    var actions: [ActionVerbs]
    /// Verbs that make a request but, said by a minister, no commitment ("ensure", "do something").
    var requestOnlyActions: [ActionVerbs]?
    /// Sentences that look like requests but ask for information now ("update the House on…").
    var requestExclusions: [String]?
    /// A phrase anywhere after the verb that decides the action ("…and get back to him in writing": write).
    var actionOverrides: [PassiveAction]?
    /// Answers saying the thing asked for is already being done: accepted, with no new commitment.
    var alreadyDoing: [String]?
    var commitmentExclusions: [String]
    var conditionals: [String]
    var qualifiers: [String]
    var acceptances: [String]
    var requestFrames: [String]
    var addressee: String
    var requestFiller: String
    var passiveActions: [PassiveAction]
    var declines: [String]
    var evasions: [String]
    var followUpFrames: [String]
    var subjectStopWords: [String]
    var objectBoundaries: String
    var timing: [TimingEntry]
    var debatePerformatives: [String]
    /// Parenthetical asides removed before matching ("we will—as I said earlier—produce", "I will, of course, be").
    var textAsides: [String]?
}

/// How a timing phrase turns into a due date, counted from the debate date.
struct DueRule: Decodable, Sendable, Hashable {
    /// A fixed number of days after the debate.
    var days: Int?
    /// The end of a calendar period: week, nextWeek, month, nextMonth, year, nextYear.
    var endOf: String?
    /// The next occurrence of a month and day ("07-20") on or after the debate date.
    var nextMonthDay: String?
    /// The phrase says a number and a unit ("within six weeks"): capture groups 1 and 2.
    var counted: Bool?
    /// The phrase names a month ("by December"): the last day of its next occurrence, capture group 1.
    var namedMonth: Bool?
}

/// The rules, compiled once per ``Analyzer``.
struct CompiledRules: Sendable {
    struct Frame: Sendable {
        var pattern: Pattern
        var strength: Commitment.Strength
        var action: CommitmentAction?
    }
    struct ActionMatcher: Sendable {
        var action: CommitmentAction
        /// Anchored at the verb's first character.
        var pattern: Pattern
        var strength: Commitment.Strength?
    }
    struct TimingRule: Sendable {
        var pattern: Pattern
        var timingClass: CommitmentTiming.TimingClass
        var due: DueRule
    }

    var governmentOffices: [Pattern]
    var nonGovernmentOffices: [Pattern]
    var chairNames: [Pattern]
    var tabledQuestions: [Pattern]
    var commitmentFrames: [Frame]
    var actions: [ActionMatcher]
    /// `actions` plus the request-only verbs.
    var requestActions: [ActionMatcher]
    var requestExclusions: [Pattern]
    var actionOverrides: [(action: CommitmentAction, pattern: Pattern)]
    var alreadyDoing: [Pattern]
    var commitmentExclusions: [Pattern]
    var conditionals: [Pattern]
    var qualifiers: [Pattern]
    var acceptances: [Pattern]
    var requestFrames: [Pattern]
    var passiveActions: [(action: CommitmentAction, pattern: Pattern)]
    var declines: [Pattern]
    var evasions: [Pattern]
    /// Templates with `{SUBJECT_NOUN}`, compiled per subject when needed.
    var followUpFrames: [String]
    var subjectStopWords: Set<String>
    var objectBoundaries: Pattern
    var timing: [TimingRule]
    var debatePerformatives: [Pattern]
    var textAsides: [Pattern]
    var rulesPath: String

    init(_ file: RulesFile, path: String) throws(AnalysisError) {
        func compile(_ sources: [String]) throws(AnalysisError) -> [Pattern] {
            var patterns: [Pattern] = []
            for source in sources { patterns.append(try Pattern(source, rulesPath: path)) }
            return patterns
        }
        rulesPath = path
        governmentOffices = try compile(file.governmentOffices)
        nonGovernmentOffices = try compile(file.nonGovernmentOffices)
        chairNames = try compile(file.chairNames)
        tabledQuestions = try compile(file.tabledQuestions)
        let allVerbs = file.actions.flatMap(\.verbs).map { "(?:\($0))" }.joined(separator: "|")
        let verbGroup = "(?<verb>\(allVerbs))\\b"
        var frames: [Frame] = []
        for frame in file.commitmentFrames {
            let source = frame.pattern
                .replacingOccurrences(of: "{SUBJECT}", with: file.subject)
                .replacingOccurrences(of: "{FILLER}", with: file.filler)
                .replacingOccurrences(of: "{VERB}", with: verbGroup)
            frames.append(Frame(pattern: try Pattern(source, rulesPath: path), strength: frame.strength, action: frame.action))
        }
        commitmentFrames = frames
        var actions: [ActionMatcher] = []
        for entry in file.actions {
            let source = "^(?:" + entry.verbs.map { "(?:\($0))" }.joined(separator: "|") + ")\\b"
            actions.append(
                ActionMatcher(action: entry.action, pattern: try Pattern(source, rulesPath: path), strength: entry.strength))
        }
        self.actions = actions
        var requestActions = actions
        for entry in file.requestOnlyActions ?? [] {
            let source = "^(?:" + entry.verbs.map { "(?:\($0))" }.joined(separator: "|") + ")\\b"
            requestActions.append(
                ActionMatcher(action: entry.action, pattern: try Pattern(source, rulesPath: path), strength: entry.strength))
        }
        self.requestActions = requestActions
        requestExclusions = try compile(file.requestExclusions ?? [])
        alreadyDoing = try compile(file.alreadyDoing ?? [])
        var overrides: [(action: CommitmentAction, pattern: Pattern)] = []
        for entry in file.actionOverrides ?? [] {
            overrides.append((entry.action, try Pattern(entry.pattern, rulesPath: path)))
        }
        actionOverrides = overrides
        let requestVerbs = (file.actions + (file.requestOnlyActions ?? [])).flatMap(\.verbs).map { "(?:\($0))" }
            .joined(separator: "|")
        let requestVerbGroup = "(?<verb>\(requestVerbs))\\b"
        commitmentExclusions = try compile(file.commitmentExclusions)
        conditionals = try compile(file.conditionals)
        qualifiers = try compile(file.qualifiers)
        acceptances = try compile(file.acceptances)
        let passiveGroup = "(?<verb>" + file.passiveActions.map { "(?:\($0.pattern))" }.joined(separator: "|") + ")"
        var requestFrames: [Pattern] = []
        for frame in file.requestFrames {
            let source = frame
                .replacingOccurrences(of: "{ADDRESSEE}", with: file.addressee)
                .replacingOccurrences(of: "{RFILLER}", with: file.requestFiller)
                .replacingOccurrences(of: "{VERB}", with: requestVerbGroup)
                .replacingOccurrences(of: "{PASSIVE}", with: passiveGroup)
            requestFrames.append(try Pattern(source, rulesPath: path))
        }
        self.requestFrames = requestFrames
        var passives: [(action: CommitmentAction, pattern: Pattern)] = []
        for entry in file.passiveActions {
            passives.append((entry.action, try Pattern("^(?:\(entry.pattern))", rulesPath: path)))
        }
        passiveActions = passives
        declines = try compile(file.declines)
        evasions = try compile(file.evasions)
        followUpFrames = file.followUpFrames
        subjectStopWords = Set(file.subjectStopWords.map { $0.lowercased() })
        objectBoundaries = try Pattern(file.objectBoundaries, rulesPath: path)
        var timing: [TimingRule] = []
        for entry in file.timing {
            timing.append(TimingRule(pattern: try Pattern(entry.phrase, rulesPath: path), timingClass: entry.class, due: entry.due))
        }
        self.timing = timing
        debatePerformatives = try compile(file.debatePerformatives)
        textAsides = try compile(file.textAsides ?? [])
    }

    static func load(path: String) throws(AnalysisError) -> CompiledRules {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .rulesUnreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        let file: RulesFile
        do {
            file = try JSONDecoder().decode(RulesFile.self, from: data)
        } catch let error as DecodingError {
            throw .rulesMalformed(path: path, reason: describe(error))
        } catch {
            throw .rulesMalformed(path: path, reason: "\(error)")
        }
        return try CompiledRules(file, path: path)
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "missing key \(keyPath(context.codingPath + [key]))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type at \(keyPath(context.codingPath)): \(context.debugDescription)"
        case .dataCorrupted(let context):
            return "\(context.debugDescription) at \(keyPath(context.codingPath))"
        @unknown default:
            return "\(error)"
        }
    }

    private static func keyPath(_ path: [any CodingKey]) -> String {
        path.isEmpty ? "top level" : path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    /// The action whose verb pattern matches longest at `start`.
    func action(at start: String.Index, in text: String, forRequest: Bool = false) -> ActionMatcher? {
        let tail = String(text[start...])
        var best: (ActionMatcher, Int)? = nil
        for matcher in forRequest ? requestActions : actions {
            guard let match = matcher.pattern.firstMatch(in: tail) else { continue }
            let length = tail.distance(from: match.range.lowerBound, to: match.range.upperBound)
            if best == nil || length > best!.1 { best = (matcher, length) }
        }
        return best?.0
    }

    func passiveAction(at start: String.Index, in text: String) -> CommitmentAction? {
        let tail = String(text[start...])
        return passiveActions.first(where: { $0.pattern.matches(tail) })?.action
    }
}
