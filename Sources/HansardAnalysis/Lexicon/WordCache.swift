/// What the analysis asks about each word, looked up in WordNet once per word per debate.
///
/// A debate repeats its words many times, and a WordNet reading of an inflected form tries several suffix rules;
/// the cache turns each later question about the word into one dictionary look-up. One cache serves one analysis
/// (it is not shared between threads).
final class WordCache {
    private let lexicon: Lexicon
    // One table per question, each answered only when asked: most words are asked one or two of them, and a
    // reading of every field at once did WordNet look-ups nobody needed.
    private var verbLemmas: [String: String?] = [:]
    private var nounLemmas: [String: String?] = [:]
    private var adverbs: [String: Bool] = [:]

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    /// A yes-or-no question a pass asks of many words, its answers kept here per word.
    enum Question: Int, CaseIterable {
        /// Whether a commitment marker can be found at the word (``ClauseFinder``).
        case startsMarker
    }

    private var answers: [[String: Bool]] = Array(repeating: [:], count: Question.allCases.count)

    /// The answer to `question` for `word`, from `decide` the first time it is asked.
    func remembered(_ word: String, in question: Question, _ decide: (String) -> Bool) -> Bool {
        if let known = answers[question.rawValue][word] { return known }
        let answer = decide(word)
        answers[question.rawValue][word] = answer
        return answer
    }

    func verbLemma(_ word: String) -> String? {
        if let known = verbLemmas[word] { return known }
        let lemma = lexicon.wordNet.verbLemma(word)
        verbLemmas[word] = lemma
        return lemma
    }

    func isVerb(_ word: String) -> Bool { verbLemma(word) != nil }

    func nounLemma(_ word: String) -> String? {
        if let known = nounLemmas[word] { return known }
        let lemma = lexicon.wordNet.nounLemma(word)
        nounLemmas[word] = lemma
        return lemma
    }

    func isNoun(_ word: String) -> Bool { nounLemma(word) != nil }

    func isAdverb(_ word: String) -> Bool {
        if let known = adverbs[word] { return known }
        let adverb = lexicon.isAdverb(word)
        adverbs[word] = adverb
        return adverb
    }

    /// The kinds of the verb whose lemma is `lemma` (or whose form is `lemma`).
    func verbKinds(_ lemma: String) -> [String]? {
        lexicon.wordNet.verbKinds(lemma) ?? verbLemma(lemma).flatMap(lexicon.wordNet.verbKinds)
    }

    /// The kinds of the noun whose lemma is `lemma` (or whose form is `lemma`).
    func nounKinds(_ lemma: String) -> [String]? {
        lexicon.wordNet.nounKinds(lemma) ?? nounLemma(lemma).flatMap(lexicon.wordNet.nounKinds)
    }
}
