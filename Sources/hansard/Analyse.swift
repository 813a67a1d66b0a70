import ArgumentParser
import HansardAnalysis
import HansardIngestion
import HansardReports

extension Hansard {
    struct Analyse: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find the government's commitments, requests, evasions and follow-ups in debate pages.",
            discussion: """
                Reads each page as `hansard parse` does and reports what government speakers undertook to do \
                (with timing and due dates), what members asked for and what became of it, and which answers \
                declined or deflected. JSON output follows the hansard.analysis/2 schema (docs/schemas/analysis.md).

                Examples:
                  hansard analyse corpus/text-saves/lords-2023-03-08-whatsapp-ministerial-communications.txt
                  hansard analyse --format table corpus/hansard-modern-html/*.html
                  hansard analyse --rules my-rules.json --format md corpus/parlparse-xml/lords-2009-10-26-daylord-parlparse.xml
                """
        )

        @Argument(help: ArgumentHelp("The saved debate pages to analyse.", valueName: "file"), completion: .file())
        var files: [String]

        @Option(help: "Output format: json (hansard.analysis/2), table (commitments) or md (a readable summary).")
        var format: AnalyseOutputFormat = .json

        @Option(
            help: ArgumentHelp("Use these analysis rules instead of the bundled ones.", valueName: "file"),
            completion: .file())
        var rules: String?

        @Option(
            name: .shortAndLong, parsing: .unconditional,
            help: "How many files to read at once (default: one per processor).")
        var jobs: Int = DebateReader.defaultConcurrency

        func validate() throws {
            if jobs < 1 { throw ValidationError("--jobs must be at least 1 (it is \(jobs)).") }
        }

        func run() async throws {
            let analyzer = try rules.map { try Analyzer(rulesFile: $0) } ?? Analyzer()
            let many = files.count > 1
            var printed = 0
            var failures: [ExitStatus] = []
            // Each page is analysed on the thread that read it, so analysis runs on all cores as parsing does.
            await DebateReader().read(files, maxConcurrentFiles: jobs, transform: { analyzer.analyse($0) }) {
                path, result in
                switch result {
                case .success(let analysis):
                    do {
                        Terminal.writeTable(
                            try render(analysis, first: printed == 0, many: many), plain: format != .table)
                        printed += 1
                    } catch {
                        Terminal.report("\(path): could not encode the analysis: \(error)")
                        failures.append(.internalError)
                    }
                case .failure(let error):
                    Terminal.report(error.description)
                    failures.append(ExitStatus(for: error))
                }
            }
            if format == .json && many { Terminal.write(printed == 0 ? "[]\n" : "\n]\n") }
            if !failures.isEmpty { throw ExitCode(ExitStatus.worst(failures).rawValue) }
        }

        private func render(_ analysis: Analysis, first: Bool, many: Bool) throws -> String {
            switch format {
            case .json where many:
                return (first ? "[\n" : ",\n") + (try JSONRendering.pretty(analysis))
            case .json:
                return try JSONRendering.pretty(analysis) + "\n"
            case .table:
                return (first ? "" : "\n") + AnalysisTableRenderer.render(analysis)
            case .md:
                return (first ? "" : "\n---\n\n") + AnalysisMarkdownRenderer.render(analysis)
            }
        }
    }
}

enum AnalyseOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case json, table, md
}
