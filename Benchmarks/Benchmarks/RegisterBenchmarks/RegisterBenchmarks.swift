import Benchmark
import BenchmarkSupport
import Foundation
import GRDB
import HansardAnalysis
import HansardIngestion
import HansardRegister
import HansardReports

/// Analysis and register costs: `analyse` (turns/s) over the corpus, `register add` (debates/s) into a
/// fresh register, and the queries on registers of 1,000,000 commitments (`HANSARD_BENCH_COMMITMENTS` for
/// another size): the outstanding list, searches by minister and department, the diff of two registers and
/// the report's index page.
let benchmarks: @Sendable () -> Void = {
    guard let corpus = try? AnalysedCorpus.load() else {
        print("RegisterBenchmarks: cannot read and analyse the corpus")
        return
    }
    let turnCount = corpus.debates.reduce(0) { $0 + $1.turns.count }

    Benchmark(
        "analyse corpus (\(corpus.debates.count) debates, \(turnCount) turns)",
        configuration: .init(
            metrics: [
                .wallClock, .peakMemoryResident, .mallocCountTotal,
                .custom("turns/s", polarity: .prefersLarger, useScalingFactor: false),
            ],
            maxDuration: .seconds(10), maxIterations: 100)
    ) { benchmark in
        let start = ContinuousClock.now
        benchmark.startMeasurement()
        for debate in corpus.debates { blackHole(corpus.analyzer.analyse(debate)) }
        benchmark.stopMeasurement()
        let seconds = (ContinuousClock.now - start) / .seconds(1)
        benchmark.measurement(
            .custom("turns/s", polarity: .prefersLarger, useScalingFactor: false), Int(Double(turnCount) / seconds))
    }

    Benchmark(
        "register add corpus into a new register (\(corpus.debates.count) debates)",
        configuration: .init(
            metrics: [
                .wallClock, .peakMemoryResident, .mallocCountTotal,
                .custom("debates/s", polarity: .prefersLarger, useScalingFactor: false),
            ],
            maxDuration: .seconds(10), maxIterations: 50)
    ) { benchmark in
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let register = try Register.open(at: folder.path + "/register.sqlite")
        let start = ContinuousClock.now
        benchmark.startMeasurement()
        for (debate, analysis) in zip(corpus.debates, corpus.analyses) {
            blackHole(try register.add(analysis, of: debate))
        }
        benchmark.stopMeasurement()
        let seconds = (ContinuousClock.now - start) / .seconds(1)
        benchmark.measurement(
            .custom("debates/s", polarity: .prefersLarger, useScalingFactor: false),
            Int(Double(corpus.debates.count) / seconds))
    }

    // Registers of 1,000,000 commitments, built once for the query benchmarks.
    let target = ProcessInfo.processInfo.environment["HANSARD_BENCH_COMMITMENTS"].flatMap(Int.init) ?? 1_000_000
    guard let large = try? LargeRegisters.make(from: corpus, commitments: target) else {
        print("RegisterBenchmarks: cannot build the \(target)-commitment registers")
        return
    }
    // A minister and a department the corpus names, for the searches.
    let minister = corpus.analyses.lazy.flatMap(\.commitments).compactMap(\.speaker.name).first ?? "Minister"
    let department = "Defence"
    let queryMetrics: [BenchmarkMetric] = [.wallClock, .peakMemoryResident, .mallocCountTotal]

    Benchmark(
        "outstanding list, first 50 (\(large.commitments) commitments)",
        configuration: .init(metrics: queryMetrics, maxDuration: .seconds(5), maxIterations: 200)
    ) { _ in
        blackHole(try large.old.commitments(CommitmentQuery(scope: .outstanding, limit: 50)))
    }

    Benchmark(
        "outstanding list, all rows (\(large.commitments) commitments)",
        configuration: .init(metrics: queryMetrics, maxDuration: .seconds(10), maxIterations: 20)
    ) { _ in
        blackHole(try large.old.commitments(CommitmentQuery(scope: .outstanding)))
    }

    Benchmark(
        "search by minister, first 50 (\(large.commitments) commitments)",
        configuration: .init(metrics: queryMetrics, maxDuration: .seconds(10), maxIterations: 50)
    ) { _ in
        blackHole(try large.old.commitments(CommitmentQuery(scope: .all, minister: minister, limit: 50)))
    }

    Benchmark(
        "search by department, outstanding, first 50 (\(large.commitments) commitments)",
        configuration: .init(metrics: queryMetrics, maxDuration: .seconds(10), maxIterations: 50)
    ) { _ in
        blackHole(try large.old.commitments(CommitmentQuery(scope: .outstanding, department: department, limit: 50)))
    }

    Benchmark(
        "search by unknown minister, all rows (\(large.commitments) commitments)",
        configuration: .init(metrics: queryMetrics, maxDuration: .seconds(10), maxIterations: 20)
    ) { _ in
        blackHole(try large.old.commitments(CommitmentQuery(scope: .all, minister: "Nobody Of That Name")))
    }

    // The index `hansard serve` shows and `hansard report` writes for a register of more than 2,000 commitments:
    // the register's figures counted in SQL, and the page made from them.
    Benchmark(
        "report index page (\(large.commitments) commitments)",
        configuration: .init(metrics: queryMetrics, maxDuration: .seconds(10), maxIterations: 20)
    ) { _ in
        let figures = try large.old.figures(asOf: nil, overdueLimit: HTMLReport.summaryOverdueRows)
        blackHole(HTMLReport.indexPage(figures, debatesLink: "lists/debates.html") { _ in nil })
    }

    Benchmark(
        "report index page as of a past date (\(large.commitments) commitments)",
        configuration: .init(metrics: queryMetrics, maxDuration: .seconds(20), maxIterations: 5)
    ) { _ in
        let figures = try large.old.figures(
            asOf: SittingDate("2026-11-25"), overdueLimit: HTMLReport.summaryOverdueRows)
        blackHole(HTMLReport.indexPage(figures, debatesLink: "lists/debates.html") { _ in nil })
    }

    // What `hansard report` reads before writing every page (the index is made from it too, in the same time as
    // from the figures).
    Benchmark(
        "report data load (\(large.commitments) commitments)",
        configuration: .init(
            metrics: queryMetrics, warmupIterations: 0, maxDuration: .seconds(30), maxIterations: 3)
    ) { _ in
        blackHole(try ReportData.load(from: large.old, asOf: SittingDate("2026-11-25")))
    }

    Benchmark(
        "diff of two register files read side by side (\(large.commitments) commitments each)",
        configuration: .init(metrics: queryMetrics, maxDuration: .seconds(20), maxIterations: 10)
    ) { _ in
        blackHole(try RegisterDiff(old: large.old, oldLabel: "old", new: large.new, newLabel: "new"))
    }

    Benchmark(
        "diff of two registers (\(large.commitments) commitments each)",
        configuration: .init(metrics: queryMetrics, maxDuration: .seconds(20), maxIterations: 10)
    ) { _ in
        let old = try large.old.snapshot()
        let new = try large.new.snapshot()
        blackHole(RegisterDiff(old: old, oldLabel: "old", new: new, newLabel: "new"))
    }
}

