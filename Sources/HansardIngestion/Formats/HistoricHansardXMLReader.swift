/// Reads the historic Hansard source XML (Millbank Systems' digitisation, 1803–2005), the XML behind
/// api.parliament.uk/historic-hansard: one file per sitting of one kind, `<housecommons>`,
/// `<houselords>`, `<westminsterhall>`, `<writtenanswers>`, `<writtenstatements>` and the Lords' own.
///
/// Sections are `<section>` (and `<oralquestions>`, `<group>`) with a `<title>`, their level their
/// nesting. A contribution is a `<p>` holding `<member>` (the speaker as printed, office and all) and
/// `<membercontribution>`, whose paragraphs `<lb/>` separates; a `<p>` without `<member>` continues
/// the contribution before it, unless it is a stage direction (italic, or a bracketed chair note), a
/// time stamp or a written question ("Mr. Canavan asked the Minister …"). Columns come from `<col>`.
/// Speakers are split and their roles read as the historic Hansard HTML reader does.
enum HistoricHansardXMLReader: MarkupFormatReader {
    static let format = InputFormat.historicHansardXML

    static func recognises(_ root: MarkupNode) -> Bool {
        MillbankSitting.kind(of: root) != nil
    }

    static func read(_ root: MarkupNode, report: MarkupParseReport, path: String) throws(IngestionError)
        -> DebateContent
    {
        guard let kind = MillbankSitting.kind(of: root) else {
            throw .notADebate(
                path: path,
                reason: "the root element is <\(root.name.prefix(40))>, not a historic Hansard sitting ("
                    + MillbankSitting.kinds.map { "<\($0.root)>" }.joined(separator: ", ") + ")")
        }
        var walker = MillbankWalker(kind: kind)
        walker.container(root, depth: 0, isRoot: true)
        guard !walker.turns.isEmpty else {
            throw .notADebate(
                path: path,
                reason: "the historic Hansard XML file holds no contributions (\(walker.sections.count) headings"
                    + " only); save a sitting's XML with its <p><member> contributions")
        }
        return DebateContent(metadata: walker.metadata, turns: walker.turns)
    }
}

/// The kinds of sitting a Millbank file holds, by its root element.
private enum MillbankSitting {
    struct Kind {
        /// The root element's name.
        var root: StaticString
        /// The House, when the root names it; otherwise the ids say.
        var house: House?
        /// The kind of business as historic Hansard's sitting index names it.
        var type: String
        /// The title before the date, where the House alone does not make it ("Westminster Hall debates").
        var title: String?
        /// The words of the title after the House: "House of Commons debates, 16 December 1985".
        var titleWords: String
        /// Printed columns of these series carry a suffix ("12W", "34WH"); `<col>` holds the number only.
        var columnSuffix: String
    }

    static let kinds: [Kind] = [
        Kind(
            root: "housecommons", house: .commons, type: "Commons Sitting", titleWords: "debates", columnSuffix: ""),
        Kind(root: "houselords", house: .lords, type: "Lords Sitting", titleWords: "debates", columnSuffix: ""),
        Kind(
            root: "westminsterhall", house: .commons, type: "Westminster Hall", title: "Westminster Hall debates",
            titleWords: "debates", columnSuffix: "WH"),
        Kind(root: "writtenanswers", type: "Written Answers", titleWords: "written answers", columnSuffix: "W"),
        Kind(
            root: "writtenstatements", type: "Written Statements", titleWords: "written statements",
            columnSuffix: "WS"),
        Kind(
            root: "lordswrittenanswers", house: .lords, type: "Written Answers", titleWords: "written answers",
            columnSuffix: "WA"),
        Kind(
            root: "lordswrittenstatements", house: .lords, type: "Written Statements",
            titleWords: "written statements", columnSuffix: "WS"),
        Kind(
            root: "grandcommittee", house: .lords, type: "Grand Committee", titleWords: "Grand Committee",
            columnSuffix: "GC"),
    ]

    /// The root element names, for the byte check that tells this XML from HTML before parsing.
    static let rootNames: [String] = kinds.map { $0.root.description }

    static func kind(of root: MarkupNode) -> Kind? {
        kinds.first { root.isElement($0.root) }
    }
}

extension ByteChecks {
    /// True when `name` (an element name read from the file's first bytes) is a historic Hansard root.
    static func isHistoricHansardRoot(_ name: String) -> Bool {
        MillbankSitting.rootNames.contains(name)
    }
}

