/// Reads a Hansard debate page a browser saved as plain text.
///
/// Such a save keeps the heading ("Volume N: debated on …") and the paragraphs, but every speaker's
/// name is gone. So the reader splits the text into turns and infers each turn's role from the
/// words alone: how the paragraph opens, whom it addresses, whether it asks or answers, and the
/// question–answer rhythm of the exchange. Each clue adds to a score; no single rule decides.
enum PlainTextReader {
    /// Reads the UTF-8 bytes of a text save.
    ///
    /// Time and memory grow linearly with the file: the text is split into blocks straight from the bytes, and each
    /// paragraph is folded once.
    static func read(_ bytes: [UInt8], path: String) throws(IngestionError) -> DebateContent {
        let blocks = Self.blocks(of: bytes)
        let header = try Header(blocks: blocks, path: path)
        let body = blocks[header.bodyStart...].filter { !Self.isPageChrome($0) }
        guard !body.isEmpty else {
            throw .notADebate(
                path: path,
                reason: "the heading \"\(header.volumeLine)\" is followed by no paragraphs; save the whole debate page")
        }
        let paragraphs = body.map(Paragraph.init)
        let groups = Self.group(paragraphs)
        let turns = Self.inferRoles(groups, asker: header.asker)
        let metadata = DebateMetadata(
            title: header.title, house: Self.house(of: paragraphs), date: header.date, volume: header.volume,
            type: header.type, sections: [Section(index: 0, title: header.title, level: 1)])
        return DebateContent(metadata: metadata, turns: turns)
    }

    // MARK: - Text blocks

