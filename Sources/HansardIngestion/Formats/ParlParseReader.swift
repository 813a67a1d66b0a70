/// Reads TheyWorkForYou/ParlParse "publicwhip" XML: one file per sitting day of one kind of business
/// (Commons debates, Lords, Westminster Hall, written ministerial statements or written answers).
///
/// The file is streamed (no tree is built): the root's children are read as they come, headings opening
/// sections, speeches and divisions becoming turns, and so do the `<ques>` and `<reply>` of written
/// answers (the member who asked, the minister who answered). Each child element of a speech is one
/// paragraph, its text folded as it arrives. ParlParse names speakers but rarely prints their office, so
/// roles beyond the chair, named offices and the answers' own structure are left for the analysis module.
///
/// The state the stream's callbacks change on every element and text node is `@exclusivity(unchecked)`, as in
/// ``MarkupStream``: one reader serves one parse on one thread, and no callback runs inside another's access.
final class ParlParseReader: MarkupStreamHandler {
    static let format = InputFormat.parlParseXML

    /// Reads any root element as publicwhip's (the format was given); otherwise a root that is not
    /// `<publicwhip>` stops the read, for another reader.
    private let forced: Bool

    @exclusivity(unchecked) private var sections: [Section] = []
    @exclusivity(unchecked) private var turns: [Turn] = []
    private var firstId: String?
    private var lordsSpeakers = 0
    private var commonsSpeakers = 0
    /// The question a `<reply>` answers: the last `<ques>` read, and the section it stands in.
    private var lastQuestion: (section: Int?, text: String)?

    /// What the root child being read is.
    private enum Item {
        case none
        case speech(SpeechPart, attributes: [String?])
        case heading(level: Int)
        case division(attributes: [String?], counts: String?)
    }
    @exclusivity(unchecked) private var item = Item.none
    /// The paragraphs of the speech being read.
    @exclusivity(unchecked) private var paragraphs: [String] = []
    /// Elements open below the root, counting the one the text is in.
    @exclusivity(unchecked) private var open = 0
    /// One buffer folds every paragraph and heading.
    @exclusivity(unchecked) private var folded = FoldedText()

    init(forced: Bool) {
        self.forced = forced
    }

    /// True when the root element makes the file publicwhip's.
    static func recognises(_ root: StreamElement) -> Bool { root.isNamed("publicwhip") }

    func startElement(_ element: StreamElement) -> StreamDecision {
        switch element.depth {
        case 0:
            return forced || Self.recognises(element) ? .enter : .stop
        case 1:
            open = 1
            if let part: SpeechPart =
                element.isNamed("speech")
                ? .speech : element.isNamed("ques") ? .question : element.isNamed("reply") ? .reply : nil
            {
                item = .speech(part, attributes: element.attributeValues(Self.speechAttributes))
                paragraphs.removeAll(keepingCapacity: true)
                return .enter
            }
            if element.isNamed("major-heading") || element.isNamed("oral-heading") {
                if firstId == nil { firstId = element.attribute("id") }
                item = .heading(level: 1)
                folded.clear()
                return .enter
            }
            if element.isNamed("minor-heading") {
                if firstId == nil { firstId = element.attribute("id") }
                item = .heading(level: 2)
                folded.clear()
                return .enter
            }
            if element.isNamed("division") {
                item = .division(attributes: element.attributeValues(Self.divisionAttributes), counts: nil)
                return .enter
            }
            return .skip
        default:
            switch item {
            case .speech:
                // Each child element is a paragraph, all its text folded.
                if element.depth == 2 { folded.clear() }
            case .heading:
                break
            case .division(let attributes, let counts):
                // Only the first <divisioncount> is read; the voters' lists are left unread.
                if counts == nil, element.depth == 2, element.isNamed("divisioncount") {
                    item = .division(attributes: attributes, counts: Self.divisionCounts(element))
                }
                return .skip
            case .none:
                return .skip
            }
            open += 1
            return .enter
        }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        switch item {
        case .speech where open >= 2, .heading: folded.fold(bytes)
        default: break
        }
    }

    func endElement() {
        defer { open -= 1 }
        switch item {
        case .speech(let part, let attributes):
            if open == 2 {
                // A paragraph ends.
                let paragraph = folded.take()
                if !paragraph.isEmpty { paragraphs.append(paragraph) }
            } else if open == 1 {
                item = .none
                endSpeech(part, attributes: attributes)
            }
        case .heading(let level):
            guard open == 1 else { return }
            item = .none
            sections.append(Section(index: sections.count, title: folded.take(), level: level))
        case .division(let attributes, let counts):
            guard open == 1 else { return }
            item = .none
            turns.append(
                Self.division(attributes, counts: counts ?? "", index: turns.count, section: sections.indices.last))
        case .none:
            break
        }
    }

