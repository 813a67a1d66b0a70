/// Reads hansard.parliament.uk debate pages as a browser saves them: Commons and Lords, modern pages and
/// pages "created from Hansard archive content".
///
/// The page is walked once. Chrome (header, navigation, share bars, scripts, footer) is skipped whole, so
/// only the hero banner, the breadcrumb and the debate items are read.
enum HansardPageReader: MarkupFormatReader {
    static let format = InputFormat.hansardHTML

    /// True when the page's `og:url` is a hansard.parliament.uk debate URL
    /// (`/Commons|Lords/yyyy-MM-dd/debates/…`). Search results, member pages, historic Hansard and
    /// publications.parliament.uk pages have other URLs. Only `<head>` is read.
    static func recognises(_ root: MarkupNode) -> Bool {
        guard let url = openGraphURL(root), let parts = HansardURL(url) else { return false }
        return parts.isDebate
    }

    static func read(_ root: MarkupNode, report: MarkupParseReport, path: String) throws(IngestionError)
        -> DebateContent
    {
        let pageURL = openGraphURL(root).flatMap(HansardURL.init)
        var walker = PageWalker()
        if let body = root.children.first(where: { $0.isElement("body") }) {
            walker.walk(body)
        }
        guard walker.turns.contains(where: { $0.kind == .speech }) else {
            let title = walker.title ?? pageTitle(root) ?? "untitled"
            let kind = pageURL.map { $0.isDebate ? "debate page" : "page (\($0.path))" } ?? "page"
            throw .notADebate(
                path: path,
                reason: "this hansard.parliament.uk \(kind) \"\(title)\" holds no member contributions;"
                    + " open the debate itself (a /Commons/… or /Lords/…/debates/… page with speeches) and save it again")
        }

        var turns = walker.turns
        SpeakerResolution.resolve(&turns)
        for index in turns.indices { turns[index].index = index }

        let hero = walker.heroSubtitle.map(HeroLine.init)
        let house = pageURL?.house ?? walker.bodyHouse
        let metadata = DebateMetadata(
            title: walker.title ?? pageTitle(root) ?? "",
            house: house,
            date: pageURL?.date ?? hero?.date,
            volume: hero?.volume,
            type: debateType(crumbs: walker.crumbs),
            url: pageURL?.canonical,
            sections: walker.sections)
        return DebateContent(metadata: metadata, turns: turns)
    }

    // MARK: - Head

    /// The `og:url` meta value, read from `<head>` only.
    private static func openGraphURL(_ root: MarkupNode) -> String? {
        guard let head = root.children.first(where: { $0.isElement("head") }) else { return nil }
        for node in head.children where node.isElement("meta") {
            if node.attribute("property") == "og:url", let content = node.attribute("content") {
                return content.trimmingASCIIWhitespace()
            }
        }
        return nil
    }

    /// The `<title>` without the site suffix.
    private static func pageTitle(_ root: MarkupNode) -> String? {
        guard let head = root.children.first(where: { $0.isElement("head") }),
            let title = head.children.first(where: { $0.isElement("title") })
        else { return nil }
        var text = title.foldedText
        for suffix in [" - Hansard - UK Parliament", " - Hansard"] where text.hasSuffix(suffix) {
            text.removeLast(suffix.count)
            break
        }
        return text.isEmpty ? nil : text
    }

    // MARK: - Debate type

    /// Business headings that are a kind of business rather than a debate's own subject.
    private static let businessTypes: Set<String> = [
        "oral answers to questions", "written statements", "written answers", "written ministerial statements",
        "petitions", "prayers", "business of the house", "point of order", "points of order",
        "business without debate", "deferred divisions", "ministerial corrections", "urgent question",
        "bills presented", "arrangement of business",
    ]

