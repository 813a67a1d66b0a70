import Foundation
import HansardAnalysis
import HansardIngestion
import HansardRegister

/// The report's `commitments.csv`: one row per commitment in the one column table every CSV shares
/// (``CommitmentColumns``), its standing as of the report's date (RFC 4180: CRLF, quoted where needed; UTF-8).
public enum CSVReport {
    /// The report's commitments as CSV.
    /// - Parameters:
    ///   - data: the report's register data and date.
    ///   - columns: the columns, by default all of them.
    ///   - formulaGuard: prefix `'` to cells a spreadsheet would run as formulas (see ``CSVWriting``).
    ///   - excel: a byte order mark first, for Excel.
    /// - Returns: the file's contents: the header record and one record per commitment.
    public static func render(
        _ data: ReportData, columns: [CommitmentColumns.Column] = CommitmentColumns.all, formulaGuard: Bool = true,
        excel: Bool = false
    ) -> String {
        CommitmentColumns.csv(data.rows, columns: columns, formulaGuard: formulaGuard, excel: excel)
    }
}
