import ArgumentParser
import Foundation
import HansardFetch
import HansardIngestion
import HansardRegister
import HansardReports

extension Hansard {
    struct Parse: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read saved debate pages into speaker turns.",
            discussion: """
                Reads hansard.parliament.uk pages, historic Hansard pages, publications.parliament.uk \
                daily parts, TheyWorkForYou/ParlParse XML and pages saved as plain text. The format is \
                detected from each file's content. A URL of such a page is fetched into the page cache (beside \
                the default register) and read from there.

                Examples:
                  hansard parse corpus/text-saves/*.txt
                  hansard parse --format text corpus/hansard-modern-html/commons-1997-05-21-engagements.html
                  hansard parse --jsonl corpus/parlparse-xml/*.xml | jq -r .debate.title
                  hansard parse --format text https://www.theyworkforyou.com/pwdata/scrapedxml/wms/ministerial2009-10-29a.xml
                """
        )

        @Argument(
            help: ArgumentHelp("The saved debate pages to read, or their URLs.", valueName: "file-or-url"),
            completion: .file())
        var files: [String]

        @Option(help: "Output format: json (hansard.debate/1) or text (a readable transcript).")
        var format: ParseOutputFormat = .json

        @Flag(help: "Write one JSON object per line (JSON Lines) instead of a JSON array.")
        var jsonl = false

        @Option(help: ArgumentHelp("Read every file as this format instead of detecting it.", valueName: "format"))
        var inputFormat: InputFormatArgument?

        @Option(
            name: .shortAndLong, parsing: .unconditional,
            help: "How many files to read at once (default: one per processor).")
        var jobs: Int = DebateReader.defaultConcurrency

        @OptionGroup(title: "Fetching") var fetching: FetchOptions

        func validate() throws {
            if jobs < 1 { throw ValidationError("--jobs must be at least 1 (it is \(jobs)).") }
            if jsonl && format != .json {
                throw ValidationError("--jsonl writes JSON; drop --format \(format.rawValue) or --jsonl.")
            }
        }

        func run() async throws {
            let reader = DebateReader(format: inputFormat?.format)
            var failures: [ExitStatus] = []
            // Fetched pages are kept where `register add` would keep them, so a later add finds them cached.
            // A `$HANSARD_REGISTER` written as an address has no folder beside it; the default file's is used.
            let registerPath = Registers.pageCacheAnchor(for: Register.defaultPath())
            let (files, _, _) = await fetchingURLs(
                self.files, cache: PageCache.beside(register: registerPath),
                settings: try fetching.settings(for: self.files), reader: reader, quiet: true, failures: &failures)
            let printer = DebatePrinter(format: format, jsonLines: jsonl, many: self.files.count > 1)
            let body = printer.body
            // Each debate is rendered on the thread that read it; here the bodies are only framed and written.
            await reader.read(files, maxConcurrentFiles: jobs, transform: { debate in Result { try body(debate) } }) {
                path, result in
                switch result {
                case .success(.success(let rendered)):
                    Terminal.write(printer.prefix())
                    Terminal.write(bytes: rendered)
                case .success(.failure(let error)):
                    Terminal.report("\(path): could not encode the debate: \(error)")
                    failures.append(.internalError)
                case .failure(let error):
                    Terminal.report(error.description)
                    failures.append(ExitStatus(for: error))
                }
            }
            Terminal.write(printer.closing())
            if !failures.isEmpty { throw ExitCode(ExitStatus.worst(failures).rawValue) }
        }
    }
}

enum ParseOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case json, text
}

/// `--input-format` values: the format names hansard prints in `source.format`.
struct InputFormatArgument: ExpressibleByArgument {
    let format: InputFormat

    init?(argument: String) {
        guard let format = InputFormat(rawValue: argument) else { return nil }
        self.format = format
    }

    static var allValueStrings: [String] { InputFormat.allCases.map(\.rawValue) }
}

/// Prints debates one at a time so that output starts before the last file is read.
struct DebatePrinter {
    let format: ParseOutputFormat
    let jsonLines: Bool
    /// Several files: a JSON array (or a transcript separator) around the debates.
    let many: Bool
    private let printedCount = Counter()

    init(format: ParseOutputFormat, jsonLines: Bool, many: Bool) {
        self.format = format
        self.jsonLines = jsonLines
        self.many = many
    }

    /// Renders one debate as UTF-8, without the separators around it; safe to call on any thread.
    var body: @Sendable (Debate) throws -> [UInt8] {
        let format = format
        let jsonLines = jsonLines
        let many = many
        return { debate in
            // The newline is appended in place: `bytes + [0x0A]` would copy the whole rendering.
            switch format {
            case .text: return Array(TranscriptRenderer.render(debate).utf8)
            case .json where jsonLines:
                var bytes = try JSONRendering.lineBytes(debate)
                bytes.append(0x0A)
                return bytes
            case .json where many: return try JSONRendering.prettyBytes(debate)
            case .json:
                var bytes = try JSONRendering.prettyBytes(debate)
                bytes.append(0x0A)
                return bytes
            }
        }
    }

    /// What goes before a rendered body: the array's opening or comma, or the transcript rule.
    func prefix() -> String {
        defer { printedCount.value += 1 }
        let first = printedCount.value == 0
        switch format {
        case .text:
            return first ? "" : "\n" + String(repeating: "=", count: 72) + "\n\n"
        case .json where jsonLines:
            return ""
        case .json where many:
            return first ? "[\n" : ",\n"
        case .json:
            return ""
        }
    }

    func render(_ debate: Debate) throws -> String {
        let bytes = try body(debate)
        return prefix() + String(decoding: bytes, as: UTF8.self)
    }

    /// What closes the output after the last debate.
    func closing() -> String {
        guard format == .json, !jsonLines, many else { return "" }
        return printedCount.value == 0 ? "[]\n" : "\n]\n"
    }

    private final class Counter { var value = 0 }
}