    /// The breadcrumb names the sitting place ("Commons Chamber", "Lords Chamber", "Westminster Hall",
    /// "Grand Committee") and then the business the page belongs to.
    private static func debateType(crumbs: [String]) -> String? {
        guard let place = crumbs.firstIndex(where: isSittingPlace) else { return nil }
        let below = crumbs[(place + 1)...]
        if below.count >= 2 { return below.first }
        if let only = below.first, businessTypes.contains(only.lowercased()) { return only }
        return crumbs[place]
    }

    private static func isSittingPlace(_ crumb: String) -> Bool {
        let lower = crumb.lowercased()
        return lower.hasSuffix(" chamber") || lower == "westminster hall" || lower == "grand committee"
            || (lower.hasPrefix("general") && lower.hasSuffix(" committee"))
    }
}

// MARK: - URL

/// The parts of a hansard.parliament.uk URL.
struct HansardURL {
    var path: String
    var house: House?
    var date: String?
    var isDebate: Bool
    /// The URL with the doubled slash the site prints after the host removed.
    var canonical: String

    init?(_ url: String) {
        var rest = Substring(url)
        if rest.hasPrefix("https://") {
            rest = rest.dropFirst(8)
        } else if rest.hasPrefix("http://") {
            rest = rest.dropFirst(7)
        } else {
            return nil
        }
        let host = rest.prefix(while: { $0 != "/" && $0 != "?" && $0 != "#" })
        let hostName = host.lowercased()
        guard hostName == "hansard.parliament.uk" || hostName == "www.hansard.parliament.uk" else { return nil }
        let tail = rest.dropFirst(host.count)
        let pathEnd = tail.firstIndex(where: { $0 == "?" || $0 == "#" }) ?? tail.endIndex
        let segments = tail[..<pathEnd].split(separator: "/")
        path = "/" + segments.joined(separator: "/")
        canonical = "https://\(hostName)\(path)\(tail[pathEnd...])"
        switch segments.first?.lowercased() {
        case "commons": house = .commons
        case "lords": house = .lords
        default: house = nil
        }
        date = segments.count > 1 && Self.isISODate(segments[1]) ? String(segments[1]) : nil
        isDebate = house != nil && date != nil && segments.count > 3 && segments[2].lowercased() == "debates"
    }

    private static func isISODate(_ text: Substring) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return false }
        return bytes.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || ($0.element >= 0x30 && $0.element <= 0x39) }
    }
}

/// "Volume 716: debated on Wednesday 15 June 2022".
struct HeroLine {
    var volume: String?
    var date: String?

    init(_ line: String) {
        let words = line.split(separator: " ")
        if let at = words.firstIndex(where: { $0.lowercased() == "volume" }), at + 1 < words.count {
            let number = words[at + 1].filter { $0 != ":" }
            volume = number.isEmpty ? nil : String(number)
        }
        // The last three words are day, month name, year.
        if words.count >= 3, let day = Int(words[words.count - 3]), let year = Int(words[words.count - 1]),
            let month = Self.months.firstIndex(of: words[words.count - 2].lowercased())
        {
            date = "\(Self.pad(year, 4))-\(Self.pad(month + 1, 2))-\(Self.pad(day, 2))"
        }
    }

    private static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

// MARK: - The walk

/// One pass over `<body>`, collecting the hero banner, breadcrumb, sections and turns.
private struct PageWalker {
    var title: String?
    var heroSubtitle: String?
    var crumbs: [String] = []
    var bodyHouse: House?
    var sections: [Section] = []
    var turns: [Turn] = []

    /// Index of the heading the walk is under.
    private var currentSection: Int?
    /// How deep `child-debate` blocks nest here: the level of a heading met now.
    private var depth = 0
    private var column: String?
    /// Turns read before the first column marker; they get the column before it.
    private var awaitingFirstColumn: [Int] = []
    /// A printed time stamp item waiting for the turn it stands before.
    private var pendingTime: String?
    /// An honorific the archive conversion split off a speaker's name ("Mr." then "Lawson").
    private var pendingNamePrefix: String?

