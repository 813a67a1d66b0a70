public import HansardIngestion

/// What a debate shows the government promised, was asked, and declined.
///
/// Encodes to the `hansard.analysis/2` JSON schema documented in `docs/schemas/analysis.md`.
public struct Analysis: Sendable, Hashable, Codable {
    /// The schema identifier written into every JSON encoding.
    public static let schemaIdentifier = "hansard.analysis/2"
    /// Earlier schema ids this version still reads (their missing fields take their defaults).
    public static let readableSchemas: Set<String> = ["hansard.analysis/1", schemaIdentifier]

    /// The debate analysed: its identity, title, house, date and the page's hash.
    public var debate: DebateSummary
    /// The questions put to the Government, tabled and supplementary, in page order.
    public var questions: [Question]
    /// The Government's undertakings, in page order.
    public var commitments: [Commitment]
    /// Members' requests for the Government to act, inform or assure, with what became of each.
    public var requests: [Request]
    /// Government answers that do not answer the question they follow.
    public var evasions: [Evasion]
    /// Later mentions in the debate of a commitment's subject.
    public var followUps: [FollowUp]
    /// The turns read as the Government's, in order.
    public var governmentTurns: [Int]
    /// Who speaks for the Government, one entry per person, with the evidence and department.
    public var governmentSpeakers: [GovernmentSpeaker]
    /// Remarks for the reader, for example that the debate has no government speaker.
    public var notes: [String]

    /// Creates an analysis; every list may be left empty, as for a debate with no government speaker.
    public init(
        debate: DebateSummary, questions: [Question] = [], commitments: [Commitment] = [],
        requests: [Request] = [], evasions: [Evasion] = [], followUps: [FollowUp] = [], governmentTurns: [Int] = [],
        governmentSpeakers: [GovernmentSpeaker] = [], notes: [String] = []
    ) {
        self.debate = debate
        self.governmentTurns = governmentTurns
        self.governmentSpeakers = governmentSpeakers
        self.questions = questions
        self.commitments = commitments
        self.requests = requests
        self.evasions = evasions
        self.followUps = followUps
        self.notes = notes
    }

    private enum CodingKeys: String, CodingKey {
        case schema, debate, governmentTurns, governmentSpeakers, questions, commitments, requests, evasions, followUps,
            notes
    }

    /// Decodes `hansard.analysis/2` or `/1`, refusing any other schema; fields `/1` lacks take their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try container.checkSchema(.schema, expected: Self.schemaIdentifier, readable: Self.readableSchemas)
        debate = try container.decode(DebateSummary.self, forKey: .debate)
        questions = try container.decode([Question].self, forKey: .questions)
        commitments = try container.decode([Commitment].self, forKey: .commitments)
        requests = try container.decode([Request].self, forKey: .requests)
        evasions = try container.decode([Evasion].self, forKey: .evasions)
        followUps = try container.decode([FollowUp].self, forKey: .followUps)
        governmentTurns = try container.decodeIfPresent([Int].self, forKey: .governmentTurns) ?? []
        governmentSpeakers = try container.decodeIfPresent([GovernmentSpeaker].self, forKey: .governmentSpeakers) ?? []
        notes = try container.decodeIfPresent([String].self, forKey: .notes) ?? []
    }

    /// Encodes the analysis as `hansard.analysis/2`, the schema identifier first.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.schemaIdentifier, forKey: .schema)
        try container.encode(debate, forKey: .debate)
        try container.encode(governmentTurns, forKey: .governmentTurns)
        try container.encode(governmentSpeakers, forKey: .governmentSpeakers)
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
    ///
    /// A revised page of the same debate keeps the same identity.
    public var identity: String
    /// The debate's title, as in `hansard.debate/1`.
    public var title: String
    /// The House, when the page says.
    public var house: House?
    /// The sitting date (written `yyyy-MM-dd`).
    public var date: SittingDate?
    /// The canonical URL of the page, when known.
    public var url: String?
    /// The kind of business, as the page names it.
    public var type: String?
    /// SHA-256 of the page the analysis was made from.
    public var sha256: String
    /// The path of the page as given on the command line.
    public var sourcePath: String

    /// Creates the summary of a debate.
    public init(
        identity: String, title: String, house: House?, date: SittingDate?, url: String?, type: String?,
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
}