/// One pass over a Millbank file, in document order.
private struct MillbankWalker {
    let kind: MillbankSitting.Kind
    var sections: [Section] = []
    var turns: [Turn] = []
    var date: SittingDate?
    var printedDate: String?
    /// Series, House and volume as Millbank's ids and image names spell them: "S6CV0089P0…".
    var idHouse: House?
    var volume: String?
    var sawId = false
    private var currentSection: Int?
    private var column: String?
    private var pendingTime: String?
    private var memory = OfficeMemory()

    // Per turn: the paragraphs read so far and the column the turn starts in.
    private var paragraphs: [String] = []
    private var turnColumn: String?
    private var text = FoldedText()

    init(kind: MillbankSitting.Kind) {
        self.kind = kind
    }

    var metadata: DebateMetadata {
        let house = kind.house ?? idHouse
        let title: String
        switch (kind.title, house) {
        case (let stated?, _): title = stated
        case (nil, .commons?): title = "House of Commons \(kind.titleWords)"
        case (nil, .lords?): title = "House of Lords \(kind.titleWords)"
        case (nil, nil): title = "Historic Hansard \(kind.titleWords)"
        }
        let when = date.map(\.spelledOut).map { ", \($0)" } ?? printedDate.map { ", \($0)" } ?? ""
        return DebateMetadata(
            title: title + when, house: house, date: date, volume: volume, type: kind.type, url: nil,
            sections: sections)
    }

    // MARK: Containers

    /// Reads a sitting, `<debates>`, `<oralquestions>`, `<section>`, `<group>` or `<body>`.
    ///
    /// `depth` counts the titled containers around it: its own title is a section one level below them.
    mutating func container(_ node: MarkupNode, depth: Int, isRoot: Bool = false) {
        let outerSection = currentSection
        defer { currentSection = outerSection }
        var childDepth = depth
        var child = node.firstChild
        while let current = child {
            child = current.nextSibling
            if !current.isElement {
                if current.isText || current.isEntityReference { looseText(current) }
                continue
            }
            if current.isElement("title") {
                // The sitting's own title ("House of Commons") is the document's, not a heading in it.
                guard !isRoot else { continue }
                let title = foldedInline(current)
                guard !title.isEmpty else { continue }
                sections.append(Section(index: sections.count, title: title, level: depth + 1))
                currentSection = sections.count - 1
                childDepth = depth + 1
            } else if current.isElement("section") || current.isElement("oralquestions") || current.isElement("group")
                || current.isElement("writtenstatement") || current.isElement("writtenanswer")
            {
                container(current, depth: childDepth)
            } else if current.isElement("debates") || current.isElement("body") {
                // Wrappers without a title of their own.
                container(current, depth: childDepth)
            } else if current.isElement("p") {
                paragraph(current)
            } else if current.isElement("division") {
                division(current)
            } else if current.isElement("col") {
                setColumn(current)
            } else if current.isElement("image") {
                noteId(current.attribute("src"))
            } else if current.isElement("date") {
                readDate(current)
            } else if current.isElement("lb") {
                continue
            } else {
                // `<quote>`, `<ol>`, `<ul>`, `<table>` and the like between paragraphs.
                looseBlock(current)
            }
        }
    }

    private mutating func readDate(_ node: MarkupNode) {
        let printed = node.foldedText
        if !printed.isEmpty { printedDate = printed }
        if let stated = node.attribute("format").flatMap(SittingDate.init) {
            date = stated
        } else if date == nil {
            date = PrintedDate.date(from: printed)
        }
    }

    /// Reads series, House and volume from a Millbank id: "S6CV0089P0-00360" is series 6, Commons, volume 89.
    ///
    /// The first id met says the House where the root does not (written answers and statements).
    private mutating func noteId(_ value: String?) {
        guard !sawId, let value else { return }
        let bytes = Array(value.utf8)
        guard bytes.count >= 4, bytes[0] == UInt8(ascii: "S") else { return }
        var index = 1
        while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
        guard index > 1, index < bytes.count else { return }
        var house: House?
        if bytes[index] == UInt8(ascii: "C") {
            house = .commons
            index += 1
        } else if bytes[index] == UInt8(ascii: "L") {
            house = .lords
            index += 1
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "V") else { return }
        index += 1
        let start = index
        while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
        guard index > start else { return }
        sawId = true
        idHouse = house
        let digits = bytes[start..<index].drop { $0 == UInt8(ascii: "0") }
        volume = digits.isEmpty ? nil : String(decoding: digits, as: UTF8.self)
    }

