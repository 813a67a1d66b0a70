import Foundation
import GRDB
public import HansardAnalysis
public import HansardIngestion

// One record struct per table. Column names are the property names; JSON snapshots use the same keys.

/// Where a commitment stands.
///
/// The latest ``StatusEventRecord`` decides it; `outstanding` when there is none.
public enum CommitmentStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case outstanding
    case fulfilled
    case partlyFulfilled = "partly-fulfilled"
    case withdrawn
    case lapsed
    /// Not a commitment at all (a false positive): a reader said so. Out of every figure; listed with `--all`.
    case dismissed

    /// Whether the commitment still waits to be done.
    public var isOpen: Bool { self == .outstanding }

    /// Whether the status says what became of a real commitment: fulfilled, partly fulfilled, withdrawn, lapsed.
    public var isResolution: Bool { self != .outstanding && self != .dismissed }

    /// Whether the commitment counts in figures (counts, timelines, overdue lists): all but dismissed ones.
    public var counts: Bool { self != .dismissed }
}

/// A debate in the register: the latest version of the page it was read from.
public struct DebateRecord: Sendable, Hashable, Codable {
    /// A short key derived from `identity`, for example `d-3fa91c02b7e4`.
    public var id: String
    /// The analysis's debate identity: the canonical URL, or house, date and title.
    public var identity: String
    /// The debate's title as the page gives it.
    public var title: String
    /// The House, when the page says.
    public var house: House?
    /// ISO `yyyy-MM-dd`.
    public var date: SittingDate?
    /// The canonical URL of the page, when known.
    public var url: String?
    /// The kind of business, as the page names it.
    public var type: String?
    /// SHA-256 of the latest version of the page.
    public var sha256: String
    /// Where the latest version of the page was read from.
    public var sourcePath: String
    /// 1 for the first version added, counting up with each revised page.
    public var revision: Int
    /// ISO 8601 UTC timestamps.
    public var addedAt: String
    /// When a revised page or a re-analysis last changed the debate, ISO 8601 UTC; `addedAt` until then.
    public var updatedAt: String
    /// The volume of the Official Report, when the page gives it, for example "828".
    public var volume: String?
    /// The format the page was read as (``InputFormat``'s raw value), which decides how its contributions are linked.
    public var format: String?
    /// The size of the latest version of the page in bytes, so that a moved page is found by size, then hash.
    public var bytes: Int?
    /// The turns the analysis read as the Government's, comma-separated, so that a report marks them without
    /// analysing the page again.
    public var governmentTurns: String?

    /// Creates a debate row; the later columns may be left out, as rows written by older versions lack them.
    public init(
        id: String, identity: String, title: String, house: House?, date: SittingDate?, url: String?,
        type: String?, sha256: String, sourcePath: String, revision: Int, addedAt: String, updatedAt: String,
        volume: String? = nil, format: String? = nil, bytes: Int? = nil, governmentTurns: String? = nil
    ) {
        self.id = id
        self.identity = identity
        self.title = title
        self.house = house
        self.date = date
        self.url = url
        self.type = type
        self.sha256 = sha256
        self.sourcePath = sourcePath
        self.revision = revision
        self.addedAt = addedAt
        self.updatedAt = updatedAt
        self.volume = volume
        self.format = format
        self.bytes = bytes
        self.governmentTurns = governmentTurns
    }

    /// The turns in ``governmentTurns``.
    public var governmentTurnIndexes: Set<Int> {
        Set((governmentTurns ?? "").split(separator: ",").compactMap { Int($0) })
    }

    /// ``governmentTurns`` for the turns of an analysis.
    static func governmentTurns(_ turns: [Int]) -> String? {
        turns.isEmpty ? nil : turns.sorted().map(String.init).joined(separator: ",")
    }

