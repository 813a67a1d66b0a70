import Benchmark
import BenchmarkSupport
import Foundation
import HansardIngestion
import HansardReports

/// Parse throughput per input format.
///
/// Every corpus page of the format is read into a `Debate` and written as a JSON line (what
/// `hansard parse --jsonl` does per file), pages held in memory. One iteration reads every page of the format once; `kB/s` is the corpus bytes over the time taken
/// (kilobytes, so that the small plain-text save still shows a figure).
let benchmarks: @Sendable () -> Void = {
    let corpus = (try? CorpusPages.all()) ?? []
    for pages in corpus {
        let megabytes = Double(pages.byteCount) / 1_000_000
        Benchmark(
            "parse \(pages.format.rawValue) (\(pages.pages.count) pages, \(String(format: "%.2f", megabytes)) MB)",
            configuration: .init(
                metrics: [
                    .wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal, .throughput,
                    .custom("kB/s", polarity: .prefersLarger, useScalingFactor: false),
                ],
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

    // Large inputs (issue 12): one page far past the corpus's sizes. Time should grow with the bytes and
    // peak memory stay a small multiple of them; a 51 MB text save of one long paragraph took 1.15 GB.
    let large: [(String, () throws -> [UInt8])] = [
        ("parse a 10 MB text save (many paragraphs)", { try LargeInputs.textSave(megabytes: 10) }),
        ("parse a 51 MB text save (many paragraphs)", { try LargeInputs.textSave(megabytes: 51) }),
        ("parse a 51 MB text save (one 50 MB paragraph)", { try LargeInputs.textSaveWithOneParagraph(megabytes: 50) }),
        (
            "parse hansard-html with an 11.7 MB speech",
            { try LargeInputs.modernPageWithLongSpeech(characters: 11_700_000) }
        ),
    ]
    for (name, build) in large {
        Benchmark(
            name,
            configuration: .init(
                metrics: [
                    .wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal,
                    .custom("kB/s", polarity: .prefersLarger, useScalingFactor: false),
                ],
                maxDuration: .seconds(20), maxIterations: 5)
        ) { benchmark in
            // Built here, not when the benchmarks are registered, so that only this page is in memory.
            let bytes = try build()
            let megabytes = Double(bytes.count) / 1_000_000
            let reader = DebateReader()
            let start = ContinuousClock.now
            benchmark.startMeasurement()
            let debate = try reader.read(bytes: bytes, path: name)
            blackHole(try JSONRendering.lineBytes(debate))
            benchmark.stopMeasurement()
            let elapsed = (ContinuousClock.now - start) / .seconds(1)
            benchmark.measurement(
                .custom("kB/s", polarity: .prefersLarger, useScalingFactor: false), Int(megabytes * 1000 / elapsed))
        }
    }
}