/// The corpus read and analysed once.
struct AnalysedCorpus: Sendable {
    let analyzer: Analyzer
    let debates: [Debate]
    let analyses: [Analysis]

    static func load() throws -> AnalysedCorpus {
        let analyzer = try Analyzer()
        var debates: [Debate] = []
        for pages in try CorpusPages.all() {
            for page in pages.pages {
                debates.append(try DebateReader().read(bytes: page.bytes, path: page.path))
            }
        }
        return AnalysedCorpus(analyzer: analyzer, debates: debates, analyses: debates.map(analyzer.analyse))
    }
}

struct TemporaryFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("hansard-bench-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// Removes the folder when the process exits: the large registers stay open until then, and the benchmark
    /// runs each benchmark in a process of its own, so folders left behind (3.6 GB each at 1,000,000 commitments)
    /// filled the disk until building the registers failed.
    func removeAtExit() {
        TemporaryFolder.lock.lock()
        TemporaryFolder.leftAtExit.append(path)
        TemporaryFolder.lock.unlock()
        TemporaryFolder.installCleanup
    }

    private static let lock = NSLock()
    // Written under `lock`; read once, at exit.
    nonisolated(unsafe) private static var leftAtExit: [String] = []
    private static let installCleanup: Void = {
        atexit {
            for path in TemporaryFolder.leftAtExit { try? FileManager.default.removeItem(atPath: path) }
        }
    }()
}

