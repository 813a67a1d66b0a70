import Foundation
import HansardIngestion

/// Reads the page's evidence of who speaks for the Government (docs/analysis.md, "Government speakers").
struct SpeakerFinder {
    let debate: Debate
    let rules: CompiledRules
    let sentences: [[String]]
    var findings = SpeakerFindings()
    var chairTurns: Set<Int> = []
    var tabledTurns: Set<Int> = []
    var governmentTurns: Set<Int> = []
    /// Turns the page itself shows are the Government's (a minister role or government office line, an answer to a
    /// tabled question): they are whoever else the person turns out to be.
    var statedTurns: Set<Int> = []

    init(run: AnalysisRun) {
        debate = run.debate
        rules = run.rules
        sentences = run.sentencesByTurn.map { $0.map(\.text) }
        findings.people = PagePeople(turns: run.debate.turns, house: run.debate.metadata.house)
    }

    var turns: [Turn] { debate.turns }
    var people: PagePeople { findings.people }

    static func quote(_ text: String, limit: Int = 70) -> String {
        let clean = TextTools.collapseWhitespace(text)
        return "\u{201C}" + (clean.count > limit ? String(clean.prefix(limit - 1)) + "\u{2026}" : clean) + "\u{201D}"
    }

    func words(_ turn: Turn) -> Int { turn.paragraphs.reduce(0) { $0 + TextTools.spaceSeparatedRuns($1) } }

    func matches(_ patterns: PatternList, _ text: String, _ folded: LowercasedBytes? = nil) -> Bool {
        patterns.anyMatches(text, folded: folded)
    }

    func firstGroup(_ patterns: PatternList, _ text: String) -> String? { firstMatch(patterns, text)?.group }

    /// The first pattern's capture group, and the words from the match's start to the end of the group.
    func firstMatch(_ patterns: PatternList, _ text: String) -> (group: String, matched: String)? {
        for pattern in patterns {
            if let match = pattern.firstMatch(in: text), let group = match.groups.first ?? nil {
                return (String(text[group]), String(text[match.range.lowerBound..<group.upperBound]))
            }
        }
        return nil
    }

    mutating func note(_ person: Int?, _ weight: PersonEvidence.Weight, _ reason: String) {
        guard let person else { return }
        findings.evidence[person, default: PersonEvidence()].add(weight, reason)
    }

    mutating func against(_ person: Int?, _ reason: String) {
        guard let person else { return }
        findings.evidence[person, default: PersonEvidence()].against.append(reason)
    }

    /// The speech before `index` by someone else, skipping the chair and procedural items.
    func previousSpeech(before index: Int, other person: Int?) -> Int? {
        var cursor = index - 1
        while cursor >= 0 {
            let turn = turns[cursor]
            if turn.section != turns[index].section, turn.kind == .speech { return nil }
            if turn.kind == .speech, !chairTurns.contains(cursor) {
                if let person, people.index(of: cursor) == person { return nil }
                return cursor
            }
            cursor -= 1
        }
        return nil
    }

    /// The first speech of the section `index` is in that is not the chair's.
    func sectionOpener(of index: Int) -> Int? {
        var cursor = index
        var opener: Int? = nil
        while cursor >= 0, turns[cursor].section == turns[index].section {
            if turns[cursor].kind == .speech, !chairTurns.contains(cursor) { opener = cursor }
            cursor -= 1
        }
        return opener
    }

    /// The next speech after `index`, skipping procedural items.
    func nextSpeech(after index: Int) -> Int? {
        var cursor = index + 1
        while cursor < turns.count {
            if turns[cursor].kind == .speech { return cursor }
            cursor += 1
        }
        return nil
    }

    mutating func find() {
        findChair()
        findTabled()
        gatherEvidence()
        decide()
        findDepartments()
    }

    // MARK: The chair

    mutating func findChair() {
        var chairNames: [PersonName] = []
        for section in debate.metadata.sections {
            if let name = firstGroup(rules.chairInHeading, section.title), let parsed = PersonName(name) {
                chairNames.append(parsed)
            }
        }
        for turn in turns where turn.kind == .procedural {
            for paragraph in turn.paragraphs.prefix(2) {
                if let name = firstGroup(rules.chairInHeading, paragraph), let parsed = PersonName(name) {
                    chairNames.append(parsed)
                }
            }
        }
        for turn in turns where turn.kind == .speech {
            let person = people.index(of: turn.index)
            if turn.role == .chair {
                noteChair(person, turn, "the page marks the speaker as the chair")
            } else if let name = turn.speaker?.name, matches(rules.chairNames, name) {
                noteChair(person, turn, "the chair's title \u{201C}\(name)\u{201D}")
            } else if let name = turn.speaker.flatMap({ PersonName($0.name) }),
                chairNames.contains(where: { $0.isCompatible(with: name) && !$0.given.isEmpty || $0 == name })
            {
                noteChair(person, turn, "named in the Chair by the page (turn \(turn.index))")
            } else if let first = sentences[turn.index].first, matches(rules.chairActs, first) {
                noteChair(person, turn, "acts as the chair: \(Self.quote(first)) (turn \(turn.index))")
            }
        }
        for (index, evidence) in findings.evidence where !evidence.chair.isEmpty {
            findings.chair.insert(index)
            for turn in people.people[index].turns { chairTurns.insert(turn) }
        }
    }

