import Foundation
import HansardAnalysis
import HansardIngestion
import HansardRegister

/// The self-contained HTML report: `index.html`, one page per debate under `debates/`, one per commitment
/// under `commitments/`. Pages link to each other by relative paths and load nothing from anywhere else.
public enum HTMLReport {
    /// Every page, as (path relative to the output folder, contents), in a stable order.
    /// - Parameter progress: called after each page with the number made and the total.
    public static func pages(
        _ data: ReportData, progress: (Int, Int) -> Void = { _, _ in }
    ) -> [(path: String, contents: String)] {
        let total = 1 + data.snapshot.debates.count + data.snapshot.commitments.count
        var pages: [(path: String, contents: String)] = [("index.html", IndexPage(data: data).render())]
        progress(pages.count, total)
        for debate in data.snapshot.debates {
            pages.append(("debates/\(HTML.fileName(debate.id)).html", DebatePage(data: data, debate: debate).render()))
            progress(pages.count, total)
        }
        for commitment in data.snapshot.commitments {
            pages.append(
                (
                    "commitments/\(HTML.fileName(commitment.id)).html",
                    CommitmentPage(data: data, commitment: commitment).render()
                ))
            progress(pages.count, total)
        }
        return pages
    }
}