/// Two registers of about `commitments` commitments: the corpus added once through the API, then its
/// debates and commitments copied under distinct identities in SQL (as scripts/register-benchmark.sh
/// does); the second has every tenth commitment resolved and every fiftieth reworded.
struct LargeRegisters: @unchecked Sendable {
    let old: Register
    let new: Register
    let commitments: Int

    static func make(from corpus: AnalysedCorpus, commitments target: Int) throws -> LargeRegisters {
        let folder = try TemporaryFolder()
        folder.removeAtExit()
        let basePath = folder.path + "/base.sqlite"
        let base = try Register.open(at: basePath)
        for (debate, analysis) in zip(corpus.debates, corpus.analyses) { _ = try base.add(analysis, of: debate) }
        let queue = try DatabaseQueue(path: basePath)
        let perCopy = try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM commitment") ?? 0 }
        guard perCopy > 0 else { throw CocoaError(.featureUnsupported) }
        let copies = (target + perCopy - 1) / perCopy
        let oldPath = folder.path + "/old.sqlite"
        let newPath = folder.path + "/new.sqlite"
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "VACUUM INTO ?", arguments: [oldPath])
        }
        let old = try DatabaseQueue(path: oldPath)
        try old.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(
                sql: """
                    CREATE TEMP TABLE d0 AS SELECT * FROM debate;
                    CREATE TEMP TABLE c0 AS SELECT * FROM commitment;
                    DELETE FROM followUpLink; DELETE FROM speech; DELETE FROM request; DELETE FROM evasion; DELETE FROM mention;
                    DELETE FROM commitment;
                    DELETE FROM debateVersion; DELETE FROM debate;
                    WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < \(copies))
                    INSERT INTO debate SELECT d0.id || '-' || k, d0.identity || '#' || k, title, house, date, url, type,
                        sha256 || '-' || k, sourcePath, revision, addedAt, updatedAt, volume, format, bytes,
                        governmentTurns FROM d0, n;
                    WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < \(copies))
                    INSERT INTO commitment SELECT c0.id || '-' || k, c0.analysisId || '-' || k, c0.debateId || '-' || k,
                        debateDate, house, turn, speakerName, speakerRole, office, department, quote, action, object,
                        subject, timingPhrase, timingClass, dueBy, strength, source, requestId, status, statusDate,
                        firstRevision, missingSinceRevision, person, speakerAliases, departmentSource,
                        speakerEvidence, heading, debateTitle, startColumn, contributionId, government, parliament,
                        kind, analysisEvidence, machineValues FROM c0, n;
                    INSERT INTO commitmentSearch(commitmentSearch) VALUES('rebuild');
                    ANALYZE;
                    """)
            try db.execute(sql: "VACUUM INTO ?", arguments: [newPath])
        }
        let count = try old.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM commitment") ?? 0 }
        let new = try DatabaseQueue(path: newPath)
        try new.write { db in
            try db.execute(
                sql: """
                    INSERT INTO statusEvent SELECT 'e-' || id, id, 'fulfilled', '2024-01-01', '2024-01-02T00:00:00Z',
                        'bench', 'benchmark', NULL, NULL, NULL FROM commitment WHERE rowid % 10 = 0;
                    UPDATE commitment SET status = 'fulfilled', statusDate = '2024-01-01' WHERE rowid % 10 = 0;
                    UPDATE commitment SET quote = quote || ' (reworded)' WHERE rowid % 50 = 0;
                    """)
        }
        try old.close()
        try new.close()
        try queue.close()
        return LargeRegisters(
            old: try Register.open(at: oldPath, readOnly: true), new: try Register.open(at: newPath, readOnly: true),
            commitments: count)
    }
}
