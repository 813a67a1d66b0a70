public import HansardIngestion

extension SittingDate {
    /// The date a test writes as `yyyy-MM-dd`, read off a page; a text that names no day stops the run at once
    /// rather than comparing against nil.
    public static func of(_ text: String) -> SittingDate {
        guard let date = SittingDate(text) else { preconditionFailure("\(text) is not a yyyy-MM-dd date") }
        return date
    }
}
