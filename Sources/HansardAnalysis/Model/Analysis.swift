public import HansardIngestion

/// What a debate shows the government promised, was asked, and declined.
///
/// Encodes to the `hansard.analysis/1` JSON schema documented in `docs/schemas/analysis.md`.
public struct Analysis: Sendable, Hashable, Codable {
    /// The schema identifier written into every JSON encoding.
    public static let schemaIdentifier = "hansard.analysis/1"

    public var debate: DebateSummary
    public var questions: [Question]
    public var commitments: [Commitment]
    public var requests: [Request]
    public var evasions: [Evasion]
    public var followUps: [FollowUp]
    /// Remarks for the reader, e.g. that the debate has no government speaker.
    public var notes: [String]

    public init(
        debate: DebateSummary, questions: [Question] = [], commitments: [Commitment] = [],
        requests: [Request] = [], evasions: [Evasion] = [], followUps: [FollowUp] = [], notes: [String] = []
    ) {
        self.debate = debate
        self.questions = questions
        self.commitments = commitments
        self.requests = requests
        self.evasions = evasions
        self.followUps = followUps
        self.notes = notes
    }

    private enum CodingKeys: String, CodingKey {
        case schema, debate, questions, commitments, requests, evasions, followUps, notes
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let schema = try container.decode(String.self, forKey: .schema)
        guard schema == Self.schemaIdentifier else {
            throw DecodingError.dataCorruptedError(
                forKey: .schema, in: container,
                debugDescription: "expected schema \(Self.schemaIdentifier), found \(schema)")
        }
        debate = try container.decode(DebateSummary.self, forKey: .debate)
        questions = try container.decode([Question].self, forKey: .questions)
        commitments = try container.decode([Commitment].self, forKey: .commitments)
        requests = try container.decode([Request].self, forKey: .requests)
        evasions = try container.decode([Evasion].self, forKey: .evasions)
        followUps = try container.decode([FollowUp].self, forKey: .followUps)
        notes = try container.decodeIfPresent([String].self, forKey: .notes) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.schemaIdentifier, forKey: .schema)
        try container.encode(debate, forKey: .debate)
        try container.encode(questions, forKey: .questions)
        try container.encode(commitments, forKey: .commitments)
        try container.encode(requests, forKey: .requests)
        try container.encode(evasions, forKey: .evasions)
        try container.encode(followUps, forKey: .followUps)
        try container.encode(notes, forKey: .notes)
    }
}

/// The facts about the analysed debate that the register and reports need.
public struct DebateSummary: Sendable, Hashable, Codable {
    /// A stable key for the debate: its canonical URL when known, otherwise house, date and title.
    /// A revised page of the same debate keeps the same identity.
    public var identity: String
    public var title: String
    public var house: House?
    /// ISO `yyyy-MM-dd`.
    public var date: String?
    public var url: String?
    public var type: String?
    /// SHA-256 of the page the analysis was made from.
    public var sha256: String
    public var sourcePath: String

    public init(
        identity: String, title: String, house: House?, date: String?, url: String?, type: String?,
        sha256: String, sourcePath: String
    ) {
        self.identity = identity
        self.title = title
        self.house = house
        self.date = date
        self.url = url
        self.type = type
        self.sha256 = sha256
        self.sourcePath = sourcePath
    }

    private enum CodingKeys: String, CodingKey {
        case identity, title, house, date, url, type, sha256, sourcePath
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(identity, forKey: .identity)
        try container.encode(title, forKey: .title)
        try container.encode(house, forKey: .house)
        try container.encode(date, forKey: .date)
        try container.encode(url, forKey: .url)
        try container.encode(type, forKey: .type)
        try container.encode(sha256, forKey: .sha256)
        try container.encode(sourcePath, forKey: .sourcePath)
    }
}

/// Who spoke, as far as the page tells: the name may be missing in text saves.
public struct SpeakerReference: Sendable, Hashable, Codable {
    public var name: String?
    public var role: SpeakerRole
    /// The office line when the page gives one; used to group commitments by department.
    public var office: String?

    public init(name: String?, role: SpeakerRole, office: String? = nil) {
        self.name = name
        self.role = role
        self.office = office
    }

    private enum CodingKeys: String, CodingKey { case name, role, office }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(role, forKey: .role)
        try container.encode(office, forKey: .office)
    }
}

/// A question put to the government: the tabled question or a supplementary.
public struct Question: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable { case tabled, supplementary }

    public var id: String
    /// Index of the turn that asks it.
    public var turn: Int
    public var speaker: SpeakerReference
    public var quote: String
    public var kind: Kind
    /// Index of the turn that answers it, or nil when none does.
    public var answerTurn: Int?

    public init(id: String, turn: Int, speaker: SpeakerReference, quote: String, kind: Kind, answerTurn: Int?) {
        self.id = id
        self.turn = turn
        self.speaker = speaker
        self.quote = quote
        self.kind = kind
        self.answerTurn = answerTurn
    }

    private enum CodingKeys: String, CodingKey { case id, turn, speaker, quote, kind, answerTurn }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(turn, forKey: .turn)
        try container.encode(speaker, forKey: .speaker)
        try container.encode(quote, forKey: .quote)
        try container.encode(kind, forKey: .kind)
        try container.encode(answerTurn, forKey: .answerTurn)
    }
}

/// What a commitment or request undertakes to do.
public enum CommitmentAction: String, Sendable, Hashable, Codable, CaseIterable {
    case write, publish
    case placeInLibrary = "place-in-library"
    case meet, consider, review, legislate, consult
    case reportBack = "report-back"
    case respond, other
}

