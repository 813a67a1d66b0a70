import Foundation
import HansardIngestion
import HansardTestSupport
import Testing

@testable import HansardAnalysis

/// The speaker rules' pre-test, held to ICU.
///
/// The rules skip a regular expression when the text lacks letters the pattern cannot match without. These tests hold that pre-test to what ICU itself says, so that it can only save time, never change a result.
@Suite("Pattern pre-test")
struct PatternPreTestTests {
    @Test(
        "the required runs are read from the pattern's structure",
        arguments: [
            (#"\bMinister\b"#, ["minister"]),
            (#"\bspokes(?:man|woman|person)\b"#, ["spokes"]),
            (#"\bcolou?r\b"#, ["colo"]),
            (#"\b[Ff]riend,?\s+the\s+Secretary\s+of\s+State\b"#, ["secretary"]),
            (#"^\s*Moved\s+[Bb]y\s+(.+?)\s*$"#, ["moved"]),
            (#"^The\s+Lord\s+Chancellor\s+\(in the chair\)"#, ["(in the chair)"]),
            (#"\bChancellor of the (?:Exchequer|Duchy)\b"#, ["chancellor of the "]),
            (#"\bCOP26 President\b"#, ["cop26 president"]),
            (#"Mr\.?\s+Speaker"#, ["speaker"]),
            (#"a{0,2}bcd"#, ["bcd"]),
            (#"xyy+z"#, ["xyy"]),
            // A group every match passes through, better than the common word beside it.
            (#"\b(?:thank|grateful\s+to|welcome)\s+the\b"#, ["thank", "grateful", "welcome"]),
            (#"(?:will|shall)"#, ["will", "shall"]),
            (#"\bwhen\s+I\s+was\b|\bformer\b"#, ["when", "former"]),
            (#"(?<verb>publish|lay)\s+(?:it|them)"#, ["publish", "lay"]),
        ])
    func requiredRuns(source: String, expected: [String]) {
        #expect(RequiredLiteral.of(source).map { Set($0) } == Set(expected.map { Array($0.utf8) }))
    }

    @Test(
        "nothing is required where a match can avoid every run",
        arguments: [
            #"\bI\b|\bwe\b"#, #"\bmy\b"#, #"[a-z]+\s+\w+"#, #"\Qwill\E"#, #"(?:back\s+)?ho"#,
            #"(?=will)\w+"#, #"(?:will|)\s+go"#, #"\bon\s+(?-i:[A-Z])\w*"#,
        ])
    func nothingRequired(source: String) {
        #expect(RequiredLiteral.of(source) == nil)
    }

    /// Every bundled speaker pattern, on every paragraph of three corpus days of different Houses and formats:
    /// the pattern (with its pre-test) and the rule's alternation agree with ICU run on the bare source.
    @Test("a pattern of one branch requires every run and group in it; an alternation, one of its runs")
    func allRequirements() {
        func words(_ source: String) -> [[String]] {
            RequiredLiteral.all(source).map { $0.map { String(decoding: $0, as: UTF8.self) } }
        }
        let time = words(#"\bwe\s+have\s+time\s+for\b"#)
        #expect(Set(time.flatMap { $0 }) == ["have", "time", "for"])
        #expect(time.allSatisfy { $0.count == 1 })
        #expect(time.last == ["for"])
        let government = words(
            #"\bthe\s+Government\s+amendments?\s+(?:in\s+my\s+name|that\s+I\s+(?:have\s+)?(?:tabled|moved))\b"#)
        // Each run ends at `\s+`; the group needs one of its branches' best runs ("name", or "tabled"/"moved",
        // which are longer than "that").
        #expect(government == [["government"], ["amendment"], ["name", "tabled", "moved"], ["the"]])
        #expect(words(#"\bwhen\s+I\s+was\b|\bformer\b"#) == [["when", "former"]])
        #expect(words(#"\bI\b|\bwe\b"#).isEmpty)
        // The pre-test asks for all of them: a text with "have" and "for" but not "time" is ruled out.
        let pattern = try! Pattern(#"\bwe\s+have\s+time\s+for\b"#, rulesPath: "test")
        #expect(!pattern.mayMatch(LowercasedBytes("We have waited for this")))
        #expect(pattern.mayMatch(LowercasedBytes("We have time for one more")))
        #expect(pattern.matches("We have time for one more"))
    }

    @Test("bundled patterns match exactly as ICU does")
    func bundledPatternsAgreeWithICU() throws {
        let rules = try CompiledRules.bundled()
        let lists: [PatternList] = [
            rules.governmentOffices, rules.nonGovernmentOffices, rules.chairNames, rules.tabledQuestions,
            rules.chairActs, rules.chairCallsGovernment, rules.chairCallsNonGovernment,
            rules.addressedAsMinisterBefore, rules.statementThanks, rules.statementOpenings, rules.thirdPersonMinister,
            rules.thirdPersonMinisterExceptions, rules.withdrawals, rules.governmentSelf,
            rules.governmentSelfExceptions,
            rules.oppositionSelf, rules.lordsQuestionTimeManagement, rules.departmentSelf, rules.departmentAddressed,
        ]
        let pages = [
            "parlparse-xml/lords-2009-10-26-daylord-parlparse.xml",
            "hansard-modern-html/commons-2022-06-15-oral-answers-to-questions.html",
            "hansard-modern-html/commons-1963-03-21-oral-answers-to-questions.html",
        ]
        var texts: [String] = []
        for page in pages {
            let debate = try DebateReader().read(contentsOf: CorpusFile.path(page))
            texts += debate.turns.flatMap(\.paragraphs)
        }
        #expect(texts.count > 1_000)
        var withRun = 0
        var matched = 0
        for list in lists {
            let bare = try list.map { try NSRegularExpression(pattern: $0.source, options: [.caseInsensitive]) }
            withRun += list.filter { !$0.requirements.isEmpty }.count
            for text in texts {
                let whole = NSRange(location: 0, length: text.utf16.count)
                let truths = bare.map { $0.firstMatch(in: text, range: whole) != nil }
                matched += truths.filter { $0 }.count
                for (pattern, truth) in zip(list, truths) where pattern.matches(text) != truth {
                    Issue.record("\(pattern.source) on \(text.prefix(80))…: ICU says \(truth)")
                }
                #expect(list.anyMatches(text) == truths.contains(true))
            }
        }
        // The test means something only if most patterns have a run and many paragraphs match.
        #expect(withRun > 100)
        #expect(matched > 500)
    }

    @Test("a needle is found wherever it is in the lower-cased bytes, and nowhere else")
    func needleSearch() {
        let texts = [
            "The Minister will publish the GUIDANCE shortly.", "minister", "Ministers' “replies”—in full", "", "ab",
            "Secretary of State for Foreign, Commonwealth and Development Affairs", "ÉCOLE ÉCOLE école",
        ]
        // Every run of three to nine bytes of each text, and runs the texts lack, including ones whose byte pairs
        // all occur in the text but not together ("ministerx", "the minister will publish the guidancf").
        var needles: Set<[UInt8]> = [Array("ministerx".utf8), Array("the minister will publish the guidancf".utf8)]
        for text in texts {
            let bytes = Array(text.lowercased().utf8)
            for length in 3...9 where bytes.count >= length {
                for start in 0...(bytes.count - length) { needles.insert(Array(bytes[start..<start + length])) }
            }
        }
        needles.insert(Array("xyz".utf8))
        needles.insert(Array("nim".utf8))
        var found = 0
        for text in texts {
            let folded = LowercasedBytes(text)
            let reference = Array(text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
            for needle in needles {
                let truth =
                    reference.count >= needle.count
                    && (0...(reference.count - needle.count)).contains {
                        reference[$0..<$0 + needle.count].elementsEqual(needle)
                    }
                if truth { found += 1 }
                #expect(folded.containsAny([needle]) == truth, "\(String(decoding: needle, as: UTF8.self)) in \(text)")
            }
            #expect(folded.containsAny([Array("xyz".utf8), Array("nim".utf8)]) == false)
        }
        #expect(found > 200)
    }
}
