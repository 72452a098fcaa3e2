import Foundation
import Testing
@testable import CrosscheckShell
import CrosscheckWordDiff

/// Every path from a document to the terminal escapes control characters, bidirectional
/// controls and escape sequences — in the text, the headline, the file name (the id) and
/// the messages that echo them — while files and JSON keep the text exact.
@Suite struct TerminalSafetyTests {
  let scratch = DisposableFolder("hostile")
  var folder: String { scratch.path }

  /// An OSC that retitles the window, a screen clear, C1 CSI, a bidi override and isolate, DEL.
  static let payloads = ["\u{1B}]0;pwned\u{07}", "\u{1B}[2J", "\u{9B}31m", "\u{202E}", "\u{2067}", "\u{7F}", "\u{1}", "\u{8}"]

  /// Two renderings of one story, each with hostile text everywhere, under hostile names.
  func hostileCorpus() -> [String] {
    let p = Self.payloads
    let base = """
      Levee \(p[0]) fails in Riverton\(p[1])

      About 1,200\(p[2]) residents fled on Thursday, the mayor said. “We are asking everyone \(p[3])to stay out of the water,” Mayor Adaeze Okonkwo said.\(p[5])

      The fund holds €12 million\(p[4]) ($13 million), officials said. “The water came up faster\(p[6]) than anyone has ever seen,” said Ray Dufresne\(p[7]).
      """
    let names = ["wire\u{1B}]0;pwned\u{07}", "ledger\u{202E}txt"]
    var paths: [String] = []
    for (index, name) in names.enumerated() {
      let text = index == 0 ? base : base.replacingOccurrences(of: "1,200", with: "1,400").replacingOccurrences(of: "Thursday", with: "Wednesday")
      let path = folder + "/" + name + ".txt"
      _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
      paths.append(path)
    }
    return paths
  }

  /// The commands that show document text, names or messages that quote them.
  static let commands = [
    "sources", "sources 1", "show 1", "show 1 --raw", "show 1 --sentences", "quotes", "quotes --all --explain", "quotes Q1",
    "speakers", "claims", "claims --all", "claims C1 --explain", "compare", "compare 1 2", "diff 1 2", "diff 1 2 --side-by-side",
    "diff 1 2 --stat", "diff quote Q1", "search levee", "search water --width 40", "sql \"SELECT id, title, text FROM documents\"",
  ]

