/// Reads publications.parliament.uk daily parts (Commons, Lords, Westminster Hall, written statements).
///
/// These pages are flat: headings, `<p>` paragraphs and empty `<a name=…>` anchors in a row. A speech
/// starts at a bold label ending in a colon ("<b>Mr Hague:</b>"), which may sit mid-paragraph after the
/// end of the previous speech; column numbers come from `column_…` anchors and "… : Column 771" lines,
/// times from `<h5>` headings, procedure from italic paragraphs.
enum PublicationsReader: MarkupFormatReader {
    static let format = InputFormat.publicationsHTML

    /// TSO's daily parts carry `<notus-date>`, `<columnNum>`, `a.anchor-column` or a Stationery Office
    /// publisher tag; hansard.parliament.uk and historic Hansard carry none of them.
    static func recognises(_ root: MarkupNode) -> Bool {
        root.firstElement { node in
            if node.isElement("notus-date") || node.isElement("columnnum") { return true }
            if node.isElement("a") { return node.attribute("class") == "anchor-column" }
            if node.isElement("meta") {
                return node.attribute("name") == "Publisher"
                    && (node.attribute("content")?.containsBytes("Stationery Office") ?? false)
            }
            return false
        } != nil
    }

    static func read(_ root: MarkupNode, report: MarkupParseReport, path: String) throws(IngestionError)
        -> DebateContent
    {
        var walker = PublicationsPageWalker()
        walker.visitChildren(of: root)
        guard !walker.turns.isEmpty else {
            throw .notADebate(
                path: path,
                reason: "the publications.parliament.uk page holds no speeches or procedural items; it may be "
                    + "a contents or index page. Save a daily-part debate page (…/cmhansrd/…/debtext/….htm or "
                    + "…/ldhansrd/text/….htm)")
        }
        return DebateContent(metadata: walker.metadata, turns: walker.turns)
    }
}

/// A run of a paragraph that belongs to one turn: the text before the first speaker label, or a
/// label and the text after it.
private struct ParagraphPiece {
    var label: String?
    var anchor: String?
    var column: String?
    var text = FoldedText()
    var letters = 0
    var italicLetters = 0
    var startsItalic: Bool?
    var italicPrefix = FoldedText()
    var plainSeen = false
}

/// One pass over a daily part, in document order.
private struct PublicationsPageWalker {
    var metaTitle: String?
    var pageTitle: String?
    var house: House?
    var westminsterHall = false
    var markupDate: SittingDate?
    var metaDate: SittingDate?
    var columnLineDate: SittingDate?
    var headingDate: SittingDate?
    var volume: String?
    var canonicalURL: String?
    var contentsLink: String?
    var fileName: String?
    var sections: [Section] = []
    var turns: [Turn] = []
    var column: String?
    var firstColumn: String?
    var columnBreak = false
    var pendingTime: String?
    var lastAnchor: String?
    /// The turn that takes paragraphs without a label: the last turn, until a heading intervenes.
    var continuation: Int?
    var inDivision = false
    var memory = OfficeMemory()

    // Per paragraph.
    var pieces: [ParagraphPiece] = []
    var italicDepth = 0
    var stripColon = false

    var metadata: DebateMetadata {
        let titled =
            sections.first { $0.level == 1 && !Self.isProceduralHeading($0.title) }
            ?? sections.first { !Self.isProceduralHeading($0.title) }
        let title = metaTitle ?? titled?.title ?? pageTitle ?? "Untitled publications.parliament.uk page"
        // Commons columns carry their suffix after the number ("89WS", "183WH"); Lords ones before it ("WS 89").
        var house = house
        if house == nil, let column = firstColumn, let first = column.first {
            if first.isNumber && column.last?.isLetter == true { house = .commons }
            if first.isLetter { house = .lords }
        }
        var type: String?
        if westminsterHall {
            type = "Westminster Hall"
        } else if let business = sections.first(where: { $0.level == 1 && Self.businessTypes.contains($0.title) }) {
            type = business.title
        } else if let house {
            type = house == .commons ? "Commons Chamber" : "Lords Chamber"
        }
        return DebateMetadata(
            title: title, house: house, date: markupDate ?? metaDate ?? columnLineDate ?? headingDate,
            volume: volume, type: type, url: canonicalURL ?? pageURL, sections: sections)
    }

