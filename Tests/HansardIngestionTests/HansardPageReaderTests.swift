import Foundation
@testable import HansardIngestion
import HansardTestSupport
import Testing

/// What each saved hansard.parliament.uk page says, read off the page source by hand.
///
/// Speech counts: every contribution on these pages is one `<div class="contribution"` block, so
/// `grep -c 'class="contribution"' corpus/hansard-modern-html/<file>` counts them (206, 174, 203, 153, 41, 145).
/// Question numbers ("1.", "Q1.") sit in `debate-item-otherdebateitem` blocks and are not turns.
/// Distinct speakers: the names in the `primary-text` lines, where an office line ("The Prime Minister")
/// counts as the name the page gives its holder in `secondary-text` ("(Mr. Harold Macmillan)").
/// Sections: the `<h2>` headings inside `div.child-debate` blocks.
struct PageFacts: Sendable, CustomTestStringConvertible {
    var file: String
    var title: String
    var date: String
    var volume: String
    var type: String
    var speeches: Int
    var distinctSpeakers: Int
    var firstSpeaker: String
    var lastSpeaker: String
    var sections: Int
    /// One paragraph, verbatim, typographic characters and all.
    var paragraph: String
    /// The first paragraph of a procedural item, where the page has one.
    var procedural: String?

    var testDescription: String { file }
}

@Suite("hansard.parliament.uk pages")
struct HansardPageReaderTests {
    static let pages: [PageFacts] = [
        PageFacts(
            file: "commons-1961-07-18-oral-answers-to-questions.html", title: "Oral Answers To Questions",
            date: "1961-07-18", volume: "644", type: "Oral Answers To Questions", speeches: 206,
            distinctSpeakers: 59, firstSpeaker: "Mr. R. Harris", lastSpeaker: "Mr. Harold Macmillan", sections: 32,
            paragraph: "May I raise a short point of order, Mr. Speaker? Yesterday I put a Question to the Minister of"
                + " Aviation—Question No. 36—which is recorded in the OFFICIAL REPORT with the words:",
            procedural: "Following are the lists:"),
        PageFacts(
            file: "commons-1962-07-05-oral-answers-to-questions.html", title: "Oral Answers To Questions",
            date: "1962-07-05", volume: "662", type: "Oral Answers To Questions", speeches: 174,
            distinctSpeakers: 53, firstSpeaker: "Mr. G. M. Thomson", lastSpeaker: "Mr. Harold Macmillan",
            sections: 31,
            paragraph: "I really do not think it fair of the hon. Member to suggest that the contribution we have"
                + " already made—£92 million, with the further loan of £13 million now under negotiation—is"
                + " inadequate, having regard to our resources and the many other demands put upon us. Nor do I"
                + " think it reasonable to compare our contribution with that of the United States, whose resources"
                + " are much greater and who attach just as much importance to the stability of India as we do.",
            procedural: nil),
        PageFacts(
            file: "commons-1963-03-21-oral-answers-to-questions.html", title: "Oral Answers To Questions",
            date: "1963-03-21", volume: "674", type: "Oral Answers To Questions", speeches: 203,
            distinctSpeakers: 63, firstSpeaker: "Miss Quennell", lastSpeaker: "Mr. Harold Macmillan", sections: 28,
            paragraph: "and this is Professor Hoyle's remark—", procedural: nil),
        PageFacts(
            file: "commons-1980-04-24-oral-answers-to-questions.html", title: "Oral Answers To Questions",
            date: "1980-04-24", volume: "983", type: "Oral Answers To Questions", speeches: 153,
            // 58 printed names, but "Mr." and "Lawson" are one name split by the archive conversion.
            distinctSpeakers: 57, firstSpeaker: "Mr. Richard Wainwright", lastSpeaker: "Mrs. Margaret Thatcher",
            sections: 17,
            paragraph: "Will my hon. Friend confirm that many of those windfall profits go back into industry and are"
                + " of benefit to it? May I press my hon. Friend further about the differential rates which I"
                + " earlier proposed? They may well be used by and be made available to industry. Is it not correct"
                + " that many of the countries with which we compete—including some of our European colleagues—are"
                + " adopting differential interest rates for the benefit of their industries?",
            procedural: nil),
        PageFacts(
            file: "commons-1997-05-21-engagements.html", title: "Engagements", date: "1997-05-21", volume: "294",
            type: "Oral Answers To Questions", speeches: 41, distinctSpeakers: 20, firstSpeaker: "Mr. Ian Taylor",
            lastSpeaker: "Mr. Tony Blair", sections: 0,
            paragraph: "To ask the Prime Minister if he will list his official engagements for Wednesday 21 May. [340]",
            procedural: nil),
        PageFacts(
            file: "commons-2022-06-15-oral-answers-to-questions.html", title: "Oral Answers to Questions",
            date: "2022-06-15", volume: "716", type: "Oral Answers to Questions", speeches: 145,
            // The last contribution is printed "Madam Deputy Speaker", linked to member 390, whom the page
            // names "Madam Deputy Speaker (Dame Rosie Winterton)" earlier.
            distinctSpeakers: 49, firstSpeaker: "John Mc Nally", lastSpeaker: "Dame Rosie Winterton", sections: 10,
            paragraph: "The UN Secretary-General has called investment in new fossil fuel production and power plants"
                + " “moral and economic madness”. The European Parliament has objected to plans to include gas in"
                + " the definition of sustainable energy. Surely the COP26 President must agree that the Westminster"
                + " Government are making a mockery of their presidency at COP. Not only have they increased support"
                + " for fossil fuels, but their renewables policy is disguising billions in subsidies for biomass."
                + " How does he square the Government’s plans with the UK’s COP26 commitment and with the views of"
                + " his possible future boss?",
            procedural: "The President of COP26 was asked—"),
    ]

