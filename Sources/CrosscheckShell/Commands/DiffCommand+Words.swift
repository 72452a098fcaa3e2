import CrosscheckCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `diff --words` (one word diff of the whole texts) and `crosscheck diff FILE FILE`, which
/// runs it on two files before the shell and its session store exist.
extension DiffCommand {
  /// Options that lay out aligned sentences, which a whole-text word diff does not have.
  static let sentenceOptions = ["context", "side-by-side", "raw"]

  /// Runs `diff … --words`.
  static func runWords(_ call: CommandCall, in context: CommandContext) throws(ShellError) -> Output {
    let ignoring = try parseIgnore(call.value("ignore"))
    let (diff, names) = try wordDiff(call, ignoring: ignoring, document: context.document, path: context.resolvePath)
    let format = call.value("format").flatMap(OutputFormat.init(rawValue:)) ?? context.settings.format
    return wordsOutput(diff, names: names, ignoring: ignoring, stat: call.flag("stat"), format: format)
  }

  /// The word diff a `--words` call asks for, with the names of its two sides.
  /// - Parameters:
  ///   - document: finds a loaded document by what the user typed.
  ///   - path: resolves a typed path.
  static func wordDiff(
    _ call: CommandCall, ignoring: DiffIgnoring, document: (String) throws(ShellError) -> Document,
    path: (String) -> String
  ) throws(ShellError) -> (WordDiff, names: (String?, String?)) {
    if let option = sentenceOptions.first(where: call.flag) {
      throw .usage("--\(option) does not combine with --words", hint: "--words shows the whole text with its changes marked in place")
    }
    let (first, second) = (call.arguments[0], call.arguments[1])
    if call.flag("files") || call.flag("text") {
      let bytes: ([UInt8], [UInt8])
      if call.flag("files") {
        bytes = (try readFile(path(first)), try readFile(path(second)))
      } else {
        bytes = (Array(first.utf8), Array(second.utf8))
      }
      let names: (String?, String?) = call.flag("files") ? (first, second) : (nil, nil)
      // The scanner interns bytes as they are; overlooking differences needs the vocabulary.
      if ignoring.isEmpty { return (WordDiff(source: bytes.0, target: bytes.1), names) }
      let sides = (DiffSide(text: String(decoding: bytes.0, as: UTF8.self)), DiffSide(text: String(decoding: bytes.1, as: UTF8.self)))
      return (WordDiff(source: sides.0, target: sides.1, ignoring: ignoring), names)
    }
    let a = try document(first)
    let b = try document(second)
    return (WordDiff(source: DiffSide(document: a), target: DiffSide(document: b), ignoring: ignoring), (a.id, b.id))
  }

  /// What `diff --words` shows: the counts with `--stat`, else the text with its changes
  /// marked, or the JSON operations; only the form that will be shown is built.
  static func wordsOutput(
    _ diff: WordDiff, names: (String?, String?), ignoring: DiffIgnoring, stat: Bool, format: OutputFormat
  ) -> Output {
    if stat {
      return Output(
        [.fields(WordDiffRendering.statisticsFields(diff))],
        json: .object([("a", .string(names.0)), ("b", .string(names.1)), ("stats", WordDiffRendering.statistics(diff))]))
    }
    if format == .json { return Output([], json: WordDiffRendering.value(diff, names: names, ignoring: ignoring.names)) }
    return Output([.text(WordDiffRendering.text(diff))], json: .null)
  }

  /// A file's text for `--files`.
  static func readFile(_ path: String) throws(ShellError) -> [UInt8] {
    do {
      return try WordDiff.text(ofFile: path)
    } catch {
      throw .notFound("cannot read '\(error.path)': \(error.reason)")
    }
  }

  /// A typed path's text for `--files`.
  static func readFile(_ path: String, in context: CommandContext) throws(ShellError) -> [UInt8] {
    try readFile(context.resolvePath(path))
  }

  /// Runs `crosscheck diff FILE FILE [OPTIONS]`: the `diff --files --words` command with
  /// these arguments, without a shell or a session store, its text or JSON written to
  /// standard output as it is produced.
  ///
  /// - Parameter arguments: The words after `diff` on the command line.
  /// - Returns: The exit status, as for the whole program: 0 success (whether or not the
  ///   texts differ), 1 a file that cannot be read, 2 a usage error.
  package static func runOnFiles(_ arguments: [String]) -> Int32 {
    let terminal = isatty(STDOUT_FILENO) != 0
    func fail(_ error: ShellError) -> Int32 {
      var text = "error: " + TerminalText.escape(error.message) + "\n"
      if let hint = error.hint { text += "  " + TerminalText.escape(hint) + "\n" }
      ChunkedOutput.writeAll(Array(text.utf8), to: STDERR_FILENO)
      return error.code == .usage ? 2 : 1
    }
    if arguments.contains("--help") || arguments.contains("-h") {
      let help = "usage: crosscheck diff FILE FILE [--format text|json] [--stat] [--ignore LIST] [--no-color]\n"
        + "Compares two files word by word, as the shell's 'diff --files FILE FILE --words' does (see 'help diff').\n"
      ChunkedOutput.writeAll(Array(help.utf8), to: STDOUT_FILENO)
      return 0
    }
    let words = (arguments + ["--files", "--words"]).map { Word(text: $0, range: 0..<0, quoted: false) }
    do throws(ShellError) {
      let call = try CommandCall.bind(words, to: spec, calledAs: "diff", line: (["diff"] + arguments).joined(separator: " "))
      let ignoring = try parseIgnore(call.value("ignore"))
      let (diff, names) = try wordDiff(call, ignoring: ignoring, document: { word throws(ShellError) in
        throw .usage("'\(word)' is a file here; documents exist only in the shell")
      }, path: { $0 })
      let format = call.value("format").flatMap(OutputFormat.init(rawValue:)) ?? .table
      let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
      let color = terminal && !call.flag("no-color") && !noColor
      var writer = WordDiffWriter(descriptor: STDOUT_FILENO)
      if !call.flag("stat") && format == .json {
        writer.writeJSON(diff, names: names, ignoring: ignoring.names)
        ChunkedOutput.writeAll(Array("\n".utf8), to: STDOUT_FILENO)
      } else if !call.flag("stat") && (format == .table || format == .text) {
        writer.writeText(diff, color: color && format == .table)
      } else {
        let output = wordsOutput(diff, names: names, ignoring: ignoring, stat: call.flag("stat"), format: format)
        let options = RenderOptions(format: format, color: color, width: nil, terminal: terminal)
        ChunkedOutput.writeAll(Array((Renderers.render(output, options: options) + "\n").utf8), to: STDOUT_FILENO)
      }
      return 0
    } catch {
      return fail(error)
    }
  }
}
