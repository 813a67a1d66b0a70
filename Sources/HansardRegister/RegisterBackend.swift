public import Foundation
public import HansardAnalysis
public import HansardIngestion

/// What every register command asks of a register, whatever keeps it: an SQLite file (``Register``, the default)
/// or a PostgreSQL database a team shares (``PostgresRegister``).
///
/// Both keep the same tables, ids and event log, so an export of either is the same `hansard.register/1` bytes for
/// the same contents and ``importSnapshot(_:from:)`` moves a register from one to the other. Each method runs its
/// own transaction. Open one with ``Registers/open(at:readOnly:)``.
public protocol RegisterBackend: Sendable {
    /// Where the register is, as a user may be shown it: the file, or the address with any password hidden.
    var location: String { get }
    /// The backup copy written before this open migrated the register, if it did.
    var backupPath: String? { get }
    /// The file beside which fetched pages are cached (`cache/pages/…` in its folder): the register file itself,
    /// or for a server register the default register file's place on this machine.
    var pageCacheAnchor: String { get }

    /// Stores a debate's analysis in one transaction (see ``Register/add(_:of:reanalysing:)``).
    func add(_ analysis: Analysis, of debate: Debate, reanalysing: Bool) throws(RegisterError) -> AddOutcome
    func hasPageVersion(sha256: String) throws(RegisterError) -> Bool

    func commitments(_ query: CommitmentQuery) throws(RegisterError) -> CommitmentList
    /// The register's figures as of `asOf` (nil for today), with at most `overdueLimit` of the longest overdue.
    func figures(asOf: SittingDate?, overdueLimit: Int) throws(RegisterError) -> RegisterFigures
    /// Every minister's name and department the register's commitments give, once each, in order.
    func names() throws(RegisterError) -> RegisterNames
    /// The part of the register the pages of `debates` and `commitments` show, in the snapshot's order
    /// (``Register/pageSnapshot(debates:commitments:)``).
    func pageSnapshot(debates: [String], commitments: [String]) throws(RegisterError) -> RegisterSnapshot
    func detail(of id: String) throws(RegisterError) -> CommitmentDetail
    func context(for listings: [CommitmentListing]) throws(RegisterError) -> RowContext
    func shortIds(for ids: [String]?, minimum: Int) throws(RegisterError) -> [String: String]
    func commitmentId(matching text: String) throws(RegisterError) -> String
    func pendingLinkListings() throws(RegisterError) -> [Register.LinkListing]

    func edit(_ id: String, _ values: [CommitmentField: String?], reason: String?, actor: String?)
        throws(RegisterError) -> (commitmentId: String, edits: [CommitmentEditRecord])
    func dismiss(_ id: String, reason: String, actor: String?) throws(RegisterError) -> StatusEventRecord
    func resolve(
        _ id: String, status: CommitmentStatus, evidence: String, date: String?, note: String?, actor: String?
    ) throws(RegisterError) -> StatusEventRecord
    func reopen(_ id: String, note: String?, date: String?, actor: String?) throws(RegisterError) -> StatusEventRecord
    func addNote(_ id: String, text: String, actor: String?) throws(RegisterError) -> NoteRecord
    func confirm(_ linkId: String, status: CommitmentStatus?, actor: String?)
        throws(RegisterError) -> (link: FollowUpLinkRecord, event: StatusEventRecord?)
    func reject(_ linkId: String, actor: String?) throws(RegisterError) -> FollowUpLinkRecord
    func lapseAtDissolution(parliament: String?, asOf: String?, actor: String?, dryRun: Bool)
        throws(RegisterError) -> [Register.Lapse]
    func undoLapses(parliament: String?, actor: String?, dryRun: Bool) throws(RegisterError) -> [Register.Lapse]

    /// The whole register as a canonical snapshot.
    func snapshot() throws(RegisterError) -> RegisterSnapshot
    /// The register as it stood at the end of `date`.
    func snapshot(asOf date: SittingDate) throws(RegisterError) -> RegisterSnapshot
    func importSnapshot(_ snapshot: RegisterSnapshot, from path: String) throws(RegisterError) -> Register.ImportSummary
}

extension Register: RegisterBackend {
    /// The register file.
    public var location: String { path }
    /// The register file: pages are cached beside it.
    public var pageCacheAnchor: String { path }
}

/// Opens registers by location.
public enum Registers {
    /// Opens the register at `location`.
    ///
    /// A file name is an SQLite register, created when there is no file yet; `postgres://…` (or `postgresql://…`) a
    /// PostgreSQL one, whose database must exist (its tables are created on first write). Any other `scheme://` is
    /// refused.
    /// - Parameters:
    ///   - location: a file name or a `postgres://` address.
    ///   - readOnly: open for reading only: nothing is created, migrated or left behind.
    /// - Returns: the register.
    /// - Throws: ``RegisterError`` naming the location and the reason.
    public static func open(at location: String, readOnly: Bool = false) throws(RegisterError) -> any RegisterBackend {
        if let scheme = RegisterFile.addressScheme(location), PostgresRegister.schemes.contains(scheme) {
            return try PostgresRegister.open(at: location, readOnly: readOnly)
        }
        return try Register.open(at: location, readOnly: readOnly)
    }

    /// The file beside which pages are cached when the register is at `location`: the location itself for a
    /// file, else the default register file of this machine (from the environment without `HANSARD_REGISTER`).
    public static func pageCacheAnchor(
        for location: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        guard Register.isAddress(location) else { return location }
        var environment = environment
        environment["HANSARD_REGISTER"] = nil
        return Register.defaultPath(environment: environment)
    }
}