    /// The page's file name without its folder: what published reports name, never a machine's path.
    public var sourceName: String {
        // The bytes after the last "/": splitting the whole path into an array of parts for its last one was a
        // twentieth of a CSV export's time.
        if let slash = sourcePath.utf8.lastIndex(of: UInt8(ascii: "/")) {
            let name = sourcePath[sourcePath.utf8.index(after: slash)...]
            if !name.isEmpty { return String(name) }
        }
        return sourcePath.split(separator: "/").last.map(String.init) ?? sourcePath
    }
}

/// Every version of a page the register has read: adding a known page again changes nothing.
public struct DebateVersionRecord: Sendable, Hashable, Codable {
    /// SHA-256 of this version of the page: the key that makes adding it again change nothing.
    public var sha256: String
    /// The debate the version belongs to (`DebateRecord/id`).
    public var debateId: String
    /// The debate's revision this version became.
    public var revision: Int
    /// Where this version was read from.
    public var sourcePath: String
    /// When this version was added, ISO 8601 UTC.
    public var addedAt: String

    /// Creates a version row.
    public init(sha256: String, debateId: String, revision: Int, sourcePath: String, addedAt: String) {
        self.sha256 = sha256
        self.debateId = debateId
        self.revision = revision
        self.sourcePath = sourcePath
        self.addedAt = addedAt
    }
}

/// A government commitment as the register keeps it.
public struct CommitmentRecord: Sendable, Hashable, Codable {
    /// The register's id: the analysis id the commitment was first seen with, kept through rewordings.
    public var id: String
    /// The analysis id of the current wording.
    public var analysisId: String
    /// The debate the commitment was made in (`DebateRecord/id`).
    public var debateId: String
    /// The debate's date, copied here so lists sort and filter without a join.
    public var debateDate: SittingDate?
    /// The House it was made in, copied from the debate for filtering.
    public var house: House?
    /// The index of the turn the commitment is made in, in the debate's current page.
    public var turn: Int
    /// The minister's name as the page gives it; nil where the page does not name them.
    public var speakerName: String?
    /// The role the analysis gave the speaker.
    public var speakerRole: SpeakerRole
    /// The minister's office line, when the page gives one.
    public var office: String?
    /// The canonical department (the table in data/uk-government-departments.json), for example "Cabinet Office".
    public var department: String?
    /// The sentence the commitment is read from, verbatim.
    public var quote: String
    /// What kind of act is promised: write, publish, meet and so on.
    public var action: CommitmentAction
    /// What will be done, from the words after the verb.
    public var object: String
    /// A key shared by commitments and mentions of the same thing, which follow-ups are found by.
    public var subject: String
    /// The words that give the timing; nil when none are said.
    public var timingPhrase: String?
    /// How definite the timing is: immediate, dated, vague, or none said.
    public var timingClass: CommitmentTiming.TimingClass
    /// ISO `yyyy-MM-dd`.
    public var dueBy: SittingDate?
    /// How firmly the promise is made.
    public var strength: Commitment.Strength
    /// Whether the minister said it or accepted a member's request.
    public var source: Commitment.Source
    /// The id of the request the commitment answers, if any.
    public var requestId: String?
    /// The latest status event's status, kept here for fast lists.
    public var status: CommitmentStatus
    /// The effective date of that event.
    public var statusDate: SittingDate?
    /// The debate revision in which the commitment was first seen.
    public var firstRevision: Int
    /// Set when a revised page no longer contains the commitment: it is marked, never deleted.
    public var missingSinceRevision: Int?
    /// The page's key for the minister ("id:…", "name:…", "peer:…", "unnamed:minister"): with the labels below,
    /// what the register merges one person's commitments by.
    public var person: String?
    /// Every label the page prints for the minister, one per line.
    ///
    /// For example "Mr. Denzil Freeth" and "Mr. Freeth".
    public var speakerAliases: String?
    /// Where the department was read: the office line, heading, tabled question or the minister's words.
    public var departmentSource: String?
    /// Why the speaker was read as the Government's, one reason per line.
    public var speakerEvidence: String?
    /// The headings the commitment's turn falls under, for example "Justice: Prison Education".
    public var heading: String?
    /// The title a citation gives: the debate's, or for a page holding a whole day's sitting (ParlParse, the
    /// historic Hansard XML, a daily part) the heading of the commitment's own debate.
    public var debateTitle: String?
    /// The column of the Official Report the contribution starts in, for example "286" or "21WS".
    public var startColumn: String?
    /// The page's own id for the contribution (a hansard.parliament.uk GUID, a ParlParse speech id…).
    public var contributionId: String?
    /// The administration the commitment was made under (``Administration/id``), for example "sunak-2022".
    public var government: String?
    /// The Parliament it was made in, for example "58th".
    public var parliament: String?
    /// How the analysis typed the commitment (undertaking, intention, acceptance…), when it says.
    public var kind: String?
    /// Why the analysis read the words as a commitment, when it says.
    public var analysisEvidence: String?
    /// JSON object of what the analysis reads for each field a person edited, for example `{"department":"Treasury"}`:
    /// the machine's side of an edit, kept so that a re-analysis can say where it now disagrees.
    public var machineValues: String?