    mutating func walk(_ body: MarkupNode) {
        if let classes = body.attribute("class") {
            let names = ClassList(classes)
            if names.contains("brand-lords") { bodyHouse = .lords }
            if names.contains("brand-commons") { bodyHouse = .commons }
        }
        visitChildren(of: body)
    }

    private mutating func visitChildren(of node: MarkupNode) {
        var child = node.firstChild
        while let current = child {
            if current.isElement { visit(current) }
            child = current.nextSibling
        }
    }

    private mutating func visit(_ node: MarkupNode) {
        if node.isElement("div") {
            visitDivision(node)
            return
        }
        if node.isElement("script") || node.isElement("style") || node.isElement("noscript")
            || node.isElement("svg") || node.isElement("header") || node.isElement("footer")
            || node.isElement("iframe") || node.isElement("template") || node.isElement("form")
        {
            return
        }
        if node.isElement("span") {
            noteColumnMarker(node)
            return
        }
        visitChildren(of: node)
    }

    private mutating func visitDivision(_ node: MarkupNode) {
        guard let classes = node.attribute("class"), !classes.isEmpty else {
            visitChildren(of: node)
            return
        }
        let names = ClassList(classes)
        if names.contains("contribution") {
            readContribution(node)
        } else if names.contains("debate-item") {
            readDebateItem(node, names)
        } else if names.contains("child-debate") {
            readChildDebate(node)
        } else if names.contains("hero-banner") {
            readHero(node)
        } else if names.contains("breadcrumb") {
            readBreadcrumb(node)
        } else if names.contains("share-bar") || names.contains("secondary-content") || names.contains("actions")
            || names.contains("alert-area") || names.contains("attention-banner")
            || names.contains("highlightedSearchTerms")
        {
            return
        } else {
            visitChildren(of: node)
        }
    }

    // MARK: Page head

    private mutating func readHero(_ node: MarkupNode) {
        if title == nil, let heading = node.firstElement(where: { $0.isElement("h1") }) {
            let text = heading.foldedText
            if !text.isEmpty { title = text }
        }
        if heroSubtitle == nil, let subtitle = node.firstElement(where: { $0.isElement("h2") }) {
            heroSubtitle = subtitle.foldedText
        }
    }

    private mutating func readBreadcrumb(_ node: MarkupNode) {
        guard crumbs.isEmpty else { return }
        for item in node.elements(where: { $0.isElement("li") }) {
            let text = item.foldedText
            if !text.isEmpty { crumbs.append(text) }
        }
    }

    // MARK: Sections

    private mutating func readChildDebate(_ node: MarkupNode) {
        let outerSection = currentSection
        depth += 1
        var child = node.firstChild
        while let current = child {
            if current.isElement("h2") || current.isElement("h3") {
                let text = current.foldedText
                if !text.isEmpty {
                    sections.append(Section(index: sections.count, title: text, level: depth))
                    currentSection = sections.count - 1
                }
            } else if current.isElement {
                visit(current)
            }
            child = current.nextSibling
        }
        depth -= 1
        currentSection = outerSection
    }

    // MARK: Debate items

    private mutating func readDebateItem(_ node: MarkupNode, _ names: ClassList) {
        if names.contains("debate-item-contributiondebateitem") || names.contains("debate-item-columnnumber") {
            visitChildren(of: node)
        } else {
            readOtherItem(node)
        }
    }

    /// A non-contribution item: a stage note, a division, a question number or a time stamp.
    private mutating func readOtherItem(_ node: MarkupNode) {
        var identifier: String?
        var holder = node
        if let inner = node.firstElement(where: { $0.isElement("div") && $0.attribute("id") != nil }) {
            holder = inner
            if let id = inner.attribute("id") { identifier = Self.contributionID(id) }
        }
        let columnBefore = column
        var flow = TextFlow()
        flow.collect(holder)
        let paragraphs = flow.paragraphs
        guard !paragraphs.isEmpty else {
            noteColumns(flow.columns)
            return
        }
        let whole = paragraphs.joined(separator: " ")
        if paragraphs.count == 1 {
            if QuestionNumber.matches(whole) {
                // The question's heading is already a section; the bare number is a label, not business.
                noteColumns(flow.columns)
                return
            }
            if Self.honorifics.contains(whole) {
                pendingNamePrefix = whole
                noteColumns(flow.columns)
                return
            }
            if Self.isTimeStamp(whole) {
                pendingTime = whole
                noteColumns(flow.columns)
                return
            }
        }
        pendingNamePrefix = nil
        append(
            Turn(
                index: turns.count, section: currentSection, kind: .procedural, speaker: nil, role: .unknown,
                roleConfidence: 0, attribution: .page, paragraphs: paragraphs, column: columnBefore,
                time: takePendingTime(), contributionId: identifier))
        noteColumns(flow.columns)
    }

