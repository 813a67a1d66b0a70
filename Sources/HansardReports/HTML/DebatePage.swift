import Foundation
import HansardAnalysis
import HansardIngestion
import HansardRegister

/// A highlighted passage of a turn: what it is, and where it leads.
struct Annotation: Hashable {
    enum Kind: String, Hashable {
        case commitment
        case request
        case evasion
        case followUp = "follow-up"

        var label: String {
            switch self {
            case .commitment: return "Commitment"
            case .request: return "Request"
            case .evasion: return "Evasion"
            case .followUp: return "Follow-up"
            }
        }
    }

    var kind: Kind
    var turn: Int
    var quote: String
    /// Markup for the note under the turn (already escaped).
    var note: String
}

/// `debates/<id>.html`: the debate's transcript by turn, with commitments, requests (and their outcome),
/// evasions and follow-ups marked, each linking to its commitment.
struct DebatePage {
    let data: ReportData
    let debate: DebateRecord
    /// The page as read again for the report, when it could be.
    let transcript: Debate?
    /// Why there is no transcript, when there is none.
    let missingReason: String?

    func render() -> String {
        let annotations = self.annotations(transcript)
        var body = "<header class=\"top\"><div class=\"wrap\">\n"
        body += "<p class=\"crumbs\"><a href=\"../index.html\">All commitments</a> › Debate</p>\n"
        body += "<h1>\(HTML.escape(debate.title))</h1>\n<p class=\"lede\">"
        var facts = [HTML.escape(HTML.houseName(debate.house?.rawValue)), HTML.escape(HTML.longDate(debate.date))]
        if let session = sessionLabel(of: debate.date) { facts.append("session " + HTML.escape(session)) }
        if let type = debate.type { facts.append(HTML.escape(type)) }
        body += facts.joined(separator: " · ") + "</p>\n"
        body += "<p class=\"lede\">"
        let page =
            (data.commitmentsByDebate[debate.id]?.first).map { Citation($0, debate: debate).pageURL }
            ?? HTML.webLink(debate.url)
        if let url = page.flatMap({ HTML.webLink($0) }) {
            body += "<a href=\"\(HTML.escape(url))\">\(HTML.escape(url))</a><br>"
        }
        // The file's name and hash, never the folder it was in on the machine that made the register.
        body +=
            "Source file: <code>\(HTML.escape(debate.sourceName))</code>, SHA-256 "
            + "<code title=\"\(HTML.escape(debate.sha256))\">\(HTML.escape(String(debate.sha256.prefix(12))))…</code>"
            + (debate.revision > 1 ? " (revision \(debate.revision))" : "") + "</p>\n"
        let counts = Dictionary(grouping: annotations, by: \.kind).mapValues(\.count)
        body += "<ul class=\"legend\" aria-label=\"Highlights\">"
        for kind in [Annotation.Kind.commitment, .request, .evasion, .followUp] {
            body += "<li><span class=\"\(kind.rawValue)\">\(kind.label)s</span> \(counts[kind] ?? 0)</li>"
        }
        body += "</ul>\n</div></header>\n<main class=\"wrap\">\n"
        body += contents(annotations)
        if let transcript {
            body += turns(transcript, annotations: annotations)
        } else {
            body +=
                "<p class=\"notice\">The transcript is not shown: "
                + HTML.escape(missingReason ?? "the page was not re-read") + ". "
                + "What the register holds for this debate follows.</p>\n"
            body += registerOnly(annotations)
        }
        body +=
            "<footer>Made by <code>hansard report</code>, as of \(data.asOf.description). Debate text is "
            + "Parliamentary Copyright, reproduced under the Open Parliament Licence v3.0.</footer>\n</main>\n"
        return HTML.page(title: debate.title + " — hansard report", body: body)
    }

    /// Every marked passage in turn order, so a long debate's commitments are one click away.
    private func contents(_ annotations: [Annotation]) -> String {
        let order: [Annotation.Kind] = [.commitment, .request, .evasion, .followUp]
        let sorted = annotations.sorted {
            ($0.turn, order.firstIndex(of: $0.kind) ?? 0, $0.quote) < (
                $1.turn, order.firstIndex(of: $1.kind) ?? 0, $1.quote
            )
        }
        guard !sorted.isEmpty else { return "" }
        var output =
            "<details class=\"card no-print\" open><summary><strong>Marked in this debate</strong> "
            + "<span class=\"muted\">(\(HTML.count(sorted.count, "passage")))</span></summary>\n<ol class=\"marked\">"
        for annotation in sorted {
            output +=
                "<li><a href=\"#turn-\(annotation.turn)\">turn \(annotation.turn)</a> "
                + "<span class=\"kind \(annotation.kind.rawValue)\">\(annotation.kind.label)</span> "
                + HTML.escape(IndexPage.shortened(annotation.quote)) + "</li>\n"
        }
        return output + "</ol></details>\n"
    }

