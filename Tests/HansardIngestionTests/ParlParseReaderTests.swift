import Foundation
import HansardIngestion
import HansardTestSupport
import Testing

/// The six TheyWorkForYou/ParlParse files in corpus/parlparse-xml. Every figure below was read off
/// the files: `grep -c "<speech"`, the `nospeaker="true"` speeches, the speakername attributes,
/// the heading elements and the `<division>` elements.
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
        #expect(debate.metadata.date == expected.date)
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
        #expect(debate.turns.contains { $0.kind == .procedural && $0.paragraphs == ["The Minister for the Cabinet Office was asked\u{2014}"] })
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
        let whole = try Data(contentsOf: URL(fileURLWithPath: CorpusFile.path("parlparse-xml/westminster-hall-2009-10-28-parlparse.xml")))
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
        #expect(debate.metadata.date == "2009-10-28")
    }
}