    /// The daily part's own address, from its file name and the contents link beside it:
    /// …/ldhansrd/index/110111.html → …/ldhansrd/text/110111-0001.htm (Commons parts live in debtext/).
    private var pageURL: String? {
        guard let contentsLink, let fileName, let index = contentsLink.rangeOfBytes("hansrd/index/") else { return nil }
        let folder = contentsLink[..<index.lowerBound]
        let text = folder.hasSuffix("ld") ? "text/" : "debtext/"
        return String(folder) + "hansrd/" + text + fileName
    }

    private static let businessTypes: Set<String> = [
        "Oral Answers to Questions", "Written Ministerial Statements", "Written Statements", "Written Answers",
        "Petitions", "Ministerial Corrections", "Grand Committee", "Written Answers to Questions",
    ]

    private static func isProceduralHeading(_ title: String) -> Bool {
        title == "Prayers" || title.hasPrefix("Business of the House")
    }

    mutating func visitChildren(of node: MarkupNode) {
        var child = node.firstChild
        while let current = child {
            if current.isElement { element(current) }
            child = current.nextSibling
        }
    }

    private static let chromeIDs: Set<String> = [
        "top_nav", "banner", "main_nav", "secondary_nav", "footer_holder", "footer", "header", "bottomNavigation",
    ]

    private mutating func element(_ node: MarkupNode) {
        if node.isElement("script") || node.isElement("style") || node.isElement("noscript")
            || node.isElement("form") || node.isElement("iframe")
        {
            return
        }
        if node.isElement("table") {
            // Navigation tables; the "Back to Table of Contents" link gives the part's folder.
            if contentsLink == nil {
                let link = node.firstElement { element in
                    element.isElement("a") && (element.attribute("href")?.containsBytes("hansrd/index/") ?? false)
                }
                contentsLink = link?.attribute("href")
            }
            return
        }
        if node.isElement("meta") {
            meta(node)
            return
        }
        if node.isElement("link") {
            if node.attribute("rel") == "canonical", let href = node.attribute("href") { canonicalURL = href }
            return
        }
        if node.isElement("title") {
            pageTitle = node.foldedText
            return
        }
        if node.isElement("notus-date") {
            if markupDate == nil, let year = node.attribute("year").flatMap({ Int($0) }),
                let month = node.attribute("month").flatMap({ Int($0) }),
                let day = node.attribute("day").flatMap({ Int($0) })
            {
                markupDate = SittingDate(year: year, month: month, day: day)
            }
            return
        }
        if node.isElement("a") {
            if let name = node.attribute("name") { anchorName(name) }
            return
        }
        if node.isElement("div") || node.isElement("ul") || node.isElement("ol") {
            if let id = node.attribute("id"), Self.chromeIDs.contains(id) { return }
            if let classes = node.attribute("class"),
                classes.containsBytes("breadcrumb") || classes.containsBytes("navLinks")
            {
                return
            }
            if node.isElement("div") {
                visitChildren(of: node)
            } else if continuation != nil, turns.last?.kind == .speech {
                listItems(node)
            }
            return
        }
        if node.isElement("h1") || node.isElement("h2") {
            heading(node, level: 1)
            return
        }
        if node.isElement("h3") || node.isElement("h4") || node.isElement("h6") {
            heading(node, level: 2)
            return
        }
        if node.isElement("h5") {
            let text = node.foldedText
            if Self.isTime(text) { pendingTime = text }
            return
        }
        if node.isElement("p") || node.isElement("center") || node.isElement("blockquote") {
            paragraph(node)
            return
        }
        if node.isElement("b") || node.isElement("strong") {
            let text = node.foldedText
            if let number = Self.columnNumber(inColumnLine: text) {
                columnLine(text, number: number)
            } else {
                paragraph(node)
            }
            return
        }
        visitChildren(of: node)
    }