    private mutating func noteChair(_ person: Int?, _ turn: Turn, _ reason: String) {
        chairTurns.insert(turn.index)
        guard let person else { return }
        if findings.evidence[person, default: PersonEvidence()].chair.count < 3 {
            findings.evidence[person, default: PersonEvidence()].chair.append(reason)
        }
    }

    // MARK: Tabled questions

    mutating func findTabled() {
        var questionTime = false
        var previousSection: Int? = nil
        var sectionStarted = false
        let sections = debate.metadata.sections
        for turn in turns {
            if turn.section != previousSection {
                previousSection = turn.section
                sectionStarted = true
                if let section = turn.section, section < sections.count, sections[section].level == 1 {
                    questionTime = false
                }
            }
            if turn.kind == .procedural {
                if turn.paragraphs.contains(where: { matches(rules.questionTimeStarts, $0) }) { questionTime = true }
                continue
            }
            guard !chairTurns.contains(turn.index) else { continue }
            if isTabled(turn) {
                tabledTurns.insert(turn.index)
            } else if questionTime, sectionStarted, turn.role != .minister, let first = turn.paragraphs.first,
                matches(rules.questionTimeQuestions, first),
                !matches(rules.questionTimeAnswers, sentences[turn.index].first ?? first)
            {
                // An oral question as the Order Paper prints it ("What steps he is taking …"), alone or grouped
                // with others at the head of its section; an answer that also opens "If …" speaks in the first
                // person.
                tabledTurns.insert(turn.index)
                continue
            }
            if !tabledTurns.contains(turn.index) { sectionStarted = false }
        }
    }

    func isTabled(_ turn: Turn) -> Bool {
        guard turn.kind == .speech, let first = turn.paragraphs.first else { return false }
        return matches(rules.tabledQuestions, first)
    }

    // MARK: Evidence

