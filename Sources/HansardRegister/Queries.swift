public import HansardIngestion

/// Which commitments ``Register/commitments(_:)`` lists.
public struct CommitmentQuery: Sendable, Hashable {
    /// Which commitments by status.
    public enum Scope: String, Sendable, Hashable, Codable, CaseIterable {
        /// Not yet resolved (the default).
        case outstanding
        /// Outstanding and past their due date.
        case overdue
        /// Fulfilled, partly fulfilled, withdrawn or lapsed.
        case resolved
        /// Every commitment but the dismissed ones (`hansard search`'s default).
        case standing
        /// Only the dismissed ones: what readers said were not commitments.
        case dismissed
        /// Every commitment, whatever its status, dismissed ones too.
        case all
    }

    /// Which government's commitments.
    public enum Governments: Sendable, Hashable {
        /// Every government's.
        case all
        /// The government in office on the list's date (`hansard commitments`' default).
        case current
        /// One government's, by ``Administration/id``.
        case named(String)
    }

    /// Which commitments by status; outstanding ones unless asked otherwise.
    public var scope: Scope
    /// The date ages, overdue marks and statuses are reckoned at, `yyyy-MM-dd`; nil for today.
    public var asOf: SittingDate?
    /// Part of the minister's name, any case, matching any name a page gives the person.
    ///
    /// "Eccles" finds "Sir D. Eccles" and "Sir David Eccles".
    public var minister: String?
    /// A department: a name, alias, heading or office of the department table finds that department and the ones
    /// it succeeded ("Home Office" finds "Home Department" questions; "Justice" the Department for Constitutional
    /// Affairs); other text matches part of the department or office line, any case.
    public var department: String?
    /// Only commitments made in this House.
    public var house: House?
    /// Only commitments made on or after this date.
    public var since: SittingDate?
    /// Only commitments made on or before this date.
    public var until: SittingDate?
    /// Only commitments made during this parliamentary session, for example "2022-23".
    public var session: String?
    /// At most this many rows.
    public var limit: Int?
    /// Which government's commitments; every government's unless asked otherwise.
    public var governments: Governments
    /// Words to find (full-text search over the quote, the object, the minister, the department, the debate's
    /// title and heading; each word matches words it begins, "publish" finds "published"); best matches first.
    public var text: String?
    /// Only the commitments with these register ids.
    public var ids: [String]?

    /// Creates a query; every filter left out lets everything through.
    public init(
        scope: Scope = .outstanding, asOf: SittingDate? = nil, minister: String? = nil, department: String? = nil,
        house: House? = nil, since: SittingDate? = nil, until: SittingDate? = nil, session: String? = nil,
        limit: Int? = nil, governments: Governments = .all, text: String? = nil, ids: [String]? = nil
    ) {
        self.scope = scope
        self.asOf = asOf
        self.minister = minister
        self.department = department
        self.house = house
        self.since = since
        self.until = until
        self.session = session
        self.limit = limit
        self.governments = governments
        self.text = text
        self.ids = ids
    }
}

/// One row of a commitments list: the commitment, where it was made, and how late it is.
public struct CommitmentListing: Sendable, Hashable, Codable {
    /// The commitment as the register keeps it.
    public var commitment: CommitmentRecord
    /// The debate's title as the citation gives it (a whole sitting's page gives the commitment's own heading).
    public var debateTitle: String
    /// The status as of the list's date.
    public var status: CommitmentStatus
    /// Days from the debate to the list's date; nil when the debate has no date.
    public var ageDays: Int?
    /// Days past the due date; nil when not overdue.
    public var overdueDays: Int?
    /// The minister as one person across the register: the fullest name any page gives them.
    public var person: RegisterPerson
    /// How to cite it and where to read it.
    public var citation: Citation
    /// The age in words: "1 year 2 months".
    public var age: String?
    /// How long past the due date, in words: "3 months".
    public var overdueBy: String?

    /// Whether the commitment is past its due date at the list's date.
    public var isOverdue: Bool { overdueDays != nil }

    /// The government it was made under.
    public var government: Administration? { Administrations.byId(commitment.government) }

    /// Creates a row; the person and citation are made from the commitment when not given, and `asOf` gives the
    /// ages in words.
    public init(
        commitment: CommitmentRecord, debateTitle: String, status: CommitmentStatus, ageDays: Int?,
        overdueDays: Int?, person: RegisterPerson? = nil, citation: Citation? = nil, asOf: SittingDate? = nil
    ) {
        self.person =
            person
            ?? RegisterPerson(
                id: commitment.person ?? commitment.id, name: commitment.speakerName,
                aliases: commitment.aliases.isEmpty ? [commitment.speakerName].compactMap { $0 } : commitment.aliases)
        self.commitment = commitment
        self.debateTitle = debateTitle
        self.status = status
        self.ageDays = ageDays
        self.overdueDays = overdueDays
        self.citation =
            citation
            ?? Citation(
                commitment, debateTitle: debateTitle, url: nil, volume: nil, format: nil, house: commitment.house,
                date: commitment.debateDate)
        if let asOf {
            age = commitment.debateDate.flatMap { CalendarDate.age(from: $0, to: asOf) }
            overdueBy = overdueDays == nil ? nil : commitment.dueBy.flatMap { CalendarDate.age(from: $0, to: asOf) }
        }
    }
}

