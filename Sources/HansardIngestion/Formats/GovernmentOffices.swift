/// The offices whose holders answer for the government, as every page format prints them: one list,
/// so that a minister is a minister whichever rendering of the debate hansard reads.
enum GovernmentOffices {
    /// Lower-case fragments; an office line that contains one names a government post.
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

    /// Fragments that make an office the opposition's or nobody's, whatever else it says.
    private static let exclusions = ["shadow", "opposition", "private secretary"]

    /// True when `text` (an office line or a title-like name) names a government office.
    static func named(in text: String) -> Bool {
        let lower = text.asciiLowercased()
        if exclusions.contains(where: { lower.containsBytes($0) }) { return false }
        return fragments.contains { lower.containsBytes($0) }
    }
}