    /// Creates a commitment row; the later columns may be left out, as rows written by older versions lack them.
    public init(
        id: String, analysisId: String, debateId: String, debateDate: SittingDate?, house: House?, turn: Int,
        speakerName: String?, speakerRole: SpeakerRole, office: String?, department: String?, quote: String,
        action: CommitmentAction, object: String, subject: String, timingPhrase: String?,
        timingClass: CommitmentTiming.TimingClass, dueBy: SittingDate?, strength: Commitment.Strength,
        source: Commitment.Source, requestId: String?, status: CommitmentStatus, statusDate: SittingDate?,
        firstRevision: Int, missingSinceRevision: Int?, person: String? = nil, speakerAliases: String? = nil,
        departmentSource: String? = nil, speakerEvidence: String? = nil, heading: String? = nil,
        debateTitle: String? = nil, startColumn: String? = nil, contributionId: String? = nil,
        government: String? = nil, parliament: String? = nil, kind: String? = nil, analysisEvidence: String? = nil,
        machineValues: String? = nil
    ) {
        self.id = id
        self.analysisId = analysisId
        self.debateId = debateId
        self.debateDate = debateDate
        self.house = house
        self.turn = turn
        self.speakerName = speakerName
        self.speakerRole = speakerRole
        self.office = office
        self.department = department
        self.quote = quote
        self.action = action
        self.object = object
        self.subject = subject
        self.timingPhrase = timingPhrase
        self.timingClass = timingClass
        self.dueBy = dueBy
        self.strength = strength
        self.source = source
        self.requestId = requestId
        self.status = status
        self.statusDate = statusDate
        self.firstRevision = firstRevision
        self.missingSinceRevision = missingSinceRevision
        self.person = person
        self.speakerAliases = speakerAliases
        self.departmentSource = departmentSource
        self.speakerEvidence = speakerEvidence
        self.heading = heading
        self.debateTitle = debateTitle
        self.startColumn = startColumn
        self.contributionId = contributionId
        self.government = government
        self.parliament = parliament
        self.kind = kind
        self.analysisEvidence = analysisEvidence
        self.machineValues = machineValues
    }

    /// The labels in ``speakerAliases``.
    public var aliases: [String] {
        (speakerAliases ?? "").split(separator: "\n").map(String.init)
    }

    /// The reasons in ``speakerEvidence``.
    public var evidence: [String] {
        (speakerEvidence ?? "").split(separator: "\n").map(String.init)
    }

    /// The minister as every output writes them: the name, or the one wording for a minister the page does not name.
    public var minister: String {
        speakerName ?? (speakerRole == .minister ? SpeakerReference.unnamedMinister : SpeakerReference.unnamedMember)
    }

