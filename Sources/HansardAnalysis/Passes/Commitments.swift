import Foundation
import HansardIngestion

extension AnalysisRun {
    /// HANSARD_TRACE_CLAUSES=1 prints every clause found in government turns and how it was read (development aid).
    static let tracing = getenv("HANSARD_TRACE_CLAUSES") != nil

    var clauseFinder: ClauseFinder { ClauseFinder(lexicon: lexicon, words: words) }

    /// Every clause in a government turn that promises something, one commitment each; refusals are kept for
    /// deciding requests.
    mutating func findCommitments() -> [Commitment] {
        var commitments: [Commitment] = []
        var seen: [String: Int] = [:]
        let finder = clauseFinder
        for turn in turns where government.contains(turn.index) {
            let turnSentences = sentences(of: turn)
            for (number, sentence) in turnSentences.enumerated() {
                let previous = number > 0 ? turnSentences[number - 1] : nil
                for clause in finder.clauses(in: sentence, previous: previous) {
                    if Self.tracing {
                        print(
                            "[\(turn.index)] \(clause.reading) \(clause.kind)/\(clause.strength) \(clause.action) \(clause.evidence) | \(sentence.text(of: clause.span).prefix(140))"
                        )
                    }
                    if clause.reading == .refusal {
                        refusals[turn.index, default: []].append(sentence)
                        continue
                    }
                    if Self.dumping || lexicon.commitmentModel != nil, clause.reading != .question {
                        let features = candidateFeatures(
                            clause, in: sentence, number: number, of: turnSentences.count, turn: turn.index)
                        if Self.dumping { dumpCandidate(clause, sentence: sentence, features: features) }
                        if let model = lexicon.commitmentModel {
                            guard model.keeps(features) else { continue }
                        } else if clause.reading != .commitment {
                            continue
                        }
                    } else if clause.reading != .commitment {
                        continue
                    }
                    let object = objectText(of: clause, in: sentence)
                    // A promise said twice in one answer ("As I say, I am happy to meet…") is one promise.
                    if commitments.contains(where: {
                        $0.turn == turn.index && $0.action == clause.action
                            && TextTools.normalised($0.object) == TextTools.normalised(object)
                    }) {
                        continue
                    }
                    let id = uniqueID("c", [identity, TextTools.normalised(sentence.text)], seen: &seen)
                    commitments.append(
                        Commitment(
                            id: id, turn: turn.index, speaker: speakerReference(turn), quote: sentence.text,
                            action: clause.action, object: object, subject: subjectKey(object, action: clause.action),
                            timing: timing(of: clause, in: sentence), kind: clause.kind, strength: clause.strength,
                            source: .explicit, request: nil, evidence: clause.evidence))
                }
            }
        }
        return commitments
    }

    /// What the promise will produce: the object after the verb, or for passives the thing it is done to;
    /// timing phrases and trailing adverbs left out.
    func objectText(of clause: Clause, in sentence: Sentence) -> String {
        let tokens = sentence.tokens
        var range: Range<Int>?
        if clause.objectIsSubject {
            range = clause.subject
        } else if let object = clause.object {
            range = object
        }
        // "…revised guidance, which we will publish in due course": the object is the antecedent.
        let subjectStart = clause.subject.lowerBound
        if !clause.objectIsSubject, subjectStart >= 2, ["which", "that"].contains(tokens[subjectStart - 1].norm),
            range == nil
                || range.map({
                    textWithoutTiming($0, in: sentence).split(separator: " ").allSatisfy {
                        ["it", "so", "that", "this", "them", ",", "."].contains($0.lowercased())
                    }
                }) == true
        {
            var start = subjectStart - 1
            if start > 0, tokens[start - 1].norm == "," { start -= 1 }
            let end = start
            while start > 0, end - start < 10, tokens[start - 1].kind != .mark || tokens[start - 1].norm == "'",
                !["we", "i", "will", "is", "are", "that", "which"].contains(tokens[start - 1].norm)
            {
                start -= 1
            }
            if start < end { range = start..<end }
        }
        guard var words = range, !words.isEmpty else {
            return clause.anaphoric ? "what was asked" : clause.verb
        }
        // Drop timing phrases and adverbs at either end ("shortly", "now").
        while words.count > 1, let last = words.last, tokens[last].isWord, isPlainAdverb(tokens[last].norm) {
            words = words.lowerBound..<(words.upperBound - 1)
        }
        while words.count > 1, tokens[words.lowerBound].isWord, isPlainAdverb(tokens[words.lowerBound].norm),
            !["further", "more"].contains(tokens[words.lowerBound].norm)
        {
            words = (words.lowerBound + 1)..<words.upperBound
        }
        // Leading verb forms of an antecedent ("developing revised guidance …") are not the thing.
        while words.count > 1, tokens[words.lowerBound].norm.hasSuffix("ing"),
            self.words.isVerb(tokens[words.lowerBound].norm),
            !["of", "and", ","].contains(tokens[words.lowerBound + 1].norm)
        {
            words = (words.lowerBound + 1)..<words.upperBound
        }
        var text = textWithoutTiming(words, in: sentence)
        while let last = text.last, ",;:—–-".contains(last) || last == " " { text.removeLast() }
        // "forward legislation on …" after "bring": the particle is part of the verb.
        for particle in ["forward ", "out ", "up ", "back "]
        where text.lowercased().hasPrefix(particle) && clause.verb.contains(" ") {
            text = String(text.dropFirst(particle.count))
        }
        if clause.action == .write {
            if text.lowercased().hasPrefix("to ") { return "a letter " + text }
        }
        if clause.action == .reportBack, ["make", "give"].contains(clause.verb), !text.isEmpty {
            return text
        }
        return text.isEmpty ? clause.verb : text
    }

