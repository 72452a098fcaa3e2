import CrosscheckStore

/// `search QUERY…`: full-text search over the body sentences.
package enum SearchCommand: ShellCommand {
  package static let spec = CommandSpec(
    name: "search",
    abstract: "find sentences by their words, with the match in context",
    discussion: """
      Searches the sentences of every article body (not headlines or front matter), ranked \
      by BM25: rarer words and shorter sentences count more. Every word must occur; case and \
      accents do not matter. A word ending in * matches as a prefix (evacu* finds evacuated \
      and evacuation); words in quotes match as a phrase ("Lower Quay"). Each line shows the \
      first match centered in its sentence. With --fts the query is passed to SQLite FTS5 as \
      it is, for its own syntax (OR, NOT, NEAR(…), ^ for the start of a sentence). Searching \
      works on an in-memory session as on a session file.
      """,
    arguments: [ArgumentSpec("query", "words, prefixes (word*) and \"quoted phrases\"", arity: .oneOrMore)],
    options: [
      .value("source", "DOC", "only this document", kind: .document),
      .value("limit", "N", "show at most N sentences (default \(defaultLimit))"),
      .value("width", "N", "width of the context column in characters (default \(defaultWidth))"),
      .flag("fts", "pass the query to FTS5 unchanged"),
    ],
    examples: [
      Example("search levee", "every sentence about the levee"),
      Example("search \"Lower Quay\" evacu*", "a phrase and a prefix"),
      Example("search mayor --source coastwire --width 100", "one source, wider context"),
      Example("search 'levee NOT breach' --fts", "FTS5's own syntax"),
    ]
  )

  static let defaultLimit = 20
  static let defaultWidth = 72

  package static func run(_ call: CommandCall, in context: CommandContext) throws(ShellError) -> Output {
    let limit = try positive(call, "limit", defaultLimit, range: 1...100_000)
    let width = try positive(call, "width", defaultWidth, range: 10...1000)
    let source = try call.value("source").map { word throws(ShellError) in try context.document(word).id }
    guard let query = SearchQuery(words: call.arguments, raw: call.flag("fts")) else {
      throw .usage("nothing to search for in '\(call.arguments.joined(separator: " "))'", hint: "search matches words and numbers")
    }
    let results: SearchResults
    do {
      results = try context.store.search(query, document: source, limit: limit)
    } catch {
      throw ShellError(error)
    }
    let table = Table(
      columns: [Column("#"), Column("doc"), Column("score"), Column("context")],
      rows: results.hits.enumerated().map { index, hit in
        [.int(index + 1), .text(hit.document), .double(hit.score, digits: 2), .text(keywordInContext(hit, width: width))]
      })
    let json: JSONValue = .array(results.hits.map { hit in
      .object([
        ("doc", .string(hit.document)), ("start", .int(hit.start)), ("end", .int(hit.end)),
        ("sentence_start", .int(hit.sentenceStart)), ("sentence_end", .int(hit.sentenceEnd)),
        ("text", .string(hit.text)), ("score", .double((hit.score * 10_000).rounded() / 10_000)),
      ])
    })
    if results.hits.isEmpty {
      return Output([.message(StyledText("No sentence matches.", .dim))], json: json)
    }
    var blocks: [Block] = [.table(table)]
    if results.total > results.hits.count {
      blocks.append(.message(StyledText("\(results.hits.count) of \(results.total) sentences; --limit N shows more.", .dim)))
    }
    return Output(blocks, json: json)
  }

  /// An option's whole-number value within `range`, or its default.
  static func positive(_ call: CommandCall, _ name: String, _ fallback: Int, range: ClosedRange<Int>) throws(ShellError) -> Int {
    guard let text = call.value(name) else { return fallback }
    guard let value = Int(text), range.contains(value) else {
      throw .usage("--\(name) takes a number from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
    }
    return value
  }

  /// The sentence on one line, `width` characters wide, with the first match centered:
  /// context cut at either side is marked with …, and white space runs become one space.
  static func keywordInContext(_ hit: SearchHit, width: Int) -> String {
    let scalars = Array(hit.text.unicodeScalars)
    func flat(_ range: Range<Int>) -> [Character] {
      var text = ""
      var lastWasSpace = false
      for scalar in scalars[range] {
        let space = scalar.properties.isWhitespace
        if space, lastWasSpace { continue }
        text.unicodeScalars.append(space ? " " : scalar)
        lastWasSpace = space
      }
      return Array(text)
    }
    let start = min(hit.matchStart, scalars.count)
    let end = min(max(hit.matchEnd, start), scalars.count)
    let left = flat(0..<start)
    let match = flat(start..<end)
    let right = flat(end..<scalars.count)
    let room = max(0, width - match.count)
    let leftRoom = room / 2
    let rightRoom = room - leftRoom
    var line = ""
    if left.count > leftRoom {
      line += leftRoom > 0 ? "…" + String(left.suffix(leftRoom - 1)) : ""
    } else {
      line += String(repeating: " ", count: leftRoom - left.count) + String(left)
    }
    line += String(match)
    if right.count > rightRoom {
      line += rightRoom > 0 ? String(right.prefix(rightRoom - 1)) + "…" : ""
    } else {
      line += String(right)
    }
    return line
  }
}
