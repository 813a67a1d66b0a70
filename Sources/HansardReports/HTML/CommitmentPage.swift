import Foundation
import HansardAnalysis
import HansardIngestion
import HansardRegister

/// `commitments/<id>.html`: the quote in context, timing and due date, the request it answers, its status
/// history with evidence, and the follow-up links to later debates.
struct CommitmentPage {
    let data: ReportData
    let commitment: CommitmentRecord
    let context: CommitmentContext?
    /// Markup placed after the follow-ups (`hansard serve`'s forms), already escaped; nil in the static report.
    var actions: String? = nil

    func render() -> String {
        let c = commitment
        let debate = data.debatesById[c.debateId]
        let listing = data.listingsById[c.id]
        let debateHref = "../debates/\(HTML.fileName(c.debateId)).html"
        var body = "<header class=\"top\"><div class=\"wrap\">\n"
        body +=
            "<p class=\"crumbs\"><a href=\"../index.html\">All commitments</a> › "
            + "<a href=\"../index.html#\(IndexPage.anchor(forDepartment: c.department ?? IndexPage.noDepartment))\">"
            + "\(HTML.escape(c.department ?? IndexPage.noDepartment))</a> › "
            + "\(HTML.escape(c.id))</p>\n"
        body += "<h1>\(HTML.escape(Self.headline(c)))</h1>\n<p class=\"facts\">"
        if let listing { body += IndexPage.dueBadge(listing) }
        if let listing, listing.status.isOpen, !listing.isOverdue {
            body += "<span class=\"badge\">outstanding</span>"
        }
        if let house = c.house {
            body += "<span class=\"badge \(house.rawValue)\">\(house == .commons ? "Commons" : "Lords")</span>"
        }
        if let age = listing?.age ?? listing?.ageDays.map({ HTML.duration(days: $0) }) {
            body += "<span>made \(HTML.escape(age)) ago</span>"
        }
        body += "</p>\n</div></header>\n<main class=\"wrap\">\n"
        if let revision = c.missingSinceRevision {
            body +=
                "<p class=\"notice\">The revised page of this debate (revision \(revision)) no longer contains this "
                + "commitment. It is kept, not deleted.</p>\n"
        }
        body += "<h2>What was said</h2>\n"
        body += context(debateHref: debateHref, debate: debate)
        body += "<h2>Who, when and by when</h2>\n<div class=\"card\"><dl class=\"facts-list\">\n"
        body += row(
            "Minister",
            HTML.escape(listing?.person.displayName ?? c.minister)
                + (c.office.map { ", " + HTML.escape($0) } ?? ""))
        body += row(
            "Department",
            HTML.escape(c.department ?? "not named on the page")
                + (c.machineReadings[.department] != nil
                    ? " <span class=\"muted\">(corrected in the register)</span>"
                    : c.departmentSource.map { " <span class=\"muted\">(from \(HTML.escape($0)))</span>" } ?? ""))
        if !c.evidence.isEmpty {
            body += row("Why the Government\u{2019}s", c.evidence.map { HTML.escape($0) }.joined(separator: "<br>"))
        }
        let citation = Citation(c, debate: debate)
        if let debate {
            body += row(
                "Debate",
                "<a href=\"\(debateHref)#turn-\(c.turn)\">\(HTML.escape(citation.title))</a>, "
                    + "\(HTML.escape(HTML.houseName(debate.house?.rawValue))), \(HTML.escape(HTML.longDate(debate.date))), "
                    + "turn \(c.turn)")
        }
        if let heading = citation.heading, heading != citation.title { body += row("Heading", HTML.escape(heading)) }
        var cite = "<cite>\(HTML.escape(citation.text))</cite>"
        if let id = citation.contributionId {
            cite += " <span class=\"muted\">(contribution \(HTML.escape(id)))</span>"
        }
        body += row("Citation", cite)
        if let link = citation.link.flatMap({ HTML.webLink($0) }) {
            body += row("Read it", "<a class=\"source\" href=\"\(HTML.escape(link))\">\(HTML.escape(link))</a>")
        } else if let page = citation.pageURL.flatMap({ HTML.webLink($0) }) {
            body += row("Read it", "<a class=\"source\" href=\"\(HTML.escape(page))\">\(HTML.escape(page))</a>")
        }
        if let session = sessionLabel(of: c.debateDate) { body += row("Session", HTML.escape(session)) }
        if let government = Administrations.byId(c.government) {
            body += row(
                "Government",
                HTML.escape(government.label) + (c.parliament.map { ", the \(HTML.escape($0)) Parliament" } ?? ""))
        }
        body += row(
            "Undertaking",
            HTML.escape(c.promise) + " <span class=\"muted\">(subject \u{201C}\(HTML.escape(c.subject))\u{201D}, "
                + "\(HTML.escape(c.strength.rawValue))"
                + (c.source == .acceptedRequest ? ", a request the minister accepted" : "") + ")</span>")
        var timing = c.timingPhrase.map { "\u{201C}\(HTML.escape($0))\u{201D} " } ?? "no timing said "
        timing += "<span class=\"muted\">(\(HTML.escape(c.timingClass.rawValue)))</span>"
        body += row("Timing", timing)
        var due = c.dueBy.map { HTML.escape(HTML.longDate($0)) } ?? "no due date can be reckoned"
        if let late = listing?.overdueDays {
            due += " — <strong>overdue by \(HTML.escape(listing?.overdueBy ?? HTML.count(late, "day")))</strong>"
        }
        body += row("Due by", due)
        body += row(
            "Status",
            "\(HTML.escape(HTML.statusName((listing?.status ?? c.status).rawValue)))"
                + (c.statusDate.map { " since " + HTML.escape(HTML.longDate($0)) } ?? "") + ", as of "
                + HTML.escape(HTML.longDate(data.asOf)))
        body += "</dl></div>\n"
        body += request()
        body += history(debate: debate)
        body += followUps()
        body += actions ?? ""
        body +=
            "<footer>Made by <code>hansard report</code>, as of \(data.asOf.description). Register id "
            + "<code>\(HTML.escape(c.id))</code>: <code>hansard register show \(HTML.escape(c.id))</code> prints the "
            + "same record.</footer>\n</main>\n"
        return HTML.page(title: Self.headline(c) + " — hansard report", body: body)
    }

