import Foundation
import HansardAnalysis
import HansardIngestion
import HansardRegister
import HansardReports

/// The forms on a served commitment page.
///
/// Resolve, reopen, edit, dismiss, note, and confirm or reject each candidate follow-up link. Each posts to this
/// server with the run's CSRF token; every value shown is escaped.
enum Forms {
    static func section(
        _ commitment: CommitmentRecord, status: CommitmentStatus, links: [FollowUpLinkRecord], csrf: String
    )
        -> String
    {
        let base = "/commitments/\(HTML.fileName(commitment.id))"
        let hidden = "<input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(csrf))\">"
        let who =
            "<label>Your name<input name=\"by\" autocomplete=\"name\" "
            + "placeholder=\"recorded with the change (default: the server's)\"></label>"
        func form(_ name: String, _ title: String, _ fields: String, _ button: String) -> String {
            "<form class=\"card action \(name)\" method=\"post\" action=\"\(base)/\(name)\">\n"
                + "<h3>\(HTML.escape(title))</h3>\n\(hidden)\n\(fields)\n\(who)\n"
                + "<button type=\"submit\">\(HTML.escape(button))</button>\n</form>\n"
        }
        func text(_ name: String, _ label: String, _ value: String? = nil, required: Bool = false) -> String {
            "<label>\(HTML.escape(label))<input name=\"\(name)\" value=\"\(HTML.escape(value))\""
                + (required ? " required" : "") + "></label>"
        }
        var output = "<h2 id=\"record\">Record what became of it</h2>\n<div class=\"actions no-print\">\n"
        if status == .outstanding {
            let options = ["fulfilled", "partly-fulfilled", "withdrawn", "lapsed"].map {
                "<option value=\"\($0)\">\(HTML.escape(HTML.statusName($0)))</option>"
            }.joined()
            output += form(
                "resolve", "Resolve",
                "<label>Status<select name=\"status\">\(options)</select></label>"
                    + text("evidence", "Evidence (words or a URL)", required: true)
                    + "<label>Took effect on<input name=\"date\" type=\"date\"></label>" + text("note", "Why"),
                "Record")
            output += form(
                "dismiss", "Not a commitment", text("reason", "Why it is not a commitment", required: true),
                "Dismiss")
        } else {
            output += form("reopen", "Reopen", text("note", "Why it is reopened"), "Make it outstanding again")
        }
        let actions = CommitmentAction.allCases.map { action in
            "<option value=\"\(HTML.escape(action.rawValue))\"\(action == commitment.action ? " selected" : "")>"
                + "\(HTML.escape(action.rawValue))</option>"
        }.joined()
        output += form(
            "edit", "Correct what the analysis read",
            text("minister", "Minister", commitment.speakerName)
                + text("department", "Department", commitment.department)
                + "<label>Due by<input name=\"due\" type=\"date\" value=\"\(commitment.dueBy?.description ?? "")\"></label>"
                + "<label>Action<select name=\"action\">\(actions)</select></label>"
                + text("object", "What will be done", commitment.object)
                + text("timing", "Timing words", commitment.timingPhrase) + text("reason", "Why"),
            "Save corrections")
        output += form(
            "note", "Add a note", "<label>Note<textarea name=\"text\" required></textarea></label>", "Add the note")
        for link in links where link.state == .candidate {
            let linkBase = "/links/\(HTML.fileName(link.id))"
            output +=
                "<form class=\"card action confirm\" method=\"post\" action=\"\(linkBase)/confirm\">\n"
                + "<h3>Follow-up link <code>\(HTML.escape(link.id))</code></h3>\n\(hidden)\n"
                + "<label>Resolve it as<select name=\"status\"><option value=\"\">"
                + (link.suggestsFulfilment ? "fulfilled (the speech says it was done)" : "leave the status as it is")
                + "</option><option value=\"fulfilled\">fulfilled</option><option value=\"partly-fulfilled\">"
                + "partly fulfilled</option><option value=\"withdrawn\">withdrawn</option></select></label>\n\(who)\n"
                + "<button type=\"submit\">Confirm the link</button>\n"
                + "<button type=\"submit\" formaction=\"\(linkBase)/reject\">Reject it</button>\n</form>\n"
        }
        return output + "</div>\n"
    }

    /// The index's link to the search page.
    static let searchLink =
        "<p class=\"no-print\"><a href=\"search\">Search the register</a> by words, status, department or "
        + "minister.</p>\n"

    /// `search?department=…`: the search for one department's commitments, the name percent-encoded (only
    /// letters, digits and `-._~` are left as they are, so `&`, `=` and `+` in a name stay part of it).
    static func searchAddress(department: String) -> String {
        var unreserved = CharacterSet(charactersIn: "-._~")
        unreserved.formUnion(CharacterSet(charactersIn: "a"..."z"))
        unreserved.formUnion(CharacterSet(charactersIn: "A"..."Z"))
        unreserved.formUnion(CharacterSet(charactersIn: "0"..."9"))
        return "search?department=" + (department.addingPercentEncoding(withAllowedCharacters: unreserved) ?? "")
    }
}

struct ResolveForm: ServeForm {
    var csrf: String?
    var by: String?
    var status: String?
    var evidence: String?
    var date: String?
    var note: String?
}

struct ReopenForm: ServeForm {
    var csrf: String?
    var by: String?
    var note: String?
}

struct DismissForm: ServeForm {
    var csrf: String?
    var by: String?
    var reason: String?
}

struct NoteForm: ServeForm {
    var csrf: String?
    var by: String?
    var text: String?
}

struct EditForm: ServeForm {
    var csrf: String?
    var by: String?
    var minister: String?
    var department: String?
    var due: String?
    var action: String?
    var object: String?
    var timing: String?
    var reason: String?
}

struct LinkForm: ServeForm {
    var csrf: String?
    var by: String?
    var status: String?
}

struct SearchForm: Decodable, Sendable {
    var q: String?
    var status: String?
    var department: String?
    var minister: String?
}
