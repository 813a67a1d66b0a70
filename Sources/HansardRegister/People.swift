public import HansardAnalysis
public import HansardIngestion

/// One minister across the register, however many ways the pages name them.
public struct RegisterPerson: Sendable, Hashable, Codable {
    /// Stable for the register: a member id key where a page gives one, else the key of the fullest name.
    public var id: String
    /// The fullest name any page gives; nil for a minister no page names.
    public var name: String?
    /// Every label the pages print, fullest first.
    public var aliases: [String]

    /// Creates a person.
    public init(id: String, name: String?, aliases: [String]) {
        self.id = id
        self.name = name
        self.aliases = aliases
    }

    /// The name, or the one wording for a minister the page does not name.
    public var displayName: String { name ?? SpeakerReference.unnamedMinister }
}

/// Merges the ministers of a register's commitments into people.
///
/// Two appearances are one person with the same member id; else with the same title (a peer) or a compatible name
/// ("Sir D. Eccles" and "Sir David Eccles") in the same House and department. A minister a page does not name is a
/// person of that debate only.
public enum PeopleDirectory {
    /// One way a minister appears: a page's person key, with that page's labels and department.
    public struct Appearance: Sendable, Hashable {
        /// The page's key for the person (`id:…`, `name:…`, `peer:…`); nil when the page has none.
        public var person: String?
        /// The name the page gives; nil for a minister it does not name.
        public var name: String?
        /// Every label that page prints for the person.
        public var aliases: [String]
        /// The department the minister answers for on that page, when known.
        public var department: String?
        /// The House the page is from; names are only merged within one House.
        public var house: House?
        /// Set only for a minister the page does not name, who is kept to their debate.
        public var debateId: String?

        /// Creates an appearance.
        public init(
            person: String?, name: String?, aliases: [String], department: String?, house: House?, debateId: String?
        ) {
            self.person = person
            self.name = name
            self.aliases = aliases
            self.department = department
            self.house = house
            self.debateId = debateId
        }

        /// The appearance of a commitment's minister.
        public init(_ commitment: CommitmentRecord) {
            let unnamed = commitment.speakerName == nil || commitment.person?.hasPrefix("unnamed:") == true
            self.init(
                person: commitment.person, name: commitment.speakerName,
                aliases: commitment.aliases.isEmpty ? [commitment.speakerName].compactMap { $0 } : commitment.aliases,
                department: commitment.department, house: commitment.house,
                debateId: unnamed ? commitment.debateId : nil)
        }
    }

    /// The person each appearance belongs to.
    ///
    /// Deterministic: the same appearances give the same people.
    public static func people(_ appearances: [Appearance]) -> [Appearance: RegisterPerson] {
        // Keys made once: a large register has tens of thousands of appearances (one per debate for ministers the
        // pages do not name).
        let distinct = Array(Set(appearances))
        let sortKeys = distinct.map(key)
        let units = sortKeys.indices.sorted { sortKeys[$0] < sortKeys[$1] }.map { distinct[$0] }
        // Only named appearances merge (`compatible` refuses the others), so only they are paired.
        let named = units.indices.filter { units[$0].debateId == nil }
        var parent = Array(units.indices)
        func find(_ index: Int) -> Int {
            var index = index
            while parent[index] != index {
                parent[index] = parent[parent[index]]
                index = parent[index]
            }
            return index
        }
        func union(_ a: Int, _ b: Int) {
            let (ra, rb) = (find(a), find(b))
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        let names = units.map { unit in
            unit.debateId != nil
                ? [] : (unit.aliases + [unit.name].compactMap { $0 }).compactMap { PersonName($0, house: unit.house) }
        }
        // The same member id or title is the same person in the same House; the same fullest name ("name:…"), in
        // the same department too.
        var byKey: [String: Int] = [:]
        for (index, unit) in units.enumerated() {
            guard unit.debateId == nil, let person = unit.person else { continue }
            var key = person + "|" + (unit.house?.rawValue ?? "")
            if person.hasPrefix("name:") { key += "|" + (unit.department ?? "") }
            if let known = byKey[key] { union(known, index) } else { byKey[key] = index }
        }
        // Otherwise a compatible name in the same House: peers by title; commoners also in the same department, first
        // those with given names, then a bare surname ("Mr. Freeth") when exactly one person with given names fits it.
        let fullest = names.map { $0.max(by: { $0.fullness < $1.fullness }) }
        func compatible(_ i: Int, _ j: Int) -> Bool {
            guard units[i].debateId == nil, units[j].debateId == nil, units[i].house == units[j].house,
                fullest[i] != nil, fullest[j] != nil
            else { return false }
            if let a = units[i].person, let b = units[j].person, a.hasPrefix("id:"), b.hasPrefix("id:"),
                scheme(a) == scheme(b),
                a != b
            {
                return false
            }
            return names[i].allSatisfy { a in names[j].allSatisfy { $0.isCompatible(with: a) } }
        }
        for (position, i) in named.enumerated() {
            for j in named[(position + 1)...] where compatible(i, j) {
                if fullest[i]!.isTitled {
                    union(i, j)
                } else if units[i].department != nil, units[i].department == units[j].department,
                    !fullest[i]!.given.isEmpty, !fullest[j]!.given.isEmpty
                {
                    union(i, j)
                }
            }
        }
        for bare in named where fullest[bare].map({ !$0.isTitled && $0.given.isEmpty }) == true {
            guard units[bare].department != nil else { continue }
            let fits = named.filter { other in
                other != bare && compatible(bare, other) && !fullest[other]!.given.isEmpty
                    && units[other].department == units[bare].department
            }
            let roots = Set(fits.map(find))
            if roots.count == 1, let root = roots.first { union(bare, root) }
        }
        var groups: [Int: [Int]] = [:]
        for index in units.indices { groups[find(index), default: []].append(index) }
        var result: [Appearance: RegisterPerson] = [:]
        for members in groups.values {
            var labels: [(label: String, name: PersonName?)] = []
            for index in members {
                for label in units[index].aliases + [units[index].name].compactMap({ $0 })
                where !labels.contains(where: { $0.label == label }) {
                    labels.append((label, PersonName(label, house: units[index].house)))
                }
            }
            labels.sort(by: PersonName.displayOrder)
            let keys = members.compactMap { units[$0].person }
            let id =
                keys.filter { $0.hasPrefix("id:") }.min() ?? keys.filter { $0.hasPrefix("peer:") }.min()
                ?? members.map { index in
                    [units[index].person ?? "unnamed", units[index].department, units[index].debateId].compactMap { $0 }
                        .joined(separator: "@")
                }.min() ?? ""
            let person = RegisterPerson(id: id, name: labels.first?.label, aliases: labels.map(\.label))
            for index in members { result[units[index]] = person }
        }
        return result
    }

    private static func key(_ unit: Appearance) -> String {
        [unit.person ?? "", unit.house?.rawValue ?? "", unit.department ?? "", unit.debateId ?? "", unit.name ?? ""]
            .joined(separator: "|")
    }

    /// "id:uk.org.publicwhip/person/24815" → "id:uk.org.publicwhip/person"; hansard.parliament.uk ids are digits.
    private static func scheme(_ key: String) -> String {
        if let slash = key.lastIndex(of: "/") { return String(key[..<slash]) }
        return key.dropFirst(3).allSatisfy(\.isNumber) ? "id:number" : "id:name"
    }
}
