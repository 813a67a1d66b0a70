public import HansardIngestion

/// Renders a debate as a readable plain-text transcript.
public enum TranscriptRenderer {
    /// The transcript of `debate`: a heading block, then each section and turn in page order.
    ///
    /// Every piece of text from the page (or the file name) has its control characters written visibly: the transcript
    /// is read on a terminal.
    public static func render(_ debate: Debate) -> String {
        let t = { (text: String) in ControlCharacters.escaped(text) }
        var output = ""
        let metadata = debate.metadata
        output += t(metadata.title) + "\n"
        var facts: [String] = []
        if let house = metadata.house { facts.append(house == .commons ? "House of Commons" : "House of Lords") }
        if let date = metadata.date { facts.append(date.description) }
        if let volume = metadata.volume { facts.append("Volume \(t(volume))") }
        if let type = metadata.type { facts.append(t(type)) }
        if !facts.isEmpty { output += facts.joined(separator: " · ") + "\n" }
        if let url = metadata.url { output += t(url) + "\n" }
        output += "Source: \(t(debate.source.path)) (\(debate.source.format.rawValue))\n"

        var currentSection: Int? = nil
        for turn in debate.turns {
            if let section = turn.section, section != currentSection, metadata.sections.indices.contains(section) {
                let heading = metadata.sections[section]
                output += "\n" + (heading.level <= 1 ? "## " : "### ") + t(heading.title) + "\n"
                currentSection = section
            }
            output += "\n" + header(for: turn) + "\n"
            if turn.attribution == .inferred, !turn.roleEvidence.isEmpty {
                // The reader can judge an inferred role only by the clues it rests on.
                output += "    (clues: " + t(turn.roleEvidence.joined(separator: "; ")) + ")\n"
            }
            for paragraph in turn.paragraphs {
                output += "    " + t(paragraph) + "\n"
            }
        }
        return output
    }

    private static func header(for turn: Turn) -> String {
        var place: [String] = []
        if let column = turn.column { place.append("col \(ControlCharacters.escaped(column))") }
        if let time = turn.time { place.append(ControlCharacters.escaped(time)) }
        let prefix = place.isEmpty ? "" : "[\(place.joined(separator: ", "))] "
        guard turn.kind == .speech else { return prefix + "(procedural)" }
        guard let speaker = turn.speaker else {
            let confidence = Int((turn.roleConfidence * 100).rounded())
            return prefix + "[speaker not named; \(turn.role.rawValue), inferred \(confidence)%]:"
        }
        var name = speaker.name
        if let office = speaker.office { name = "\(office) (\(speaker.name))" }
        var details: [String] = []
        if let constituency = speaker.constituency { details.append(constituency) }
        if let party = speaker.party { details.append(party) }
        let suffix = details.isEmpty ? "" : " (\(details.joined(separator: ", ")))"
        return prefix + ControlCharacters.escaped(name + suffix) + ":"
    }
}