  /// Characters a terminal must never receive from a document.
  static func unsafeScalars(in output: String) -> [Unicode.Scalar] {
    // The SGR color sequences the shell itself writes are the only escapes allowed.
    let withoutColors = output.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    return withoutColors.unicodeScalars.filter { scalar in
      (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
        || TerminalText.isBidiControl(scalar)
    }
  }

  @Test(arguments: OutputFormat.allCases)
  func everyCommandEscapesDocumentTextAtATerminal(format: OutputFormat) {
    let console = TestConsole(terminal: true, size: (columns: 100, rows: 1000))
    let shell = Shell(console: console)
    #expect(shell.execute("load " + hostileCorpus().map { "'\($0)'" }.joined(separator: " ")))
    shell.execute("set format \(format.rawValue)")
    var seen = ""
    for command in Self.commands {
      console.output = ""
      console.errors = ""
      shell.execute(command)
      seen += console.output
      let unsafe = Self.unsafeScalars(in: console.output + console.errors)
      #expect(unsafe.isEmpty, "\(command) --format \(format.rawValue) wrote \(unsafe.map { String($0.value, radix: 16) })")
    }
    #expect(seen.contains("Okonkwo"), "the commands showed no document text")
  }

  @Test func messagesThatEchoNamesAndWordsAreEscaped() {
    let console = TestConsole(terminal: true)
    let shell = Shell(console: console)
    let paths = hostileCorpus()
    shell.execute("load " + paths.map { "'\($0)'" }.joined(separator: " "))
    let script = folder + "/bad\u{1B}[2J.ccs"
    _ = FileManager.default.createFile(atPath: script, contents: Data("show \u{1B}]0;pwned\u{07}\n".utf8))
    for command in [
      "show 'nope\u{1B}]0;pwned\u{07}'", "load '\(folder)/missing\u{202E}.txt'", "load '\(paths[0])'", "run '\(script)'",
      "quotes --by 'X\u{9B}2J'", "sql \"SELECT '\u{1B}[2J'\"", "nosuch\u{1B}[2J", "search '\u{202E}'",
    ] {
      console.output = ""
      console.errors = ""
      shell.execute(command)
      let unsafe = Self.unsafeScalars(in: console.output + console.errors)
      #expect(unsafe.isEmpty, "\(command.debugDescription) wrote \(unsafe.map { String($0.value, radix: 16) })")
      #expect(!(console.output + console.errors).isEmpty, "\(command.debugDescription) said nothing")
    }
  }

  @Test func completionLeavesOutNamesWithControls() {
    let completer = Completer(registry: CommandRegistry(), documentIDs: ["wire\u{1B}]0;x\u{07}", "wide", "w\u{202E}d"])
    #expect(completer.complete("show w").candidates == ["wide"])
  }

  @Test func filesAndJSONKeepTheTextExact() throws {
    let paths = hostileCorpus()
    let shell = Shell(console: TestConsole(terminal: true))
    shell.execute("load " + paths.map { "'\($0)'" }.joined(separator: " "))
    let document = try #require(shell.corpus.documents.first)
    #expect(shell.execute("show 1 --raw --format json > '\(folder)/raw.json'"))
    #expect(shell.execute("show 1 --raw --format csv > '\(folder)/raw.csv'"))
    #expect(shell.execute("sources --format csv > '\(folder)/sources.csv'"))
    #expect(shell.execute("sources --format json > '\(folder)/sources.json'"))
    let json = try #require(FileManager.default.contents(atPath: folder + "/raw.json"))
    let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    #expect(object["text"] as? String == document.text)
    #expect(object["id"] as? String == document.id)
    // JSON escapes the controls, so the file itself holds none raw.
    #expect(Self.unsafeScalars(in: String(decoding: json, as: UTF8.self)).isEmpty)
    let text = String(decoding: FileManager.default.contents(atPath: folder + "/raw.csv") ?? Data(), as: UTF8.self)
    #expect(text.contains(document.text.replacingOccurrences(of: "\"", with: "\"\"")))
    let csv = String(decoding: FileManager.default.contents(atPath: folder + "/sources.csv") ?? Data(), as: UTF8.self)
    #expect(csv.contains(document.id))
    let sources = try #require(FileManager.default.contents(atPath: folder + "/sources.json"))
    let rows = try #require(try JSONSerialization.jsonObject(with: sources) as? [[String: Any]])
    #expect(rows.compactMap { $0["id"] as? String } == shell.corpus.documents.map(\.id))
  }

  /// The word diff's byte test agrees with the terminal escaping on random texts: the
  /// characters it rewrites at every offset from a block of eight bytes, among plain ASCII,
  /// accented letters, typographic quotes and emoji.
  @Test func wordDiffWritesAsIsExactlyWhatEscapingLeaves() {
    let pieces = [
      "plain text ", "line\n", "\t", "é", "“", "”", "—", "🙂", "日本", "\u{7F}", "\u{0}", "\r", "\u{1B}[2J", "\u{85}",
      "\u{9F}", "\u{A0}", "\u{61C}", "\u{200E}", "\u{200F}", "\u{2010}", "\u{202A}", "\u{202E}", "\u{202F}",
      "\u{2066}", "\u{2069}", "\u{206A}", "abcdefg",
    ]
    var seed: UInt64 = 0xE5CA_9E
    func next(_ bound: Int) -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((seed >> 33) % UInt64(bound))
    }
    for _ in 0..<3_000 {
      // Mostly printable text, so that a rewritten character lands anywhere in a block.
      let text = (0..<next(12)).map { _ in next(3) == 0 ? pieces[next(pieces.count)] : String(repeating: "x", count: next(9)) }
        .joined()
      let bytes = Array(text.utf8)
      let shownAsIs = bytes.withUnsafeBufferPointer { WordDiff.isShownAsIs($0) }
      #expect(shownAsIs == (TerminalText.escape(text) == text), "\(text.debugDescription)")
      #expect(WordDiff.isPlainText(bytes) == shownAsIs, "\(text.debugDescription)")
    }
    // Not plain: a byte order mark, invalid UTF-8.
    #expect(!WordDiff.isPlainText([0xEF, 0xBB, 0xBF] + Array("text".utf8)))
    #expect(!WordDiff.isPlainText(Array("caf".utf8) + [0xE9, 0x20]))
    #expect(WordDiff.isPlainText([]))
  }
}
