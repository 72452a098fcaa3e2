import CrosscheckCore
import CrosscheckTestSupport
import Foundation
import GRDB
import Testing

@testable import CrosscheckShell
@testable import CrosscheckStore

/// Cross-document results kept in the session file: the same output after quitting and
/// opening again, read back rather than computed, and computed again when stale.
@Suite struct SessionResultsTests {
  static let packageRoot = SessionTests.packageRoot
  static let corpora = "'\(packageRoot)/samples/riverton-flood' '\(packageRoot)/Tests/EndToEndTests/Fixtures/corpus'"

  /// The commands built on cross-document results, in the formats their golden files cover.
  static let commands = [
    "quotes --all", "quotes --all --format json", "quotes", "quotes --format json", "quotes Q1 --explain", "speakers",
    "claims", "claims --format json", "claims --conflicts", "claims --conflicts --format json", "claims C1 --explain",
    "compare", "compare --format json", "compare --explain",
    "compare coastwire metro-herald", "compare coastwire metro-herald --format json", "compare coastwire metro-herald --explain",
    "diff quote Q1",
  ]

  let folder: String = {
    let path = NSTemporaryDirectory() + "crosscheck-results-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }()

  /// What the commands print, then the files `report` and `export` write (CSV and JSON Lines).
  func transcript(_ shell: Shell, _ console: TestConsole, name: String) throws -> String {
    var transcript = ""
    for command in Self.commands {
      console.output = ""
      #expect(shell.execute(command), "\(command): \(console.errors)")
      transcript += "$ \(command)\n\(console.output)"
    }
    let report = folder + "/\(name).html"
    #expect(shell.execute("report '\(report)'"), "\(console.errors)")
    transcript += "$ report\n" + (try String(contentsOfFile: report, encoding: .utf8))
    for format in ["csv", "jsonl"] {
      let tables = folder + "/\(name)-\(format)"
      #expect(shell.execute("export '\(tables)' --format \(format)"), "\(console.errors)")
      for file in try FileManager.default.contentsOfDirectory(atPath: tables).sorted() {
        transcript += "$ export \(format): \(file)\n" + (try String(contentsOfFile: tables + "/" + file, encoding: .utf8))
      }
    }
    return transcript
  }

  /// A session file holding the corpora and every result the commands need.
  func sessionWithResults(_ path: String) throws -> String {
    let console = TestConsole()
    let shell = Shell(console: console)
    try shell.openSession(path, create: true)
    #expect(shell.execute("load \(Self.corpora)"))
    #expect(shell.execute("set width 100"))
    let computed = try transcript(shell, console, name: "computed")
    #expect(console.errors.isEmpty, "\(console.errors)")
    shell.closeSession()
    return computed
  }

  /// What is stored in the session file at `path`, by kind.
  func storedKinds(_ path: String) throws -> [String] {
    let store = try Store.open(path, create: false)
    defer { store.close() }
    return try store.writer.read { db in try String.fetchAll(db, sql: "SELECT kind || '/' || variant FROM results ORDER BY kind, variant") }
  }

  /// Changes the session file at `path` with SQL, as another program could.
  func change(_ path: String, _ statements: String) throws {
    let store = try Store.open(path, create: false)
    defer { store.close() }
    try store.writer.write { db in try db.execute(sql: statements) }
  }

  @Test func openingGivesTheSameOutputFromTheStoredResults() throws {
    let path = folder + "/results.crosscheck"
    let computed = try sessionWithResults(path)
    #expect(try storedKinds(path) == ["claim-groups/", "claims/", "quotes/", "similarity/auto"])

    let console = TestConsole()
    let shell = Shell(console: console)
    try shell.openSession(path, create: false)
    #expect(shell.results.isEmpty, "results are read when a command needs them, not at open")
    let restored = try transcript(shell, console, name: "restored")
    #expect(restored == computed, "\(Golden.lineDiff(computed, restored))")
    #expect(console.errors.isEmpty, "\(console.errors)")
    shell.closeSession()
  }

  @Test func storedResultsAreReadNotComputedAgain() throws {
    let path = folder + "/marked.crosscheck"
    _ = try sessionWithResults(path)
    // Marks that only reading the stored rows can show.
    try change(path, """
      UPDATE claim_groups SET reason = 'as stored';
      UPDATE quote_speakers SET name = 'Stored Speaker' WHERE number = 0;
      UPDATE similar_pairs SET reason = 'stored hint' WHERE reason IS NOT NULL;
      """)
    let console = TestConsole()
    let shell = Shell(console: console)
    try shell.openSession(path, create: false)
    #expect(shell.execute("claims C1 --explain --format json"))
    #expect(console.output.contains("as stored"))
    #expect(shell.execute("speakers"))
    #expect(console.output.contains("Stored Speaker"))
    #expect(shell.execute("compare --explain"))
    #expect(console.output.contains("stored hint"))
    shell.closeSession()
  }

  /// A result of an older analysis version, or of documents that have changed since, is
  /// computed again and replaces the stored one.
  @Test(arguments: [
    "UPDATE results SET version = version - 1",
    "UPDATE documents SET text = replace(text, 'levee', 'dikes') WHERE id = 'coastwire'",
  ])
  func aStaleResultIsComputedAgain(_ staleness: String) throws {
    let path = folder + "/stale.crosscheck"
    _ = try sessionWithResults(path)
    try change(path, "UPDATE claim_groups SET reason = 'as stored';" + staleness)
    let console = TestConsole()
    let shell = Shell(console: console)
    try shell.openSession(path, create: false)
    #expect(shell.execute("claims --explain --format json"))
    #expect(!console.output.contains("as stored"))
    #expect(console.output.contains("\"agreement\""))
    let current = shell.corpusFingerprint
    shell.closeSession()
    let store = try Store.open(path, create: false)
    defer { store.close() }
    #expect(try store.storedResults(for: current).contains(.claimGroups(rates: "")))
  }

  @Test func anInMemorySessionStoresItsResultsWhenSaved() throws {
    let path = folder + "/saved.crosscheck"
    let console = TestConsole()
    let shell = Shell(console: console)
    #expect(shell.execute("load \(Self.corpora)"))
    #expect(shell.execute("quotes"))
    #expect(shell.execute("compare --method exact"))
    #expect(try shell.store.storedResults(for: shell.corpusFingerprint).isEmpty, "nothing is written before save")
    #expect(shell.execute("save '\(path)'"))
    #expect(try storedKinds(path) == ["quotes/", "similarity/exact index"])
  }

  @Test func loadingAndUnloadingDropTheResults() throws {
    let path = folder + "/changed.crosscheck"
    _ = try sessionWithResults(path)
    let console = TestConsole()
    let shell = Shell(console: console)
    try shell.openSession(path, create: false)
    #expect(shell.execute("unload kvrt-news"))
    #expect(try shell.store.storedResults(for: shell.corpusFingerprint).isEmpty)
    console.output = ""
    #expect(shell.execute("claims --format json"))
    #expect(!console.output.contains("kvrt-news"))
    #expect(try shell.store.storedResults(for: shell.corpusFingerprint) == [.claims, .claimGroups(rates: "")])
    #expect(shell.execute("load '\(Self.packageRoot)/samples/riverton-flood/kvrt-news.txt'"))
    #expect(try shell.store.storedResults(for: shell.corpusFingerprint).isEmpty)
    shell.closeSession()
  }
}
