import CrosscheckTestSupport
import Foundation
import Testing

@testable import CrosscheckShell

@Suite struct SessionTests {
  static let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  /// Commands whose output must not change when a session is saved, the shell quits, and
  /// the session is opened again. As an analysis lands, its command joins with one line.
  static let commands = [
    "sources",
    "sources --format json",
    "sources metro-herald --format json",
    "show coastwire --sentences --format json",
    "search levee --limit 5",
    "search \"Lower Quay\" evacu* --format json",
    "quotes --all --format json",
    "claims --format json",
    "compare --format json",
    "sql \"SELECT id, outlet, words, characters FROM documents ORDER BY key\"",
    "set width",
  ]

  let folder: String = {
    let path = NSTemporaryDirectory() + "crosscheck-session-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }()

  /// Each command's output, with the package's folder written as <root>.
  func outputs(_ shell: Shell, _ console: TestConsole) -> String {
    var transcript = ""
    for command in Self.commands {
      console.output = ""
      #expect(shell.execute(command), "\(command): \(console.errors)")
      transcript += "$ \(command)\n\(console.output)"
    }
    return transcript.replacingOccurrences(of: Self.packageRoot, with: "<root>")
  }

  @Test func saveQuitAndOpenGiveIdenticalOutput() throws {
    let path = folder + "/flood.crosscheck"
    let first = TestConsole()
    var shell = Shell(console: first)
    #expect(shell.execute("load '\(Self.packageRoot)/samples/riverton-flood' '\(Self.packageRoot)/Tests/EndToEndTests/Fixtures/corpus'"))
    #expect(shell.execute("set width 100"))
    let before = outputs(shell, first)
    #expect(shell.execute("save '\(path)'"))
    shell.closeSession()

    let second = TestConsole()
    shell = Shell(console: second)
    #expect(shell.execute("open '\(path)'"), "\(second.errors)")
    let after = outputs(shell, second)
    #expect(after == before, "\(Golden.lineDiff(before, after))")
    let mismatch = Golden.mismatch(after, path: Golden.folder() + "/Golden/session-reopened.txt")
    #expect(mismatch == nil, "\(mismatch ?? "")")
    shell.closeSession()
  }

  @Test func aFileSessionIsWrittenThroughAndOpenedBack() throws {
    let path = folder + "/through.crosscheck"
    let console = TestConsole()
    let shell = Shell(console: console)
    try shell.openSession(path, create: true)
    #expect(shell.execute("load '\(Self.packageRoot)/samples/riverton-flood'"))
    #expect(shell.execute("unload kvrt-news"))
    shell.closeSession()
    let again = Shell(console: console)
    try again.openSession(path, create: false)
    #expect(again.corpus.documents.map(\.id) == ["coastwire", "metro-herald", "riverton-gazette", "valley-ledger"])
    again.closeSession()
  }

  /// Loads, unloads and reads that must give the same rows whether each load is written at
  /// once (a session file) or only when the store is read (in memory).
  static let pendingScript = [
    "load '\(packageRoot)/samples/riverton-flood'",
    "sources",
    "unload kvrt-news",
    "load '\(packageRoot)/Tests/EndToEndTests/Fixtures/corpus'",
    "sources --format json",
    "unload coastwire tidewire",
    "sources",
    "search levee river --limit 20 --format json",
    "sql \"SELECT key, id, words FROM documents ORDER BY key\"",
    "sql \"SELECT id, document, number, text FROM sentences ORDER BY id\"",
    "sql \"SELECT term, first_sentence, last_sentence, hex(postings) FROM search_terms ORDER BY term, first_sentence\"",
    "sql \"SELECT * FROM meta WHERE key <> 'schema_version' AND key NOT LIKE 'writer%' ORDER BY key\"",
    "sql \"SELECT document, quotes, speakers, claims FROM analyses ORDER BY document\"",
    "load '\(packageRoot)/samples/riverton-flood/kvrt-news.txt'",
    "search \"Lower Quay\" evacu* --format json",
    "sql \"SELECT count(*) FROM sentence_search WHERE sentence_search MATCH 'levee'\"",
    "sql \"SELECT key, id FROM documents ORDER BY key\"",
  ]

  /// What each line of `pendingScript` printed.
  func pendingTranscript(_ shell: Shell, _ console: TestConsole) -> String {
    var transcript = ""
    for command in Self.pendingScript {
      console.output = ""
      #expect(shell.execute(command), "\(command): \(console.errors)")
      transcript += "$ \(command)\n\(console.output)"
    }
    return transcript
  }

  @Test func anInMemorySessionWritesLoadsWhenReadWithTheSameRows() throws {
    let fileConsole = TestConsole()
    let file = Shell(console: fileConsole)
    try file.openSession(folder + "/written.crosscheck", create: true)
    #expect(file.execute("set width 200"))
    let written = pendingTranscript(file, fileConsole)
    file.closeSession()

    let memoryConsole = TestConsole()
    let memory = Shell(console: memoryConsole)
    #expect(memory.execute("set width 200"))
    let pending = pendingTranscript(memory, memoryConsole)
    #expect(pending == written, "\(Golden.lineDiff(written, pending))")
    #expect(written.contains("levee"))
  }

  @Test func loadingInMemoryWritesNothingUntilTheStoreIsRead() throws {
    let console = TestConsole()
    let shell = Shell(console: console)
    #expect(shell.execute("load '\(Self.packageRoot)/samples/riverton-flood'"))
    #expect(shell.sessionPath == nil)
    #expect(try shell.openStore.documentCount() == 0)
    // The quotation and claim counts come without writing the documents.
    #expect(shell.execute("sources --format json"))
    #expect(try shell.openStore.documentCount() == 0)
    #expect(shell.execute("unload kvrt-news"))
    #expect(try shell.openStore.documentCount() == 0)
    console.output = ""
    #expect(shell.execute("search levee --format json"))
    #expect(console.output.contains("\"doc\""))
    #expect(!console.output.contains("kvrt-news"))
    #expect(try shell.openStore.documentCount() == 4)
    // Once written, the next load waits again.
    #expect(shell.execute("load '\(Self.packageRoot)/samples/riverton-flood/kvrt-news.txt'"))
    #expect(try shell.openStore.documentCount() == 4)
    console.output = ""
    #expect(shell.execute("sql 'SELECT count(*) AS n FROM documents'"))
    #expect(console.output.contains("5"))
    #expect(try shell.openStore.documentCount() == 5)
  }

  @Test func aFileSessionWritesEachLoadAtOnce() throws {
    let console = TestConsole()
    let shell = Shell(console: console)
    try shell.openSession(folder + "/at-once.crosscheck", create: true)
    #expect(shell.execute("load '\(Self.packageRoot)/samples/riverton-flood'"))
    #expect(try shell.openStore.documentCount() == 5)
    #expect(shell.execute("unload kvrt-news"))
    #expect(try shell.openStore.documentCount() == 4)
    shell.closeSession()
  }

  @Test func refusedSQLLeavesTheSessionUnchanged() throws {
    let console = TestConsole()
    let shell = Shell(console: console)
    #expect(shell.execute("load '\(Self.packageRoot)/samples/riverton-flood'"))
    console.output = ""
    #expect(shell.execute("sql 'SELECT count(*) AS n FROM documents'"))
    let count = console.output
    for sql in [
      "DELETE FROM documents", "ATTACH 'x.db' AS x", "SELECT load_extension('x')",
      "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c",
    ] {
      console.errors = ""
      let started = Date()
      #expect(!shell.execute("sql \"\(sql)\" --timeout 0.5"))
      #expect(Date().timeIntervalSince(started) < 5)
      #expect(console.errors.hasPrefix("error: "), "\(sql)")
      #expect(["not allowed", "time limit"].contains { console.errors.contains($0) }, "\(sql): \(console.errors)")
    }
    console.output = ""
    #expect(shell.execute("sql 'SELECT count(*) AS n FROM documents'"))
    #expect(console.output == count)
    console.output = ""
    #expect(shell.execute("sql \"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c\" --limit 3"))
    #expect(console.output.contains("Output cut at 3 rows"))
  }

  @Test func searchOptionsAreChecked() {
    let console = TestConsole()
    let shell = Shell(console: console)
    #expect(shell.execute("load '\(Self.packageRoot)/samples/riverton-flood'"))
    #expect(!shell.execute("search levee --width 3"))
    #expect(console.errors.contains("--width takes a number"))
    #expect(!shell.execute("search '*'"))
    #expect(!shell.execute("search levee --source nope"))
    console.output = ""
    #expect(shell.execute("search zzzzunknown"))
    #expect(console.output.contains("No sentence matches."))
  }

  @Test func keywordInContextCentersTheMatch() {
    let hit = SearchHitFixture.make(text: "The levee\nwas built in the 1950s by the county.", match: 4..<9)
    let line = SearchCommand.keywordInContext(hit, width: 21)
    #expect(line == "    The levee was bu…")
    let long = SearchHitFixture.make(text: String(repeating: "x", count: 30) + " levee", match: 31..<36)
    #expect(SearchCommand.keywordInContext(long, width: 15) == "…xxx levee")
  }
}
