import Foundation
import HansardIngestion

extension AnalysisRun {
    // MARK: Speakers

    func isChair(_ turn: Turn) -> Bool {
        if turn.role == .chair { return true }
        guard let speaker = turn.speaker else { return false }
        return rules.chairNames.contains { $0.matches(speaker.name) }
    }

    func officeText(_ turn: Turn) -> String {
        [turn.speaker?.office, turn.speaker?.name].compactMap { $0 }.joined(separator: " | ")
    }

    func hasGovernmentOffice(_ turn: Turn) -> Bool {
        let office = officeText(turn)
        guard !office.isEmpty else { return false }
        if rules.nonGovernmentOffices.contains(where: { $0.matches(office) }) { return false }
        return rules.governmentOffices.contains { $0.matches(office) }
    }

    func hasNonGovernmentOffice(_ turn: Turn) -> Bool {
        let office = officeText(turn)
        return !office.isEmpty && rules.nonGovernmentOffices.contains { $0.matches(office) }
    }

    /// A key that joins a member's turns: the member id, else the name without honorifics
    /// (the surname in the Commons, where a first answer gives "Mr. Denzil Freeth" and later ones "Mr. Freeth").
    static func speakerKey(_ speaker: Speaker?) -> String? {
        guard let speaker else { return nil }
        if let id = speaker.memberId, !id.isEmpty { return "id:" + id }
        var name = speaker.name
        if let paren = name.firstIndex(of: "(") { name = String(name[..<paren]) }
        let words = name.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
        guard let first = words.first else { return nil }
        let peerage: Set<String> = ["lord", "baroness", "earl", "viscount", "marquess", "duke", "countess", "bishop", "lady", "archbishop"]
        if peerage.contains(first.lowercased()) { return "name:" + words.joined(separator: " ").lowercased() }
        guard let last = words.last else { return nil }
        return "surname:" + last.lowercased().trimmingCharacters(in: .punctuationCharacters)
    }

    func isTabledQuestion(_ turn: Turn) -> Bool {
        guard turn.kind == .speech, let first = turn.paragraphs.first else { return false }
        return rules.tabledQuestions.contains { $0.matches(first) }
    }

    mutating func findSpeakers() {
        var keys: Set<String> = []
        for turn in turns where turn.kind == .speech {
            if isChair(turn) { chair.insert(turn.index); continue }
            if isTabledQuestion(turn) { tabled.insert(turn.index) }
            if turn.role == .minister || hasGovernmentOffice(turn) {
                government.insert(turn.index)
                if let key = Self.speakerKey(turn.speaker) { keys.insert(key) }
            }
        }
        // The member who answers a tabled question answers for the government.
        for index in tabled.sorted() {
            let askerKey = Self.speakerKey(turns[index].speaker)
            var next = index + 1
            while next < turns.count {
                let turn = turns[next]
                if turn.kind == .speech, !chair.contains(next), !tabled.contains(next) {
                    let key = Self.speakerKey(turn.speaker)
                    if key == nil || key != askerKey, turn.role != .member || turn.attribution == .page,
                        !hasNonGovernmentOffice(turn)
                    {
                        if turn.speaker != nil || turn.role == .minister {
                            government.insert(next)
                            if let key { keys.insert(key) }
                        }
                    }
                    break
                }
                next += 1
            }
        }
        for turn in turns where turn.kind == .speech && !chair.contains(turn.index) {
            if let key = Self.speakerKey(turn.speaker), keys.contains(key), !hasNonGovernmentOffice(turn) {
                government.insert(turn.index)
            }
        }
    }

    func speakerReference(_ turn: Turn) -> SpeakerReference {
        let role: SpeakerRole = government.contains(turn.index) ? .minister : chair.contains(turn.index) ? .chair : turn.role
        return SpeakerReference(name: turn.speaker?.name, role: role, office: turn.speaker?.office)
    }

    func isMember(_ index: Int) -> Bool {
        turns[index].kind == .speech && !government.contains(index) && !chair.contains(index)
    }

    /// A member's few words called across the chamber ("Yes. Get something done.", "My Lords—"),
    /// which do not take the floor from the minister about to answer.
    func isInterjection(_ index: Int) -> Bool {
        let turn = turns[index]
        return !government.contains(index) && !tabled.contains(index)
            && turn.paragraphs.reduce(0) { $0 + $1.split(separator: " ").count } <= 6
    }

    /// The next speech that is not the chair's or an interjection, if it is the government's.
    func governmentReply(after index: Int) -> Int? {
        var next = index + 1
        while next < turns.count {
            if turns[next].kind == .speech && !chair.contains(next) && !isInterjection(next) {
                return government.contains(next) ? next : nil
            }
            next += 1
        }
        return nil
    }
}
