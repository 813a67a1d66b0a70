import Foundation
import HansardAnalysis
import HansardIngestion
import HansardTestSupport
import Testing

/// The seed text save, checked against what the issue requires of it (read off the page).
@Suite("Analysis of the WhatsApp text save")
struct SeedAnalysisTests {
    static let page = "text-saves/lords-2023-03-08-whatsapp-ministerial-communications.txt"

    let debate: Debate
    let analysis: Analysis

    init() throws {
        debate = try DebateReader().read(contentsOf: CorpusFile.path(Self.page))
        analysis = try Analyzer().analyse(debate)
    }

    func commitment(containing text: String) -> Commitment? {
        analysis.commitments.first { $0.quote.contains(text) }
    }

    @Test("'producing new guidance shortly' is a commitment to publish, due 30 days after 8 March 2023")
    func newGuidance() throws {
        let guidance = try #require(commitment(containing: "producing new guidance shortly"))
        #expect(guidance.action == .publish)
        #expect(guidance.timing?.phrase == "shortly")
        #expect(guidance.timing?.timingClass == .vague)
        #expect(guidance.timing?.dueBy == .of("2023-04-07"))
        #expect(guidance.subject == "guidance")
        #expect(guidance.object.hasPrefix("new guidance on the use of WhatsApp"))
        #expect(guidance.source == .explicit)
    }

    @Test("'publishing in due course' is a commitment to publish the revised guidance, due 90 days on")
    func revisedGuidance() throws {
        let guidance = try #require(commitment(containing: "which we will be publishing in due course"))
        #expect(guidance.action == .publish)
        #expect(guidance.timing?.phrase == "in due course")
        #expect(guidance.timing?.dueBy == .of("2023-06-06"))
        #expect(guidance.object == "revised guidance on the use of non-corporate communication channels")
        #expect(guidance.subject == "guidance")
    }

    @Test("'Of course.' accepts the request to write and becomes a commitment to write")
    func acceptedRequest() throws {
        let request = try #require(analysis.requests.first { $0.quote.contains("could she write to me?") })
        #expect(request.action == .write)
        #expect(request.outcome == .accepted)
        #expect(request.answer?.quote == "Of course.")
        let accepted = try #require(analysis.commitments.first { $0.quote == "Of course." })
        #expect(accepted.source == .acceptedRequest)
        #expect(accepted.action == .write)
        #expect(accepted.request == request.id)
        #expect(request.commitment == accepted.id)
        #expect(accepted.turn == request.answerTurn)
    }

    @Test("'I will bear in mind the request' is a qualified commitment to consider")
    func bearInMind() throws {
        let bear = try #require(commitment(containing: "I will bear in mind the request from the noble Baroness"))
        #expect(bear.action == .consider)
        #expect(bear.strength == .qualified)
        #expect(bear.timing?.timingClass == CommitmentTiming.TimingClass.none)
    }

    @Test("refusals, third parties and members' requests are not commitments")
    func traps() {
        let quotes = analysis.commitments.map(\.quote)
        #expect(!quotes.contains { $0.contains("I will not be drawn on the individual case") })
        #expect(!quotes.contains { $0.contains("I certainly would not want to comment") })
        #expect(!quotes.contains { $0.contains("he will ensure that all appropriate material") })
        let memberTurns = Set(debate.turns.filter { $0.role == .member }.map(\.index))
        #expect(analysis.commitments.allSatisfy { !memberTurns.contains($0.turn) })
        #expect(analysis.commitments.allSatisfy { $0.speaker.role == .minister })
        #expect(analysis.commitments.count == 4)
    }

    @Test("the answers with the three deflections are evasions, linked to the question they leave unanswered")
    func evasions() throws {
        for text in [
            "I will not be drawn on the individual case", "not directly relevant to the particular Question",
            "I refer to my previous answer",
        ] {
            let turn = try #require(debate.turns.first { $0.text.contains(text) }, "\(text)")
            let evasion = try #require(analysis.evasions.first { $0.turn == turn.index }, "\(text)")
            #expect(evasion.label == .declining)
            let question = try #require(analysis.questions.first { $0.id == evasion.question })
            #expect(question.answerTurn == evasion.turn)
        }
    }

    @Test("'the new guidance that I mentioned' follows up the guidance commitment")
    func followUp() throws {
        let guidance = try #require(commitment(containing: "producing new guidance shortly"))
        let followUp = try #require(analysis.followUps.first { $0.quote.contains("the new guidance that I mentioned") })
        #expect(followUp.refersTo == guidance.id)
        #expect(followUp.subject == "guidance")
        #expect(followUp.turn > guidance.turn)
    }