    // MARK: Columns

    private mutating func setColumn(_ node: MarkupNode) {
        let number = node.foldedText
        guard !number.isEmpty else { return }
        let bare = number.utf8.allSatisfy { (0x30...0x39).contains($0) }
        column = bare ? number + kind.columnSuffix : number
    }

    // MARK: Paragraphs

    /// A `<p>`: a contribution when it names a `<member>`, otherwise continuation, procedure or a question.
    private mutating func paragraph(_ node: MarkupNode) {
        noteId(node.attribute("id"))
        if let member = node.children.first(where: { $0.isElement("member") }) {
            let label = memberLabel(member)
            if !label.isEmpty {
                contribution(node, label: label)
                return
            }
        }
        startTurn()
        blocks(of: node)
        finishLoose(id: node.attribute("id"), startsInItalic: Self.startsInItalic(node))
    }

    /// `<member>Mr. Frank Field <memberconstituency>(Birkenhead)</memberconstituency></member>` as one label,
    /// the constituency set off by a space even where the file has none.
    private func memberLabel(_ member: MarkupNode) -> String {
        var label = FoldedText()
        var child = member.firstChild
        while let current = child {
            child = current.nextSibling
            if current.isElement("memberconstituency") { label.appendSpace() }
            appendInline(current, to: &label)
        }
        return label.take()
    }

    /// A `<p>` that names its speaker in `<member>`; `label` is that element's text.
    private mutating func contribution(_ node: MarkupNode, label: String) {
        startTurn()
        // What stands before `<member>`: a question number ("12 and 13."), which the HTML rendering drops,
        // or an office printed outside the element ("The Parliamentary Under-Secretary of State for Health
        // <member>(Dr. Stephen Ladyman)</member>"), which belongs to the label.
        var before = FoldedText()
        var child = node.firstChild
        // `label` is the first `<member>` child's: the walk stops at the first one.
        while let current = child, !current.isElement("member") {
            child = current.nextSibling
            if current.isElement("col") {
                if turnColumn == nil && !before.isEmpty { turnColumn = column }
                setColumn(current)
            } else if current.isElement("image") {
                continue
            } else {
                appendInline(current, to: &before)
            }
        }
        let prefix = before.take()
        var fullLabel = label
        if !prefix.isEmpty {
            if PrintedSpeaker.isOfficeLike(prefix) {
                fullLabel = prefix + " " + label
            } else if !QuestionNumber.matches(prefix) {
                // Neither a number nor an office: keep it as printed, at the head of the text.
                text.append(prefix)
            }
        }
        // Everything after `</member>`: the contribution, and any aside before it ("<i>(seated and covered)</i>").
        child = child?.nextSibling
        while let current = child {
            child = current.nextSibling
            if current.isElement("membercontribution") {
                blocks(of: current)
            } else {
                block(current)
            }
        }
        flush()
        // The file puts the colon that follows the name inside the contribution; the rendering drops it.
        if let first = paragraphs.first, first.utf8.first == UInt8(ascii: ":") {
            let rest = first.utf8.dropFirst().drop { $0.isASCIIWhitespace }
            if rest.isEmpty {
                paragraphs.removeFirst()
            } else {
                paragraphs[0] = String(Substring(rest))
            }
        }
        let (speaker, role, confidence, evidence) = memory.attribute(label: fullLabel, memberId: nil)
        appendTurn(
            kind: .speech, speaker: speaker, role: role, confidence: confidence, evidence: evidence,
            id: node.attribute("id"))
    }

    /// A block between paragraphs (`<quote>`, a list, a table) read like a `<p>` without a member.
    private mutating func looseBlock(_ node: MarkupNode) {
        startTurn()
        block(node)
        finishLoose(id: node.attribute("id"), startsInItalic: node.isElement("i"))
    }

    /// Text directly inside a section, outside any paragraph.
    private mutating func looseText(_ node: MarkupNode) {
        var probe = FoldedText()
        appendInline(node, to: &probe)
        guard !probe.isEmpty else { return }
        startTurn()
        text.append(probe.take())
        finishLoose(id: nil, startsInItalic: false)
    }

