import Foundation
import HansardIngestion

extension AnalysisRun {
    // MARK: Commitments

    struct Found {
        var action: CommitmentAction
        var strength: Commitment.Strength
        var verbRange: Range<String.Index>
        var matchRange: Range<String.Index>
        /// The frame names the action itself ("… will be considered").
        var passive = false
    }

    /// The commitment a government sentence makes, if it makes one.
    func commitment(in sentence: String) -> Found? {
        if sentence.hasSuffix("?") { return nil }
        if rules.commitmentExclusions.contains(where: { $0.matches(sentence) }) { return nil }
        for frame in rules.commitmentFrames {
            for match in frame.pattern.allMatches(in: sentence) {
                guard let verb = match.verb else { continue }
                let matcher = rules.action(at: verb.lowerBound, in: sentence)
                guard var action = frame.action ?? matcher?.action else { continue }
                let rest = String(sentence[verb.lowerBound...])
                if let override = rules.actionOverrides.first(where: { $0.pattern.matches(rest) }) { action = override.action }
                let before = String(sentence[sentence.startIndex..<verb.lowerBound])
                // "I shall respond to the amendment": a speech act in the debate, judged from the subject onwards.
                let fromSubject = String(sentence[match.range.lowerBound...])
                if rules.debatePerformatives.contains(where: { $0.firstMatch(in: fromSubject)?.range.lowerBound == fromSubject.startIndex }) {
                    continue
                }
                var strength = frame.strength
                if strength == .firm, matcher?.strength == .qualified { strength = .qualified }
                if strength == .firm, rules.qualifiers.contains(where: { $0.matches(before) }) { strength = .qualified }
                if rules.conditionals.contains(where: { $0.matches(sentence) }) { strength = .conditional }
                return Found(
                    action: action, strength: strength, verbRange: verb, matchRange: match.range,
                    passive: frame.action != nil)
            }
        }
        return nil
    }

    func timing(of sentence: String) -> CommitmentTiming {
        for rule in rules.timing {
            guard let match = rule.pattern.firstMatch(in: sentence) else { continue }
            var counted: (Int, String)? = nil
            if rule.due.counted == true, match.groups.count >= 2, let numberRange = match.groups[0],
                let unitRange = match.groups[1], let number = DueDates.number(String(sentence[numberRange]))
            {
                counted = (number, String(sentence[unitRange]).lowercased())
            }
            let month = rule.due.namedMonth == true ? match.groups.first.flatMap { $0 }.map { String(sentence[$0]) } : nil
            return CommitmentTiming(
                phrase: String(sentence[match.range]), timingClass: rule.timingClass,
                dueBy: DueDates.dueBy(rule.due, debateDate: debate.metadata.date, counted: counted, month: month))
        }
        return CommitmentTiming(phrase: nil, timingClass: .none, dueBy: nil)
    }

    /// What the commitment will produce, read from the words after the verb.
    func object(of found: Found, in sentence: String, action: CommitmentAction) -> String {
        let verbText = String(sentence[found.verbRange])
        if found.passive && action == .consider {
            // "The point my hon. Friend makes will … be considered": the thing is the subject before "will".
            let head = String(sentence[found.matchRange.lowerBound..<found.verbRange.lowerBound])
            if let will = head.range(of: " will", options: [.caseInsensitive, .backwards]) {
                return TextTools.collapseWhitespace(String(head[..<will.lowerBound]))
            }
        }
        var tail = String(sentence[found.verbRange.upperBound...])
        if let boundary = rules.objectBoundaries.firstMatch(in: tail) {
            tail = String(tail[..<boundary.range.lowerBound])
        }
        for rule in rules.timing {
            for match in rule.pattern.allMatches(in: tail).reversed() { tail.removeSubrange(match.range) }
        }
        tail = TextTools.collapseWhitespace(tail).trimmingCharacters(in: CharacterSet(charactersIn: " ,.;:—-"))
        // Adverbs left between the verb and its object ("consider carefully the views …").
        let leading: Set<String> = ["carefully", "certainly", "also", "now", "then", "further", "again", "very",
                                    "most", "gladly", "personally", "urgently", "closely", "fully"]
        while let first = tail.split(separator: " ").first, leading.contains(first.lowercased()) {
            tail = String(tail.dropFirst(first.count)).trimmingCharacters(in: .whitespaces)
        }
        // "The suggestion …, which I will study, …": the object is the noun before "which".
        let before = String(sentence[..<found.matchRange.lowerBound])
        if isRelativeClause(before), let comma = before.range(of: ",", options: .backwards) {
            return antecedent(String(before[..<comma.lowerBound]))
        }
        let pronouns: Set<String> = ["", "it", "that", "this", "them", "so", "those", "these", "so."]
        if pronouns.contains(tail.lowercased()) || tail.lowercased().hasPrefix("that ") && tail.count < 6 {
            // "…revised guidance on X, which we will be publishing": the antecedent before ", which".
            let head = String(sentence[..<found.matchRange.lowerBound])
            if let comma = head.range(of: ", which", options: .backwards) {
                return antecedent(String(head[..<comma.lowerBound]))
            }
        }
        switch action {
        case .write:
            let lowered = verbText.lowercased()
            if lowered.hasPrefix("let") { return "a reply " + TextTools.collapseWhitespace(verbText) }
            if verbText.lowercased().hasSuffix(" to") { return "a letter to " + tail }
            return tail.isEmpty ? "a letter" : (tail.lowercased().hasPrefix("to ") ? "a letter " + tail : tail)
        case .placeInLibrary:
            // "arrange for a copy to be placed in the Library": the thing is what comes before "to be".
            for marker in [" to be ", " in the Library"] {
                if let range = tail.range(of: marker, options: .caseInsensitive), range.lowerBound > tail.startIndex {
                    return String(tail[..<range.lowerBound])
                }
            }
            return TextTools.collapseWhitespace(verbText)
        default:
            // Verbs matched with their object ("producing new guidance", "bring forward legislation")
            // keep that object.
            var words = TextTools.collapseWhitespace(verbText).split(separator: " ")
            if words.first?.lowercased().hasPrefix("mak") == true, words.count == 3, words[1].lowercased() == "a" {
                words = ["make"] + words.dropFirst()  // "make a statement" keeps its article
            }
            if let first = words.first?.lowercased(), words.count > 1,
                ["produc", "introduc", "bring", "issu", "giv", "set", "mak", "get", "send"].contains(where: { first.hasPrefix($0) })
            {
                let rest = words.dropFirst().drop(while: { ["forward", "in", "out", "up"].contains($0.lowercased()) })
                return (rest.joined(separator: " ") + " " + tail).trimmingCharacters(in: .whitespaces)
            }
            return tail.isEmpty ? TextTools.collapseWhitespace(verbText) : tail
        }
    }