    /// "Lord Bach undertook to write: to the noble Lord".
    static func headline(_ c: CommitmentRecord) -> String {
        let who = c.speakerName ?? SpeakerReference.unnamedMinister
        let verb = c.action.rawValue.replacingOccurrences(of: "-", with: " ")
        return "\(who) undertook to \(verb)" + (c.object.isEmpty ? "" : ": \(c.object)")
    }

    private func row(_ term: String, _ markup: String) -> String {
        "<dt>\(HTML.escape(term))</dt><dd>\(markup)</dd>\n"
    }

    /// The turn before (usually the question) and the commitment's own turn, with the quote marked.
    private func context(debateHref: String, debate: DebateRecord?) -> String {
        let c = commitment
        guard let ownTurn = context?.own else {
            var output = "<div class=\"card\"><blockquote>\(HTML.escape(c.quote))</blockquote></div>\n"
            if let reason = context?.missingReason {
                output += "<p class=\"muted\">The surrounding debate is not shown: \(HTML.escape(reason)).</p>\n"
            }
            return output
        }
        var output = ""
        if let previous = context?.previous {
            let asked = [c.requestId.flatMap { data.requestsById[$0] }].compactMap { $0 }.filter {
                $0.turn == previous.index
            }
            .map { r in
                Annotation(
                    kind: .request, turn: r.turn, quote: r.quote,
                    note: "<span class=\"kind request\">The request</span>" + HTML.escape(r.speakerName ?? "A member")
                        + " asked · " + HTML.escape(r.outcome.rawValue))
            }
            output += DebatePage.turn(previous, annotations: asked, government: [], page: debateHref)
        }
        let own = Annotation(
            kind: .commitment, turn: c.turn, quote: c.quote,
            note: "<span class=\"kind commitment\">This commitment</span>"
                + "<a href=\"\(debateHref)#turn-\(c.turn)\">read it in the whole debate</a>")
        output += DebatePage.turn(ownTurn, annotations: [own], government: [ownTurn.index], page: debateHref)
        return output
    }

    private func request() -> String {
        guard let id = commitment.requestId,
            let request = data.requestsById[id]
        else { return "" }
        var output = "<h2>The request it answers</h2>\n<div class=\"card\">"
        output +=
            "<p><strong>\(HTML.escape(request.speakerName ?? "A member"))</strong> asked, in "
            + "<a href=\"../debates/\(HTML.fileName(request.debateId)).html#turn-\(request.turn)\">turn \(request.turn)</a>:</p>"
        output += "<blockquote class=\"request\">\(HTML.escape(request.quote))</blockquote>"
        output += "<p>Outcome: <strong>\(HTML.escape(request.outcome.rawValue))</strong>"
        if let answer = request.answerQuote { output += " — \u{201C}\(HTML.escape(answer))\u{201D}" }
        return output + "</p></div>\n"
    }

