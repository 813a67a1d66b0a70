import Foundation
@testable import HansardIngestion
import HansardTestSupport
import Testing

// Every expected value below was read off the saved page in corpus/historic-hansard-html/.
// Speech counts were made independently of the reader, on the raw HTML:
//   grep -c "hentry member_contribution" FILE      (every contribution div holds one cite.member)
//   grep -c "class='procedural'" FILE              (procedural notes)
// and distinct speakers with a short Python regex over `<cite class='member …'>…</cite>`, keyed by the
// /historic-hansard/people/ slug where the cite links one, else by the printed name.

/// Reads a corpus page with format detection, as `hansard parse` does.
private func readHistoric(_ name: String) throws -> Debate {
    let debate = try DebateReader().read(contentsOf: CorpusFile.path("historic-hansard-html/\(name)"))
    #expect(debate.source.format == .historicHansardHTML)
    return debate
}

private func distinctSpeakers(_ debate: Debate) -> Int {
    Set(debate.speeches.compactMap { $0.speaker.map { $0.memberId ?? $0.name } }).count
}

@Suite("Historic Hansard pages")
struct HistoricHansardReaderTests {
    @Test("Commons 17 Sep 1914: contracts with alien enemies")
    func contracts1914() throws {
        let debate = try readHistoric("commons-1914-09-17-contracts-with-alien-enemies.html")
        let metadata = debate.metadata
        #expect(metadata.title == "CONTRACTS WITH ALIEN ENEMIES.")
        #expect(metadata.date == .of("1914-09-17"))
        #expect(metadata.house == .commons)
        #expect(metadata.volume == "66")
        #expect(metadata.type == "Commons Sitting")
        #expect(
            metadata.url
                == "https://api.parliament.uk/historic-hansard/commons/1914/sep/17/contracts-with-alien-enemies")
        #expect(metadata.sections.map(\.title) == ["CONTRACTS WITH ALIEN ENEMIES."])
        #expect(debate.speeches.count == 4)
        #expect(debate.turns.count == 4)
        #expect(distinctSpeakers(debate) == 3)
        #expect(debate.speeches.first?.speaker?.name == "Mr. JOYNSON-HICKS")
        #expect(debate.speeches.first?.speaker?.memberId == "mr-william-joynson-hicks")
        #expect(debate.speeches.first?.contributionId == "S5CV0066P0-03927")
        // "The ATTORNEY-GENERAL (Sir John Simon)": office and name split, a law officer is a minister.
        let last = try #require(debate.speeches.last)
        #expect(last.speaker?.name == "Sir John Simon")
        #expect(last.speaker?.office == "The ATTORNEY-GENERAL")
        #expect(last.role == .minister)
        #expect(last.roleConfidence == 1)
        // Column 1000 starts inside the first speech, so the second turn begins there.
        #expect(debate.turns[1].column == "1000")
        #expect(debate.turns[0].column == "997")
        // &#x0021; is an exclamation mark.
        #expect(
            debate.turns[1].paragraphs == [
                "Give other people a chance: remember that we are up in a quarter of an hour!"
            ])
        #expect(debate.turns[1].role == .member)
        #expect(debate.turns[1].roleConfidence == 0.8)
        #expect(debate.turns[1].attribution == .page)
    }

    @Test("Commons 16 Nov 1914: question numbers and unlinked members")
    func alienEnemies1914() throws {
        let debate = try readHistoric("commons-1914-11-16-alien-enemies.html")
        #expect(debate.metadata.title == "ALIEN ENEMIES.")
        #expect(debate.metadata.date == .of("1914-11-16"))
        #expect(debate.metadata.house == .commons)
        #expect(debate.metadata.volume == "68")
        #expect(debate.metadata.sections.count == 1)
        #expect(debate.speeches.count == 8)
        #expect(distinctSpeakers(debate) == 5)
        let first = try #require(debate.speeches.first)
        #expect(first.speaker?.name == "Lord HUGH CECIL")
        #expect(first.speaker?.memberId == "lord-hugh-cecil")
        // The question number "12." is printed outside the paragraph and stays out of it.
        #expect(
            first.paragraphs.first?.hasPrefix("asked the Home Secretary whether he has received a memorial") == true)
        #expect(debate.speeches.last?.speaker?.name == "Mr. McKENNA")
        // An unmatched member has no people/ link.
        #expect(debate.turns[2].speaker?.name == "Mr. MacCALLUM SCOTT")
        #expect(debate.turns[2].speaker?.memberId == nil)
        #expect(debate.turns[2].contributionId == "S5CV0068P0-01178")
        // Column 179 is printed between Mr. JOYNSON-HICKS's question and the answer.
        #expect(debate.turns[4].column == "178")
        #expect(debate.turns[5].column == "179")
        #expect(
            debate.turns[5].paragraphs == [
                "I am informed by the War Office that the number of alien enemies, other than prisoners taken in action or on merchant ships, interned in the various concentration camps is about 14,500. Comparing this number with the figures of adult male Germans, Austrians and Hungarians registered at the beginning of the War, I estimate that about 29,000 are at large."
            ])
        // The page never names Mr. McKenna's office, so he stays a member by default.
        #expect(debate.turns[1].role == .member)
    }

    @Test("Commons 3 Mar 1915: a long debate with offices, the chair and a procedural close")
    func aliens1915() throws {
        let debate = try readHistoric("commons-1915-03-03-aliens.html")
        #expect(debate.metadata.title == "ALIENS.")
        #expect(debate.metadata.date == .of("1915-03-03"))
        #expect(debate.metadata.house == .commons)
        #expect(debate.metadata.volume == "70")
        #expect(debate.metadata.type == "Commons Sitting")
        #expect(debate.metadata.url == "https://api.parliament.uk/historic-hansard/commons/1915/mar/03/aliens-1")
        #expect(debate.metadata.sections.count == 1)
        #expect(debate.speeches.count == 169)
        #expect(debate.turns.count == 170)
        // 14 linked members plus "HON. MEMBERS".
        #expect(distinctSpeakers(debate) == 15)
        #expect(debate.speeches.first?.speaker?.name == "Mr. JOYNSON-HICKS")
        #expect(debate.speeches.last?.speaker?.name == "Mr. NIELD")
        #expect(debate.speeches.last?.speaker?.memberId == "sir-herbert-nield")

        let office = debate.turns[1]
        #expect(office.speaker?.name == "Mr. McKenna")
        #expect(office.speaker?.office == "The SECRETARY of STATE for the HOME DEPARTMENT")
        #expect(office.role == .minister)
        #expect(office.paragraphs == ["No."])
        // Later on the page the same member is printed without his office.
        let later = debate.turns[3]
        #expect(later.speaker?.name == "Mr. McKENNA")
        #expect(later.speaker?.memberId == "mr-reginald-mckenna")
        #expect(later.role == .minister)
        #expect(later.roleConfidence < 1)
        #expect(!later.roleEvidence.isEmpty)
        #expect(debate.turns[5].speaker?.office == "The UNDER-SECRETARY of STATE for WAR")
        #expect(debate.turns[5].role == .minister)

        let speaker = try #require(debate.turns.first { $0.speaker?.name == "Mr. SPEAKER" })
        #expect(speaker.role == .chair)
        #expect(speaker.column == "851")
        #expect(
            speaker.paragraphs.first
                == "I do not see how that point arises on the Motion before the House. The Motion relates only to the concentration of administration."
        )

        let close = try #require(debate.turns.last)
        #expect(close.kind == .procedural)
        #expect(close.speaker == nil)
        #expect(close.paragraphs == ["Question put, and negatived."])
        #expect(close.contributionId == "S5CV0070P0-02965")
        #expect(close.column == "916")
    }

    @Test("Commons written answers 26 Oct 1916: lists and bare column marks")
    func writtenAnswers1916() throws {
        let debate = try readHistoric("commons-1916-10-26-german-banks-in-london-written-answers.html")
        #expect(debate.metadata.title == "GERMAN BANKS IN LONDON.")
        #expect(debate.metadata.date == .of("1916-10-26"))
        #expect(debate.metadata.house == .commons)
        #expect(debate.metadata.volume == "86")
        #expect(debate.metadata.type == "Written Answers")
        #expect(debate.metadata.sections.count == 1)
        #expect(debate.speeches.count == 6)
        #expect(distinctSpeakers(debate) == 4)
        #expect(debate.speeches.first?.speaker?.name == "Mr. BUTCHER")
        #expect(debate.speeches.first?.speaker?.memberId == "sir-john-butcher")
        #expect(debate.speeches.last?.speaker?.name == "Mr. McKENNA")

        let statement = debate.turns[1]
        #expect(statement.column == "1329W")
        // List items are paragraphs of their own; the column anchors inside never reach the text.
        #expect(statement.paragraphs.contains("(2) Customers' securities:"))
        #expect(statement.paragraphs.contains("The matter is being proceeded with with all possible dispatch."))
        #expect(!statement.paragraphs.contains { $0.contains("1330W") || $0.contains("1332W") || $0.contains("1331") })
        #expect(
            statement.paragraphs.contains(
                "(b) securities the absolute property of British, Allied or neutral customers free of lien. These are returned to the customers;"
            ))
        // Column 1332W is printed inside the statement; "<col>1333</col>" inside the next answer.
        #expect(debate.turns[2].speaker?.name == "Sir H. DALZIEL")
        #expect(debate.turns[2].column == "1332W")
        #expect(debate.turns[4].speaker?.name == "Mr. JOYNSON-HICKS")
        #expect(debate.turns[4].column == "1333W")
    }

    @Test("Commons 21 Nov 1916: supplementary questions")
    func germanBanks1916() throws {
        let debate = try readHistoric("commons-1916-11-21-german-banks-in-london.html")
        #expect(debate.metadata.title == "GERMAN BANKS IN LONDON.")
        #expect(debate.metadata.date == .of("1916-11-21"))
        #expect(debate.metadata.house == .commons)
        #expect(debate.metadata.volume == "87")
        #expect(debate.metadata.sections.count == 1)
        #expect(debate.speeches.count == 9)
        #expect(distinctSpeakers(debate) == 4)
        #expect(debate.speeches.first?.speaker?.name == "Mr. BUTCHER")
        #expect(debate.speeches.last?.speaker?.name == "Mr. McKENNA")
        #expect(debate.turns[2].speaker?.name == "Sir E. CARSON")
        #expect(debate.turns[2].column == "1209")
        #expect(debate.turns[1].column == "1208")
        #expect(
            debate.turns[6].paragraphs == [
                "Will you direct the manager of the London branches to insert corrected advertisements in the American papers?"
            ])
    }

    @Test("Lords 10 Feb 1915: offices in capitals, unrevised marks and procedural notes")
    func lords1915() throws {
        let debate = try readHistoric("lords-1915-02-10-alien-enemies.html")
        #expect(debate.metadata.title == "ALIEN ENEMIES.")
        #expect(debate.metadata.date == .of("1915-02-10"))
        #expect(debate.metadata.house == .lords)
        #expect(debate.metadata.volume == "18")
        #expect(debate.metadata.type == "Lords Sitting")
        #expect(debate.metadata.sections.count == 1)
        #expect(debate.speeches.count == 9)
        #expect(debate.turns.count == 11)
        // Viscount Galway, Lord Lucas (once with his office), Lord Newton, Viscount Bryce.
        #expect(distinctSpeakers(debate) == 4)
        #expect(debate.speeches.first?.speaker?.name == "VISCOUNT GALWAY")
        // "*VISCOUNT BRYCE": the asterisk marks an unrevised speech, not part of the name.
        #expect(debate.speeches.last?.speaker?.name == "VISCOUNT BRYCE")
        #expect(debate.speeches.last?.speaker?.memberId == "mr-james-bryce")

        let moved = debate.turns[1]
        #expect(moved.kind == .procedural)
        #expect(moved.column == "500")
        #expect(moved.contributionId == "S5LV0018P0-00969")
        #expect(moved.paragraphs.first?.hasPrefix("Moved, That an humble Address be presented to His Majesty") == true)

        let lucas = debate.turns[2]
        #expect(lucas.speaker?.office == "THE PRESIDENT OF THE BOARD OF AGRICULTURE AND FISHERIES")
        #expect(lucas.speaker?.name == "LORD LUCAS")
        #expect(lucas.role == .minister)
        #expect(lucas.column == "500")
        #expect(debate.turns[4].speaker?.name == "LORD LUCAS")
        #expect(debate.turns[4].role == .minister)
        #expect(debate.turns[5].speaker?.name == "LORD NEWTON")
        #expect(debate.turns[5].speaker?.memberId == "mr-thomas-legh")
        #expect(debate.turns[7].paragraphs == ["The Germans have."])
        #expect(debate.turns[7].column == "503")
        #expect(debate.turns.last?.paragraphs == ["On Question, Motion agreed to, and ordered accordingly."])
        // Galway's speech runs over columns 497–500; the column numbers never enter the text.
        #expect(debate.turns[0].paragraphs.count == 6)
        #expect(!debate.turns[0].paragraphs.contains { $0.contains(" 498 ") || $0.contains(" 499 ") })
    }

    @Test(
        "Recognised by its own markers only",
        arguments: [
            ("historic-hansard-html/commons-1914-11-16-alien-enemies.html", true),
            ("historic-hansard-html/lords-1915-02-10-alien-enemies.html", true),
            ("publications-html/lords-2011-01-11-publications-daily-part1-TRIMMED.html", false),
            ("publications-html/westminster-hall-2011-07-19-publications-EXCERPT.html", false),
            ("hansard-modern-html/commons-1997-05-21-engagements.html", false),
            ("hansard-modern-html/commons-2022-06-15-oral-answers-to-questions.html", false),
        ])
    func recognition(file: String, expected: Bool) throws {
        let path = CorpusFile.path(file)
        let bytes = try DebateReader.loadBytes(path)
        let recognised = try withParsedHTML(bytes, path: path) { root, _ in HistoricHansardReader.recognises(root) }
        #expect(recognised == expected)
    }

    @Test("A historic page without contributions is not a debate")
    func noContributions() throws {
        // The real 16 Nov 1914 page with every contribution cut out, as a sitting's contents page would be.
        let path = CorpusFile.path("historic-hansard-html/commons-1914-11-16-alien-enemies.html")
        var page = String(decoding: try DebateReader.loadBytes(path), as: UTF8.self)
        while let start = page.firstRange(of: "<div class='hentry member_contribution'"),
            let end = page[start.upperBound...].firstRange(of: "</blockquote>\n      </div>")
        {
            page.removeSubrange(start.lowerBound..<end.upperBound)
        }
        #expect(!page.contains("member_contribution"))
        do {
            _ = try DebateReader().read(bytes: Array(page.utf8), path: "contents.html")
            Issue.record("expected notADebate")
        } catch {
            guard case .notADebate(let errorPath, let reason) = error else {
                Issue.record("expected notADebate, got \(error)")
                return
            }
            #expect(errorPath == "contents.html")
            #expect(reason.contains("ALIEN ENEMIES."))
            #expect(reason.contains("section page"))
        }
    }
}