    /// "…, which I will study": the subject follows a relative pronoun. "that" is relative only after a noun,
    /// not after "is", "sure", "clear", "assure the House" and the like ("the truth is that we will …").
    func isRelativeClause(_ before: String) -> Bool {
        if before.hasSuffix("which ") { return true }
        guard before.hasSuffix(" that ") else { return false }
        let words = before.lowercased().split(separator: " ").map { $0.trimmingCharacters(in: .punctuationCharacters) }
        guard words.count >= 2 else { return false }
        let previous = words[words.count - 2]
        let complementTakers: Set<String> = [
            "is", "was", "are", "be", "been", "say", "said", "says", "sure", "clear", "believe", "think", "know",
            "confirm", "assure", "hope", "agree", "accept", "understand", "ensure", "promise", "undertake", "so",
            "now", "house", "lords", "him", "her", "them", "you", "us", "me", "friend", "gentleman", "lady", "member",
            "lord", "baroness", "noted", "note", "recognise", "announce", "announced", "expect", "trust", "mean",
        ]
        return !complementTakers.contains(previous)
    }

    func antecedent(_ text: String) -> String {
        let gerunds = ["developing", "producing", "preparing", "drafting", "finalising", "finalizing", "reviewing",
                       "considering", "revising", "updating", "writing", "working on", "looking at", "have", "publish"]
        let lowered = text.lowercased()
        var best: String.Index? = nil
        for word in gerunds {
            if let range = lowered.range(of: word + " ", options: .backwards), best == nil || range.upperBound > best! {
                best = range.upperBound
            }
        }
        let start = best.map { text.index(text.startIndex, offsetBy: lowered.distance(from: lowered.startIndex, to: $0)) }
        let phrase = start.map { String(text[$0...]) } ?? text.split(separator: " ").suffix(8).joined(separator: " ")
        return TextTools.collapseWhitespace(phrase)
    }

    /// The head noun of an object: the word before its first preposition, singular, lower case.
    func subjectKey(_ object: String, action: CommitmentAction) -> String {
        let prepositions: Set<String> = ["on", "of", "for", "to", "about", "in", "with", "into", "from", "by", "at",
                                         "under", "regarding", "concerning", "that", "which", "as", "and", "whether", "so", "if", "when", "who"]
        var head: String? = nil
        for raw in object.split(separator: " ") {
            let word = raw.lowercased().trimmingCharacters(in: .punctuationCharacters)
            if prepositions.contains(word) { if head != nil { break } else { continue } }
            if rules.subjectStopWords.contains(word) || word.isEmpty { continue }
            head = word
        }
        guard var key = head else { return action.rawValue }
        if action == .write { return "letter" }
        if action == .meet { return "meeting" }
        if key.count > 4, key.hasSuffix("s"), !key.hasSuffix("ss"), !key.hasSuffix("us"), !key.hasSuffix("is") {
            key.removeLast()
        }
        return key
    }

    /// The sentence with parenthetical asides replaced by a space, for matching only; quotes stay verbatim.
    func withoutAsides(_ sentence: String) -> String {
        var text = sentence
        for aside in rules.textAsides {
            for match in aside.allMatches(in: text).reversed() { text.replaceSubrange(match.range, with: " ") }
        }
        return text == sentence ? text : TextTools.collapseWhitespace(text)
    }

    mutating func findCommitments() -> [Commitment] {
        var commitments: [Commitment] = []
        var seen: [String: Int] = [:]
        for turn in turns where government.contains(turn.index) {
            for sentence in sentences(of: turn) {
                let working = withoutAsides(sentence.text)
                guard let found = commitment(in: working) else { continue }
                let object = self.object(of: found, in: working, action: found.action)
                // A promise repeated within one answer ("As I say, I am more than happy to meet…") is one promise.
                if commitments.contains(where: {
                    $0.turn == turn.index && $0.action == found.action
                        && TextTools.normalised($0.object) == TextTools.normalised(object)
                }) {
                    continue
                }
                let id = uniqueID("c", [identity, TextTools.normalised(sentence.text)], seen: &seen)
                commitments.append(
                    Commitment(
                        id: id, turn: turn.index, speaker: speakerReference(turn), quote: sentence.text,
                        action: found.action, object: object, subject: subjectKey(object, action: found.action),
                        timing: timing(of: sentence.text), strength: found.strength, source: .explicit, request: nil))
            }
        }
        return commitments
    }
}