    /// Blank-line-separated blocks, their lines joined by a space (a save may wrap long lines), each line
    /// trimmed of white space and of a leading byte-order mark.
    ///
    /// Read from the bytes rather than by `Character`: the lines break where `Character.isNewline` does
    /// (LF, CR, CRLF, VT, FF, NEL, LS, PS) and are trimmed of what `Character.isWhitespace` is, but without a
    /// copy of the whole text as a `String` and its lines as `Substring`s first.
    static func blocks(of bytes: [UInt8]) -> [String] {
        var blocks: [String] = []
        var current: [UInt8] = []
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            func endLine(_ start: Int, _ end: Int) {
                var start = start
                var end = end
                if end - start >= 3, buffer[start] == 0xEF, buffer[start + 1] == 0xBB, buffer[start + 2] == 0xBF {
                    start += 3
                }
                while start < end, let length = whitespaceLength(buffer, at: start, end: end) { start += length }
                while end > start, let length = trailingWhitespaceLength(buffer, endingAt: end, start: start) {
                    end -= length
                }
                if start == end {
                    if !current.isEmpty {
                        blocks.append(String(decoding: current, as: UTF8.self))
                        current.removeAll(keepingCapacity: true)
                    }
                } else {
                    if !current.isEmpty { current.append(0x20) }
                    current.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<end]))
                }
            }
            var lineStart = 0
            var index = 0
            while index < count {
                let byte = buffer[index]
                let breakLength: Int
                switch byte {
                case 0x0A, 0x0B, 0x0C:
                    breakLength = 1
                case 0x0D:
                    breakLength = index + 1 < count && buffer[index + 1] == 0x0A ? 2 : 1
                case 0xC2 where index + 1 < count && buffer[index + 1] == 0x85:
                    breakLength = 2
                case 0xE2
                where index + 2 < count && buffer[index + 1] == 0x80
                    && (buffer[index + 2] == 0xA8 || buffer[index + 2] == 0xA9):
                    breakLength = 3
                default:
                    index += 1
                    continue
                }
                endLine(lineStart, index)
                index += breakLength
                lineStart = index
            }
            endLine(lineStart, count)
        }
        if !current.isEmpty { blocks.append(String(decoding: current, as: UTF8.self)) }
        return blocks
    }

    /// The length of the white-space character (Unicode White_Space, less the line breaks) starting at
    /// `index`, or nil when none does.
    private static func whitespaceLength(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int? {
        let byte = buffer[index]
        if byte == 0x20 || byte == 0x09 { return 1 }
        if byte == 0xC2, index + 1 < end, buffer[index + 1] == 0xA0 { return 2 }
        guard index + 2 < end else { return nil }
        return isThreeByteWhitespace(byte, buffer[index + 1], buffer[index + 2]) ? 3 : nil
    }

    /// The length of the white-space character that ends just before `end`, or nil.
    private static func trailingWhitespaceLength(
        _ buffer: UnsafeBufferPointer<UInt8>, endingAt end: Int, start: Int
    ) -> Int? {
        let last = buffer[end - 1]
        if last == 0x20 || last == 0x09 { return 1 }
        if end - start >= 2, buffer[end - 2] == 0xC2, last == 0xA0 { return 2 }
        guard end - start >= 3 else { return nil }
        return isThreeByteWhitespace(buffer[end - 3], buffer[end - 2], last) ? 3 : nil
    }

    /// U+1680, U+2000–U+200A, U+202F, U+205F and U+3000 in UTF-8.
    private static func isThreeByteWhitespace(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Bool {
        switch (first, second) {
        case (0xE1, 0x9A): return third == 0x80
        case (0xE2, 0x80): return third <= 0x8A || third == 0xAF
        case (0xE2, 0x81): return third == 0x9F
        case (0xE3, 0x80): return third == 0x80
        default: return false
        }
    }

    /// Links and buttons of the web page that a text save keeps as lines of their own.
    private static let chromeLines: Set<String> = [
        "Skip to main content", "Share", "Copy link", "Share this contribution", "Share this debate",
        "Previous debate", "Next debate", "Back to top", "Read Full debate", "Download text", "Hansard",
        "Contents", "Email", "Twitter", "Facebook", "LinkedIn", "WhatsApp link",
    ]

    private static func isPageChrome(_ block: String) -> Bool {
        chromeLines.contains(block)
    }

    // MARK: - Heading

    private struct Header {
        var title: String
        var volumeLine: String
        var volume: String?
        var date: SittingDate?
        var type: String?
        var asker: String?
        var bodyStart: Int

        init(blocks: [String], path: String) throws(IngestionError) {
            // The heading sits at the top; a debate's own paragraphs never look like the volume line.
            let searchEnd = min(blocks.count, 40)
            guard let volumeIndex = blocks[0..<searchEnd].firstIndex(where: Self.isVolumeLine) else {
                let first = blocks.first.map { " (it begins \"\($0.prefix(60))\")" } ?? ""
                throw .notADebate(
                    path: path,
                    reason: "no \"Volume N: debated on <day> <date>\" line near the top\(first); "
                        + "save a debate page from hansard.parliament.uk as text, or save it as HTML")
            }
            let volumeLine = blocks[volumeIndex]
            self.volumeLine = volumeLine
            (volume, date) = Self.volumeAndDate(volumeLine)

            if let skip = blocks[0..<volumeIndex].firstIndex(of: "Skip to main content"), skip + 1 < volumeIndex {
                title = blocks[skip + 1]
            } else if let last = blocks[0..<volumeIndex].last(where: { !PlainTextReader.isPageChrome($0) }) {
                title = last
            } else {
                throw .notADebate(path: path, reason: "no debate title above \"\(volumeLine)\"")
            }

            // Between the volume line and the first paragraph: the kind of business and "Asked by" (or
            // "Tabled by", printed when another member asks the question on the tabler's behalf).
            var index = volumeIndex + 1
            while index < blocks.count {
                let block = blocks[index]
                if let lead = Self.askerLeads.first(where: { Self.opens(block, with: $0) }) {
                    let name = block.dropFirst(lead.count).trimmingWhitespace()
                    if !name.isEmpty {
                        asker = name
                    } else if index + 1 < blocks.count, Self.looksLikeName(blocks[index + 1]) {
                        // Some saves keep the asker's name as the link text on the next line.
                        asker = blocks[index + 1]
                        index += 1
                    }
                } else if Self.looksLikeLabel(block) && type == nil {
                    type = block
                } else if !PlainTextReader.isPageChrome(block) {
                    break
                }
                index += 1
            }
            bodyStart = index
        }

        /// The words that name the member whose question it is, in the heading of a Lords question.
        static let askerLeads = ["Asked by", "Tabled by"]

        /// Whether `block` is `lead` alone or `lead` followed by a space and more (a name).
        static func opens(_ block: String, with lead: String) -> Bool {
            guard block.hasPrefix(lead) else { return false }
            let rest = block.dropFirst(lead.count)
            return rest.isEmpty || rest.first?.isWhitespace == true
        }

        static func isVolumeLine(_ block: String) -> Bool {
            block.hasPrefix("Volume ") && block.containsBytes(": debated on ") && block.count < 120
        }

        /// "Volume 828: debated on Wednesday 8 March 2023" → ("828", "2023-03-08").
        static func volumeAndDate(_ line: String) -> (String?, SittingDate?) {
            let afterVolume = line.dropFirst("Volume ".count)
            let volume = afterVolume.prefix { $0.isNumber }
            guard let on = line.firstRange(of: ": debated on ") else {
                return (volume.isEmpty ? nil : String(volume), nil)
            }
            let words = line[on.upperBound...].split(separator: " ")
            // The weekday is optional; the date is the last three words.
            guard words.count >= 3, let day = Int(words[words.count - 3]), (1...31).contains(day),
                let month = SittingDate.monthNames.firstIndex(of: String(words[words.count - 2])),
                let year = Int(words[words.count - 1]), (1800...2999).contains(year)
            else { return (volume.isEmpty ? nil : String(volume), nil) }
            let date = SittingDate(year: year, month: month + 1, day: day)
            return (volume.isEmpty ? nil : String(volume), date)
        }

        /// A short heading word such as "Question" or "Motion to Take Note": no sentence punctuation.
        static func looksLikeLabel(_ block: String) -> Bool {
            block.count <= 40 && !block.hasPrefix("To ask") && !block.contains(where: { ".?:;,".contains($0) })
        }

        static func looksLikeName(_ block: String) -> Bool {
            block.count <= 80 && !block.hasPrefix("To ask") && !block.contains(where: { ".?:;".contains($0) })
        }
    }

    // MARK: - Paragraphs and their clues

    /// A paragraph with a folded copy for matching: lower case, straight apostrophes.
    private struct Paragraph {
        var text: String
        var folded: String

        init(_ text: String) {
            self.text = text
            // Lower case, then the right single quote (E2 80 99) as an apostrophe, byte by byte: mapping the
            // Characters made an array of 16 bytes per character, 800 MB for a 50 MB paragraph.
            let lower = text.lowercased()
            guard lower.containsBytes("\u{2019}") else {
                folded = lower
                return
            }
            let source = Array(lower.utf8)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(source.count)
            var index = 0
            while index < source.count {
                if source[index] == 0xE2, index + 2 < source.count, source[index + 1] == 0x80,
                    source[index + 2] == 0x99
                {
                    bytes.append(UInt8(ascii: "'"))
                    index += 3
                } else {
                    bytes.append(source[index])
                    index += 1
                }
            }
            folded = String(decoding: bytes, as: UTF8.self)
        }

        var opensWithQuotation: Bool {
            guard let first = text.first else { return false }
            return first == "\u{201C}" || first == "\"" || first == "\u{2018}" || first == "'"
        }

        var endsIntroducingQuotation: Bool { text.hasSuffix(":") }

        var isTabledQuestion: Bool { folded.hasPrefix("to ask ") }

        /// "My Lords," opens a speech in the Lords.
        var opensWithAddress: Bool { folded.hasPrefix("my lords") }
    }

    /// One clue's contribution: positive points to a member asking, negative to the minister answering.
    private struct Clue {
        var weight: Double
        var evidence: String
    }

    /// A phrase as printed in evidence, and the folded form it is matched in.
    private struct Phrase {
        var shown: String
        var folded: String

        init(_ shown: String) {
            self.shown = shown
            folded = shown.lowercased()
        }
    }

    /// Phrases only the member answering for the Government uses.
    private static let answerPhrases = [
        "As I have said", "As I said", "As I have explained", "As I explained", "As I mentioned",
        "As I have mentioned", "As I have made clear", "my previous answer", "my earlier answer",
        "I will write to", "I will take that back", "I can confirm", "I can assure", "I will not be drawn",
        "I will bear in mind", "what I can say", "understand the question", "I refer the noble",
        "I refer back", "I note what my noble friend", "I note what the noble", "I thank the noble",
        "I thank my noble friend", "I agree with the noble", "I agree with my noble friend",
    ].map(Phrase.init)

    /// Verbs after "we" that speak for the Government.
    private static let governmentWe = [
        "we will", "we have", "we are", "we do ", "we should", "we need", "we must", "we in this country",
        "we continue", "we remain",
    ].map(Phrase.init)

    /// Inverted question forms aimed at the minister.
    private static let questionForms = [
        "can she ", "could she ", "will she ", "would she ", "does she ", "can he ", "could he ", "will he ",
        "would he ", "does he ", "Can the Minister", "Will the Minister", "Could the Minister",
        "Does the Minister", "Would the Minister", "Will the Government", "Do the Government",
        "Does the Government", "Will His Majesty's Government", "Will Her Majesty's Government",
        "is it not ", "would we not",
    ].map(Phrase.init)

    /// What the chair says in a Lords question time.
    private static let chairPhrases = [
        "time allowed for this Question has elapsed", "Order, order", "The Question is that",
        "The Contents have it", "The Not-Contents have it",
    ].map(Phrase.init)

    /// Clues in the paragraph's own words, without regard to its neighbours.
    private static func clues(_ paragraph: Paragraph) -> [Clue] {
        let folded = paragraph.folded
        var clues: [Clue] = []
        if paragraph.opensWithAddress {
            clues.append(Clue(weight: 2.5, evidence: "opens with \"My Lords,\""))
        }
        let questionMarks = folded.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "?") ? 1 : 0) }
        if questionMarks > 0 {
            let plural = questionMarks == 1 ? "" : "s"
            clues.append(
                Clue(weight: 0.75 * Double(min(questionMarks, 3)), evidence: "asks \(questionMarks) question\(plural)"))
        } else {
            clues.append(Clue(weight: -1.5, evidence: "asks no question"))
        }
        if containsWord(folded, "the minister") {
            clues.append(Clue(weight: 1.5, evidence: "addresses \"the Minister\""))
        }
        if let form = questionForms.first(where: { folded.containsBytes($0.folded) }) {
            clues.append(Clue(weight: 1.0, evidence: "question form \"\(form.shown.trimmingWhitespace())\""))
        }
        let answers = answerPhrases.filter { folded.containsBytes($0.folded) }
        if !answers.isEmpty {
            let quoted = answers.prefix(2).map { "\"\($0.shown)\"" }.joined(separator: ", ")
            clues.append(
                Clue(weight: -1.5 * Double(min(answers.count, 2)), evidence: "answers in the first person (\(quoted))"))
        }
        if let we = governmentWe.first(where: { folded.containsBytes($0.folded) }) {
            clues.append(
                Clue(weight: -1.0, evidence: "speaks for the Government (\"\(we.shown.trimmingWhitespace())\")"))
        }
        if Self.refersToQuestioner(folded) {
            clues.append(Clue(weight: -0.75, evidence: "refers to the questioner as a noble Lord or friend"))
        }
        return clues
    }

    /// "the noble Baroness", "my noble friend", "noble Lords opposite" — the answerer's way of naming whoever asked.
    ///
    /// A member naming a third peer adds the title ("the noble Lord, Lord X") and a member addresses the minister as
    /// "my noble friend the Minister"; neither counts.
    private static func refersToQuestioner(_ folded: String) -> Bool {
        for phrase in [
            "the noble lord", "the noble baroness", "the noble earl", "the noble viscount",
            "the noble duke", "my noble friend", "noble lords opposite",
        ] {
            // The byte search rules out most paragraphs before ranges(of:) builds its search table.
            guard folded.containsBytes(phrase) else { continue }
            for range in folded.ranges(of: phrase) {
                let rest = folded[range.upperBound...]
                if rest.hasPrefix(" the minister") || rest.hasPrefix(", lord ") || rest.hasPrefix(", baroness ")
                    || rest.hasPrefix(", the ") || rest.hasPrefix(" lord ") || rest.hasPrefix(" baroness ")
                {
                    continue
                }
                return true
            }
        }
        return false
    }

    /// Whether `word` occurs not followed by a letter: "the Minister" but not "the Ministerial Code".
    private static func containsWord(_ folded: String, _ word: String) -> Bool {
        folded.containsBytes(word)
            && folded.ranges(of: word).contains { range in
                range.upperBound == folded.endIndex || !folded[range.upperBound].isLetter
            }
    }

    private static func score(_ clues: [Clue]) -> Double {
        clues.reduce(0) { $0 + $1.weight }
    }

    // MARK: - Turns

    /// Paragraphs grouped into turns.
    ///
    /// A paragraph starts a new turn unless it is a quotation the previous paragraph introduced with a colon, or the
    /// speaker resuming right after such a quotation.
    private static func group(_ paragraphs: [Paragraph]) -> [[Paragraph]] {
        var groups: [[Paragraph]] = []
        for paragraph in paragraphs {
            guard var current = groups.last, let previous = current.last else {
                groups.append([paragraph])
                continue
            }
            let continues: Bool
            if paragraph.opensWithQuotation && previous.endsIntroducingQuotation {
                continues = true
            } else if previous.opensWithQuotation && current.count > 1 && !paragraph.opensWithAddress {
                continues = Self.resumesAfterQuotation(paragraph, turnOpening: current[0])
            } else {
                continues = false
            }
            if continues {
                current.append(paragraph)
                groups[groups.count - 1] = current
            } else {
                groups.append([paragraph])
            }
        }
        return groups
    }

    /// After a quotation, the quoter usually goes on ("Those are the exact words …"); the other side's reply starts a
    /// new turn.
    ///
    /// Either the paragraph points back at the quotation, or its own clues side with the turn that quoted.
    private static func resumesAfterQuotation(_ paragraph: Paragraph, turnOpening: Paragraph) -> Bool {
        let backReferences = ["those ", "that ", "these ", "this ", "such ", "so ", "and ", "but ", "yet "]
        if backReferences.contains(where: { paragraph.folded.hasPrefix($0) }) { return true }
        let own = score(clues(paragraph))
        let opening = score(clues(turnOpening))
        return abs(own) >= 1 && (own > 0) == (opening > 0)
    }

    /// Gives each turn a role from its own clues plus the rhythm of question and answer.
    private static func inferRoles(_ groups: [[Paragraph]], asker: String?) -> [Turn] {
        var turns: [Turn] = []
        turns.reserveCapacity(groups.count)
        var previousRole: SpeakerRole?
        var previousWasTabledQuestion = false
        for (index, group) in groups.enumerated() {
            let texts = group.map(\.text)
            let role: SpeakerRole
            let confidence: Double
            var evidence: [String]
            if group[0].isTabledQuestion {
                role = .member
                confidence = 0.95
                evidence = ["tabled question form \"To ask … Government\""]
            } else if let phrase = chairPhrases.first(where: { group[0].folded.containsBytes($0.folded) }) {
                role = .chair
                confidence = 0.8
                evidence = ["chair's words \"\(phrase.shown)\""]
            } else {
                // A quotation inside a turn is somebody else's words: only the speaker's own count. A turn of
                // one paragraph (most of them) is already folded.
                let ownParagraphs = group.filter { !$0.opensWithQuotation }
                let own =
                    ownParagraphs.count == 1
                    ? ownParagraphs[0] : Paragraph(ownParagraphs.map(\.text).joined(separator: " "))
                var clues = clues(own)
                if previousWasTabledQuestion {
                    clues.append(Clue(weight: -3, evidence: "first turn after the tabled question: the answer"))
                } else if previousRole == .member {
                    clues.append(Clue(weight: -1, evidence: "follows a member's question"))
                } else if previousRole == .minister {
                    clues.append(Clue(weight: 1, evidence: "follows the minister's answer"))
                }
                let total = score(clues)
                evidence = clues.map(\.evidence)
                if abs(total) < 0.5 {
                    role = .unknown
                    confidence = 0
                } else {
                    role = total > 0 ? .member : .minister
                    // Grows with the score and never reaches certainty: the names are gone.
                    confidence = (min(0.95, 0.5 + 0.5 * abs(total) / (abs(total) + 2)) * 100).rounded() / 100
                }
            }
            let named = index == 0 && group[0].isTabledQuestion ? asker : nil
            turns.append(
                Turn(
                    index: index, section: 0, kind: .speech, speaker: named.map { Speaker(name: $0) }, role: role,
                    roleConfidence: confidence, roleEvidence: evidence,
                    attribution: named == nil ? .inferred : .page, paragraphs: texts))
            previousRole = role
            previousWasTabledQuestion = group[0].isTabledQuestion
        }
        return turns
    }

    // MARK: - House

    /// The House the paragraphs were spoken in, judged from the forms of address, or nil when neither clearly prevails.
    ///
    /// Lords and Commons speak differently: "My Lords", "noble Lord" and the "To ask His Majesty's Government"
    /// question form against "Mr Speaker", "hon. Member" and "right hon. Friend".
    private static func house(of paragraphs: [Paragraph]) -> House? {
        var lords = 0
        var commons = 0
        for paragraph in paragraphs {
            let folded = paragraph.folded
            if paragraph.opensWithAddress { lords += 1 }
            if folded.containsBytes("noble lord") || folded.containsBytes("noble baroness")
                || folded.containsBytes("noble friend")
            {
                lords += 1
            }
            if paragraph.isTabledQuestion
                && (folded.containsBytes("his majesty's government")
                    || folded.containsBytes("her majesty's government"))
            {
                lords += 2
            }
            if folded.containsBytes("mr speaker") || folded.containsBytes("madam speaker")
                || folded.containsBytes("deputy speaker")
                || folded.containsBytes("hon. member") || folded.containsBytes("hon. friend")
                || folded.containsBytes("hon. lady")
                || folded.containsBytes("hon. gentleman")
            {
                commons += 1
            }
        }
        if lords >= 2 && lords > 2 * commons { return .lords }
        if commons >= 2 && commons > 2 * lords { return .commons }
        return nil
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space (spaces, tabs, CR, no-break spaces).
    fileprivate func trimmingWhitespace() -> String {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return start < end ? String(self[start..<end]) : ""
    }
}
