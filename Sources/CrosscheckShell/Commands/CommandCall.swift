/// A command line bound to its command's spec: positional arguments and options by name.
package struct CommandCall: Sendable {
  /// The name the command was called by (it may be an alias).
  package var name: String
  package var arguments: [String]
  /// Option values by option name (without dashes); a flag maps to an empty list.
  package var options: [String: [String]]
  /// The line as typed, for messages and `record`.
  package var line: String

  /// Whether a flag was given.
  package func flag(_ name: String) -> Bool { options[name] != nil }

  /// The last value given for an option.
  package func value(_ name: String) -> String? { options[name]?.last }

  /// Binds lexed words to `spec`: options anywhere on the line, the rest positional;
  /// `--` ends options.
  /// - Throws: `ShellError.usage` for an unknown option (with the nearest valid one and
  ///   the full list), a missing value, or a wrong number of arguments.
  package static func bind(_ words: [Word], to spec: CommandSpec, calledAs name: String, line: String) throws(ShellError) -> CommandCall {
    if spec.rawArguments {
      let arguments = words.map(\.text)
      try checkArity(arguments, spec: spec)
      return CommandCall(name: name, arguments: arguments, options: [:], line: line)
    }
    var arguments: [String] = []
    var options: [String: [String]] = [:]
    let optionList = spec.allOptions
    var index = 0
    var optionsEnded = false
    while index < words.count {
      let word = words[index]
      index += 1
      let literal = optionsEnded || word.quoted
      if !literal, word.text == "--" {
        optionsEnded = true
        continue
      }
      guard !literal, word.text.hasPrefix("--"), word.text.count > 2 else {
        arguments.append(word.text)
        continue
      }
      var optionName = String(word.text.dropFirst(2))
      var inlineValue: String? = nil
      if let equals = optionName.firstIndex(of: "=") {
        inlineValue = String(optionName[optionName.index(after: equals)...])
        optionName = String(optionName[..<equals])
      }
      guard let option = optionList.first(where: { $0.name == optionName }) else {
        let suggestion = EditDistanceHint.closest(to: optionName, among: optionList.map(\.name)).map { "; did you mean '--\($0)'?" } ?? ""
        let valid = optionList.map { "--\($0.name)" }.joined(separator: ", ")
        throw .usage("unknown option '--\(optionName)' for '\(spec.name)'\(suggestion)", hint: "valid options: \(valid)")
      }
      if option.valueName == nil {
        if inlineValue != nil { throw .usage("option '--\(optionName)' takes no value") }
        options[optionName, default: []] = []
        continue
      }
      let value: String
      if let inlineValue {
        value = inlineValue
      } else if index < words.count {
        value = words[index].text
        index += 1
      } else {
        throw .usage("option '--\(optionName)' needs a value (\(option.valueName ?? "VALUE"))")
      }
      if case .choice(let choices) = option.kind, !choices.contains(value) {
        let suggestion = EditDistanceHint.closest(to: value, among: choices).map { "; did you mean '\($0)'?" } ?? ""
        throw .usage("'\(value)' is not a valid value for '--\(optionName)'\(suggestion)", hint: "valid values: \(choices.joined(separator: ", "))")
      }
      options[optionName, default: []].append(value)
    }
    try checkArity(arguments, spec: spec)
    return CommandCall(name: name, arguments: arguments, options: options, line: line)
  }

  private static func checkArity(_ arguments: [String], spec: CommandSpec) throws(ShellError) {
    var minimum = 0
    var maximum: Int? = 0
    for argument in spec.arguments {
      switch argument.arity {
      case .one: minimum += 1; maximum = maximum.map { $0 + 1 }
      case .optional: maximum = maximum.map { $0 + 1 }
      case .zeroOrMore: maximum = nil
      case .oneOrMore: minimum += 1; maximum = nil
      }
    }
    if arguments.count < minimum {
      let missing = spec.arguments.filter { $0.arity == .one || $0.arity == .oneOrMore }.dropFirst(arguments.count).first
      throw .usage("'\(spec.name)' needs \(missing.map { $0.name.uppercased() } ?? "more arguments")", hint: "usage: \(spec.synopsis)")
    }
    if let maximum, arguments.count > maximum {
      let extra = arguments[maximum]
      throw .usage("'\(spec.name)' takes \(maximum == 0 ? "no arguments" : "at most \(maximum) argument\(maximum == 1 ? "" : "s")"); unexpected '\(extra)'", hint: "usage: \(spec.synopsis)")
    }
  }
}
