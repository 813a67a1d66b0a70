import Foundation
public import HansardIngestion

/// A department of the UK Government, as the department table (`Resources/departments.json`,
/// the same file as `data/uk-government-departments.json`) records it.
public struct Department: Sendable, Hashable, Codable {
    /// Dates a name was in use: `from` inclusive, `to` exclusive (written `yyyy-MM-dd`); nil is open.
    public struct Period: Sendable, Hashable, Codable {
        /// The first day the name was in use; nil when open.
        public var from: SittingDate?
        /// The first day the name was no longer in use; nil while it still is.
        public var to: SittingDate?

        /// Whether the sitting day `date` falls in the period; an unknown date falls in every period.
        public func contains(_ date: SittingDate?) -> Bool {
            guard let date else { return true }
            if let from, date < from { return false }
            if let to, date >= to { return false }
            return true
        }
    }

    /// An office whose holder speaks for the department, for example "Chancellor of the Exchequer".
    public struct Office: Sendable, Hashable, Codable {
        /// The office as printed in office lines.
        public var title: String
        /// The first day the office spoke for the department; nil when open.
        public var from: SittingDate?
        /// The first day it no longer did; nil when open.
        public var to: SittingDate?
        /// The office is the department's only in one House ("Leader of the House").
        public var house: House?
        /// Held with another post ("Paymaster General"): a departmental office on the same line wins.
        public var weak: Bool
        /// Whether the office's dates are approximate: known to the month or year, or the announcement's date.
        public var approximate: Bool

        /// Decodes an office written as a bare title or as an object with dates, House and flags.
        public init(from decoder: any Decoder) throws {
            if let title = try? decoder.singleValueContainer().decode(String.self) {
                self.title = title
                weak = false
                approximate = false
                return
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            title = try container.decode(String.self, forKey: .title)
            from = try container.decodeIfPresent(SittingDate.self, forKey: .from)
            to = try container.decodeIfPresent(SittingDate.self, forKey: .to)
            house = try container.decodeIfPresent(House.self, forKey: .house)
            weak = try container.decodeIfPresent(Bool.self, forKey: .weak) ?? false
            approximate = try container.decodeIfPresent(Bool.self, forKey: .approximate) ?? false
        }

        private enum CodingKeys: String, CodingKey { case title, from, to, house, weak, approximate }

        /// Encodes the office, leaving out what is unset, so that the table stays in the file's own shape.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(title, forKey: .title)
            try container.encodeIfPresent(from, forKey: .from)
            try container.encodeIfPresent(to, forKey: .to)
            try container.encodeIfPresent(house, forKey: .house)
            if weak { try container.encode(weak, forKey: .weak) }
            if approximate { try container.encode(approximate, forKey: .approximate) }
        }
    }

    /// A stable key, for example "home-office".
    public var id: String
    /// The canonical name, for example "Home Office": what the register stores and the report groups by.
    public var name: String
    /// The dates the name was in use; a department that went and came back under one name has two.
    public var periods: [Period]
    /// Other names for the department, for example "Home Department".
    public var aliases: [String]
    /// Offices whose holders speak for the department, some limited to dates or to one House.
    public var offices: [Office]
    /// Question-time headings Hansard files the department's questions under, for example "National Finance".
    public var headings: [String]
    /// Ids of the departments it succeeded.
    public var predecessors: [String]
    /// What is approximate: "from", "to", "periods" or "name"; nil when the dates are exact.
    public var approximate: String?
    /// Remarks on the entry, for whoever checks it against its sources.
    public var notes: String?
    /// Keys into the table's sources.
    public var sources: [String]

    /// Decodes an entry; only the id, name and periods are required.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        periods = try container.decode([Period].self, forKey: .periods)
        aliases = try container.decodeIfPresent([String].self, forKey: .aliases) ?? []
        offices = try container.decodeIfPresent([Office].self, forKey: .offices) ?? []
        headings = try container.decodeIfPresent([String].self, forKey: .headings) ?? []
        predecessors = try container.decodeIfPresent([String].self, forKey: .predecessors) ?? []
        approximate = try container.decodeIfPresent(String.self, forKey: .approximate)
        notes = try container.decodeIfPresent(String.self, forKey: .notes)
        sources = try container.decodeIfPresent([String].self, forKey: .sources) ?? []
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, periods, aliases, offices, headings, predecessors, approximate, notes, sources
    }

    /// Whether the department existed under this name on `date` (always, for an unknown date).
    public func exists(on date: SittingDate?) -> Bool { periods.contains { $0.contains(date) } }

    /// The latest day of its last period, for choosing among departments when the date is unknown.
    var latest: SittingDate { periods.map { $0.to ?? .distantFuture }.max() ?? .distantPast }
}

