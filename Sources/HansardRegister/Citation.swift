import Foundation
import HansardIngestion

/// Where a commitment can be read and how to cite it: "HL Deb 8 March 2023, vol 828, col 1234", the debate's
/// title (or, for a page holding a whole sitting, its own heading), and a link to the contribution.
public struct Citation: Sendable, Hashable, Codable {
    /// The Official Report citation, for example "HC Deb 15 June 2022, vol 716, col 271".
    public var text: String
    /// The debate's title as a citation gives it.
    public var title: String
    /// The headings the contribution falls under, when the page has them.
    public var heading: String?
    /// The volume of the Official Report, when the page gives it.
    public var volume: String?
    /// The column the contribution starts in, with its series suffix ("71WH", "21WS") where the page has one.
    public var column: String?
    /// The page's own id for the contribution.
    public var contributionId: String?
    /// The page the debate can be read on: its canonical URL, or TheyWorkForYou's page of the sitting.
    public var pageURL: String?
    /// The contribution itself: the page's URL and the contribution's anchor (hansard.parliament.uk,
    /// publications.parliament.uk), the column's anchor (historic Hansard), or TheyWorkForYou's page of the
    /// speech (ParlParse).
    public var link: String?

    /// A citation with every part given.
    public init(
        text: String, title: String, heading: String?, volume: String?, column: String?, contributionId: String?,
        pageURL: String?, link: String?
    ) {
        self.text = text
        self.title = title
        self.heading = heading
        self.volume = volume
        self.column = column
        self.contributionId = contributionId
        self.pageURL = pageURL
        self.link = link
    }

    /// The citation of `commitment`, made in `debate`.
    public init(_ commitment: CommitmentRecord, debate: DebateRecord?) {
        self.init(
            commitment, debateTitle: debate?.title, url: debate?.url, volume: debate?.volume, format: debate?.format,
            house: debate?.house, date: debate?.date)
    }

    /// The citation from the debate's facts the list query reads alongside the commitment.
    init(
        _ commitment: CommitmentRecord, debateTitle: String?, url: String?, volume: String?, format: String?,
        house: House?, date: SittingDate?
    ) {
        let format = format.flatMap(InputFormat.init(rawValue:))
        let column = Self.column(commitment.startColumn, contributionId: commitment.contributionId, format: format)
        var parts: [String] = []
        let house = commitment.house ?? house
        let prefix = house == .lords ? "HL Deb" : house == .commons ? "HC Deb" : "Deb"
        let date = commitment.debateDate ?? date
        parts.append(prefix + (date.map { " " + $0.spelledOut } ?? ""))
        let volume = volume.flatMap { $0.isEmpty ? nil : $0 }
        if let volume { parts.append("vol \(volume)") }
        if let column { parts.append("col \(column)") }
        self.init(
            text: parts.joined(separator: ", "), title: commitment.debateTitle ?? debateTitle ?? commitment.debateId,
            heading: commitment.heading, volume: volume, column: column, contributionId: commitment.contributionId,
            pageURL: Self.pageURL(url: url, date: date, format: format, contributionId: commitment.contributionId),
            link: Self.link(
                url: url, format: format, column: commitment.startColumn, contributionId: commitment.contributionId))
    }

    /// The column with the suffix of its series when a ParlParse page leaves it off: Westminster Hall "WH",
    /// written statements "WS", written answers "W".
    static func column(_ column: String?, contributionId: String?, format: InputFormat?) -> String? {
        guard let column, !column.isEmpty else { return nil }
        guard format == .parlParseXML, column.allSatisfy(\.isNumber), let kind = parlParseKind(contributionId) else {
            return column
        }
        switch kind {
        case "westminhall": return column + "WH"
        case "wms": return column + "WS"
        case "wrans": return column + "W"
        default: return column
        }
    }

    /// "debate" in "uk.org.publicwhip/debate/2023-03-28d.809.7".
    static func parlParseKind(_ id: String?) -> String? {
        guard let id, id.hasPrefix(parlParsePrefix) else { return nil }
        let rest = id.utf8.dropFirst(parlParsePrefix.utf8.count)
        guard let slash = rest.firstIndex(of: UInt8(ascii: "/")) else { return nil }
        return String(decoding: rest[..<slash], as: UTF8.self)
    }

    static let parlParsePrefix = "uk.org.publicwhip/"