    private mutating func meta(_ node: MarkupNode) {
        if node.attribute("property") == "og:url", let content = node.attribute("content") {
            canonicalURL = content
            return
        }
        guard let name = node.attribute("name"), let content = node.attribute("content") else { return }
        switch name {
        case "Title":
            let folded = content.foldingWhitespace()
            if metaTitle == nil, !folded.isEmpty { metaTitle = folded }
            if house == nil {
                if folded.containsBytes("House of Lords") { house = .lords }
                if folded.containsBytes("House of Commons") { house = .commons }
            }
        case "Date":
            if metaDate == nil { metaDate = PrintedDate.date(from: content) }
        case "Identifier":
            // "Filename: 110111-0001.htm"
            if let range = content.rangeOfBytes("Filename:") {
                let name = String(content[range.upperBound...]).trimmingASCIIWhitespace()
                if !name.isEmpty { fileName = name }
            }
        case "Source":
            // "House of Lords Hansard, Volume: 723, Part: 91"
            if let range = content.rangeOfBytes("Volume:") {
                let rest = content[range.upperBound...].drop(while: { $0 == " " })
                let number = rest.prefix(while: { $0.isNumber })
                if !number.isEmpty { volume = String(number) }
            }
        default:
            break
        }
    }

    private mutating func anchorName(_ name: String) {
        if name.hasPrefix("column_") {
            setColumn(String(name.dropFirst("column_".count)))
        } else if !name.isEmpty {
            lastAnchor = name
        }
    }

    private mutating func setColumn(_ value: String) {
        guard !value.isEmpty, value != column else { return }
        if firstColumn == nil { firstColumn = value }
        column = value
        columnBreak = true
    }

    /// "19 July 2011 : Column 771" → "771".
    private static func columnNumber(inColumnLine text: String) -> String? {
        guard let range = text.rangeOfBytes(": Column ") ?? text.rangeOfBytes(": Col ") else { return nil }
        let number = text[range.upperBound...].trimmingPrefix(" ")
        guard let first = number.first, first.isNumber, !number.containsBytes(" ") else { return nil }
        return String(number)
    }

    private mutating func columnLine(_ text: String, number: String) {
        setColumn(number)
        if columnLineDate == nil { columnLineDate = PrintedDate.date(from: text) }
    }

    private static func isTime(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard let first = lower.first, first.isNumber else { return false }
        return lower.hasSuffix("am") || lower.hasSuffix("pm") || lower.hasSuffix("noon")
            || lower.hasSuffix("midnight") || lower.containsBytes(":")
    }

    // MARK: Headings

    private mutating func heading(_ node: MarkupNode, level: Int) {
        let text = node.foldedText
        guard !text.isEmpty else { return }
        switch text {
        case "House of Commons":
            house = .commons
            return
        case "House of Lords":
            house = .lords
            return
        case "Westminster Hall":
            house = .commons
            westminsterHall = true
            return
        default:
            break
        }
        if PrintedDate.isDateLine(text) {
            if headingDate == nil { headingDate = PrintedDate.date(from: text) }
            return
        }
        let (letters, italic) = Self.italicShare(of: node)
        if (text.hasPrefix("[") && text.hasSuffix("]")) || (letters > 0 && italic == letters) {
            addTurn(kind: .procedural, label: nil, paragraphs: [text], anchor: lastAnchor, column: column)
            lastAnchor = nil
            return
        }
        sections.append(Section(index: sections.count, title: text, level: level))
        continuation = nil
        inDivision = false
    }

    /// Non-white-space bytes beneath `node`, and how many of them are in italics.
    private static func italicShare(of node: MarkupNode, italic: Bool = false) -> (Int, Int) {
        var letters = 0
        var italicLetters = 0
        var child = node.firstChild
        while let current = child {
            if current.isText {
                let count = current.ownText.utf8.reduce(0) { $0 + ($1.isASCIIWhitespace ? 0 : 1) }
                letters += count
                if italic { italicLetters += count }
            } else if current.isElement {
                let nested = italic || current.isElement("i") || current.isElement("em")
                let (inner, innerItalic) = italicShare(of: current, italic: nested)
                letters += inner
                italicLetters += innerItalic
            }
            child = current.nextSibling
        }
        return (letters, italicLetters)
    }

    // MARK: Paragraphs

    private mutating func listItems(_ node: MarkupNode) {
        var item = node.firstChild
        while let current = item {
            if current.isElement("li") { paragraph(current) }
            item = current.nextSibling
        }
    }

