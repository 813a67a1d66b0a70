import HansardIngestion

/// The people who speak in a debate, one entry however many ways the page names them.
///
/// They are told apart by member id where the page gives one, else by name ("Mr. Freeth" is the "Mr. Denzil Freeth"
/// of the question before; "Sir D. Eccles" is "Sir David Eccles"). A minister the page does not name is one unnamed
/// person.
struct PagePeople: Sendable {
    struct Person: Sendable {
        /// Stable for the page: "id:…", "peer:…", "name:…" or "unnamed:minister".
        var key: String
        /// The distinct labels the page prints, in order of first appearance.
        var labels: [String] = []
        var memberId: String?
        /// The distinct office lines the page prints for the person.
        var offices: [String] = []
        var turns: [Int] = []
        var names: [PersonName] = []

        /// The fullest label (``PersonName/displayOrder(_:_:)``).
        var name: String? {
            let pairs = labels.map { label in (label: label, name: PersonName(label)) }
            return pairs.sorted(by: PersonName.displayOrder).first?.label
        }
    }

    private(set) var people: [Person] = []
    private var byTurn: [Int?]
    let house: House?

    init(turns: [Turn], house pageHouse: House?) {
        house = pageHouse
        let house = pageHouse
        byTurn = Array(repeating: nil, count: turns.count)
        var byKey: [String: Int] = [:]
        // Commoners without an id, by surname: the clusters of compatible labels, most recent last.
        var bySurname: [String: [Int]] = [:]
        var lastUse: [Int: Int] = [:]
        func attach(_ turn: Turn, to index: Int, label: String?, name: PersonName?) {
            byTurn[turn.index] = index
            people[index].turns.append(turn.index)
            lastUse[index] = turn.index
            if let label, !people[index].labels.contains(label) {
                people[index].labels.append(label)
                if let name { people[index].names.append(name) }
            }
            if let office = turn.speaker?.office, !office.isEmpty, office != label,
                !people[index].offices.contains(office)
            {
                people[index].offices.append(office)
            }
        }
        func create(_ key: String, memberId: String? = nil) -> Int {
            if let known = byKey[key] { return known }
            people.append(Person(key: key, memberId: memberId))
            byKey[key] = people.count - 1
            return people.count - 1
        }
        func createNew(_ key: String) -> Int {
            var unique = key
            var suffix = 2
            while byKey[unique] != nil {
                unique = "\(key)#\(suffix)"
                suffix += 1
            }
            people.append(Person(key: unique))
            byKey[unique] = people.count - 1
            return people.count - 1
        }
        // Member ids first, so that an id-less label of the same member can join them.
        var idPeople: [Int] = []
        for turn in turns where turn.kind == .speech {
            guard let speaker = turn.speaker, let id = speaker.memberId, !id.isEmpty else { continue }
            let index = create("id:" + id, memberId: id)
            if !idPeople.contains(index) { idPeople.append(index) }
            attach(turn, to: index, label: speaker.name, name: PersonName(speaker.name, house: house))
        }
        for turn in turns where turn.kind == .speech && byTurn[turn.index] == nil {
            guard let speaker = turn.speaker else {
                if turn.role == .minister {
                    attach(turn, to: create("unnamed:minister"), label: nil, name: nil)
                }
                continue
            }
            guard let name = PersonName(speaker.name, house: house) else { continue }
            let sameIdPerson = idPeople.filter { people[$0].names.contains { $0.isCompatible(with: name) } }
            if sameIdPerson.count == 1 {
                attach(turn, to: sameIdPerson[0], label: speaker.name, name: name)
                continue
            }
            if name.isTitled {
                attach(turn, to: create(name.stem), label: speaker.name, name: name)
                continue
            }
            let candidates = (bySurname[name.surname] ?? []).filter { index in
                people[index].names.allSatisfy { $0.isCompatible(with: name) }
            }
            let chosen: Int
            if let recent = candidates.max(by: { lastUse[$0, default: -1] < lastUse[$1, default: -1] }) {
                chosen = recent
            } else {
                chosen = createNew(name.stem)
                bySurname[name.surname, default: []].append(chosen)
            }
            attach(turn, to: chosen, label: speaker.name, name: name)
        }
        // Name keys say which person: surname, then the fullest given names the page prints.
        for index in people.indices where people[index].key.hasPrefix("name:") {
            guard let fullest = people[index].names.max(by: { $0.fullness < $1.fullness }) else { continue }
            let key = (["name:" + fullest.surname] + fullest.given).joined(separator: "|")
            if key != people[index].key, byKey[key] == nil {
                byKey[people[index].key] = nil
                byKey[key] = index
                people[index].key = key
            }
        }
    }

    /// The index of the person who speaks turn `turn`, if the page names one.
    func index(of turn: Int) -> Int? { turn < byTurn.count ? byTurn[turn] : nil }

    func person(of turn: Int) -> Person? { index(of: turn).map { people[$0] } }

    /// The person a name printed elsewhere on the page ("Moved by Lord Bach", "—(Robert Jenrick.)") refers to,
    /// when exactly one speaker fits it.
    func index(named label: String) -> Int? {
        guard let name = PersonName(label, house: house) else { return nil }
        let matches = people.indices.filter { index in people[index].names.contains { $0.isCompatible(with: name) } }
        return matches.count == 1 ? matches[0] : nil
    }
}
