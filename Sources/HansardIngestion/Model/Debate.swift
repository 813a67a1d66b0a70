/// A debate read from a saved page: where it came from, what it is, and who said what.
///
/// Encodes to the `hansard.debate/1` JSON schema documented in `docs/schemas/debate.md`.
public struct Debate: Sendable, Hashable, Codable {
    /// The schema identifier written into every JSON encoding.
    public static let schemaIdentifier = "hansard.debate/1"

    /// The file the debate was read from.
    public var source: SourceInfo
    /// Title, house, date and the other facts printed at the head of the page.
    public var metadata: DebateMetadata
    /// Every contribution and procedural item, in page order.
    public var turns: [Turn]

    /// Creates a debate from its source, head-of-page facts and turns.
    public init(source: SourceInfo, metadata: DebateMetadata, turns: [Turn]) {
        self.source = source
        self.metadata = metadata
        self.turns = turns
    }

    /// The turns that are speeches (not procedural items).
    public var speeches: [Turn] { turns.filter { $0.kind == .speech } }

    private enum CodingKeys: String, CodingKey {
        case schema, source, debate, turns
    }

    /// Decodes a `hansard.debate/1` document, refusing one that declares another schema.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try container.checkSchema(.schema, expected: Self.schemaIdentifier)
        source = try container.decode(SourceInfo.self, forKey: .source)
        metadata = try container.decode(DebateMetadata.self, forKey: .debate)
        turns = try container.decode([Turn].self, forKey: .turns)
    }

    /// Encodes the debate as `hansard.debate/1`, the schema identifier first.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.schemaIdentifier, forKey: .schema)
        try container.encode(source, forKey: .source)
        try container.encode(metadata, forKey: .debate)
        try container.encode(turns, forKey: .turns)
    }
}

/// The file a debate was read from.
public struct SourceInfo: Sendable, Hashable, Codable {
    /// The path as the user gave it.
    public var path: String
    /// The format the page was read as.
    public var format: InputFormat
    /// Lower-case hex SHA-256 of the file's bytes: the identity of this exact page.
    public var sha256: String
    /// The file's size in bytes.
    public var bytes: Int

    /// Describes a file that has been read.
    public init(path: String, format: InputFormat, sha256: String, bytes: Int) {
        self.path = path
        self.format = format
        self.sha256 = sha256
        self.bytes = bytes
    }
}

/// The kinds of saved page hansard can read.
public enum InputFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// A hansard.parliament.uk debate page (Commons or Lords, modern or archive content).
    case hansardHTML = "hansard-html"
    /// An api.parliament.uk/historic-hansard section page.
    case historicHansardHTML = "historic-hansard-html"
    /// A publications.parliament.uk daily part (Commons, Lords or Westminster Hall).
    case publicationsHTML = "publications-html"
    /// TheyWorkForYou/ParlParse "publicwhip" XML.
    case parlParseXML = "parlparse-xml"
    /// The historic Hansard source XML (Millbank Systems): `<housecommons>`, `<writtenanswers>` and the like.
    case historicHansardXML = "historic-hansard-xml"
    /// A page a browser saved as plain text, where speaker names may be gone.
    case plainText = "text"
}

/// The House a debate took place in.
///
/// Westminster Hall sittings belong to the Commons.
public enum House: String, Sendable, Hashable, Codable, CaseIterable {
    case commons
    case lords
}

/// The facts printed at the head of a debate page.
public struct DebateMetadata: Sendable, Hashable, Codable {
    /// The debate's title as the page prints it.
    public var title: String
    /// The House, when the page says.
    public var house: House?
    /// The sitting date (written `yyyy-MM-dd`).
    public var date: SittingDate?
    /// The volume of the Official Report, for example "828".
    public var volume: String?
    /// The kind of business, for example "Oral Answers to Questions", "Lords Chamber", "Westminster Hall".
    public var type: String?
    /// The canonical URL of the page (og:url or the equivalent), when known.
    public var url: String?
    /// The section headings in page order; turns point into this list by index.
    public var sections: [Section]

    /// Creates the head-of-page facts; only the title is required.
    public init(
        title: String, house: House? = nil, date: SittingDate? = nil, volume: String? = nil,
        type: String? = nil, url: String? = nil, sections: [Section] = []
    ) {
        self.title = title
        self.house = house
        self.date = date
        self.volume = volume
        self.type = type
        self.url = url
        self.sections = sections
    }

    private enum CodingKeys: String, CodingKey {
        case title, house, date, volume, type, url, sections
    }
}

/// A heading inside a debate page.
///
/// On an oral-questions page each question is a section.
public struct Section: Sendable, Hashable, Codable {
    /// Position in `DebateMetadata.sections`.
    public var index: Int
    /// The heading text.
    public var title: String
    /// 1 for a major heading, 2 for a heading beneath it.
    public var level: Int

    /// Creates a heading at `index` in the page's list of sections.
    public init(index: Int, title: String, level: Int = 1) {
        self.index = index
        self.title = title
        self.level = level
    }
}

