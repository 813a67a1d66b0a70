import GRDB
import HansardAnalysis
import HansardIngestion

/// A field of a commitment a person may correct with `hansard register edit`.
public enum CommitmentField: String, Sendable, Hashable, Codable, CaseIterable {
    case minister, department
    /// The due date, `yyyy-MM-dd`.
    case dueBy = "due"
    case action, object
    /// The timing phrase, e.g. "by the summer recess".
    case timing

    /// The column of `commitment` the field lives in.
    var column: String {
        switch self {
        case .minister: return "speakerName"
        case .department: return "department"
        case .dueBy: return "dueBy"
        case .action: return "action"
        case .object: return "object"
        case .timing: return "timingPhrase"
        }
    }

    /// The field's value in `record`.
    public func value(in record: CommitmentRecord) -> String? {
        switch self {
        case .minister: return record.speakerName
        case .department: return record.department
        case .dueBy: return record.dueBy?.description
        case .action: return record.action.rawValue
        case .object: return record.object
        case .timing: return record.timingPhrase
        }
    }

    /// Sets the field in `record`; a value the field cannot take (an unknown action) leaves it as it is.
    func set(_ value: String?, in record: inout CommitmentRecord) {
        switch self {
        case .minister: record.speakerName = value
        case .department: record.department = value
        case .dueBy: record.dueBy = value.flatMap(SittingDate.init)
        case .action: if let action = value.flatMap(CommitmentAction.init(rawValue:)) { record.action = action }
        case .object: record.object = value ?? ""
        case .timing: record.timingPhrase = value
        }
    }
}

/// A person's correction of one field of a commitment: kept in the history, and applied again whenever the page
/// is revised or re-analysed, so that the correction survives what the machine reads.
public struct CommitmentEditRecord: Sendable, Hashable, Codable {
    /// A key derived from the edit's content.
    public var id: String
    /// The commitment corrected.
    public var commitmentId: String
    /// The field corrected.
    public var field: CommitmentField
    /// The value set; nil clears the field (a due date that is not one).
    public var value: String?
    /// The field's value before the edit.
    public var previous: String?
    /// What the analysis read for the field when the edit was made.
    public var machineValue: String?
    /// Who made it: `--by`, `$HANSARD_USER`, or the login name.
    public var actor: String
    /// Why, in the person's words.
    public var reason: String?
    /// ISO 8601 UTC.
    public var recordedAt: String

    /// An edit with every field given.
    public init(
        id: String, commitmentId: String, field: CommitmentField, value: String?, previous: String?,
        machineValue: String?, actor: String, reason: String?, recordedAt: String
    ) {
        self.id = id
        self.commitmentId = commitmentId
        self.field = field
        self.value = value
        self.previous = previous
        self.machineValue = machineValue
        self.actor = actor
        self.reason = reason
        self.recordedAt = recordedAt
    }
}

/// An answer the analysis read as declining or deflecting a question, kept so that reports can mark it without
/// analysing the page again.
public struct EvasionRecord: Sendable, Hashable, Codable {
    /// A key derived from the debate, turn and quote.
    public var id: String
    /// The debate it was read in.
    public var debateId: String
    /// The turn of the answer.
    public var turn: Int
    /// The words of the answer.
    public var quote: String
    /// The turn of the question left unanswered, when one can be named.
    public var questionTurn: Int?
    /// How it evades (dodging, deflection…), when the analysis says.
    public var label: String?
    /// Why, in the analysis's words, when it says.
    public var reason: String?

    /// An evasion with every field given.
    public init(
        id: String, debateId: String, turn: Int, quote: String, questionTurn: Int?, label: String? = nil,
        reason: String? = nil
    ) {
        self.id = id
        self.debateId = debateId
        self.turn = turn
        self.quote = quote
        self.questionTurn = questionTurn
        self.label = label
        self.reason = reason
    }
}

/// A later mention, in the same debate, of a commitment's subject.
public struct MentionRecord: Sendable, Hashable, Codable {
    /// A key derived from the debate, turn, commitment and quote.
    public var id: String
    /// The debate it was read in.
    public var debateId: String
    /// The turn that mentions it.
    public var turn: Int
    /// The words of the mention.
    public var quote: String
    /// The subject shared with the commitment.
    public var subject: String
    /// The analysis id of the commitment it returns to.
    public var refersTo: String

    /// A mention with every field given.
    public init(id: String, debateId: String, turn: Int, quote: String, subject: String, refersTo: String) {
        self.id = id
        self.debateId = debateId
        self.turn = turn
        self.quote = quote
        self.subject = subject
        self.refersTo = refersTo
    }
}
