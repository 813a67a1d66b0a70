// swift-tools-version: 6.1
// libFuzzer targets for the ingestion module, one per input format. Built only from this folder,
// with the fuzzer sanitizer: see docs/fuzzing.md (`scripts/fuzz` builds and runs them).
import PackageDescription

let formats = [
    "HansardHTML", "HistoricHansardHTML", "PublicationsHTML", "ParlParseXML", "HistoricHansardXML", "PlainText",
]

let package = Package(
    name: "hansard-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "hansard", path: "..")
    ],
    targets: [
        .target(
            name: "FuzzSupport",
            dependencies: [
                .product(name: "HansardIngestion", package: "hansard"),
                .product(name: "HansardReports", package: "hansard"),
            ],
            path: "Sources/FuzzSupport"
        )
    ]
        + formats.map { format in
            .executableTarget(
                name: "fuzz-\(format)",
                dependencies: ["FuzzSupport", .product(name: "HansardIngestion", package: "hansard")],
                path: "Sources/fuzz-\(format)",
                // libFuzzer supplies main(); the target only defines LLVMFuzzerTestOneInput.
                swiftSettings: [.unsafeFlags(["-parse-as-library"])]
            )
        },
    swiftLanguageModes: [.v6]
)