    private mutating func readContribution(_ node: MarkupNode) {
        var header = SpeakerHeader()
        var content: MarkupNode?
        var tooltipTime: String?
        var child = node.firstChild
        while let current = child {
            if current.isElement("div") {
                let names = ClassList(current.attribute("class") ?? "")
                if names.contains("header") {
                    header.read(current)
                } else if names.contains("content") {
                    content = current
                }
            } else if current.isElement("span"), tooltipTime == nil, let title = current.attribute("title") {
                tooltipTime = Self.tooltipTime(title)
            }
            child = current.nextSibling
        }
        let columnBefore = column
        var flow = TextFlow()
        if let content { flow.collect(content) }

        var identifier = node.attribute("data-contribution-id")
        if identifier == nil, let id = node.attribute("id") { identifier = Self.contributionID(id) }
        if let prefix = pendingNamePrefix {
            header.primary = header.primary.isEmpty ? prefix : "\(prefix) \(header.primary)"
            pendingNamePrefix = nil
        }
        let speaker = header.speaker()
        let role = Roles.role(for: speaker)
        append(
            Turn(
                index: turns.count, section: currentSection, kind: .speech, speaker: speaker, role: role.role,
                roleConfidence: role.confidence, attribution: .page, paragraphs: flow.paragraphs,
                column: columnBefore, time: takePendingTime() ?? tooltipTime, contributionId: identifier))
        noteColumns(flow.columns)
    }

    private mutating func takePendingTime() -> String? {
        defer { pendingTime = nil }
        return pendingTime
    }

    private mutating func append(_ turn: Turn) {
        if turn.column == nil { awaitingFirstColumn.append(turns.count) }
        turns.append(turn)
    }

    /// Column markers met inside an item, in order: later turns start in the last one.
    private mutating func noteColumns(_ markers: [String]) {
        for marker in markers { setColumn(marker) }
    }

    // MARK: Columns

    private mutating func noteColumnMarker(_ node: MarkupNode) {
        guard let number = node.attribute("data-column-number"), !number.isEmpty else { return }
        setColumn(number)
    }

    private mutating func setColumn(_ number: String) {
        if column == nil {
            // A marker says a column starts here, so what came before sat in the column before it.
            let previous = ColumnNumber.previous(number)
            for index in awaitingFirstColumn where turns[index].column == nil {
                turns[index].column = previous
            }
            awaitingFirstColumn = []
        }
        column = number
    }

    // MARK: Small readers

    /// `contribution-488898C9-…` → `488898C9-…`.
    static func contributionID(_ id: String) -> String {
        id.hasPrefix("contribution-") ? String(id.dropFirst("contribution-".count)) : id
    }

    static let honorifics: Set<String> = [
        "Mr.", "Mr", "Mrs.", "Mrs", "Ms", "Ms.", "Miss", "Dr.", "Dr", "Sir", "Dame", "Lord", "Baroness", "Lady",
    ]

    /// "11.30 am", "3.31 pm", "12:00", "11:34".
    static func isTimeStamp(_ text: String) -> Bool {
        var body = Substring(text)
        for suffix in [" am", " pm", " a.m.", " p.m."] where body.hasSuffix(suffix) {
            body = body.dropLast(suffix.count)
            break
        }
        let parts = body.split(whereSeparator: { $0 == "." || $0 == ":" })
        guard parts.count == 2 || parts.count == 3 else { return false }
        return parts.allSatisfy { $0.count <= 2 && $0.allSatisfy(\.isASCIIDigitCharacter) }
    }