/// Who spoke, as far as the page tells: the name may be missing in text saves.
public struct SpeakerReference: Sendable, Hashable, Codable {
    /// The fullest name the page gives the person; nil where the page does not name the speaker.
    ///
    /// "Mr. Denzil Freeth", not "Mr. Freeth" (see ``displayName``).
    public var name: String?
    /// The part the speaker plays; `minister` for every turn the analysis reads as the Government's.
    public var role: SpeakerRole
    /// The office line when the page gives one (for this turn, or for the person elsewhere on the page).
    public var office: String?
    /// The page's key for the person: the member id where the page gives one ("id:…"), else the name ("name:…",
    /// "peer:…"), or "unnamed:minister" for a minister the page does not name.
    ///
    /// Nil for an unnamed member.
    public var person: String?
    /// The canonical department (``DepartmentTable``) the speaker answers for, when the page shows it.
    public var department: String?
    /// Where the department was read: "office line …", "heading …", "tabled question …", the speaker's words.
    public var departmentSource: String?
    /// Why the speaker was read as the Government's (or the chair): the page's own evidence, in words.
    public var evidence: [String]

    /// Creates a speaker reference; only the name (which may be nil) and role are required.
    public init(
        name: String?, role: SpeakerRole, office: String? = nil, person: String? = nil, department: String? = nil,
        departmentSource: String? = nil, evidence: [String] = []
    ) {
        self.name = name
        self.role = role
        self.office = office
        self.person = person
        self.department = department
        self.departmentSource = departmentSource
        self.evidence = evidence
    }

    /// How every output writes a speaker the page does not name.
    public static let unnamedMinister = "Minister (not named on the page)"
    /// How every output writes a member the page does not name.
    public static let unnamedMember = "Member (not named on the page)"

    /// The name, or the one way an unnamed speaker is written.
    public var displayName: String {
        name ?? (role == .minister ? Self.unnamedMinister : Self.unnamedMember)
    }

    private enum CodingKeys: String, CodingKey {
        case name, role, office, person, department, departmentSource, evidence
    }

    /// Decodes a speaker; the fields after the role may be missing and read as nil or empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        role = try container.decode(SpeakerRole.self, forKey: .role)
        office = try container.decodeIfPresent(String.self, forKey: .office)
        person = try container.decodeIfPresent(String.self, forKey: .person)
        department = try container.decodeIfPresent(String.self, forKey: .department)
        departmentSource = try container.decodeIfPresent(String.self, forKey: .departmentSource)
        evidence = try container.decodeIfPresent([String].self, forKey: .evidence) ?? []
    }
}

/// A person who speaks for the Government in the debate: one entry however many ways the page names them.
public struct GovernmentSpeaker: Sendable, Hashable, Codable {
    /// The page's key for the person (``SpeakerReference/person``).
    public var person: String
    /// The fullest name the page gives; nil when the page names nobody.
    public var name: String?
    /// Every label the page prints for the person.
    ///
    /// For example "Mr. Denzil Freeth" and "Mr. Freeth".
    public var aliases: [String]
    /// The member id the page links to, when it gives one.
    public var memberId: String?
    /// The office lines the page prints for the person.
    public var offices: [String]
    /// The department the person answers for most often in the debate (canonical name).
    public var department: String?
    /// Why the person was read as speaking for the Government.
    public var evidence: [String]
    /// The person's turns.
    public var turns: [Int]

    /// Creates the entry for one person speaking for the Government.
    public init(
        person: String, name: String?, aliases: [String], memberId: String?, offices: [String], department: String?,
        evidence: [String], turns: [Int]
    ) {
        self.person = person
        self.name = name
        self.aliases = aliases
        self.memberId = memberId
        self.offices = offices
        self.department = department
        self.evidence = evidence
        self.turns = turns
    }

    private enum CodingKeys: String, CodingKey {
        case person, name, aliases, memberId, offices, department, evidence, turns
    }
}

