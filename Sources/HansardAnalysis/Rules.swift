import Foundation
import HansardIngestion

/// `Resources/offices.json` as written: who speaks for the Government, from the page's own evidence (see
/// docs/analysis.md, "Government speakers").
///
/// Every entry is a pattern; the file's `about` says what each key is for.
struct OfficesFile: Decodable {
    var version: Int
    var governmentOffices: [String]
    var nonGovernmentOffices: [String]
    var chairNames: [String]
    var chairInHeading: [String]
    var tabledQuestions: [String]
    var questionTimeStarts: [String]
    var questionTimeQuestions: [String]
    var questionTimeAnswers: [String]
    var chairActs: [String]
    var chairCallsGovernment: [String]
    var chairCallsNonGovernment: [String]
    var addressedAsMinisterBefore: [String]
    var addressedAsMinisterGesture: [String]
    var gestures: [String]
    var addressedAsMinisterBeforeNotFollowing: [String]
    var statementThanks: [String]
    var statementOpenings: [String]
    var thirdPersonMinister: [String]
    var thirdPersonMinisterExceptions: [String]
    var withdrawals: [String]
    var governmentSelf: [String]
    var governmentSelfExceptions: [String]
    var oppositionSelf: [String]
    var notAnswers: [String]
    var movedBy: [String]
    var governmentMotions: [String]
    var governmentMovers: [String]
    var adjournmentMotions: [String]
    var lordsQuestionTimeManagement: [String]
    var departmentSelf: [String]
    var departmentAddressed: [String]
}

/// The speaker rules and the department table, compiled once per process.
struct CompiledRules: Sendable {
    var governmentOffices: PatternList
    var nonGovernmentOffices: PatternList
    var chairNames: PatternList
    var chairInHeading: PatternList
    var tabledQuestions: PatternList
    var questionTimeStarts: PatternList
    var questionTimeQuestions: PatternList
    var questionTimeAnswers: PatternList
    var chairActs: PatternList
    var chairCallsGovernment: PatternList
    var chairCallsNonGovernment: PatternList
    var addressedAsMinisterBefore: PatternList
    var addressedAsMinisterGesture: PatternList
    var gestures: PatternList
    var addressedAsMinisterBeforeNotFollowing: PatternList
    var statementThanks: PatternList
    var statementOpenings: PatternList
    var thirdPersonMinister: PatternList
    var thirdPersonMinisterExceptions: PatternList
    var withdrawals: PatternList
    var governmentSelf: PatternList
    var governmentSelfExceptions: PatternList
    var oppositionSelf: PatternList
    var notAnswers: PatternList
    var movedBy: PatternList
    var governmentMotions: PatternList
    var governmentMovers: PatternList
    var adjournmentMotions: PatternList
    var lordsQuestionTimeManagement: PatternList
    var departmentSelf: PatternList
    var departmentAddressed: PatternList
    var departments: DepartmentTable

    /// The bundled offices.json and departments.json.
    static func bundled() throws(AnalysisError) -> CompiledRules { try BundledGovernment.shared.rules.get() }

