public import HansardIngestion

/// TheyWorkForYou's bulk Hansard: the ParlParse XML that mySociety publishes, one file a sitting day per
/// kind of business, under `https://www.theyworkforyou.com/pwdata/scrapedxml/`.
///
/// Each folder has a listing of its files, named by kind, date and revision letter: `debates2009-10-27a.xml`,
/// then `debates2009-10-27b.xml` when the day was reissued. The newest letter is the one read.
public enum TheyWorkForYou {
    /// Where the day files are.
    public static let root = "/pwdata/scrapedxml/"
    static let host = "www.theyworkforyou.com"

    /// The address of a kind's folder listing.
    public static func listing(_ kind: DayFileKind) -> WebAddress {
        WebAddress(host: host, pathAndQuery: root + kind.folder + "/")
    }

    /// The day files a folder listing names, in the order listed.
    ///
    /// Links to other things (parent folder, sort orders, other kinds) are passed over.
    /// - Throws: ``IngestionError`` when the listing is not readable HTML.
    public static func dayFiles(inListing bytes: [UInt8], kind: DayFileKind, url: String) throws(IngestionError)
        -> [DayFile]
    {
        var seen = Set<DayFile>()
        var files: [DayFile] = []
        for href in try PageLinks.hrefs(inHTML: bytes, path: url) {
            var name = Substring(href)
            if let query = name.firstIndex(where: { $0 == "?" || $0 == "#" }) { name = name[..<query] }
            if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
            if let file = DayFile(name: String(name), kind: kind), seen.insert(file).inserted { files.append(file) }
        }
        return files
    }

    /// For each kind and day from `first` through `last`, the file with the newest revision, by date and then by
    /// kind.
    public static func newestRevisions(
        _ files: [DayFile], from first: SittingDate, through last: SittingDate
    ) -> [DayFile] {
        var newest: [String: DayFile] = [:]
        for file in files where file.date >= first && file.date <= last {
            let key = file.kind.rawValue + " " + file.date.description
            if let known = newest[key], !(known.revisionOrder < file.revisionOrder) { continue }
            newest[key] = file
        }
        return newest.values.sorted {
            ($0.date, $0.kind.order) < ($1.date, $1.kind.order)
        }
    }

    /// The day file a TheyWorkForYou debate page is made from: `/debates/?id=2009-10-28c.301.0` is in
    /// `debates2009-10-28c.xml`.
    ///
    /// hansard reads the whole sitting day from it.
    static func dayFile(forPage address: WebAddress) -> DayFile? {
        let path = address.pathAndQuery
        guard let question = path.firstIndex(of: "?") else { return nil }
        let section = path[..<question].split(separator: "/").first.map(String.init) ?? ""
        let kinds: [String: DayFileKind] = [
            "debates": .debates, "whall": .westminsterHall, "wms": .writtenStatements, "wrans": .writtenAnswers,
            "lords": .lords,
        ]
        guard let kind = kinds[section] else { return nil }
        for pair in path[path.index(after: question)...].split(separator: "&") {
            guard pair.hasPrefix("id=") else { continue }
            // "2009-10-28c.301.0": the date, the revision letters, then the item.
            let id = pair.dropFirst(3).prefix(while: { $0 != "." })
            return DayFile(name: kind.prefix + id + ".xml", kind: kind)
        }
        return nil
    }
}

/// The kinds of day file TheyWorkForYou publishes, each in a folder of its own.
public enum DayFileKind: String, CaseIterable, Sendable, Hashable {
    /// Commons chamber debates: `debates/debates2009-10-27a.xml`.
    case debates
    /// Westminster Hall: `westminhall/westminster2009-10-28a.xml`.
    case westminsterHall = "westminhall"
    /// Commons written ministerial statements: `wms/ministerial2009-10-29a.xml`.
    case writtenStatements = "wms"
    /// Commons written answers: `wrans/answers2009-10-27a.xml`.
    case writtenAnswers = "wrans"
    /// Lords chamber debates: `lordspages/daylord2009-10-27a.xml`.
    case lords = "lordspages"
    /// Lords written statements: `lordswms/lordswms2009-10-27a.xml`.
    case lordsWrittenStatements = "lordswms"
    /// Lords written answers: `lordswrans/lordswrans2009-10-27a.xml`.
    case lordsWrittenAnswers = "lordswrans"

    /// The folder under `scrapedxml/`.
    public var folder: String { rawValue }

    /// The start of each file name in the folder.
    public var prefix: String {
        switch self {
        case .debates: "debates"
        case .westminsterHall: "westminster"
        case .writtenStatements: "ministerial"
        case .writtenAnswers: "answers"
        case .lords: "daylord"
        case .lordsWrittenStatements: "lordswms"
        case .lordsWrittenAnswers: "lordswrans"
        }
    }

    /// The House the kind belongs to (Westminster Hall sittings are the Commons').
    public var house: House {
        switch self {
        case .debates, .westminsterHall, .writtenStatements, .writtenAnswers: .commons
        case .lords, .lordsWrittenStatements, .lordsWrittenAnswers: .lords
        }
    }

    var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

/// One of TheyWorkForYou's day files: a kind, a sitting day and a revision letter.
public struct DayFile: Sendable, Hashable {
    /// Which series the file belongs to: Commons debates, Westminster Hall, written answers and so on.
    public let kind: DayFileKind
    /// The sitting day, yyyy-MM-dd.
    public let date: SittingDate
    /// The revision letter: `a` first, then `b`, `c` and so on.
    public let revision: String

    /// Reads a file name such as `debates2009-10-27a.xml`; nil for anything else.
    public init?(name: String, kind: DayFileKind) {
        guard name.hasPrefix(kind.prefix), name.hasSuffix(".xml") else { return nil }
        let stem = name.dropFirst(kind.prefix.count).dropLast(4)
        let revision = stem.dropFirst(10)
        guard let date = SittingDate(String(stem.prefix(10))), !revision.isEmpty, revision.count <= 3,
            revision.allSatisfy({ $0.isASCII && $0.isLowercase })
        else { return nil }
        self.kind = kind
        self.date = date
        self.revision = String(revision)
    }

    /// The file's name in its folder.
    public var name: String { kind.prefix + date.description + revision + ".xml" }

    /// Where the file is.
    public var address: WebAddress {
        WebAddress(host: TheyWorkForYou.host, pathAndQuery: TheyWorkForYou.root + kind.folder + "/" + name)
    }

    /// `z` comes before `aa`.
    var revisionOrder: (Int, String) { (revision.count, revision) }
}
