import CrosscheckCore

/// `diff DOC DOC` and `diff --text "…" "…"`: what changed between two renderings of a story.
package enum DiffCommand: ShellCommand {
  /// What `--ignore` accepts.
  static let ignorable: [(String, DiffIgnoring)] = [
    ("case", .caseDifferences), ("punctuation", .punctuation), ("spelling", .spelling),
  ]
  /// Unchanged sentences shown on each side of a change when `--context` is not given.
  static let defaultContext = 2

  /// Name, help, arguments and options.
  package static let spec = CommandSpec(
    name: "diff",
    abstract: "show what changed between two texts",
    discussion: """
      Aligns the body sentences of A and B by their words, keeping their order: a sentence \
      may be rewritten (one to one), merged (two into one) or split (one into two); a sentence \
      that moved elsewhere is shown as moved; the rest is only in A or only in B. Inside each \
      aligned pair the changed words are marked, in color at a terminal and as [-old-]{+new+} \
      elsewhere; a pair that was largely rewritten is shown as two lines, A's sentence over \
      B's. Line labels: '~' changed, '=' unchanged, '-' only in A, '+' only in B, \
      '>' moved away (shown where it was), '<' moved here (with its changes); sentence \
      numbers follow 'show DOC --sentences'. Long texts are aligned through a histogram diff \
      of all their words instead, which is near-linear. --ignore takes a comma-separated list: \
      case, punctuation, spelling (British and American spellings such as defence/defense, \
      colour/color, organise/organize, kilometres/kilometers). --raw shows the minimal edit \
      script as computed, without the clean-up that groups changes for reading. JSON gives \
      every operation with code point offsets into both texts (see docs/json.md). \
      --words compares the whole texts as one sequence of words instead, without aligning \
      sentences: the text of A with [-deleted-]{+inserted+} words at their places, minimal \
      up to about 2,000 words a side and close to linear in time beyond; it is the fast way \
      to compare long texts. --files takes two file paths instead of documents and reads \
      them as they are, without loading them; from the command line, \
      'crosscheck diff FILE FILE' runs 'diff --files FILE FILE --words' without starting the shell. \
      'diff quote GROUP' collates every rendering of one quote group (see 'quotes') as an \
      alignment table: one column per rendering, one row per aligned word, ≠ where they differ; \
      where the documents' ids are too long for the terminal, the columns are headed by the \
      documents' numbers in 'sources', keyed under the table.
      """,
    arguments: [
      ArgumentSpec("a", "the first document (a string with --text, a file with --files)", kind: .document),
      ArgumentSpec("b", "the second document (a string with --text, a file with --files)", kind: .document),
    ],
    options: [
      .value("context", "N", "unchanged sentences shown around each change (default \(defaultContext))"),
      .flag("side-by-side", "A and B in two columns that fit the width"),
      .flag("stat", "only the counts: words changed, sentences moved, only in A, only in B"),
      .value("ignore", "LIST", "differences to overlook: case, punctuation, spelling (comma-separated)"),
      .flag("raw", "the minimal edit script, without the clean-up for reading"),
      .flag("text", "compare two strings instead of two documents"),
      .flag("files", "compare two files, read as they are, instead of two documents"),
      .flag("words", "one word diff of the whole texts, without sentence alignment (fast on long texts)"),
    ],
    examples: [
      Example("diff 1 2", "the first two documents, sentence by sentence"),
      Example("diff 000 001 --stat", "how much changed"),
      Example("diff 1 2 --side-by-side --context 0", "only the changed sentences, in two columns"),
      Example("diff quote Q3", "every rendering of one quote, aligned word by word"),
      Example("diff --text \"defence cuts\" \"Defense cuts\" --ignore case,spelling", "two strings"),
      Example("diff 1 2 --words", "the whole texts word by word, changes marked in place"),
      Example("diff --files old.txt new.txt --words --format json", "two files, every operation with offsets"),
    ]
  )

  /// Diffs the two documents or strings; the output is built in the form it will be shown.
  package static func run(_ call: CommandCall, in context: CommandContext) throws(ShellError) -> Output {
    if !call.flag("text"), call.arguments[0] == "quote" {
      return try collateQuote(call.arguments[1], in: context)
    }
    if call.flag("text") && call.flag("files") { throw .usage("--text and --files contradict each other") }
    if call.flag("words") { return try runWords(call, in: context) }
    let ignoring = try parseIgnore(call.value("ignore"))
    var contextSize = defaultContext
    if let value = call.value("context") {
      guard let number = Int(value), number >= 0 else {
        throw .usage("'--context' needs a whole number of sentences, not '\(value)'")
      }
      contextSize = number
    }
    let source: DiffSide
    let target: DiffSide
    let names: (String?, String?)
    if call.flag("text") {
      source = DiffSide(text: call.arguments[0])
      target = DiffSide(text: call.arguments[1])
      names = (nil, nil)
    } else if call.flag("files") {
      source = DiffSide(text: String(decoding: try readFile(call.arguments[0], in: context), as: UTF8.self))
      target = DiffSide(text: String(decoding: try readFile(call.arguments[1], in: context), as: UTF8.self))
      names = (call.arguments[0], call.arguments[1])
    } else {
      let a = try context.document(call.arguments[0])
      let b = try context.document(call.arguments[1])
      source = DiffSide(document: a)
      target = DiffSide(document: b)
      names = (a.id, b.id)
    }
    let diff = DocumentDiff(from: source, to: target, ignoring: ignoring, cleanUp: !call.flag("raw"))
    // The operations of a long diff are many: build only the form that will be shown.
    let format = call.value("format").flatMap(OutputFormat.init(rawValue:)) ?? context.settings.format
    if call.flag("stat") {
      return Output([.fields(DiffLayout.statistics(diff))], json: .object([
        ("a", .string(names.0)), ("b", .string(names.1)), ("stats", DiffJSON.statistics(diff.statistics)),
      ]))
    }
    if format == .json { return Output([], json: DiffJSON.value(of: diff, names: names, ignoring: ignoring.names)) }
    let title = names.0.map { "diff \($0) → \(names.1 ?? "")" } ?? "diff A → B"
    var blocks: [Block] = [.heading(title)]
    if call.flag("side-by-side") {
      blocks += DiffLayout.sideBySide(diff, context: contextSize)
    } else {
      blocks += DiffLayout.lines(diff, context: contextSize)
    }
    blocks.append(.message(StyledText(DiffLayout.summary(diff), .dim)))
    return Output(blocks, json: .null)
  }

  static func parseIgnore(_ value: String?) throws(ShellError) -> DiffIgnoring {
    guard let value else { return [] }
    var result: DiffIgnoring = []
    for word in value.split(separator: ",").map({ String($0).trimmingSpaces() }) where !word.isEmpty {
      guard let option = ignorable.first(where: { $0.0 == word })?.1 else {
        let names = ignorable.map(\.0)
        let suggestion = EditDistanceHint.closest(to: word, among: names).map { "; did you mean '\($0)'?" } ?? ""
        throw .usage("'\(word)' is not something diff can ignore\(suggestion)", hint: "valid values: \(names.joined(separator: ", "))")
      }
      result.insert(option)
    }
    return result
  }
}

extension DiffIgnoring {
  /// The names `--ignore` takes, in a fixed order.
  var names: [String] { DiffCommand.ignorable.filter { contains($0.1) }.map(\.0) }
}