    private func endSpeech(_ part: SpeechPart, attributes: [String?]) {
        let section = sections.indices.last
        let answering = part == .reply && lastQuestion?.section == section ? lastQuestion?.text : nil
        guard
            let turn = Self.speech(
                attributes, paragraphs: paragraphs, part: part, answering: answering, index: turns.count,
                section: section)
        else { return }
        if part == .question, let text = turn.paragraphs.first { lastQuestion = (section, text) }
        if firstId == nil { firstId = turn.contributionId }
        if let id = turn.speaker?.memberId {
            if id.containsBytes("/lord/") {
                lordsSpeakers += 1
            } else if id.containsBytes("/member/") {
                commonsSpeakers += 1
            }
        }
        turns.append(turn)
    }

    /// The debate read, once the stream has ended.
    ///
    /// Throws ``IngestionError/notADebate(path:reason:)`` when the file holds no turns.
    func content(path: String) throws(IngestionError) -> DebateContent {
        guard !turns.isEmpty else {
            throw .notADebate(
                path: path,
                reason: "the publicwhip file holds no speeches, questions, answers or divisions"
                    + " (\(sections.count) headings only)")
        }
        let sitting = Sitting(id: firstId, lordsSpeakers: lordsSpeakers, commonsSpeakers: commonsSpeakers, turns: turns)
        let metadata = DebateMetadata(
            title: sitting.title, house: sitting.house, date: sitting.date, type: sitting.type, sections: sections)
        return DebateContent(metadata: metadata, turns: turns)
    }

    // MARK: - Speeches

    /// The speech attributes read, in this order, by one pass over each speech's attributes.
    private static let speechAttributes: [StaticString] = [
        "id", "colnum", "time", "speakername", "nospeaker", "person_id", "speakerid", "speakeroffice", "error", "type",
    ]

    /// The three elements that hold what someone said: a debate's `<speech>`, and a written answer's
    /// `<ques>` (the question as tabled) and `<reply>` (the answer given for the Government).
    private enum SpeechPart {
        case speech, question, reply
    }

    /// `values` are the `speechAttributes`; `answering` is the first paragraph of the `<ques>` a `<reply>`
    /// answers, when there is one.
    private static func speech(
        _ values: [String?], paragraphs: [String], part: SpeechPart, answering: String?, index: Int, section: Int?
    ) -> Turn? {
        let id = values[0]
        let column = values[1]
        let time = clockTime(values[2])
        let name = values[3].map(foldedIfNeeded) ?? ""
        if values[4] == "true" || name.isEmpty {
            guard !paragraphs.isEmpty else { return nil }
            return Turn(
                index: index, section: section, kind: .procedural, speaker: nil, role: .unknown, roleConfidence: 0,
                roleEvidence: [], attribution: .page, paragraphs: paragraphs, column: column, time: time,
                contributionId: id)
        }
        let memberId = (values[5] ?? values[6]).flatMap { $0 == "unknown" ? nil : $0 }
        let office = values[7].map(foldedIfNeeded)
        var (role, confidence, evidence) = role(
            name: name, office: office, matched: values[8] == nil, type: values[9])
        switch part {
        case .question:
            // The file's own structure: a `<ques>` is a question a member tabled, whatever the name says.
            (role, confidence, evidence) = (
                .member, 0.95, ["ParlParse marks the speech as a <ques>, a tabled question"]
            )
        case .reply where role != .minister && role != .chair:
            if let addressee = answering.flatMap(nonGovernmentAddressee) {
                // "To ask the Chairman of Committees …", "To ask the hon. Member for Middlesbrough, representing
                // the Church Commissioners, …": the question itself says the answer is not the Government's.
                evidence = [
                    "ParlParse marks the speech as a <reply> to a question put to \(addressee), not to the Government"
                ]
            } else {
                // Otherwise a `<reply>` is the answer given for the Government to the question before it.
                (role, confidence, evidence) = (
                    .minister, 0.95, ["ParlParse marks the speech as a <reply>, the Government's answer"]
                )
            }
        case .speech, .reply:
            if role != .minister && role != .chair, let id,
                id.containsBytes("/wms/") || id.containsBytes("/lordswms/")
            {
                // Only ministers make written ministerial statements.
                (role, confidence, evidence) = (.minister, 0.9, ["makes a written ministerial statement"])
            }
        }
        return Turn(
            index: index, section: section, kind: .speech,
            speaker: Speaker(name: name, memberId: memberId, office: office), role: role,
            roleConfidence: confidence, roleEvidence: evidence, attribution: .page, paragraphs: paragraphs,
            column: column, time: time, contributionId: id)
    }