    @Test("the tabled question is found and answered by the next turn")
    func tabledQuestion() throws {
        let tabled = try #require(analysis.questions.first { $0.kind == .tabled })
        #expect(tabled.quote.hasPrefix("To ask His Majesty’s Government what assessment they have made"))
        #expect(tabled.turn == 0)
        #expect(tabled.answerTurn == 1)
    }
}

@Suite("Analyzer behaviour")
struct AnalyzerBehaviourTests {
    static func read(_ page: String) throws -> Debate {
        try DebateReader().read(contentsOf: CorpusFile.path(page))
    }

    @Test("the identity is the canonical URL when the page has one, else house, date and title")
    func identity() throws {
        let modern = try Self.read("hansard-modern-html/commons-2022-06-15-oral-answers-to-questions.html")
        #expect(
            Analyzer.debateIdentity(of: modern)
                == "https://hansard.parliament.uk/Commons/2022-06-15/debates/20D19FB5-2111-49A8-94A1-9E43AAC5CD38/OralAnswersToQuestions"
        )
        let seed = try Self.read(SeedAnalysisTests.page)
        #expect(Analyzer.debateIdentity(of: seed) == "lords/2023-03-08/whatsapp-ministerial-communications")
    }

    @Test("ids come from the identity and the text, so a revised page keeps them")
    func stableIDs() throws {
        let analyzer = try Analyzer()
        let debate = try Self.read(SeedAnalysisTests.page)
        let first = analyzer.analyse(debate)
        #expect(analyzer.analyse(debate) == first)
        // A revision that adds a turn at the top shifts every index but changes no sentence.
        var revised = debate
        let note = Turn(
            index: 0, section: nil, kind: .procedural, speaker: nil, role: .unknown, roleConfidence: 1,
            attribution: .page, paragraphs: ["[Correction published later.]"])
        revised.turns =
            [note]
            + debate.turns.map { turn in
                var shifted = turn
                shifted.index += 1
                return shifted
            }
        revised.source.sha256 = String(repeating: "0", count: 64)
        let second = analyzer.analyse(revised)
        #expect(Set(second.commitments.map(\.id)) == Set(first.commitments.map(\.id)))
        #expect(Set(second.requests.map(\.id)) == Set(first.requests.map(\.id)))
        #expect(second.commitments.map(\.turn) == first.commitments.map { $0.turn + 1 })
    }

    @Test("the JSON carries the schema id and decodes back to the same analysis")
    func jsonRoundTrip() throws {
        let analysis = try Analyzer().analyse(try Self.read(SeedAnalysisTests.page))
        let data = try JSONEncoder().encode(analysis)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["schema"] as? String == "hansard.analysis/2")
        #expect(
            Set(object.keys) == [
                "schema", "debate", "governmentTurns", "governmentSpeakers", "questions", "commitments", "requests",
                "evasions", "followUps", "notes",
            ])
        let commitments = try #require(object["commitments"] as? [[String: Any]])
        let timing = try #require(commitments.first?["timing"] as? [String: Any])
        // Foundation's encoder leaves out a nil phrase or due date; hansard's writes null (JSONRenderingTests).
        #expect(timing["class"] != nil && Set(timing.keys).isSubset(of: ["phrase", "class", "dueBy"]))
        #expect(try JSONDecoder().decode(Analysis.self, from: data) == analysis)
    }

    @Test("a debate with no government speaker gives an empty analysis with a note")
    func noGovernmentSpeaker() throws {
        // The Westminster Hall excerpt prints no office lines and has no tabled question.
        let analysis = try Analyzer().analyse(
            try Self.read("publications-html/westminster-hall-2011-07-19-publications-EXCERPT.html"))
        #expect(analysis.commitments.isEmpty && analysis.requests.isEmpty && analysis.questions.isEmpty)
        #expect(analysis.notes.contains { $0.hasPrefix("No government speaker found") })
    }

    @Test("office lines, later turns by the same member, and answerers of tabled questions are the government")
    func governmentSpeakers() throws {
        let analyzer = try Analyzer()
        // 1961: "The Parliamentary Secretary for Science (Mr. Denzil Freeth)" answers, then "Mr. Freeth".
        let commons = analyzer.analyse(
            try Self.read("hansard-modern-html/commons-1961-07-18-oral-answers-to-questions.html"))
        let write = try #require(commons.commitments.first { $0.quote.hasPrefix("I think that I had better write") })
        // The fullest name the page gives him, whichever label the turn prints.
        #expect(write.speaker.name == "Mr. Denzil Freeth")
        #expect(write.speaker.department == "Office of the Minister for Science")
        #expect(write.speaker.role == .minister)
        #expect(!commons.commitments.contains { $0.quote.contains("I will do my best to retain his name") })
        // 2009 Lords ParlParse: no office lines; Lord Bach answers the tabled question.
        let lords = analyzer.analyse(try Self.read("parlparse-xml/lords-2009-10-26-daylord-parlparse.xml"))
        let takeBack = try #require(
            lords.commitments.first { $0.quote.contains("I shall take that back to the department") })
        #expect(takeBack.speaker.name == "Lord Bach")
        #expect(takeBack.action == .reportBack)
        let tabled = try #require(lords.questions.first { $0.kind == .tabled })
        #expect(tabled.speaker.name == "Lord Anderson of Swansea")
        #expect(tabled.speaker.role != .minister)
    }
}

