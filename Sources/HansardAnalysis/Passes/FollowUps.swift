import HansardIngestion

extension AnalysisRun {
    /// Later sentences that name a commitment's thing as already promised: "the new guidance that I mentioned", "the
    /// forthcoming review", "the report we promised".
    ///
    /// Generic things (a letter, a meeting, a point) get none.
    func findFollowUps(commitments: [Commitment]) -> [FollowUp] {
        let generic: Set<String> = Set(CommitmentAction.allCases.map(\.rawValue)).union([
            "letter", "meeting", "request", "point", "matter", "question", "view", "issue", "case", "thing", "what",
            "that", "this", "it", "do so",
        ])
        let subjects = Set(commitments.map(\.subject)).filter { !generic.contains($0) && $0.count > 2 }
        guard !subjects.isEmpty else { return [] }
        let promised: Set<String> = [
            "new", "revised", "promised", "forthcoming", "updated", "proposed", "planned", "further", "future",
            "coming", "impending", "expected", "announced", "awaited", "upcoming",
        ]
        let referring: Set<String> = [
            "mentioned", "referred", "promised", "announced", "described", "outlined", "said", "spoke", "talked",
        ]
        // By turn, so that a sentence is hashed only in a turn that has commitments.
        let commitmentQuotes = Dictionary(grouping: commitments, by: \.turn).mapValues { Set($0.map(\.quote)) }
        var followUps: [FollowUp] = []
        for turn in turns where turn.kind == .speech && !chair.contains(turn.index) {
            let quotes = commitmentQuotes[turn.index]
            for sentence in sentences(of: turn) where quotes?.contains(sentence.text) != true {
                let tokens = sentence.tokens
                for (index, token) in tokens.enumerated() where token.isWord {
                    let lemma = words.nounLemma(token.norm) ?? token.norm
                    guard subjects.contains(lemma) else { continue }
                    let before = tokens[max(0, index - 3)..<index].map(\.norm)
                    let after = tokens[(index + 1)..<min(tokens.count, index + 6)].map(\.norm)
                    let marked =
                        before.contains(where: promised.contains)
                        || (after.first == "that" || after.first == "which" || after.first == "we"
                            || after.first == "i")
                            && after.contains(where: referring.contains)
                    guard marked else { continue }
                    let earlier = commitments.filter { $0.subject == lemma && $0.turn < turn.index }
                    guard !earlier.isEmpty else { continue }
                    // Prefer the commitment whose object shares the mention's words, then the most recent one.
                    // The mention's own modifier decides first ("the new guidance" is the "new guidance"), then all
                    // words shared with the commitment's object.
                    let words = Set(tokens.filter(\.isWord).map(\.norm))
                    let modifier = index > 0 ? tokens[index - 1].norm : ""
                    func shared(_ commitment: Commitment) -> Int {
                        let object = Tokenizer.tokens(commitment.object).filter(\.isWord).map(\.norm)
                        let modified = zip(object, object.dropFirst()).contains {
                            $0 == modifier && ($1 == token.norm || $1 == lemma)
                        }
                        return (modified ? 100 : 0) + Set(object).intersection(words).count
                    }
                    let best = earlier.max { left, right in
                        let l = shared(left)
                        let r = shared(right)
                        return l < r || (l == r && left.turn <= right.turn)
                    }!
                    followUps.append(
                        FollowUp(turn: turn.index, quote: sentence.text, subject: lemma, refersTo: best.id))
                    break
                }
            }
        }
        return followUps
    }
}