/// A question put to the government: the tabled question or a supplementary.
public struct Question: Sendable, Hashable, Codable {
    /// Whether the question is the one tabled or a supplementary put after it.
    public enum Kind: String, Sendable, Hashable, Codable { case tabled, supplementary }

    /// Stable across re-parses: `q-` and a hash of the debate identity and the normalised quote.
    public var id: String
    /// Index of the turn that asks it.
    public var turn: Int
    /// Who asked the question.
    public var speaker: SpeakerReference
    /// The question as asked: the whole turn for a tabled question, its question and request sentences otherwise.
    public var quote: String
    /// Whether the question is tabled or supplementary.
    public var kind: Kind
    /// Index of the turn that answers it, or nil when none does.
    public var answerTurn: Int?

    /// Creates a question.
    public init(id: String, turn: Int, speaker: SpeakerReference, quote: String, kind: Kind, answerTurn: Int?) {
        self.id = id
        self.turn = turn
        self.speaker = speaker
        self.quote = quote
        self.kind = kind
        self.answerTurn = answerTurn
    }

    private enum CodingKeys: String, CodingKey { case id, turn, speaker, quote, kind, answerTurn }
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
    /// How definite the timing is: immediate, dated, vague, or none said.
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

    /// The words that give the timing, for example "in due course".
    public var phrase: String?
    /// How definite the timing is, written `class` in JSON.
    public var timingClass: TimingClass
    /// The date the commitment is due by (written `yyyy-MM-dd`), computed from the debate date.
    public var dueBy: SittingDate?

    /// Creates a timing; `dueBy` is nil when no date can be computed.
    public init(phrase: String?, timingClass: TimingClass, dueBy: SittingDate?) {
        self.phrase = phrase
        self.timingClass = timingClass
        self.dueBy = dueBy
    }

    private enum CodingKeys: String, CodingKey {
        case phrase
        case timingClass = "class"
        case dueBy
    }
}

/// A government speaker's undertaking to do something after the debate.
public struct Commitment: Sendable, Hashable, Codable {
    /// How firmly the promise is made: users filter by strength and kind.
    public enum Strength: String, Sendable, Hashable, Codable, CaseIterable {
        /// "We will publish…"
        case firm
        /// "We hope to…", "I will bear in mind…", "I will write to him"
        case qualified
        /// "We will continue to fund the pilot": continuing work said as a promise.
        case ongoing
        /// "If…, we will…"
        case conditional
    }