    /// "2023-03-28d.809.7" in "uk.org.publicwhip/debate/2023-03-28d.809.7".
    static func parlParseSpeech(_ id: String) -> String? {
        guard let slash = id.utf8.lastIndex(of: UInt8(ascii: "/")) else { return nil }
        let tail = String(decoding: id.utf8[id.utf8.index(after: slash)...], as: UTF8.self)
        return tail.isEmpty ? nil : tail
    }

    /// TheyWorkForYou's section for each kind of ParlParse id.
    static let theyWorkForYouSections = [
        "debate": "debates", "lords": "lords", "westminhall": "whall", "wms": "wms", "wrans": "wrans",
    ]

    static func pageURL(url: String?, date: SittingDate?, format: InputFormat?, contributionId: String?) -> String? {
        if let url = webLink(url) { return url }
        if format == .parlParseXML, let kind = parlParseKind(contributionId),
            let section = theyWorkForYouSections[kind], let date
        {
            return "https://www.theyworkforyou.com/\(section)/?d=\(date)"
        }
        return nil
    }

    static func link(url: String?, format: InputFormat?, column: String?, contributionId: String?) -> String? {
        let page = webLink(url)
        switch format {
        case .hansardHTML:
            guard let page else { return nil }
            guard let id = contributionId, isAnchor(id) else { return page }
            return page + "#contribution-" + id
        case .historicHansardHTML:
            guard let page else { return nil }
            if let column, let number = column.split(whereSeparator: { !$0.isNumber }).first {
                return page + "#column_" + number
            }
            if let id = contributionId, isAnchor(id) { return page + "#" + id }
            return page
        case .publicationsHTML:
            guard let page else { return nil }
            guard let id = contributionId, isAnchor(id) else { return page }
            return page + "#" + id
        case .parlParseXML:
            guard let id = contributionId, let kind = parlParseKind(id), let section = theyWorkForYouSections[kind],
                let speech = parlParseSpeech(id), isAnchor(speech)
            else { return page }
            return "https://www.theyworkforyou.com/\(section)/?id=\(speech)"
        default:
            return page
        }
    }

    /// An id safe to put in a URL as it stands: ASCII letters, digits and `-._`. (A byte scan: lists build a
    /// citation per row.)
    static func isAnchor(_ id: String) -> Bool {
        !id.isEmpty
            && id.utf8.allSatisfy { byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                    || byte == 0x2D || byte == 0x2E || byte == 0x5F
            }
    }

    /// The URL when it is a plain http(s) link, with nothing in it that would end an attribute or a line.
    static func webLink(_ url: String?) -> String? {
        guard let url, !url.isEmpty else { return nil }
        let bytes = url.utf8
        let lower = bytes.prefix(8).map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        guard lower.starts(with: Array("https://".utf8)) || lower.starts(with: Array("http://".utf8)),
            !bytes.contains(where: { $0 <= 0x20 || $0 == 0x22 || $0 == 0x3C || $0 == 0x3E || $0 == 0x7F })
        else { return nil }
        return url
    }

}

/// What the register reads off a debate for its commitments' citations.
enum CitationFacts {
    /// The formats whose page is a whole day's sitting, so a commitment's debate is its heading, not the page's
    /// title ("House of Commons debates, 28 March 2023").
    static func isWholeSitting(_ debate: Debate) -> Bool {
        switch debate.source.format {
        case .parlParseXML, .historicHansardXML: return true
        case .publicationsHTML: return debate.metadata.title.contains("Hansard for")
        default: return false
        }
    }

    /// The headings a turn falls under: its section, after the nearest major heading above it when the section is
    /// a minor one ("Justice: Prison Education").
    static func heading(of turn: Turn, in debate: Debate) -> String? {
        let sections = debate.metadata.sections
        guard let index = turn.section, sections.indices.contains(index) else { return nil }
        let own = sections[index]
        let title = own.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { return nil }
        if own.level > 1, let major = sections[..<index].last(where: { $0.level < own.level }) {
            let majorTitle = major.title.trimmingCharacters(in: .whitespacesAndNewlines)
            if !majorTitle.isEmpty && majorTitle != title { return majorTitle + ": " + title }
        }
        return title
    }

    /// The title a commitment's citation gives: the page's, or the heading for a whole sitting.
    static func title(of turn: Turn?, in debate: Debate) -> String {
        if isWholeSitting(debate), let turn, let heading = heading(of: turn, in: debate) { return heading }
        return debate.metadata.title
    }
}
