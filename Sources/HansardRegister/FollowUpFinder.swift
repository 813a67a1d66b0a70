import Foundation
import GRDB
import HansardAnalysis
import HansardIngestion

/// A link the finder proposes, before it is stored.
struct FollowUpCandidate: Sendable {
    var commitment: LinkTarget
    var speech: SpeechRecord
    var quote: String
    var kind: FollowUpKind
    var evidence: String
    var score: Double
    var suggestsFulfilment: Bool

    /// The score as the register stores it: two decimals.
    var storedScore: Double { (score * 100).rounded() / 100 }

    func record() -> FollowUpLinkRecord {
        FollowUpLinkRecord(
            id: ShortID.make("L", [commitment.id, speech.debateId, String(speech.turn)], hexDigits: 10),
            commitmentId: commitment.id, debateId: speech.debateId, turn: speech.turn,
            speakerName: speech.speakerName, quote: quote, kind: kind, evidence: evidence,
            score: storedScore, suggestsFulfilment: suggestsFulfilment, state: .candidate,
            decidedAt: nil, decidedBy: nil)
    }
}

/// What follow-up linking reads of a commitment: the columns it compares, not the whole record.
///
/// At archive scale, reading whole records (37 columns, the analysis's evidence among them) for every commitment
/// in the follow-up window, and copying them into each sentence's pool, was a sixth of `register add`. A class:
/// scoring passes each one around for every sentence that could be about it.
final class LinkTarget: Sendable {
    let id: String
    let debateId: String
    let debateDate: SittingDate?
    let house: House?
    let status: CommitmentStatus
    let subject: String
    let object: String
    let quote: String
    let speakerName: String?
    let department: String?
    let action: CommitmentAction

    /// The commitment columns ``init(texts:)`` reads, in its order, quoted for SQL.
    static let selection = [
        "id", "debateId", "debateDate", "house", "status", "subject", "object", "quote", "speakerName", "department",
        "action",
    ].map { "\"\($0)\"" }.joined(separator: ", ")

    /// Reads a row of ``selection``, checking its values as ``CommitmentRecord`` does.
    init(texts row: [String?]) throws {
        func text(_ index: Int, _ column: String) throws -> String {
            guard index < row.count, let text = row[index] else {
                throw DatabaseError(resultCode: .SQLITE_MISMATCH, message: "commitment.\(column): missing")
            }
            return text
        }
        func value<T: RawRepresentable>(_ index: Int, _ column: String) throws -> T where T.RawValue == String {
            let text = try text(index, column)
            guard let value = T(rawValue: text) else {
                throw DatabaseError(
                    resultCode: .SQLITE_MISMATCH, message: "commitment.\(column): unknown value \(text)")
            }
            return value
        }
        id = try text(0, "id")
        debateId = try text(1, "debateId")
        if let date = row[2] {
            guard let parsed = SittingDate(date) else {
                throw DatabaseError(
                    resultCode: .SQLITE_MISMATCH, message: "commitment.debateDate: \(date) is not a date (yyyy-MM-dd)")
            }
            debateDate = parsed
        } else {
            debateDate = nil
        }
        house = row[3].flatMap(House.init(rawValue:))
        status = try value(4, "status")
        subject = try text(5, "subject")
        object = try text(6, "object")
        quote = try text(7, "quote")
        speakerName = row[8]
        department = row[9]
        action = try value(10, "action")
    }
}

/// Finds speeches in later debates that follow up earlier commitments.
///
/// Two kinds of evidence: an explicit back-reference ("as I promised the noble Lord on 8 March",
/// "I have written to the noble Lord", "[Official Report, 8 March 2023; Vol. 828, c. 1234]"), and the
/// commitment's subject raised again by the same minister or department. Plain text, no markup: the
/// speeches were read by HansardIngestion.
enum FollowUpFinder {
    /// Candidates scoring below this are not kept.
    static let threshold = 0.45