    private func history(debate: DebateRecord?) -> String {
        let c = commitment
        let events = data.eventsByCommitment[c.id] ?? []
        let changes = data.changesByCommitment[c.id] ?? []
        let notes = data.notesByCommitment[c.id] ?? []
        let edits = data.editsByCommitment[c.id] ?? []
        var output = "<h2>History and evidence</h2>\n<div class=\"card\"><ol class=\"history\">\n"
        output +=
            "<li><strong>\(HTML.escape(HTML.longDate(c.debateDate)))</strong>: made in the House"
            + (debate.map { ", in \u{201C}\(HTML.escape($0.title))\u{201D}" } ?? "") + "; outstanding.</li>\n"
        for event in events {
            output +=
                "<li><strong>\(HTML.escape(HTML.longDate(event.effectiveDate)))</strong>: "
                + "<span class=\"badge\(event.status.isOpen ? "" : " done")\">\(HTML.escape(HTML.statusName(event.status.rawValue)))</span>"
                + " recorded by \(HTML.escape(event.actor))"
            if let evidence = event.evidence {
                output +=
                    "<br>Evidence: "
                    + (HTML.webLink(evidence).map { "<a href=\"\(HTML.escape($0))\">\(HTML.escape($0))</a>" }
                        ?? HTML.escape(evidence))
            }
            if let reason = event.reason { output += "<br>Why: \(HTML.escape(reason))" }
            if let link = event.linkId {
                output += "<br>From follow-up link <a href=\"#\(HTML.escape(link))\">\(HTML.escape(link))</a>"
            }
            output += "</li>\n"
        }
        for edit in edits {
            output +=
                "<li><strong>\(HTML.escape(HTML.longDate(SittingDate(String(edit.recordedAt.prefix(10))))))</strong>: "
                + "\(HTML.escape(edit.field.rawValue)) corrected by \(HTML.escape(edit.actor)) from "
                + "\u{201C}\(HTML.escape(edit.previous ?? "none"))\u{201D} to \u{201C}\(HTML.escape(edit.value ?? "none"))\u{201D}"
                + (edit.reason.map { "<br>Why: " + HTML.escape($0) } ?? "") + "</li>\n"
        }
        for change in changes {
            if change.kind == .disagrees || change.kind == .agrees {
                let field = HTML.escape(change.field ?? "a field")
                output +=
                    "<li>Revision \(change.revision) of the page reads \(field) as \u{201C}"
                    + "\(HTML.escape(change.newValue ?? "none"))\u{201D}; the correction \u{201C}"
                    + "\(HTML.escape(change.oldValue ?? "none"))\u{201D} is kept"
                    + (change.kind == .agrees ? " (the page now agrees)" : "") + "</li>\n"
                continue
            }
            output += "<li>Revision \(change.revision) of the page: \(HTML.escape(change.kind.rawValue))"
            if let old = change.oldValue, let new = change.newValue {
                output += ": \u{201C}\(HTML.escape(old))\u{201D} → \u{201C}\(HTML.escape(new))\u{201D}"
            }
            output += "</li>\n"
        }
        output += "</ol>"
        if events.isEmpty { output += "<p class=\"muted\">No status has been recorded since.</p>" }
        for note in notes {
            output += "<p><strong>Note by \(HTML.escape(note.author))</strong>: \(HTML.escape(note.text))</p>"
        }
        return output + "</div>\n"
    }

    private func followUps() -> String {
        let links = (data.linksByCommitment[commitment.id] ?? [])
            .sorted { ($0.score, $1.id) > ($1.score, $0.id) }
        var output = "<h2>Follow-ups in later debates</h2>\n"
        guard !links.isEmpty else {
            return output + "<p class=\"muted\">None found in the register's later debates.</p>\n"
        }
        for link in links {
            let later = data.debatesById[link.debateId]
            output +=
                "<div class=\"card\" id=\"\(HTML.escape(link.id))\"><p class=\"facts\">"
                + "<span class=\"badge\(link.state == .confirmed ? " done" : "")\">\(HTML.escape(link.state.rawValue))</span>"
                + "<span>\(HTML.escape(link.kind.rawValue)), score \(Self.score(link.score))</span>"
                + (link.suggestsFulfilment ? "<span class=\"badge done\">says it was done</span>" : "") + "</p>"
            output +=
                "<p><a href=\"../debates/\(HTML.fileName(link.debateId)).html#turn-\(link.turn)\">"
                + "\(HTML.escape(later?.title ?? link.debateId))</a>, \(HTML.escape(HTML.longDate(later?.date))), "
                + "turn \(link.turn)\(link.speakerName.map { ", " + HTML.escape($0) } ?? "")</p>"
            output += "<blockquote class=\"follow-up\">\(HTML.escape(link.quote))</blockquote>"
            output +=
                "<p class=\"muted\">Why linked: \(HTML.escape(link.evidence)). Link "
                + "<code>\(HTML.escape(link.id))</code></p></div>\n"
        }
        return output
    }

    static func score(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}
