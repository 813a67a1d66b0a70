import Foundation
import HansardIngestion

/// The office and question-form rules of `Resources/rules.json` that find government speakers: see
/// docs/analysis.md. (Commitments, requests, answers and timing are in `lexicon.json`.)
struct RulesFile: Decodable {
    var version: Int
    var governmentOffices: [String]
    var nonGovernmentOffices: [String]
    var chairNames: [String]
    var tabledQuestions: [String]
}

/// The speaker rules, compiled once.
struct CompiledRules: Sendable {
    var governmentOffices: [Pattern]
    var nonGovernmentOffices: [Pattern]
    var chairNames: [Pattern]
    var tabledQuestions: [Pattern]
    var rulesPath: String

    init(_ file: RulesFile, path: String) throws(AnalysisError) {
        func compile(_ sources: [String]) throws(AnalysisError) -> [Pattern] {
            var patterns: [Pattern] = []
            for source in sources { patterns.append(try Pattern(source, rulesPath: path)) }
            return patterns
        }
        rulesPath = path
        governmentOffices = try compile(file.governmentOffices)
        nonGovernmentOffices = try compile(file.nonGovernmentOffices)
        chairNames = try compile(file.chairNames)
        tabledQuestions = try compile(file.tabledQuestions)
    }

    static func load(path: String) throws(AnalysisError) -> CompiledRules {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .rulesUnreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        let file: RulesFile
        do {
            file = try JSONDecoder().decode(RulesFile.self, from: data)
        } catch let error as DecodingError {
            throw .rulesMalformed(path: path, reason: AnalysisError.describe(error))
        } catch {
            throw .rulesMalformed(path: path, reason: "\(error)")
        }
        return try CompiledRules(file, path: path)
    }
}