    private mutating func paragraph(_ node: MarkupNode) {
        pieces = [ParagraphPiece(anchor: lastAnchor, column: column)]
        italicDepth = 0
        stripColon = false
        inlineChildren(of: node)
        let collected = pieces
        pieces = []
        lastAnchor = nil
        for (position, piece) in collected.enumerated() {
            let text = piece.text.string
            if let label = piece.label {
                addTurn(
                    kind: .speech, label: label, paragraphs: text.isEmpty ? [] : [text], anchor: piece.anchor,
                    column: piece.column)
                inDivision = false
                continue
            }
            guard !text.isEmpty else { continue }
            // "1." or "T2." before the first label is the question number, not the end of a speech.
            if position == 0, collected.count > 1, Self.isQuestionNumber(text) { continue }
            plain(text, piece: piece)
        }
    }

    private static func isQuestionNumber(_ text: String) -> Bool {
        var body = Substring(text)
        if body.hasSuffix(".") { body = body.dropLast() }
        if let first = body.first, first == "T" || first == "Q" { body = body.dropFirst() }
        return !body.isEmpty && body.allSatisfy(\.isNumber)
    }

    private static let proceduralOpenings = [
        "Question", "Motion", "Resolved", "Ordered", "Bill", "Amendment", "Clause", "Schedule", "The House",
        "House", "Division", "Debate", "It being", "Sitting", "Committee", "Read", "Brought up", "Adjourned",
        "Proceedings", "Lords amendment", "New clause", "Whereupon", "Main Question", "Resumed", "Business",
        "Noes", "Ayes", "Tellers", "Original Question", "Message", "Royal Assent", "Prayers",
    ]

    /// A paragraph without a label: procedure, a division line, or the rest of the open turn.
    private mutating func plain(_ text: String, piece: ParagraphPiece) {
        let whollyItalic = piece.letters > 0 && piece.italicLetters * 10 >= piece.letters * 9
        let opensItalic = piece.startsItalic == true
        let proceduralOpening =
            opensItalic
            && Self.proceduralOpenings.contains { piece.italicPrefix.string.hasPrefix($0) }
        if inDivision, let last = continuation {
            // A division lists names, tellers and italic constituencies until the result is read out.
            if !(whollyItalic && !text.hasPrefix("(")) && !proceduralOpening {
                appendParagraph(text, to: last)
                return
            }
            inDivision = false
        }
        if whollyItalic || proceduralOpening {
            addTurn(kind: .procedural, label: nil, paragraphs: [text], anchor: piece.anchor, column: piece.column)
            if text.hasPrefix("The House divided") || text.hasPrefix("The Committee divided") { inDivision = true }
            return
        }
        if let last = continuation {
            appendParagraph(text, to: last)
            return
        }
        addTurn(kind: .procedural, label: nil, paragraphs: [text], anchor: piece.anchor, column: piece.column)
    }

    private mutating func appendParagraph(_ text: String, to index: Int) {
        defer { columnBreak = false }
        if turns[index].kind == .procedural, turns[index].time == nil, text.hasPrefix("["),
            Self.isTime(String(text.dropFirst()))
        {
            turns[index].time = String(text.dropFirst())
        }
        // A paragraph the column break cut in two: the first half stops mid-sentence, the second
        // goes on in lower case.
        if columnBreak, let last = turns[index].paragraphs.last, let end = last.last,
            !".?!:;\"”’)]—–".contains(end), let start = text.first, start.isLowercase
        {
            turns[index].paragraphs[turns[index].paragraphs.count - 1] = last + " " + text
            return
        }
        turns[index].paragraphs.append(text)
    }

