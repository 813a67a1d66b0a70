import Foundation
import HansardAnalysis
import HansardIngestion
import HansardRegister

/// The register as one Markdown file: a summary, then a heading per department with its ministers'
/// outstanding commitments, then the resolved ones and the debates.
public enum MarkdownReport {
    /// The whole report as Markdown, with every value from a page or a user escaped for Markdown.
    public static func render(_ data: ReportData) -> String {
        let outstanding = data.counted.filter { $0.status.isOpen }
        let resolved = data.counted.filter { !$0.status.isOpen }
        let dismissed = data.listings.filter { !$0.status.counts }
        var output = "# Government commitments\n\n"
        output +=
            "As of \(data.asOf): \(outstanding.count) outstanding (\(outstanding.filter(\.isOverdue).count) "
            + "overdue), \(resolved.count) resolved, from \(data.snapshot.debates.count) debates.\n"
        let groups = Dictionary(grouping: outstanding) { $0.commitment.department ?? IndexPage.noDepartment }
        let order = groups.keys.sorted { a, b in
            if (a == IndexPage.noDepartment) != (b == IndexPage.noDepartment) { return b == IndexPage.noDepartment }
            if groups[a]!.count != groups[b]!.count { return groups[a]!.count > groups[b]!.count }
            return a < b
        }
        for department in order {
            let items = groups[department]!
            output +=
                "\n## \(text(department))\n\n\(items.count) outstanding, \(items.filter(\.isOverdue).count) overdue.\n"
            // One heading per person, however many ways the pages name them.
            let ministers = Dictionary(grouping: items) { $0.person.id }
            let byName = ministers.keys.sorted { a, b in
                (ministers[a]![0].person.displayName, a) < (ministers[b]![0].person.displayName, b)
            }
            for minister in byName {
                output += "\n### \(text(ministers[minister]![0].person.displayName))\n\n"
                for item in ministers[minister]!.sorted(by: { a, b in
                    if a.isOverdue != b.isOverdue { return a.isOverdue }
                    return (
                        a.commitment.dueBy ?? .distantFuture, a.commitment.debateDate ?? .distantPast, a.commitment.id
                    )
                        < (
                            b.commitment.dueBy ?? .distantFuture, b.commitment.debateDate ?? .distantPast,
                            b.commitment.id
                        )
                }) {
                    output += line(item)
                }
            }
        }
        output += "\n## Resolved\n\n"
        if resolved.isEmpty { output += "None yet.\n" }
        for item in resolved.sorted(by: { $0.commitment.id < $1.commitment.id }) {
            output += line(item)
        }
        if !dismissed.isEmpty {
            output += "\n## Dismissed\n\nNot commitments, as readers recorded; left out of every figure above.\n\n"
            for item in dismissed.sorted(by: { $0.commitment.id < $1.commitment.id }) {
                output += line(item)
            }
        }
        output += "\n## Debates\n\n| Date | House | Debate | Commitments |\n|---|---|---|---|\n"
        let counts = Dictionary(grouping: data.counted, by: \.commitment.debateId).mapValues(\.count)
        for debate in data.snapshot.debates.sorted(by: {
            ($0.date ?? .distantPast, $0.id) < ($1.date ?? .distantPast, $1.id)
        }) {
            output +=
                "| \(debate.date?.description ?? "") | \(debate.house?.rawValue ?? "") | \(cell(debate.title)) "
                + "| \(counts[debate.id] ?? 0) |\n"
        }
        return output
    }

    private static func line(_ item: CommitmentListing) -> String {
        let c = item.commitment
        var facts: [String] = []
        if let late = item.overdueDays {
            facts.append("**overdue by \(text(item.overdueBy ?? "\(late) days"))** (due \(c.dueBy?.description ?? ""))")
        } else if let due = c.dueBy {
            facts.append("due \(due)")
        } else if let phrase = c.timingPhrase {
            facts.append("\u{201C}\(text(phrase))\u{201D}")
        } else {
            facts.append("no date given")
        }
        if !item.status.isOpen {
            facts.insert("**\(item.status.rawValue)**\(c.statusDate.map { " \($0)" } ?? "")", at: 0)
        }
        if let age = item.age ?? item.ageDays.map({ "\($0) days" }) { facts.append("made \(text(age)) ago") }
        var cited = "\(text(item.citation.title)), \(text(item.citation.text))"
        if let link = item.citation.link { cited += " " + Markdown.link(link) }
        facts.append(cited)
        facts.append("`\(c.id)`")
        return "- **\(text(c.promise))**: \u{201C}\(text(c.quote))\u{201D}  \n  " + facts.joined(separator: " · ")
            + "\n"
    }

    /// Text with Markdown's and HTML's active characters escaped, on one line (``Markdown/escape(_:)``).
    static func text(_ value: String) -> String { Markdown.escape(value) }

    private static func cell(_ value: String) -> String { text(value) }
}
