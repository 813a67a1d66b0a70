import Foundation
import HansardIngestion

extension SpeakerFinder {
    // MARK: Departments

    mutating func findDepartments() {
        let date = debate.metadata.date
        let house = debate.metadata.house
        let table = rules.departments
        let sections = debate.metadata.sections
        let writtenPage = (debate.metadata.type ?? debate.metadata.title).lowercased().contains("written")
        var votes: [Int: [(name: String, source: String)]] = [:]
        func vote(_ person: Int?, _ department: Department?, _ source: String) {
            guard let person, let department, findings.government.contains(person) else { return }
            votes[person, default: []].append((department.name, source))
        }
        for index in governmentTurns.sorted() {
            let turn = turns[index]
            let person = people.index(of: index)
            var found: (name: String, source: String)? = nil
            if let office = turn.speaker?.office,
                let department = table.department(inOffice: office, on: date, house: house)
            {
                found = (department.name, "office line \u{201C}\(office)\u{201D}")
            }
            if found == nil, let person,
                let office = people.people[person].offices.first(where: {
                    table.department(inOffice: $0, on: date, house: house) != nil
                }), let department = table.department(inOffice: office, on: date, house: house)
            {
                found = (department.name, "office line \u{201C}\(office)\u{201D}")
            }
            if found == nil, let question = answeredQuestion(by: index), let addressee = addressee(of: question),
                let department = table.department(inOffice: addressee, on: date, house: house)
            {
                found = (department.name, "the tabled question to the \(addressee) (turn \(question))")
            }
            if found == nil, house != .lords || writtenPage, var section = turn.section {
                while section >= 0, section < sections.count {
                    if let department = table.department(inHeading: sections[section].title, on: date, house: house) {
                        found = (department.name, "the heading \u{201C}\(sections[section].title)\u{201D}")
                        break
                    }
                    if sections[section].level == 1 { break }
                    section -= 1
                }
            }
            if let found {
                findings.departments[index] = found
                if let person { votes[person, default: []].append(found) }
            }
            // The speaker's own words, and how the next speaker addresses them.
            for sentence in sentences[index] {
                if let (text, matched) = firstMatch(rules.departmentSelf, sentence) {
                    vote(
                        person, table.department(inOffice: text, on: date, house: house),
                        "the minister\u{2019}s words \(Self.quote(Self.upToDepartment(matched), limit: 100))"
                            + " (turn \(index))"
                    )
                }
            }
            if let next = nextSpeech(after: index), people.index(of: next) != person, !governmentTurns.contains(next) {
                for sentence in sentences[next] {
                    if let (text, matched) = firstMatch(rules.departmentAddressed, sentence) {
                        vote(
                            person, table.department(inOffice: text, on: date, house: house),
                            "addressed in turn \(next): \(Self.quote(Self.upToDepartment(matched), limit: 100))")
                    }
                }
            }
        }
        for (person, list) in votes {
            var counts: [String: Int] = [:]
            for item in list { counts[item.name, default: 0] += 1 }
            guard let best = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key,
                let source = list.first(where: { $0.name == best })?.source
            else { continue }
            findings.personDepartments[person] = (best, source)
        }
        for index in governmentTurns where findings.departments[index] == nil {
            if let person = people.index(of: index), let department = findings.personDepartments[person] {
                findings.departments[index] = department
            }
        }
    }

    /// A cue quoted up to the end of its first clause: "my first day as a Minister at the Cabinet Office".
    static func upToDepartment(_ text: String) -> String {
        let stops: [Character] = [".", ";", ":", "?", "!"]
        return text.firstIndex(where: { stops.contains($0) }).map { String(text[..<$0]) } ?? text
    }

    /// The tabled question a Government turn answers: the nearest tabled question before it in its section.
    func answeredQuestion(by index: Int) -> Int? {
        var cursor = index - 1
        while cursor >= 0, turns[cursor].section == turns[index].section {
            if tabledTurns.contains(cursor) { return cursor }
            cursor -= 1
        }
        return nil
    }

    /// "asked the Chancellor of the Exchequer what …" → "Chancellor of the Exchequer";
    /// "To ask the Secretary of State
    /// for the Home Department if …" → "Secretary of State for the Home Department".
    func addressee(of question: Int) -> String? {
        guard let first = turns[question].paragraphs.first else { return nil }
        let words = first.split(separator: " ")
        guard let start = words.firstIndex(where: { $0.lowercased() == "asked" || $0.lowercased() == "ask" }),
            start + 1 < words.count, words[start + 1].lowercased() == "the"
        else { return nil }
        let stops: Set<String> = [
            "what", "whether", "if", "how", "when", "why", "which", "to", "for", "who", "where", "on", "about", "(1)",
        ]
        var taken: [Substring] = []
        for word in words[(start + 2)...] {
            let lower = word.lowercased().trimmingCharacters(in: .punctuationCharacters)
            // "for" belongs to "Secretary of State for Defence" and "Minister for Welsh Affairs".
            let officeFor =
                lower == "for" && ["state", "minister", "secretary"].contains(taken.last?.lowercased() ?? "")
            if stops.contains(lower), !officeFor { break }
            taken.append(word)
            if word.hasSuffix(",") { break }
        }
        let text = taken.joined(separator: " ").trimmingCharacters(in: .punctuationCharacters.union(.whitespaces))
        return text.isEmpty ? nil : text
    }
}
