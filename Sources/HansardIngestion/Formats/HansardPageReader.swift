/// Reads hansard.parliament.uk debate pages as a browser saves them: Commons and Lords, modern pages and
/// pages "created from Hansard archive content".
///
/// The page is streamed once, with no tree built. Chrome (header, navigation, share bars, scripts, footer)
/// is skipped whole, so only `<head>`, the hero banner, the breadcrumb and the debate items are read, and
/// their text is folded straight into the turns' strings as it arrives.
final class HansardPageReader: MarkupStreamHandler {
    static let format = InputFormat.hansardHTML

    /// Read the page as hansard.parliament.uk's whatever its `<head>` says (the format was given).
    private let forced: Bool

    init(forced: Bool) {
        self.forced = forced
    }

    // MARK: - What the page says

    /// The first `<head>` among the root's children has been entered, and has ended.
    private var sawHead = false
    private var headEnded = false
    /// Its first `og:url` meta value, trimmed.
    private var openGraphURL: String?
    /// Its first `<title>`'s text, folded.
    private var headTitle: String?
    private var sawBody = false

    private var title: String?
    private var heroSubtitle: String?
    private var crumbs: [String] = []
    private var bodyHouse: House?
    private var sections: [Section] = []
    private var turns: [Turn] = []

    /// Index of the heading the walk is under.
    private var currentSection: Int?
    /// How deep `child-debate` blocks nest here: the level of a heading met now.
    private var sectionDepth = 0
    private var column: String?
    /// Turns read before the first column marker; they get the column before it.
    private var awaitingFirstColumn: [Int] = []
    /// A printed time stamp item waiting for the turn it stands before.
    private var pendingTime: String?
    /// An honorific the archive conversion split off a speaker's name ("Mr." then "Lawson").
    private var pendingNamePrefix: String?

    /// True when the page's `og:url` is a hansard.parliament.uk debate URL (`/Commons|Lords/yyyy-MM-dd/debates/…`).
    ///
    /// Search results, member pages, historic Hansard and publications.parliament.uk pages have other URLs. Only
    /// `<head>` counts.
    var isHansardPage: Bool {
        forced || (openGraphURL.flatMap(HansardURL.init)?.isDebate ?? false)
    }

    /// The debate read, once the stream has ended.
    func content(path: String) throws(IngestionError) -> DebateContent {
        let pageURL = openGraphURL.flatMap(HansardURL.init)
        guard turns.contains(where: { $0.kind == .speech }) else {
            let title = title ?? pageTitle ?? "untitled"
            let kind = pageURL.map { $0.isDebate ? "debate page" : "page (\($0.path))" } ?? "page"
            throw .notADebate(
                path: path,
                reason: "this hansard.parliament.uk \(kind) \"\(title)\" holds no member contributions;"
                    + " open the debate itself (a /Commons/… or /Lords/…/debates/… page with speeches) and save it again"
            )
        }

        var turns = turns
        SpeakerResolution.resolve(&turns)
        for index in turns.indices { turns[index].index = index }

        let hero = heroSubtitle.map(HeroLine.init)
        let house = pageURL?.house ?? bodyHouse
        let metadata = DebateMetadata(
            title: title ?? pageTitle ?? "",
            house: house,
            date: pageURL?.date ?? hero?.date,
            volume: hero?.volume,
            type: Self.debateType(crumbs: crumbs),
            url: pageURL?.canonical,
            sections: sections)
        return DebateContent(metadata: metadata, turns: turns)
    }

