/// What a command's argument or option value names, for completion and validation.
package enum ValueKind: Sendable, Equatable {
  /// Free text.
  case text
  /// A document: an id, an id prefix or a number.
  case document
  /// A file or folder path.
  case path
  /// A command name.
  case command
  /// A setting name.
  case setting
  /// A value of the setting named by the previous argument.
  case settingValue
  /// A quoted speaker: an S id or a surname.
  case speaker
  /// One of a fixed list.
  case choice([String])
}

/// How many values an argument takes.
package enum Arity: Sendable, Equatable {
  case one, optional, zeroOrMore, oneOrMore
}

/// A positional argument of a command.
package struct ArgumentSpec: Sendable {
  package var name: String
  package var help: String
  package var kind: ValueKind
  package var arity: Arity

  package init(_ name: String, _ help: String, kind: ValueKind = .text, arity: Arity = .one) {
    self.name = name
    self.help = help
    self.kind = kind
    self.arity = arity
  }
}

/// An option of a command: a `--flag`, or a `--name VALUE`.
package struct OptionSpec: Sendable {
  package var name: String
  package var help: String
  /// The value's placeholder, or nil for a flag.
  package var valueName: String?
  package var kind: ValueKind

  /// A flag.
  package static func flag(_ name: String, _ help: String) -> OptionSpec {
    OptionSpec(name: name, help: help, valueName: nil, kind: .text)
  }

  /// An option with a value.
  package static func value(_ name: String, _ valueName: String, _ help: String, kind: ValueKind = .text) -> OptionSpec {
    OptionSpec(name: name, help: help, valueName: valueName, kind: kind)
  }
}

/// A usage example shown in help.
package struct Example: Sendable {
  package var command: String
  package var note: String

  package init(_ command: String, _ note: String) {
    self.command = command
    self.note = note
  }
}

/// Everything help, completion and argument checking know about a command.
package struct CommandSpec: Sendable {
  package var name: String
  package var aliases: [String] = []
  /// One line: what the command does.
  package var abstract: String
  /// More about it, in paragraphs.
  package var discussion: String = ""
  package var arguments: [ArgumentSpec] = []
  package var options: [OptionSpec] = []
  package var examples: [Example] = []
  /// Whether `record` writes the command into the file it makes (not for `record` itself or `quit`).
  package var isRecorded = true
  /// For a command that prints nothing, why `> FILE` makes no sense after it; nil when the
  /// command's output may be sent to a file.
  package var redirectionRefusal: String? = nil
  /// Whether every word is an argument, `--x` included (for commands whose arguments hold
  /// another command's words, like `expect count`); the common options are then not taken.
  package var rawArguments = false

  /// Options every command takes.
  package static let commonOptions: [OptionSpec] = [
    .value("format", "FORMAT", "output format: table, json, csv, markdown or text", kind: .choice(OutputFormat.allCases.map(\.rawValue))),
    .flag("no-color", "no colors in this command's output"),
  ]

  /// The command's options followed by the common ones (none for a command that takes its
  /// arguments raw); a command that declares an option of a common option's name
  /// (`export --format csv|jsonl`) replaces it.
  package var allOptions: [OptionSpec] {
    if rawArguments { return options }
    return options + Self.commonOptions.filter { common in !options.contains { $0.name == common.name } }
  }

  /// `name ARG [ARG] [--option VALUE]…`
  package var synopsis: String {
    var parts = [name]
    for argument in arguments {
      let name = argument.name.uppercased()
      switch argument.arity {
      case .one: parts.append(name)
      case .optional: parts.append("[\(name)]")
      case .zeroOrMore: parts.append("[\(name)…]")
      case .oneOrMore: parts.append("\(name)…")
      }
    }
    if !options.isEmpty { parts.append("[OPTIONS]") }
    return parts.joined(separator: " ")
  }
}

/// A command of the shell: static metadata and one `run`.
///
/// Commands are thin: they check their arguments, ask the core, and return an `Output`
/// for a renderer. They never print.
package protocol ShellCommand: Sendable {
  /// Name, help, arguments and options; help and completion are generated from it.
  static var spec: CommandSpec { get }
  /// Runs the command.
  /// - Throws: `ShellError` for anything the user should be told.
  static func run(_ call: CommandCall, in context: CommandContext) throws(ShellError) -> Output
}
