public import HansardAnalysis
import HansardIngestion

/// Renders an analysis as a readable Markdown summary of the debate.
public enum AnalysisMarkdownRenderer {
    /// Headline facts, then commitments, requests, evasions and follow-ups, each with its quote.
    public static func render(_ analysis: Analysis) -> String {
        // Every piece of text from the page goes through Markdown.escape: a title or a quote is data.
        let e = Markdown.escape
        let debate = analysis.debate
        var output = "# \(e(debate.title))\n\n"
        var facts: [String] = []
        if let house = debate.house { facts.append(house == .commons ? "House of Commons" : "House of Lords") }
        if let date = debate.date { facts.append(e(date.description)) }
        if let type = debate.type { facts.append(e(type)) }
        if !facts.isEmpty { output += facts.joined(separator: " · ") + "\n\n" }
        if let url = debate.url { output += Markdown.link(url) + "\n\n" }
        for note in analysis.notes { output += "> \(e(note))\n\n" }
        let tabled = analysis.questions.filter { $0.kind == .tabled }.count
        output +=
            "\(tabled) tabled and \(analysis.questions.count - tabled) supplementary questions; "
            + "\(analysis.commitments.count) commitments; \(analysis.requests.count) requests; "
            + "\(analysis.evasions.count) evasions.\n\n"

        output += "## Commitments\n\n"
        if analysis.commitments.isEmpty { output += "None found.\n\n" }
        for commitment in analysis.commitments {
            let who = e(
                commitment.speaker.displayName + (commitment.speaker.department.map { " (\($0))" } ?? ""))
            var timing = ""
            if let phrase = commitment.timing?.phrase {
                timing = " — *\(e(phrase))*" + (commitment.timing?.dueBy.map { ", due by \(e($0.description))" } ?? "")
            }
            let source = commitment.source == .acceptedRequest ? ", accepting a request" : ""
            output +=
                "- **\(who)** will **\(commitment.action.rawValue)**: \(e(commitment.object))\(timing) "
                + "(\(commitment.strength.rawValue)\(source); turn \(commitment.turn))\n"
            output += "  > \(e(commitment.quote))\n"
        }
        if !analysis.commitments.isEmpty { output += "\n" }

        output += "## Requests\n\n"
        if analysis.requests.isEmpty { output += "None found.\n\n" }
        for request in analysis.requests {
            let who = e(request.speaker.name ?? "A member")
            output +=
                "- **\(who)** asked to **\(request.action.rawValue)** — \(request.outcome.rawValue) (turn \(request.turn))\n"
            output += "  > \(e(request.quote))\n"
            if let answer = request.answer { output += "  >\n  > Answer: \(e(answer.quote))\n" }
        }
        if !analysis.requests.isEmpty { output += "\n" }

        output += "## Evasions\n\n"
        if analysis.evasions.isEmpty { output += "None found.\n\n" }
        for evasion in analysis.evasions { output += "- Turn \(evasion.turn): \(e(evasion.quote))\n" }
        if !analysis.evasions.isEmpty { output += "\n" }

        if !analysis.followUps.isEmpty {
            output += "## Follow-ups\n\n"
            for followUp in analysis.followUps {
                output += "- Turn \(followUp.turn), on *\(e(followUp.subject))*: \(e(followUp.quote))\n"
            }
            output += "\n"
        }
        return output
    }
}
