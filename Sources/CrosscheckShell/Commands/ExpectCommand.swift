/// `expect …`: checks something about the session, and fails (stopping a command file with
/// `FILE:LINE`) when it does not hold. It prints nothing when it holds.
///
/// The grammar, one form per line:
///
///     expect count COMMAND… OP NUMBER     the number of rows COMMAND lists
///     expect output contains TEXT…        the previous output has TEXT in it
///     expect output lacks TEXT…           the previous output does not have TEXT in it
///     expect VALUE OP VALUE               two words (after $variables are replaced)
///
/// OP is one of `==`, `!=`, `<`, `<=`, `>`, `>=`; a bare `>` would send output to a file,
/// so it is written `'>'`.
package enum ExpectCommand: ShellCommand {
  package static let spec = CommandSpec(
    name: "expect",
    abstract: "check that something holds, or stop the command file with FILE:LINE",
    discussion: """
      A command file that checks itself: each 'expect' line prints nothing when it holds, \
      and fails like any command when it does not (the file stops, with FILE:LINE and what \
      was found, and crosscheck exits with status 1).
      'expect count COMMAND… OP NUMBER' runs COMMAND without printing it and counts the rows \
      it lists (the items of its JSON list). 'expect output contains TEXT' and 'expect output \
      lacks TEXT' look at what the last command that printed something (apart from 'echo') \
      printed, as it was printed, without colors; the text is matched exactly, capitals \
      included. 'expect VALUE OP VALUE' compares two words, as numbers when both are numbers \
      (useful with variables). OP is ==, !=, <, <=, >= or '>' (quoted, since a bare > sends \
      output to a file).
      """,
    arguments: [ArgumentSpec("check", "count COMMAND… OP NUMBER | output contains TEXT | output lacks TEXT | VALUE OP VALUE", arity: .oneOrMore)],
    examples: [
      Example("expect count sources == 5", "exactly five documents are loaded"),
      Example("expect count quotes --min-sources 2 >= 3", "at least three quotes are carried by two sources or more"),
      Example("expect count claims --conflicts '>' 0", "there is a conflict"),
      Example("expect output contains \"misattributed\"", "the previous command printed this word"),
      Example("expect output lacks \"Coastwire\"", "the previous command did not print this name"),
      Example("expect $found == 5", "a variable holds 5"),
    ],
    redirectionRefusal: "to check for 'more than', quote the operator: expect count quotes '>' 10",
    rawArguments: true
  )

  /// A comparison operator and how a message says it.
  enum Comparison: String, CaseIterable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

    var phrase: String {
      switch self {
      case .equal: return "exactly"
      case .notEqual: return "anything but"
      case .less: return "fewer than"
      case .lessOrEqual: return "at most"
      case .greater: return "more than"
      case .greaterOrEqual: return "at least"
      }
    }

    func holds<T: Comparable>(_ left: T, _ right: T) -> Bool {
      switch self {
      case .equal: return left == right
      case .notEqual: return left != right
      case .less: return left < right
      case .lessOrEqual: return left <= right
      case .greater: return left > right
      case .greaterOrEqual: return left >= right
      }
    }
  }

  static let forms = "expect count COMMAND… OP NUMBER | expect output contains TEXT | expect output lacks TEXT | expect VALUE OP VALUE"
  static let operators = Comparison.allCases.map(\.rawValue).joined(separator: " ")

  package static func run(_ call: CommandCall, in context: CommandContext) throws(ShellError) -> Output {
    let words = call.arguments
    switch words.first {
    case "count" where words.count > 1:
      try checkCount(Array(words.dropFirst()), line: call.line, in: context)
    case "output" where words.count > 1:
      try checkOutput(words[1], text: words.dropFirst(2).joined(separator: " "), in: context)
    default:
      guard words.count == 3, let comparison = Comparison(rawValue: words[1]) else {
        throw .usage("cannot read this expectation", hint: "forms: \(forms); OP is one of \(operators)")
      }
      try checkValues(words[0], comparison, words[2])
    }
    return .empty
  }

  static func checkCount(_ words: [String], line: String, in context: CommandContext) throws(ShellError) {
    guard words.count >= 3, let comparison = Comparison(rawValue: words[words.count - 2]) else {
      throw .usage("'expect count' needs a command, an operator and a number", hint: "for example: expect count quotes >= 10 (OP is one of \(operators))")
    }
    guard let expected = Int(words[words.count - 1]) else {
      throw .usage("'\(words[words.count - 1])' is not a whole number", hint: "for example: expect count quotes >= 10")
    }
    // The command's words are lexed again from the line, so that a quoted `--x` stays literal.
    let commandWords = words.dropLast(2)
    let lexed = try? CommandLexer().lex(line, variables: context.variables)
    let tokens = lexed.map { Array($0.words.dropFirst(2).prefix(commandWords.count)) }
      ?? commandWords.map { Word(text: $0, range: 0..<0, quoted: false) }
    if tokens.first?.text == ExpectCommand.spec.name { throw .usage("'expect count' counts what another command lists, not another 'expect'") }
    let output = try context.evaluate(tokens)
    let command = commandWords.joined(separator: " ")
    guard let count = rowCount(output) else {
      throw .usage("'\(command)' does not list rows to count", hint: "count works with commands that list: sources, quotes, speakers, claims, search, …")
    }
    guard comparison.holds(count, expected) else {
      throw .failed("expectation not met: '\(command)' lists \(count) row\(count == 1 ? "" : "s"); expected \(comparison.phrase) \(expected)")
    }
  }

  /// The number of items an output lists: its JSON list, else its first table's rows.
  static func rowCount(_ output: Output) -> Int? {
    if case .array(let items) = output.jsonValue { return items.count }
    for case .table(let table) in output.blocks { return table.rows.count }
    return nil
  }

  static func checkOutput(_ verb: String, text: String, in context: CommandContext) throws(ShellError) {
    guard verb == "contains" || verb == "lacks" else {
      let suggestion = EditDistanceHint.closest(to: verb, among: ["contains", "lacks"]).map { "; did you mean '\($0)'?" } ?? ""
      throw .usage("'expect output' takes 'contains' or 'lacks', not '\(verb)'\(suggestion)")
    }
    guard !text.isEmpty else { throw .usage("'expect output \(verb)' needs the text to look for") }
    guard let last = context.lastOutput else {
      throw .failed("expectation not met: no command has printed anything yet to look at")
    }
    let found = last.text.contains(text)
    if verb == "contains", !found {
      let otherCase = last.text.lowercased().contains(text.lowercased())
      throw .failed(
        "expectation not met: the output of '\(last.line)' does not contain “\(text)”",
        hint: otherCase ? "it does contain it with other capitals; the check is exact" : nil)
    }
    if verb == "lacks", found {
      throw .failed("expectation not met: the output of '\(last.line)' contains “\(text)”")
    }
  }

  static func checkValues(_ left: String, _ comparison: Comparison, _ right: String) throws(ShellError) {
    let holds: Bool
    if let a = Double(left), let b = Double(right) {
      holds = comparison.holds(a, b)
    } else {
      holds = comparison.holds(left, right)
    }
    guard holds else {
      throw .failed("expectation not met: “\(left)” \(comparison.rawValue) “\(right)” is false")
    }
  }
}