    /// What the commitment undertakes, as a reader says it: "publish: revised guidance on …".
    public var promise: String {
        let verb = action.rawValue.replacingOccurrences(of: "-", with: " ")
        return object.isEmpty ? verb : verb + ": " + object
    }
}

extension CommitmentRecord {
    /// The table's columns in declaration order, for ``init(row:startingAt:)``.
    static let columnNames = Columns.allCases.map(\.rawValue)

    /// `c.id, c.analysisId, …`: the columns of a commitment aliased `c`, in ``columnNames`` order.
    static func selection(alias: String) -> String {
        columnNames.map { "\(alias).\($0)" }.joined(separator: ", ")
    }

    /// Decodes the columns ``columnNames`` from position `offset` on.
    ///
    /// Positional access spares the name lookups, which dominate reading a list of 100,000 commitments.
    init(row: Row, startingAt offset: Int) throws {
        func value<T: RawRepresentable>(_ index: Int) throws -> T where T.RawValue == String {
            let text: String = row[offset + index]
            guard let value = T(rawValue: text) else {
                throw DatabaseError(
                    resultCode: .SQLITE_MISMATCH,
                    message: "commitment.\(Self.columnNames[index]): unknown value \(text)")
            }
            return value
        }
        func date(_ index: Int) throws -> SittingDate? {
            guard let text = row[offset + index] as String? else { return nil }
            guard let date = SittingDate(text) else {
                throw DatabaseError(
                    resultCode: .SQLITE_MISMATCH,
                    message: "commitment.\(Self.columnNames[index]): \(text) is not a date (yyyy-MM-dd)")
            }
            return date
        }
        id = row[offset]
        analysisId = row[offset + 1]
        debateId = row[offset + 2]
        debateDate = try date(3)
        house = (row[offset + 4] as String?).flatMap(House.init(rawValue:))
        turn = row[offset + 5]
        speakerName = row[offset + 6]
        speakerRole = try value(7)
        office = row[offset + 8]
        department = row[offset + 9]
        quote = row[offset + 10]
        action = try value(11)
        object = row[offset + 12]
        subject = row[offset + 13]
        timingPhrase = row[offset + 14]
        timingClass = try value(15)
        dueBy = try date(16)
        strength = try value(17)
        source = try value(18)
        requestId = row[offset + 19]
        status = try value(20)
        statusDate = try date(21)
        firstRevision = row[offset + 22]
        missingSinceRevision = row[offset + 23]
        person = row[offset + 24]
        speakerAliases = row[offset + 25]
        departmentSource = row[offset + 26]
        speakerEvidence = row[offset + 27]
        heading = row[offset + 28]
        debateTitle = row[offset + 29]
        startColumn = row[offset + 30]
        contributionId = row[offset + 31]
        government = row[offset + 32]
        parliament = row[offset + 33]
        kind = row[offset + 34]
        analysisEvidence = row[offset + 35]
        machineValues = row[offset + 36]
    }
}

/// A member's request to the government and what became of it.
public struct RequestRecord: Sendable, Hashable, Codable {
    /// The analysis id of the request.
    public var id: String
    /// The debate the request was made in (`DebateRecord/id`).
    public var debateId: String
    /// The index of the member's turn.
    public var turn: Int
    /// The member's name as the page gives it; nil where the page does not name them.
    public var speakerName: String?
    /// The member's sentence asking the Government to act, verbatim.
    public var quote: String
    /// What kind of act is asked for, as for commitments.
    public var action: CommitmentAction
    /// Whether the request was accepted, declined, evaded or left unanswered.
    public var outcome: Request.Outcome
    /// The sentence of the answer that decided the outcome; nil when nobody answered.
    public var answerQuote: String?
    /// The register id of the commitment the request became.
    public var commitmentId: String?
    /// How the member asked (a question, a request for information, urging…), when the analysis says.
    public var form: String?
    /// What the member asked for, in the analysis's words, when it says.
    public var asked: String?