/// Whether a turn is somebody speaking or an item of procedure.
public enum TurnKind: String, Sendable, Hashable, Codable {
    case speech
    /// Suspensions, divisions, bills presented, stage directions: no speaker.
    case procedural
}

/// The part a speaker plays in the debate.
public enum SpeakerRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// A backbench or opposition member.
    case member
    /// A member answering for the government.
    case minister
    /// The Speaker, the Lord Speaker, a deputy or a chairman in the chair.
    case chair
    /// Not known.
    case unknown
}

/// Where a turn's speaker came from.
public enum Attribution: String, Sendable, Hashable, Codable {
    /// The page names the speaker.
    case page
    /// The page lost the speaker; hansard inferred the role from the text.
    case inferred
}

/// A member as the page names them.
public struct Speaker: Sendable, Hashable, Codable {
    /// The name as printed.
    ///
    /// For example "Baroness Neville-Rolfe" or "Mr. Heath".
    public var name: String
    /// The member id the page links to (hansard.parliament.uk member id or ParlParse person id).
    public var memberId: String?
    /// The party abbreviation when the page gives one, for example "Con".
    public var party: String?
    /// The office line, for example "The Minister of State, Cabinet Office".
    public var office: String?
    /// The constituency when the page gives one.
    public var constituency: String?

    /// Creates a speaker; only the name is required.
    public init(
        name: String, memberId: String? = nil, party: String? = nil, office: String? = nil,
        constituency: String? = nil
    ) {
        self.name = name
        self.memberId = memberId
        self.party = party
        self.office = office
        self.constituency = constituency
    }

    private enum CodingKeys: String, CodingKey {
        case name, memberId, party, office, constituency
    }
}

/// One contribution or procedural item.
public struct Turn: Sendable, Hashable, Codable {
    /// Position in `Debate.turns`, from 0.
    public var index: Int
    /// Index into `DebateMetadata.sections` of the heading this turn falls under.
    public var section: Int?
    /// Whether this is a speech or an item of procedure.
    public var kind: TurnKind
    /// The speaker, or nil for procedural items and where the page lost the name.
    public var speaker: Speaker?
    /// The part the speaker plays: member, minister, chair or unknown.
    public var role: SpeakerRole
    /// How sure the role is, from 0 to 1.
    ///
    /// 1 where the page states it.
    public var roleConfidence: Double
    /// The clues the role was inferred from, in words; empty where the page states it.
    public var roleEvidence: [String]
    /// Whether the page named the speaker or hansard inferred the role.
    public var attribution: Attribution
    /// The paragraphs of the contribution, text kept exactly as printed.
    public var paragraphs: [String]
    /// The column of the Official Report the turn starts in, for example "1234" or "89WS".
    public var column: String?
    /// The time stamp printed before the turn, for example "11:30" or "3.31 pm".
    public var time: String?
    /// The page's own id for the contribution.
    public var contributionId: String?

    /// Creates a turn; evidence, column, time and contribution id may be left out.
    public init(
        index: Int, section: Int?, kind: TurnKind, speaker: Speaker?, role: SpeakerRole,
        roleConfidence: Double, roleEvidence: [String] = [], attribution: Attribution,
        paragraphs: [String], column: String? = nil, time: String? = nil,
        contributionId: String? = nil
    ) {
        self.index = index
        self.section = section
        self.kind = kind
        self.speaker = speaker
        self.role = role
        self.roleConfidence = roleConfidence
        self.roleEvidence = roleEvidence
        self.attribution = attribution
        self.paragraphs = paragraphs
        self.column = column
        self.time = time
        self.contributionId = contributionId
    }

    /// The paragraphs joined by blank lines.
    public var text: String { paragraphs.joined(separator: "\n\n") }

    private enum CodingKeys: String, CodingKey {
        case index, section, kind, speaker, role, roleConfidence, roleEvidence, attribution,
            paragraphs, column, time, contributionId
    }

    /// Decodes a turn; a missing `roleEvidence` reads as empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        index = try container.decode(Int.self, forKey: .index)
        section = try container.decodeIfPresent(Int.self, forKey: .section)
        kind = try container.decode(TurnKind.self, forKey: .kind)
        speaker = try container.decodeIfPresent(Speaker.self, forKey: .speaker)
        role = try container.decode(SpeakerRole.self, forKey: .role)
        roleConfidence = try container.decode(Double.self, forKey: .roleConfidence)
        roleEvidence = try container.decodeIfPresent([String].self, forKey: .roleEvidence) ?? []
        attribution = try container.decode(Attribution.self, forKey: .attribution)
        paragraphs = try container.decode([String].self, forKey: .paragraphs)
        column = try container.decodeIfPresent(String.self, forKey: .column)
        time = try container.decodeIfPresent(String.self, forKey: .time)
        contributionId = try container.decodeIfPresent(String.self, forKey: .contributionId)
    }
}
