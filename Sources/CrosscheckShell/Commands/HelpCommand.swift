/// `help [COMMAND]`: the list of commands, or one command's synopsis, options and examples.
package enum HelpCommand: ShellCommand {
  package static let spec = CommandSpec(
    name: "help",
    aliases: ["?"],
    abstract: "list the commands, or explain one",
    discussion: "Without an argument, lists every command with a line about it. With a command name, shows its usage, arguments, options and examples.",
    arguments: [ArgumentSpec("command", "the command to explain", kind: .command, arity: .optional)],
    examples: [Example("help", "list the commands"), Example("help load", "how to load documents")]
  )

  package static func run(_ call: CommandCall, in context: CommandContext) throws(ShellError) -> Output {
    let registry = context.registry
    guard let name = call.arguments.first else {
      let table = Table(
        columns: [Column("command", key: "name"), Column("aliases", key: "aliases"), Column("what it does", key: "abstract", truncatable: true)],
        rows: registry.specs.map { [.text($0.name), .text($0.aliases.joined(separator: ", ")), .text($0.abstract)] })
      let footer = StyledText("Type 'help COMMAND' for a command's options and examples.", .dim)
      return Output([.table(table), .text(footer)], json: table.json)
    }
    guard let command = registry.command(named: name) else { throw registry.unknownCommand(name) }
    return describe(command.spec)
  }

  /// The help page of one command.
  static func describe(_ spec: CommandSpec) -> Output {
    var blocks: [Block] = [.heading(spec.name + (spec.aliases.isEmpty ? "" : " (also: \(spec.aliases.joined(separator: ", ")))"))]
    var lines: [StyledRun] = [StyledRun(spec.abstract + "\n\n"), StyledRun("Usage: ", .bold), StyledRun(spec.synopsis + "\n")]
    if !spec.discussion.isEmpty { lines.append(StyledRun("\n" + spec.discussion.wrapped(to: helpWidth) + "\n")) }
    if !spec.arguments.isEmpty {
      lines.append(StyledRun("\nArguments:\n", .bold))
      let width = spec.arguments.map { $0.name.count }.max() ?? 0
      for argument in spec.arguments {
        lines.append(StyledRun("  " + argument.name.uppercased().padding(to: width) + "  " + argument.help + "\n"))
      }
    }
    // Commands that take every word as an argument (expect, let) have no options.
    if !spec.allOptions.isEmpty { lines.append(StyledRun("\nOptions:\n", .bold)) }
    let labels = spec.allOptions.map { "--" + $0.name + ($0.valueName.map { " " + $0 } ?? "") }
    let width = labels.map(\.count).max() ?? 0
    for (label, option) in zip(labels, spec.allOptions) {
      lines.append(StyledRun("  " + label.padding(to: width) + "  " + option.help + "\n"))
    }
    if !spec.examples.isEmpty {
      lines.append(StyledRun("\nExamples:\n", .bold))
      let width = spec.examples.map(\.command.count).max() ?? 0
      for example in spec.examples {
        lines.append(StyledRun("  " + example.command.padding(to: width) + "  "))
        lines.append(StyledRun("# " + example.note + "\n", .dim))
      }
    }
    if var last = lines.last, last.text.hasSuffix("\n") {
      last.text.removeLast()
      lines[lines.count - 1] = last
    }
    blocks.append(.text(StyledText(lines)))
    let json: JSONValue = .object([
      ("name", .string(spec.name)),
      ("aliases", .array(spec.aliases.map(JSONValue.string))),
      ("abstract", .string(spec.abstract)),
      ("usage", .string(spec.synopsis)),
      ("discussion", .string(spec.discussion)),
      ("arguments", .array(spec.arguments.map { .object([("name", .string($0.name)), ("help", .string($0.help))]) })),
      ("options", .array(spec.allOptions.map {
        .object([("name", .string("--" + $0.name)), ("value", .string($0.valueName)), ("help", .string($0.help))])
      })),
      ("examples", .array(spec.examples.map { .object([("command", .string($0.command)), ("note", .string($0.note))]) })),
    ])
    return Output(blocks, json: json)
  }
}

/// Help text is wrapped to a fixed width, so that it reads the same everywhere.
let helpWidth = 80

extension String {
  /// The text with each line broken at spaces to at most `width` characters.
  func wrapped(to width: Int) -> String {
    split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      var lines: [String] = []
      var current = ""
      for word in line.split(separator: " ") {
        if !current.isEmpty, current.count + 1 + word.count > width {
          lines.append(current)
          current = ""
        }
        current += (current.isEmpty ? "" : " ") + word
      }
      lines.append(current)
      return lines.joined(separator: "\n")
    }.joined(separator: "\n")
  }

  /// The string padded with spaces to `width` characters.
  func padding(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