    /// Creates a request row.
    public init(
        id: String, debateId: String, turn: Int, speakerName: String?, quote: String, action: CommitmentAction,
        outcome: Request.Outcome, answerQuote: String?, commitmentId: String?, form: String? = nil,
        asked: String? = nil
    ) {
        self.id = id
        self.debateId = debateId
        self.turn = turn
        self.speakerName = speakerName
        self.quote = quote
        self.action = action
        self.outcome = outcome
        self.answerQuote = answerQuote
        self.commitmentId = commitmentId
        self.form = form
        self.asked = asked
    }
}

/// A change of status: who recorded it, when, why, and on what evidence.
public struct StatusEventRecord: Sendable, Hashable, Codable {
    /// A key derived from the event's content, so an imported event is recognised.
    public var id: String
    /// The commitment whose status changed.
    public var commitmentId: String
    /// The status the event sets.
    public var status: CommitmentStatus
    /// The date the status took effect, ISO `yyyy-MM-dd`.
    public var effectiveDate: SittingDate
    /// When it was recorded, ISO 8601 UTC.
    public var recordedAt: String
    /// Who recorded it: the user's login name, or `hansard` for events the tool made.
    public var actor: String
    /// A URL or words showing the change, for example the written statement that published the guidance.
    public var evidence: String?
    /// Why, in the words of whoever recorded it.
    public var reason: String?
    /// The follow-up link whose confirmation made this event.
    public var linkId: String?
    /// The rule that made the event for many commitments at once, for example "dissolution" (`register lapse`), so that
    /// the rule can be undone.
    public var rule: String?

    /// Creates a status event row.
    public init(
        id: String, commitmentId: String, status: CommitmentStatus, effectiveDate: SittingDate, recordedAt: String,
        actor: String, evidence: String?, reason: String?, linkId: String?, rule: String? = nil
    ) {
        self.id = id
        self.commitmentId = commitmentId
        self.status = status
        self.effectiveDate = effectiveDate
        self.recordedAt = recordedAt
        self.actor = actor
        self.evidence = evidence
        self.reason = reason
        self.linkId = linkId
        self.rule = rule
    }
}

/// A note a user attached to a commitment.
public struct NoteRecord: Sendable, Hashable, Codable {
    /// A key derived from the note's commitment, text, author and time, so an imported note is recognised.
    public var id: String
    /// The commitment the note is attached to.
    public var commitmentId: String
    /// The note, as written.
    public var text: String
    /// Who wrote it.
    public var author: String
    /// When it was written, ISO 8601 UTC.
    public var recordedAt: String

    /// Creates a note row.
    public init(id: String, commitmentId: String, text: String, author: String, recordedAt: String) {
        self.id = id
        self.commitmentId = commitmentId
        self.text = text
        self.author = author
        self.recordedAt = recordedAt
    }
}

/// What a revised page changed about a commitment.
public enum CommitmentChangeKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The quote's words changed; the id stayed.
    case reworded
    /// The due date or timing phrase changed.
    case timing
    /// Another minister or department now gives it.
    case reassigned
    /// The revised page no longer has it.
    case missing
    /// A later revision has it again.
    case restored
    /// A revised page or a re-analysis reads a field otherwise than a person's edit of it; the edit is kept.
    case disagrees
    /// A revised page or a re-analysis now reads a field as a person's edit has it.
    case agrees
}

/// One change a revised page made to a commitment.
public struct CommitmentChangeRecord: Sendable, Hashable, Codable {
    /// A key derived from the commitment, revision, kind and field, so that the same change is recorded once.
    public var id: String
    /// The commitment that changed.
    public var commitmentId: String
    /// The debate revision that made the change.
    public var revision: Int
    /// What changed.
    public var kind: CommitmentChangeKind
    /// The value before the change; nil where there was none.
    public var oldValue: String?
    /// The value after it; nil where there is none.
    public var newValue: String?
    /// When the change was recorded, ISO 8601 UTC.
    public var recordedAt: String
    /// For `disagrees` and `agrees`: the edited field (``CommitmentField``); `oldValue` is the edit's value and
    /// `newValue` what the page now reads.
    public var field: String?