    /// Words that say an undertaking is being referred back to.
    static let promiseCue = try! NSRegularExpression(
        pattern:
            #"\b(as I (promised|undertook|said I would|committed to)|I (promised|undertook|gave an undertaking|committed)( to| that)?|I said (that )?(I|we) would|as promised|the undertaking I gave|my (promise|undertaking|commitment))\b"#,
        options: [.caseInsensitive])
    /// Words that say the thing has been done.
    static let fulfilmentCue = try! NSRegularExpression(
        pattern:
            #"\b((I|we) have (now |today |since |already )?(written|published|placed|laid|deposited|met|announced|issued|sent|made available|set out|reviewed|consulted|launched|introduced)|I wrote to|we (published|wrote|laid|issued|announced)|(has|have) (now |today )?been (published|placed in the Library|laid|deposited|issued|sent)|I am (today |now )?(publishing|placing|laying|announcing|depositing|writing)|I (can|am able to) (now |today )?(confirm|announce|inform|tell))\b"#,
        options: [.caseInsensitive])
    /// `(January|February|…)`: the month names, from the date type's one table.
    static let monthGroup = "(" + SittingDate.monthNames.joined(separator: "|") + ")"
    /// A citation of the Official Report by date, which a later speech uses to point back to an earlier debate.
    ///
    /// "[Official Report, 8 March 2023; Vol. 828, c. 1234]", "[Official Report, House of Lords, 27 March 2023; …]",
    /// "[OFFICIAL REPORT, 26th November, 1914, col. 1389 …]".
    static let officialReport = try! NSRegularExpression(
        pattern:
            #"Official Report,?\s+(?:(House of Lords|House of Commons|Lords|Commons),?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+"#
            + monthGroup + #",?\s+(\d{4})"#,
        options: [.caseInsensitive])
    /// "on 8 March", "On 8th March 2023", "on 26th November, 1914".
    static let onDate = try! NSRegularExpression(
        pattern:
            #"\b(?:[Oo]n|[Oo]f|[Dd]ated) (\d{1,2})(?:st|nd|rd|th)? "# + monthGroup + #"(?:,? (\d{4}))?\b"#,
        options: [])

    /// How long after a commitment a speech may still follow it up: a session or two.
    static let horizonDays = 550

    /// Subjects too general to say two speeches are about the same thing.
    static let genericSubjects: Set<String> = [
        "matter", "matters", "department", "friend", "know", "says", "forward", "wrong", "aspect", "leader",
        "secretary", "interest", "point", "points", "issue", "issues", "case", "question", "house", "member",
        "noble", "lord", "government", "minister", "thing", "things", "way", "time", "report-back", "other",
        "wish", "wishe", "wishes", "view", "views",
    ]

    /// Whether a speech is worth keeping for linking: the Government's (`government`: the analysis's government
    /// turns), or one with a back-reference cue.
    static func isLinkable(_ turn: Turn, government: Set<Int>) -> Bool {
        guard turn.kind == .speech else { return false }
        if turn.role == .minister || government.contains(turn.index) { return true }
        let text = turn.text
        let range = NSRange(text.startIndex..., in: text)
        return promiseCue.firstMatch(in: text, range: range) != nil
            || officialReport.firstMatch(in: text, range: range) != nil
    }

    /// The candidate links from `speeches` (all in one later debate dated `debateDate`) to `commitments`.
    ///
    /// Commitments from the speeches' own debate, or made after it, are never linked.
    static func candidates(
        speeches: [SpeechRecord], debateDate: SittingDate?, house: House?, commitments: [LinkTarget]
    ) -> [FollowUpCandidate] {
        guard !speeches.isEmpty, !commitments.isEmpty else { return [] }
        let eligible = commitments.filter { commitment in
            commitment.status.isOpen && commitment.debateId != speeches[0].debateId
                && isWithinHorizon(commitment.debateDate, before: debateDate)
        }
        guard !eligible.isEmpty else { return [] }
        // The lookups hold positions in `eligible`, so a sentence's pool copies no commitment.
        var byDate: [SittingDate: [Int]] = [:]
        var bySubject: [String: [Int]] = [:]
        var subjects: [String] = []
        subjects.reserveCapacity(eligible.count)
        for (index, commitment) in eligible.enumerated() {
            if let date = commitment.debateDate { byDate[date, default: []].append(index) }
            let key = commitment.subject.lowercased()
            subjects.append(key)
            if key.count >= 4 { bySubject[key, default: []].append(index) }
        }
        // What each commitment is about, in specific terms: its object first, its sentence for names.
        let terms = eligible.map(Self.terms(of:))
        var byName: [String: [Int]] = [:]
        for (index, about) in terms.enumerated() {
            for name in about.names { byName[name, default: []].append(index) }
        }
        // Speeches are scored apart (a candidate is one commitment and one speech), on all cores: `register add`
        // links on its one writing thread, and the analysis of the next pages keeps the other cores only partly busy.
        let index = Index(
            eligible: eligible, terms: terms, subjects: subjects, byDate: byDate, bySubject: bySubject, byName: byName)
        var found = [[FollowUpCandidate]](repeating: [], count: speeches.count)
        found.withUnsafeMutableBufferPointer { results in
            let results = UncheckedResults(base: results.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: speeches.count) { position in
                results.base[position] = candidates(
                    speech: speeches[position], debateDate: debateDate, house: house, index: index)
            }
        }
        return found.flatMap { $0.sorted(by: ranks).prefix(linksPerSpeech) }
            .sorted { ($0.commitment.id, $0.speech.turn) < ($1.commitment.id, $1.speech.turn) }
    }

