import Foundation
import HansardIngestion

/// The named features of a candidate clause that a learned scorer weighs (`commitmentModel` in lexicon.json,
/// trained by scripts/train-commitments), and their dump for training.
///
/// Every feature is read from the grammar's own analysis of the clause or from the turn's shape, never from the
/// words of a particular page: the clause's reading, marker, kind, strength and subject class, the WordNet class
/// of its main verb, whether a timing phrase governs it, the object's length, and where the sentence stands in
/// the turn. A scorer over these can only learn which readings of the grammar to trust, not a page's phrases.
extension AnalysisRun {
    func candidateFeatures(
        _ clause: Clause, in sentence: Sentence, number: Int, of count: Int, turn: Int
    ) -> [String: Double] {
        var features: [String: Double] = [
            "reading.\(clause.reading.rawValue)": 1, "marker.\(clause.marker)": 1,
            "kind.\(clause.kind.rawValue)": 1, "strength.\(clause.strength.rawValue)": 1,
            "subject.\(clause.subjectKind)": 1,
        ]
        let tokens = sentence.tokens
        let subjectWords = tokens[clause.subject].map(\.norm)
        if subjectWords == ["i"] { features["subjectI"] = 1 }
        if subjectWords == ["we"] { features["subjectWe"] = 1 }
        if clause.action == .other { features["actionOther"] = 1 }
        if clause.objectIsSubject { features["passive"] = 1 }
        if clause.anaphoric { features["anaphoric"] = 1 }
        if timing(of: clause, in: sentence).timingClass != .none { features["timed"] = 1 }
        let objectWords = clause.object.map { tokens[$0].filter(\.isWord).count } ?? 0
        features["objectLength"] = Double(min(objectWords, 16)) / 16
        if objectWords == 0 && !clause.objectIsSubject { features["noObject"] = 1 }
        let words = tokens.filter(\.isWord).count
        features["sentenceLength"] = Double(min(words, 60)) / 60
        if number == 0 { features["firstSentence"] = 1 }
        if number == count - 1 { features["lastSentence"] = 1 }
        if count <= 3 { features["shortTurn"] = 1 }
        if count > 15 { features["longTurn"] = 1 }
        let verb = clause.verb.split(separator: " ").first.map(String.init) ?? ""
        if let kind = self.words.verbKinds(verb)?.first { features["verbClass.\(kind)"] = 1 }
        // A reply to a member's question is where undertakings cluster; a long speech mixes narrative with them.
        if let previous = debate.turns[..<turn].last(where: { $0.kind == .speech }),
            !government.contains(previous.index), previous.paragraphs.contains(where: { $0.contains("?") })
        {
            features["afterQuestion"] = 1
        }
        if tabled.contains(turn - 1) { features["answersTabled"] = 1 }
        if let year = debate.metadata.date?.year {
            if year < 1950 { features["before1950"] = 1 } else if year >= 2000 { features["since2000"] = 1 }
        }
        return features
    }

    /// With HANSARD_DUMP_FEATURES=1: one JSON line on standard error per candidate (for scripts/train-commitments).
    func dumpCandidate(_ clause: Clause, sentence: Sentence, features: [String: Double]) {
        dumpFeatures(
            lead: "\"candidate\": true, ", turn: sentence.turn, quote: sentence.text,
            hand: clause.reading == .commitment ? "true" : "false", features)
    }
}