    static func read(_ file: String) throws -> Debate {
        try DebateReader().read(contentsOf: CorpusFile.path("hansard-modern-html/\(file)"))
    }

    static func bytes(_ file: String) throws -> String {
        try String(contentsOfFile: CorpusFile.path("hansard-modern-html/\(file)"), encoding: .utf8)
    }

    @Test("Each page's metadata, turns, speakers and text", arguments: pages)
    func page(_ facts: PageFacts) throws {
        let debate = try Self.read(facts.file)
        #expect(debate.source.format == .hansardHTML)
        #expect(debate.metadata.title == facts.title)
        #expect(debate.metadata.house == .commons)
        #expect(debate.metadata.date?.description == facts.date)
        #expect(debate.metadata.volume == facts.volume)
        #expect(debate.metadata.type == facts.type)
        #expect(debate.metadata.sections.count == facts.sections)
        let speeches = debate.speeches
        #expect(speeches.count == facts.speeches)
        #expect(Set(speeches.compactMap { $0.speaker?.name }).count == facts.distinctSpeakers)
        #expect(speeches.first?.speaker?.name == facts.firstSpeaker)
        #expect(speeches.last?.speaker?.name == facts.lastSpeaker)
        #expect(debate.turns.contains { $0.paragraphs.contains(facts.paragraph) })
        let procedural = debate.turns.filter { $0.kind == .procedural }
        if let expected = facts.procedural {
            let item = try #require(procedural.first { $0.paragraphs.first == expected })
            #expect(item.speaker == nil)
            #expect(item.role == .unknown)
        } else {
            #expect(procedural.isEmpty)
        }
        #expect(debate.turns.enumerated().allSatisfy { $0.offset == $0.element.index })
        #expect(debate.turns.allSatisfy { !$0.paragraphs.isEmpty && !$0.paragraphs.contains("") })
    }