    private mutating func addTurn(
        kind: TurnKind, label: String?, paragraphs: [String], anchor: String?, column: String?
    ) {
        let section = sections.isEmpty ? nil : sections.count - 1
        var turn: Turn
        if kind == .speech, let label {
            let (speaker, role, confidence, evidence) = memory.attribute(label: label, memberId: nil)
            turn = Turn(
                index: turns.count, section: section, kind: .speech, speaker: speaker, role: role,
                roleConfidence: confidence, roleEvidence: evidence, attribution: .page, paragraphs: paragraphs,
                column: column, time: pendingTime, contributionId: anchor)
        } else {
            turn = Turn(
                index: turns.count, section: section, kind: .procedural, speaker: nil, role: .unknown,
                roleConfidence: 0, attribution: .page, paragraphs: paragraphs, column: column,
                time: pendingTime, contributionId: anchor)
        }
        if turn.time == nil, kind == .procedural, let first = paragraphs.first, first.hasPrefix("["),
            Self.isTime(String(first.dropFirst()))
        {
            turn.time = String(first.dropFirst())
        }
        pendingTime = nil
        columnBreak = false
        continuation = turns.count
        turns.append(turn)
    }

    private mutating func inlineChildren(of node: MarkupNode) {
        var child = node.firstChild
        while let current = child {
            inline(current)
            child = current.nextSibling
        }
    }

    private mutating func inline(_ node: MarkupNode) {
        if node.isText && !stripColon {
            node.withOwnTextBytes { record($0) }
            return
        }
        if node.isText || node.isEntityReference {
            var text = ""
            node.appendText(to: &text)
            if stripColon {
                let trimmed = text.drop(while: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
                if let first = trimmed.first {
                    if first == ":" { text = String(trimmed.dropFirst()) }
                    stripColon = false
                }
            }
            record(text)
            return
        }
        guard node.isElement else { return }
        if node.isElement("a") {
            if let name = node.attribute("name") {
                anchorName(name)
                // The anchor nearest the text names the item; a label keeps the one before it.
                if !name.hasPrefix("column_"), pieces[pieces.count - 1].label == nil,
                    pieces[pieces.count - 1].letters == 0
                {
                    pieces[pieces.count - 1].anchor = name
                }
            }
            inlineChildren(of: node)
            return
        }
        if node.isElement("b") || node.isElement("strong") {
            let text = node.foldedText
            if let number = Self.columnNumber(inColumnLine: text) {
                columnLine(text, number: number)
                return
            }
            if Self.isSpeakerLabel(text, followedBy: node.nextSibling) {
                pieces.append(ParagraphPiece(label: text, anchor: lastAnchor, column: column))
                lastAnchor = nil
                stripColon = !text.hasSuffix(":")
                return
            }
            inlineChildren(of: node)
            return
        }
        if node.isElement("i") || node.isElement("em") {
            italicDepth += 1
            inlineChildren(of: node)
            italicDepth -= 1
            return
        }
        if node.isElement("br") {
            record(" ")
            return
        }
        if node.isElement("script") || node.isElement("style") || node.isElement("notus-date") { return }
        if node.isElement("columnnum") {
            // Only the column anchor and line inside matter.
            var child = node.firstChild
            while let current = child {
                if current.isElement { inline(current) }
                child = current.nextSibling
            }
            return
        }
        inlineChildren(of: node)
    }

    /// Adds text to the last piece in place (a copy of the piece would copy its text every time).
    private mutating func record(_ text: String) {
        var text = text
        text.withUTF8 { record($0) }
    }

    private mutating func record(_ buffer: UnsafeBufferPointer<UInt8>) {
        let last = pieces.count - 1
        let visible = pieces[last].text.append(buffer)
        guard visible > 0 else { return }
        let italic = italicDepth > 0
        pieces[last].letters += visible
        if pieces[last].startsItalic == nil { pieces[last].startsItalic = italic }
        if italic {
            pieces[last].italicLetters += visible
            if !pieces[last].plainSeen { pieces[last].italicPrefix.append(buffer) }
        } else {
            pieces[last].plainSeen = true
        }
    }

    /// A bold run ending in a colon (or followed by one) that reads like a name or office.
    private static func isSpeakerLabel(_ text: String, followedBy next: MarkupNode?) -> Bool {
        guard let first = text.first, first.isUppercase || first == "*", text.count < 250 else { return false }
        if text.hasSuffix(":") { return text.count > 1 }
        guard let next, next.isText else { return false }
        let following = next.ownText.drop(while: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
        // Lords questions print the name and then "asked Her Majesty's Government …" with no colon.
        return following.first == ":" || following.hasPrefix("asked ") || following.hasPrefix("To ask ")
            || following.hasPrefix("to ask ")
    }
}