/// The department table: canonical names, aliases, offices, dates and predecessors, with the sources they come from.
///
/// Loaded once from the bundled `departments.json`; a bad entry stops hansard with the entry named.
public struct DepartmentTable: Sendable {
    /// Where the table's facts come from.
    public struct Source: Sendable, Hashable, Codable {
        /// The source's title.
        public var title: String
        /// Where the source can be read.
        public var url: String
    }

    private struct File: Decodable {
        var version: Int
        var sources: [String: Source]
        var unassignedOffices: [String]
        var departments: [Department]
    }

    /// What a phrase of the table stands for.
    private struct Phrase: Sendable {
        enum Kind: Sendable { case name, heading, office, unassigned }
        var words: [String]
        var kind: Kind
        /// Index into `departments`; nil for an unassigned office.
        var department: Int?
        var from: SittingDate?
        var to: SittingDate?
        var house: House?
        var weak: Bool

        func applies(on date: SittingDate?, in house: House?, departments: [Department]) -> Bool {
            guard let department else { return false }
            if let house, let own = self.house, own != house { return false }
            if let date {
                if let from, date < from { return false }
                if let to, date >= to { return false }
            }
            return departments[department].exists(on: date)
        }
    }

    /// Every department in the table, in file order.
    public let departments: [Department]
    /// The table's sources by key, for the keys each department lists.
    public let sources: [String: Source]
    private let byId: [String: Int]
    private let byName: [String: Int]
    /// Phrases by their first word, longest first.
    private let phrases: [String: [Phrase]]

    /// The table bundled with hansard.
    public static func bundled() throws(AnalysisError) -> DepartmentTable {
        try BundledGovernment.shared.departments.get()
    }