    /// Whom a written question asks, when that is not the Government.
    ///
    /// "the Chairman of Committees" in "To ask the Chairman of Committees what arrangements …". Nil for "To ask Her Majesty's
    /// Government …", for a minister ("To ask the Secretary of State for Health what …") and for a
    /// question whose addressee cannot be told.
    private static func nonGovernmentAddressee(_ question: String) -> String? {
        guard question.hasPrefix("To ask ") else { return nil }
        let rest = question.dropFirst("To ask ".count).prefix(160)
        if rest.hasPrefix("Her Majesty") || rest.hasPrefix("His Majesty") || rest.hasPrefix("the Government") {
            return nil
        }
        var end: Substring.Index?
        for stop in [",", " what ", " whether ", " if ", " how ", " when ", " which ", " why ", " where ", " who "] {
            if let found = rest.rangeOfBytes(stop), end.map({ found.lowerBound < $0 }) ?? true {
                end = found.lowerBound
            }
        }
        guard let end else { return nil }
        let addressee = String(rest[..<end])
        return addressee.isEmpty || OfficeTitles.isMinisterial(addressee) ? nil : addressee
    }

    /// Words in a name or office that mean the chair.
    private static let chairWords = ["Speaker", "Chairman"]

    /// Chair titles where "Chair" alone would also match a committee chair speaking as a member.
    private static let chairTitles = ["The Chair", "Madam Chair", "Mr Chair", "Mr. Chair", "The Deputy Chair"]

    private static func role(name: String, office: String?, matched: Bool, type: String?)
        -> (SpeakerRole, Double, [String])
    {
        // A person's name ("Bob Ainsworth") names no office; only title-like names are searched.
        let nameIsTitle =
            name.hasPrefix("The ") || name.containsBytes("Speaker") || name.containsBytes("Chair")
            || name.containsBytes("Minister") || name.containsBytes("Secretary")
        let titles = nameIsTitle ? [office, name].compactMap { $0 } : office.map { [$0] } ?? []
        for title in titles
        where chairWords.contains(where: { containsWord(title, $0) }) || chairTitles.contains(title) {
            return (.chair, 0.95, ["chair's title \"\(title)\""])
        }
        for title in titles {
            if OfficeTitles.isMinisterial(title) {
                return (.minister, 0.9, ["government office \"\(title)\""])
            }
        }
        if !matched {
            // "Hon. Members", "Several hon. Members": ParlParse found no single member to match.
            if name.containsBytes("Members") || name.containsBytes("Lords") {
                return (.member, 0.9, ["several members speaking together (\"\(name)\")"])
            }
            return (.unknown, 0, ["ParlParse could not match \"\(name)\" to a member"])
        }
        if type == "Start Answer" {
            return (.minister, 0.75, ["ParlParse marks the speech \"Start Answer\" (answering an oral question)"])
        }
        return (.member, 0.5, ["named member; ParlParse gives no office line"])
    }

    /// Attribute values are almost always folded already; only those that are not are copied.
    private static func foldedIfNeeded(_ value: String) -> String {
        var previousWasSpace = true
        for byte in value.utf8 {
            let isSpace = byte.isASCIIWhitespace
            if isSpace && (previousWasSpace || byte != 0x20) { return value.foldingWhitespace() }
            previousWasSpace = isSpace
        }
        return previousWasSpace && !value.isEmpty ? value.foldingWhitespace() : value
    }

    /// Whether `word` occurs in `text` as a whole word ("Deputy Speaker", not "Speakership").
    private static func containsWord(_ text: String, _ word: String) -> Bool {
        // The byte search rules out nearly every name before any splitting.
        text.containsBytes(word) && text.split(whereSeparator: { !$0.isLetter }).contains { $0 == word }
    }

    /// ParlParse writes "11:30:00", "014:30:00", "unknown" or "": keep "HH:MM" when there is one.
    private static func clockTime(_ value: String?) -> String? {
        guard let value else { return nil }
        var hour = 0
        var minute = 0
        var digits = 0
        var field = 0
        for byte in value.utf8 {
            if byte == UInt8(ascii: ":") {
                guard digits > 0 else { return nil }
                field += 1
                digits = 0
                if field == 2 { break }
            } else if (0x30...0x39).contains(byte) {
                let digit = Int(byte - 0x30)
                if field == 0 { hour = hour * 10 + digit } else { minute = minute * 10 + digit }
                digits += 1
                if digits > 3 { return nil }
            } else {
                return nil
            }
        }
        guard field >= 1, digits > 0 || field == 2, hour < 24, minute < 60 else { return nil }
        return (hour < 10 ? "0\(hour)" : "\(hour)") + ":" + (minute < 10 ? "0\(minute)" : "\(minute)")
    }

