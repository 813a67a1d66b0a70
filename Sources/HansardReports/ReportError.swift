/// Why a report could not be made.
///
/// Each description names the file or value and says what to do.
public enum ReportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The output folder or a file in it could not be created or written.
    case cannotWrite(path: String, reason: String)
    /// CSV or TSV column names no column has.
    case unknownColumns([String])
    /// A number JSON cannot hold: JSON has no NaN or infinity.
    case nonFiniteNumber(Double)

    /// The one line printed on stderr: the file, why it could not be written, and what to do.
    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason):
            return
                "\(path): cannot write the report (\(reason)); check the folder exists and is writable, or pass --out"
        case .unknownColumns(let names):
            return "no column named \(names.joined(separator: ", ")); the columns are "
                + CommitmentColumns.all.map(\.name).joined(separator: ", ")
        case .nonFiniteNumber(let value):
            return "\(value) cannot be written as a JSON number"
        }
    }
}
