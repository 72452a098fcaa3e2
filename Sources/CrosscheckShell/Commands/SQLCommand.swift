import CrosscheckStore

/// `sql QUERY`: read-only SQL over the session's tables.
package enum SQLCommand: ShellCommand {
  package static let spec = CommandSpec(
    name: "sql",
    abstract: "query the session's tables with read-only SQL",
    discussion: """
      Runs one SELECT (or a PRAGMA that reports, such as table_info) on a separate read-only \
      connection to the session's database. Statements that would write, ATTACH another \
      file, load an extension or change a setting are refused; a statement is stopped at its \
      time limit or by Ctrl-C, and output is cut at the row limit with a note. Quote the query \
      when it holds quotes of its own: sql "SELECT id FROM documents WHERE outlet = 'UPI'". \
      Offsets are code point offsets into documents.text, so \
      substr(d.text, s.start + 1, s.end - s.start) is a sentence's text.

      Tables:
      """ + "\n" + tableHelp,
    arguments: [ArgumentSpec("query", "one SQL statement (words are joined with spaces)", arity: .oneOrMore)],
    options: [
      .value("limit", "N", "show at most N rows (default \(QueryLimits().rows))"),
      .value("timeout", "SECONDS", "stop the statement after this long (default \(Int(QueryLimits().seconds)))"),
    ],
    examples: [
      Example("sql \"SELECT id, outlet, words FROM documents ORDER BY words DESC\"", "the longest articles"),
      Example("sql \"SELECT rowid, text FROM sentence_search WHERE sentence_search MATCH 'levee'\"", "full-text search in SQL"),
      Example("sql \"PRAGMA table_info(sentences)\"", "a table's columns"),
    ]
  )

  /// The tables and columns, one paragraph each, for `help sql`.
  static var tableHelp: String {
    StoreSchema.tables.map { table in
      "\(table.name) — \(table.summary). " + table.columns.map { "\($0.name): \($0.meaning)" }.joined(separator: "; ") + "."
    }.joined(separator: "\n\n")
  }

  package static func run(_ call: CommandCall, in context: CommandContext) throws(ShellError) -> Output {
    var limits = QueryLimits()
    limits.rows = try SearchCommand.positive(call, "limit", limits.rows, range: 1...1_000_000)
    if let text = call.value("timeout") {
      guard let seconds = Double(text), seconds > 0, seconds <= 3600 else {
        throw .usage("--timeout takes a number of seconds from 0 to 3600, not '\(text)'")
      }
      limits.seconds = seconds
    }
    let result: QueryResult
    do {
      result = try context.store.query(call.arguments.joined(separator: " "), limits: limits, isCancelled: { Interrupt.isRaised })
    } catch {
      throw ShellError(error)
    }
    let table = Table(
      columns: result.columns.map { Column($0, key: $0, truncatable: true) },
      rows: result.rows.map { row in
        row.map { value in
          switch value {
          case .null: return .null
          case .integer(let number): return .int(Int(number))
          case .real(let number): return .double(number, digits: 4)
          case .text(let text): return .text(text)
          case .blob(let bytes): return .text("<blob, \(bytes) bytes>")
          }
        }
      })
    var blocks: [Block] = [.table(table)]
    if result.truncated {
      blocks.append(.message(StyledText("Output cut at \(limits.rows) rows; --limit N shows more.", .warning)))
    }
    let json: JSONValue = .object([
      ("columns", .array(result.columns.map(JSONValue.string))),
      ("rows", table.json),
      ("truncated", .bool(result.truncated)),
    ])
    return Output(blocks, json: json)
  }
}