    // MARK: - Divisions

    /// The division attributes read, in this order.
    private static let divisionAttributes: [StaticString] = ["divnumber", "colnum", "time", "id"]

    /// "Ayes 300, Noes 200" or "Contents 150, Not-Contents 100" from a `<divisioncount>`, or "".
    private static func divisionCounts(_ element: StreamElement) -> String {
        let values = element.attributeValues(["ayes", "noes", "content", "not-content"])
        if let ayes = values[0], let noes = values[1] { return "Ayes \(ayes), Noes \(noes)" }
        if let contents = values[2], let notContents = values[3] {
            return "Contents \(contents), Not-Contents \(notContents)"
        }
        return ""
    }

    /// A division as a procedural turn: its number and the counts, as Hansard prints them.
    private static func division(_ values: [String?], counts: String, index: Int, section: Int?) -> Turn {
        let number = values[0].map { "Division No. \($0)" } ?? "Division"
        return Turn(
            index: index, section: section, kind: .procedural, speaker: nil, role: .unknown, roleConfidence: 0,
            roleEvidence: [], attribution: .page, paragraphs: [counts.isEmpty ? number : "\(number): \(counts)"],
            column: values[1], time: clockTime(values[2]), contributionId: values[3])
    }

    // MARK: - The sitting

    /// What the ids say about the file: "uk.org.publicwhip/<kind>/<yyyy-mm-dd><letter>.<col>.<n>".
    private struct Sitting {
        var kind: String?
        var date: SittingDate?
        var house: House?
        var type: String?

        init(id: String?, lordsSpeakers: Int, commonsSpeakers: Int, turns: [Turn]) {
            let parts = id?.split(separator: "/") ?? []
            if parts.count >= 3 {
                kind = String(parts[1])
                let stamp = parts[2].prefix(10)
                date = SittingDate(String(stamp))
            }
            switch kind {
            case "debate":
                house = .commons
                type = "Commons debates"
            case "lords":
                house = .lords
                type = "Lords debates"
            case "westminhall":
                house = .commons
                type = "Westminster Hall"
            case "wms", "lordswms":
                // Both Houses' statements share the "wms" id; the speakers' ids tell them apart.
                house = kind == "lordswms" || lordsSpeakers > commonsSpeakers ? .lords : .commons
                if lordsSpeakers == 0 && commonsSpeakers == 0 && kind == "wms" {
                    let peers = turns.filter { Self.isPeer($0.speaker?.name) }.count
                    house = peers * 2 > turns.filter { $0.speaker != nil }.count ? .lords : .commons
                }
                type = "Written ministerial statements"
            case "wrans":
                // Both Houses' written answers share the "wrans" id: the speakers' ids tell them apart.
                house = lordsSpeakers > commonsSpeakers ? .lords : .commons
                if lordsSpeakers == 0 && commonsSpeakers == 0 {
                    let peers = turns.filter { Self.isPeer($0.speaker?.name) }.count
                    house = peers * 2 > turns.filter { $0.speaker != nil }.count ? .lords : .commons
                }
                type = "Written Answers"
            default:
                break
            }
        }

        static func isPeer(_ name: String?) -> Bool {
            guard let name else { return false }
            return ["Lord ", "Baroness ", "Earl ", "Viscount ", "The Earl", "The Lord ", "Duke ", "Marquess "]
                .contains { name.hasPrefix($0) }
        }

        var title: String {
            let when = date.map(\.spelledOut).map { ", \($0)" } ?? ""
            switch (kind, house) {
            case ("debate", _): return "House of Commons debates\(when)"
            case ("lords", _): return "House of Lords debates\(when)"
            case ("westminhall", _): return "Westminster Hall debates\(when)"
            case ("wrans", .lords?): return "House of Lords written answers\(when)"
            case ("wrans", _): return "House of Commons written answers\(when)"
            case (_, .lords?) where type != nil: return "House of Lords written ministerial statements\(when)"
            case (_, .commons?) where type != nil: return "House of Commons written ministerial statements\(when)"
            default: return "ParlParse debates\(when)"
            }
        }
    }
}