/// When a commitment is due, as said and as computed.
public struct CommitmentTiming: Sendable, Hashable, Codable {
    public enum TimingClass: String, Sendable, Hashable, Codable {
        /// Now or at once ("I will write to him today").
        case immediate
        /// A date or a fixed point ("by the end of the year", "before the summer recess").
        case dated
        /// No fixed point ("shortly", "in due course").
        case vague
        /// No timing said.
        case none
    }

    /// The words that give the timing, e.g. "in due course".
    public var phrase: String?
    public var timingClass: TimingClass
    /// The date the commitment is due by, ISO `yyyy-MM-dd`, computed from the debate date.
    public var dueBy: String?

    public init(phrase: String?, timingClass: TimingClass, dueBy: String?) {
        self.phrase = phrase
        self.timingClass = timingClass
        self.dueBy = dueBy
    }

    private enum CodingKeys: String, CodingKey {
        case phrase
        case timingClass = "class"
        case dueBy
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(phrase, forKey: .phrase)
        try container.encode(timingClass, forKey: .timingClass)
        try container.encode(dueBy, forKey: .dueBy)
    }
}

/// A government speaker's undertaking to do something after the debate.
public struct Commitment: Sendable, Hashable, Codable {
    public enum Strength: String, Sendable, Hashable, Codable {
        /// "We will publish…"
        case firm
        /// "We hope to…", "I will bear in mind…"
        case qualified
        /// "If…, we will…"
        case conditional
    }

    public enum Source: String, Sendable, Hashable, Codable {
        /// The speaker said it.
        case explicit
        /// The speaker accepted a member's request ("Of course.").
        case acceptedRequest = "accepted-request"
    }

    /// Stable across re-parses: derived from the debate identity and the normalised quote.
    public var id: String
    public var turn: Int
    public var speaker: SpeakerReference
    /// The verbatim sentence or sentences.
    public var quote: String
    public var action: CommitmentAction
    /// What will be done, e.g. "new guidance on the use of non-corporate communication channels".
    public var object: String
    /// A key shared by all commitments and mentions of the same thing, e.g. "guidance".
    public var subject: String
    public var timing: CommitmentTiming?
    public var strength: Strength
    public var source: Source
    /// The id of the request this commitment answers, if any.
    public var request: String?

    public init(
        id: String, turn: Int, speaker: SpeakerReference, quote: String, action: CommitmentAction,
        object: String, subject: String, timing: CommitmentTiming?, strength: Strength, source: Source,
        request: String?
    ) {
        self.id = id
        self.turn = turn
        self.speaker = speaker
        self.quote = quote
        self.action = action
        self.object = object
        self.subject = subject
        self.timing = timing
        self.strength = strength
        self.source = source
        self.request = request
    }

    private enum CodingKeys: String, CodingKey {
        case id, turn, speaker, quote, action, object, subject, timing, strength, source, request
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(turn, forKey: .turn)
        try container.encode(speaker, forKey: .speaker)
        try container.encode(quote, forKey: .quote)
        try container.encode(action, forKey: .action)
        try container.encode(object, forKey: .object)
        try container.encode(subject, forKey: .subject)
        try container.encode(timing, forKey: .timing)
        try container.encode(strength, forKey: .strength)
        try container.encode(source, forKey: .source)
        try container.encode(request, forKey: .request)
    }
}

/// A member asking the minister to act, and what became of it.
public struct Request: Sendable, Hashable, Codable {
    public enum Outcome: String, Sendable, Hashable, Codable {
        case accepted, declined, evaded, unanswered
    }

    public struct Answer: Sendable, Hashable, Codable {
        public var quote: String
        public init(quote: String) { self.quote = quote }
    }

    public var id: String
    public var turn: Int
    public var speaker: SpeakerReference
    public var quote: String
    public var action: CommitmentAction
    public var outcome: Outcome
    public var answerTurn: Int?
    public var answer: Answer?
    /// The id of the commitment the request became, when accepted.
    public var commitment: String?

    public init(
        id: String, turn: Int, speaker: SpeakerReference, quote: String, action: CommitmentAction,
        outcome: Outcome, answerTurn: Int?, answer: Answer?, commitment: String?
    ) {
        self.id = id
        self.turn = turn
        self.speaker = speaker
        self.quote = quote
        self.action = action
        self.outcome = outcome
        self.answerTurn = answerTurn
        self.answer = answer
        self.commitment = commitment
    }

    private enum CodingKeys: String, CodingKey {
        case id, turn, speaker, quote, action, outcome, answerTurn, answer, commitment
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(turn, forKey: .turn)
        try container.encode(speaker, forKey: .speaker)
        try container.encode(quote, forKey: .quote)
        try container.encode(action, forKey: .action)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(answerTurn, forKey: .answerTurn)
        try container.encode(answer, forKey: .answer)
        try container.encode(commitment, forKey: .commitment)
    }
}

/// An answer that declines or deflects, and the question it leaves unanswered.
public struct Evasion: Sendable, Hashable, Codable {
    public var turn: Int
    public var quote: String
    /// The id of the question left unanswered, if one can be named.
    public var question: String?

    public init(turn: Int, quote: String, question: String?) {
        self.turn = turn
        self.quote = quote
        self.question = question
    }

    private enum CodingKeys: String, CodingKey { case turn, quote, question }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(turn, forKey: .turn)
        try container.encode(quote, forKey: .quote)
        try container.encode(question, forKey: .question)
    }
}

/// A later mention, in the same debate, of a commitment's subject.
public struct FollowUp: Sendable, Hashable, Codable {
    public var turn: Int
    public var quote: String
    public var subject: String
    /// The id of the commitment it refers to.
    public var refersTo: String

    public init(turn: Int, quote: String, subject: String, refersTo: String) {
        self.turn = turn
        self.quote = quote
        self.subject = subject
        self.refersTo = refersTo
    }
}
