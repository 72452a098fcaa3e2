/// `let NAME = VALUE`: sets a variable that `$NAME` stands for in later lines.
package enum LetCommand: ShellCommand {
  package static let spec = CommandSpec(
    name: "let",
    abstract: "set a variable: later lines may write $NAME (or ${NAME}) for its value",
    discussion: """
      'let NAME = VALUE' keeps VALUE (its words joined by single spaces) under NAME for the \
      rest of the session. In any later line, $NAME or ${NAME} outside single quotes stands \
      for the value, as part of the word it is in: a value is never split into several words \
      or read as an option. A name is a letter or '_' followed by letters, digits and '_'. \
      An unknown name is an error; '$$' writes a literal '$', and a '$' before anything but \
      a letter, '_' or '{' (as in $13) stays as it is. Without arguments, lists the variables.
      """,
    arguments: [
      ArgumentSpec("name", "the variable's name", arity: .optional),
      ArgumentSpec("value", "'=' and the value", arity: .zeroOrMore),
    ],
    examples: [
      Example("let doc = coastwire", "then 'show $doc' shows coastwire"),
      Example("let least = 10", "then 'expect count quotes >= $least'"),
      Example("echo \"It costs $$5\"", "a literal dollar sign"),
      Example("let", "list the variables"),
    ],
    redirectionRefusal: "'let' keeps its value: quote a '>' that is part of it",
    rawArguments: true
  )

  package static func run(_ call: CommandCall, in context: CommandContext) throws(ShellError) -> Output {
    guard let name = call.arguments.first else {
      let variables = context.variables.sorted { $0.key < $1.key }
      if variables.isEmpty { return .message(StyledText("No variables are set ('let NAME = VALUE' sets one).", .dim)) }
      return .table(Table(
        columns: [Column("name", key: "name"), Column("value", key: "value", truncatable: true)],
        rows: variables.map { [.text($0.key), .text($0.value)] }))
    }
    guard CommandLexer.isVariableName(name) else {
      throw .usage("'\(name)' cannot name a variable", hint: "a name is a letter or '_' followed by letters, digits and '_'")
    }
    let rest = call.arguments.dropFirst()
    guard rest.first == "=" else {
      throw .usage("'let' needs '=' after the name", hint: "usage: let \(name) = VALUE")
    }
    context.variables[name] = rest.dropFirst().joined(separator: " ")
    return .empty
  }
}
