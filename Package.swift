// swift-tools-version: 6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "hansard",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "hansard", targets: ["hansard"]),
        .library(name: "HansardIngestion", targets: ["HansardIngestion"]),
        .library(name: "HansardAnalysis", targets: ["HansardAnalysis"]),
        .library(name: "HansardReports", targets: ["HansardReports"]),
        .library(name: "HansardRegister", targets: ["HansardRegister"]),
        .library(name: "HansardFetch", targets: ["HansardFetch"]),
        .library(name: "HansardServe", targets: ["HansardServe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        // `hansard serve`. Only the FullFoundation trait: the default ConfigurationSupport would build
        // swift-configuration, which hansard does not use.
        .package(
            url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(
            name: "HansardIngestion",
            dependencies: ["CLibXML2", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        // Fetching sits below analysis in the data flow (URL -> bytes -> Debate): it needs the reader only, to
        // refuse a page that is not a debate before it enters the cache. HTTP is Foundation's URLSession
        // (FoundationNetworking, libcurl on Linux): it ships with the toolchain, so it adds no build time.
        .target(
            name: "HansardFetch",
            dependencies: ["HansardIngestion", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "HansardAnalysis",
            dependencies: ["HansardIngestion", .product(name: "Crypto", package: "swift-crypto")],
            resources: [
                .copy("Resources/lexicon.json"), .copy("Resources/wordnet.tsv"),
                .copy("Resources/offices.json"), .copy("Resources/departments.json"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "HansardRegister",
            dependencies: [
                "HansardIngestion",
                "HansardAnalysis",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            resources: [.copy("Resources/uk-parliament-sessions.csv"), .copy("Resources/uk-administrations.csv")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "HansardReports",
            dependencies: ["HansardIngestion", "HansardAnalysis", "HansardRegister"],
            swiftSettings: strictSettings
        ),
        // The web app over the register: routes, forms, token and CSRF checks. Above Reports in the data flow: it
        // renders the report's pages as they are asked for and writes through the register's methods.
        .target(
            name: "HansardServe",
            dependencies: [
                "HansardIngestion", "HansardAnalysis", "HansardRegister", "HansardReports",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "hansard",
            dependencies: [
                "HansardIngestion",
                "HansardAnalysis",
                "HansardRegister",
                "HansardReports",
                "HansardFetch",
                "HansardServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "HansardTestSupport",
            dependencies: ["HansardIngestion"],
            path: "Tests/HansardTestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "HansardIngestionTests",
            dependencies: ["HansardTestSupport", "HansardIngestion"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "HansardReportsTests",
            // `hansard`: JSONRenderingTests runs the executable, so it must be built first.
            dependencies: [
                "HansardTestSupport", "HansardReports", "HansardRegister", "HansardIngestion", "HansardAnalysis",
                "hansard",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "hansardTests",
            dependencies: ["HansardTestSupport", "hansard"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "HansardServeTests",
            // The server runs as the built executable, as a user starts it.
            dependencies: ["HansardTestSupport", "hansard"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "HansardFetchTests",
            dependencies: ["HansardTestSupport", "HansardFetch", "HansardIngestion", "HansardRegister"],
            exclude: ["loopback-server.py"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "HansardAnalysisTests",
            dependencies: ["HansardTestSupport", "HansardAnalysis", "HansardIngestion"],
            resources: [.copy("Gold")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "HansardRegisterTests",
            dependencies: [
                "HansardTestSupport",
                "HansardRegister", "HansardIngestion", "HansardAnalysis", "HansardReports",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The register command tests run the executable, so it must be built first.
                "hansard",
            ],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
