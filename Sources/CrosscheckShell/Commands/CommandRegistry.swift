/// The commands of the shell, looked up by name or alias.
package struct CommandRegistry: Sendable {
  /// Every command, in the order `help` lists them.
  package static let standardCommands: [any ShellCommand.Type] = [
    HelpCommand.self,
    LoadCommand.self,
    UnloadCommand.self,
    SourcesCommand.self,
    ShowCommand.self,
    QuotesCommand.self,
    SpeakersCommand.self,
    ClaimsCommand.self,
    CompareCommand.self,
    DiffCommand.self,
    SearchCommand.self,
    SQLCommand.self,
    ReportCommand.self,
    ExportCommand.self,
    OpenCommand.self,
    SaveCommand.self,
    SetCommand.self,
    RunCommand.self,
    EchoCommand.self,
    ExpectCommand.self,
    LetCommand.self,
    RecordCommand.self,
    RevealCommand.self,
    QuitCommand.self,
  ]

  private let commands: [CommandSpec]
  private let types: [String: any ShellCommand.Type]

  /// Builds the registry, checking once that no two commands share a name, alias or option.
  package init(_ commandTypes: [any ShellCommand.Type] = standardCommands) {
    var types: [String: any ShellCommand.Type] = [:]
    var specs: [CommandSpec] = []
    for type in commandTypes {
      let spec = type.spec
      for name in [spec.name] + spec.aliases {
        precondition(types[name] == nil, "two commands are named '\(name)'")
        types[name] = type
      }
      let optionNames = spec.allOptions.map(\.name)
      precondition(Set(optionNames).count == optionNames.count, "'\(spec.name)' declares an option twice")
      specs.append(spec)
    }
    self.commands = specs
    self.types = types
  }

  /// Every command's spec, in help order.
  package var specs: [CommandSpec] { commands }

  /// Every name and alias.
  package var allNames: [String] { commands.flatMap { [$0.name] + $0.aliases } }

  /// The command called `name`.
  package func command(named name: String) -> (any ShellCommand.Type)? { types[name] }

  /// The error for an unknown command name, with the nearest known one.
  package func unknownCommand(_ name: String) -> ShellError {
    // Command names are short: allow up to half the word to differ.
    let limit = max(2, name.count / 2)
    var nearest: String? = nil
    var nearestDistance = limit + 1
    // Names before aliases, so that a tie suggests the command's own name.
    for candidate in commands.map(\.name).sorted() + commands.flatMap(\.aliases).sorted() {
      let distance = EditDistance.distance(name, candidate)
      if distance < nearestDistance {
        nearest = candidate
        nearestDistance = distance
      }
    }
    let suggestion = nearest.map { "; did you mean '\($0)'?" } ?? ""
    return .usage("unknown command '\(name)'\(suggestion)", hint: "type 'help' for the list of commands")
  }
}

import CrosscheckCore
