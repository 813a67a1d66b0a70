import Foundation
import HansardIngestion

/// A compiled, case-insensitive rule pattern.
///
/// `NSRegularExpression` is immutable after creation and documented as safe to use from many threads,
/// which is why the wrapper may be shared across concurrent analyses.
struct Pattern: @unchecked Sendable {
    let source: String
    private let regex: NSRegularExpression
    /// The sets of lower-cased letter runs a match must meet at once, each by containing one of its runs
    /// (``RequiredLiteral/all(_:)``), the most selective first; empty when the pattern has none.
    let requirements: [[[UInt8]]]

    init(_ source: String, rulesPath: String) throws(AnalysisError) {
        self.source = source
        requirements = RequiredLiteral.all(source)
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

    func firstMatch(in text: String, from start: String.Index? = nil, folded: LowercasedBytes? = nil) -> Match? {
        if !requirements.isEmpty, !mayMatch(folded ?? LowercasedBytes(text)) { return nil }
        let nsText = text as NSString
        let location = start.map { NSRange($0..<text.endIndex, in: text).location } ?? 0
        let searchRange = NSRange(location: location, length: nsText.length - location)
        guard let result = regex.firstMatch(in: text, options: [], range: searchRange) else { return nil }
        return convert(result, in: text)
    }

    func allMatches(in text: String, folded: LowercasedBytes? = nil) -> [Match] {
        if !requirements.isEmpty, !mayMatch(folded ?? LowercasedBytes(text)) { return [] }
        let nsText = text as NSString
        return regex.matches(in: text, options: [], range: NSRange(location: 0, length: nsText.length))
            .compactMap { convert($0, in: text) }
    }

    /// Whether the pattern matches somewhere in `text` (no match object is built).
    func matches(_ text: String, folded: LowercasedBytes? = nil) -> Bool {
        if !requirements.isEmpty, !mayMatch(folded ?? LowercasedBytes(text)) { return false }
        return expressionMatches(text)
    }

    /// Whether the text has the letters every match needs (``requirements``): when not, the pattern cannot match.
    func mayMatch(_ folded: LowercasedBytes) -> Bool {
        requirements.allSatisfy { folded.containsAny($0) }
    }

    /// Whether the regular expression matches, without the required-letters pre-test (for callers that made it).
    func expressionMatches(_ text: String) -> Bool {
        let whole = NSRange(location: 0, length: text.utf16.count)
        return regex.rangeOfFirstMatch(in: text, options: [], range: whole).location != NSNotFound
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

    /// Whether any of the patterns matches somewhere in `text`: the patterns whose required letters the text
    /// lacks are passed over, and when every pattern remains the one alternation answers.
    func anyMatches(_ text: String, folded: LowercasedBytes? = nil) -> Bool {
        guard let any else { return false }
        let folded = folded ?? LowercasedBytes(text)
        // The required letters are tested once per pattern; the survivors go straight to their expressions.
        let candidates = patterns.filter { $0.mayMatch(folded) }
        if candidates.isEmpty { return false }
        if candidates.count == patterns.count { return any.matches(text) }
        return candidates.contains { $0.expressionMatches(text) }
    }
}

/// A text's UTF-8 bytes with ASCII letters lower-cased, for the cheap test that comes before a regular expression.
///
/// It also records which pairs of adjacent bytes the text has (folded to six bits each, so a few pairs share a
/// bit): a needle one of whose pairs is missing is not in the text, which rules out nearly every needle a
/// sentence lacks without searching it.
struct LowercasedBytes {
    let bytes: [UInt8]
    /// 4,096 bits, one per folded pair. (An array, not an `InlineArray`: the package builds for macOS 14.)
    private let pairs: [UInt64]

    init(_ text: String) {
        // One contiguous copy of the UTF-8, lower-cased in place: mapping the view byte by byte cost more.
        var bytes = Array(text.utf8)
        var pairs = [UInt64](repeating: 0, count: 64)
        pairs.withUnsafeMutableBufferPointer { bits in
            bytes.withUnsafeMutableBufferPointer { buffer in
                var previous: UInt8 = 0
                for index in buffer.indices {
                    var byte = buffer[index]
                    if byte &- 0x41 < 26 {
                        byte |= 0x20
                        buffer[index] = byte
                    }
                    if index > 0 {
                        let pair = Self.pair(previous, byte)
                        bits[pair >> 6] |= 1 << UInt64(pair & 63)
                    }
                    previous = byte
                }
            }
        }
        self.bytes = bytes
        self.pairs = pairs
    }

    @inline(__always) private static func pair(_ first: UInt8, _ second: UInt8) -> Int {
        Int(first & 0x3F) << 6 | Int(second & 0x3F)
    }

    /// Whether every adjacent pair of the needle's bytes is among the text's.
    private func mayContain(_ needle: UnsafeRawBufferPointer) -> Bool {
        var index = 1
        while index < needle.count {
            let pair = Self.pair(needle[index - 1], needle[index])
            if pairs[pair >> 6] & (1 << UInt64(pair & 63)) == 0 { return false }
            index += 1
        }
        return true
    }

    /// Whether any of `needles` occurs in the text.
    func containsAny(_ needles: [[UInt8]]) -> Bool {
        bytes.withUnsafeBytes { hay in
            for needle in needles where occurs(needle, in: hay) { return true }
            return false
        }
    }

    /// Looks for the needle's rarest byte in English text with `memchr`, then compares the whole needle there: a
    /// `memchr` on its first letter ("t", "s", "a") stopped at nearly every word.
    private func occurs(_ needle: [UInt8], in hay: UnsafeRawBufferPointer) -> Bool {
        if needle.isEmpty { return true }
        guard hay.count >= needle.count, let base = hay.baseAddress else { return false }
        return needle.withUnsafeBytes { wanted in
            guard mayContain(wanted) else { return false }
            var pick = 0
            var best = Self.commonness[Int(wanted[0])]
            for index in 1..<wanted.count where Self.commonness[Int(wanted[index])] < best {
                best = Self.commonness[Int(wanted[index])]
                pick = index
            }
            let byte = Int32(wanted[pick])
            var start = pick
            let last = hay.count - wanted.count + pick
            while start <= last {
                guard let found = memchr(base + start, byte, last - start + 1) else { return false }
                let offset = base.distance(to: UnsafeRawPointer(found))
                if memcmp(base + offset - pick, wanted.baseAddress!, wanted.count) == 0 { return true }
                start = offset + 1
            }
            return false
        }
    }

    /// How common each byte is in lower-cased English text, in rank order (letters by their usual frequency, the
    /// space most common of all, other bytes rare); only the order matters.
    private static let commonness: [UInt8] = {
        var table = [UInt8](repeating: 1, count: 256)
        for (rank, letter) in "zqxjkvbpygfwmucldrhsnioate".utf8.enumerated() { table[Int(letter)] = UInt8(2 + rank) }
        table[Int(UInt8(ascii: " "))] = 255
        return table
    }()
}

/// Runs of plain ASCII characters (three or more) one of which every match of a pattern contains, read from the
/// pattern's structure: in a sequence, the best of its literal runs and of its groups' requirements; in an
/// alternation, the union of its branches' (every branch must have one).
///
/// Classes, escapes other than escaped punctuation, optional atoms, anchors, look-arounds and flag groups end a
/// run and require nothing. Matching is case-insensitive, so runs are lower-cased and looked for in
/// ASCII-lower-cased text. (ICU also folds a few non-ASCII letters to ASCII ones, such as the Kelvin sign to "k";
/// Hansard text does not use them in the words the rules name.)
enum RequiredLiteral {
    /// More alternatives than this cost more to look for than they save.
    private static let maximumAlternatives = 12

    static func of(_ source: String) -> [[UInt8]]? {
        let pattern = Array(source.utf8)
        return alternation(pattern, 0..<pattern.count)
    }

    /// All the requirements a match meets at once, the most selective first.
    ///
    /// For a pattern of one branch, each of its literal runs and required groups: `\bwe\s+have\s+time\s+for\b`
    /// needs "have", "time" and "for", not just one of them. For an alternation, its one requirement (``of(_:)``).
    /// Empty when there is none.
    static func all(_ source: String) -> [[[UInt8]]] {
        let pattern = Array(source.utf8)
        if let branches = branches(pattern, 0..<pattern.count), branches.count == 1,
            let candidates = sequenceCandidates(pattern, branches[0]), !candidates.isEmpty
        {
            return candidates.sorted { moreSelective($0, than: $1) }
        }
        return of(source).map { [$0] } ?? []
    }

    /// Whether `a` rules out more texts than `b`: its shortest run is longer, or as long with fewer runs.
    private static func moreSelective(_ a: [[UInt8]], than b: [[UInt8]]) -> Bool {
        let (shortestA, shortestB) = (a.map(\.count).min()!, b.map(\.count).min()!)
        return shortestA != shortestB ? shortestA > shortestB : a.count < b.count
    }

    /// The branches of `range` split at its top-level `|`; each must require something.
    private static func alternation(_ pattern: [UInt8], _ range: Range<Int>) -> [[UInt8]]? {
        guard let branches = branches(pattern, range) else { return nil }
        var union: [[UInt8]] = []
        for branch in branches {
            guard let required = sequence(pattern, branch) else { return nil }
            for run in required where !union.contains(run) { union.append(run) }
        }
        return union.isEmpty || union.count > maximumAlternatives ? nil : union
    }

    private static func branches(_ pattern: [UInt8], _ range: Range<Int>) -> [Range<Int>]? {
        var result: [Range<Int>] = []
        var start = range.lowerBound
        var index = range.lowerBound
        while index < range.upperBound {
            switch pattern[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "["):
                guard let end = classEnd(pattern, from: index) else { return nil }
                index = end
            case UInt8(ascii: "("):
                guard let end = groupEnd(pattern, from: index) else { return nil }
                index = end
            case UInt8(ascii: "|"):
                result.append(start..<index)
                index += 1
                start = index
            default: index += 1
            }
        }
        result.append(start..<max(start, range.upperBound))
        return result
    }

    /// The best requirement of one branch: a sequence of atoms.
    private static func sequence(_ pattern: [UInt8], _ range: Range<Int>) -> [[UInt8]]? {
        // The most selective: the one whose shortest run is longest, then the one with fewest runs.
        sequenceCandidates(pattern, range)?.max { a, b in moreSelective(b, than: a) }
    }

    /// Every requirement of one branch, a sequence of atoms: each of its literal runs and required groups, all of
    /// which a match contains; nil when the branch cannot be read.
    private static func sequenceCandidates(_ pattern: [UInt8], _ range: Range<Int>) -> [[[UInt8]]]? {
        var candidates: [[[UInt8]]] = []
        var run: [UInt8] = []
        func endRun() {
            if run.count >= 3 { candidates.append([run]) }
            run = []
        }
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = pattern[index]
            var literal: UInt8? = nil
            var inner: Range<Int>? = nil
            var next = index + 1
            switch byte {
            case UInt8(ascii: "("):
                guard let end = groupEnd(pattern, from: index) else { return nil }
                next = end
                inner = groupBody(pattern, from: index, end: end)
            case UInt8(ascii: "["):
                guard let end = classEnd(pattern, from: index) else { return nil }
                next = end
            case UInt8(ascii: "\\"):
                guard index + 1 < range.upperBound else { return nil }
                let escaped = pattern[index + 1]
                next = index + 2
                if escaped == UInt8(ascii: "Q") { return nil }
                if isPunctuation(escaped) {
                    literal = escaped
                } else if next < range.upperBound, pattern[next] == UInt8(ascii: "{") {
                    // \p{…}, \x{…}, \N{…}: the braces belong to the escape.
                    guard let close = pattern[next..<range.upperBound].firstIndex(of: UInt8(ascii: "}")) else {
                        return nil
                    }
                    next = close + 1
                }
            case UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "{"): return nil
            default:
                if isPlain(byte) { literal = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
            }
            var optional = false
            var repeated = false
            if next < range.upperBound {
                switch pattern[next] {
                case UInt8(ascii: "?"), UInt8(ascii: "*"):
                    optional = true
                    repeated = true
                    next += 1
                case UInt8(ascii: "+"):
                    repeated = true
                    next += 1
                case UInt8(ascii: "{"):
                    guard let close = pattern[next..<range.upperBound].firstIndex(of: UInt8(ascii: "}")) else {
                        return nil
                    }
                    let minimum = pattern[(next + 1)..<close].prefix { $0 >= 0x30 && $0 <= 0x39 }
                    optional = minimum.isEmpty || minimum.allSatisfy { $0 == 0x30 }
                    repeated = true
                    next = close + 1
                default: break
                }
                if repeated, next < range.upperBound,
                    pattern[next] == UInt8(ascii: "?") || pattern[next] == UInt8(ascii: "+")
                {
                    next += 1
                }
            }
            if let literal, !optional {
                run.append(literal)
                if repeated { endRun() }
            } else {
                endRun()
                if let inner, !optional, let required = alternation(pattern, inner) { candidates.append(required) }
            }
            index = next
        }
        endRun()
        return candidates
    }