    mutating func gatherEvidence() {
        let house = debate.metadata.house
        for turn in turns {
            let index = turn.index
            if turn.kind == .procedural {
                procedural(turn)
                continue
            }
            let person = people.index(of: index)
            // An office line printed for the turn is read here, by the analysis's own patterns; the reader's role
            // counts where the turn has none (a ParlParse "Start Answer", a written statement or reply, an office
            // the page prints for the member in another turn, a text save's inferred role).
            let printed = turn.speaker?.office.flatMap { $0.isEmpty ? nil : $0 }
            let office = officeText(turn)
            let governmentOffice =
                !office.isEmpty && !matches(rules.nonGovernmentOffices, office)
                && matches(rules.governmentOffices, office)
            let readerSaysMinister = turn.role == .minister && (printed == nil || governmentOffice)
            // What the page states about this turn holds for the turn, whoever else the labels merge it with.
            if readerSaysMinister || governmentOffice { statedTurns.insert(index) }
            if chairTurns.contains(index), !readerSaysMinister, !governmentOffice {
                chairCalls(turn)
                continue
            }
            if readerSaysMinister {
                let reason =
                    turn.attribution == .inferred
                    ? "the role is inferred from the text: " + (turn.roleEvidence.first ?? "answers the question")
                    : turn.roleEvidence.first.map { "the page marks the speech as a minister's: \($0)" }
                        ?? "the page marks the speech as a minister's"
                note(person, .strong, reason)
            }
            if governmentOffice {
                note(person, .strong, "office line \u{201C}\(printed ?? office)\u{201D} (turn \(index))")
            } else if printed != nil, matches(rules.nonGovernmentOffices, office) {
                against(person, "office line \u{201C}\(office)\u{201D}")
            }
            if tabledTurns.contains(index) {
                against(person, "asks the tabled question in turn \(index)")
                answerer(of: turn)
            }
            // What the speaker says. The turn's length is counted once, not once per sentence.
            let shortLordsTurn = house == .lords && words(turn) <= 40
            for sentence in sentences[index] {
                // Folded once for the rules' cheap pre-test (``RequiredLiteral``).
                let folded = LowercasedBytes(sentence)
                if matches(rules.oppositionSelf, sentence, folded) {
                    against(person, "speaks as the Opposition: \(Self.quote(sentence)) (turn \(index))")
                }
                if isThirdPersonMinister(sentence, folded) { note(person, .weakAgainst, "") }
                if matches(rules.governmentSelf, sentence, folded),
                    !matches(rules.governmentSelfExceptions, sentence, folded)
                {
                    note(person, .medium, "says \(Self.quote(sentence)) (turn \(index))")
                }
                if matches(rules.statementOpenings, sentence, folded) {
                    note(person, .strong, "makes a statement: \(Self.quote(sentence)) (turn \(index))")
                }
                if matches(rules.statementThanks, sentence, folded) {
                    // Everyone who asks about a statement thanks its maker: the first speaker of the section.
                    if let maker = sectionOpener(of: index), people.index(of: maker) != person {
                        note(
                            people.index(of: maker), .strong,
                            "makes the statement thanked in turn \(index): \(Self.quote(sentence))")
                    }
                } else if matches(rules.addressedAsMinisterBefore, sentence, folded),
                    !matches(rules.addressedAsMinisterBeforeNotFollowing, sentence, folded),
                    let previous = previousSpeech(before: index, other: person)
                {
                    note(
                        people.index(of: previous), .medium,
                        "addressed as the Minister in turn \(index): " + Self.quote(sentence))
                } else if matches(rules.addressedAsMinisterGesture, sentence, folded),
                    let previous = previousSpeech(before: index, other: person),
                    turns[previous].paragraphs.contains(where: { matches(rules.gestures, $0) })
                {
                    note(
                        people.index(of: previous), .medium,
                        "addressed as the Minister in turn \(index): " + Self.quote(sentence))
                }
                if matches(rules.withdrawals, sentence, folded),
                    let previous = previousSpeech(before: index, other: person),
                    words(turns[previous]) > 40
                {
                    note(
                        people.index(of: previous), .medium,
                        "replies to the amendment before its mover withdraws it (turn \(index))")
                }
                if shortLordsTurn, matches(rules.lordsQuestionTimeManagement, sentence, folded) {
                    note(person, .medium, "manages the House at Question Time: \(Self.quote(sentence)) (turn \(index))")
                }
            }
        }
        debateReplies()
    }

    func isThirdPersonMinister(_ sentence: String, _ folded: LowercasedBytes? = nil) -> Bool {
        let folded = folded ?? LowercasedBytes(sentence)
        for pattern in rules.thirdPersonMinister {
            guard let match = pattern.firstMatch(in: sentence, folded: folded) else { continue }
            let excepted = rules.thirdPersonMinisterExceptions.contains { exception in
                exception.allMatches(in: sentence, folded: folded).contains { $0.range.overlaps(match.range) }
            }
            if !excepted { return true }
        }
        return false
    }

    /// The member who answers a tabled question answers for the Government: the first speech after it that is not
    /// the chair's, another tabled question or the asker's.
    mutating func answerer(of question: Turn) {
        let asker = people.index(of: question.index)
        var next = question.index + 1
        while next < turns.count {
            let turn = turns[next]
            if turn.kind == .speech, !chairTurns.contains(next), !tabledTurns.contains(next),
                !turn.paragraphs.prefix(1).contains(where: { matches(rules.notAnswers, $0) })
            {
                let person = people.index(of: next)
                if (person == nil || person != asker), turn.role != .member || turn.attribution == .page,
                    !hasNonGovernmentOffice(turn), turn.speaker != nil || turn.role == .minister
                {
                    note(person, .strong, "answers the tabled question in turn \(question.index)")
                    statedTurns.insert(next)
                }
                return
            }
            next += 1
        }
    }

    func officeText(_ turn: Turn) -> String {
        [turn.speaker?.office, turn.speaker?.name].compactMap { $0 }.joined(separator: " | ")
    }

    func hasNonGovernmentOffice(_ turn: Turn) -> Bool {
        let office = officeText(turn)
        return !office.isEmpty && matches(rules.nonGovernmentOffices, office)
    }

