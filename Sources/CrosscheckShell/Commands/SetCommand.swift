/// `set [NAME [VALUE]]`: shows or changes settings.
package enum SetCommand: ShellCommand {
  package static let spec = CommandSpec(
    name: "set",
    abstract: "show or change settings",
    discussion: "Without arguments, lists every setting with its value. With a name, shows that setting; with a name and a value, changes it for the rest of the session.",
    arguments: [
      ArgumentSpec("name", "format, color, pager, width, rate, on-error, timing or blind", kind: .setting, arity: .optional),
      ArgumentSpec("value", "the new value (for rate: FROM TO VALUE)", kind: .settingValue, arity: .zeroOrMore),
    ],
    examples: [
      Example("set format json", "JSON output from now on"),
      Example("set on-error continue", "command files go on after an error"),
      Example("set width 100", "lay tables out for 100 columns"),
      Example("set rate EUR USD 1.10", "one euro is 1.10 dollars when claims compare amounts"),
      Example("set blind on", "Source A, B, … instead of outlet names until 'reveal'"),
    ]
  )

  package static func run(_ call: CommandCall, in context: CommandContext) throws(ShellError) -> Output {
    if call.arguments.first == "rate", call.arguments.count == 4 {
      var settings = context.settings
      try settings.setRate(from: call.arguments[1], to: call.arguments[2], value: call.arguments[3])
      context.settings = settings
      return .empty
    }
    if call.arguments.count > 2 {
      throw .usage("'set' takes a name and one value", hint: "only 'set rate FROM TO VALUE' takes three")
    }
    if call.arguments.count == 2 {
      var settings = context.settings
      try settings.set(call.arguments[0], to: call.arguments[1])
      context.settings = settings
      return .empty
    }
    let settings = context.settings
    var descriptors = Settings.descriptors
    if let name = call.arguments.first {
      guard let descriptor = descriptors.first(where: { $0.name == name }) else {
        // Let `Settings.set` phrase the error with its suggestion.
        var scratch = settings
        try scratch.set(name, to: "")
        return .empty
      }
      descriptors = [descriptor]
    }
    return .table(Table(
      columns: [Column("setting", key: "name"), Column("value", key: "value"), Column("values", key: "values"), Column("what it does", key: "help", truncatable: true)],
      rows: descriptors.map { [.text($0.name), .text(settings.value(of: $0.name)), .text($0.values.joined(separator: "|")), .text($0.help)] }))
  }
}

/// `run FILE`: runs a command file.
package enum RunCommand: ShellCommand {
  package static let spec = CommandSpec(
    name: "run",
    aliases: ["source"],
    abstract: "run the commands in a file",
    discussion: """
      A command file holds one command per line, exactly as typed at the prompt: '#' starts a \
      comment, a trailing '\\' continues a line. Errors are reported as FILE:LINE. The file \
      stops at its first error unless 'set on-error continue' is in effect. Relative paths in \
      the file are relative to the file's own folder. A file cannot run itself, directly or \
      through another file.
      """,
    arguments: [ArgumentSpec("file", "the command file", kind: .path)],
    examples: [Example("run samples/lessons/who-said-it.ccs", "a lesson")]
  )

  package static func run(_ call: CommandCall, in context: CommandContext) throws(ShellError) -> Output {
    try context.runFile(call.arguments[0])
    return .empty
  }
}

/// `echo TEXT…`: prints its words.
package enum EchoCommand: ShellCommand {
  package static let spec = CommandSpec(
    name: "echo",
    abstract: "print text (for narration in command files)",
    arguments: [ArgumentSpec("text", "words to print, joined by spaces", arity: .zeroOrMore)],
    examples: [Example("echo \"Step 1: who is quoted?\"", "narrate a lesson")]
  )

  package static func run(_ call: CommandCall, in context: CommandContext) throws(ShellError) -> Output {
    let text = call.arguments.joined(separator: " ")
    return Output([.text(StyledText(text))], json: .object([("text", .string(text))]))
  }
}

/// `quit`: leaves the shell.
package enum QuitCommand: ShellCommand {
  package static let spec = CommandSpec(
    name: "quit",
    aliases: ["exit"],
    abstract: "leave crosscheck (Ctrl-D does too)",
    examples: [Example("quit", "leave")],
    isRecorded: false
  )

  package static func run(_ call: CommandCall, in context: CommandContext) throws(ShellError) -> Output {
    context.requestExit()
    return .empty
  }
}
