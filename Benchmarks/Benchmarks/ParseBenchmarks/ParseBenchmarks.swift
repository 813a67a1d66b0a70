import Benchmark
import BenchmarkSupport
import Foundation
import HansardIngestion
import HansardReports

/// Parse throughput per input format: every corpus page of the format read into a `Debate` and written
/// as a JSON line (what `hansard parse --jsonl` does per file), pages held in memory.
/// One iteration reads every page of the format once; `kB/s` is the corpus bytes over the time taken
/// (kilobytes, so that the small plain-text save still shows a figure).
let benchmarks: @Sendable () -> Void = {
    let corpus = (try? CorpusPages.all()) ?? []
    for pages in corpus {
        let megabytes = Double(pages.byteCount) / 1_000_000
        Benchmark(
            "parse \(pages.format.rawValue) (\(pages.pages.count) pages, \(String(format: "%.2f", megabytes)) MB)",
            configuration: .init(
                metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal, .throughput,
                          .custom("kB/s", polarity: .prefersLarger, useScalingFactor: false)],
                maxDuration: .seconds(5), maxIterations: 200)
        ) { benchmark in
            let reader = DebateReader()
            let start = ContinuousClock.now
            benchmark.startMeasurement()
            for page in pages.pages {
                let debate = try reader.read(bytes: page.bytes, path: page.path)
                blackHole(try JSONRendering.line(debate))
            }
            benchmark.stopMeasurement()
            let elapsed = (ContinuousClock.now - start) / .seconds(1)
            benchmark.measurement(
                .custom("kB/s", polarity: .prefersLarger, useScalingFactor: false), Int(megabytes * 1000 / elapsed))
        }
    }
}
