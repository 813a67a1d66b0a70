import Foundation
import HansardIngestion
import HansardTestSupport
import Testing

/// The six TheyWorkForYou/ParlParse files in corpus/parlparse-xml.
///
/// Every figure below was read off the files: `grep -c "<speech"`, the `nospeaker="true"` speeches, the speakername
/// attributes, the heading elements and the `<division>` elements.
@Suite("ParlParse reader")
struct ParlParseReaderTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        var file: String
        var title: String
        var house: House
        var date: String
        var type: String
        /// `<speech` elements in the file.
        var speechElements: Int
        /// Of those, `nospeaker="true"` (procedural).
        var noSpeaker: Int
        var distinctSpeakers: Int
        var firstSpeaker: String
        var lastSpeaker: String
        /// major-heading + minor-heading + oral-heading elements.
        var sections: Int
        var divisions: [String]
        /// A speaker and the first paragraph of their first speech, verbatim (entities decoded).
        var speaker: String
        var paragraph: String

        var testDescription: String { file }
    }

    static let expectations: [Expected] = [
        Expected(
            file: "commons-2009-10-28-debates-parlparse.xml", title: "House of Commons debates, 28 October 2009",
            house: .commons, date: "2009-10-28", type: "Commons debates", speechElements: 491, noSpeaker: 15,
            distinctSpeakers: 107, firstSpeaker: "Andrew Turner", lastSpeaker: "David Lammy", sections: 28,
            divisions: ["Division No. 232: Ayes 234, Noes 289", "Division No. 233: Ayes 214, Noes 292"],
            speaker: "Andrew Turner",
            paragraph:
                "What assessment she has made of the findings of Sir Ian Johnston's review of the investigation of leaks from the Home Department under Operation Miser which relate to the actions of her Department."
        ),
        Expected(
            file: "commons-2009-10-29-written-ministerial-statements-parlparse.xml",
            title: "House of Commons written ministerial statements, 29 October 2009", house: .commons,
            date: "2009-10-29", type: "Written ministerial statements", speechElements: 12, noSpeaker: 0,
            distinctSpeakers: 11, firstSpeaker: "Stephen Timms", lastSpeaker: "Helen Goodman", sections: 21,
            divisions: [], speaker: "Stephen Timms",
            paragraph:
                "As part of the update provided by Budget 2009 on the Government's tax simplification reviews, the Government committed to consult on further simplification of the associated company rules."
        ),
        Expected(
            file: "commons-2023-03-28-debates-parlparse.xml", title: "House of Commons debates, 28 March 2023",
            house: .commons, date: "2023-03-28", type: "Commons debates", speechElements: 467, noSpeaker: 31,
            distinctSpeakers: 118, firstSpeaker: "Andrew Western", lastSpeaker: "Thomas Tugendhat", sections: 47,
            divisions: [
                "Division No. 203: Ayes 242, Noes 309", "Division No. 204: Ayes 302, Noes 242",
                "Division No. 205: Ayes 248, Noes 299", "Division No. 206: Ayes 249, Noes 301",
                "Division No. 207: Ayes 248, Noes 301",
            ], speaker: "Andrew Western",
            paragraph:
                "What steps his Department is taking to reform the criminal justice system to help tackle violence against women and girls."
        ),
        Expected(
            file: "lords-2009-10-26-daylord-parlparse.xml", title: "House of Lords debates, 26 October 2009",
            house: .lords, date: "2009-10-26", type: "Lords debates", speechElements: 227, noSpeaker: 15,
            distinctSpeakers: 76, firstSpeaker: "Lord Anderson of Swansea", lastSpeaker: "Lord Alderdice", sections: 13,
            divisions: [
                "Division No. 1: Contents 153, Not-Contents 127", "Division No. 2: Contents 113, Not-Contents 155",
                "Division No. 3: Contents 69, Not-Contents 118", "Division No. 4: Contents 99, Not-Contents 84",
            ], speaker: "Lord Anderson of Swansea",
            paragraph:
                "To ask Her Majesty's Government what plans they have to modify the system of appeals from certain Commonwealth countries to the Judicial Committee of the Privy Council."
        ),
        Expected(
            file: "lords-2009-10-27-written-ministerial-statements-parlparse.xml",
            title: "House of Lords written ministerial statements, 27 October 2009", house: .lords,
            date: "2009-10-27", type: "Written ministerial statements", speechElements: 5, noSpeaker: 0,
            distinctSpeakers: 2, firstSpeaker: "Lord Bach", lastSpeaker: "Lord Bach", sections: 5, divisions: [],
            speaker: "Lord McKenzie of Luton",
            paragraph:
                "My right honourable friend the Secretary of State for Communities and Local Government (John Denham) has made the following Written Ministerial Statement."
        ),
        Expected(
            file: "westminster-hall-2009-10-28-parlparse.xml", title: "Westminster Hall debates, 28 October 2009",
            house: .commons, date: "2009-10-28", type: "Westminster Hall", speechElements: 99, noSpeaker: 3,
            distinctSpeakers: 38, firstSpeaker: "Alistair Carmichael", lastSpeaker: "Chris Mole", sections: 5,
            divisions: [], speaker: "Alistair Carmichael",
            paragraph:
                "It is a pleasure to serve again under your chairmanship, Mr. Benton. It is also a particular pleasure and something of a novelty\u{2014}perhaps it is even the first time\u{2014}that I have obtained an Adjournment debate on a topic on which I can speak almost entirely positively about Government policy."
        ),
    ]

    private func read(_ file: String) throws -> Debate {
        try DebateReader().read(contentsOf: CorpusFile.path("parlparse-xml/" + file))
    }

    @Test("Heading facts come from the ids", arguments: expectations)
    func metadata(_ expected: Expected) throws {
        let debate = try read(expected.file)
        #expect(debate.source.format == .parlParseXML)
        #expect(debate.metadata.title == expected.title)
        #expect(debate.metadata.house == expected.house)
        #expect(debate.metadata.date?.description == expected.date)
        #expect(debate.metadata.type == expected.type)
        #expect(debate.metadata.sections.count == expected.sections)
        #expect(debate.metadata.sections.map(\.index) == Array(0..<expected.sections))
    }

    @Test("Every speech element is a turn; unnamed ones are procedural", arguments: expectations)
    func turns(_ expected: Expected) throws {
        let debate = try read(expected.file)
        let speeches = debate.speeches
        let procedural = debate.turns.filter { $0.kind == .procedural }
        #expect(speeches.count == expected.speechElements - expected.noSpeaker)
        #expect(procedural.count == expected.noSpeaker + expected.divisions.count)
        #expect(Set(speeches.compactMap(\.speaker?.name)).count == expected.distinctSpeakers)
        #expect(speeches.first?.speaker?.name == expected.firstSpeaker)
        #expect(speeches.last?.speaker?.name == expected.lastSpeaker)
        #expect(speeches.allSatisfy { $0.speaker != nil && $0.attribution == .page && !$0.paragraphs.isEmpty })
        #expect(procedural.allSatisfy { $0.speaker == nil })
        #expect(debate.turns.map(\.index) == Array(0..<debate.turns.count))
        let said = speeches.first { $0.speaker?.name == expected.speaker }
        #expect(said?.paragraphs.first == expected.paragraph)
    }

    @Test("Divisions are procedural turns with their counts", arguments: expectations)
    func divisions(_ expected: Expected) throws {
        let debate = try read(expected.file)
        let divisions = debate.turns.filter { $0.kind == .procedural && $0.paragraphs[0].hasPrefix("Division No.") }
        #expect(divisions.map { $0.paragraphs[0] } == expected.divisions)
    }

    @Test("Speaker ids, columns, times and sections of the Commons 2009 file")
    func commonsDetails() throws {
        let debate = try read("commons-2009-10-28-debates-parlparse.xml")
        #expect(debate.metadata.sections[0] == Section(index: 0, title: "BUSINESS BEFORE QUESTIONS", level: 1))
        #expect(debate.metadata.sections[1] == Section(index: 1, title: "RAF Nimrod MR2 Aircraft XV230", level: 2))
        let first = try #require(debate.speeches.first)
        #expect(first.speaker?.memberId == "uk.org.publicwhip/member/1654")
        #expect(first.contributionId == "uk.org.publicwhip/debate/2009-10-28c.267.7")
        #expect(first.column == "267")
        #expect(first.time == "11:30")
        // The division at column 344, 015:47:00 in ParlParse's own notation.
        let division = try #require(debate.turns.first { $0.paragraphs == ["Division No. 232: Ayes 234, Noes 289"] })
        #expect(division.column == "344")
        #expect(division.time == "15:47")
        #expect(division.contributionId == "uk.org.publicwhip/debate/2009-10-28c.344.3")
        // "The Minister for the Cabinet Office was asked&mdash;" is a nospeaker speech.
        #expect(
            debate.turns.contains {
                $0.kind == .procedural && $0.paragraphs == ["The Minister for the Cabinet Office was asked\u{2014}"]
            })
    }

    @Test("Roles: the chair by title, ministers by office, others left for the analysis module")
    func roles() throws {
        let commons = try read("commons-2009-10-28-debates-parlparse.xml")
        let speaker = try #require(commons.speeches.first { $0.speaker?.name == "Mr. Speaker" })
        #expect(speaker.role == .chair)
        let deputy = try #require(commons.speeches.first { $0.speaker?.name == "Mr. Deputy Speaker" })
        #expect(deputy.role == .chair)
        #expect(deputy.speaker?.office == "Mr. Deputy Speaker")
        let withOffice = try #require(commons.speeches.first { $0.speaker?.office == "The Prime Minister" })
        #expect(withOffice.speaker?.name == "Gordon Brown")
        #expect(withOffice.role == .minister)
        let backbencher = try #require(commons.speeches.first { $0.speaker?.name == "Andrew Turner" })
        #expect(backbencher.role == .member)
        #expect(backbencher.roleConfidence == 0.5)
        #expect(commons.speeches.filter { $0.role == .chair }.count == 21 + 3 + 3)

        let modern = try read("commons-2023-03-28-debates-parlparse.xml")
        let raab = try #require(modern.speeches.first { $0.speaker?.name == "Dominic Raab" })
        #expect(raab.speaker?.memberId == "uk.org.publicwhip/person/24815")
        #expect(raab.role == .minister)

        let statements = try read("lords-2009-10-27-written-ministerial-statements-parlparse.xml")
        #expect(statements.speeches.allSatisfy { $0.role == .minister })
    }

    // MARK: - Written answers

    /// corpus/fresh-parlparse-xml/lords-2009-10-27-written-answers-parlparse.xml: `grep -c` gives 41 `<ques`,
    /// 41 `<reply` and 41 `<minor-heading` (no major headings); the speakername attributes name 35 peers.
    @Test("Lords written answers: each <ques> is the asking peer's turn, each <reply> the Government's")
    func lordsWrittenAnswers() throws {
        let debate = try DebateReader().read(
            contentsOf: CorpusFile.path("fresh-parlparse-xml/lords-2009-10-27-written-answers-parlparse.xml"))
        #expect(debate.source.format == .parlParseXML)
        #expect(debate.metadata.title == "House of Lords written answers, 27 October 2009")
        #expect(debate.metadata.house == .lords)
        #expect(debate.metadata.date == .of("2009-10-27"))
        #expect(debate.metadata.type == "Written Answers")
        #expect(debate.metadata.sections.count == 41)
        #expect(debate.metadata.sections.allSatisfy { $0.level == 2 })
        #expect(debate.metadata.sections.first?.title == "Air Quality")
        #expect(debate.metadata.sections.last?.title == "Working Time Directive")

        #expect(debate.turns.count == 41 + 41)
        #expect(debate.turns.allSatisfy { $0.kind == .speech && $0.attribution == .page && !$0.paragraphs.isEmpty })
        #expect(Set(debate.turns.compactMap(\.speaker?.name)).count == 35)
        let first = try #require(debate.turns.first)
        #expect(first.speaker?.name == "Lord Berkeley")
        #expect(first.speaker?.memberId == "uk.org.publicwhip/lord/100042")
        #expect(first.column == "115")
        #expect(first.contributionId == "uk.org.publicwhip/wrans/2009-10-27a.115.1")
        #expect(first.section == 0)
        #expect(debate.turns.last?.speaker?.name == "Lord Young of Norwood Green")

        // In the file every `<ques>` is followed by its `<reply>`: questions are the even turns.
        let questions = debate.turns.filter { $0.index % 2 == 0 }
        #expect(questions.count == 41)
        #expect(questions.allSatisfy { $0.role == .member && $0.roleEvidence.contains { $0.contains("<ques>") } })
        // Every question but one is put to Her Majesty's Government; the Government answers those.
        let replies = debate.turns.filter { $0.index % 2 == 1 }
        #expect(replies.count == 41)
        #expect(replies.filter { $0.role == .minister }.count == 40)
        #expect(
            replies.filter { $0.role == .minister }.allSatisfy { $0.roleEvidence.contains { $0.contains("<reply>") } })
        // "To ask the Chairman of Committees what arrangements …": Lord Brabazon of Tara answers for the House.
        let chairman = try #require(replies.first { $0.speaker?.name == "Lord Brabazon of Tara" })
        #expect(chairman.role == .member)
        #expect(chairman.roleEvidence.contains { $0.contains("the Chairman of Committees, not to the Government") })
        // Each answer follows its question under the same heading.
        for reply in replies { #expect(debate.turns[reply.index - 1].section == reply.section) }

        let ouseley = try #require(
            debate.turns.first { $0.contributionId == "uk.org.publicwhip/wrans/2009-10-27a.144.4" })
        #expect(ouseley.speaker?.name == "Lord Ouseley")
        #expect(
            ouseley.paragraphs == [
                "To ask Her Majesty's Government what assessment they have made of the likelihood of imminent agreement on reform of the European Union working time directive and a phased removal of the opt-out provision applicable across the United Kingdom."
            ])
        let myners = try #require(
            debate.turns.first { $0.contributionId == "uk.org.publicwhip/wrans/2009-10-27a.143.5" })
        #expect(myners.speaker?.name == "Lord Myners")
        #expect(myners.role == .minister)
        #expect(
            myners.paragraphs[1].hasPrefix(
                "The estimated cost of allowing personal tax allowances to be transferred between married couples and civil partners would be \u{A3}4.9 billion for 2009-10"
            ))
    }

    @Test("Commons written answers: <ques> and <reply> with member ids, an answer that is not the Government's")
    func commonsWrittenAnswers() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <publicwhip>
            <major-heading id="uk.org.publicwhip/wrans/2009-10-28a.321W.0" nospeaker="true" colnum="321W">Health</major-heading>
            <minor-heading id="uk.org.publicwhip/wrans/2009-10-28a.321W.1" nospeaker="true" colnum="321W">Influenza</minor-heading>
            <ques id="uk.org.publicwhip/wrans/2009-10-28a.321W.2" speakerid="uk.org.publicwhip/member/1001" \
            speakername="Mr Andrew Lansley" colnum="321W"><p qnum="290001">To ask the Secretary of State for Health how many doses have been ordered.</p></ques>
            <reply id="uk.org.publicwhip/wrans/2009-10-28a.321W.3" speakerid="uk.org.publicwhip/member/1002" \
            speakername="Gillian Merron" colnum="321W"><p>132 million doses.</p><p>Deliveries began this month.</p></reply>
            <major-heading id="uk.org.publicwhip/wrans/2009-10-28a.322W.0" nospeaker="true" colnum="322W">Church Commissioners</major-heading>
            <ques id="uk.org.publicwhip/wrans/2009-10-28a.322W.1" speakerid="uk.org.publicwhip/member/1003" \
            speakername="Mr Frank Field" colnum="322W"><p qnum="290002">To ask the hon. Member for Middlesbrough, representing the Church Commissioners, what the Commissioners' income was.</p></ques>
            <reply id="uk.org.publicwhip/wrans/2009-10-28a.322W.2" speakerid="uk.org.publicwhip/member/1004" \
            speakername="Sir Stuart Bell" colnum="322W"><p>The figures are in the annual report.</p></reply>
            </publicwhip>
            """
        let debate = try DebateReader().read(bytes: Array(xml.utf8), path: "wrans.xml")
        #expect(debate.metadata.title == "House of Commons written answers, 28 October 2009")
        #expect(debate.metadata.house == .commons)
        #expect(debate.metadata.type == "Written Answers")
        #expect(debate.metadata.sections.map(\.title) == ["Health", "Influenza", "Church Commissioners"])
        #expect(
            debate.turns.map(\.speaker?.name) == [
                "Mr Andrew Lansley", "Gillian Merron", "Mr Frank Field", "Sir Stuart Bell",
            ])
        #expect(debate.turns.map(\.role) == [.member, .minister, .member, .member])
        #expect(debate.turns[1].paragraphs == ["132 million doses.", "Deliveries began this month."])
        #expect(debate.turns[1].column == "321W")
        #expect(debate.turns[1].section == 1)
        #expect(
            debate.turns[3].roleEvidence == [
                "ParlParse marks the speech as a <reply> to a question put to the hon. Member for Middlesbrough, not to the Government"
            ])
    }

    @Test("A <reply> in a written ministerial statements file is the minister's")
    func statementReply() throws {
        let xml = """
            <publicwhip>
            <minor-heading id="uk.org.publicwhip/wms/2005-01-10a.1WS.0" nospeaker="true" colnum="1WS">Pensions</minor-heading>
            <ques id="uk.org.publicwhip/wms/2005-01-10a.1WS.1" speakerid="uk.org.publicwhip/member/10" \
            speakername="Mr David Willetts" colnum="1WS"><p>To ask the Secretary of State for Work and Pensions when he will report.</p></ques>
            <reply id="uk.org.publicwhip/wms/2005-01-10a.1WS.2" speakerid="uk.org.publicwhip/member/11" \
            speakername="Malcolm Wicks" colnum="1WS"><p>Shortly.</p></reply>
            </publicwhip>
            """
        let debate = try DebateReader().read(bytes: Array(xml.utf8), path: "wms.xml")
        #expect(debate.metadata.type == "Written ministerial statements")
        #expect(debate.turns.map(\.role) == [.member, .minister])
        #expect(debate.turns[1].roleEvidence == ["ParlParse marks the speech as a <reply>, the Government's answer"])
    }

    // MARK: - Refused XML

    private func temporaryFile(_ bytes: [UInt8], name: String = "page.xml") throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("hansard-parlparse-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    private static let speech = """
        <speech id="uk.org.publicwhip/debate/2009-10-28c.267.7" speakerid="uk.org.publicwhip/member/1654" \
        speakername="Andrew Turner" colnum="267"><p>What assessment &x; she has made</p></speech>
        """

    @Test("An external DTD is refused")
    func externalDTD() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE publicwhip SYSTEM "file:///etc/passwd">
            <publicwhip>\(Self.speech.replacingOccurrences(of: "&x;", with: ""))</publicwhip>
            """
        let path = try temporaryFile(Array(xml.utf8))
        #expect {
            try DebateReader().read(contentsOf: path)
        } throws: { error in
            guard case IngestionError.externalReference(let errorPath, let target) = error else { return false }
            return errorPath == path && target.contains("file:///etc/passwd")
        }
    }

    @Test("An external entity is refused")
    func externalEntity() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE publicwhip [
            <!ENTITY x SYSTEM "http://example.com/x">
            ]>
            <publicwhip>\(Self.speech)</publicwhip>
            """
        let path = try temporaryFile(Array(xml.utf8))
        #expect {
            try DebateReader().read(contentsOf: path)
        } throws: { error in
            guard case IngestionError.externalReference(let errorPath, let target) = error else { return false }
            return errorPath == path && target.contains("http://example.com/x")
        }
    }

    @Test("A ParlParse file cut short is truncated")
    func truncated() throws {
        let whole = try Data(
            contentsOf: URL(fileURLWithPath: CorpusFile.path("parlparse-xml/westminster-hall-2009-10-28-parlparse.xml"))
        )
        let path = try temporaryFile(Array(whole.prefix(whole.count / 2)))
        #expect {
            try DebateReader().read(contentsOf: path)
        } throws: { error in
            guard case IngestionError.truncated(let errorPath, _) = error else { return false }
            return errorPath == path
        }
    }

    @Test("Internal entities of the ISO-8859-1 files are decoded")
    func internalEntities() throws {
        let xml = """
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <!DOCTYPE publicwhip [
            <!ENTITY mdash "&#8212;">
            ]>
            <publicwhip><speech id="uk.org.publicwhip/debate/2009-10-28c.1.1" speakerid="uk.org.publicwhip/member/1" \
            speakername="A Member" colnum="1"><p>Caf\u{E9}&mdash;open</p></speech></publicwhip>
            """
        // Encode as ISO-8859-1: every character above is below U+0100.
        let bytes = xml.unicodeScalars.map { UInt8($0.value) }
        let debate = try DebateReader().read(bytes: bytes, path: "latin1.xml")
        #expect(debate.turns.first?.paragraphs == ["Caf\u{E9}\u{2014}open"])
        #expect(debate.metadata.date == .of("2009-10-28"))
    }
}
