// swift-tools-version: 6.1
// The benchmarks live in their own package so that `swift test` of hansard never builds the
// benchmark stack. Run them from this folder: `swift package benchmark` (see docs/performance.md).
import PackageDescription

let package = Package(
    name: "hansard-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "hansard", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        // For building the 1,000,000-commitment registers in SQL, as scripts/register-benchmark.sh does.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .target(
            name: "BenchmarkSupport",
            dependencies: [.product(name: "HansardIngestion", package: "hansard")],
            path: "Sources/BenchmarkSupport"
        ),
        .executableTarget(
            name: "ParseBenchmarks",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "HansardIngestion", package: "hansard"),
                .product(name: "HansardReports", package: "hansard"),
            ],
            path: "Benchmarks/ParseBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "RegisterBenchmarks",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "HansardIngestion", package: "hansard"),
                .product(name: "HansardAnalysis", package: "hansard"),
                .product(name: "HansardRegister", package: "hansard"),
                .product(name: "HansardReports", package: "hansard"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Benchmarks/RegisterBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // A plain, single-threaded driver for profilers: valgrind 3.19 cannot follow the worker
        // threads `hansard parse` starts, so callgrind runs this instead (docs/performance.md).
        .executableTarget(
            name: "parse-profile",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "HansardIngestion", package: "hansard"),
                .product(name: "HansardReports", package: "hansard"),
            ],
            path: "Sources/parse-profile"
        ),
    ],
    swiftLanguageModes: [.v6]
)
