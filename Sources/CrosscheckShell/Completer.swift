import CrosscheckCore
import Foundation

/// TAB completion: command names, option names and values, document ids, speakers, settings and paths.
package struct Completer {
  /// The completions of the word under the cursor.
  package struct Completions: Sendable, Equatable {
    /// Character offset where the word being completed starts.
    package var start: Int
    /// Full replacements for that word, sorted.
    package var candidates: [String]
  }

  let registry: CommandRegistry
  let documentIDs: [String]
  let currentFolder: String

  /// - Parameter speakers: what a speaker can be typed as (S ids, surnames); computed by the
  ///   caller only when asked, so completing anything else never analyses the corpus.
  package init(
    registry: CommandRegistry, documentIDs: [String], speakers: @escaping () -> [String] = { [] },
    currentFolder: String = FileManager.default.currentDirectoryPath
  ) {
    self.registry = registry
    self.documentIDs = documentIDs
    self.currentFolder = currentFolder
    self.speakerSource = speakers
  }

  private let speakerSource: () -> [String]

  /// Completions for `line` cut at the cursor (`prefix` is the text before the cursor).
  ///
  /// Names with control characters (a file or document id that carries a terminal escape)
  /// are left out: libedit would list them on the terminal as they are.
  package func complete(_ prefix: String) -> Completions {
    var completions = allCompletions(prefix)
    completions.candidates.removeAll(where: TerminalText.needsEscaping)
    return completions
  }

  private func allCompletions(_ prefix: String) -> Completions {
    let words = CommandLexer().lexForCompletion(prefix)
    let endsWithSpace = prefix.last.map { $0 == " " || $0 == "\t" } ?? true
    let current = endsWithSpace ? "" : (words.last?.text ?? "")
    let start = endsWithSpace ? prefix.count : (words.last?.range.lowerBound ?? prefix.count)
    let before = endsWithSpace ? words : Array(words.dropLast())
    func result(_ candidates: [String]) -> Completions {
      Completions(start: start, candidates: Array(Set(candidates.filter { $0.hasPrefix(current) })).sorted())
    }
    // Command names complete to the commands' own names; aliases work when typed.
    guard let commandWord = before.first else { return result(registry.specs.map(\.name)) }
    guard let command = registry.command(named: commandWord.text) else { return Completions(start: start, candidates: []) }
    let spec = command.spec
    if current.hasPrefix("-") { return result(spec.allOptions.map { "--" + $0.name }) }
    // The value of an option.
    if let previous = before.last, previous.text.hasPrefix("--"),
      let option = spec.allOptions.first(where: { "--" + $0.name == previous.text }), option.valueName != nil
    {
      return Completions(start: start, candidates: values(of: option.kind, current: current, arguments: []))
    }
    // A positional argument: which one, skipping options and their values.
    var positional: [String] = []
    var index = 1
    while index < before.count {
      let word = before[index].text
      if word.hasPrefix("--"), let option = spec.allOptions.first(where: { "--" + $0.name == word }) {
        index += option.valueName == nil ? 1 : 2
        continue
      }
      positional.append(word)
      index += 1
    }
    guard let argument = argumentSpec(at: positional.count, in: spec) else { return Completions(start: start, candidates: []) }
    return Completions(start: start, candidates: values(of: argument.kind, current: current, arguments: positional))
  }

  private func argumentSpec(at position: Int, in spec: CommandSpec) -> ArgumentSpec? {
    var index = 0
    for argument in spec.arguments {
      switch argument.arity {
      case .one, .optional:
        if index == position { return argument }
        index += 1
      case .zeroOrMore, .oneOrMore:
        return argument
      }
    }
    return nil
  }

  private func values(of kind: ValueKind, current: String, arguments: [String]) -> [String] {
    let candidates: [String]
    switch kind {
    case .text: return []
    case .document: candidates = documentIDs
    case .speaker: candidates = speakerSource()
    case .command: candidates = registry.specs.map(\.name)
    case .setting: candidates = Settings.descriptors.map(\.name)
    case .settingValue: candidates = arguments.first.flatMap { name in Settings.descriptors.first { $0.name == name }?.values } ?? []
    case .choice(let choices): candidates = choices
    case .path: return paths(matching: current)
    }
    return Array(Set(candidates.filter { $0.hasPrefix(current) })).sorted()
  }

  /// Files and folders whose path starts with `prefix`; folders end with `/`.
  func paths(matching prefix: String) -> [String] {
    let expanded = (prefix as NSString).expandingTildeInPath
    let folderPart: String
    let namePart: String
    if prefix.hasSuffix("/") {
      folderPart = prefix
      namePart = ""
    } else {
      folderPart = (prefix as NSString).deletingLastPathComponent.isEmpty ? "" : (prefix as NSString).deletingLastPathComponent + "/"
      namePart = (prefix as NSString).lastPathComponent
    }
    let expandedFolder = expanded.hasSuffix("/") ? expanded : (expanded as NSString).deletingLastPathComponent
    let folder = expandedFolder.isEmpty ? currentFolder : (expandedFolder.hasPrefix("/") ? expandedFolder : (currentFolder as NSString).appendingPathComponent(expandedFolder))
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
    return entries
      .filter { $0.hasPrefix(namePart) && (!$0.hasPrefix(".") || namePart.hasPrefix(".")) }
      .map { entry in
        var isFolder: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(entry), isDirectory: &isFolder)
        return folderPart + entry + (isFolder.boolValue ? "/" : "")
      }
      .sorted()
  }
}
