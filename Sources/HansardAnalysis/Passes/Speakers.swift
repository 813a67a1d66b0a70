import Foundation
import HansardIngestion

/// What the speaker pass found: who the people are, who speaks for the Government and the chair, why, and for which
/// department.
///
/// Made once per debate by ``AnalysisRun/findSpeakers()``.
struct SpeakerFindings: Sendable {
    var people = PagePeople(turns: [], house: nil)
    /// Person index → the evidence for and against them.
    var evidence: [Int: PersonEvidence] = [:]
    /// People read as the Government's.
    var government: Set<Int> = []
    /// People read as the chair.
    var chair: Set<Int> = []
    /// Turn → (canonical department, where it was read).
    var departments: [Int: (name: String, source: String)] = [:]
    /// Person → their department for the debate.
    var personDepartments: [Int: (name: String, source: String)] = [:]
}

/// The page's evidence about one person, strongest first when reported.
struct PersonEvidence: Sendable {
    enum Weight: Int, Sendable, Comparable {
        /// Against: a member who mentions "the Minister" as someone else.
        case weakAgainst = -1
        /// For: a sign that alone could mislead (addressed as the Minister, replying before a withdrawal).
        case medium = 1
        /// For: the page says so (office line, minister role, answers a tabled question, makes a statement).
        case strong = 3
        static func < (a: Weight, b: Weight) -> Bool { a.rawValue < b.rawValue }
    }

    var positive: [(weight: Weight, reason: String)] = []
    /// Definite signs the person is not the Government's: an Opposition or chair office line, called as a
    /// shadow minister or spokesperson, asking a tabled question, speaking as the Opposition.
    var against: [String] = []
    var weakAgainst = 0
    var chair: [String] = []

    var strong: Bool { positive.contains { $0.weight == .strong } }
    var medium: Int { positive.filter { $0.weight == .medium }.count }

    mutating func add(_ weight: Weight, _ reason: String) {
        if weight == .weakAgainst {
            weakAgainst += 1
        } else if !positive.contains(where: { $0.reason == reason }) {
            positive.append((weight, reason))
        }
    }

    /// Reasons in words, strongest first, at most `limit`.
    func reasons(limit: Int = 6) -> [String] {
        let sorted = positive.enumerated().sorted { a, b in
            a.element.weight != b.element.weight ? a.element.weight > b.element.weight : a.offset < b.offset
        }
        return Array(sorted.map(\.element.reason).prefix(limit))
    }
}

extension AnalysisRun {
    // MARK: Speakers

    /// Finds the chair, the tabled questions and the Government's speakers (the `chair`, `tabled` and `government`
    /// turn sets the other passes use), each person's evidence and each Government turn's department.
    mutating func findSpeakers() {
        var finder = SpeakerFinder(run: self)
        finder.find()
        chair = finder.chairTurns
        tabled = finder.tabledTurns
        government = finder.governmentTurns
        speakers = finder.findings
    }

    func speakerReference(_ turn: Turn) -> SpeakerReference {
        let role: SpeakerRole =
            government.contains(turn.index)
            ? .minister : chair.contains(turn.index) ? .chair : turn.role == .minister ? .member : turn.role
        let index = speakers.people.index(of: turn.index)
        let person = index.map { speakers.people.people[$0] }
        var evidence: [String] = []
        if let index, role == .minister || role == .chair {
            evidence = speakers.evidence[index].map { role == .chair ? $0.chair : $0.reasons() } ?? []
        }
        if role == .minister, evidence.isEmpty, turn.attribution == .inferred {
            evidence = turn.roleEvidence
        }
        let department = role == .minister ? speakers.departments[turn.index] : nil
        return SpeakerReference(
            name: person?.name ?? turn.speaker?.name, role: role,
            office: turn.speaker?.office ?? (role == .minister ? person?.offices.first : nil),
            person: person?.key, department: department?.name, departmentSource: department?.source, evidence: evidence)
    }

    /// One entry per person who speaks for the Government.
    func governmentSpeakers() -> [GovernmentSpeaker] {
        speakers.government.sorted {
            speakers.people.people[$0].turns.first ?? 0 < speakers.people.people[$1].turns.first ?? 0
        }
        .map { index in
            let person = speakers.people.people[index]
            return GovernmentSpeaker(
                person: person.key, name: person.name, aliases: person.labels, memberId: person.memberId,
                offices: person.offices, department: speakers.personDepartments[index]?.name,
                evidence: speakers.evidence[index]?.reasons() ?? [], turns: person.turns.filter(government.contains))
        }
    }

    func isMember(_ index: Int) -> Bool {
        turns[index].kind == .speech && !government.contains(index) && !chair.contains(index)
    }

    /// Whether the turn is a member's few words called across the chamber, which do not take the floor from the
    /// minister about to answer.
    ///
    /// For example "Yes. Get something done." or "My Lords—".
    func isInterjection(_ index: Int) -> Bool {
        let turn = turns[index]
        guard !government.contains(index) && !tabled.contains(index) else { return false }
        // At most six words: counting stops at the seventh, not at the end of a long speech.
        var words = 0
        for paragraph in turn.paragraphs {
            words += TextTools.spaceSeparatedRuns(paragraph, upTo: 7 - words)
            if words > 6 { return false }
        }
        return true
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
