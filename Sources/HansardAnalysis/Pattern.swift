import Foundation

/// A compiled, case-insensitive rule pattern.
///
/// `NSRegularExpression` is immutable after creation and documented as safe to use from many threads,
/// which is why the wrapper may be shared across concurrent analyses.
struct Pattern: @unchecked Sendable {
    let source: String
    private let regex: NSRegularExpression

    init(_ source: String, rulesPath: String) throws(AnalysisError) {
        self.source = source
        do {
            regex = try NSRegularExpression(pattern: source, options: [.caseInsensitive])
        } catch {
            throw .invalidPattern(path: rulesPath, pattern: source, reason: "\(error)")
        }
    }

    /// A match: the whole range and the named `verb` group when the pattern has one.
    struct Match {
        var range: Range<String.Index>
        var verb: Range<String.Index>?
        var groups: [Range<String.Index>?]
    }

    func firstMatch(in text: String, from start: String.Index? = nil) -> Match? {
        let nsText = text as NSString
        let location = start.map { NSRange($0..<text.endIndex, in: text).location } ?? 0
        let searchRange = NSRange(location: location, length: nsText.length - location)
        guard let result = regex.firstMatch(in: text, options: [], range: searchRange) else { return nil }
        return convert(result, in: text)
    }

    func allMatches(in text: String) -> [Match] {
        let nsText = text as NSString
        return regex.matches(in: text, options: [], range: NSRange(location: 0, length: nsText.length))
            .compactMap { convert($0, in: text) }
    }

    /// Whether the pattern matches somewhere in `text` (no match object is built).
    func matches(_ text: String) -> Bool {
        regex.rangeOfFirstMatch(in: text, options: [], range: NSRange(location: 0, length: text.utf16.count)).location
            != NSNotFound
    }

    private func convert(_ result: NSTextCheckingResult, in text: String) -> Match? {
        guard let range = Range(result.range, in: text) else { return nil }
        var verb: Range<String.Index>? = nil
        if source.contains("(?<verb>") {
            let verbRange = result.range(withName: "verb")
            if verbRange.location != NSNotFound { verb = Range(verbRange, in: text) }
        }
        var groups: [Range<String.Index>?] = []
        if result.numberOfRanges > 1 {
            for index in 1..<result.numberOfRanges {
                let groupRange = result.range(at: index)
                groups.append(groupRange.location == NSNotFound ? nil : Range(groupRange, in: text))
            }
        }
        return Match(range: range, verb: verb, groups: groups)
    }
}

/// The patterns of one rule, in their file's order, with one combined expression that says whether any of them
/// matches a text.
///
/// Speaker evidence asks "does any pattern of this rule match?" of every sentence of a debate, for twenty rules;
/// one alternation per rule makes that one pass of the regular-expression engine instead of one per pattern. The
/// rules' patterns have no numbered back-references or named groups, so the alternation matches a text exactly
/// when one of its patterns does.
struct PatternList: Sendable, RandomAccessCollection {
    let patterns: [Pattern]
    private let any: Pattern?

    init(_ patterns: [Pattern], rulesPath: String) throws(AnalysisError) {
        self.patterns = patterns
        if patterns.count > 1 {
            any = try Pattern(patterns.map { "(?:\($0.source))" }.joined(separator: "|"), rulesPath: rulesPath)
        } else {
            any = patterns.first
        }
    }

    var startIndex: Int { patterns.startIndex }
    var endIndex: Int { patterns.endIndex }
    subscript(position: Int) -> Pattern { patterns[position] }

    /// Whether any of the patterns matches somewhere in `text`.
    func anyMatches(_ text: String) -> Bool { any?.matches(text) ?? false }
}
