public import HansardAnalysis

/// Renders gold-page scores (`hansard evaluate`) as a plain-text table: precision, recall and F1 per page for
/// commitments, requests and evasions, request outcome accuracy, traps hit, the keyword baseline, and a pooled row.
public enum EvaluationRenderer {
    /// The table, then the pooled counts; `errors` lines follow their page's row when present.
    public static func render(_ pages: [PageEvaluation]) -> String {
        var output =
            pad("page", 52) + "  commitments P R F1   requests P R F1  outcome  evasions P R F1  traps"
            + "  baseline P R F1  govt turns P R\n"
        var pooled = (
            c: EvaluationScore(), r: EvaluationScore(), e: EvaluationScore(), b: EvaluationScore(), g: EvaluationScore()
        )
        var outcomes = (right: 0, total: 0)
        var kinds = (right: 0, total: 0)
        var traps = 0
        var anyGovernment = false
        for page in pages {
            pooled.c = pooled.c + page.commitments
            pooled.r = pooled.r + page.requests
            pooled.e = pooled.e + page.evasions
            pooled.b = pooled.b + page.baseline
            if let government = page.governmentTurns {
                pooled.g = pooled.g + government
                anyGovernment = true
            }
            outcomes.right += page.outcomes.right
            outcomes.total += page.outcomes.total
            kinds.right += page.kinds.right
            kinds.total += page.kinds.total
            traps += page.trapsHit.count
            output += row(
                String(page.file.prefix(52)), page.commitments, page.requests, page.outcomes, page.evasions,
                page.trapsHit.count, page.baseline, page.governmentTurns)
            for error in page.errors { output += "  " + error + "\n" }
        }
        output += row("POOLED", pooled.c, pooled.r, outcomes, pooled.e, traps, pooled.b, anyGovernment ? pooled.g : nil)
        output +=
            "counts: commitments \(counts(pooled.c)); requests \(counts(pooled.r)); outcomes "
            + "\(outcomes.right)/\(outcomes.total); kinds \(kinds.right)/\(kinds.total); evasions \(counts(pooled.e)); "
            + "baseline \(counts(pooled.b))" + (anyGovernment ? "; government turns \(counts(pooled.g))" : "") + "\n"
        return output
    }

    private static func row(
        _ name: String, _ c: EvaluationScore, _ r: EvaluationScore, _ outcomes: (right: Int, total: Int),
        _ e: EvaluationScore, _ traps: Int, _ b: EvaluationScore, _ g: EvaluationScore?
    ) -> String {
        let accuracy = outcomes.total == 0 ? "  –  " : figure(Double(outcomes.right) / Double(outcomes.total))
        let government = g.map { "  " + figure($0.precision) + " " + figure($0.recall) } ?? ""
        return pad(name, 52) + "  " + cells(c) + "   " + cells(r) + "  " + accuracy + "    " + cells(e) + "  "
            + pad(String(traps), 5) + "  " + cells(b) + government + "\n"
    }

    private static func cells(_ score: EvaluationScore) -> String {
        [score.precision, score.recall, score.f1].map(figure).joined(separator: " ")
    }

    private static func figure(_ value: Double?) -> String {
        guard let value else { return "  – " }
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    private static func counts(_ score: EvaluationScore) -> String {
        "P \(score.correct)/\(score.predicted) R \(score.found)/\(score.gold)"
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
