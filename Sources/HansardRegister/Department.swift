import Foundation

/// The department an office line names, so commitments group by department.
enum Department {
    /// "The Minister of State, Cabinet Office" → "Cabinet Office";
    /// "The Secretary of State for Environment, Food and Rural Affairs" → "Environment, Food and Rural Affairs";
    /// "Minister for the Cabinet Office, and Paymaster General" → "the Cabinet Office";
    /// "Economic Secretary to the Treasury" → "the Treasury"; "The Prime Minister" stays as it is.
    static func named(byOffice office: String?) -> String? {
        guard var text = office?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        if text.hasPrefix("(") && text.hasSuffix(")") { text = String(text.dropFirst().dropLast()) }
        let head = text.range(of: ", ").map { String(text[..<$0.lowerBound]) } ?? text
        if let marker = head.range(of: " for ") {
            // The department follows "for", up to a second office joined by ", and".
            var department = String(text[marker.upperBound...])
            if let joined = department.range(of: ", and ") { department = String(department[..<joined.lowerBound]) }
            return department.trimmingCharacters(in: .whitespaces)
        }
        if let comma = text.range(of: ", ") {
            let tail = text[comma.upperBound...].trimmingCharacters(in: .whitespaces)
            if !tail.isEmpty { return tail }
        }
        for marker in [" to the ", " of the "] {
            if let range = text.range(of: marker) {
                return "the " + text[range.upperBound...].trimmingCharacters(in: .whitespaces)
            }
        }
        return text
    }

    /// A key under which the same department compares equal however it is written:
    /// "the Treasury" and "Treasury", "Ministry of Defence" and "Defence", "the HOME DEPARTMENT" and "Home Office".
    static func key(_ department: String?) -> String? {
        guard var text = department?.lowercased().trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            return nil
        }
        for prefix in ["the ", "hm ", "his majesty's ", "her majesty's ", "ministry of ", "department for ",
            "department of ", "office of the ", "office for "]
        where text.hasPrefix(prefix) {
            text.removeFirst(prefix.count)
        }
        for suffix in [" department", " office"] where text.hasSuffix(suffix) {
            text.removeLast(suffix.count)
        }
        return text
    }
}