    /// An adverb that is never part of a noun phrase: the lexicon's list and "-ly" words ("new" is not one).
    private func isPlainAdverb(_ word: String) -> Bool {
        lexicon.classes.extraAdverbs.contains(word)
            && !["all", "both", "each", "well", "as", "of", "course"].contains(word)
            || word.hasSuffix("ly") && lexicon.wordNet.isAdverb(word)
    }

    /// The words of `range`, leaving out timing phrases ("producing new guidance shortly on …").
    func textWithoutTiming(_ range: Range<Int>, in sentence: Sentence) -> String {
        let tokens = sentence.tokens
        var kept: [Range<Int>] = []
        var start = range.lowerBound
        var index = range.lowerBound
        while index < range.upperBound {
            if let length = timingLength(at: index, in: tokens), index + length <= range.upperBound {
                if start < index { kept.append(start..<index) }
                index += length
                start = index
                continue
            }
            index += 1
        }
        if start < range.upperBound { kept.append(start..<range.upperBound) }
        return kept.map { sentence.text(of: $0) }.joined(separator: " ")
    }

    private func timingLength(at index: Int, in tokens: [Token]) -> Int? {
        for rule in lexicon.timingRules(startingWith: tokens[index].norm) {
            if let match = lexicon.timing[rule].pattern.firstMatch(in: tokens, from: index, at: true, classes: lexicon)
            {
                return match.range.count
            }
        }
        return nil
    }

    /// The timing phrase that governs the clause: the first in the clause after its verb, else the first in the clause
    /// before it ("Shortly, we will publish …").
    ///
    /// A phrase in another clause of the sentence does not count.
    func timing(of clause: Clause, in sentence: Sentence) -> CommitmentTiming {
        let tokens = sentence.tokens
        var span = clause.span
        // "Shortly, we will …", "Next week, I will …": an opening adverbial belongs to the first clause.
        var opening = clause.span.lowerBound
        while opening > 0, ![";", ":"].contains(tokens[opening - 1].norm) { opening -= 1 }
        if opening < span.lowerBound { span = opening..<span.upperBound }
        var best: (CommitmentTiming, Int)? = nil
        for index in span {
            for ruleIndex in lexicon.timingRules(startingWith: tokens[index].norm) {
                let rule = lexicon.timing[ruleIndex]
                guard let match = rule.pattern.firstMatch(in: tokens, from: index, at: true, classes: lexicon),
                    match.range.upperBound <= span.upperBound
                else { continue }
                let phrase = sentence.text(of: match.range)
                var counted: (Int, String)? = nil
                if rule.due == .counted, let count = match.captures["count"], let unit = match.captures["unit"],
                    let number = DueDates.number(tokens[count.lowerBound].norm)
                {
                    counted = (number, tokens[unit.lowerBound].norm)
                }
                let month = rule.due == .namedMonth ? match.captures["month"].map { tokens[$0.lowerBound].norm } : nil
                let timing = CommitmentTiming(
                    phrase: phrase, timingClass: rule.timingClass,
                    dueBy: DueDates.dueBy(rule.due, debateDate: debate.metadata.date, counted: counted, month: month))
                // After the verb beats before it; nearer the verb beats farther.
                let distance =
                    index >= clause.verbRange.lowerBound
                    ? index - clause.verbRange.lowerBound : 1000 + clause.verbRange.lowerBound - index
                if best == nil || distance < best!.1 { best = (timing, distance) }
                break
            }
        }
        return best?.0 ?? CommitmentTiming(phrase: nil, timingClass: .none, dueBy: nil)
    }

    /// The timing of a whole sentence (an acceptance such as "Yes, I will write to him this week.").
    func timing(of sentence: Sentence) -> CommitmentTiming {
        let whole = Clause(
            reading: .commitment, marker: .modal, kind: .acceptance, strength: .firm, action: .other, verb: "",
            subject: 0..<0, verbRange: 0..<0, span: 0..<sentence.tokens.count, evidence: "")
        return timing(of: whole, in: sentence)
    }

    /// The head noun of an object: the last content word before its first preposition, singular, lower case; a
    /// key shared by commitments and later mentions of the same thing.
    func subjectKey(_ object: String, action: CommitmentAction) -> String {
        if action == .write { return "letter" }
        if action == .meet { return "meeting" }
        let prepositions: Set<String> = [
            "on", "of", "for", "to", "about", "in", "with", "into", "from", "by", "at", "under", "regarding",
            "concerning", "that", "which", "as", "and", "whether", "so", "if", "when", "who",
        ]
        var head: String? = nil
        for token in Tokenizer.tokens(object) where token.isWord {
            if prepositions.contains(token.norm) {
                if head != nil { break } else { continue }
            }
            if lexicon.stopWords.contains(token.norm) || lexicon.classes.determiner.contains(token.norm) { continue }
            head = words.nounLemma(token.norm) ?? token.norm
        }
        return head ?? action.rawValue
    }
}
