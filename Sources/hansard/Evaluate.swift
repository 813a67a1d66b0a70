import ArgumentParser
import Foundation
import HansardAnalysis
import HansardIngestion
import HansardReports

extension Hansard {
    struct Evaluate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score the analysis against pages annotated by reading (gold files).",
            discussion: """
                Each gold file (docs/annotation.md) names a page under the corpus folder and marks, by reading, \
                the commitments, requests and evasions a careful clerk would list. For each file this prints \
                precision, recall and F1 of the analysis, request outcome accuracy, traps hit, a naive keyword \
                baseline and, when the file names government speakers, how many of their turns were found; then \
                the pooled figures. A round is scored once before anything on its pages is studied: --errors \
                (misses and false finds) is refused for rounds listed in a SEALED file beside their folder.

                Examples:
                  hansard evaluate Tests/HansardAnalysisTests/Gold/dev/*.json
                  hansard evaluate --errors Tests/HansardAnalysisTests/Gold/dev/lords-2023-03-08-whatsapp.json
                  hansard evaluate --corpus ~/hansard-pages my-gold/*.json
                """
        )

        @Argument(help: ArgumentHelp("Gold files.", valueName: "gold"), completion: .file())
        var files: [String]

        @Option(
            help: ArgumentHelp("The folder the gold files' pages are in.", valueName: "folder"), completion: .directory)
        var corpus: String = "corpus"

        @Flag(help: "Print each page's misses and false finds (not for sealed rounds).")
        var errors = false

        @Option(
            help: ArgumentHelp("Use these analysis rules instead of the bundled ones.", valueName: "file"),
            completion: .file())
        var rules: String?

        @Option(
            help: ArgumentHelp(
                "Score another hansard build's analysis (the JSON of its `analyse`), e.g. an older release.",
                valueName: "executable"), completion: .file())
        var analyseWith: String?

        func run() async throws {
            if errors {
                for file in files {
                    if let round = Self.sealedRound(of: file) {
                        Terminal.report(
                            "\(file): round \(round) is sealed (listed in SEALED): scores only, no --errors")
                        throw ExitCode(ExitStatus.usage.rawValue)
                    }
                }
            }
            let analyzer = try rules.map { try Analyzer(rulesFile: $0) } ?? Analyzer()
            var golds: [(file: String, gold: GoldPage)] = []
            for file in files {
                do {
                    golds.append((file, try GoldPage.load(file)))
                } catch {
                    Terminal.report("\(file): not a gold file: \(error)")
                    throw ExitCode(ExitStatus.badInput.rawValue)
                }
            }
            let pages = Set(golds.map { corpus + "/" + $0.gold.page }).sorted()
            var debates: [String: Debate] = [:]
            var failures: [ExitStatus] = []
            await DebateReader().read(pages) { path, result in
                switch result {
                case .success(let debate): debates[path] = debate
                case .failure(let error):
                    Terminal.report(error.description)
                    failures.append(ExitStatus(for: error))
                }
            }
            if !failures.isEmpty { throw ExitCode(ExitStatus.worst(failures).rawValue) }
            var analyses: [String: Analysis] = [:]
            for (path, debate) in debates {
                if let analyseWith {
                    analyses[path] = try Self.analysis(by: analyseWith, of: path, debate: debate)
                } else {
                    analyses[path] = analyzer.analyse(debate)
                }
            }
            let scores = golds.map { file, gold in
                let path = corpus + "/" + gold.page
                return Evaluator.evaluate(
                    gold, file: (file as NSString).lastPathComponent, debate: debates[path]!, analysis: analyses[path]!,
                    errors: errors)
            }
            Terminal.write(EvaluationRenderer.render(scores))
        }

        /// Runs `executable analyse PATH` and reads its JSON.
        static func analysis(by executable: String, of path: String, debate: Debate) throws -> Analysis {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["analyse", path]
            let output = Pipe()
            process.standardOutput = output
            do {
                try process.run()
            } catch {
                Terminal.report("\(executable): cannot run it: \(error.localizedDescription)")
                throw ExitCode(ExitStatus.missingInput.rawValue)
            }
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0, let analysis = try? JSONDecoder().decode(Analysis.self, from: data)
            else {
                // That build cannot read the page: it found nothing there, which is what it scores.
                Terminal.report(
                    "\(executable) analyse \(path): exit \(process.terminationStatus); scored as finding nothing")
                return Analysis(
                    debate: DebateSummary(
                        identity: Analyzer.debateIdentity(of: debate), title: debate.metadata.title,
                        house: debate.metadata.house, date: debate.metadata.date, url: debate.metadata.url,
                        type: debate.metadata.type, sha256: debate.source.sha256, sourcePath: debate.source.path))
            }
            return analysis
        }

        /// The round a gold file belongs to when its folder is listed in a SEALED file in the folder above.
        static func sealedRound(of file: String) -> String? {
            let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
            let sealed = folder.deletingLastPathComponent().appendingPathComponent("SEALED")
            guard let text = try? String(contentsOf: sealed, encoding: .utf8) else { return nil }
            let rounds = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            return rounds.contains(folder.lastPathComponent) ? folder.lastPathComponent : nil
        }
    }
}