    /// Creates a change row.
    public init(
        id: String, commitmentId: String, revision: Int, kind: CommitmentChangeKind, oldValue: String?,
        newValue: String?, recordedAt: String, field: String? = nil
    ) {
        self.id = id
        self.commitmentId = commitmentId
        self.revision = revision
        self.kind = kind
        self.oldValue = oldValue
        self.newValue = newValue
        self.recordedAt = recordedAt
        self.field = field
    }
}

/// How a later debate points back to a commitment.
public enum FollowUpKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The later speech refers back explicitly ("as I promised…", "I have written to…", an Official Report citation).
    case backReference = "back-reference"
    /// The same subject raised again with the same department or minister.
    case sameSubject = "same-subject"
}

/// What the user decided about a candidate link.
public enum FollowUpState: String, Sendable, Hashable, Codable, CaseIterable {
    case candidate, confirmed, rejected
}

/// A candidate link from a commitment to a later debate that may follow it up.
public struct FollowUpLinkRecord: Sendable, Hashable, Codable {
    /// A short key the user types, for example `L-5c1e09a2`.
    public var id: String
    /// The commitment the later debate may follow up.
    public var commitmentId: String
    /// The later debate.
    public var debateId: String
    /// The index of the later speech's turn in that debate.
    public var turn: Int
    /// The later speaker's name as the page gives it.
    public var speakerName: String?
    /// The sentence of the later speech that suggests the link.
    public var quote: String
    /// Whether the speech refers back explicitly or raises the same subject again.
    public var kind: FollowUpKind
    /// Why the link was proposed, in words.
    public var evidence: String
    /// From 0 to 1: how likely the link is real.
    public var score: Double
    /// The later speech says the thing was done ("I have written…", "we published…").
    public var suggestsFulfilment: Bool
    /// Whether the link is still a candidate, or a person confirmed or rejected it.
    public var state: FollowUpState
    /// When the link was confirmed or rejected, ISO 8601 UTC.
    public var decidedAt: String?
    /// Who confirmed or rejected it.
    public var decidedBy: String?

    /// Creates a link row.
    public init(
        id: String, commitmentId: String, debateId: String, turn: Int, speakerName: String?, quote: String,
        kind: FollowUpKind, evidence: String, score: Double, suggestsFulfilment: Bool, state: FollowUpState,
        decidedAt: String?, decidedBy: String?
    ) {
        self.id = id
        self.commitmentId = commitmentId
        self.debateId = debateId
        self.turn = turn
        self.speakerName = speakerName
        self.quote = quote
        self.kind = kind
        self.evidence = evidence
        self.score = score
        self.suggestsFulfilment = suggestsFulfilment
        self.state = state
        self.decidedAt = decidedAt
        self.decidedBy = decidedBy
    }
}

/// A government speech kept so that debates added later in the wrong order can still be linked.
public struct SpeechRecord: Sendable, Hashable, Codable {
    /// The debate the speech is in (`DebateRecord/id`).
    public var debateId: String
    /// The index of the speech's turn.
    public var turn: Int
    /// The speaker's name as the page gives it.
    public var speakerName: String?
    /// The department the speaker answers for, when known.
    public var department: String?
    /// The speech's paragraphs, joined by blank lines.
    public var text: String

    /// Creates a speech row.
    public init(debateId: String, turn: Int, speakerName: String?, department: String?, text: String) {
        self.debateId = debateId
        self.turn = turn
        self.speakerName = speakerName
        self.department = department
        self.text = text
    }
}