    private func commitmentLink(_ id: String?, text: String) -> String {
        guard let id else { return HTML.escape(text) }
        return "<a href=\"../commitments/\(HTML.fileName(id)).html\">\(HTML.escape(text))</a>"
    }

    /// What to mark: the register's commitments, requests, evasions and mentions of this debate, and its links
    /// from this (later) debate back to earlier commitments.
    func annotations(_ transcript: Debate?) -> [Annotation] {
        var result: [Annotation] = []
        let commitments = data.commitmentsByDebate[debate.id] ?? []
        let requests = data.requestsByDebate[debate.id] ?? []
        for c in commitments {
            var note = "<span class=\"kind commitment\">Commitment</span>" + commitmentLink(c.id, text: c.promise)
            if let listing = data.listingsById[c.id] {
                note += " " + IndexPage.dueBadge(listing)
            }
            result.append(Annotation(kind: .commitment, turn: c.turn, quote: c.quote, note: note))
        }
        for r in requests {
            var note =
                "<span class=\"kind request\">Request</span>" + HTML.escape(r.speakerName ?? "A member")
                + " asked to " + HTML.escape(r.action.rawValue.replacingOccurrences(of: "-", with: " "))
                + " · <strong>\(HTML.escape(r.outcome.rawValue))</strong>"
            if let id = r.commitmentId {
                note +=
                    " → "
                    + commitmentLink(
                        data.registerId(ofAnalysisId: id, debateId: debate.id) ?? id, text: "the commitment it became")
            }
            result.append(Annotation(kind: .request, turn: r.turn, quote: r.quote, note: note))
        }
        for evasion in data.evasionsByDebate[debate.id] ?? [] {
            var note = "<span class=\"kind evasion\">Evasion</span>an answer that declines or deflects"
            if let label = evasion.label { note += " (" + HTML.escape(label) + ")" }
            if let asked = evasion.questionTurn {
                note += " the question in <a href=\"#turn-\(asked)\">turn \(asked)</a>"
            }
            if let reason = evasion.reason { note += ": " + HTML.escape(reason) }
            result.append(Annotation(kind: .evasion, turn: evasion.turn, quote: evasion.quote, note: note))
        }
        for mention in data.mentionsByDebate[debate.id] ?? [] {
            let id = data.registerId(ofAnalysisId: mention.refersTo, debateId: debate.id)
            let note =
                "<span class=\"kind follow-up\">Follow-up</span>returns to "
                + commitmentLink(id, text: "the commitment on \u{201C}\(mention.subject)\u{201D}")
            result.append(Annotation(kind: .followUp, turn: mention.turn, quote: mention.quote, note: note))
        }
        for link in data.linksByLaterDebate[debate.id] ?? [] where link.state != .rejected {
            let earlier = data.commitmentsById[link.commitmentId]
            let note =
                "<span class=\"kind follow-up\">Follow-up</span>may follow up "
                + commitmentLink(link.commitmentId, text: "a commitment of \(HTML.longDate(earlier?.debateDate))")
                + " (\(HTML.escape(link.state.rawValue)) link, \(HTML.escape(link.kind.rawValue)))"
            result.append(Annotation(kind: .followUp, turn: link.turn, quote: link.quote, note: note))
        }
        return result
    }

    private func turns(_ page: Debate, annotations: [Annotation]) -> String {
        let byTurn = Dictionary(grouping: annotations, by: \.turn)
        // The turns the analysis read as the Government's (the page's labels can differ from the register's names),
        // as the register keeps them.
        let government = debate.governmentTurnIndexes
        var output = ""
        var currentSection: Int?
        for turn in page.turns {
            if let section = turn.section, section != currentSection, page.metadata.sections.indices.contains(section) {
                output += "<h2 class=\"section-heading\">\(HTML.escape(page.metadata.sections[section].title))</h2>\n"
                currentSection = section
            }
            output += Self.turn(turn, annotations: byTurn[turn.index] ?? [], government: government)
        }
        return output
    }