    /// The body of a group that must match as a whole (plain, capturing, named or atomic); nil for look-arounds,
    /// flag groups and comments, which require nothing of the text here.
    private static func groupBody(_ pattern: [UInt8], from start: Int, end: Int) -> Range<Int>? {
        let close = end - 1
        guard start + 1 < close else { return nil }
        guard pattern[start + 1] == UInt8(ascii: "?") else { return (start + 1)..<close }
        guard start + 2 < close else { return nil }
        switch pattern[start + 2] {
        case UInt8(ascii: ":"), UInt8(ascii: ">"): return (start + 3)..<close
        case UInt8(ascii: "<"):
            // (?<name>…) captures; (?<=…) and (?<!…) look behind.
            guard start + 3 < close, pattern[start + 3] != UInt8(ascii: "="), pattern[start + 3] != UInt8(ascii: "!"),
                let nameEnd = pattern[(start + 3)..<close].firstIndex(of: UInt8(ascii: ">"))
            else { return nil }
            return (nameEnd + 1)..<close
        default: return nil
        }
    }

    /// Letters, digits, space and the punctuation that stands for itself outside a class.
    private static func isPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, UInt8(ascii: " "), UInt8(ascii: ","), UInt8(ascii: "'"),
            UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "&"),
            UInt8(ascii: "/"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "="), UInt8(ascii: "<"),
            UInt8(ascii: ">"), UInt8(ascii: "@"), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default: return false
        }
    }

    /// ASCII punctuation, which an escape makes literal (`\.`, `\(`, `\-`).
    private static func isPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
            || (0x7B...0x7E).contains(byte)
    }

    /// The index after the group opened at `start`, skipping escapes and classes inside it.
    private static func groupEnd(_ pattern: [UInt8], from start: Int) -> Int? {
        var depth = 0
        var index = start
        while index < pattern.count {
            switch pattern[index] {
            case UInt8(ascii: "\\"): index += 1
            case UInt8(ascii: "["):
                guard let end = classEnd(pattern, from: index) else { return nil }
                index = end - 1
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return index + 1 }
            default: break
            }
            index += 1
        }
        return nil
    }

    /// The index after the class opened at `start`; ICU classes may nest (`[[a-z]&&[^q]]`), and a `]` first in a
    /// class is a member.
    private static func classEnd(_ pattern: [UInt8], from start: Int) -> Int? {
        var depth = 0
        var index = start
        while index < pattern.count {
            switch pattern[index] {
            case UInt8(ascii: "\\"): index += 1
            case UInt8(ascii: "["):
                depth += 1
                if index + 1 < pattern.count, pattern[index + 1] == UInt8(ascii: "^") { index += 1 }
                if index + 1 < pattern.count, pattern[index + 1] == UInt8(ascii: "]") { index += 1 }
            case UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return index + 1 }
            default: break
            }
            index += 1
        }
        return nil
    }
}