    /// "AA-AD hs_Para 15/06/2022 11:34:45" → "11:34:45"; midnight means the page has no time.
    /// Modern pages print no time stamps; this hidden tooltip after each contribution is the only time the
    /// page holds, so it is taken as the turn's time.
    static func tooltipTime(_ title: String) -> String? {
        guard let last = title.split(separator: " ").last, last.count == 8 else { return nil }
        let parts = last.split(separator: ":")
        guard parts.count == 3, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCIIDigitCharacter) }) else {
            return nil
        }
        return last == "00:00:00" ? nil : String(last)
    }
}

extension Character {
    fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}

extension String {
    /// Trims every kind of space at the ends: names sometimes end in an en space ("Sarah Champion\u{2002}").
    fileprivate func trimmingUnicodeSpaces() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
            let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}

/// A `class` attribute, searched for whole tokens without splitting it into an array.
struct ClassList {
    private let value: String

    init(_ attribute: String) { value = attribute }

    var isEmpty: Bool { value.utf8.allSatisfy(\.isASCIIWhitespace) }

    func contains(_ name: String) -> Bool {
        var value = value
        var name = name
        return value.withUTF8 { tokens in
            name.withUTF8 { wanted in
                let count = tokens.count
                var start = 0
                while start < count {
                    while start < count, tokens[start].isASCIIWhitespace { start += 1 }
                    var end = start
                    while end < count, !tokens[end].isASCIIWhitespace { end += 1 }
                    if end - start == wanted.count {
                        var offset = 0
                        while offset < wanted.count, tokens[start + offset] == wanted[offset] { offset += 1 }
                        if offset == wanted.count { return true }
                    }
                    start = end
                }
                return false
            }
        }
    }
}

enum ColumnNumber {
    /// "1033" → "1032"; "89WS" → "88WS". Nil when the number has no digits or is the first column.
    static func previous(_ column: String) -> String? {
        let digits = column.prefix(while: \.isNumber)
        guard let value = Int(digits), value > 1 else { return nil }
        return "\(value - 1)\(column.dropFirst(digits.count))"
    }
}

// MARK: - Speaker header

/// The attribution block of a contribution: `primary-text`, `secondary-text` and the member link.
private struct SpeakerHeader {
    var primary = ""
    var secondary = ""
    var memberId: String?

    mutating func read(_ node: MarkupNode) {
        var child = node.firstChild
        while let current = child {
            if current.isElement("div") {
                let classes = ClassList(current.attribute("class") ?? "")
                if classes.contains("primary-text") {
                    primary = current.foldedText.trimmingUnicodeSpaces()
                } else if classes.contains("secondary-text") {
                    secondary = current.foldedText.trimmingUnicodeSpaces()
                } else if !classes.contains("share") && !classes.contains("share-bar") {
                    read(current)
                }
            } else if current.isElement("a") {
                if memberId == nil, let href = current.attribute("href") { memberId = Self.memberId(in: href) }
                read(current)
            }
            child = current.nextSibling
        }
    }

    /// `/search/MemberContributions?house=Commons&memberId=4424` → "4424".
    static func memberId(in href: String) -> String? {
        guard href.includes("memberId="), let range = href.firstRange(of: "memberId=") else { return nil }
        let digits = href[range.upperBound...].prefix(while: { $0.isASCII && $0.isNumber })
        return digits.isEmpty ? nil : String(digits)
    }