    /// What kind of promise it is (docs/WHAT-COUNTS.md): users filter by kind and strength.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// An explicit undertaking, any verb: "we will publish guidance shortly".
        case undertaking
        /// An intention or plan: "we intend to lay the order in March", "the figures are to be published".
        case intention
        /// A member's request accepted in a word: "Of course."
        case acceptance
        /// An undertaking to consider, look again, write, meet or consult.
        case consider
        /// Continuing named work said as a promise: "we will keep funding the pilot".
        case ongoing
        /// Effort and hope: "I will do my best to", "we hope to bring forward proposals".
        case effort
        /// "If the review recommends it, we will legislate."
        case conditional
    }

    /// Whether the speaker made the promise or accepted a member's request.
    public enum Source: String, Sendable, Hashable, Codable {
        /// The speaker said it.
        case explicit
        /// The speaker accepted a member's request ("Of course.").
        case acceptedRequest = "accepted-request"
    }

    /// Stable across re-parses: derived from the debate identity and the normalised quote.
    public var id: String
    /// The index of the Government turn the commitment is made in.
    public var turn: Int
    /// The Government speaker who made it.
    public var speaker: SpeakerReference
    /// The verbatim sentence or sentences.
    public var quote: String
    /// What kind of act is promised: write, publish, meet and so on.
    public var action: CommitmentAction
    /// What will be done, for example "new guidance on the use of non-corporate communication channels".
    public var object: String
    /// A key shared by all commitments and mentions of the same thing, for example "guidance".
    public var subject: String
    /// When the commitment is due, as said and as computed.
    public var timing: CommitmentTiming?
    /// What kind of promise it is.
    public var kind: Kind
    /// How firmly it is made.
    public var strength: Strength
    /// Whether the speaker said it or accepted a member's request.
    public var source: Source
    /// The id of the request this commitment answers, if any.
    public var request: String?
    /// What the finding rests on, in words: the verb group and why it was read as the Government's promise.
    public var evidence: String

    /// The promise itself for display: "publish: new guidance on the use of WhatsApp".
    public var promise: String { "\(action.rawValue): \(object)" }

    /// Creates a commitment.
    public init(
        id: String, turn: Int, speaker: SpeakerReference, quote: String, action: CommitmentAction,
        object: String, subject: String, timing: CommitmentTiming?, kind: Kind = .undertaking, strength: Strength,
        source: Source, request: String?, evidence: String = ""
    ) {
        self.id = id
        self.turn = turn
        self.speaker = speaker
        self.quote = quote
        self.action = action
        self.object = object
        self.subject = subject
        self.timing = timing
        self.kind = kind
        self.strength = strength
        self.source = source
        self.request = request
        self.evidence = evidence
    }

    private enum CodingKeys: String, CodingKey {
        case id, turn, speaker, quote, action, object, subject, timing, kind, strength, source, request, evidence
    }

    /// Decodes a commitment; a `hansard.analysis/1` one without a kind takes `conditional` or `undertaking`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        turn = try container.decode(Int.self, forKey: .turn)
        speaker = try container.decode(SpeakerReference.self, forKey: .speaker)
        quote = try container.decode(String.self, forKey: .quote)
        action = try container.decode(CommitmentAction.self, forKey: .action)
        object = try container.decode(String.self, forKey: .object)
        subject = try container.decode(String.self, forKey: .subject)
        timing = try container.decodeIfPresent(CommitmentTiming.self, forKey: .timing)
        strength = try container.decode(Strength.self, forKey: .strength)
        kind =
            try container.decodeIfPresent(Kind.self, forKey: .kind)
            ?? (strength == .conditional ? .conditional : .undertaking)
        source = try container.decode(Source.self, forKey: .source)
        request = try container.decodeIfPresent(String.self, forKey: .request)
        evidence = try container.decodeIfPresent(String.self, forKey: .evidence) ?? ""
    }
}

/// A member asking the Government to act, inform or assure, and what became of it.
public struct Request: Sendable, Hashable, Codable {
    /// What became of a request: the Government accepted, declined or evaded it, or nobody answered it.
    public enum Outcome: String, Sendable, Hashable, Codable, CaseIterable {
        case accepted, declined, evaded, unanswered
    }

    /// How the request is put.
    public enum Form: String, Sendable, Hashable, Codable, CaseIterable {
        /// "Will the Minister publish …?", "Could she write to me?"
        case question
        /// "When will the Government …?", "How many …?": a request for information.
        case information
        /// "I urge the Government to …", "The Minister should …"
        case urge
        /// "I hope that the Minister will …", "I should be grateful if he would …", "May I ask …"
        case indirect
        /// A tabled question: "asked the Secretary of State whether he will …".
        case tabled
    }

    /// The part of the Government's answer that decided a request's outcome.
    public struct Answer: Sendable, Hashable, Codable {
        /// The sentence that decided the outcome, verbatim.
        public var quote: String
        /// Creates an answer from its sentence.
        public init(quote: String) { self.quote = quote }
    }

    /// Stable across re-parses: `r-` and a hash of the debate identity and the normalised quote.
    public var id: String
    /// The index of the member's turn that makes the request.
    public var turn: Int
    /// The member who asks.
    public var speaker: SpeakerReference
    /// The member's sentence asking the Government to act, verbatim.
    public var quote: String
    /// What kind of act is asked for, as for commitments.
    public var action: CommitmentAction
    /// How the request is put.
    public var form: Form
    /// What is asked for, in the member's words, when the request names an act ("publish the report").
    public var asked: String?
    /// Whether the request was accepted, declined, evaded or left unanswered.
    public var outcome: Outcome
    /// The index of the Government turn that answers it, or nil when none does.
    public var answerTurn: Int?
    /// The sentence that decided the outcome, or nil when nobody answered.
    public var answer: Answer?
    /// The id of the commitment the request became, when accepted.
    public var commitment: String?