@Suite("Rules files")
struct RulesFileTests {
    static var bundledRules: URL {
        CorpusFile.packageRoot.appendingPathComponent("Sources/HansardAnalysis/Resources/lexicon.json")
    }

    static func temporaryFile(_ contents: Data) throws -> String {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("hansard-rules-\(UUID().uuidString).json")
        try contents.write(to: url)
        return url.path
    }

    @Test("an edited timing table changes due dates without recompiling")
    func editedTimingTable() throws {
        var rules = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: Self.bundledRules)) as? [String: Any])
        var timing = try #require(rules["timing"] as? [[String: Any]])
        let shortly = try #require(timing.firstIndex { ($0["pattern"] as? String)?.contains("shortly") == true })
        timing[shortly]["due"] = ["days": 14]
        rules["timing"] = timing
        let path = try Self.temporaryFile(try JSONSerialization.data(withJSONObject: rules))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let analysis = try Analyzer(rulesFile: path).analyse(
            try DebateReader().read(contentsOf: CorpusFile.path(SeedAnalysisTests.page)))
        let guidance = try #require(analysis.commitments.first { $0.quote.contains("producing new guidance shortly") })
        #expect(guidance.timing?.dueBy == .of("2023-03-22"))
    }

    @Test("'before the House rises' is a dated timing, due 45 days after the debate (1961 Prime Minister's questions)")
    func beforeTheHouseRises() throws {
        // Macmillan, 18 July 1961: "… I hope to make a statement on these matters before the House rises."
        let analysis = try Analyzer().analyse(
            try DebateReader().read(
                contentsOf: CorpusFile.path("hansard-modern-html/commons-1961-07-18-oral-answers-to-questions.html")))
        let statement = try #require(
            analysis.commitments.first { $0.quote.contains("make a statement on these matters before the House rises") }
        )
        #expect(statement.action == .reportBack)
        #expect(statement.strength == .qualified)
        #expect(statement.timing?.phrase == "before the House rises")
        #expect(statement.timing?.timingClass == .dated)
        #expect(statement.timing?.dueBy == .of("1961-09-01"))
    }

    @Test("an unreadable, malformed or invalid rules file is an AnalysisError naming the file")
    func badRules() throws {
        #expect(throws: AnalysisError.self) { try Analyzer(rulesFile: "/nonexistent/rules.json") }
        let notJSON = try Self.temporaryFile(Data("{ not json".utf8))
        defer { try? FileManager.default.removeItem(atPath: notJSON) }
        do {
            _ = try Analyzer(rulesFile: notJSON)
            Issue.record("malformed rules were accepted")
        } catch {
            guard case .rulesMalformed(let path, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(path == notJSON)
        }
        var rules = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: Self.bundledRules)) as? [String: Any])
        var answers = try #require(rules["answers"] as? [String: Any])
        answers["deflections"] = ["(unclosed"]
        rules["answers"] = answers
        let badPattern = try Self.temporaryFile(try JSONSerialization.data(withJSONObject: rules))
        defer { try? FileManager.default.removeItem(atPath: badPattern) }
        do {
            _ = try Analyzer(rulesFile: badPattern)
            Issue.record("an invalid pattern was accepted")
        } catch {
            guard case .invalidPattern(_, let pattern, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(pattern == "(unclosed")
            #expect(error.description.contains("(unclosed"))
        }
    }
}
