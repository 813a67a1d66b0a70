import Foundation
@testable import HansardIngestion
import HansardTestSupport
import Testing

// Every expected value below was read off the saved page in corpus/publications-html/.
// Speech counts were made independently of the reader, on the raw HTML, with a Python regex that lists
// every `<b>…</b>`/`<strong>…</strong>` whose text ends in a colon and is not a "… : Column N" line:
//   re.findall(r'<(?:b|strong)>(.*?)</(?:b|strong)>', page, re.S)
// Section counts list the `<h1>`–`<h4>` headings that are neither the House, the date line, an italic
// line nor a bracketed stage direction such as "[Mr Speaker in the Chair]".

private func readPublications(_ name: String) throws -> Debate {
    let debate = try DebateReader().read(contentsOf: CorpusFile.path("publications-html/\(name)"))
    #expect(debate.source.format == .publicationsHTML)
    return debate
}

/// Distinct names as printed: these pages carry no member ids.
private func distinctNames(_ debate: Debate) -> Set<String> {
    Set(debate.speeches.compactMap { $0.speaker?.name })
}

@Suite("publications.parliament.uk pages")
struct PublicationsReaderTests {
    @Test("Commons oral answers 19 Jul 2011")
    func oralAnswers() throws {
        let debate = try readPublications("commons-2011-07-19-publications-oral-answers-EXCERPT.html")
        let metadata = debate.metadata
        #expect(metadata.title == "Oral Answers to Questions")
        #expect(metadata.date == .of("2011-07-19"))
        #expect(metadata.house == .commons)
        #expect(metadata.type == "Oral Answers to Questions")
        #expect(
            metadata.sections.map(\.title) == [
                "Prayers", "Oral Answers to Questions", "Foreign and Commonwealth Office", "Syria",
                "Nuclear Non-proliferation and Disarmament",
            ])
        #expect(debate.speeches.count == 10)
        #expect(
            distinctNames(debate) == [
                "Mr David Hanson", "Mr William Hague", "Mr Hanson", "Mr Hague", "Mr Philip Hollobone",
                "Stephen Twigg", "Paul Flynn", "Alistair Burt",
            ])
        let first = try #require(debate.speeches.first)
        #expect(first.speaker?.name == "Mr David Hanson")
        #expect(first.speaker?.constituency == "Delyn")
        #expect(first.speaker?.party == "Lab")
        // The question number "1." before the bold name is not part of the question.
        #expect(
            first.paragraphs == [
                "When he next expects to discuss the situation in Syria with his US counterpart. [66855]"
            ])
        #expect(first.contributionId == "11071988000793")
        let last = try #require(debate.speeches.last)
        #expect(last.speaker?.name == "Alistair Burt")
        #expect(
            last.speaker?.office == "The Parliamentary Under-Secretary of State for Foreign and Commonwealth Affairs")
        #expect(last.role == .minister)
        #expect(debate.speeches[1].speaker?.office == "The Secretary of State for Foreign and Commonwealth Affairs")
        #expect(debate.speeches[1].role == .minister)
        // "Mr Hague" later is the Secretary of State named above.
        #expect(debate.speeches[3].speaker?.name == "Mr Hague")
        #expect(debate.speeches[3].role == .minister)
        #expect(debate.speeches[2].role == .member)
        #expect(debate.speeches[2].roleConfidence == 0.8)
        #expect(debate.speeches[6].speaker?.constituency == "Liverpool, West Derby")
        #expect(debate.speeches[6].speaker?.party == "Lab/Co-op")

        // Mr Hague's answer runs over the column break; the two halves of the cut paragraph are one.
        let hague = debate.speeches[5]
        #expect(hague.column == "771")
        #expect(
            hague.paragraphs == [
                "Iran has certainly been involved in the way that my hon. Friend describes, and I set out a few weeks ago that I believed it to be involved in that way. It shows the extraordinary hypocrisy of the Iranian leadership on this that it has been prepared to encourage protests in Egypt, Tunisia and other countries while it has brutally repressed protest in its own country and is prepared to connive in doing so in Syria."
            ])
        #expect(debate.speeches[6].speaker?.name == "Stephen Twigg")
        #expect(debate.speeches[6].column == "772")
        // "3." precedes Paul Flynn in the same paragraph: it is neither the end of Mr Hague's answer nor the question.
        #expect(
            debate.speeches[7].paragraphs.last?.hasSuffix("recent events add further to the case for doing so.") == true
        )
        #expect(debate.speeches[8].paragraphs.first?.hasPrefix("What recent progress his Department has made") == true)

        // Stage directions and the "asked—" line are procedural, with no speaker.
        let procedural = debate.turns.filter { $0.kind == .procedural }
        #expect(
            procedural.map(\.paragraphs) == [
                ["The House met at half-past Eleven o’clock"], ["[Mr Speaker in the Chair]"],
                ["The Secretary of State was asked—"],
            ])
        #expect(procedural.allSatisfy { $0.speaker == nil })
        // The column line "19 July 2011 : Column 771" and the navigation never become text.
        #expect(!debate.turns.contains { $0.text.contains("Column 77") || $0.text.contains("Previous Section") })
    }

    @Test("A speaker who starts mid-paragraph is split from the speech before")
    func midParagraphSplit() throws {
        // The real oral-answers page with the paragraph break between Mr Hague's first answer and
        // Mr Hollobone's question removed, so that one <p> holds the end of one speech and the start
        // of the next, as daily parts sometimes print them.
        let path = CorpusFile.path("publications-html/commons-2011-07-19-publications-oral-answers-EXCERPT.html")
        let original = String(decoding: try DebateReader.loadBytes(path), as: UTF8.self)
        let joint = "continues to be our message.</p>\n        <p>"
        #expect(original.contains(joint))
        let joined = original.replacingOccurrences(of: joint, with: "continues to be our message. ")
        let debate = try DebateReader().read(bytes: Array(joined.utf8), path: "joined.html")
        let reference = try readPublications("commons-2011-07-19-publications-oral-answers-EXCERPT.html")

        #expect(debate.speeches.count == 10)
        #expect(debate.speeches.map(\.speaker) == reference.speeches.map(\.speaker))
        #expect(debate.speeches.map(\.paragraphs) == reference.speeches.map(\.paragraphs))
        #expect(
            debate.speeches[3].paragraphs.last?.hasSuffix(
                "should reform or step aside, and that continues to be our message.") == true)
        #expect(debate.speeches[4].speaker?.name == "Mr Philip Hollobone")
        #expect(
            debate.speeches[4].paragraphs.first?.hasPrefix("Iran has been involved in training Syrian troops") == true)
        #expect(debate.speeches[4].contributionId == "11071988000797")
    }

    @Test("Commons debate 12 Jul 2011 with Division No. 321")
    func division() throws {
        let debate = try readPublications("commons-2011-07-12-publications-debate-with-division-EXCERPT.html")
        #expect(debate.metadata.title == "Public Bodies Bill [Lords]")
        // notus-date and the column lines say 12 July; the template's "Tuesday 19 July 2011" heading does not count.
        #expect(debate.metadata.date == .of("2011-07-12"))
        #expect(debate.metadata.house == .commons)
        #expect(debate.metadata.sections.map(\.title) == ["Prayers", "Public Bodies Bill [Lords]"])
        #expect(debate.speeches.count == 1)
        #expect(distinctNames(debate) == ["Mr Hurd"])
        let hurd = try #require(debate.speeches.first)
        #expect(hurd.speaker?.name == "Mr Hurd")
        #expect(hurd.column == "212")
        #expect(hurd.paragraphs.count == 2)
        #expect(hurd.paragraphs[1].hasPrefix("However, I reiterate my hope that the House can come together"))

        let division = try #require(debate.turns.first { $0.paragraphs.first == "The House divided:" })
        #expect(division.kind == .procedural)
        #expect(division.speaker == nil)
        #expect(division.column == "212")
        #expect(division.time == "9.59 pm")
        #expect(division.paragraphs.contains("Ayes 231, Noes 307."))
        #expect(division.paragraphs.contains("Division No. 321]"))
        #expect(division.paragraphs.contains("Abbott, Ms Diane"))
        #expect(division.paragraphs.contains("(Easington)"))
        #expect(division.paragraphs.last == "Norman Lamb")
        let procedural = debate.turns.filter { $0.kind == .procedural }.map { $0.paragraphs.first ?? "" }
        #expect(procedural.contains("Question put, That the amendment be made."))
        #expect(procedural.contains("Question accordingly negatived."))
        #expect(debate.turns.last?.paragraphs == ["Bill accordingly read a Second time."])
        #expect(debate.turns.last?.column == "275")
    }

    @Test("Commons written statements 19 Jul 2011")
    func writtenStatements() throws {
        let debate = try readPublications("commons-2011-07-19-publications-written-statements-EXCERPT.html")
        #expect(debate.metadata.title == "Written Ministerial Statements")
        #expect(debate.metadata.date == .of("2011-07-19"))
        // No House heading: the "89WS" column style is the Commons'.
        #expect(debate.metadata.house == .commons)
        #expect(debate.metadata.type == "Written Ministerial Statements")
        #expect(debate.metadata.sections.count == 4)
        #expect(debate.speeches.count == 2)
        #expect(distinctNames(debate) == ["Mr Crispin Blunt", "Mr Jonathan Djanogly"])
        let first = try #require(debate.speeches.first)
        #expect(first.speaker?.office == "The Parliamentary Under-Secretary of State for Justice")
        #expect(first.role == .minister)
        #expect(first.column == "89WS")
        #expect(first.section == 2)
        #expect(
            first.paragraphs.first
                == "Today is the launch of a consultation on the “Strategy for the Secure Estate for Children and Young People for England and Wales”."
        )
        let last = try #require(debate.speeches.last)
        #expect(last.speaker?.name == "Mr Jonathan Djanogly")
        #expect(last.section == 3)
        #expect(last.paragraphs.count == 2)
        #expect(
            last.paragraphs[0].hasSuffix(
                "we wish to express the Government’s deep and abiding gratitude to all of our service personnel who have served, or are now serving, in Iraq and Afghanistan."
            ))
    }

    @Test("Lords daily part 11 Jan 2011: introductions only")
    func lordsDailyPart() throws {
        let debate = try readPublications("lords-2011-01-11-publications-daily-part1-TRIMMED.html")
        #expect(debate.metadata.title == "House of Lords Hansard for 11 Jan 2011 ( pt 1 )")
        #expect(debate.metadata.date == .of("2011-01-11"))
        #expect(debate.metadata.house == .lords)
        #expect(debate.metadata.volume == "723")
        // meta Identifier "Filename: 110111-0001.htm" in the folder the "Back to Table of Contents" link names.
        #expect(
            debate.metadata.url == "http://www.publications.parliament.uk/pa/ld201011/ldhansrd/text/110111-0001.htm")
        #expect(debate.metadata.sections.map(\.title) == ["Introduction: Lord True", "Introduction: Baroness Jolly"])
        // Prayers and two introductions: procedure, no speeches.
        #expect(debate.speeches.isEmpty)
        #expect(distinctNames(debate).isEmpty)
        #expect(debate.turns.count == 3)
        #expect(debate.turns.allSatisfy { $0.kind == .procedural && $0.column == "1285" })
        #expect(debate.turns.map(\.time) == ["2.15 pm", "2.22 pm", "2.27 pm"])
        #expect(debate.turns[0].paragraphs == ["Prayers-read by the Lord Bishop of Gloucester."])
        #expect(debate.turns[2].section == 1)
        #expect(
            debate.turns[2].paragraphs.first?.hasPrefix(
                "Judith Anne Jolly, having been created Baroness Jolly, of Congdon's Shop") == true)
        // Navigation, the breadcrumb and the scripts stay out.
        #expect(
            !debate.turns.contains {
                $0.text.contains("Next Section") || $0.text.contains("gDomain") || $0.text.contains("Daily Hansard")
            })
    }

    @Test("Westminster Hall 19 Jul 2011")
    func westminsterHall() throws {
        let debate = try readPublications("westminster-hall-2011-07-19-publications-EXCERPT.html")
        #expect(debate.metadata.title == "School Food")
        #expect(debate.metadata.date == .of("2011-07-19"))
        #expect(debate.metadata.house == .commons)
        #expect(debate.metadata.type == "Westminster Hall")
        #expect(debate.metadata.sections.map(\.title) == ["School Food"])
        #expect(debate.speeches.count == 2)
        #expect(distinctNames(debate) == ["Andrew Gwynne", "Sarah Teather"])
        let gwynne = try #require(debate.speeches.first)
        #expect(gwynne.speaker?.constituency == "Denton and Reddish")
        #expect(gwynne.speaker?.party == "Lab")
        #expect(gwynne.time == "9.30 am")
        #expect(gwynne.column == "183WH")
        #expect(gwynne.paragraphs == ["Start of speech", "Continuation of speech"])
        let teather = try #require(debate.speeches.last)
        #expect(teather.speaker?.name == "Sarah Teather")
        #expect(teather.column == "184WH")
        #expect(
            teather.paragraphs == [
                "I shall complete this point first. I have only four minutes left and I have barely answered any of the points raised in the debate."
            ])
        let motion = try #require(debate.turns.first { $0.kind == .procedural && $0.section == 0 })
        #expect(
            motion.paragraphs == [
                "Motion made, and Question proposed, That the sitting be now adjourned.—(Miss Chloe Smith.)"
            ])
        #expect(debate.turns.first?.paragraphs == ["[Jim Dobbin in the Chair]"])
    }

    @Test(
        "Recognised by its own markers only",
        arguments: [
            ("publications-html/lords-2011-01-11-publications-daily-part1-TRIMMED.html", true),
            ("publications-html/westminster-hall-2011-07-19-publications-EXCERPT.html", true),
            ("publications-html/commons-2011-07-19-publications-oral-answers-EXCERPT.html", true),
            ("historic-hansard-html/commons-1916-10-26-german-banks-in-london-written-answers.html", false),
            ("historic-hansard-html/lords-1915-02-10-alien-enemies.html", false),
            ("hansard-modern-html/commons-1961-07-18-oral-answers-to-questions.html", false),
            ("hansard-modern-html/commons-2022-06-15-oral-answers-to-questions.html", false),
        ])
    func recognition(file: String, expected: Bool) throws {
        let path = CorpusFile.path(file)
        let bytes = try DebateReader.loadBytes(path)
        let recognised = try withParsedHTML(bytes, path: path) { root, _ in PublicationsReader.recognises(root) }
        #expect(recognised == expected)
    }

    @Test("A daily part without speeches or procedure is not a debate")
    func noContributions() throws {
        // The real Lords daily part with its paragraphs cut out, leaving the House, date and headings.
        let path = CorpusFile.path("publications-html/lords-2011-01-11-publications-daily-part1-TRIMMED.html")
        var page = String(decoding: try DebateReader.loadBytes(path), as: UTF8.self)
        while let start = page.firstRange(of: "<p><i>"), let end = page[start.upperBound...].firstRange(of: "</i></p>")
        {
            page.removeSubrange(start.lowerBound..<end.upperBound)
        }
        #expect(!page.contains("Prayers-read"))
        #expect(throws: IngestionError.self) { try DebateReader().read(bytes: Array(page.utf8), path: "part.html") }
        do {
            _ = try DebateReader().read(bytes: Array(page.utf8), path: "part.html")
        } catch {
            guard case .notADebate(_, let reason) = error else {
                Issue.record("expected notADebate, got \(error)")
                return
            }
            #expect(reason.contains("publications.parliament.uk"))
        }
    }
}