    /// Creates a request.
    public init(
        id: String, turn: Int, speaker: SpeakerReference, quote: String, action: CommitmentAction,
        outcome: Outcome, answerTurn: Int?, answer: Answer?, commitment: String?, form: Form = .question,
        asked: String? = nil
    ) {
        self.id = id
        self.turn = turn
        self.speaker = speaker
        self.quote = quote
        self.action = action
        self.form = form
        self.asked = asked
        self.outcome = outcome
        self.answerTurn = answerTurn
        self.answer = answer
        self.commitment = commitment
    }

    private enum CodingKeys: String, CodingKey {
        case id, turn, speaker, quote, action, form, asked, outcome, answerTurn, answer, commitment
    }

    /// Decodes a request; a `hansard.analysis/1` one without a form reads as a question.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        turn = try container.decode(Int.self, forKey: .turn)
        speaker = try container.decode(SpeakerReference.self, forKey: .speaker)
        quote = try container.decode(String.self, forKey: .quote)
        action = try container.decode(CommitmentAction.self, forKey: .action)
        form = try container.decodeIfPresent(Form.self, forKey: .form) ?? .question
        asked = try container.decodeIfPresent(String.self, forKey: .asked)
        outcome = try container.decode(Outcome.self, forKey: .outcome)
        answerTurn = try container.decodeIfPresent(Int.self, forKey: .answerTurn)
        answer = try container.decodeIfPresent(Answer.self, forKey: .answer)
        commitment = try container.decodeIfPresent(String.self, forKey: .commitment)
    }
}

/// A government answer that does not answer the question it follows, and why it was read so.
public struct Evasion: Sendable, Hashable, Codable {
    /// The kind of evasion (the QEvasion labels).
    public enum Label: String, Sendable, Hashable, Codable, CaseIterable {
        /// Talks about something else.
        case dodging
        /// Points elsewhere: another minister, body or time, an earlier answer, the Opposition's record.
        case deflection
        /// Restates a general position without what was asked.
        case general
        /// Answers part of what was asked.
        case partial
        /// Declines to answer or to comment.
        case declining
        /// Says the information is not known or not held.
        case ignorance
    }

    /// The index of the Government turn that evades.
    public var turn: Int
    /// The sentence that shows the evasion best, verbatim.
    public var quote: String
    /// The id of the question left unanswered, if one can be named.
    public var question: String?
    /// The kind of evasion.
    public var label: Label
    /// Why the answer was read as evasive, in words.
    public var reason: String

    /// Creates an evasion.
    public init(turn: Int, quote: String, question: String?, label: Label = .deflection, reason: String = "") {
        self.turn = turn
        self.quote = quote
        self.question = question
        self.label = label
        self.reason = reason
    }

    private enum CodingKeys: String, CodingKey { case turn, quote, question, label, reason }

    /// Decodes an evasion; a `hansard.analysis/1` one without a label reads as a deflection.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        turn = try container.decode(Int.self, forKey: .turn)
        quote = try container.decode(String.self, forKey: .quote)
        question = try container.decodeIfPresent(String.self, forKey: .question)
        label = try container.decodeIfPresent(Label.self, forKey: .label) ?? .deflection
        reason = try container.decodeIfPresent(String.self, forKey: .reason) ?? ""
    }
}

/// A later mention, in the same debate, of a commitment's subject.
public struct FollowUp: Sendable, Hashable, Codable {
    /// The index of the turn that mentions the subject again.
    public var turn: Int
    /// The sentence that mentions it, verbatim.
    public var quote: String
    /// The subject key shared with the commitment (``Commitment/subject``).
    public var subject: String
    /// The id of the commitment it refers to.
    public var refersTo: String

    /// Creates a follow-up.
    public init(turn: Int, quote: String, subject: String, refersTo: String) {
        self.turn = turn
        self.quote = quote
        self.subject = subject
        self.refersTo = refersTo
    }
}