    init(_ file: OfficesFile, departments: DepartmentTable, name: String) throws(AnalysisError) {
        guard file.version == 1 else {
            throw .lexiconMalformed(file: name, reason: "version \(file.version); this hansard reads version 1")
        }
        func compile(_ key: String, _ sources: [String]) throws(AnalysisError) -> PatternList {
            var patterns: [Pattern] = []
            for (index, source) in sources.enumerated() {
                do {
                    patterns.append(try Pattern(source, rulesPath: name))
                } catch {
                    throw .lexiconMalformed(file: name, reason: "\(key)[\(index)] is not a valid pattern: \(source)")
                }
            }
            return try PatternList(patterns, rulesPath: name)
        }
        governmentOffices = try compile("governmentOffices", file.governmentOffices)
        nonGovernmentOffices = try compile("nonGovernmentOffices", file.nonGovernmentOffices)
        chairNames = try compile("chairNames", file.chairNames)
        chairInHeading = try compile("chairInHeading", file.chairInHeading)
        tabledQuestions = try compile("tabledQuestions", file.tabledQuestions)
        questionTimeStarts = try compile("questionTimeStarts", file.questionTimeStarts)
        questionTimeQuestions = try compile("questionTimeQuestions", file.questionTimeQuestions)
        questionTimeAnswers = try compile("questionTimeAnswers", file.questionTimeAnswers)
        chairActs = try compile("chairActs", file.chairActs)
        chairCallsGovernment = try compile("chairCallsGovernment", file.chairCallsGovernment)
        chairCallsNonGovernment = try compile("chairCallsNonGovernment", file.chairCallsNonGovernment)
        addressedAsMinisterBefore = try compile("addressedAsMinisterBefore", file.addressedAsMinisterBefore)
        addressedAsMinisterGesture = try compile("addressedAsMinisterGesture", file.addressedAsMinisterGesture)
        gestures = try compile("gestures", file.gestures)
        addressedAsMinisterBeforeNotFollowing = try compile(
            "addressedAsMinisterBeforeNotFollowing", file.addressedAsMinisterBeforeNotFollowing)
        statementThanks = try compile("statementThanks", file.statementThanks)
        statementOpenings = try compile("statementOpenings", file.statementOpenings)
        thirdPersonMinister = try compile("thirdPersonMinister", file.thirdPersonMinister)
        thirdPersonMinisterExceptions = try compile("thirdPersonMinisterExceptions", file.thirdPersonMinisterExceptions)
        withdrawals = try compile("withdrawals", file.withdrawals)
        governmentSelf = try compile("governmentSelf", file.governmentSelf)
        governmentSelfExceptions = try compile("governmentSelfExceptions", file.governmentSelfExceptions)
        oppositionSelf = try compile("oppositionSelf", file.oppositionSelf)
        notAnswers = try compile("notAnswers", file.notAnswers)
        movedBy = try compile("movedBy", file.movedBy)
        governmentMotions = try compile("governmentMotions", file.governmentMotions)
        governmentMovers = try compile("governmentMovers", file.governmentMovers)
        adjournmentMotions = try compile("adjournmentMotions", file.adjournmentMotions)
        lordsQuestionTimeManagement = try compile("lordsQuestionTimeManagement", file.lordsQuestionTimeManagement)
        departmentSelf = try compile("departmentSelf", file.departmentSelf)
        departmentAddressed = try compile("departmentAddressed", file.departmentAddressed)
        self.departments = departments
    }

    /// Reads offices.json-shaped `data`.
    static func load(_ data: Data, departments: DepartmentTable, name: String) throws(AnalysisError) -> CompiledRules {
        let file: OfficesFile
        do {
            file = try JSONDecoder().decode(OfficesFile.self, from: data)
        } catch let error as DecodingError {
            throw .lexiconMalformed(file: name, reason: AnalysisError.describe(error))
        } catch {
            throw .lexiconMalformed(file: name, reason: "\(error)")
        }
        return try CompiledRules(file, departments: departments, name: name)
    }
}

/// offices.json and departments.json, read on first use and shared by every analyser.
enum BundledGovernment {
    /// `let` properties of a final class are initialised once, thread-safely.
    final class Files: Sendable {
        let departments: Result<DepartmentTable, AnalysisError> = Result {
            () throws(AnalysisError) -> DepartmentTable in
            try DepartmentTable(data: try BundledGovernment.data("departments"), file: "departments.json")
        }
        let rules: Result<CompiledRules, AnalysisError>

        init() {
            let departments = self.departments
            rules = Result { () throws(AnalysisError) -> CompiledRules in
                try CompiledRules.load(
                    try BundledGovernment.data("offices"), departments: try departments.get(), name: "offices.json")
            }
        }
    }

    static let shared = Files()

    static func data(_ name: String) throws(AnalysisError) -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json") else { throw .bundledRulesMissing }
        guard let data = try? Data(contentsOf: url) else {
            throw .lexiconMalformed(file: name + ".json", reason: "not readable")
        }
        return data
    }
}