    /// The open commitments one call of ``candidates(speeches:debateDate:house:commitments:)`` looks among, with
    /// their look-ups by sitting, subject and name (positions in `eligible`).
    struct Index: Sendable {
        var eligible: [LinkTarget]
        var terms: [ContentTerms]
        /// Each commitment's subject, lower-cased.
        var subjects: [String]
        var byDate: [SittingDate: [Int]]
        var bySubject: [String: [Int]]
        var byName: [String: [Int]]
    }

    /// Where each speech's candidates go: one slot per speech, each written by one iteration only.
    private struct UncheckedResults: @unchecked Sendable {
        let base: UnsafeMutablePointer<[FollowUpCandidate]>
    }

    /// The candidates of one speech: for each commitment, its best-scored sentence's.
    static func candidates(speech: SpeechRecord, debateDate: SittingDate?, house: House?, index: Index)
        -> [FollowUpCandidate]
    {
        var best: [String: FollowUpCandidate] = [:]
        var inPool = [Bool](repeating: false, count: index.eligible.count)
        var pool: [Int] = []
        for sentence in sentences(of: speech.text) {
            let lower = sentence.lowercased()
            let range = NSRange(sentence.startIndex..., in: sentence)
            let promise = promiseCue.firstMatch(in: sentence, range: range) != nil
            let fulfilment = fulfilmentCue.firstMatch(in: sentence, range: range) != nil
            let citedDates = citedDates(in: sentence, debateDate: debateDate)
            let mentioned = subjectsMentioned(in: lower, among: index.bySubject)
            let sentenceTerms = ContentTerms(sentence)
            // Commitments the sentence could be about.
            func add(_ positions: [Int]?) {
                for position in positions ?? [] where !inPool[position] {
                    inPool[position] = true
                    pool.append(position)
                }
            }
            for cited in citedDates { add(index.byDate[cited.date]) }
            for subject in mentioned { add(index.bySubject[subject]) }
            for name in sentenceTerms.names { add(index.byName[name]) }
            // Whether the sentence echoes each kind of action, asked once per kind.
            var echoes: [CommitmentAction: Bool] = [:]
            for position in pool {
                inPool[position] = false
                let commitment = index.eligible[position]
                // A citation names a sitting of the House it names, else of the speaker's own House.
                let citation = citedDates.first { cited in
                    guard cited.date == commitment.debateDate else { return false }
                    let citedHouse = cited.house ?? house
                    return citedHouse == nil || commitment.house == nil || citedHouse == commitment.house
                }
                let dateHit = citation != nil
                // Shared specific content: a name the commitment used, or two of its object's content words.
                let (sharedNames, sharedWords) = sentenceTerms.shared(with: index.terms[position])
                let specific = !sharedNames.isEmpty || sharedWords.count >= 2
                let subject = index.subjects[position]
                let subjectHit =
                    (mentioned.contains(subject) && !genericSubjects.contains(subject) || !sharedNames.isEmpty)
                    && specific
                let sameMinister = speech.speakerName != nil && speech.speakerName == commitment.speakerName
                // Departments are canonical names (the analysis's department table), so equal means the same.
                let sameDepartment = speech.department != nil && speech.department == commitment.department
                let echoed: Bool
                if let known = echoes[commitment.action] {
                    echoed = known
                } else {
                    echoed = actionEchoed(commitment.action, in: lower)
                    echoes[commitment.action] = echoed
                }
                // A cited date needs one more sign; a subject needs the same minister or department;
                // a bare "I have written" needs the same minister and the same kind of action.
                let cited = dateHit && (subjectHit || sameMinister || sameDepartment || promise || fulfilment)
                let raisedAgain = subjectHit && (sameMinister || sameDepartment)
                let reported = sameMinister && (promise || fulfilment) && echoed && specific
                guard cited || raisedAgain || reported else { continue }
                let official = citation?.officialReport == true
                var score = 0.0
                if dateHit { score += official ? 0.5 : 0.3 }
                if promise { score += 0.25 }
                if fulfilment { score += 0.2 }
                if subjectHit {
                    score +=
                        0.15 + min(0.2, 0.1 * Double(sharedNames.count)) + min(0.15, 0.05 * Double(sharedWords.count))
                }
                if sameMinister {
                    score += 0.2
                } else if sameDepartment {
                    score += 0.15
                }
                if echoed { score += 0.1 }
                guard score >= threshold else { continue }
                // The evidence in words, only for a pair that is kept.
                var reasons: [String] = []
                if dateHit {
                    reasons.append(
                        official
                            ? "cites the Official Report of \(commitment.debateDate?.description ?? "")"
                            : "refers to \(commitment.debateDate?.description ?? "")")
                }
                if promise { reasons.append("refers back to an undertaking") }
                if fulfilment { reasons.append("says it has been done") }
                if subjectHit {
                    let named = (sharedNames.sorted() + sharedWords.subtracting(sharedNames).sorted()).prefix(5)
                    reasons.append("names the same things (\(named.map { "\"\($0)\"" }.joined(separator: ", ")))")
                }
                if sameMinister {
                    reasons.append("same minister")
                } else if sameDepartment {
                    reasons.append("same department")
                }
                if echoed { reasons.append("same action (\(commitment.action.rawValue))") }
                let explicit = dateHit || promise || fulfilment
                let candidate = FollowUpCandidate(
                    commitment: commitment, speech: speech, quote: sentence,
                    kind: explicit ? .backReference : .sameSubject, evidence: reasons.joined(separator: "; "),
                    score: min(score, 1), suggestsFulfilment: fulfilment && (subjectHit || dateHit || echoed))
                if let existing = best[commitment.id], existing.score >= candidate.score { continue }
                best[commitment.id] = candidate
            }
            pool.removeAll(keepingCapacity: true)
        }
        return Array(best.values)
    }

    /// The most commitments a speech is proposed as the follow-up of.
    ///
    /// A speech that names things many open commitments name (a department's minister on its subject, again) scored
    /// as a candidate for dozens of them, which no one reviewing links can use; the best-evidenced few are the ones
    /// worth a look.
    static let linksPerSpeech = 5

    /// Whether `a` is the better candidate: the higher score as stored (two decimals), then the commitment id in
    /// byte order, as the register ranks the links it keeps (``Register`` prunes by the same order).
    static func ranks(_ a: FollowUpCandidate, before b: FollowUpCandidate) -> Bool {
        let (x, y) = (a.storedScore, b.storedScore)
        if x != y { return x > y }
        return a.commitment.id.utf8.lexicographicallyPrecedes(b.commitment.id.utf8)
    }

    /// A speech by its debate and turn.
    struct SpeechKey: Hashable {
        var debateId: String
        var turn: Int
    }

    /// A commitment's specific terms for linking: its object's, with the names its sentence uses.
    ///
    /// Remembered across calls by commitment id (and checked against the text they were read from, which a
    /// correction changes): adding an archive asks again for every commitment in the window with each new debate.
    static func terms(of commitment: LinkTarget) -> ContentTerms {
        if let known = termsCache.terms(of: commitment) { return known }
        var about = ContentTerms(commitment.object)
        about.names.formUnion(ContentTerms(commitment.quote).names)
        termsCache.remember(about, for: commitment)
        return about
    }

    private static let termsCache = TermsCache()

    /// Whether a commitment made on `commitmentDate` may be followed up in a debate on `debateDate`.
    static func isWithinHorizon(_ commitmentDate: SittingDate?, before debateDate: SittingDate?) -> Bool {
        guard let commitmentDate, let debateDate else { return true }
        let days = CalendarDate.days(from: commitmentDate, to: debateDate)
        return days >= 0 && days <= horizonDays
    }

    /// The lower-cased n-grams (1 to 4 words) of the sentence that are commitment subjects.
    static func subjectsMentioned(in lower: String, among bySubject: [String: [Int]]) -> Set<String> {
        let words = lower.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "'") })
            .map(String.init)
        var found = Set<String>()
        for start in words.indices {
            var phrase = ""
            for length in 0..<4 where start + length < words.count {
                phrase += (length == 0 ? "" : " ") + words[start + length]
                if bySubject[phrase] != nil { found.insert(phrase) }
                // Plurals: "inquests" mentions the subject "inquest".
                if phrase.hasSuffix("s"), bySubject[String(phrase.dropLast())] != nil {
                    found.insert(String(phrase.dropLast()))
                }
            }
        }
        return found
    }

    static func actionEchoed(_ action: CommitmentAction, in lower: String) -> Bool {
        let stems: [String]
        switch action {
        case .write: stems = ["written", "wrote", "writing", "letter"]
        case .publish: stems = ["publish"]
        case .placeInLibrary: stems = ["library"]
        case .meet: stems = ["met ", "meeting", "meet "]
        case .consider: stems = ["consider"]
        case .review: stems = ["review"]
        case .legislate: stems = ["legislat", "bill", "regulation"]
        case .consult: stems = ["consult"]
        case .reportBack: stems = ["report"]
        case .respond: stems = ["respon", "reply", "replied"]
        case .other: stems = []
        }
        return stems.contains { lower.contains($0) }
    }

    /// A sitting a sentence refers to.
    struct CitedDate: Sendable, Hashable {
        var date: SittingDate
        /// Cited as the Official Report, not just named.
        var officialReport: Bool
        /// The House the citation names ("Official Report, House of Lords, …"), if it names one.
        var house: House?
    }

    /// The dates a sentence cites, resolved against the debate's date for "on 8 March" without a year.
    static func citedDates(in sentence: String, debateDate: SittingDate?) -> [CitedDate] {
        var cited: [CitedDate] = []
        let range = NSRange(sentence.startIndex..., in: sentence)
        for match in officialReport.matches(in: sentence, range: range) {
            if let date = date(match, in: sentence, debateDate: debateDate, firstGroup: 2) {
                let named = group(1, of: match, in: sentence)?.lowercased()
                let house: House? = named.map { $0.hasSuffix("lords") ? .lords : .commons }
                cited.append(CitedDate(date: date, officialReport: true, house: house))
            }
        }
        for match in onDate.matches(in: sentence, range: range) {
            if let date = date(match, in: sentence, debateDate: debateDate, firstGroup: 1),
                !cited.contains(where: { $0.date == date })
            {
                cited.append(CitedDate(date: date, officialReport: false, house: nil))
            }
        }
        return cited
    }

    private static func group(_ index: Int, of match: NSTextCheckingResult, in text: String) -> String? {
        guard match.numberOfRanges > index, let range = Range(match.range(at: index), in: text) else { return nil }
        return String(text[range])
    }

    /// The date in groups `firstGroup` (day), `firstGroup + 1` (month) and `firstGroup + 2` (year, optional).
    private static func date(
        _ match: NSTextCheckingResult, in text: String, debateDate: SittingDate?, firstGroup: Int
    ) -> SittingDate? {
        guard let day = group(firstGroup, of: match, in: text).flatMap({ Int($0) }),
            let month = group(firstGroup + 1, of: match, in: text).flatMap({ SittingDate.month(named: $0) })
        else { return nil }
        var year = group(firstGroup + 2, of: match, in: text).flatMap { Int($0) }
        if year == nil, let debateDate {
            // "on 8 March" said in a debate means the latest 8 March on or before the debate.
            let onOrBefore = (month, day) <= (debateDate.month, debateDate.day)
            year = onOrBefore ? debateDate.year : debateDate.year - 1
        }
        guard let year else { return nil }
        return SittingDate(year: year, month: month, day: day)
    }

    /// A speech's sentences, split as the analysis splits them.
    static func sentences(of text: String) -> [String] { Sentences.texts(of: text) }
}

/// The terms ``FollowUpFinder/terms(of:)`` has read, by commitment id.
///
/// One process links one debate at a time (the register's writer), but nothing stops two registers being written
/// from two threads, so it is locked. Bounded: past `limit` entries it starts again.
private final class TermsCache: @unchecked Sendable {
    private struct Entry {
        var object: String
        var quote: String
        var terms: ContentTerms
    }
    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private let limit = 50_000

    func terms(of commitment: LinkTarget) -> ContentTerms? {
        lock.withLock {
            guard let entry = entries[commitment.id], entry.object == commitment.object,
                entry.quote == commitment.quote
            else { return nil }
            return entry.terms
        }
    }

    func remember(_ terms: ContentTerms, for commitment: LinkTarget) {
        lock.withLock {
            if entries.count >= limit { entries.removeAll(keepingCapacity: true) }
            entries[commitment.id] = Entry(object: commitment.object, quote: commitment.quote, terms: terms)
        }
    }
}
