/// Reads api.parliament.uk/historic-hansard section pages (the Millbank Systems rendering, 1803–2005).
///
/// Each contribution is a `div.member_contribution` holding a `blockquote.contribution_text` with the
/// speaker in `cite.member`; procedural notes are `p.procedural` between them; column numbers are
/// `a.column-permalink` anchors (or a bare `<col>` in written answers) that may fall mid-paragraph.
enum HistoricHansardReader: MarkupFormatReader {
    static let format = InputFormat.historicHansardHTML

    /// The site marks its body `hansard-millbanksytems-com` (sic); a save that lost the id still has
    /// the content div named after the sitting ("house-of-commons-sitting") directly under the body.
    static func recognises(_ root: MarkupNode) -> Bool {
        guard let body = root.children.first(where: { $0.isElement("body") }) else { return false }
        if let id = body.attribute("id"), id.hasPrefix("hansard-millbank") { return true }
        return body.children.contains { child in
            child.isElement("div") && child.attribute("id") == "content"
                && (child.attribute("class")?.hasSuffix("-sitting") ?? false)
        }
    }

    static func read(_ root: MarkupNode, report: MarkupParseReport, path: String) throws(IngestionError)
        -> DebateContent
    {
        var walker = HistoricPageWalker()
        walker.visitChildren(of: root)
        guard !walker.turns.isEmpty else {
            let named = walker.title.map { " \"\($0)\"" } ?? ""
            throw .notADebate(
                path: path,
                reason: "the historic Hansard page\(named) holds no contributions; it may be a sitting index, "
                    + "a person page or a search result. Save a section page such as "
                    + "https://api.parliament.uk/historic-hansard/commons/1914/nov/16/alien-enemies")
        }
        return DebateContent(metadata: walker.metadata, turns: walker.turns)
    }
}

/// One pass over a historic Hansard page, in document order.
private struct HistoricPageWalker {
    var title: String?
    var pageTitle: String?
    var house: House?
    var date: SittingDate?
    var citationDate: SittingDate?
    var volume: String?
    var type: String?
    var canonicalURL: String?
    var sittingKind: String?
    var sittingPath: String?
    var slug: String?
    var sections: [Section] = []
    var turns: [Turn] = []
    var column: String?
    var inContent = false
    var memory = OfficeMemory()

    // Per contribution.
    var label: String?
    var memberId: String?
    var paragraphs: [String] = []
    var turnColumn: String?
    /// Set after a bare `<col>`: the text that follows starts with the column number.
    var afterColumnMark = false

    var metadata: DebateMetadata {
        var url = canonicalURL
        if url == nil, let sittingKind, let sittingPath, let slug {
            url = "https://api.parliament.uk/historic-hansard/\(sittingKind)/\(sittingPath)/\(slug)"
        }
        return DebateMetadata(
            title: title ?? pageTitle ?? "Untitled historic Hansard section", house: house,
            date: date ?? citationDate, volume: volume, type: type, url: url, sections: sections)
    }

    mutating func visitChildren(of node: MarkupNode) {
        var child = node.firstChild
        while let current = child {
            if current.isElement { element(current) }
            child = current.nextSibling
        }
    }

