import Foundation
import HansardTestSupport
import Testing

/// `HANSARD_DUMP_FEATURES=1`, which scripts/train-commitments and scripts/train-outcomes read: the dump goes to
/// standard error only, leaves the analysis unchanged, and lists every commitment the grammar read as one.
@Suite("Feature dump for the trained scorers")
struct FeatureDumpTests {
    static let page = CorpusFile.relativePath(
        "parlparse-xml/lords-2009-10-27-written-ministerial-statements-parlparse.xml")

    @Test("Dumping leaves stdout byte-identical, and every explicit commitment is a candidate the grammar kept")
    func dumpMatchesAnalysis() throws {
        let plain = try HansardCommand.run(["analyse", "--format", "json", Self.page])
        let dumped = try HansardCommand.run(
            ["analyse", "--format", "json", Self.page], environment: ["HANSARD_DUMP_FEATURES": "1"])
        #expect(plain.status == 0 && dumped.status == 0)
        #expect(plain.standardError.isEmpty)
        #expect(dumped.standardOutput == plain.standardOutput)

        let candidates = try dumped.standardError.split(separator: "\n")
            .filter { $0.hasPrefix("{\"candidate\"") }
            .map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:] }
        let kept = candidates.filter { $0["hand"] as? Bool == true }
        // The candidates the grammar set aside (predictions, debate management, others' acts) are there too.
        #expect(kept.count < candidates.count)
        for candidate in kept {
            let features = candidate["features"] as? [String: Double] ?? [:]
            #expect(features["reading.commitment"] == 1)
        }

        let analysis = try JSONSerialization.jsonObject(with: Data(plain.standardOutput.utf8)) as? [String: Any]
        let commitments = (analysis?["commitments"] as? [[String: Any]] ?? []).filter {
            $0["source"] as? String == "explicit"
        }
        #expect(!commitments.isEmpty)
        for commitment in commitments {
            let turn = commitment["turn"] as? Int
            let quote = commitment["quote"] as? String
            #expect(
                kept.contains { $0["turn"] as? Int == turn && $0["quote"] as? String == quote },
                "\(turn ?? -1): \(quote ?? "")")
        }
    }
}