/// The result of a list: the rows and the date they were reckoned at.
public struct CommitmentList: Sendable, Hashable, Codable {
    /// The schema identifier written into JSON output.
    public static let schemaIdentifier = "hansard.commitments/1"
    /// The date the list was reckoned at, `yyyy-MM-dd`.
    public var asOf: SittingDate
    /// Which commitments by status the list holds.
    public var scope: CommitmentQuery.Scope
    /// The rows, in the list's order.
    public var items: [CommitmentListing]
    /// The government the list is limited to, if it is.
    public var government: Administration?
    /// How many rows the same filters find under other governments, when the list is limited to one.
    public var otherGovernments: Int?

    /// Creates a list.
    public init(
        asOf: SittingDate, scope: CommitmentQuery.Scope, items: [CommitmentListing], government: Administration? = nil,
        otherGovernments: Int? = nil
    ) {
        self.asOf = asOf
        self.scope = scope
        self.items = items
        self.government = government
        self.otherGovernments = otherGovernments
    }

    private enum CodingKeys: String, CodingKey { case schema, asOf, scope, government, otherGovernments, items }

    /// Decodes a `hansard.commitments/1` list.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        asOf = try container.decode(SittingDate.self, forKey: .asOf)
        scope = try container.decode(CommitmentQuery.Scope.self, forKey: .scope)
        government = try container.decodeIfPresent(Administration.self, forKey: .government)
        otherGovernments = try container.decodeIfPresent(Int.self, forKey: .otherGovernments)
        items = try container.decode([CommitmentListing].self, forKey: .items)
    }

    /// Encodes the list as `hansard.commitments/1`; the government fields are left out when the list is not limited
    /// to one.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.schemaIdentifier, forKey: .schema)
        try container.encode(asOf, forKey: .asOf)
        try container.encode(scope, forKey: .scope)
        try container.encodeIfPresent(government, forKey: .government)
        try container.encodeIfPresent(otherGovernments, forKey: .otherGovernments)
        try container.encode(items, forKey: .items)
    }
}

/// Everything the register knows about one commitment, for `hansard register show`.
public struct CommitmentDetail: Sendable, Hashable, Codable {
    /// The commitment as the register keeps it.
    public var commitment: CommitmentRecord
    /// The debate it was made in, at its latest version.
    public var debate: DebateRecord
    /// The member's request it answers, if any.
    public var request: RequestRecord?
    /// Oldest first.
    public var statusEvents: [StatusEventRecord]
    /// Notes people attached, oldest first.
    public var notes: [NoteRecord]
    /// What revised pages and re-analyses changed, oldest first.
    public var changes: [CommitmentChangeRecord]
    /// Best score first.
    public var links: [FollowUpLinkRecord]
    /// The later debates the links point to, by id.
    public var linkedDebates: [String: DebateRecord]
    /// People's corrections, oldest first.
    public var edits: [CommitmentEditRecord]
    /// How to cite the commitment and where to read it.
    public var citation: Citation
    /// The government it was made under, when known.
    public var government: Administration?

    /// Gathers a commitment's detail; the citation and government are worked out from the commitment and debate.
    public init(
        commitment: CommitmentRecord, debate: DebateRecord, request: RequestRecord?,
        statusEvents: [StatusEventRecord], notes: [NoteRecord], changes: [CommitmentChangeRecord],
        links: [FollowUpLinkRecord], linkedDebates: [String: DebateRecord], edits: [CommitmentEditRecord] = []
    ) {
        self.edits = edits
        self.citation = Citation(commitment, debate: debate)
        self.government = Administrations.byId(commitment.government)
        self.commitment = commitment
        self.debate = debate
        self.request = request
        self.statusEvents = statusEvents
        self.notes = notes
        self.changes = changes
        self.links = links
        self.linkedDebates = linkedDebates
    }
}

/// What adding one debate did.
public enum AddOutcome: Sendable, Hashable {
    /// A debate the register did not have.
    case added(debateId: String, commitments: Int, links: Int)
    /// This exact page was already in the register.
    case unchanged(debateId: String)
    /// A new version of a debate the register had.
    case revised(debateId: String, revision: Int, changes: RevisionSummary, links: Int)
    /// This exact page was in the register and was analysed again (`register add --reanalyse`).
    case reanalysed(debateId: String, changes: RevisionSummary, links: Int)
}

/// How a revised page changed a debate's commitments.
public struct RevisionSummary: Sendable, Hashable, Codable {
    /// New commitments in the revised text.
    public var added: Int
    /// Commitments whose words changed; they keep their ids.
    public var reworded: Int
    /// In the register, absent from the revised text: marked, not deleted.
    public var missing: Int
    /// Commitments missing from an earlier revision that this one has again.
    public var restored: Int
    /// Timing or speaker changed.
    public var otherwiseChanged: Int
    /// Fields people edited whose edit was applied again over the new reading.
    public var editsKept: Int
    /// Of those, the ones the page now reads otherwise than before and otherwise than the edit.
    public var disagreements: Int

    /// Creates a summary; every count left out is zero.
    public init(
        added: Int = 0, reworded: Int = 0, missing: Int = 0, restored: Int = 0, otherwiseChanged: Int = 0,
        editsKept: Int = 0, disagreements: Int = 0
    ) {
        self.added = added
        self.reworded = reworded
        self.missing = missing
        self.restored = restored
        self.otherwiseChanged = otherwiseChanged
        self.editsKept = editsKept
        self.disagreements = disagreements
    }
}
