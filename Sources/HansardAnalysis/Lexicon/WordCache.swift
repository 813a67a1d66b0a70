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

    private var markerStarts: [String: Bool] = [:]

    /// The value kept in `table` for `word`, made by `make` the first time.
    @inline(__always)
    private static func remember<Value>(_ word: String, in table: inout [String: Value], _ make: () -> Value) -> Value {
        if let known = table[word] { return known }
        let value = make()
        table[word] = value
        return value
    }

    /// Whether a commitment marker can be found at `word` (``ClauseFinder``), from `decide` the first time.
    func startsMarker(_ word: String, _ decide: (String) -> Bool) -> Bool {
        Self.remember(word, in: &markerStarts) { decide(word) }
    }

    func verbLemma(_ word: String) -> String? {
        Self.remember(word, in: &verbLemmas) { lexicon.wordNet.verbLemma(word) }
    }
    func isVerb(_ word: String) -> Bool { verbLemma(word) != nil }
    func nounLemma(_ word: String) -> String? {
        Self.remember(word, in: &nounLemmas) { lexicon.wordNet.nounLemma(word) }
    }
    func isNoun(_ word: String) -> Bool { nounLemma(word) != nil }
    func isAdverb(_ word: String) -> Bool { Self.remember(word, in: &adverbs) { lexicon.isAdverb(word) } }

    /// The kinds of the verb whose lemma is `lemma` (or whose form is `lemma`).
    func verbKinds(_ lemma: String) -> [String]? {
        lexicon.wordNet.verbKinds(lemma) ?? verbLemma(lemma).flatMap(lexicon.wordNet.verbKinds)
    }

    /// The kinds of the noun whose lemma is `lemma` (or whose form is `lemma`).
    func nounKinds(_ lemma: String) -> [String]? {
        lexicon.wordNet.nounKinds(lemma) ?? nounLemma(lemma).flatMap(lexicon.wordNet.nounKinds)
    }
}