    /// Reads the primary line as an office or a name and the bracketed groups after it.
    func speaker() -> Speaker? {
        guard !primary.isEmpty else { return nil }
        var groups = Self.bracketedGroups(secondary)
        var speaker = Speaker(name: primary, memberId: memberId)
        if Roles.isOfficeLine(primary, hasFollowingName: !groups.isEmpty && !Parties.isParty(groups[0])) {
            speaker.office = primary
            if let first = groups.first, !Parties.isParty(first) {
                speaker.name = first
                groups.removeFirst()
            }
        }
        if let last = groups.last, Parties.isParty(last) {
            speaker.party = last
            groups.removeLast()
        }
        if let first = groups.first { speaker.constituency = first }
        return speaker
    }

    /// "(Glasgow South West) (SNP)" → ["Glasgow South West", "SNP"]; keeps nested brackets whole.
    static func bracketedGroups(_ text: String) -> [String] {
        var groups: [String] = []
        var depth = 0
        var current = ""
        for character in text {
            if character == "(" {
                if depth > 0 { current.append(character) }
                depth += 1
            } else if character == ")" && depth > 0 {
                depth -= 1
                if depth == 0 {
                    let trimmed = current.foldingWhitespace().trimmingUnicodeSpaces()
                    if !trimmed.isEmpty { groups.append(trimmed) }
                    current = ""
                } else {
                    current.append(character)
                }
            } else if depth > 0 {
                current.append(character)
            }
        }
        return groups
    }
}

enum Parties {
    /// Party and group labels hansard.parliament.uk prints after a member's name.
    static let labels: Set<String> = [
        "Con", "Lab", "LD", "SNP", "DUP", "PC", "SDLP", "UUP", "Green", "Alba", "Ind", "Lab/Co-op", "Co-op",
        "Reform", "TUV", "APNI", "Alliance", "SF", "Speaker", "CB", "Crossbench", "Bp", "Non-Afl", "Non-afl",
        "Ind Con", "Ind Lab", "Ind LD", "Ind UU", "Ind SD", "Lib", "UKIP", "Respect", "Plaid Cymru", "LDem",
        "Con Ind", "Lab Ind", "Brexit", "Ind Green", "Lord Speaker", "Deputy Speaker",
    ]

    static func isParty(_ text: String) -> Bool { labels.contains(text) }
}

// MARK: - Roles

enum Roles {
    static func isMinisterialOffice(_ text: String) -> Bool { OfficeTitles.isMinisterial(text) }

    /// The Speaker, a Deputy Speaker, the Lord Speaker, the Chairman of Ways and Means or of Committees, or
    /// the chairman of a committee of the whole House. Not the chair of a select committee ("The Chair of the
    /// Public Accounts Committee") nor the Speaker's Committee.
    static func isChair(_ text: String) -> Bool {
        let lower = text.lowercased()
        if lower.hasPrefix("the chair of ") || lower.hasPrefix("chair of ") || lower.hasPrefix("the chairman of ")
            || lower.hasPrefix("chairman of ") || lower.hasPrefix("the deputy chairman of ")
        {
            return lower.containsBytes("ways and means") || lower.hasSuffix("of committees")
        }
        if lower.containsBytes("speaker’s") || lower.containsBytes("speaker's") { return false }
        if lower.hasSuffix("speaker") { return true }
        let presiding = [
            "the chair", "the chairman", "the deputy chairman", "the temporary chairman", "the first deputy chairman",
            "the second deputy chairman", "the deputy chair", "the first deputy chairman of committees",
        ]
        return presiding.contains(lower)
    }

    /// Whether the primary line is an office rather than a name: "The Prime Minister", "The Minister of
    /// State, Cabinet Office", "Mr Speaker". A bishop ("The Lord Bishop of Leeds") is a name.
    static func isOfficeLine(_ primary: String, hasFollowingName: Bool) -> Bool {
        if primary.hasPrefix("The Lord Bishop") || primary.hasPrefix("The Archbishop") { return false }
        if isMinisterialOffice(primary) { return true }
        if isChair(primary) { return primary.hasPrefix("The ") || hasFollowingName }
        return primary.hasPrefix("The ") && hasFollowingName
    }

