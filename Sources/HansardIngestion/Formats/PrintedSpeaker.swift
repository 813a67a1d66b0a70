// Speaker labels, roles and dates as the historic Hansard and publications.parliament.uk pages print them.
// Both sites print a speaker as one label ("THE HOME SECRETARY (Mr. McKENNA)", "Mr David Hanson (Delyn) (Lab):"),
// so the two readers share the way a label is split and a role is read from it.

/// A speaker label split into its parts.
struct PrintedSpeaker {
    var speaker: Speaker
    /// The label says the speaker is in the chair, for example "Jim Dobbin (in the Chair)".
    var inChair: Bool

    /// Splits a printed label (already folded, as `foldedText` gives it).
    ///
    /// Keeps the name as printed, minus the "*" historic Hansard puts before unrevised speeches and the daily parts'
    /// trailing colon.
    init(label: String, memberId: String? = nil) {
        // Bytes, not Characters: every mark looked for is ASCII, and grapheme walking is slow.
        var text = Substring(label)
        while let first = text.utf8.first, first == 0x2A || first == 0x20 {
            text = text[text.utf8.index(after: text.utf8.startIndex)...]
        }
        while let last = text.utf8.last, last == 0x3A || last == 0x20 {
            text = text[..<text.utf8.index(before: text.utf8.endIndex)]
        }
        var groups: [String] = []
        while text.utf8.last == 0x29, let open = Self.matchingOpen(in: text) {
            let inner = text[text.utf8.index(after: open)..<text.utf8.index(before: text.utf8.endIndex)]
            groups.insert(String(inner).trimmingASCIIWhitespace(), at: 0)
            text = Substring(String(text[..<open]).trimmingASCIIWhitespace())
        }
        var inChair = false
        groups.removeAll { group in
            if group.asciiLowercased() == "in the chair" {
                inChair = true
                return true
            }
            return false
        }
        var party: String?
        if let last = groups.last, Self.isParty(last) {
            party = last
            groups.removeLast()
        }
        var name = String(text)
        var office: String?
        var constituency: String?
        if groups.count == 1 && !name.isEmpty && Self.isOfficeLike(name) {
            office = name
            name = groups[0]
        } else if let first = groups.first, !name.isEmpty {
            constituency = first
        } else if name.isEmpty, let first = groups.first {
            name = first
        }
        speaker = Speaker(name: name, memberId: memberId, party: party, office: office, constituency: constituency)
        self.inChair = inChair
    }

    /// The role the label states, or nil when it states none (an ordinary member, by default).
    var statedRole: SpeakerRole? {
        if inChair || Self.namesChair(speaker.name) || (speaker.office.map(Self.namesChair) ?? false) { return .chair }
        if Self.namesMinisterialOffice(speaker.name) || (speaker.office.map(Self.namesMinisterialOffice) ?? false) {
            return .minister
        }
        return nil
    }

    private static func matchingOpen(in text: Substring) -> Substring.Index? {
        var depth = 0
        let bytes = text.utf8
        var index = bytes.endIndex
        while index > bytes.startIndex {
            index = bytes.index(before: index)
            switch bytes[index] {
            case 0x29: depth += 1
            case 0x28:
                depth -= 1
                if depth == 0 { return index == bytes.startIndex ? nil : index }
            default: break
            }
        }
        return nil
    }

    private static let parties: Set<String> = [
        "lab", "con", "ld", "lib dem", "snp", "pc", "dup", "sdlp", "uup", "sf", "green", "ind", "lab/co-op",
        "lab co-op", "alliance", "respect", "cb", "ukip", "non-afl", "bishops", "bp", "apni", "alba", "reform",
        "speaker", "crossbench", "lib", "ind lab", "ind con", "ind ld", "ind uu", "ind sd", "ind u", "uu",
    ]

    static func isParty(_ text: String) -> Bool {
        parties.contains(text.asciiLowercased())
    }

    /// Whether the text is printed like an office rather than a name.
    ///
    /// Offices are printed before the name: "The Secretary of State for …", "Mr. Deputy Speaker".
    static func isOfficeLike(_ text: String) -> Bool {
        let lower = text.asciiLowercased()
        return lower.hasPrefix("the ") || namesChair(text) || namesMinisterialOffice(text)
    }

    static func namesChair(_ text: String) -> Bool {
        let lower = text.asciiLowercased()
        if lower.containsBytes("shadow") { return false }
        // "Mr. DEPUTY-SPEAKER" and "The DEPUTY-CHAIRMAN" hyphenate the office.
        return lower.containsBytes("speaker") || lower.containsBytes("chairman")
            || lower.containsBytes("chairwoman") || lower.containsBytes("in the chair") || lower == "the chair"
    }

    /// True when the text is printed as a ministerial office (never a shadow or private secretary).
    static func namesMinisterialOffice(_ text: String) -> Bool { OfficeTitles.isMinisterial(text) }
}