    /// Places the paragraphs of a `<p>` (or block) that names no member.
    private mutating func finishLoose(id: String?, startsInItalic: Bool) {
        flush()
        guard let first = paragraphs.first else { return }
        if paragraphs.count == 1, Self.isTimeStamp(first) {
            // "3.30 pm", "4·28 pm": the time of the turn that follows.
            pendingTime = first
            return
        }
        if let (name, question) = Self.tabledQuestion(first) {
            paragraphs[0] = question
            let (speaker, role, confidence, evidence) = memory.attribute(label: name, memberId: nil)
            appendTurn(
                kind: .speech, speaker: speaker, role: role, confidence: confidence, evidence: evidence, id: id)
            return
        }
        let stageDirection = startsInItalic || first.utf8.first == UInt8(ascii: "[")
        if !stageDirection, pendingTime == nil, let last = turns.indices.last, turns[last].section == currentSection {
            // A paragraph of the contribution (or procedural item) before it, set as its own `<p>`.
            turns[last].paragraphs.append(contentsOf: paragraphs)
            return
        }
        appendTurn(kind: .procedural, speaker: nil, role: .unknown, confidence: 0, evidence: [], id: id)
    }

    /// A division list: one procedural item, a row a paragraph, as the HTML reader reads the same table.
    private mutating func division(_ node: MarkupNode) {
        startTurn()
        blocks(of: node)
        flush()
        guard !paragraphs.isEmpty else { return }
        appendTurn(
            kind: .procedural, speaker: nil, role: .unknown, confidence: 0, evidence: [], id: node.attribute("id"))
    }

    private mutating func startTurn() {
        paragraphs = []
        turnColumn = nil
        _ = text.take()
    }

    private mutating func appendTurn(
        kind: TurnKind, speaker: Speaker?, role: SpeakerRole, confidence: Double, evidence: [String], id: String?
    ) {
        let time = pendingTime
        pendingTime = nil
        turns.append(
            Turn(
                index: turns.count, section: currentSection, kind: kind, speaker: speaker, role: role,
                roleConfidence: confidence, roleEvidence: evidence, attribution: .page, paragraphs: paragraphs,
                column: turnColumn ?? column, time: time, contributionId: id))
        paragraphs = []
    }

    // MARK: Text

    /// The children of `node` as paragraphs: `<lb/>` breaks, quotations, list items and table rows
    /// stand apart, everything else runs on.
    private mutating func blocks(of node: MarkupNode) {
        var child = node.firstChild
        while let current = child {
            child = current.nextSibling
            block(current)
        }
    }

    private mutating func block(_ node: MarkupNode) {
        guard node.isElement else {
            appendInline(node, to: &text)
            return
        }
        if node.isElement("lb") {
            flush()
        } else if node.isElement("col") {
            // A column that starts before any of the turn's text is the column the turn starts in; one that
            // starts after some of it leaves the turn in the column before.
            if turnColumn == nil && !(paragraphs.isEmpty && text.isEmpty) { turnColumn = column }
            setColumn(node)
        } else if node.isElement("image") {
            return
        } else if node.isElement("quote") || node.isElement("p") || node.isElement("li") {
            // Hansard sets a quotation off from the words around it.
            flush()
            blocks(of: node)
            flush()
        } else if node.isElement("tr") {
            flush()
            var cell = node.firstChild
            while let current = cell {
                cell = current.nextSibling
                if current.isElement { text.appendSpace() }
                block(current)
            }
            flush()
        } else if node.isElement("table") || node.isElement("tbody") || node.isElement("thead") || node.isElement("ol")
            || node.isElement("ul") || node.isElement("membercontribution")
        {
            flush()
            blocks(of: node)
            flush()
        } else {
            // `<i>`, `<b>`, `<td>`, `<sup>` and the rest run on; blocks inside them still break.
            blocks(of: node)
        }
    }

    /// Ends the paragraph being read, if it has text.
    private mutating func flush() {
        guard !text.isEmpty else { return }
        if turnColumn == nil { turnColumn = column }
        paragraphs.append(text.take())
    }

    /// Text of a title or label: line breaks are spaces, column and page marks are left out.
    private func foldedInline(_ node: MarkupNode) -> String {
        var folded = FoldedText()
        var child = node.firstChild
        while let current = child {
            child = current.nextSibling
            appendInline(current, to: &folded)
        }
        return folded.take()
    }