    /// The role the page states for a speaker, and how sure it is.
    static func role(for speaker: Speaker?) -> (role: SpeakerRole, confidence: Double) {
        guard let speaker else { return (.unknown, 0) }
        if let office = speaker.office {
            if isChair(office) { return (.chair, 1) }
            if isMinisterialOffice(office) { return (.minister, 1) }
            return (.member, 1)
        }
        if isChairName(speaker.name) { return (.chair, 1) }
        return (.member, memberByDefault)
    }

    /// "Mr Speaker", "Madam Deputy Speaker", "The Lord Speaker", "The Deputy Speaker", "The Chairman".
    static func isChairName(_ name: String) -> Bool { isChair(name) }

    /// The confidence of "member" when the page names nobody's office: most speakers are members.
    static let memberByDefault = 0.8
    /// The confidence of a role the page gives the same member elsewhere on the page.
    static let officeElsewhere = 0.9
}

// MARK: - Resolution across the page

/// Joins what the page says about one speaker in different turns. Archive pages print an office with the
/// name once ("The Prime Minister (Mr. Tony Blair)") and the bare office afterwards; modern pages link every
/// turn to a member id but print the office only once.
enum SpeakerResolution {
    static func resolve(_ turns: inout [Turn]) {
        var nameForOffice: [String: Set<String>] = [:]
        var nameForMember: [String: Set<String>] = [:]
        var officeForMember: [String: Set<String>] = [:]
        var officeForName: [String: Set<String>] = [:]
        for turn in turns {
            guard let speaker = turn.speaker else { continue }
            let named = speaker.name != speaker.office && !Roles.isChairName(speaker.name)
            if named, let id = speaker.memberId { nameForMember[id, default: []].insert(speaker.name) }
            guard let office = speaker.office, named else { continue }
            nameForOffice[office, default: []].insert(speaker.name)
            if let id = speaker.memberId { officeForMember[id, default: []].insert(office) }
            officeForName[speaker.name, default: []].insert(office)
        }
        for index in turns.indices {
            guard var speaker = turns[index].speaker else { continue }
            if let office = speaker.office, speaker.name == office, let names = nameForOffice[office], names.count == 1 {
                // The bare office line: the page named its holder in another turn.
                speaker.name = names.first!
                turns[index].speaker = speaker
                continue
            }
            if speaker.office == nil, Roles.isChairName(speaker.name), let id = speaker.memberId,
                let names = nameForMember[id], names.count == 1
            {
                // "Madam Deputy Speaker" linked to the member named "Dame Rosie Winterton" in another turn.
                speaker.office = speaker.name
                speaker.name = names.first!
                turns[index].speaker = speaker
                continue
            }
            guard speaker.office == nil, turns[index].role == .member else { continue }
            let offices = speaker.memberId.flatMap { officeForMember[$0] } ?? officeForName[speaker.name]
            guard let offices, offices.count == 1, let office = offices.first else { continue }
            let role: SpeakerRole = Roles.isChair(office) ? .chair : Roles.isMinisterialOffice(office) ? .minister : .member
            guard role != .member else { continue }
            turns[index].role = role
            turns[index].roleConfidence = Roles.officeElsewhere
            let how = speaker.memberId != nil ? "member id \(speaker.memberId!)" : "name \"\(speaker.name)\""
            turns[index].roleEvidence = ["the page gives \(how) the office line \"\(office)\" in another turn"]
        }
    }
}

// MARK: - Text flow

/// Collects the paragraphs a browser would show for a block of Hansard markup.
///
/// Hansard nests `<p>` in `<p>` (and `<blockquote>` in `<p>`); libxml2 closes the outer paragraph, so the text
/// after the break sits loose in the container. Loose text and inline elements between blocks form a
/// paragraph of their own, as they do on screen.
struct TextFlow {
    private(set) var paragraphs: [String] = []
    /// The column markers met inside the block, in order.
    private(set) var columns: [String] = []
    private var buffer = ""

    mutating func collect(_ node: MarkupNode) {
        visitChildren(of: node)
        flush()
    }