    /// Reads and checks a table in the bundled file's shape.
    init(data: Data, file: String) throws(AnalysisError) {
        let decoded: File
        do {
            decoded = try JSONDecoder().decode(File.self, from: data)
        } catch let error as DecodingError {
            throw .lexiconMalformed(file: file, reason: AnalysisError.describe(error))
        } catch {
            throw .lexiconMalformed(file: file, reason: "\(error)")
        }
        func bad(_ reason: String) -> AnalysisError { .lexiconMalformed(file: file, reason: reason) }
        guard decoded.version == 1 else { throw bad("version \(decoded.version); this hansard reads version 1") }
        var byId: [String: Int] = [:]
        var byName: [String: Int] = [:]
        for (index, department) in decoded.departments.enumerated() {
            let label = "department \"\(department.id)\""
            guard !department.id.isEmpty, !department.name.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw bad("department \(index + 1) has an empty id or name")
            }
            guard byId.updateValue(index, forKey: department.id) == nil else { throw bad("\(label) is listed twice") }
            let key = Self.words(department.name).joined(separator: " ")
            guard byName.updateValue(index, forKey: key) == nil else {
                throw bad("\(label): the name \"\(department.name)\" is used by another entry")
            }
            guard !department.periods.isEmpty else { throw bad("\(label) has no periods") }
            for period in department.periods {
                if let from = period.from, let to = period.to, from >= to {
                    throw bad("\(label): a period from \(from) to \(to) ends before it starts")
                }
            }
            for office in department.offices {
                guard !Self.words(office.title).isEmpty else { throw bad("\(label) has an empty office title") }
            }
            for alias in department.aliases + department.headings where Self.words(alias).isEmpty {
                throw bad("\(label) has an empty alias or heading")
            }
            if let approximate = department.approximate, !["from", "to", "periods", "name"].contains(approximate) {
                throw bad("\(label): approximate is \"\(approximate)\"; use from, to, periods or name")
            }
            for source in department.sources where decoded.sources[source] == nil {
                throw bad("\(label) cites the source \"\(source)\", which the table's sources do not list")
            }
        }
        for department in decoded.departments {
            for predecessor in department.predecessors where byId[predecessor] == nil || predecessor == department.id {
                throw bad(
                    "department \"\(department.id)\": predecessor \"\(predecessor)\" is not another entry of the table")
            }
        }
        var phrases: [String: [Phrase]] = [:]
        func add(_ text: String, _ kind: Phrase.Kind, _ department: Int?, office: Department.Office? = nil) {
            let words = Self.words(text)
            guard let first = words.first else { return }
            phrases[first, default: []].append(
                Phrase(
                    words: words, kind: kind, department: department, from: office?.from, to: office?.to,
                    house: office?.house, weak: office?.weak ?? false))
        }
        for (index, department) in decoded.departments.enumerated() {
            for name in [department.name] + department.aliases { add(name, .name, index) }
            for heading in department.headings { add(heading, .heading, index) }
            for office in department.offices { add(office.title, .office, index, office: office) }
        }
        for office in decoded.unassignedOffices { add(office, .unassigned, nil) }
        for key in phrases.keys { phrases[key]!.sort { $0.words.count > $1.words.count } }
        try Self.checkConflicts(phrases, departments: decoded.departments, bad: bad)
        departments = decoded.departments
        sources = decoded.sources
        self.byId = byId
        self.byName = byName
        self.phrases = phrases
    }

    /// Two departments may share a name or office only on different dates (or in different Houses).
    private static func checkConflicts(
        _ phrases: [String: [Phrase]], departments: [Department], bad: (String) -> AnalysisError
    ) throws(AnalysisError) {
        for list in phrases.values {
            let departmental = list.filter { $0.department != nil && $0.kind != .heading }
            for (i, a) in departmental.enumerated() {
                for b in departmental[(i + 1)...] where a.words == b.words && a.department != b.department {
                    if let ha = a.house, let hb = b.house, ha != hb { continue }
                    if a.weak != b.weak { continue }
                    let da = departments[a.department!]
                    let db = departments[b.department!]
                    for pa in da.periods {
                        for pb in db.periods {
                            let start = max(
                                pa.from ?? .distantPast, a.from ?? .distantPast, pb.from ?? .distantPast,
                                b.from ?? .distantPast)
                            let end = min(
                                pa.to ?? .distantFuture, a.to ?? .distantFuture, pb.to ?? .distantFuture,
                                b.to ?? .distantFuture)
                            if start < end {
                                throw bad(
                                    "\"\(a.words.joined(separator: " "))\" names both \"\(da.id)\" and \"\(db.id)\" "
                                        + "from \(start == .distantPast ? "the start" : start.description); "
                                        + "limit one of them by date or House"
                                )
                            }
                        }
                    }
                }
            }
        }
    }

    /// The department with this id.
    public func department(id: String) -> Department? { byId[id].map { departments[$0] } }

    /// The department whose canonical name (or an alias) is exactly `name`, ignoring case and punctuation.
    public func department(named name: String, on date: SittingDate? = nil) -> Department? {
        let words = Self.words(name)
        if let index = byName[words.joined(separator: " ")] { return departments[index] }
        return best(phrases[words.first ?? ""]?.filter { $0.words == words && $0.kind == .name }, on: date, house: nil)
    }

    // MARK: Reading a department from the page

    /// The department an office line (or a tabled question's addressee) names on the sitting day: "The Minister of
    /// State, Cabinet Office" → Cabinet Office; "The Deputy Prime Minister and Secretary of State for Justice" →
    /// Ministry of Justice.
    ///
    /// The longest office or name at each point is read, so "Prime Minister" inside "Deputy Prime Minister" is not; a
    /// weak office gives way to a departmental one.
    public func department(inOffice text: String, on date: SittingDate?, house: House?) -> Department? {
        let words = Self.words(text)
        var found: [(position: Int, phrase: Phrase)] = []
        var index = 0
        while index < words.count {
            if let phrase = longest(at: index, in: words, on: date, house: house) {
                if phrase.department != nil { found.append((index, phrase)) }
                index += phrase.words.count
            } else {
                index += 1
            }
        }
        let strong = found.filter { !$0.phrase.weak }
        guard let chosen = (strong.isEmpty ? found : strong).first else { return nil }
        return departments[chosen.phrase.department!]
    }

    /// The department a question-time or written-statements heading names, when the whole heading is one of its
    /// names: "HOME DEPARTMENT", "Justice", "Oral Answers to Questions — Defence", "Questions To The Prime Minister".
    public func department(inHeading heading: String, on date: SittingDate?, house: House?) -> Department? {
        for part in Self.headingParts(heading) {
            let words = Self.words(part)
            guard let first = words.first else { continue }
            let exact = phrases[first]?.filter { $0.words == words && $0.kind != .unassigned } ?? []
            if let department = best(exact, on: date, house: house) { return department }
        }
        return nil
    }

    /// The department a phrase starts with, or nil when it starts with none.
    ///
    /// "Cabinet Office. I was given…" → Cabinet Office; "Security Minister" → Home Office.
    public func department(startingWith text: String, on date: SittingDate?, house: House?) -> Department? {
        let words = Self.words(text)
        guard !words.isEmpty, let phrase = longest(at: 0, in: words, on: date, house: house),
            let department = phrase.department
        else { return nil }
        return departments[department]
    }

    /// The longest phrase at `index` that applies on the day, or an unassigned office (which names no
    /// department but keeps its words from being read as another office).
    private func longest(at index: Int, in words: [String], on date: SittingDate?, house: House?) -> Phrase? {
        guard let candidates = phrases[words[index]] else { return nil }
        var matchedLength = 0
        var matched: [Phrase] = []
        for phrase in candidates
        where phrase.kind != .heading && phrase.words.count >= matchedLength
            && index + phrase.words.count <= words.count
        {
            guard phrase.kind == .unassigned || phrase.applies(on: date, in: house, departments: departments),
                Array(words[index..<(index + phrase.words.count)]) == phrase.words
            else { continue }
            if phrase.words.count > matchedLength { matched = [] }
            matchedLength = phrase.words.count
            matched.append(phrase)
        }
        if let unassigned = matched.first(where: { $0.kind == .unassigned }) { return unassigned }
        if date == nil {
            return matched.max { departments[$0.department!].latest < departments[$1.department!].latest }
        }
        return matched.first
    }

    private func best(_ candidates: [Phrase]?, on date: SittingDate?, house: House?) -> Department? {
        let applying = (candidates ?? []).filter { $0.applies(on: date, in: house, departments: departments) }
        let chosen =
            date == nil
            ? applying.max { departments[$0.department!].latest < departments[$1.department!].latest } : applying.first
        return chosen.map { departments[$0.department!] }
    }

    // MARK: What the user asks for

    /// The canonical names a user's `--department` text stands for: every department one of whose names, headings or
    /// offices is the text ("Home Office", "Home Department", "Defence", "Treasury", "Chancellor of the Exchequer"),
    /// else whose name contains it ("Health"), each with the departments it succeeded.
    ///
    /// Empty when the text names no department in the table.
    public func canonicalNames(matching query: String) -> [String] {
        let words = Self.words(query)
        guard let first = words.first else { return [] }
        var found = Set((phrases[first] ?? []).filter { $0.words == words }.compactMap(\.department))
        if found.isEmpty {
            for (index, department) in departments.enumerated()
            where ([department.name] + department.aliases).contains(where: { Self.contains(Self.words($0), words) }) {
                found.insert(index)
            }
        }
        var queue = Array(found)
        while let next = queue.popLast() {
            for predecessor in departments[next].predecessors {
                if let index = byId[predecessor], found.insert(index).inserted { queue.append(index) }
            }
        }
        return Set(found.map { departments[$0].name }).sorted()
    }

    /// The canonical name for a department as a register of an earlier hansard stored it (a raw office
    /// fragment such as "the Cabinet Office and for the Olympics" or "The ATTORNEY-GENERAL").
    public func canonicalName(forStored text: String, on date: SittingDate?, house: House?) -> String? {
        (department(inHeading: text, on: date, house: house) ?? department(inOffice: text, on: date, house: house))?
            .name
    }

    // MARK: Words

    /// Lower-case words, with "the" dropped, "&" read as "and", apostrophes and hyphens taken out:
    /// "The Under-Secretary of State for WAR" → under secretary of state for war.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        func finish() {
            if !current.isEmpty && current != "the" { words.append(current) }
            current = ""
        }
        for character in text.lowercased() {
            if character == "'" || character == "\u{2019}" || character == "." { continue }
            if character == "&" {
                finish()
                words.append("and")
            } else if character.isLetter || character.isNumber {
                current.append(character)
            } else {
                finish()
            }
        }
        finish()
        return words
    }

    private static func contains(_ haystack: [String], _ needle: [String]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where Array(haystack[start..<(start + needle.count)]) == needle
        {
            return true
        }
        return false
    }

    /// A heading and the parts of it that can name a department: "Oral Answers to Questions — Defence" → Defence;
    /// "Questions To The Prime Minister" → Prime Minister; "Prime Minister (Engagements)" → Prime Minister.
    static func headingParts(_ heading: String) -> [String] {
        var parts: [String] = []
        for separator in ["\u{2014}", " - ", "\u{2013}"] where heading.contains(separator) {
            parts += heading.components(separatedBy: separator)
        }
        parts.append(heading)
        var result: [String] = []
        for var part in parts {
            if let open = part.firstIndex(of: "(") { part = String(part[..<open]) }
            part = part.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
            let lower = part.lowercased()
            for prefix in [
                "oral answers to questions", "questions to the", "questions to", "written ministerial statements",
                "written statements", "written answers",
            ]
            where lower.hasPrefix(prefix) {
                part = String(part.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
                break
            }
            if !part.isEmpty { result.append(part) }
        }
        return result
    }

}