    /// "I call the Minister." makes the next speaker the Government's; "I call the shadow Minister." does not.
    mutating func chairCalls(_ turn: Turn) {
        guard let next = nextSpeech(after: turn.index), !chairTurns.contains(next) else { return }
        let person = people.index(of: next)
        for sentence in sentences[turn.index] {
            if matches(rules.chairCallsNonGovernment, sentence) {
                against(person, "called by the chair: \(Self.quote(sentence)) (turn \(turn.index))")
                return
            }
            if matches(rules.chairCallsGovernment, sentence) {
                note(
                    person, .strong, "called by the chair as the Minister: \(Self.quote(sentence)) (turn \(turn.index))"
                )
                return
            }
        }
    }

    /// "Moved by Lord Davies of Oldham — That the draft Orders … be approved", "Amendments made: …—(Robert
    /// Jenrick.)", "That this House do now adjourn.—(Joy Morrissey.)": the Government's business, moved by its
    /// ministers and whips.
    mutating func procedural(_ turn: Turn) {
        for (number, paragraph) in turn.paragraphs.enumerated() {
            if let mover = firstGroup(rules.movedBy, paragraph), let person = people.index(named: mover) {
                let motion = turn.paragraphs.dropFirst(number + 1).prefix(2).first {
                    matches(rules.governmentMotions, $0)
                }
                if let motion {
                    note(
                        person, .medium,
                        "moves the Government's motion \(Self.quote(motion, limit: 50)) (turn \(turn.index))")
                }
            }
            if let mover = firstGroup(rules.governmentMovers, paragraph), let person = people.index(named: mover) {
                note(
                    person, .medium,
                    "moves the Government's business: \(Self.quote(paragraph, limit: 50)) (turn \(turn.index))")
            }
        }
    }

    /// The minister replies at the end of an adjournment debate, a Westminster Hall debate and a Lords Question for
    /// Short Debate: the last long speech by someone other than the member who opened it, where members in the
    /// debate have addressed the Minister.
    mutating func debateReplies() {
        let westminsterHall = (debate.metadata.type ?? "").lowercased().contains("westminster hall")
        var bySection: [Int: [Int]] = [:]
        for turn in turns {
            if let section = turn.section { bySection[section, default: []].append(turn.index) }
        }
        for (_, indices) in bySection {
            let procedural = indices.filter { turns[$0].kind == .procedural }
            let adjournment = procedural.contains {
                turns[$0].paragraphs.contains { matches(rules.adjournmentMotions, $0) }
            }
            let speeches = indices.filter { turns[$0].kind == .speech && !chairTurns.contains($0) }
            guard let first = speeches.first else { continue }
            let shortDebate =
                debate.metadata.house == .lords && tabledTurns.contains(first)
                && speeches.count > 2 && people.index(of: speeches[1]) == people.index(of: first)
                && words(turns[speeches[1]]) > 300
            guard adjournment || westminsterHall || shortDebate else { continue }
            let opener = people.index(of: shortDebate ? speeches[1] : first)
            let addressed = speeches.contains { index in sentences[index].contains { isThirdPersonMinister($0) } }
            guard addressed,
                let reply = speeches.last(where: { people.index(of: $0) != opener && words(turns[$0]) >= 150 }),
                let person = people.index(of: reply), person != opener
            else { continue }
            note(
                person, .medium,
                "replies to the debate opened by turn \(shortDebate ? speeches[1] : first), as its last long speech "
                    + "(turn \(reply))"
            )
        }
    }

    // MARK: Deciding

    mutating func decide() {
        for index in people.people.indices where !findings.chair.contains(index) {
            guard let evidence = findings.evidence[index] else { continue }
            let fromPage = evidence.positive.contains { $0.weight == .strong }
            let government: Bool
            if fromPage {
                // An office line, a minister role or a tabled answer: the page says so. An Opposition office line
                // or a tabled question asked by the person outweighs only the weaker of these.
                let statedOffice = evidence.positive.contains {
                    $0.reason.hasPrefix("office line") || $0.reason.hasPrefix("the page marks")
                }
                government = statedOffice || evidence.against.isEmpty
            } else if !evidence.against.isEmpty {
                government = false
            } else {
                // Two signs at least, since one ("addressed as the Minister" after an intervention) can mislead;
                // a member who speaks of "the Minister" as someone else needs twice as many again.
                government = evidence.medium >= 2 && evidence.medium >= 2 * evidence.weakAgainst + 2
            }
            if government { findings.government.insert(index) }
        }
        for index in findings.government {
            for turn in people.people[index].turns where !chairTurns.contains(turn) { governmentTurns.insert(turn) }
        }
        // What the page states about a turn holds for that turn, even where the person's labels were merged with
        // someone else's (two members of one surname) or the person was read as the chair.
        for turn in statedTurns where turns[turn].role != .chair {
            chairTurns.remove(turn)
            governmentTurns.insert(turn)
        }
    }
}