    private func appendInline(_ node: MarkupNode, to folded: inout FoldedText) {
        if node.isText {
            folded.append(textOf: node)
            return
        }
        if node.isEntityReference {
            var entity = ""
            node.appendText(to: &entity)
            folded.append(entity)
            return
        }
        guard node.isElement else { return }
        if node.isElement("lb") {
            folded.appendSpace()
            return
        }
        if node.isElement("col") || node.isElement("image") { return }
        var child = node.firstChild
        while let current = child {
            child = current.nextSibling
            appendInline(current, to: &folded)
        }
    }

    // MARK: Small readers

    /// True when the first thing in the paragraph with any text is italic: "<i>The House divided:</i> …".
    private static func startsInItalic(_ node: MarkupNode) -> Bool {
        var child = node.firstChild
        while let current = child {
            child = current.nextSibling
            if current.isText {
                if current.ownText.utf8.contains(where: { !$0.isASCIIWhitespace }) { return false }
                continue
            }
            if current.isElement("i") { return true }
            if current.isElement("col") || current.isElement("image") || current.isElement("lb") { continue }
            if current.isElement { return false }
        }
        return false
    }

    /// "3.30 pm", "4·28 pm" (Hansard's raised decimal point), "7 pm", "12 noon", "12 midnight".
    static func isTimeStamp(_ text: String) -> Bool {
        var body = Substring(text)
        var suffixed = false
        for suffix in [" am", " pm", " a.m.", " p.m.", " noon", " midnight"] where body.hasSuffix(suffix) {
            body = body.dropLast(suffix.count)
            suffixed = true
            break
        }
        guard suffixed else { return false }
        let parts = body.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == ":" || $0 == "·" })
        guard parts.count == 1 || parts.count == 2 else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.count <= 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// The words a printed member's name starts with ("Mr.", "Sir", "Baroness"); "The" only before a peer's
    /// title ("The Earl of Onslow"), so that "The Secretary of State asked the Council …" is not a question.
    private static let titles: Set<Substring> = [
        "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lady", "Lord", "Baroness", "Baron", "Earl", "Viscount",
        "Viscountess", "Countess", "Marquess", "Marchioness", "Duke", "Duchess", "Rev", "Reverend", "Professor",
        "Captain", "Major", "Colonel", "General", "Brigadier", "Admiral", "Commander", "Lieutenant-Colonel",
        "MR", "MRS", "MISS", "DR", "SIR", "LORD", "LADY",
    ]
    private static let peerTitles: Set<Substring> = [
        "Earl", "Lord", "Duke", "Duchess", "Marquess", "Marchioness", "Viscount", "Countess",
    ]

    private static func startsWithTitle(_ words: [Substring]) -> Bool {
        guard let first = words.first else { return false }
        let bare = first.hasSuffix(".") ? first.dropLast() : first
        if bare == "The", words.count > 1 { return peerTitles.contains(words[1]) }
        return titles.contains(bare)
    }

    /// Words a printed name may hold in lower case: "Lord Jenkin of Roding".
    private static let nameParticles: Set<Substring> = ["of", "de", "du", "la", "le", "van", "von", "der", "ap"]

    /// The asker and the question of a written question printed without `<member>`.
    ///
    /// "Mr. Canavan asked the Minister of Agriculture …", "3. Mr. Pike asked the Secretary of State …",
    /// "Lord Ponsonby asked Her Majesty's Government …": the name, and the question from "asked" on, as a
    /// contribution with `<member>` reads.
    static func tabledQuestion(_ text: String) -> (name: String, question: String)? {
        guard let asked = text.prefix(160).rangeOfBytes(" asked ") else { return nil }
        let after = text[asked.upperBound...]
        guard after.hasPrefix("the ") || after.hasPrefix("Her Majesty") || after.hasPrefix("His Majesty") else {
            return nil
        }
        var words = text[..<asked.lowerBound].split(separator: " ")
        for count in [3, 1]
        where words.count > count && QuestionNumber.matches(words.prefix(count).joined(separator: " ")) {
            words.removeFirst(count)
            break
        }
        guard (1...7).contains(words.count), Self.startsWithTitle(words) else { return nil }
        for word in words {
            guard let initial = word.first else { return nil }
            if word.contains(where: { $0.isNumber || $0 == "," || $0 == ";" || $0 == ":" }) { return nil }
            if !initial.isUppercase && !nameParticles.contains(word) { return nil }
        }
        return (words.joined(separator: " "), String(text[text.index(after: asked.lowerBound)...]))
    }
}
