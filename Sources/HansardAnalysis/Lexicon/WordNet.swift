/// What WordNet 3.0 says about English words: which are verbs, nouns and adverbs, their base forms, and the kind
/// of meaning each sense has (its lexicographer file: `communication`, `stative`, `person`, …).
///
/// Read once from `Resources/wordnet.tsv`, which `scripts/make-wordnet-lexicon` derives from Debian's
/// `wordnet-base` (the licence is in the file's header).
struct WordNet: Sendable {
    /// A verb's or noun's senses' kinds, most frequent sense first.
    typealias Kinds = [String]

    private var verbs: [String: Kinds] = [:]
    private var verbExceptions: [String: String] = [:]
    private var nouns: [String: Kinds] = [:]
    private var nounExceptions: [String: String] = [:]
    private(set) var adverbs: Set<String> = []
    private(set) var adjectives: Set<String> = []
    /// The multi-word verbs ("look into", "bring forward") by their first word.
    private var phrasalVerbs: [String: [[String]]] = [:]

    init(tsv: String) throws(AnalysisError) {
        var text = tsv
        let read = text.withUTF8 { bytes in Result { () throws(AnalysisError) in try WordNet(utf8: bytes) } }
        self = try read.get()
    }

    /// Reads the file's bytes directly: splitting 97,000 rows through `Substring`s took most of a short page's
    /// analysis time, so rows and fields are found by byte and only the stored words become `String`s.
    private init(utf8 bytes: UnsafeBufferPointer<UInt8>) throws(AnalysisError) {
        let tab = UInt8(ascii: "\t")
        let newline = UInt8(ascii: "\n")
        // Distinct kind lists are few (about 7,000 for 90,000 words): share one array per list.
        var kindCache: [String: Kinds] = [:]
        func string(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        func kinds(_ range: Range<Int>) -> Kinds {
            let field = string(range)
            if let cached = kindCache[field] { return cached }
            let value = field.split(separator: ",").map(String.init)
            kindCache[field] = value
            return value
        }
        func malformed(_ range: Range<Int>) -> AnalysisError {
            .lexiconMalformed(file: "wordnet.tsv", reason: "bad row \"\(string(range))\"")
        }
        verbs.reserveCapacity(12_000)
        nouns.reserveCapacity(58_000)
        adjectives.reserveCapacity(21_000)
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != newline { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            if lineEnd == lineStart || bytes[lineStart] == UInt8(ascii: "#") { continue }
            // Up to three tab-separated fields; a fourth makes the row malformed, as a third does for R and J.
            var fields: [Range<Int>] = []
            var fieldStart = lineStart
            for position in lineStart...lineEnd where position == lineEnd || bytes[position] == tab {
                fields.append(fieldStart..<position)
                fieldStart = position + 1
            }
            guard fields.count >= 2 else { throw malformed(lineStart..<lineEnd) }
            let tag = string(fields[0])
            let word = string(fields[1])
            switch tag {
            case "V" where fields.count == 3:
                verbs[word] = kinds(fields[2])
                if word.utf8.contains(UInt8(ascii: " ")) {
                    let words = word.split(separator: " ").map(String.init)
                    if words.count > 1 { phrasalVerbs[words[0], default: []].append(words) }
                }
            case "VX" where fields.count == 3: verbExceptions[word] = string(fields[2])
            case "N" where fields.count == 3: nouns[word] = kinds(fields[2])
            case "NX" where fields.count == 3: nounExceptions[word] = string(fields[2])
            case "R": adverbs.insert(word)
            case "J": adjectives.insert(word)
            default: throw malformed(lineStart..<lineEnd)
            }
        }
        for key in phrasalVerbs.keys { phrasalVerbs[key]!.sort { $0.count > $1.count } }
        guard !verbs.isEmpty, !nouns.isEmpty else { throw .lexiconMalformed(file: "wordnet.tsv", reason: "no words") }
    }

    /// The base form of a verb form ("laid" → "lay", "publishing" → "publish", "published" → "publish"), by
    /// WordNet's exception list and its suffix rules (morphy); nil when no reading is a WordNet verb.
    func verbLemma(_ form: String) -> String? {
        if verbs[form] != nil { return form }
        if let base = verbExceptions[form] { return base }
        for (suffix, replacement) in Self.verbSuffixes where form.hasSuffix(suffix) && form.count > suffix.count + 1 {
            let candidate = String(form.dropLast(suffix.count)) + replacement
            if verbs[candidate] != nil { return candidate }
        }
        // "stopping", "planned": a doubled final consonant.
        for suffix in ["ing", "ed"] where form.hasSuffix(suffix) {
            let stem = form.dropLast(suffix.count)
            if stem.count >= 3, let last = stem.last, stem.dropLast().last == last {
                let candidate = String(stem.dropLast())
                if verbs[candidate] != nil { return candidate }
            }
        }
        return nil
    }

    private static let verbSuffixes: [(String, String)] = [
        ("ies", "y"), ("es", "e"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", "e"), ("ed", ""), ("ing", "e"),
        ("ing", ""),
    ]

    /// The kinds of the verb `lemma`'s senses, most frequent first.
    func verbKinds(_ lemma: String) -> Kinds? { verbs[lemma] }

    func isVerb(_ form: String) -> Bool { verbLemma(form) != nil }

    /// The longest multi-word verb starting at `index` ("look into", "bring forward", "take into account"), as its
    /// lemma and the number of tokens it covers; the first word may be inflected.
    func phrasalVerb(at index: Int, in tokens: [Token]) -> (lemma: String, length: Int)? {
        guard index < tokens.count, let head = verbLemma(tokens[index].norm), let candidates = phrasalVerbs[head] else {
            return nil
        }
        for words in candidates where index + words.count <= tokens.count && Self.particles.contains(words[1]) {
            var matches = true
            for offset in 1..<words.count where tokens[index + offset].norm != words[offset] {
                matches = false
                break
            }
            if matches { return (words.joined(separator: " "), words.count) }
        }
        return nil
    }

    /// Second words that make a multi-word verb ("look into", "set up"); a preposition such as "across" or
    /// "at" begins the verb's complement instead ("look across the country").
    static let particles: Set<String> = [
        "up", "out", "in", "into", "forward", "back", "off", "down", "away", "on", "through", "over", "round",
        "around", "ahead", "aside", "together", "under", "about",
    ]

    /// The singular of a noun form, when WordNet knows the noun.
    func nounLemma(_ form: String) -> String? {
        if nouns[form] != nil { return form }
        if let base = nounExceptions[form] { return base }
        for (suffix, replacement) in [
            ("ies", "y"), ("ses", "s"), ("xes", "x"), ("ches", "ch"), ("shes", "sh"), ("s", ""),
        ]
        where form.hasSuffix(suffix) && form.count > suffix.count + 1 {
            let candidate = String(form.dropLast(suffix.count)) + replacement
            if nouns[candidate] != nil { return candidate }
        }
        return nil
    }

    /// The kinds of the noun `lemma`'s senses, most frequent first.
    func nounKinds(_ lemma: String) -> Kinds? { nouns[lemma] }

    func isNoun(_ form: String) -> Bool { nounLemma(form) != nil }

    func isAdverb(_ word: String) -> Bool { adverbs.contains(word) }
}
