// The analysis module turns a parsed Debate into an Analysis; see issue 4.
import HansardIngestion

/// The version of the analysis rules, written into every analysis.
public enum HansardAnalysisVersion {
    public static let current = "0"
}
