// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "crosscheck",
  products: [
    .executable(name: "crosscheck", targets: ["crosscheck"]),
    .executable(name: "crosscheck-shell", targets: ["crosscheck-shell"]),
    .library(name: "CrosscheckCore", targets: ["CrosscheckCore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
  ],
  targets: [
    // The analysis core: pure Swift, deterministic, no terminal, no SQL; libxml2 only to
    // parse HTML pages.
    .target(name: "CrosscheckCore", dependencies: ["CrosscheckWordDiff", "CLibXML2"]),

    // The whole-text word diff: tokens, character classes, Myers, histogram and patience
    // diffs, edit scripts and the marked-text writer. Standard library and libc only, so that
    // the statically linked launcher can run `crosscheck diff FILE FILE` without Foundation.
    .target(name: "CrosscheckWordDiff", dependencies: ["CPrefetch"]),
    // One C hint the word scanner needs: fetch a cache line ahead.
    .systemLibrary(name: "CPrefetch"),

    // The session store: SQLite through GRDB (the only target that imports it): saving and
    // reopening sessions, full-text search, read-only SQL.
    .target(
      name: "CrosscheckStore",
      dependencies: [
        "CrosscheckCore",
        .product(name: "GRDB", package: "GRDB.swift"),
        // The C API, for the `sql` connection that needs an authorizer and a progress handler.
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ]
    ),

    // The shell: command language, registry, help, completion, rendering, command files.
    // Testable without a terminal; line editing is injected through `LineReader`.
    .target(name: "CrosscheckShell", dependencies: ["CrosscheckCore", "CrosscheckStore"]),

    // System libraries.
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    .systemLibrary(
      name: "CLibEdit",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),

    // The full program: argument parsing and wiring, nothing else.
    .executableTarget(
      name: "crosscheck-shell",
      dependencies: [
        "CrosscheckShell",
        "CLibEdit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),

    // The `crosscheck` command: a statically linked launcher that runs `crosscheck diff FILE
    // FILE` itself, without the start-up of the dynamic libraries, and hands every other
    // command line to crosscheck-shell, which must be built beside it (`swift build` builds
    // both; the scripts do). Linked by
    // lld, which does not turn glibc's note on `dlopen` in static programs (a function the
    // Swift runtime refers to but the launcher never reaches) into a warning.
    .executableTarget(
      name: "crosscheck",
      dependencies: ["CrosscheckWordDiff"],
      linkerSettings: [.unsafeFlags(["-static-executable", "-use-ld=lld"])]
    ),

    // Benchmarks: `crosscheck-bench text FOLDER` (see scripts/bench-text) and
    // `crosscheck-bench scan A B [RUNS]` (the word scanner alone).
    .executableTarget(name: "crosscheck-bench", dependencies: ["CrosscheckCore", "CrosscheckWordDiff"]),

    // Stage timings of `compare` for scripts/bench-compare (not shipped).
    .executableTarget(name: "compare-bench", dependencies: ["CrosscheckCore"]),

    // Benchmarks, run in release by scripts/bench-quotes (not tests: timings vary with load).
    .executableTarget(name: "quote-benchmark", dependencies: ["CrosscheckCore"], path: "Benchmarks/QuoteBenchmark"),

    // A benchmark of the claims pipeline on a generated corpus (scripts/bench-claims).
    .executableTarget(name: "ClaimsBenchmark", dependencies: ["CrosscheckCore"], path: "Benchmarks/ClaimsBenchmark"),

    // Fuzzing: the entry points untrusted input reaches, and `crosscheck-fuzz TARGET`, which
    // hands one to libFuzzer when built by scripts/fuzz (-DFUZZING, -sanitize=fuzzer) and
    // otherwise replays files through it.
    .target(name: "CrosscheckFuzzing", dependencies: ["CrosscheckCore", "CrosscheckShell"]),
    .systemLibrary(name: "CFuzzing"),
    .executableTarget(name: "crosscheck-fuzz", dependencies: ["CrosscheckFuzzing", "CFuzzing"]),

    // Tests, and the golden-file helper they share.
    .target(name: "CrosscheckTestSupport", path: "Tests/TestSupport"),
    .testTarget(
      name: "CrosscheckCoreTests", dependencies: ["CrosscheckCore", "CrosscheckWordDiff", "CrosscheckTestSupport"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "CrosscheckStoreTests", dependencies: ["CrosscheckStore", "CrosscheckTestSupport"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "CrosscheckShellTests",
      dependencies: ["CrosscheckShell", "CrosscheckStore", "CrosscheckWordDiff", "CrosscheckTestSupport"],
      exclude: ["Golden", "Fixtures"]),
    .testTarget(name: "CrosscheckFuzzingTests", dependencies: ["CrosscheckFuzzing"], exclude: ["Corpus"]),
    .testTarget(
      name: "EndToEndTests", dependencies: ["crosscheck-shell", "CrosscheckTestSupport"],
      exclude: ["Golden", "Fixtures"]),
  ],
  swiftLanguageModes: [.v6]
)
