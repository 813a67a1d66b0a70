/// Why an ``Analyzer`` could not be made. Each description says what to fix.
public enum AnalysisError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The bundled rules file is missing from the build (a packaging fault).
    case bundledRulesMissing
    /// The rules file could not be read.
    case rulesUnreadable(path: String, reason: String)
    /// The rules file is not valid JSON of the rules shape.
    case rulesMalformed(path: String, reason: String)
    /// A pattern in the rules file is not a valid regular expression.
    case invalidPattern(path: String, pattern: String, reason: String)

    public var description: String {
        switch self {
        case .bundledRulesMissing:
            return "the bundled analysis rules (rules.json) are missing from this build; reinstall hansard or pass --rules FILE"
        case .rulesUnreadable(let path, let reason):
            return "\(path): cannot read the rules file: \(reason)"
        case .rulesMalformed(let path, let reason):
            return "\(path): not a valid rules file: \(reason); start from the bundled rules.json (see docs/analysis.md)"
        case .invalidPattern(let path, let pattern, let reason):
            return "\(path): invalid pattern \"\(pattern.prefix(120))\": \(reason)"
        }
    }
}
