import Foundation
@testable import HansardIngestion
import HansardTestSupport
import Testing

// Every expected value below was read off the files in corpus/historic-hansard-xml/, independently of
// the reader:
//   grep -o '<member>' FILE | wc -l                      contributions that name a speaker
//   grep -o '<p[^>]*>[^<]* asked ' FILE | wc -l          written questions printed without <member>
//   grep -c '<title>' FILE                               headings, the sitting's own title among them
//   grep -c '<division>' FILE                            division lists
// and the speakers' labels, columns and paragraphs by reading the XML around them.

private let commonsFile = "historic-hansard-xml/commons-1985-12-16-millbank-housecommons.xml"
private let answersFile = "historic-hansard-xml/commons-1985-12-16-millbank-writtenanswers.xml"

/// Reads a corpus file with format detection, as `hansard parse` does.
private func readMillbank(_ file: String) throws -> Debate {
    let debate = try DebateReader().read(contentsOf: CorpusFile.path(file))
    #expect(debate.source.format == .historicHansardXML)
    return debate
}

@Suite("Historic Hansard XML")
struct HistoricHansardXMLReaderTests {
    @Test("Commons 16 Dec 1985: the sitting's facts")
    func commonsMetadata() throws {
        let debate = try readMillbank(commonsFile)
        let metadata = debate.metadata
        #expect(metadata.title == "House of Commons debates, 16 December 1985")
        #expect(metadata.house == .commons)
        // <date format="1985-12-16">Monday 16 December 1985</date>
        #expect(metadata.date == .of("1985-12-16"))
        // The first image, S6CV0089P0I0010: sixth series, Commons volume 89.
        #expect(metadata.volume == "89")
        #expect(metadata.type == "Commons Sitting")
        #expect(metadata.url == nil)
        // 61 <title> elements; the first is the sitting's own ("House of Commons"), not a heading in it.
        #expect(metadata.sections.count == 60)
        #expect(metadata.sections.map(\.index) == Array(0..<60))
        #expect(metadata.sections[0] == Section(index: 0, title: "PRAYERS", level: 1))
        #expect(metadata.sections[1] == Section(index: 1, title: "Oral Answers to Questions", level: 1))
        #expect(metadata.sections[2] == Section(index: 2, title: "ENERGY", level: 2))
        #expect(metadata.sections[3] == Section(index: 3, title: "Scottish Coalfield", level: 3))
        #expect(metadata.sections.last?.title == "Register of Members' Interests")
    }

