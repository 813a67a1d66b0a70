/// Why an ``Analyzer`` could not be made.
///
/// Each description says what to fix.
public enum AnalysisError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A data file bundled with hansard is missing from the build (a packaging fault).
    case bundledRulesMissing
    /// The rules (lexicon) file could not be read.
    case rulesUnreadable(path: String, reason: String)
    /// The rules (lexicon) file is not valid JSON of the lexicon's shape.
    case rulesMalformed(path: String, reason: String)
    /// A pattern in the rules file is not a valid token pattern.
    case invalidPattern(path: String, pattern: String, reason: String)
    /// A bundled data file (WordNet lexicon, offices, departments) has a bad entry.
    case lexiconMalformed(file: String, reason: String)

    /// The one line printed on stderr: what is wrong, naming the file, and what to do.
    public var description: String {
        switch self {
        case .bundledRulesMissing:
            return "the bundled analysis data (lexicon.json, wordnet.tsv) is missing from this build; reinstall hansard"
        case .rulesUnreadable(let path, let reason):
            return "\(path): cannot read the rules file: \(reason)"
        case .rulesMalformed(let path, let reason):
            return
                "\(path): not a valid rules file: \(reason); start from the bundled lexicon.json (see docs/analysis.md)"
        case .invalidPattern(let path, let pattern, let reason):
            return "\(path): invalid pattern \"\(pattern.prefix(120))\": \(reason)"
        case .lexiconMalformed(let file, let reason):
            return "the bundled \(file) is damaged: \(reason); reinstall hansard"
        }
    }

    /// A decoding error as a key path and what was wrong there.
    static func describe(_ error: DecodingError) -> String {
        func keyPath(_ path: [any CodingKey]) -> String {
            path.isEmpty
                ? "top level" : path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing key \(keyPath(context.codingPath + [key]))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type at \(keyPath(context.codingPath)): \(context.debugDescription)"
        case .dataCorrupted(let context):
            return "\(context.debugDescription) at \(keyPath(context.codingPath))"
        @unknown default:
            return "\(error)"
        }
    }
}
