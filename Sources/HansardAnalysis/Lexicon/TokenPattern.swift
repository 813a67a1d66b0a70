/// A pattern over tokens, written in the lexicon file as words.
///
/// The lexicon's phrase lists are written in this small language rather than as regular expressions, so that they
/// read as the English they match and run on the tokens already made, without re-scanning the text:
///
/// - `will write` — words, matched against each token's lower-case form (`'ll` and `won't` are already `will` and
///   `will not`); a pattern's words are tokenised like the text, so `hon.` is `hon` then `.`;
/// - `(yes|of course|certainly)` — one of the alternatives, each a sequence;
/// - `[very]`, `[very|most]` — optional;
/// - `*` — any one token; `*3` — up to three tokens (as few as will do);
/// - `@name` — a word class from the lexicon (`@adverb`, `@number`, `@month`, …) or a named sub-pattern;
/// - `{name: …}` — captures what the inner pattern matched, e.g. `within {count: @number} {unit: (days|weeks)}`;
/// - `^` and `$` — the start and end of the sentence (`$` allows closing marks after it).
struct TokenPattern: Sendable {
    indirect enum Node: Sendable {
        case word(String)
        case any(max: Int)
        case wordClass(String)
        case sequence([Node])
        case choice([Node])
        case optional(Node)
        case capture(String, Node)
        case start
        case end
    }

    /// A match: the token range and the captured ranges by name.
    struct Match: Sendable {
        var range: Range<Int>
        var captures: [String: Range<Int>]
    }

    let source: String
    let root: Node
    /// Words one of which must begin any match, when the pattern starts with a fixed word or choice of words;
    /// nil when it can start anywhere.
    let firstWords: Set<String>?
    /// Sets of words each of which a text must share for the pattern to match it anywhere: a cheap test that
    /// spares the matcher most sentences.
    let requiredWords: [Set<String>]

    /// Compiles `source`; a malformed pattern throws with the position it fails at.
    init(_ source: String) throws(PatternSyntaxError) {
        self.source = source
        var parser = Parser(elements: try Parser.lex(source))
        root = try parser.parseSequence(until: nil)
        firstWords = Self.firstWords(of: root)
        requiredWords = Self.required(root)
    }

    private static func required(_ node: Node) -> [Set<String>] {
        switch node {
        case .word(let word): return [[word]]
        case .sequence(let nodes): return nodes.flatMap(required)
        case .capture(_, let inner): return required(inner)
        case .choice(let nodes):
            var union: Set<String> = []
            for node in nodes {
                guard let first = required(node).first else { return [] }
                union.formUnion(first)
            }
            return [union]
        case .optional, .any, .wordClass, .start, .end: return []
        }
    }

    /// False when `words` (a sentence's word forms) lacks a word every match needs.
    func mayMatch(_ words: Set<String>) -> Bool {
        requiredWords.allSatisfy { !$0.isDisjoint(with: words) }
    }

    /// Whether the pattern matches the sentence, trying the matcher only when the sentence has the words it needs.
    func matches(_ sentence: Sentence, classes: any WordClasses) -> Bool {
        (requiredWords.isEmpty || mayMatch(sentence.words)) && matches(sentence.tokens, classes: classes)
    }

    private static func firstWords(of node: Node) -> Set<String>? {
        switch node {
        case .word(let word): return [word]
        case .sequence(let nodes):
            guard let first = nodes.first else { return nil }
            if case .start = first {
                return nodes.count > 1 ? firstWords(of: .sequence(Array(nodes.dropFirst()))) : nil
            }
            return firstWords(of: first)
        case .choice(let nodes):
            var words: Set<String> = []
            for node in nodes {
                guard let more = firstWords(of: node) else { return nil }
                words.formUnion(more)
            }
            return words
        case .capture(_, let inner): return firstWords(of: inner)
        default: return nil
        }
    }

    /// Whether the pattern must match at the sentence start.
    var anchored: Bool {
        if case .sequence(let nodes) = root, case .start? = nodes.first { return true }
        return false
    }
}

