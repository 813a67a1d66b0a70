/// The department an office line names, so commitments group by department.
enum Department {
    /// "The Minister of State, Cabinet Office" → "Cabinet Office";
    /// "The Secretary of State for Health and Social Care" → "Health and Social Care";
    /// "Parliamentary Under-Secretary of State, Ministry of Justice" → "Ministry of Justice".
    static func named(byOffice office: String?) -> String? {
        guard var text = office?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        if text.hasPrefix("(") && text.hasSuffix(")") { text = String(text.dropFirst().dropLast()) }
        if let comma = text.range(of: ",", options: .backwards) {
            let tail = text[comma.upperBound...].trimmingCharacters(in: .whitespaces)
            if !tail.isEmpty { return tail }
        }
        for marker in [" for the ", " for ", " of the ", " to the "] {
            if let range = text.range(of: marker) {
                let tail = text[range.upperBound...].trimmingCharacters(in: .whitespaces)
                if !tail.isEmpty { return marker.contains("the") ? "the " + tail : tail }
            }
        }
        return text
    }
}

import Foundation