    private mutating func visitChildren(of node: MarkupNode) {
        var child = node.firstChild
        while let current = child {
            visit(current)
            child = current.nextSibling
        }
    }

    private mutating func visit(_ node: MarkupNode) {
        if node.isText || node.isEntityReference {
            node.appendText(to: &buffer)
            return
        }
        guard node.isElement else { return }
        if node.isElement("span") {
            if let number = node.attribute("data-column-number") {
                if !number.isEmpty { columns.append(number) }
                return
            }
            if let encoded = node.attribute("data-cfemail") {
                buffer += CloudflareEmail.decode(hex: encoded)
                return
            }
            visitChildren(of: node)
        } else if node.isElement("a") {
            if let email = CloudflareEmail.decode(node) {
                buffer += email
            } else {
                visitChildren(of: node)
            }
        } else if node.isElement("br") || node.isElement("hr") {
            flush()
        } else if node.isElement("script") || node.isElement("style") || node.isElement("noscript")
            || node.isElement("template") || node.isElement("button")
        {
            return
        } else if Self.isBlock(node) {
            flush()
            visitChildren(of: node)
            flush()
        } else {
            visitChildren(of: node)
        }
    }

    private mutating func flush() {
        guard !buffer.isEmpty else { return }
        let text = buffer.foldingWhitespace()
        buffer = ""
        if !text.isEmpty { paragraphs.append(text) }
    }

    private static func isBlock(_ node: MarkupNode) -> Bool {
        node.isElement("p") || node.isElement("div") || node.isElement("blockquote") || node.isElement("li")
            || node.isElement("ul") || node.isElement("ol") || node.isElement("table") || node.isElement("tr")
            || node.isElement("td") || node.isElement("th") || node.isElement("h1") || node.isElement("h2")
            || node.isElement("h3") || node.isElement("h4") || node.isElement("h5") || node.isElement("h6")
            || node.isElement("pre") || node.isElement("dl") || node.isElement("dt") || node.isElement("dd")
            || node.isElement("section") || node.isElement("article") || node.isElement("center")
            || node.isElement("address") || node.isElement("figure") || node.isElement("caption")
    }
}

// MARK: - Cloudflare e-mail links

/// Cloudflare rewrites e-mail addresses in served pages as `<a class="__cf_email__" data-cfemail="…">`
/// with the text "[email protected]", and a script decodes them in the browser. A saved page keeps the
/// encoded form; the address is recovered here the way the script does it (XOR with the first byte).
enum CloudflareEmail {
    static func decode(_ anchor: MarkupNode) -> String? {
        guard let encoded = anchor.attribute("data-cfemail") ?? protectedHref(anchor) else { return nil }
        return decode(hex: encoded)
    }

    /// `/cdn-cgi/l/email-protection#<hex>` links carry the address in the fragment.
    private static func protectedHref(_ anchor: MarkupNode) -> String? {
        guard let href = anchor.attribute("href"), href.containsBytes("/cdn-cgi/l/email-protection") else { return nil }
        if let hash = href.firstIndex(of: "#") { return String(href[href.index(after: hash)...]) }
        // The address is in a child span's data-cfemail, or lost.
        if let span = anchor.firstElement(where: { $0.attribute("data-cfemail") != nil }) {
            return span.attribute("data-cfemail")
        }
        return ""
    }

    /// The address, or a note that it is lost when the page kept no usable code.
    static func decode(hex: String) -> String {
        let digits = Array(hex.utf8)
        guard digits.count >= 4, digits.count % 2 == 0 else { return "[e-mail address hidden by Cloudflare]" }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else {
                return "[e-mail address hidden by Cloudflare]"
            }
            bytes.append(high << 4 | low)
            index += 2
        }
        let key = bytes[0]
        let decoded = bytes.dropFirst().map { $0 ^ key }
        return String(decoding: decoded, as: UTF8.self)
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x61...0x66: return byte - 0x61 + 10
        case 0x41...0x46: return byte - 0x41 + 10
        default: return nil
        }
    }
}
