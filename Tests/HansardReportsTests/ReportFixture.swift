import Foundation
import HansardTestSupport
import HansardAnalysis
import HansardIngestion
import HansardRegister
@testable import HansardReports

/// A register built once from real corpus pages plus a hostile copy of the seed text save, and the HTML,
/// Markdown and CSV reports made from it, in a temporary folder.
struct ReportFixture: Sendable {
    /// The corpus pages the register is built from (the seed first).
    static let pages = [
        "text-saves/lords-2023-03-08-whatsapp-ministerial-communications.txt",
        "parlparse-xml/commons-2023-03-28-debates-parlparse.xml",
        "hansard-modern-html/commons-1997-05-21-engagements.html",
    ]
    /// The seed's commitment to new guidance, as printed on the page (line 17 of the text save).
    static let seedGuidance =
        "we will be producing new guidance shortly on the use of WhatsApp and other forms of communication"
    /// Put into a copy of the seed in place of the guidance sentence's object, and into its title.
    static let imagePayload = "\"><img src=x onerror=\"console.error('xss-img')\">"
    static let scriptPayload = "<script>console.error(\"xss-script\")</script>"
    static let asOf = SittingDate.of("2026-11-25")
    static let evidence = "Written statement <b>HCWS1</b> & \"guidance\" published"

    let folder: String
    let out: String
    let data: ReportData
    let hostileDebateId: String
    /// The hostile copy's commitment whose quote carries the payloads.
    let hostileCommitmentId: String
    /// A commitment resolved in the fixture, to show a status history.
    let resolvedCommitmentId: String
    /// A debate whose page was deleted after it was added to the register.
    let goneDebateId: String

    /// Made once, by whichever test asks first.
    static let shared = Task { try await make() }

    static func get() async throws -> ReportFixture { try await shared.value }

    /// Every page of the HTML report, in the order made, with each debate's transcript read as the CLI reads it
    /// (found by its SHA-256 where the register stored it).
    static func pages(_ data: ReportData) async throws -> [(path: String, contents: String)] {
        var pages: [(path: String, contents: String)] = []
        var finder = PageFinder(folders: [])
        try HTMLReport.render(
            data,
            transcript: { debate in
                let (page, reason) = finder.transcript(of: debate)
                return (page, reason?.published)
            }
        ) { path, contents in pages.append((path, contents)) }
        return pages
    }

    private static func make() async throws -> ReportFixture {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("hansard-report-tests-\(ProcessInfo.processInfo.processIdentifier)").path
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let seed = try String(contentsOfFile: CorpusFile.path(pages[0]), encoding: .utf8)
        var hostile = seed.replacingOccurrences(
            of: "\nWhatsApp: Ministerial Communications\n",
            with: "\nWhatsApp \(scriptPayload) Communications\n")
        hostile = hostile.replacingOccurrences(
            of: "on the use of WhatsApp and other forms of communication",
            with: "on the use of \(imagePayload) and \(scriptPayload) channels")
        precondition(hostile != seed)
        let hostilePath = folder + "/lords-2023-03-08-hostile-copy.txt"
        try hostile.write(toFile: hostilePath, atomically: true, encoding: .utf8)

        // Westminster Hall, 28 October 2009: added from a copy that is then deleted.
        let gonePath = folder + "/westminster-hall-2009-10-28-copy.xml"
        try FileManager.default.copyItem(
            atPath: CorpusFile.path("parlparse-xml/westminster-hall-2009-10-28-parlparse.xml"), toPath: gonePath)
        let register = try Register.open(at: folder + "/register.sqlite")
        let analyzer = try Analyzer()
        let reader = DebateReader()
        var hostileDebateId = ""
        var goneDebateId = ""
        for path in pages.map(CorpusFile.path) + [hostilePath, gonePath] {
            let debate = try reader.read(contentsOf: path)
            let outcome = try register.add(analyzer.analyse(debate), of: debate)
            if path == hostilePath, case .added(let id, _, _) = outcome { hostileDebateId = id }
            if path == gonePath, case .added(let id, _, _) = outcome { goneDebateId = id }
        }
        try FileManager.default.removeItem(atPath: gonePath)
        let snapshot = try register.snapshot()
        let hostileCommitments = snapshot.commitments.filter { $0.debateId == hostileDebateId }
        guard let carrier = hostileCommitments.first(where: { $0.quote.contains("<img src=x") }),
            let resolved = hostileCommitments.first(where: { $0.quote.contains("in due course") })
        else {
            throw FixtureError(text: "the hostile copy gave no commitment carrying the payload: \(hostileCommitments)")
        }
        try register.resolve(
            resolved.id, status: .fulfilled, evidence: evidence, date: "2023-06-29", note: "published <i>late</i>",
            actor: "tester")

        let data = try ReportData.load(from: register, asOf: asOf)
        let out = folder + "/report"
        var report = try ReportFolder(path: out)
        for (path, contents) in try await pages(data) { try report.write(path, contents) }
        try report.write("commitments.md", MarkdownReport.render(data))
        try report.write("commitments.csv", CSVReport.render(data))
        return ReportFixture(
            folder: folder, out: out, data: data, hostileDebateId: hostileDebateId,
            hostileCommitmentId: carrier.id, resolvedCommitmentId: resolved.id, goneDebateId: goneDebateId)
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: out + "/" + relative, encoding: .utf8)
    }

    func url(_ relative: String) -> URL { URL(fileURLWithPath: out + "/" + relative) }
}

struct FixtureError: Error, CustomStringConvertible {
    let text: String
    var description: String { text }
}
