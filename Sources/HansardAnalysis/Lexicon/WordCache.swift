/// What the analysis asks about each word, looked up in WordNet once per word per debate.
///
/// A debate repeats its words many times, and a WordNet reading of an inflected form tries several suffix rules;
/// the cache turns each later question about the word into one dictionary look-up. One cache serves one analysis
/// (it is not shared between threads).
final class WordCache {
    struct Info {
        var verbLemma: String?
        var nounLemma: String?
        var isAdverb: Bool
        var verbKinds: [String]?
        var nounKinds: [String]?
    }

    private let lexicon: Lexicon
    private var infos: [String: Info] = [:]

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    func info(_ word: String) -> Info {
        if let info = infos[word] { return info }
        let wordNet = lexicon.wordNet
        let verb = wordNet.verbLemma(word)
        let noun = wordNet.nounLemma(word)
        let info = Info(
            verbLemma: verb, nounLemma: noun, isAdverb: lexicon.isAdverb(word),
            verbKinds: verb.flatMap(wordNet.verbKinds), nounKinds: noun.flatMap(wordNet.nounKinds))
        infos[word] = info
        return info
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

    func verbLemma(_ word: String) -> String? { info(word).verbLemma }
    func isVerb(_ word: String) -> Bool { info(word).verbLemma != nil }
    func nounLemma(_ word: String) -> String? { info(word).nounLemma }
    func isNoun(_ word: String) -> Bool { info(word).nounLemma != nil }
    func isAdverb(_ word: String) -> Bool { info(word).isAdverb }
    /// The kinds of the verb whose lemma is `lemma` (or whose form is `lemma`).
    func verbKinds(_ lemma: String) -> [String]? { lexicon.wordNet.verbKinds(lemma) ?? info(lemma).verbKinds }
    func nounKinds(_ lemma: String) -> [String]? { lexicon.wordNet.nounKinds(lemma) ?? info(lemma).nounKinds }
}