/// The number printed before a tabled question.
enum QuestionNumber {
    /// "1.", "Q1.", "Ql." (the archive's OCR of "Q1."), "57 and 58.".
    static func matches(_ text: String) -> Bool {
        guard text.hasSuffix(".") else { return false }
        var body = Substring(text.dropLast())
        if body.hasPrefix("Q") { body = body.dropFirst() }
        let parts = body.split(separator: " ")
        guard parts.count % 2 == 1 else { return false }
        for (offset, part) in parts.enumerated() {
            if offset % 2 == 1 {
                if part != "and" && part != "&" { return false }
            } else if !part.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "l" || $0 == "I" }) {
                return false
            }
        }
        return true
    }
}

/// Remembers the offices a page has printed, so that a later label with only a name keeps its office.
///
/// "Mr. McKENNA" later on the page is then known to be the "SECRETARY of STATE for the HOME DEPARTMENT" it named
/// earlier.
struct OfficeMemory {
    private var offices: [String: String] = [:]
    private var ambiguous: Set<String> = []
    /// A page prints the same few labels many times; each is split and classified once.
    private var parsed: [String: (PrintedSpeaker, SpeakerRole?, [String])] = [:]

    /// The speaker, role, confidence and evidence for a printed label.
    mutating func attribute(label: String, memberId: String?) -> (Speaker, SpeakerRole, Double, [String]) {
        let cacheKey = memberId.map { label + "\u{0}" + $0 } ?? label
        let printed: PrintedSpeaker
        let stated: SpeakerRole?
        let keys: [String]
        if let known = parsed[cacheKey] {
            (printed, stated, keys) = known
        } else {
            printed = PrintedSpeaker(label: label, memberId: memberId)
            stated = printed.statedRole
            keys = Self.keys(for: printed.speaker)
            parsed[cacheKey] = (printed, stated, keys)
        }
        let speaker = printed.speaker
        if let role = stated {
            if role == .minister, let office = speaker.office ?? Optional(speaker.name) {
                for key in keys { remember(office, under: key) }
            }
            return (speaker, role, 1, [])
        }
        for key in keys where !ambiguous.contains(key) {
            if let office = offices[key] {
                return (speaker, .minister, 0.9, ["the page names this member earlier as \(office)"])
            }
        }
        return (speaker, .member, 0.8, [])
    }

    private mutating func remember(_ office: String, under key: String) {
        if let known = offices[key], known.lowercased() != office.lowercased() {
            ambiguous.insert(key)
        }
        offices[key] = office
    }

    private static let honorifics: Set<String> = [
        "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "baroness", "baron", "viscount",
        "viscountess", "earl", "countess", "marquess", "duke", "rev", "hon",
    ]

    /// The member id, the whole name, and honorific plus surname ("mr hague" for "Mr William Hague").
    private static func keys(for speaker: Speaker) -> [String] {
        var keys: [String] = []
        if let id = speaker.memberId { keys.append("id:" + id) }
        let words = speaker.name.lowercased().split(whereSeparator: { $0 == " " || $0 == "." })
        guard !words.isEmpty else { return keys }
        keys.append("name:" + words.joined(separator: " "))
        if words.count >= 3, let first = words.first, honorifics.contains(String(first)), let last = words.last {
            keys.append("name:\(first) \(last)")
        }
        return keys
    }
}

/// Dates as the pages print them: "16 November 1914", "Tuesday, 11 January 2011.", "11 Jan 2011",
/// or a historic Hansard path such as "sittings/1914/nov/16".
enum PrintedDate {
    private static let months = fullMonths.map { String($0.prefix(3)) }

    /// The first day, month name and year in `text`, or nil (also when they name no day, as "31 February").
    static func date(from text: String) -> SittingDate? {
        scan(text).date
    }

    /// ASCII letters and digits make words; everything else separates them.
    ///
    /// Works on bytes, since Character properties cost more than the rest of a page's headings put together.
    private static func scan(_ text: String) -> (date: SittingDate?, words: Int) {
        var day: Int?
        var month: Int?
        var year: Int?
        var words = 0
        var token: [UInt8] = []
        func finish() {
            guard !token.isEmpty else { return }
            words += 1
            if token.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                let number = token.reduce(0) { $0 * 10 + Int($1 - 0x30) }
                if token.count == 4, (1700...2200).contains(number), year == nil {
                    year = number
                } else if token.count <= 2, (1...31).contains(number), day == nil {
                    day = number
                }
            } else if month == nil, token.count >= 3 {
                let lower = String(decoding: token.map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 + 0x20 : $0 }, as: UTF8.self)
                if let index = months.firstIndex(of: String(lower.prefix(3))),
                    lower.count == 3 || Self.fullMonths[index].hasPrefix(lower) || lower == "sept"
                {
                    month = index + 1
                }
            }
            token.removeAll(keepingCapacity: true)
        }
        for byte in text.utf8 {
            let isWordByte =
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            if isWordByte { token.append(byte) } else { finish() }
        }
        finish()
        guard let day, let month, let year else { return (nil, words) }
        return (SittingDate(year: year, month: month, day: day), words)
    }

    private static let fullMonths = SittingDate.monthNames.map { $0.lowercased() }

    /// True when the text is a weekday and date and nothing else, for example "Tuesday 19 July 2011".
    static func isDateLine(_ text: String) -> Bool {
        let (date, words) = scan(text)
        return date != nil && words <= 5
    }
}