    @Test("The canonical URL comes from og:url without the doubled slash")
    func canonicalURL() throws {
        let debate = try Self.read("commons-2022-06-15-oral-answers-to-questions.html")
        #expect(
            debate.metadata.url
                == "https://hansard.parliament.uk/Commons/2022-06-15/debates/20D19FB5-2111-49A8-94A1-9E43AAC5CD38/OralAnswersToQuestions"
        )
    }

    @Test("A modern contribution: member id, constituency, party, column, time stamp, id")
    func modernContribution() throws {
        let debate = try Self.read("commons-2022-06-15-oral-answers-to-questions.html")
        // <div class="contribution" data-contribution-id="488898C9-…"> … memberId=4424 … (Falkirk) (SNP)
        let first = try #require(debate.speeches.first)
        #expect(first.contributionId == "488898C9-AEBB-42D5-BD94-3CCA0D48EEAE")
        #expect(
            first.speaker == Speaker(name: "John Mc Nally", memberId: "4424", party: "SNP", constituency: "Falkirk"))
        #expect(first.role == .member)
        #expect(first.roleConfidence == 0.8)
        #expect(first.attribution == .page)
        #expect(first.section == 1)
        #expect(debate.metadata.sections[1] == Section(index: 1, title: "Fossil Fuel Industry", level: 2))
        #expect(debate.metadata.sections[0] == Section(index: 0, title: "COP26", level: 1))
        #expect(
            first.paragraphs == [
                "1. What recent assessment he has made of the role of the fossil fuel industry in meeting the UK’s"
                    + " COP26 climate commitments. (900521)"
            ])
        // Its second question is timed "15/06/2022 11:34:45" and comes before the column 272 marker.
        let timed = try #require(debate.speeches.first { $0.contributionId == "2482821C-1F33-4DAA-8FBD-19C6F02DBB8B" })
        #expect(timed.time == "11:34:45")
        #expect(timed.column == "271")
        let after = try #require(debate.speeches.first { $0.contributionId == "744C97D4-5D30-4BDB-9476-659C60695585" })
        #expect(after.column == "272")
    }

    @Test("Office lines make ministers and chairs; the same member later keeps the role")
    func roles() throws {
        let debate = try Self.read("commons-2022-06-15-oral-answers-to-questions.html")
        let president = try #require(debate.speeches.first { $0.speaker?.office == "The COP26 President" })
        #expect(president.speaker?.name == "Alok Sharma")
        #expect(president.speaker?.memberId == "4014")
        #expect(president.role == .minister)
        #expect(president.roleConfidence == 1)
        // "Alok Sharma" alone, linked to member 4014: the office comes from the other turn.
        let plain = try #require(
            debate.speeches.first { $0.speaker?.name == "Alok Sharma" && $0.speaker?.office == nil })
        #expect(plain.role == .minister)
        #expect(plain.roleConfidence < 1)
        #expect(!plain.roleEvidence.isEmpty)
        let speaker = try #require(debate.speeches.first { $0.speaker?.name == "Mr Speaker" })
        #expect(speaker.role == .chair)
        #expect(speaker.roleConfidence == 1)
        #expect(speaker.speaker?.memberId == "467")
        let pm = debate.speeches.filter { $0.speaker?.office == "The Prime Minister" }
        #expect(!pm.isEmpty)
        #expect(pm.allSatisfy { $0.role == .minister && $0.speaker?.name == "Boris Johnson" })
    }

    @Test("Archive pages: office lines without member ids, bare offices named from the first")
    func archiveOffices() throws {
        let debate = try Self.read("commons-1997-05-21-engagements.html")
        #expect(debate.turns.allSatisfy { $0.speaker?.memberId == nil })
        // "The Prime Minister (Mr. Tony Blair)" once, then "The Prime Minister" 18 times.
        let pm = debate.speeches.filter { $0.speaker?.office == "The Prime Minister" }
        #expect(pm.count == 19)
        #expect(
            pm.allSatisfy { $0.speaker?.name == "Mr. Tony Blair" && $0.role == .minister && $0.roleConfidence == 1 })
        let chair = try #require(debate.speeches.first { $0.speaker?.name == "Madam Speaker" })
        #expect(chair.role == .chair)
        #expect(chair.paragraphs == ["Order."])

        let science = try Self.read("commons-1961-07-18-oral-answers-to-questions.html")
        let secretary = try #require(
            science.speeches.first { $0.speaker?.office != nil && $0.speaker?.office != "The Prime Minister" })
        #expect(secretary.speaker?.office == "The Parliamentary Secretary for Science")
        #expect(secretary.speaker?.name == "Mr. Denzil Freeth")
        #expect(secretary.role == .minister)
    }

    @Test("Loose text after a nested <p> or a <blockquote> is kept as paragraphs")
    func looseText() throws {
        // 1997: <p class="">I warmly welcome … political virginity.<p></p> Will the Prime Minister agree today …</p>
        // libxml2 closes the outer <p> at the inner one, so the second sentence sits loose in div.content.
        let engagements = try Self.read("commons-1997-05-21-engagements.html")
        let taylor = try #require(engagements.speeches.first { $0.speaker?.name == "Mr. Taylor" })
        #expect(taylor.paragraphs.count == 2)
        #expect(
            taylor.paragraphs.last
                == "Will the Prime Minister agree today to compensate pensioners for any damage done to pension funds"
                + " as a result of the windfall tax and changes in advance corporation tax which he might propose?")

        // 1961: text after a <blockquote> inside a <p>.
        let science = try Self.read("commons-1961-07-18-oral-answers-to-questions.html")
        let harris = try #require(science.speeches.first)
        #expect(
            harris.paragraphs == [
                "May I raise a short point of order, Mr. Speaker? Yesterday I put a Question to the Minister of"
                    + " Aviation—Question No. 36—which is recorded in the OFFICIAL REPORT with the words:",
                "\"Mr. Harris asked the Minister of Aviation\".",
                "Could I have it made clear which Mr. Harris it is? The House is fortunate, or perhaps unfortunate,"
                    + " in having two of us. Is it possible to put in \"Mr. Reader Harris\"?",
            ])
        // 1963: text between two blockquotes, with an in-text column marker (568) in the same speech's page.
        let finance = try Self.read("commons-1963-03-21-oral-answers-to-questions.html")
        let pm = try #require(
            finance.speeches.first { $0.paragraphs.contains("and this is Professor Hoyle's remark—") })
        #expect(
            pm.paragraphs.last
                == "It seems to me that that is what has happened. In fairness to the American Government, I should say"
                + " that as soon as they discovered that the first test on 9th July had a greater radiation than was"
                + " predicted the subsequent tests were changed and were made at lower altitudes and had lower yields.")
    }

    @Test("An honorific split off by the archive conversion joins the next speaker's name")
    func splitHonorific() throws {
        // <p>Mr.</p> in an other-debate-item, then a contribution by "Lawson".
        let debate = try Self.read("commons-1980-04-24-oral-answers-to-questions.html")
        let turn = try #require(debate.speeches.first { $0.contributionId == "06bfc7eb-d63b-4e4a-b4ec-f64fbdbcd222" })
        #expect(turn.speaker?.name == "Mr. Lawson")
        #expect(!debate.turns.contains { $0.paragraphs == ["Mr."] })
        #expect(!debate.speeches.contains { $0.speaker?.name == "Lawson" })
        // The in-text marker <span data-column-number="689"> falls inside this answer: it starts in 688.
        #expect(turn.column == "688")
    }

    @Test("Page chrome never reaches the output")
    func noChrome() throws {
        for facts in Self.pages {
            let debate = try Self.read(facts.file)
            let text = debate.turns.map(\.text).joined(separator: "\n")
            for chrome in [
                "Copy link", "Share this specific contribution", "Cookie settings", "__CF$cv$params", "Back to top",
            ] {
                #expect(!text.contains(chrome), "\(facts.file) contains \(chrome)")
            }
        }
    }

    @Test("A hansard.parliament.uk page without contributions is not a debate")
    func noContributions() throws {
        let page = try Self.bytes("commons-2022-06-15-oral-answers-to-questions.html")
        // Cut everything from the first debate item list to the side column: the page keeps its head,
        // banner and footer but loses every contribution.
        let start = try #require(page.range(of: "<div class=\"child-debate-list\">"))
        let end = try #require(page.range(of: "<div class=\"col-lg-3 secondary-content\">"))
        let emptied = String(page[..<start.lowerBound]) + String(page[end.lowerBound...])
        #expect(!emptied.contains("class=\"contribution\""))
        let path = "emptied-debate.html"
        do {
            _ = try DebateReader().read(bytes: Array(emptied.utf8), path: path)
            Issue.record("an emptied page was read as a debate")
        } catch {
            guard case .notADebate(let errorPath, let reason) = error else {
                Issue.record("expected notADebate, got \(error)")
                return
            }
            #expect(errorPath == path)
            #expect(reason.contains("no member contributions"))
            #expect(reason.contains("Oral Answers to Questions"))
        }

        // The same page as a search results page (og:url under /search/) is not recognised at all.
        let search = emptied.replacingOccurrences(
            of:
                "https://hansard.parliament.uk//Commons/2022-06-15/debates/20D19FB5-2111-49A8-94A1-9E43AAC5CD38/OralAnswersToQuestions",
            with: "https://hansard.parliament.uk/search/Debates?searchTerm=windfall")
        #expect(search != emptied)
        #expect {
            _ = try DebateReader().read(bytes: Array(search.utf8), path: "search.html")
        } throws: { error in
            guard let error = error as? IngestionError, case .notADebate = error else { return false }
            return true
        }
    }

    /// Whether the streaming reader takes the page as a hansard.parliament.uk debate, from its head.
    static func recognises(_ bytes: [UInt8], path: String) throws -> Bool {
        let reader = HansardPageReader(forced: false)
        guard case .read = try MarkupStream.readHTML(bytes, path: path, into: reader) else { return false }
        return reader.isHansardPage
    }

    @Test("Only hansard.parliament.uk debates are read as such; other pages are left to the other readers")
    func recognition() throws {
        for facts in Self.pages {
            let bytes = Array(try Self.bytes(facts.file).utf8)
            #expect(try Self.recognises(bytes, path: facts.file))
        }
        let others = [
            "historic-hansard-html/commons-1915-03-03-aliens.html",
            "historic-hansard-html/lords-1915-02-10-alien-enemies.html",
            "publications-html/commons-2011-07-19-publications-oral-answers-EXCERPT.html",
            "publications-html/lords-2011-01-11-publications-daily-part1-TRIMMED.html",
        ]
        for other in others {
            let bytes = Array(try String(contentsOfFile: CorpusFile.path(other), encoding: .utf8).utf8)
            #expect(try !Self.recognises(bytes, path: other), "\(other)")
        }
    }

    @Test("A Cloudflare-protected e-mail link in a speech reads as the address")
    func cloudflareEmail() throws {
        let page = try Self.bytes("commons-1997-05-21-engagements.html")
        // Cloudflare serves addresses as a hex string XORed with its first byte (here 0x5a);
        // 5a39363f… decodes to clerks@parliament.uk.
        let link =
            "<a href=\"/cdn-cgi/l/email-protection\" class=\"__cf_email__\""
            + " data-cfemail=\"5a39363f2831291a2a3b2836333b373f342e742f31\">[email&#160;protected]</a>"
        let original = "<p class=\"\">Reading.</p>"
        #expect(page.contains(original))
        let edited = page.replacingOccurrences(of: original, with: "<p class=\"\">Write to \(link) today.</p>")
        let debate = try DebateReader().read(bytes: Array(edited.utf8), path: "edited.html")
        #expect(debate.turns.contains { $0.paragraphs == ["Write to clerks@parliament.uk today."] })
        #expect(!debate.turns.contains { $0.text.contains("protected]") })
    }

    @Test(
        "An item's text is that of its first <div id>, wherever the div sits; a protected link's code may sit below it")
    func itemHolders() throws {
        let page = try Self.bytes("commons-1997-05-21-engagements.html")
        let wrapper = "<div class=\"debate-item debate-item-contributiondebateitem\">"
        let first = try #require(page.range(of: wrapper))
        // Text before the holder and after it is the item's but not the holder's, and is not read; the
        // holder sits inside a <noscript>, whose text a flow would skip. The contribution after the item is
        // still read.
        let item =
            "<div class=\"debate-item debate-item-otherdebateitem\"><em>Lead</em> words"
            + "<noscript><div id=\"contribution-X1\"><p>Held <b>text</b></p><p>Second</p></div></noscript> tail</div>"
        // A protected link with no fragment: the code is in the span below it; one with none is lost.
        let links =
            "<div class=\"debate-item debate-item-otherdebateitem\"><div id=\"X2\"><p>Mail"
            + " <a href=\"/cdn-cgi/l/email-protection\"><i><span data-cfemail=\"5a39363f2831291a2a3b2836333b373f342e742f31\">"
            + "[email&#160;protected]</span></i></a> or <a href=\"/cdn-cgi/l/email-protection\">lost</a>.</p></div></div>"
        var edited = page
        edited.insert(contentsOf: item + links, at: first.lowerBound)
        let before = try DebateReader().read(bytes: Array(page.utf8), path: "page.html")
        let debate = try DebateReader().read(bytes: Array(edited.utf8), path: "edited.html")
        let held = try #require(debate.turns.first { $0.contributionId == "X1" })
        #expect(held.kind == .procedural)
        #expect(held.paragraphs == ["Held text", "Second"])
        let mail = try #require(debate.turns.first { $0.contributionId == "X2" })
        #expect(mail.paragraphs == ["Mail clerks@parliament.uk or [e-mail address hidden by Cloudflare]."])
        // Everything else is as before: two more turns, the same speeches.
        #expect(debate.turns.count == before.turns.count + 2)
        #expect(debate.speeches.map(\.paragraphs) == before.speeches.map(\.paragraphs))
    }
}