    @Test("Commons 16 Dec 1985: every <member> paragraph is one speech turn")
    func commonsTurns() throws {
        let debate = try readMillbank(commonsFile)
        #expect(debate.speeches.count == 466)
        #expect(debate.turns.map(\.index) == Array(0..<debate.turns.count))
        #expect(debate.speeches.allSatisfy { $0.speaker != nil && $0.attribution == .page })
        #expect(debate.turns.filter { $0.kind == .procedural }.allSatisfy { $0.speaker == nil && $0.role == .unknown })
        #expect(debate.speeches.first?.speaker?.name == "Mr. Douglas")
        #expect(debate.speeches.last?.speaker?.name == "Mr. Speaker")
        // 18 "Mr. Speaker", 6 "Mr. Deputy Speaker" with or without a name, 6 "The Chairman".
        #expect(debate.speeches.filter { $0.role == .chair }.count == 30)
        // Three <division> lists, each one procedural item whose first row is the division's number.
        let divisions = debate.turns.filter { $0.kind == .procedural && $0.paragraphs[0].hasPrefix("Division No.") }
        #expect(
            divisions.map { $0.paragraphs[0] } == [
                "Division No. 27] [6.4 pm", "Division No. 28] [9.50 pm", "Division No. 29] [11.15 pm>",
            ])
        #expect(divisions[0].paragraphs == ["Division No. 27] [6.4 pm", "AYES.", "Alexander, Richard Aspinwall, Jack"])
        // The third list runs from column 123 into 124.
        #expect(divisions[2].column == "123")
        #expect(divisions[2].paragraphs.contains("Hogg, N. (C'nauld & Kilsyth) Tellers for the Noes:"))
    }

    @Test("Commons 16 Dec 1985: offices, constituencies and roles as the HTML reader gives them")
    func commonsSpeakers() throws {
        let debate = try readMillbank(commonsFile)
        // <member>The Parliamentary Under-Secretary of State for Energy (Mr. David Hunt)</member>
        let hunt = debate.turns[3]
        #expect(hunt.speaker?.name == "Mr. David Hunt")
        #expect(hunt.speaker?.office == "The Parliamentary Under-Secretary of State for Energy")
        #expect(hunt.role == .minister)
        #expect(hunt.roleConfidence == 1)
        #expect(hunt.contributionId == "S6CV0089P0-00363")
        // Later on the page he is "Mr. Hunt": the office printed earlier makes him the minister.
        let later = try #require(debate.speeches.first { $0.speaker?.name == "Mr. Hunt" })
        #expect(later.role == .minister)
        #expect(
            later.roleEvidence == [
                "the page names this member earlier as The Parliamentary Under-Secretary of State for Energy"
            ])
        // "The Parliamentary Under-Secretary of State for Health <member>(Dr. Stephen Ladyman)</member>".
        let ladyman = try #require(debate.speeches.first { $0.speaker?.name == "Dr. Stephen Ladyman" })
        #expect(ladyman.speaker?.office == "The Parliamentary Under-Secretary of State for Health")
        #expect(ladyman.role == .minister)
        // <member>Miss Anne McIntosh<memberconstituency>(Vale of York) (Con)</memberconstituency></member>
        let mcIntosh = try #require(debate.speeches.first { $0.speaker?.name == "Miss Anne McIntosh" })
        #expect(mcIntosh.speaker?.constituency == "Vale of York")
        #expect(mcIntosh.speaker?.party == "Con")
        #expect(mcIntosh.speaker?.office == nil)
        let field = try #require(debate.speeches.first { $0.speaker?.name == "Mr. Frank Field" })
        #expect(field.speaker?.constituency == "Birkenhead")
        #expect(field.role == .member)
        #expect(field.roleConfidence == 0.8)
        let deputy = try #require(debate.speeches.first { $0.speaker?.office == "Mr. Deputy Speaker" })
        #expect(deputy.speaker?.name == "Mr. Harold Walker")
        #expect(deputy.role == .chair)
        let speaker = try #require(debate.speeches.first { $0.speaker?.name == "Mr. Speaker" })
        #expect(speaker.role == .chair)
        #expect(speaker.paragraphs == ["Order. The question is about gas."])
    }

    @Test("Commons 16 Dec 1985: tabled questions, paragraphs, columns and times")
    func commonsText() throws {
        let debate = try readMillbank(commonsFile)
        // "1. <member>Mr. Douglas</member><membercontribution> asked the Secretary of State for Energy …":
        // the question number is dropped, as the HTML rendering drops it, and the asker is an ordinary member.
        let douglas = debate.turns[2]
        #expect(douglas.speaker?.name == "Mr. Douglas")
        #expect(douglas.role == .member)
        #expect(douglas.section == 3)
        #expect(
            douglas.paragraphs == [
                "asked the Secretary of State for Energy if he will make a statement on visits by Ministers in his Department to pits in the Scottish coalfield."
            ])
        // The answer's colon after the name is not part of the text.
        #expect(hasPrefix(debate.turns[3], "I was extremely impressed during my recent visit"))
        // Mr. Hunt's second answer runs from column 1 into column 2; the next turn starts in column 2.
        let crossing = try #require(debate.turns.first { $0.contributionId == "S6CV0089P0-00365" })
        #expect(crossing.column == "1")
        #expect(
            crossing.paragraphs == [
                "The reinstatement of sacked Scottish miners is a matter for the Scottish area. Comparisons vary between different cases, and are neither useful nor valid. I understand that most of the dismissed miners in the Scottish area have been reinterviewed for reinstatement, and that more than 70 have been offered employment. Decisions following such reviews must be for area management, and those who have not been reinstated may take their case to an industrial tribunal."
            ])
        #expect(debate.turns[crossing.index + 1].column == "2")
        // "<p>3.30 pm</p>" before the statement is its time; <lb/> separates its paragraphs.
        let fowler = try #require(debate.turns.first { $0.contributionId == "S6CV0089P0-00526" })
        #expect(fowler.time == "3.30 pm")
        #expect(fowler.column == "21")
        #expect(fowler.speaker?.office == "The Secretary of State for Social Services")
        #expect(fowler.paragraphs.count == 37)
        #expect(
            fowler.paragraphs[0]
                == "With permission, Mr. Speaker, I shall make a statement on the Social Security White Paper which I am publishing today."
        )
        #expect(
            fowler.paragraphs[1].hasPrefix(
                "In June the Government published a Green Paper which set out in detail the case for change"))
        #expect(debate.turns.first { $0.contributionId == "S6CV0089P0-00577" } == nil)
        #expect(debate.turns.contains { $0.time == "4·28 pm" && $0.speaker?.name == "Mr. Leon Brittan" })
        // A quotation stands as its own paragraph.
        #expect(
            debate.turns.contains {
                $0.paragraphs.contains("\"a private sector solution to a private sector problem\"")
            })
    }

    @Test("Commons 16 Dec 1985: stage directions are procedural, plain paragraphs continue the turn before")
    func commonsProcedure() throws {
        let debate = try readMillbank(commonsFile)
        let first = debate.turns[0]
        #expect(first.kind == .procedural)
        #expect(first.section == nil)
        #expect(first.paragraphs == ["The House met at half-past Two o'clock"])
        #expect(first.column == "1")
        #expect(first.contributionId == "S6CV0089P0-00360")
        let chair = debate.turns[1]
        #expect(chair.kind == .procedural)
        #expect(chair.section == 0)
        #expect(chair.paragraphs == ["[MR. SPEAKER in the Chair]"])
        #expect(debate.turns[4].kind == .procedural)
        #expect(debate.turns[4].paragraphs == ["Later\u{2014}"])
        // "<i>Ordered,</i>" then a plain "That the matter …" paragraph: one procedural item.
        let ordered = try #require(debate.turns.first { $0.contributionId == "S6CV0089P0-00671" })
        #expect(ordered.kind == .procedural)
        #expect(ordered.paragraphs.count == 2)
        #expect(ordered.paragraphs[0] == "Ordered,")
        #expect(
            ordered.paragraphs[1].hasPrefix(
                "That the matter of the recommendations of the Scottish Tertiary Education Advisory Council"))
        #expect(ordered.paragraphs[1].hasSuffix("\u{2014}[Mr. Peter Lloyd.]"))
        // The last section: Mr. Speaker's words, the amendments he lists in <ul>, and a plain <p> after them.
        let last = try #require(debate.turns.last)
        #expect(last.speaker?.name == "Mr. Speaker")
        #expect(last.paragraphs.count == 4)
        #expect(last.paragraphs[1] == "(f), in line 6, leave out \"two\" and insert \"five\".")
        #expect(last.paragraphs[3].hasPrefix("One might be forgiven for thinking that the Secretary of State"))
        #expect(last.paragraphs[3].hasSuffix("failure to achieve reduced rates of infection control."))
        // The aside between <member> and <membercontribution> stays where it is printed.
        let adley = try #require(debate.turns.first { $0.speaker?.name == "Mr. Adley" })
        #expect(hasPrefix(adley, "(seated and covered): On a point of order, Mr. Speaker."))
        #expect(adley.speaker?.constituency == nil)
    }

    @Test("Written answers 16 Dec 1985: every question and every answer is a turn")
    func writtenAnswers() throws {
        let debate = try readMillbank(answersFile)
        let metadata = debate.metadata
        #expect(metadata.title == "House of Commons written answers, 16 December 1985")
        // <writtenanswers> names no House; its ids (S6CV0089…) are the Commons'.
        #expect(metadata.house == .commons)
        #expect(metadata.date == .of("1985-12-16"))
        #expect(metadata.volume == "89")
        #expect(metadata.type == "Written Answers")
        // 48 <title>s, less the sitting's own: 5 department groups and 42 questions beneath them.
        #expect(metadata.sections.count == 47)
        #expect(metadata.sections.filter { $0.level == 1 }.count == 5)
        #expect(metadata.sections.filter { $0.level == 2 }.count == 42)
        #expect(metadata.sections[0].title == "AGRICULTURE, FISHERIES AND FOOD")
        #expect(metadata.sections[1] == Section(index: 1, title: "Food Storage", level: 2))

        // 55 answers with <member>, 55 questions printed as "Mr. Canavan asked …", nothing else.
        #expect(debate.turns.count == 110)
        #expect(debate.speeches.count == 110)
        let questions = debate.turns.filter { $0.paragraphs.first?.hasPrefix("asked ") ?? false }
        #expect(questions.count == 55)
        #expect(questions.allSatisfy { $0.role == .member })
        #expect(debate.speeches.first?.speaker?.name == "Mr. Canavan")
        #expect(debate.speeches.last?.speaker?.name == "Mr. John Patten")
        let canavan = debate.turns[0]
        #expect(canavan.contributionId == "S6CV0089P0-04896")
        #expect(canavan.section == 1)
        #expect(canavan.column == "1W")
        #expect(
            canavan.paragraphs == [
                "asked the Minister of Agriculture, Fisheries and Food what is his latest available information on the amount of surplus food stored (a) in the United Kingdom and (b) in the European Economic Community and the costs of storage."
            ])
        // Mr. Gummer's answer and the plain <p> after it, its second paragraph.
        let gummer = debate.turns[1]
        #expect(gummer.speaker?.name == "Mr. Gummer")
        #expect(gummer.paragraphs.count == 2)
        #expect(
            gummer.paragraphs[0].hasPrefix(
                "A note setting out the volume of United Kingdom and Community intervention stocks"))
        #expect(
            gummer.paragraphs[1]
                == "The storage, handling and related costs of United Kingdom intervention products (including barley and feedwheat) in 1984 were \u{A3}46\u{B7}4 million. We have no figures for storage costs incurred by other member states."
        )
        // "(2) if the police officers …" continues Sir Eldon Griffiths's question.
        let griffiths = try #require(debate.turns.first { $0.speaker?.name == "Sir Eldon Griffiths" })
        #expect(griffiths.paragraphs.count == 2)
        #expect(griffiths.paragraphs[1].hasPrefix("(2) if the police officers being seconded"))
        // An office named in the label: the Prime Minister answers.
        let primeMinister = try #require(debate.turns.first { $0.speaker?.name == "The Prime Minister" })
        #expect(primeMinister.role == .minister)
        // Columns of written answers are cited with a W.
        #expect(debate.turns.last?.column == "17W")
    }

    @Test("The XML and HTML renderings of the same contributions give the same speakers and roles")
    func sameAsHTMLReader() throws {
        let xml = """
            <housecommons>
            <col>997</col>
            <date format="1914-09-17">Thursday 17 September 1914</date>
            <section><title>CONTRACTS WITH ALIEN ENEMIES.</title>
            <p id="a1"><member>Mr. JOYNSON-HICKS</member><membercontribution> asked the Attorney-General whether he will make a statement.</membercontribution></p>
            <p id="a2"><member>The ATTORNEY-GENERAL (Sir John Simon)</member><membercontribution>: I will.</membercontribution></p>
            <p id="a3"><member>Mr. SPEAKER</member><membercontribution>: Order, order!</membercontribution></p>
            <p id="a4"><member>Sir J. SIMON</member><membercontribution>: I have nothing to add.</membercontribution></p>
            </section>
            </housecommons>
            """
        let html = """
            <!DOCTYPE html><html><head><title>CONTRACTS WITH ALIEN ENEMIES. (Hansard, 17 September 1914)</title></head>
            <body id="hansard-millbanksytems-com"><div id="content" class="house-of-commons-sitting">
            <h1 class="title">CONTRACTS WITH ALIEN ENEMIES.</h1>
            <a class="permalink column-permalink" href="#column_997">997</a>
            <div class="hentry member_contribution" id="a1"><blockquote class="contribution_text entry-content">
            <cite class="member author entry-title">Mr. JOYNSON-HICKS</cite><p> asked the Attorney-General whether he will make a statement.</p></blockquote></div>
            <div class="hentry member_contribution" id="a2"><blockquote class="contribution_text entry-content">
            <cite class="member author entry-title">The ATTORNEY-GENERAL (Sir John Simon)</cite><p>I will.</p></blockquote></div>
            <div class="hentry member_contribution" id="a3"><blockquote class="contribution_text entry-content">
            <cite class="member author entry-title">Mr. SPEAKER</cite><p>Order, order!</p></blockquote></div>
            <div class="hentry member_contribution" id="a4"><blockquote class="contribution_text entry-content">
            <cite class="member author entry-title">Sir J. SIMON</cite><p>I have nothing to add.</p></blockquote></div>
            </div></body></html>
            """
        let fromXML = try DebateReader().read(bytes: Array(xml.utf8), path: "sitting.xml")
        let fromHTML = try DebateReader().read(bytes: Array(html.utf8), path: "section.html")
        #expect(fromXML.source.format == .historicHansardXML)
        #expect(fromHTML.source.format == .historicHansardHTML)
        #expect(fromXML.turns.count == 4)
        #expect(fromXML.turns.map(\.speaker) == fromHTML.turns.map(\.speaker))
        #expect(fromXML.turns.map(\.role) == fromHTML.turns.map(\.role))
        #expect(fromXML.turns.map(\.roleConfidence) == fromHTML.turns.map(\.roleConfidence))
        #expect(fromXML.turns.map(\.roleEvidence) == fromHTML.turns.map(\.roleEvidence))
        #expect(fromXML.turns.map(\.paragraphs) == fromHTML.turns.map(\.paragraphs))
        #expect(fromXML.turns.map(\.column) == fromHTML.turns.map(\.column))
        #expect(fromXML.turns.map(\.role) == [.member, .minister, .chair, .minister])
    }

    @Test("Lords and Westminster Hall roots, written questions to the Government, and a declaration first")
    func otherSittings() throws {
        let lords = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- a Lords sitting -->
            <houselords>
            <image src="S5LV0500P0I0001"/>
            <col>1</col>
            <date format="1988-11-22">Tuesday 22 November 1988</date>
            <section><title>Arms Exports</title>
            <p id="l1">Lord Kennet asked Her Majesty's Government whether they will make a statement.</p>
            <p id="l2"><member>The Minister of State, Foreign and Commonwealth Office (Lord Glenarthur)</member><membercontribution>: My Lords, no.</membercontribution></p>
            </section>
            </houselords>
            """
        let debate = try DebateReader().read(bytes: Array(lords.utf8), path: "lords.xml")
        #expect(debate.source.format == .historicHansardXML)
        #expect(debate.metadata.title == "House of Lords debates, 22 November 1988")
        #expect(debate.metadata.house == .lords)
        #expect(debate.metadata.volume == "500")
        #expect(debate.metadata.type == "Lords Sitting")
        #expect(debate.turns.map(\.speaker?.name) == ["Lord Kennet", "Lord Glenarthur"])
        #expect(debate.turns[0].paragraphs == ["asked Her Majesty's Government whether they will make a statement."])
        #expect(debate.turns.map(\.role) == [.member, .minister])

        let hall = """
            <westminsterhall><col>1</col><date format="2000-01-18">Tuesday 18 January 2000</date>
            <section><title>Rural Transport</title><p>9.30 am</p>
            <p><member>Mr. Paul Tyler</member><membercontribution>: I beg to move, That the sitting be now adjourned.</membercontribution></p>
            </section></westminsterhall>
            """
        let sitting = try DebateReader().read(bytes: Array(hall.utf8), path: "hall.xml")
        #expect(sitting.metadata.title == "Westminster Hall debates, 18 January 2000")
        #expect(sitting.metadata.house == .commons)
        #expect(sitting.turns.count == 1)
        #expect(sitting.turns[0].column == "1WH")
        #expect(sitting.turns[0].time == "9.30 am")
    }

    // MARK: - Bad input

    private func temporaryFile(_ bytes: [UInt8], name: String = "sitting.xml") throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("hansard-millbank-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test("A historic Hansard XML file cut short is truncated", arguments: [commonsFile, answersFile])
    func truncated(file: String) throws {
        let whole = try DebateReader.loadBytes(CorpusFile.path(file))
        let path = try temporaryFile(Array(whole.prefix(whole.count / 2)))
        #expect {
            try DebateReader().read(contentsOf: path)
        } throws: { error in
            guard case IngestionError.truncated(let errorPath, _) = error else { return false }
            return errorPath == path
        }
    }

    @Test("Broken historic Hansard XML is named as that format")
    func malformed() throws {
        let xml = "<housecommons><section><title>Bad</title><p><member>Mr. A</member></section></p></housecommons>"
        #expect {
            try DebateReader().read(bytes: Array(xml.utf8), path: "broken.xml")
        } throws: { error in
            guard case IngestionError.malformed(let path, let format, _) = error else { return false }
            return path == "broken.xml" && format == .historicHansardXML
        }
    }

    @Test(
        "XML that is not a debate is refused",
        arguments: [
            "<?xml version=\"1.0\"?><catalog><book id=\"1\"><title>Hansard Guide</title></book></catalog>",
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Parliament news</title></channel></rss>",
        ])
    func notADebate(xml: String) throws {
        #expect {
            try DebateReader().read(bytes: Array(xml.utf8), path: "other.xml")
        } throws: { error in
            guard case IngestionError.notADebate(let path, _) = error else { return false }
            return path == "other.xml"
        }
    }

    @Test("A sitting with headings and no contributions is not a debate")
    func noContributions() throws {
        let xml = """
            <writtenanswers><col>1</col><title>Written Answers to Questions</title>
            <date format="1985-12-16">Monday 16 December 1985</date>
            <group><title>AGRICULTURE, FISHERIES AND FOOD</title><section><title>Food Storage</title><body/></section></group>
            </writtenanswers>
            """
        #expect {
            try DebateReader().read(bytes: Array(xml.utf8), path: "empty.xml")
        } throws: { error in
            guard case IngestionError.notADebate(let path, let reason) = error else { return false }
            return path == "empty.xml" && reason.contains("no contributions") && reason.contains("2 headings")
        }
    }

    @Test("Read as historic-hansard-xml, a ParlParse file is refused by its root element")
    func forcedFormat() throws {
        let path = CorpusFile.path("parlparse-xml/lords-2009-10-27-written-ministerial-statements-parlparse.xml")
        #expect {
            try DebateReader(format: .historicHansardXML).read(contentsOf: path)
        } throws: { error in
            guard case IngestionError.notADebate(let errorPath, let reason) = error else { return false }
            return errorPath == path && reason.contains("<publicwhip>") && reason.contains("<housecommons>")
        }
        // Detected, it is still ParlParse.
        #expect(try DebateReader().read(contentsOf: path).source.format == .parlParseXML)
    }
}

private func hasPrefix(_ turn: Turn, _ prefix: String) -> Bool {
    turn.paragraphs.first?.hasPrefix(prefix) ?? false
}