    /// The `<title>` without the site suffix.
    private var pageTitle: String? {
        guard var text = headTitle else { return nil }
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

    // MARK: - The stream

    /// What each open element is to the walk; one per element entered.
    private enum Frame {
        case root
        /// The first `<head>`, and the elements in its `<title>`.
        case head, plain
        /// `<body>` and the elements walked through for the debate items in them.
        case walk
        case childDebate(outerSection: Int?)
        /// Blocks read whole, not walked: their elements are searched or their text folded.
        case hero, breadcrumb, contribution, otherItem
        /// A contribution's speaker block, or a `<div>` or `<a>` in it that is searched for the speaker.
        case header
        /// A contribution's `content` block, an item's text holder: the root of a text flow.
        case flowRoot
        case flowBlock
        /// Inside a flow, an element whose text runs on in the paragraph (`<span>`, `<em>`, `<a>`, …).
        case flowInline
        /// Inside a flow, an element whose text is not read (a script, a column marker, an e-mail link).
        case flowIgnored
        /// An e-mail link whose address is in the first element below it with `data-cfemail`.
        case emailLink
    }

    private var frames: [Frame] = []

    /// A block whose text is folded until its element ends.
    private struct Capture {
        var frame: Int
        var target: Target
        var text = FoldedText()

        enum Target { case headTitle, sectionHeading, heroTitle, heroSubtitle, crumb, primary, secondary }
    }

    private var captures: [Capture] = []

    /// The block being read whole, if any: nothing inside one is walked.
    private enum Block { case none, hero, breadcrumb, contribution, otherItem }
    private var block = Block.none

    // Hero: the first <h1> and <h2> are wanted when the page has no title or subtitle yet.
    private var wantsHeroTitle = false
    private var wantsHeroSubtitle = false

    // Contribution.
    private var header = SpeakerHeader()
    private var tooltipTime: String?
    private var identifier: String?
    /// The last `content` block's paragraphs and column markers.
    private var contentRead: (paragraphs: [String], columns: [String])?

    // Other items: the first `<div id>` in the item (or the item itself) holds the text.
    private enum Holder { case searching, reading, done }
    private var holder = Holder.reading

    private var flow = TextFlow()

    func startElement(_ element: StreamElement) -> StreamDecision {
        if element.depth == 0 {
            frames = [.root]
            return .enter
        }
        // An element after the root closed, which the tree builder makes the root's child.
        if frames.isEmpty { frames.append(.root) }
        guard let parent = frames.last else { return .skip }
        let decision: StreamDecision
        switch block {
        case .none: decision = walkElement(element, parent: parent)
        case .hero: decision = heroElement(element)
        case .breadcrumb: decision = breadcrumbElement(element)
        case .contribution: decision = contributionElement(element, parent: parent)
        case .otherItem: decision = otherItemElement(element, parent: parent)
        }
        return decision
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        if !captures.isEmpty {
            for index in captures.indices { captures[index].text.fold(bytes) }
        } else if flow.isActive {
            flow.text(bytes)
        }
    }

    func endElement() {
        guard let frame = frames.popLast() else { return }
        if let capture = captures.last, capture.frame == frames.count {
            captures.removeLast()
            finish(capture)
        }
        switch frame {
        case .root, .plain, .walk, .header, .flowInline:
            break
        case .head:
            headEnded = true
        case .childDebate(let outerSection):
            sectionDepth -= 1
            currentSection = outerSection
        case .hero, .breadcrumb:
            block = .none
        case .contribution:
            block = .none
            finishContribution()
        case .otherItem:
            block = .none
            finishOtherItem()
        case .flowRoot:
            if block == .contribution {
                contentRead = flow.finish()
            } else if holder == .reading {
                // The holder's text is the item's; nothing after it in the item is read.
                holder = .done
                flow.flush()
                flow.stopReading()
            }
        case .flowBlock:
            if holder != .done { flow.flush() }
        case .flowIgnored:
            if holder != .done { flow.ignoring -= 1 }
        case .emailLink:
            if holder != .done { flow.endEmailLink() }
        }
    }

    private func enter(_ frame: Frame) -> StreamDecision {
        frames.append(frame)
        return .enter
    }

    private func capture(_ target: Capture.Target) -> StreamDecision {
        captures.append(Capture(frame: frames.count, target: target))
        return enter(.plain)
    }

    private func finish(_ capture: Capture) {
        var capture = capture
        let text = capture.text.take()
        switch capture.target {
        case .headTitle: headTitle = text
        case .sectionHeading:
            if !text.isEmpty {
                sections.append(Section(index: sections.count, title: text, level: sectionDepth))
                currentSection = sections.count - 1
            }
        case .heroTitle: if !text.isEmpty { title = text }
        case .heroSubtitle: heroSubtitle = text
        case .crumb: if !text.isEmpty { crumbs.append(text) }
        case .primary: header.primary = text.trimmingUnicodeSpaces()
        case .secondary: header.secondary = text.trimmingUnicodeSpaces()
        }
    }

    // MARK: The walk

    private func walkElement(_ element: StreamElement, parent: Frame) -> StreamDecision {
        switch parent {
        case .root:
            return rootChild(element)
        case .head:
            if element.isNamed("meta") {
                if openGraphURL == nil, element.withAttribute("property", { $0.map(Self.isOpenGraphURL) ?? false }),
                    let content = element.attribute("content")
                {
                    openGraphURL = content.trimmingASCIIWhitespace()
                }
                return .skip
            }
            if element.isNamed("title"), headTitle == nil, !captures.contains(where: { $0.target == .headTitle }) {
                return capture(.headTitle)
            }
            return .skip
        case .plain:
            // Inside a heading being folded.
            return enter(.plain)
        case .childDebate:
            if element.isNamed("h2") || element.isNamed("h3") { return capture(.sectionHeading) }
            return visit(element)
        default:
            return visit(element)
        }
    }

    private func rootChild(_ element: StreamElement) -> StreamDecision {
        if element.isNamed("head") {
            guard !sawHead else { return .skip }
            sawHead = true
            return enter(.head)
        }
        if element.isNamed("body") {
            guard !sawBody else { return .skip }
            sawBody = true
            // The head came first, as it does: it has said whether this is a debate page.
            if headEnded && !isHansardPage { return .stop }
            let classes = element.withAttribute("class") { PageClasses($0) }
            if classes.contains(.brandLords) { bodyHouse = .lords }
            if classes.contains(.brandCommons) { bodyHouse = .commons }
            return enter(.walk)
        }
        return .skip
    }

    private func visit(_ element: StreamElement) -> StreamDecision {
        if element.isNamed("div") { return visitDivision(element) }
        if element.isNamed("script") || element.isNamed("style") || element.isNamed("noscript")
            || element.isNamed("svg") || element.isNamed("header") || element.isNamed("footer")
            || element.isNamed("iframe") || element.isNamed("template") || element.isNamed("form")
        {
            return .skip
        }
        if element.isNamed("span") {
            if let number = element.attribute("data-column-number"), !number.isEmpty { setColumn(number) }
            return .skip
        }
        return enter(.walk)
    }

    private func visitDivision(_ element: StreamElement) -> StreamDecision {
        let classes = element.withAttribute("class") { bytes -> PageClasses? in
            guard let bytes, !bytes.isEmpty else { return nil }
            return PageClasses(bytes)
        }
        guard let classes else { return enter(.walk) }
        if classes.contains(.contribution) {
            return startContribution(element)
        } else if classes.contains(.debateItem) {
            if classes.contains(.contributionDebateItem) || classes.contains(.columnNumberItem) { return enter(.walk) }
            return startOtherItem(element)
        } else if classes.contains(.childDebate) {
            let outer = currentSection
            sectionDepth += 1
            return enter(.childDebate(outerSection: outer))
        } else if classes.contains(.heroBanner) {
            block = .hero
            wantsHeroTitle = title == nil
            wantsHeroSubtitle = heroSubtitle == nil
            return enter(.hero)
        } else if classes.contains(.breadcrumb) {
            guard crumbs.isEmpty else { return .skip }
            block = .breadcrumb
            return enter(.breadcrumb)
        } else if !classes.isDisjoint(with: .chrome) {
            return .skip
        }
        return enter(.walk)
    }

    // MARK: Page head

    /// The hero banner: its first `<h1>` is the title and its first `<h2>` the subtitle, wherever they are.
    private func heroElement(_ element: StreamElement) -> StreamDecision {
        if wantsHeroTitle, element.isNamed("h1") {
            wantsHeroTitle = false
            return capture(.heroTitle)
        }
        if wantsHeroSubtitle, element.isNamed("h2") {
            wantsHeroSubtitle = false
            return capture(.heroSubtitle)
        }
        return enter(.plain)
    }

    /// The breadcrumb: each `<li>` not inside another is a crumb.
    private func breadcrumbElement(_ element: StreamElement) -> StreamDecision {
        if captures.isEmpty, element.isNamed("li") { return capture(.crumb) }
        return enter(.plain)
    }

    // MARK: Contributions

    private func startContribution(_ element: StreamElement) -> StreamDecision {
        block = .contribution
        header = SpeakerHeader()
        tooltipTime = nil
        contentRead = nil
        identifier = element.attribute("data-contribution-id") ?? element.attribute("id").map(Self.contributionID)
        return enter(.contribution)
    }

    /// Inside a contribution: its `header` block, its `content` block (the last one counts) and the time
    /// tooltip; nothing else.
    private func contributionElement(_ element: StreamElement, parent: Frame) -> StreamDecision {
        switch parent {
        case .contribution:
            if element.isNamed("div") {
                let classes = element.withAttribute("class") { PageClasses($0) }
                if classes.contains(.header) { return enter(.header) }
                if classes.contains(.content) {
                    flow.start()
                    return enter(.flowRoot)
                }
            } else if element.isNamed("span"), tooltipTime == nil, let title = element.attribute("title") {
                tooltipTime = Self.tooltipTime(title)
            }
            return .skip
        case .header:
            if element.isNamed("div") {
                let classes = element.withAttribute("class") { PageClasses($0) }
                if classes.contains(.primaryText) { return capture(.primary) }
                if classes.contains(.secondaryText) { return capture(.secondary) }
                if classes.contains(.share) || classes.contains(.shareBar) { return .skip }
                return enter(.header)
            }
            if element.isNamed("a") {
                if header.memberId == nil, let href = element.attribute("href") {
                    header.memberId = SpeakerHeader.memberId(in: href)
                }
                return enter(.header)
            }
            return .skip
        case .plain:
            // Inside the primary or secondary line.
            return enter(.plain)
        default:
            return flowElement(element, searching: false)
        }
    }

    private func finishContribution() {
        if let prefix = pendingNamePrefix {
            header.primary = header.primary.isEmpty ? prefix : "\(prefix) \(header.primary)"
            pendingNamePrefix = nil
        }
        let speaker = header.speaker()
        let role = Roles.role(for: speaker)
        let read = contentRead ?? ([], [])
        append(
            Turn(
                index: turns.count, section: currentSection, kind: .speech, speaker: speaker, role: role.role,
                roleConfidence: role.confidence, attribution: .page, paragraphs: read.paragraphs,
                column: column, time: takePendingTime() ?? tooltipTime, contributionId: identifier))
        noteColumns(read.columns)
    }

    // MARK: Other items

    /// A non-contribution item: a stage note, a division, a question number or a time stamp.
    ///
    /// Its text is that of its first `<div>` with an id (itself, when it has one).
    private func startOtherItem(_ element: StreamElement) -> StreamDecision {
        block = .otherItem
        flow.start()
        if let id = element.attribute("id") {
            identifier = Self.contributionID(id)
            holder = .reading
        } else {
            // Until a holder turns up, the item's own text is read, in case none does.
            identifier = nil
            holder = .searching
        }
        return enter(.otherItem)
    }

    private func otherItemElement(_ element: StreamElement, parent: Frame) -> StreamDecision {
        switch holder {
        case .done:
            return .skip
        case .searching:
            if element.isNamed("div"), let id = element.attribute("id") {
                identifier = Self.contributionID(id)
                holder = .reading
                flow.start()
                return enter(.flowRoot)
            }
            return flowElement(element, searching: true)
        case .reading:
            return flowElement(element, searching: false)
        }
    }

    private func finishOtherItem() {
        let (paragraphs, columns) = flow.finish()
        holder = .reading
        guard !paragraphs.isEmpty else {
            noteColumns(columns)
            return
        }
        let whole = paragraphs.joined(separator: " ")
        if paragraphs.count == 1 {
            if QuestionNumber.matches(whole) {
                // The question's heading is already a section; the bare number is a label, not business.
                noteColumns(columns)
                return
            }
            if Self.honorifics.contains(whole) {
                pendingNamePrefix = whole
                noteColumns(columns)
                return
            }
            if Self.isTimeStamp(whole) {
                pendingTime = whole
                noteColumns(columns)
                return
            }
        }
        pendingNamePrefix = nil
        append(
            Turn(
                index: turns.count, section: currentSection, kind: .procedural, speaker: nil, role: .unknown,
                roleConfidence: 0, attribution: .page, paragraphs: paragraphs, column: column,
                time: takePendingTime(), contributionId: identifier))
        noteColumns(columns)
    }

    // MARK: Text flow

    /// An element inside a text flow.
    ///
    /// `searching`: an item's text holder may still be inside it, so nothing may be skipped unread.
    private func flowElement(_ element: StreamElement, searching: Bool) -> StreamDecision {
        if flow.ignoring > 0 {
            if flow.awaitsEmailCode, let code = element.attribute("data-cfemail") { flow.foundEmailCode(code) }
            if searching || flow.awaitsEmailCode { return enter(.flowInline) }
            return .skip
        }
        // An element whose text is not read: skipped unread, unless a holder may be inside it.
        func ignored() -> StreamDecision { searching ? enterIgnored() : .skip }
        if element.isNamed("span") {
            if let number = element.attribute("data-column-number") {
                if !number.isEmpty { flow.columns.append(number) }
                return ignored()
            }
            if let encoded = element.attribute("data-cfemail") {
                flow.fold(CloudflareEmail.decode(hex: encoded))
                return ignored()
            }
            return enter(.flowInline)
        }
        if element.isNamed("a") {
            if let encoded = element.attribute("data-cfemail") {
                flow.fold(CloudflareEmail.decode(hex: encoded))
                return ignored()
            }
            if let href = element.attribute("href"), let fragment = CloudflareEmail.protectedFragment(href) {
                if let encoded = fragment {
                    flow.fold(CloudflareEmail.decode(hex: encoded))
                    return ignored()
                }
                // The address is in an element below the link, or lost.
                flow.startEmailLink()
                return enter(.emailLink)
            }
            return enter(.flowInline)
        }
        if element.isNamed("br") || element.isNamed("hr") {
            flow.flush()
            return ignored()
        }
        if element.isNamed("script") || element.isNamed("style") || element.isNamed("noscript")
            || element.isNamed("template") || element.isNamed("button")
        {
            return ignored()
        }
        if TextFlow.isBlock(element) {
            flow.flush()
            return enter(.flowBlock)
        }
        return enter(.flowInline)
    }

    private func enterIgnored() -> StreamDecision {
        flow.ignoring += 1
        return enter(.flowIgnored)
    }

    // MARK: Turns and columns

    private func takePendingTime() -> String? {
        defer { pendingTime = nil }
        return pendingTime
    }

    private func append(_ turn: Turn) {
        if turn.column == nil { awaitingFirstColumn.append(turns.count) }
        turns.append(turn)
    }

    /// Column markers met inside an item, in order: later turns start in the last one.
    private func noteColumns(_ markers: [String]) {
        for marker in markers { setColumn(marker) }
    }

    private func setColumn(_ number: String) {
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

    private static func isOpenGraphURL(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        value.elementsEqual("og:url".utf8)
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
    ///
    /// Modern pages print no time stamps; this hidden tooltip after each contribution is the only time the page holds,
    /// so it is taken as the turn's time.
    static func tooltipTime(_ title: String) -> String? {
        guard let last = title.split(separator: " ").last, last.count == 8 else { return nil }
        let parts = last.split(separator: ":")
        guard parts.count == 3, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCIIDigitCharacter) }) else {
            return nil
        }
        return last == "00:00:00" ? nil : String(last)
    }
}

