/// The specific things a text names, for deciding whether two texts are about the same thing: its names
/// (capitalised words inside a sentence, such as "Dresdner", "WhatsApp", "Dartford") and its content words
/// (nouns, lemmatised, without stop words and parliamentary formulae).
///
/// Follow-up links across debates are proposed only on shared terms like these, never on one common noun.
public struct ContentTerms: Sendable, Hashable {
    /// Capitalised words not at the start of a sentence, lower-cased.
    public var names: Set<String>
    /// Content words, lemmatised and lower-cased.
    public var words: Set<String>

    /// The terms of `text`, read with the bundled lexicon (none when the lexicon cannot be loaded).
    public init(_ text: String) {
        guard let lexicon = try? BundledData.lexicon() else {
            names = []
            words = []
            return
        }
        var names: Set<String> = []
        var words: Set<String> = []
        let wordNet = lexicon.wordNet
        for sentence in Sentences.split(text, turn: 0, paragraph: 0) {
            let tokens = sentence.tokens
            // Names: runs of capitalised words inside the sentence ("Christmas Island", "Civil Justice
            // Council"); a single capitalised word only when it is not an ordinary English word ("Dresdner",
            // "WhatsApp"), so "Council" or "Transport" alone names nothing in particular.
            var run: [String] = []
            func flush() {
                let kept = run.filter { !lexicon.stopWords.contains($0) }
                if kept.count >= 2 {
                    names.insert(kept.joined(separator: " "))
                } else if let only = kept.first, only.count > 2, wordNet.nounLemma(only) == nil,
                    wordNet.verbLemma(only) == nil,
                    !wordNet.adjectives.contains(only)
                {
                    names.insert(only)
                }
                run = []
            }
            for (index, token) in tokens.enumerated() {
                let inside =
                    index > 0
                    && (tokens[index - 1].kind != .mark || tokens[index - 1].norm == ","
                        || tokens[index - 1].norm == "(")
                if token.isWord && token.capitalised && (inside || !run.isEmpty) {
                    run.append(token.norm)
                } else {
                    flush()
                }
                // Content words: nouns, lemmatised, without stop words.
                guard token.isWord, token.norm.count > 2, !lexicon.stopWords.contains(token.norm),
                    !lexicon.classes.determiner.contains(token.norm), let noun = wordNet.nounLemma(token.norm),
                    !lexicon.stopWords.contains(noun)
                else { continue }
                words.insert(noun)
            }
            flush()
        }
        self.names = names
        self.words = words
    }

    /// The terms both texts name: the shared names, then the shared content words.
    public func shared(with other: ContentTerms) -> (names: Set<String>, words: Set<String>) {
        (names.intersection(other.names), words.intersection(other.words))
    }
}
