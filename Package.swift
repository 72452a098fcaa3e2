// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "crosscheck",
  products: [
    .executable(name: "crosscheck", targets: ["crosscheck"]),
    .library(name: "CrosscheckCore", targets: ["CrosscheckCore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
  ],
  targets: [
    // The analysis core: pure Swift, deterministic, no terminal, no SQL, no dependencies.
    .target(name: "CrosscheckCore"),

    // The shell: command language, registry, help, completion, rendering, command files.
    // Testable without a terminal; line editing is injected through `LineReader`.
    .target(name: "CrosscheckShell", dependencies: ["CrosscheckCore"]),

    // System libraries.
    .systemLibrary(
      name: "CLibEdit",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),

    // The executable: argument parsing and wiring, nothing else.
    .executableTarget(
      name: "crosscheck",
      dependencies: [
        "CrosscheckShell",
        "CLibEdit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),

    // A benchmark of the claims pipeline on a generated corpus (scripts/bench-claims).
    .executableTarget(name: "ClaimsBenchmark", dependencies: ["CrosscheckCore"], path: "Benchmarks/ClaimsBenchmark"),

    // Tests, and the golden-file helper they share.
    .target(name: "CrosscheckTestSupport", path: "Tests/TestSupport"),
    .testTarget(
      name: "CrosscheckCoreTests", dependencies: ["CrosscheckCore", "CrosscheckTestSupport"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "CrosscheckShellTests", dependencies: ["CrosscheckShell", "CrosscheckTestSupport"],
      exclude: ["Golden"]),
    .testTarget(
      name: "EndToEndTests", dependencies: ["crosscheck", "CrosscheckTestSupport"],
      exclude: ["Golden", "Fixtures"]),
  ],
  swiftLanguageModes: [.v6]
)
