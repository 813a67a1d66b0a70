import Foundation
public import HansardRegister
public import HansardIngestion

/// `overdue.xml`: an Atom feed (RFC 4287) of the commitments that became overdue, newest first, for feed readers and
/// alerts.
///
/// An entry is dated the day after the commitment's due date, when it became overdue, so a reader subscribed to the
/// report's folder sees each one once; the feed is dated the report's as-of date, and the same register and date give
/// the same bytes. Links are relative to the feed, so they lead to the report's pages wherever the folder is published.
public enum OverdueFeed {
    /// The feed's file in the report's folder.
    public static let fileName = "overdue.xml"

    /// The feed for the report's date.
    public static func render(_ data: ReportData) -> String { render(asOf: data.asOf, listings: data.counted) }

    /// The feed of the overdue ones among `listings` (``CommitmentListing/isOverdue``), as of `asOf`: the same feed
    /// from the register's overdue list alone as from the whole report.
    public static func render(asOf: SittingDate, listings: [CommitmentListing]) -> String {
        let overdue = listings.filter(\.isOverdue).compactMap { item -> (SittingDate, CommitmentListing)? in
            // Overdue from the day after the due date.
            guard let due = item.commitment.dueBy else { return nil }
            return (due.adding(days: 1), item)
        }.sorted { ($0.0, $1.1.commitment.id) > ($1.0, $0.1.commitment.id) }
        var output = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        output += "<id>urn:hansard:report:overdue</id>\n"
        output += "<title type=\"text\">Overdue government commitments</title>\n"
        output +=
            "<subtitle type=\"text\">Commitments made in Parliament and not done by their due date, as of "
            + "\(escape(HTML.longDate(asOf))), from the register hansard keeps.</subtitle>\n"
        output += "<updated>\(asOf)T00:00:00Z</updated>\n"
        output += "<link rel=\"self\" type=\"application/atom+xml\" href=\"\(fileName)\"/>\n"
        output += "<link rel=\"alternate\" type=\"text/html\" href=\"index.html\"/>\n"
        output += "<generator>hansard</generator>\n"
        output +=
            "<rights type=\"text\">Debate text is Parliamentary Copyright, reproduced under the Open Parliament "
            + "Licence v3.0.</rights>\n"
        for (became, item) in overdue {
            let c = item.commitment
            let who = c.speakerName ?? "A minister"
            output += "<entry>\n"
            output += "<id>urn:hansard:commitment:\(escape(c.id)):overdue:\(c.dueBy?.description ?? "")</id>\n"
            output += "<title type=\"text\">\(escape("Overdue: \(who) undertook to \(c.promise)"))</title>\n"
            output += "<updated>\(became)T00:00:00Z</updated>\n<published>\(became)T00:00:00Z</published>\n"
            output += "<author><name>\(escape(who))</name></author>\n"
            if let department = c.department { output += "<category term=\"\(escape(department))\"/>\n" }
            output += "<link rel=\"alternate\" type=\"text/html\" href=\"commitments/\(HTML.fileName(c.id)).html\"/>\n"
            if let link = item.citation.link.flatMap({ HTML.webLink($0) }) {
                output += "<link rel=\"related\" type=\"text/html\" href=\"\(escape(link))\"/>\n"
            }
            var summary = "Due \(HTML.longDate(c.dueBy))"
            if let phrase = c.timingPhrase { summary += " (\u{201C}\(phrase)\u{201D})" }
            summary +=
                "; overdue by \(item.overdueBy ?? HTML.count(item.overdueDays ?? 0, "day")) as of "
                + "\(HTML.longDate(asOf)). \u{201C}\(c.quote)\u{201D} \(item.citation.title), \(item.citation.text)."
            output += "<summary type=\"text\">\(escape(summary))</summary>\n</entry>\n"
        }
        return output + "</feed>\n"
    }

    /// Text for XML content and attributes: markup characters as entities, and control characters, which XML 1.0
    /// does not allow, written visibly (``ControlCharacters``).
    static func escape(_ text: String) -> String {
        HTML.escape(ControlCharacters.escaped(text, keeping: [.lineFeed, .tab]))
    }
}