/// A pattern the lexicon file gives that cannot be compiled.
struct PatternSyntaxError: Error, Sendable, CustomStringConvertible {
    var pattern: String
    var reason: String
    var description: String { "pattern \"\(pattern)\": \(reason)" }
}

extension TokenPattern {
    fileprivate enum Element: Equatable {
        case word(String)
        case open(Character)  // ( [ {
        case close(Character)  // ) ] }
        case bar
        case any(Int)
        case wordClass(String)
        case capture(String)  // "{name:"
        case start, end
    }

    fileprivate struct Parser {
        var elements: [Element]
        var position = 0

        static func lex(_ source: String) throws(PatternSyntaxError) -> [Element] {
            var elements: [Element] = []
            var pending = ""
            func flush() {
                guard !pending.isEmpty else { return }
                for token in Tokenizer.tokens(pending) { elements.append(.word(token.norm)) }
                pending = ""
            }
            var characters = Array(source)[...]
            while let character = characters.first {
                characters = characters.dropFirst()
                switch character {
                case "(", "[":
                    flush()
                    elements.append(.open(character))
                case ")", "]", "}":
                    flush()
                    elements.append(.close(character))
                case "|":
                    flush()
                    elements.append(.bar)
                case "{":
                    flush()
                    var name = ""
                    while let next = characters.first, next != ":" {
                        name.append(next)
                        characters = characters.dropFirst()
                    }
                    guard characters.first == ":" else {
                        throw PatternSyntaxError(pattern: source, reason: "\"{\" needs a capture name and \":\"")
                    }
                    characters = characters.dropFirst()
                    elements.append(.capture(name.trimmingSpaces()))
                case "*" where pending.isEmpty:
                    var digits = ""
                    while let next = characters.first, next.isNumber {
                        digits.append(next)
                        characters = characters.dropFirst()
                    }
                    elements.append(.any(Int(digits) ?? 1))
                case "@" where pending.isEmpty:
                    var name = ""
                    while let next = characters.first, next.isLetter || next.isNumber || next == "-" {
                        name.append(next)
                        characters = characters.dropFirst()
                    }
                    guard !name.isEmpty else {
                        throw PatternSyntaxError(pattern: source, reason: "\"@\" needs a class name")
                    }
                    elements.append(.wordClass(name))
                case "^" where pending.isEmpty:
                    elements.append(.start)
                case "$" where pending.isEmpty:
                    elements.append(.end)
                case " ":
                    flush()
                default:
                    pending.append(character)
                }
            }
            flush()
            return elements
        }

        mutating func parseSequence(until closer: Character?) throws(PatternSyntaxError) -> Node {
            var alternatives: [Node] = []
            var current: [Node] = []
            while position < elements.count {
                let element = elements[position]
                position += 1
                switch element {
                case .word(let word): current.append(.word(word))
                case .any(let count): current.append(.any(max: count))
                case .wordClass(let name): current.append(.wordClass(name))
                case .start: current.append(.start)
                case .end: current.append(.end)
                case .bar:
                    alternatives.append(.sequence(current))
                    current = []
                case .open(let bracket):
                    let inner = try parseSequence(until: bracket == "(" ? ")" : "]")
                    current.append(bracket == "[" ? .optional(inner) : inner)
                case .capture(let name):
                    current.append(.capture(name, try parseSequence(until: "}")))
                case .close(let bracket):
                    guard bracket == closer else {
                        throw PatternSyntaxError(pattern: elements.description, reason: "unbalanced \"\(bracket)\"")
                    }
                    alternatives.append(.sequence(current))
                    return alternatives.count == 1 ? alternatives[0] : .choice(alternatives)
                }
            }
            guard closer == nil else {
                throw PatternSyntaxError(pattern: elements.description, reason: "missing \"\(closer!)\"")
            }
            alternatives.append(.sequence(current))
            return alternatives.count == 1 ? alternatives[0] : .choice(alternatives)
        }
    }
}