    /// One turn: the speaker line, its paragraphs with passages marked, and a note per passage.
    /// - Parameters:
    ///   - turn: the turn as read from the page.
    ///   - annotations: what the register found in the turn, to be marked.
    ///   - government: the turns read as the Government's, which are marked as such.
    ///   - page: the debate page's path when the turn is quoted on another page: its number then
    ///     links there, and the turn has no id of its own.
    /// - Returns: the turn's markup.
    static func turn(_ turn: Turn, annotations: [Annotation], government: Set<Int>, page: String? = nil) -> String {
        var classes = ["turn"]
        if turn.kind == .procedural { classes.append("procedural") }
        if government.contains(turn.index) {
            classes.append("government")
        }
        let id = page == nil ? " id=\"turn-\(turn.index)\"" : ""
        var output = "<article class=\"\(classes.joined(separator: " "))\"\(id)>\n<header>"
        output +=
            "<a class=\"n\" href=\"\(page ?? "")#turn-\(turn.index)\" aria-label=\"Turn \(turn.index)\">"
            + "\(turn.index)</a>"
        if turn.kind == .speech {
            if let speaker = turn.speaker {
                output += "<span class=\"who\">\(HTML.escape(speaker.name))</span>"
                let details = [speaker.office, speaker.constituency, speaker.party].compactMap { $0 }
                if !details.isEmpty {
                    output += "<span class=\"office\">\(HTML.escape(details.joined(separator: ", ")))</span>"
                }
            } else {
                output +=
                    "<span class=\"who\">Speaker not named</span><span class=\"office\">"
                    + "\(HTML.escape(turn.role.rawValue)), inferred from the text</span>"
            }
        }
        let place = [turn.column.map { "col. " + $0 }, turn.time].compactMap { $0 }
        if !place.isEmpty { output += "<span class=\"where\">\(HTML.escape(place.joined(separator: ", ")))</span>" }
        output += "</header>\n"
        for paragraph in turn.paragraphs {
            output += "<p>\(marked(paragraph, annotations))</p>\n"
        }
        if !annotations.isEmpty {
            output += "<ul class=\"notes\">"
            for annotation in annotations { output += "<li>\(annotation.note)</li>" }
            output += "</ul>\n"
        }
        return output + "</article>\n"
    }

    /// The paragraph escaped, with each annotation's quote wrapped in a `<mark>` where it occurs verbatim.
    ///
    /// Overlapping passages keep the first; every passage still has its note under the turn.
    static func marked(_ paragraph: String, _ annotations: [Annotation]) -> String {
        var ranges: [(Range<String.Index>, Annotation.Kind)] = []
        for annotation in annotations {
            let quote = annotation.quote.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !quote.isEmpty, let range = paragraph.range(of: quote) else { continue }
            if ranges.contains(where: { $0.0.overlaps(range) }) { continue }
            ranges.append((range, annotation.kind))
        }
        ranges.sort { $0.0.lowerBound < $1.0.lowerBound }
        var output = ""
        var position = paragraph.startIndex
        for (range, kind) in ranges {
            output += HTML.escape(String(paragraph[position..<range.lowerBound]))
            output += "<mark class=\"\(kind.rawValue)\">\(HTML.escape(String(paragraph[range])))</mark>"
            position = range.upperBound
        }
        output += HTML.escape(String(paragraph[position...]))
        return output
    }

    /// Without a transcript: the register's passages, by turn.
    private func registerOnly(_ annotations: [Annotation]) -> String {
        guard !annotations.isEmpty else { return "<p class=\"muted\">The register holds nothing else for it.</p>\n" }
        var output = ""
        for (turn, group) in Dictionary(grouping: annotations, by: \.turn).sorted(by: { $0.key < $1.key }) {
            output +=
                "<article class=\"turn\" id=\"turn-\(turn)\"><header><a class=\"n\" href=\"#turn-\(turn)\">"
                + "\(turn)</a></header>\n"
            for annotation in group {
                output += "<p><mark class=\"\(annotation.kind.rawValue)\">\(HTML.escape(annotation.quote))</mark></p>\n"
            }
            output += "<ul class=\"notes\">" + group.map { "<li>\($0.note)</li>" }.joined() + "</ul>\n</article>\n"
        }
        return output
    }
}
