import Foundation

/// The data files bundled with hansard, read once per process and shared by every ``Analyzer``.
enum BundledData {
    private static let cache = Cache()

    /// The WordNet lexicon (`Resources/wordnet.tsv`).
    static func wordNet() throws(AnalysisError) -> WordNet {
        try cache.wordNet.get()
    }

    /// The analysis lexicon (`Resources/lexicon.json`).
    static func lexicon() throws(AnalysisError) -> Lexicon {
        try cache.lexicon.get()
    }

    /// The speaker rules and department table (`Resources/offices.json`, `Resources/departments.json`).
    static func rules() throws(AnalysisError) -> CompiledRules {
        try cache.rules.get()
    }

    static func path(_ name: String, _ type: String) throws(AnalysisError) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: type) else { throw .bundledRulesMissing }
        return url.path
    }

    /// Loaded on first use; `let` properties of a final class are initialised once, thread-safely.
    private final class Cache: Sendable {
        let wordNet: Result<WordNet, AnalysisError> = Result { () throws(AnalysisError) -> WordNet in
            let path = try BundledData.path("wordnet", "tsv")
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw AnalysisError.lexiconMalformed(file: "wordnet.tsv", reason: "not readable as UTF-8")
            }
            return try WordNet(tsv: text)
        }
        let lexicon: Result<Lexicon, AnalysisError>
        let rules: Result<CompiledRules, AnalysisError> = Result { () throws(AnalysisError) -> CompiledRules in
            try CompiledRules.bundled()
        }

        init() {
            let wordNet = self.wordNet
            lexicon = Result { () throws(AnalysisError) -> Lexicon in
                try Lexicon(path: try BundledData.path("lexicon", "json"), wordNet: try wordNet.get())
            }
        }
    }
}
