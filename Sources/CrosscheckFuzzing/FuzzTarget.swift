import CrosscheckCore
import CrosscheckShell
import Foundation
import Synchronization

/// One entry point that untrusted bytes reach: a fuzzer feeds it mutated inputs, and the
/// regression tests replay the inputs kept under `Tests/CrosscheckFuzzingTests/Corpus/`.
///
/// A target must never crash, hang or exhaust memory on any input; what it returns does
/// not matter.
package struct FuzzTarget: Sendable {
  /// The name `scripts/fuzz` and the corpus folder use.
  package let name: String
  /// What it exercises.
  package let summary: String
  /// The largest input worth generating (libFuzzer's `-max_len`).
  package let maximumInputLength: Int
  /// Runs one input.
  package let run: @Sendable ([UInt8]) -> Void

  /// Every target, in the order `crosscheck-fuzz --list` prints them.
  package static let all: [FuzzTarget] = [
    FuzzTarget(name: "command-line", summary: "the command lexer and argument binding of every command", maximumInputLength: 4096, run: commandLine),
    loader("load-txt", fileExtension: "txt", summary: "the plain-text loader and the per-document analyses"),
    loader("load-md", fileExtension: "md", summary: "the Markdown loader with front matter"),
    loader("load-jsonl", fileExtension: "jsonl", summary: "the JSON and JSON Lines loader"),
    loader("load-html", fileExtension: "html", summary: "the HTML page loader (libxml2 and main-text extraction)"),
    FuzzTarget(name: "sentences", summary: "tokenizer, paragraphs and the sentence splitter", maximumInputLength: 16384, run: sentences),
    FuzzTarget(name: "quotes", summary: "the quote extractor, speaker attribution and quote groups", maximumInputLength: 16384, run: quotes),
    FuzzTarget(name: "quantities", summary: "the quantity and date recognizer and claim extraction", maximumInputLength: 16384, run: quantities),
    FuzzTarget(name: "diff", summary: "the document diff of two texts (split at the first NUL byte)", maximumInputLength: 16384, run: diff),
    FuzzTarget(name: "session", summary: "opening a (mutated) session file", maximumInputLength: 1 << 20, run: session),
  ]

  /// The target named `name`.
  package static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }

  // MARK: - Targets

  private static func commandLine(_ bytes: [UInt8]) {
    let line = String(decoding: bytes, as: UTF8.self)
    let lexer = CommandLexer()
    _ = lexer.lexForCompletion(line)
    guard let lexed = try? lexer.lex(line), let first = lexed.words.first else { return }
    let registry = CommandRegistry()
    // Bind the words to the command they name, and to every command, so that the binder
    // sees every kind of option and argument.
    let named = registry.command(named: first.text).map { [$0] } ?? []
    for command in named + CommandRegistry.standardCommands {
      _ = try? CommandCall.bind(Array(lexed.words.dropFirst()), to: command.spec, calledAs: first.text, line: line)
    }
  }

  private static func loader(_ name: String, fileExtension: String, summary: String) -> FuzzTarget {
    FuzzTarget(name: name, summary: summary, maximumInputLength: 65536) { bytes in
      Scratch.withFile(bytes, name: "input." + fileExtension) { path in
        let report = DocumentLoader().load([path], existing: Corpus())
        _ = CorpusRefiner.refine(report.loaded)
      }
    }
  }

  private static func document(_ bytes: [UInt8]) -> Document {
    Document(id: "fuzz", origin: "fuzz", text: String(decoding: bytes, as: UTF8.self), format: .text)
  }

  private static func sentences(_ bytes: [UInt8]) {
    let document = document(bytes)
    for sentence in document.sentences { _ = document.buffer.string(sentence.range) }
  }

  private static func quotes(_ bytes: [UInt8]) {
    let document = document(bytes)
    _ = QuoteExtractor().quotes(in: QuoteText(document))
    // A second rendering of the text with its words reversed gives quote groups something to match.
    let mirror = Document(id: "mirror", origin: "mirror", text: String(document.text.reversed()), format: .text)
    _ = QuoteAnalysis(documents: [document, mirror])
  }

  private static func quantities(_ bytes: [UInt8]) {
    let document = document(bytes)
    _ = QuantityRecognizer().quantities(in: document, reference: CivilDate(year: 2024, month: 2, day: 29))
    _ = QuantityRecognizer().quantities(in: document, reference: nil)
    _ = ClaimExtractor().claims(in: Corpus([document]))
  }

  private static func diff(_ bytes: [UInt8]) {
    let split = bytes.firstIndex(of: 0) ?? bytes.count / 2
    let source = DiffSide(text: String(decoding: bytes[..<split], as: UTF8.self))
    let target = DiffSide(text: String(decoding: bytes[min(split + 1, bytes.count)...], as: UTF8.self))
    let diff = DocumentDiff(from: source, to: target)
    for segment in diff.segments { _ = diff.sides(of: segment) }
    _ = DocumentDiff(from: source, to: target, ignoring: [.caseDifferences, .punctuation, .spelling], cleanUp: false, method: .tokenHistogram)
  }

  private static func session(_ bytes: [UInt8]) {
    Scratch.withFile(bytes, name: "input.crosscheck") { path in
      let shell = Shell(console: SilentConsole())
      if (try? shell.openSession(path, create: false)) != nil {
        shell.execute("sources")
        shell.execute("search the")
      }
      shell.closeSession()
    }
  }
}

/// Inputs that must be files, written to the temporary folder under names of this process's own.
enum Scratch {
  private static let counter = Atomic<Int>(0)

  /// Writes `bytes` to a file of its own named `name` (so that inputs run at once do not
  /// meet), runs `body` on its path, and removes it with what SQLite left beside it.
  static func withFile(_ bytes: [UInt8], name: String, _ body: (String) -> Void) {
    let number = counter.add(1, ordering: .relaxed).newValue
    let path = NSTemporaryDirectory() + "crosscheck-fuzz-\(getpid())-\(number)-" + name
    let leftovers = ["", "-wal", "-shm", "-journal"].map { path + $0 }
    defer { for file in leftovers { unlink(file) } }
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    body(path)
  }
}

/// A console that keeps nothing: the targets look for crashes, not output.
final class SilentConsole: Console {
  func write(_ text: String) {}
  func writeError(_ text: String) {}
  var isTerminal: Bool { false }
  var isInteractive: Bool { false }
  var size: (columns: Int, rows: Int)? { nil }
  func page(_ text: String) -> Bool { false }
  var environment: [String: String] { [:] }
}
