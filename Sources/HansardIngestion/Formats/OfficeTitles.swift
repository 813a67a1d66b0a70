/// Ministerial office titles as the pages print them, for reading a page's speaker labels.
///
/// They tell whether the part of "THE HOME SECRETARY (Mr. McKENNA)" before the name is an office, whether "To ask
/// the Chairman of Committees" asks a minister, and which office line to report as the role the page states.
///
/// This is how the reader takes a label apart, not the decision who speaks for the Government: that is the
/// analysis's, from its own office patterns and the rest of the page's evidence (`HansardAnalysis`, `offices.json`;
/// docs/analysis.md, "Government speakers"), which also puts each speaker in a department.
enum OfficeTitles {
    /// Lower-case fragments; an office line that contains one is printed as a ministerial office.
    private static let fragments = [
        "minister", "secretary of state", "parliamentary secretary", "chief secretary", "financial secretary",
        "economic secretary", "exchequer secretary", "secretary to the treasury", "secretary for",
        "under-secretary", "under secretary", "solicitor general", "solicitor-general", "attorney general",
        "attorney-general", "advocate general", "advocate-general", "lord advocate", "chancellor", "paymaster",
        "privy seal", "lord president", "in waiting", "leader of the house", "president of the board",
        "first lord", "civil lord", "postmaster", "comptroller of the household", "treasurer of the household",
        "vice-chamberlain", "lord commissioner", "lords commissioner", "whip", "captain of the",
        "duchy of lancaster", "cop26 president",
    ]

    /// Words the page prints to say an office is not a minister's, whatever else it says.
    private static let exclusions = ["shadow", "opposition", "private secretary"]

    /// True when `text` (an office line or a title-like name) is printed as a ministerial office.
    static func isMinisterial(_ text: String) -> Bool {
        let lower = text.asciiLowercased()
        if exclusions.contains(where: { lower.containsBytes($0) }) { return false }
        return fragments.contains { lower.containsBytes($0) }
    }
}