/// What a pattern's `@name` classes mean: word sets from the lexicon and WordNet, and named sub-patterns.
protocol WordClasses: Sendable {
    /// Whether `token` belongs to the single-token class `name`; nil when no such class exists.
    func token(_ token: Token, isIn name: String) -> Bool?
    /// The sub-pattern called `name`, if the class is one.
    func subpattern(_ name: String) -> TokenPattern?
}

extension TokenPattern {
    /// The first match starting at or after `from` (or exactly at `from` when `at` is set).
    func firstMatch(in tokens: [Token], from: Int = 0, at: Bool = false, classes: any WordClasses) -> Match? {
        let last = at ? min(from, tokens.count) : tokens.count
        var start = from
        while start <= last {
            if anchored && start > 0 { return nil }
            if let firstWords, start < tokens.count, !firstWords.contains(tokens[start].norm) {
                start += 1
                continue
            }
            var captures: [String: Range<Int>] = [:]
            var matchedEnd = -1
            if Self.match(root, tokens, start, &captures, classes) { end, _ in
                matchedEnd = end
                return true
            } {
                return Match(range: start..<matchedEnd, captures: captures)
            }
            if at { return nil }
            start += 1
        }
        return nil
    }

    /// Every non-overlapping match, left to right.
    func allMatches(in tokens: [Token], classes: any WordClasses) -> [Match] {
        var matches: [Match] = []
        var from = 0
        while let match = firstMatch(in: tokens, from: from, classes: classes) {
            matches.append(match)
            from = max(match.range.upperBound, match.range.lowerBound + 1)
        }
        return matches
    }

    func matches(_ tokens: [Token], classes: any WordClasses) -> Bool {
        firstMatch(in: tokens, classes: classes) != nil
    }

    /// Matches `node` at `index`, calling `next` with the end; backtracks when `next` refuses.
    private static func match(
        _ node: Node, _ tokens: [Token], _ index: Int, _ captures: inout [String: Range<Int>],
        _ classes: any WordClasses, _ next: (Int, inout [String: Range<Int>]) -> Bool
    ) -> Bool {
        switch node {
        case .word(let word):
            guard index < tokens.count, tokens[index].norm == word else { return false }
            return next(index + 1, &captures)
        case .any(let max):
            var end = index
            while end <= min(index + max, tokens.count) {
                if next(end, &captures) { return true }
                end += 1
            }
            return false
        case .wordClass(let name):
            if let sub = classes.subpattern(name) {
                return match(sub.root, tokens, index, &captures, classes, next)
            }
            guard index < tokens.count, classes.token(tokens[index], isIn: name) == true else { return false }
            return next(index + 1, &captures)
        case .sequence(let nodes):
            return matchSequence(nodes[...], tokens, index, &captures, classes, next)
        case .choice(let nodes):
            for node in nodes where match(node, tokens, index, &captures, classes, next) { return true }
            return false
        case .optional(let inner):
            if match(inner, tokens, index, &captures, classes, next) { return true }
            return next(index, &captures)
        case .capture(let name, let inner):
            let saved = captures[name]
            let matched = match(inner, tokens, index, &captures, classes) { end, captures in
                captures[name] = index..<end
                if next(end, &captures) { return true }
                captures[name] = saved
                return false
            }
            return matched
        case .start:
            return index == 0 && next(index, &captures)
        case .end:
            var end = index
            while end < tokens.count, tokens[end].kind == .mark { end += 1 }
            return end == tokens.count && next(index, &captures)
        }
    }

    private static func matchSequence(
        _ nodes: ArraySlice<Node>, _ tokens: [Token], _ index: Int, _ captures: inout [String: Range<Int>],
        _ classes: any WordClasses, _ next: (Int, inout [String: Range<Int>]) -> Bool
    ) -> Bool {
        guard let first = nodes.first else { return next(index, &captures) }
        let rest = nodes.dropFirst()
        return match(first, tokens, index, &captures, classes) { end, captures in
            matchSequence(rest, tokens, end, &captures, classes, next)
        }
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
