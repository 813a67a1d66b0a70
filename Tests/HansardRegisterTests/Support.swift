import Foundation
import HansardAnalysis
import HansardIngestion
import HansardRegister
import HansardTestSupport
import Testing

/// A fresh folder under the system's temporary directory.
func temporaryFolder(_ name: String = #function) throws -> String {
    let safe = name.filter { $0.isLetter || $0.isNumber }
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("hansard-register-\(safe)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}

/// Reads and analyses a page, as `hansard register add` does.
func analysed(_ path: String) throws -> (Debate, Analysis) {
    let debate = try DebateReader().read(contentsOf: path)
    return (debate, try Analyzer().analyse(debate))
}

/// Adds pages from corpus/ to the register.
@discardableResult
func add(_ register: Register, _ corpusPaths: String...) throws -> [AddOutcome] {
    try corpusPaths.map { relative in
        let (debate, analysis) = try analysed(CorpusFile.path(relative))
        return try register.add(analysis, of: debate)
    }
}

/// The SHA-256-free fingerprint tests use to show a file was not touched: its bytes.
func bytes(of path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

/// The ParlParse pages of consecutive days that most tests use.
enum Pages {
    static let lords20091026 = "parlparse-xml/lords-2009-10-26-daylord-parlparse.xml"
    static let lordsWMS20091027 = "parlparse-xml/lords-2009-10-27-written-ministerial-statements-parlparse.xml"
    static let commons20091028 = "parlparse-xml/commons-2009-10-28-debates-parlparse.xml"
    static let commons19610718 = "hansard-modern-html/commons-1961-07-18-oral-answers-to-questions.html"
    static let commons19620705 = "hansard-modern-html/commons-1962-07-05-oral-answers-to-questions.html"
    static let commons19630321 = "hansard-modern-html/commons-1963-03-21-oral-answers-to-questions.html"
    static let whatsApp = "text-saves/lords-2023-03-08-whatsapp-ministerial-communications.txt"
}

/// The commitment whose quote contains `words` (and, when given, whose action is `action`: one sentence can
/// hold two promises).
func commitment(in register: Register, quoting words: String, action: CommitmentAction? = nil) throws
    -> CommitmentRecord
{
    let all = try register.commitments(CommitmentQuery(scope: .all)).items.map(\.commitment)
    let found = all.filter { $0.quote.contains(words) && (action == nil || $0.action == action) }
    try #require(found.count == 1, "expected one commitment quoting \"\(words)\", found \(found.count)")
    return found[0]
}