    private mutating func element(_ node: MarkupNode) {
        if node.isElement("script") || node.isElement("style") || node.isElement("form")
            || node.isElement("noscript") || node.isElement("iframe")
        {
            return
        }
        if node.isElement("meta") {
            if node.attribute("property") == "og:url", let content = node.attribute("content") {
                canonicalURL = content
            }
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
        if node.isElement("a") {
            anchor(node)
            return
        }
        if node.isElement("h1") {
            let text = node.foldedText
            if !text.isEmpty {
                if title == nil { title = text }
                sections.append(Section(index: sections.count, title: text, level: 1))
            }
            return
        }
        if inContent && (node.isElement("h2") || node.isElement("h3") || node.isElement("h4")) {
            let text = node.foldedText
            if !text.isEmpty { sections.append(Section(index: sections.count, title: text, level: 2)) }
            return
        }
        if node.isElement("cite") {
            if node.hasClass("section") { citation(node.foldedText) }
            return
        }
        if node.isElement("div") {
            let id = node.attribute("id")
            if id == "footer" || id == "section-navigation" { return }
            let classes = node.attribute("class") ?? ""
            if classes.containsBytes("member_contribution") {
                contribution(node, id: id)
                return
            }
            if id == "content" {
                sitting(fromContentClass: classes)
                inContent = true
                visitChildren(of: node)
                inContent = false
                return
            }
            visitChildren(of: node)
            return
        }
        if inContent && node.isElement("p") {
            procedural(node)
            return
        }
        if inContent && node.isElement("table") {
            // Division lists and other tables between contributions: one procedural item, a row a paragraph.
            procedural(node, asBlocks: true)
            return
        }
        if node.isElement("ol") && node.hasClass("xoxo") { return }
        visitChildren(of: node)
    }

    // MARK: Page facts

    private mutating func anchor(_ node: MarkupNode) {
        guard let classes = node.attribute("class") else {
            if node.attribute("rel") == "directory up" { directoryUp(node) }
            return
        }
        if classes.containsBytes("column-permalink") {
            setColumn(node.foldedText)
            if slug == nil, let href = node.attribute("href"), let hash = href.firstIndex(of: "#"),
                hash != href.startIndex
            {
                slug = String(href[..<hash].split(separator: "/").last ?? "")
            }
        } else if classes.containsBytes("sitting-day") {
            if let href = node.attribute("href"), let range = href.rangeOfBytes("sittings/") {
                sittingPath = String(href[range.upperBound...])
                date = PrintedDate.date(from: sittingPath ?? "")
            }
            if date == nil { date = PrintedDate.date(from: node.foldedText) }
        } else if node.attribute("rel") == "directory up" {
            directoryUp(node)
        }
    }

    /// The breadcrumb link back to the sitting names the kind of sitting: "Commons Sitting",
    /// "Written Answers (Commons)", and its fragment the URL path ("#written_answers").
    private mutating func directoryUp(_ node: MarkupNode) {
        var text = node.foldedText
        if text.hasSuffix("(Commons)") || text.hasSuffix("(Lords)") {
            if house == nil { house = text.hasSuffix("(Lords)") ? .lords : .commons }
            text = String(text[..<text.lastIndex(of: "(")!]).trimmingASCIIWhitespace()
        } else if house == nil {
            if text.hasPrefix("Commons") { house = .commons }
            if text.hasPrefix("Lords") { house = .lords }
        }
        if !text.isEmpty { type = text }
        if let href = node.attribute("href"), let hash = href.firstIndex(of: "#") {
            let fragment = href[href.index(after: hash)...]
            if !fragment.isEmpty { sittingKind = String(fragment) }
        }
    }

    private mutating func sitting(fromContentClass classes: String) {
        if classes.containsBytes("house-of-lords") || classes.containsBytes("lords-") {
            house = .lords
        } else if classes.containsBytes("house-of-commons") || classes.containsBytes("commons-")
            || classes.containsBytes("westminster-hall")
        {
            house = .commons
        }
        if classes.containsBytes("westminster-hall") { type = "Westminster Hall" }
    }

    /// Takes the volume, and the House when not yet known, from a citation line.
    ///
    /// The line reads like "HC Deb 16 November 1914 vol 68 cc178-9".
    private mutating func citation(_ text: String) {
        let words = text.split(separator: " ")
        if let index = words.firstIndex(of: "vol"), index + 1 < words.count { volume = String(words[index + 1]) }
        if house == nil {
            if text.hasPrefix("HC") { house = .commons }
            if text.hasPrefix("HL") { house = .lords }
        }
        citationDate = PrintedDate.date(from: text)
    }

    private mutating func setColumn(_ text: String) {
        guard !text.isEmpty else { return }
        column = text
    }

    // MARK: Contributions

    private mutating func contribution(_ node: MarkupNode, id: String?) {
        label = nil
        memberId = nil
        paragraphs = []
        turnColumn = nil
        afterColumnMark = false
        blocks(in: node)
        guard label != nil || !paragraphs.isEmpty else { return }
        let section = sections.isEmpty ? nil : sections.count - 1
        if let label, !label.isEmpty {
            let (speaker, role, confidence, evidence) = memory.attribute(label: label, memberId: memberId)
            turns.append(
                Turn(
                    index: turns.count, section: section, kind: .speech, speaker: speaker, role: role,
                    roleConfidence: confidence, roleEvidence: evidence, attribution: .page,
                    paragraphs: paragraphs, column: turnColumn ?? column, contributionId: id))
        } else {
            turns.append(
                Turn(
                    index: turns.count, section: section, kind: .procedural, speaker: nil, role: .unknown,
                    roleConfidence: 0, attribution: .page, paragraphs: paragraphs,
                    column: turnColumn ?? column, contributionId: id))
        }
    }

    /// Block-level content: paragraphs, lists and loose text between them each become paragraphs.
    private mutating func blocks(in node: MarkupNode) {
        var loose = FoldedText()
        var child = node.firstChild
        while let current = child {
            child = current.nextSibling
            if !current.isElement {
                inline(current, into: &loose)
                continue
            }
            if current.isElement("cite") {
                if current.attribute("class")?.containsBytes("member") ?? false { speakerCite(current) }
                continue
            }
            if current.isElement("p") || current.isElement("h2") || current.isElement("h3")
                || current.isElement("h4") || current.isElement("h5") || current.isElement("dd")
                || current.isElement("dt")
            {
                flush(&loose)
                var text = FoldedText()
                inlineChildren(of: current, into: &text)
                flush(&text)
            } else if current.isElement("ol") || current.isElement("ul") {
                flush(&loose)
                list(current)
            } else if current.isElement("tr") {
                flush(&loose)
                var text = FoldedText()
                var cell = current.firstChild
                while let node = cell {
                    if node.isElement { text.appendSpace() }
                    inline(node, into: &text)
                    cell = node.nextSibling
                }
                flush(&text)
            } else if current.isElement("blockquote") || current.isElement("div") || current.isElement("table")
                || current.isElement("tbody") || current.isElement("thead") || current.isElement("dl")
                || current.isElement("center")
            {
                flush(&loose)
                blocks(in: current)
            } else {
                inline(current, into: &loose)
            }
        }
        flush(&loose)
    }

    private mutating func list(_ node: MarkupNode) {
        var item = node.firstChild
        while let current = item {
            item = current.nextSibling
            guard current.isElement("li") else {
                if current.isElement("ol") || current.isElement("ul") {
                    list(current)
                } else {
                    // A `<col>` between items, and any stray text.
                    var loose = FoldedText()
                    inline(current, into: &loose)
                    flush(&loose)
                }
                continue
            }
            var text = FoldedText()
            var nested: [MarkupNode] = []
            var child = current.firstChild
            while let node = child {
                child = node.nextSibling
                if node.isElement("ol") || node.isElement("ul") {
                    nested.append(node)
                } else {
                    inline(node, into: &text)
                }
            }
            flush(&text)
            for sublist in nested { list(sublist) }
        }
    }

    private mutating func flush(_ text: inout FoldedText) {
        guard !text.isEmpty else { return }
        let folded = text.take()
        if turnColumn == nil { turnColumn = column }
        paragraphs.append(folded)
    }

    private mutating func speakerCite(_ node: MarkupNode) {
        label = node.foldedText
        if let link = node.firstElement(where: { $0.isElement("a") }), let href = link.attribute("href"),
            let range = href.rangeOfBytes("/people/")
        {
            let slug = href[range.upperBound...].split(separator: "/").first.map(String.init)
            if let slug, !slug.isEmpty { memberId = slug }
        }
    }

    private mutating func inlineChildren(of node: MarkupNode, into text: inout FoldedText) {
        var child = node.firstChild
        while let current = child {
            inline(current, into: &text)
            child = current.nextSibling
        }
    }

    /// Appends what a reader sees of `node`, leaving out permalinks, question numbers and column marks.
    private mutating func inline(_ node: MarkupNode, into text: inout FoldedText) {
        if node.isText {
            guard afterColumnMark else {
                text.append(textOf: node)
                return
            }
            afterColumnMark = false
            text.append(consumeColumnNumber(node.ownText))
            return
        }
        if node.isEntityReference {
            var entity = ""
            node.appendText(to: &entity)
            text.append(entity)
            return
        }
        guard node.isElement else { return }
        if node.isElement("a") {
            if let classes = node.attribute("class"), classes.containsBytes("permalink") {
                if classes.containsBytes("column-permalink") {
                    if paragraphs.isEmpty && text.isEmpty {
                        turnColumn = nil
                    } else if turnColumn == nil {
                        turnColumn = column
                    }
                    setColumn(node.foldedText)
                }
                return
            }
            inlineChildren(of: node, into: &text)
            return
        }
        if node.isElement("col") {
            // `<col>` is void in HTML, so "<col>1331</col>" leaves the number in the next text node.
            afterColumnMark = true
            if turnColumn == nil && !(paragraphs.isEmpty && text.isEmpty) {
                turnColumn = column
            }
            return
        }
        if node.isElement("br") {
            text.appendSpace()
            return
        }
        if node.isElement("span") && (node.attribute("class")?.containsBytes("question_no") ?? false) { return }
        if node.isElement("script") || node.isElement("style") { return }
        if node.isElement("cite") && (node.attribute("class")?.containsBytes("member") ?? false) {
            speakerCite(node)
            return
        }
        inlineChildren(of: node, into: &text)
    }

    /// Strips the column number that follows a bare `<col>` and makes it the current column, keeping the
    /// suffix the page's columns carry ("1330W" then "1331" → "1331W").
    private mutating func consumeColumnNumber(_ raw: String) -> String {
        let utf8 = Array(raw.utf8)
        var index = 0
        while index < utf8.count, utf8[index].isASCIIWhitespace { index += 1 }
        let start = index
        while index < utf8.count, (0x30...0x39).contains(utf8[index]) { index += 1 }
        guard index > start else { return raw }
        var number = String(decoding: utf8[start..<index], as: UTF8.self)
        if let current = column {
            let suffix = current.drop(while: { $0.isNumber })
            if !suffix.isEmpty { number += suffix }
        }
        column = number
        return " " + String(decoding: utf8[index...], as: UTF8.self)
    }

    private mutating func procedural(_ node: MarkupNode, asBlocks: Bool = false) {
        paragraphs = []
        turnColumn = nil
        if asBlocks {
            blocks(in: node)
        } else {
            var text = FoldedText()
            inlineChildren(of: node, into: &text)
            flush(&text)
        }
        guard !paragraphs.isEmpty else { return }
        turns.append(
            Turn(
                index: turns.count, section: sections.isEmpty ? nil : sections.count - 1, kind: .procedural,
                speaker: nil, role: .unknown, roleConfidence: 0, attribution: .page, paragraphs: paragraphs,
                column: turnColumn ?? column, contributionId: node.attribute("id")))
    }
}