// MARK: - URL

/// The parts of a hansard.parliament.uk URL.
struct HansardURL {
    var path: String
    var house: House?
    var date: SittingDate?
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
        date = segments.count > 1 ? SittingDate(String(segments[1])) : nil
        isDebate = house != nil && date != nil && segments.count > 3 && segments[2].lowercased() == "debates"
    }
}

/// "Volume 716: debated on Wednesday 15 June 2022".
struct HeroLine {
    var volume: String?
    var date: SittingDate?

    init(_ line: String) {
        let words = line.split(separator: " ")
        if let at = words.firstIndex(where: { $0.lowercased() == "volume" }), at + 1 < words.count {
            let number = words[at + 1].filter { $0 != ":" }
            volume = number.isEmpty ? nil : String(number)
        }
        // The last three words are day, month name, year.
        if words.count >= 3, let day = Int(words[words.count - 3]), let year = Int(words[words.count - 1]),
            let month = SittingDate.month(named: words[words.count - 2])
        {
            date = SittingDate(year: year, month: month, day: day)
        }
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

enum ColumnNumber {
    /// "1033" → "1032"; "89WS" → "88WS".
    ///
    /// Nil when the number has no digits or is the first column.
    static func previous(_ column: String) -> String? {
        let digits = column.prefix(while: \.isNumber)
        guard let value = Int(digits), value > 1 else { return nil }
        return "\(value - 1)\(column.dropFirst(digits.count))"
    }
}

/// The `class` names the page reader acts on, read from a `class` attribute's tokens in one pass.
struct PageClasses: OptionSet {
    let rawValue: UInt32

    static let contribution = PageClasses(rawValue: 1 << 0)
    static let debateItem = PageClasses(rawValue: 1 << 1)
    static let contributionDebateItem = PageClasses(rawValue: 1 << 2)
    static let columnNumberItem = PageClasses(rawValue: 1 << 3)
    static let childDebate = PageClasses(rawValue: 1 << 4)
    static let heroBanner = PageClasses(rawValue: 1 << 5)
    static let breadcrumb = PageClasses(rawValue: 1 << 6)
    static let shareBar = PageClasses(rawValue: 1 << 7)
    static let secondaryContent = PageClasses(rawValue: 1 << 8)
    static let actions = PageClasses(rawValue: 1 << 9)
    static let alertArea = PageClasses(rawValue: 1 << 10)
    static let attentionBanner = PageClasses(rawValue: 1 << 11)
    static let highlightedSearchTerms = PageClasses(rawValue: 1 << 12)
    static let header = PageClasses(rawValue: 1 << 13)
    static let content = PageClasses(rawValue: 1 << 14)
    static let primaryText = PageClasses(rawValue: 1 << 15)
    static let secondaryText = PageClasses(rawValue: 1 << 16)
    static let share = PageClasses(rawValue: 1 << 17)
    static let brandLords = PageClasses(rawValue: 1 << 18)
    static let brandCommons = PageClasses(rawValue: 1 << 19)

    /// Blocks of page chrome skipped whole.
    static let chrome: PageClasses = [
        .shareBar, .secondaryContent, .actions, .alertArea, .attentionBanner, .highlightedSearchTerms,
    ]

    private static let names: [(StaticString, PageClasses)] = [
        ("contribution", .contribution), ("debate-item", .debateItem),
        ("debate-item-contributiondebateitem", .contributionDebateItem),
        ("debate-item-columnnumber", .columnNumberItem), ("child-debate", .childDebate),
        ("hero-banner", .heroBanner), ("breadcrumb", .breadcrumb), ("share-bar", .shareBar),
        ("secondary-content", .secondaryContent), ("actions", .actions), ("alert-area", .alertArea),
        ("attention-banner", .attentionBanner), ("highlightedSearchTerms", .highlightedSearchTerms),
        ("header", .header), ("content", .content), ("primary-text", .primaryText),
        ("secondary-text", .secondaryText), ("share", .share), ("brand-lords", .brandLords),
        ("brand-commons", .brandCommons),
    ]

    init(rawValue: UInt32) { self.rawValue = rawValue }

    /// The names among the white-space separated tokens of `attribute` (nil: no attribute, no names).
    init(_ attribute: UnsafeBufferPointer<UInt8>?) {
        var found: UInt32 = 0
        if let tokens = attribute {
            let count = tokens.count
            var start = 0
            while start < count {
                while start < count, tokens[start].isASCIIWhitespace { start += 1 }
                var end = start
                while end < count, !tokens[end].isASCIIWhitespace { end += 1 }
                if end > start {
                    for (name, flag) in Self.names where name.utf8CodeUnitCount == end - start {
                        let same = name.withUTF8Buffer { wanted in
                            var offset = 0
                            while offset < wanted.count, tokens[start + offset] == wanted[offset] { offset += 1 }
                            return offset == wanted.count
                        }
                        if same { found |= flag.rawValue }
                    }
                }
                start = end
            }
        }
        rawValue = found
    }
}

// MARK: - Speaker header

/// The attribution block of a contribution: `primary-text`, `secondary-text` and the member link, as the
/// page reader found them.
struct SpeakerHeader {
    var primary = ""
    var secondary = ""
    var memberId: String?

    /// `/search/MemberContributions?house=Commons&memberId=4424` → "4424".
    static func memberId(in href: String) -> String? {
        guard let range = href.rangeOfBytes("memberId=") else { return nil }
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

    /// The Speaker, a Deputy Speaker, the Lord Speaker, the Chairman of Ways and Means or of Committees, or the
    /// chairman of a committee of the whole House.
    ///
    /// Not the chair of a select committee ("The Chair of the Public Accounts Committee") nor the Speaker's Committee.
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

    /// Whether the primary line is an office rather than a name: "The Prime Minister", "The Minister of State, Cabinet
    /// Office", "Mr Speaker".
    ///
    /// A bishop ("The Lord Bishop of Leeds") is a name.
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

/// Joins what the page says about one speaker in different turns.
///
/// Archive pages print an office with the name once ("The Prime Minister (Mr. Tony Blair)") and the bare office
/// afterwards; modern pages link every turn to a member id but print the office only once.
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
            if let office = speaker.office, speaker.name == office, let names = nameForOffice[office], names.count == 1
            {
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
            let role: SpeakerRole =
                Roles.isChair(office) ? .chair : Roles.isMinisterialOffice(office) ? .minister : .member
            guard role != .member else { continue }
            turns[index].role = role
            turns[index].roleConfidence = Roles.officeElsewhere
            let how = speaker.memberId != nil ? "member id \(speaker.memberId!)" : "name \"\(speaker.name)\""
            turns[index].roleEvidence = ["the page gives \(how) the office line \"\(office)\" in another turn"]
        }
    }
}

// MARK: - Text flow

/// Collects the paragraphs a browser would show for a block of Hansard markup, as its elements and text
/// stream past; the page reader says where blocks start and end.
///
/// Hansard nests `<p>` in `<p>` (and `<blockquote>` in `<p>`); libxml2 closes the outer paragraph, so the text
/// after the break sits loose in the container. Loose text and inline elements between blocks form a
/// paragraph of their own, as they do on screen.
struct TextFlow {
    private(set) var paragraphs: [String] = []
    /// The column markers met inside the block, in order.
    var columns: [String] = []
    /// True between `start` and `finish` (or `stopReading`): text reaches the flow.
    private(set) var isActive = false
    /// How many elements whose text is not read the stream is inside.
    var ignoring = 0
    private var buffer = FoldedText()
    /// An e-mail link's code: `.some(nil)` while one is awaited.
    private var emailCode: String??

    /// Starts an empty flow.
    mutating func start() {
        paragraphs = []
        columns = []
        buffer.clear()
        isActive = true
        ignoring = 0
        emailCode = nil
    }

    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        if ignoring == 0 { buffer.fold(bytes) }
    }

    mutating func fold(_ string: String) {
        var string = string
        string.withUTF8 { buffer.fold($0) }
    }

    /// A block boundary: the text so far is a paragraph.
    mutating func flush() {
        let text = buffer.take()
        if !text.isEmpty { paragraphs.append(text) }
    }

    /// No more text is read.
    mutating func stopReading() { isActive = false }

    /// The paragraphs and column markers, the last paragraph flushed.
    mutating func finish() -> (paragraphs: [String], columns: [String]) {
        flush()
        isActive = false
        return (paragraphs, columns)
    }

    var awaitsEmailCode: Bool { emailCode.map { $0 == nil } ?? false }

    /// An e-mail link whose code is in the first element below it that carries `data-cfemail`.
    mutating func startEmailLink() {
        ignoring += 1
        emailCode = .some(nil)
    }

    mutating func foundEmailCode(_ code: String) { emailCode = .some(code) }

    /// The link ends: its address (or the note that it is lost) stands for its text.
    mutating func endEmailLink() {
        ignoring -= 1
        let code = emailCode.flatMap { $0 } ?? ""
        emailCode = nil
        fold(CloudflareEmail.decode(hex: code))
    }

    static func isBlock(_ element: StreamElement) -> Bool {
        element.isNamed("p") || element.isNamed("div") || element.isNamed("blockquote") || element.isNamed("li")
            || element.isNamed("ul") || element.isNamed("ol") || element.isNamed("table") || element.isNamed("tr")
            || element.isNamed("td") || element.isNamed("th") || element.isNamed("h1") || element.isNamed("h2")
            || element.isNamed("h3") || element.isNamed("h4") || element.isNamed("h5") || element.isNamed("h6")
            || element.isNamed("pre") || element.isNamed("dl") || element.isNamed("dt") || element.isNamed("dd")
            || element.isNamed("section") || element.isNamed("article") || element.isNamed("center")
            || element.isNamed("address") || element.isNamed("figure") || element.isNamed("caption")
    }
}

// MARK: - Cloudflare e-mail links

/// Cloudflare rewrites e-mail addresses in served pages as `<a class="__cf_email__" data-cfemail="…">` with the text
/// "[email protected]", and a script decodes them in the browser.
///
/// A saved page keeps the encoded form; the address is recovered here the way the script does it (XOR with the first
/// byte).
enum CloudflareEmail {
    /// The code a `/cdn-cgi/l/email-protection` link carries in its fragment: nil when `href` is no such
    /// link, `.some(nil)` when it has no fragment (the code is then in an element below the link, or lost).
    static func protectedFragment(_ href: String) -> String?? {
        guard href.containsBytes("/cdn-cgi/l/email-protection") else { return nil }
        if let hash = href.firstIndex(of: "#") { return .some(String(href[href.index(after: hash)...])) }
        return .some(nil)
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
