import CrosscheckCore

/// Neutral labels for the loaded documents (`set blind on`): every place an output names a
/// document's outlet, id, file, author or web address, it says "Source A", "Source B", … (in
/// load order) instead, so that a class judges the text before the brand.
///
/// Renderers apply it to a whole `Output` before laying it out (`RenderOptions.blinding`),
/// so no command needs to know about it. Names are found as whole words, case-insensitively,
/// in every string an output holds, document text included ("Nov. 14 (Coastwire) —").
package struct Blinding: Sendable, Equatable {
  /// One document's label and what it stands for.
  package struct Entry: Sendable, Equatable {
    /// "Source A".
    package var label: String
    package var id: String
    package var outlet: String?
    package var title: String?
  }

  /// The documents' labels, in load order.
  package let entries: [Entry]
  /// Lower-cased first word of a name → the names starting with it (longest first) and what
  /// each is replaced by.
  private let names: [String: [Name]]

  /// A name to hide, as words and the text between them.
  private struct Name {
    var words: [Substring]
    var separators: [Substring]
    var replacement: String
    /// Whether it is hidden only where written with a capital (a single word of a longer
    /// outlet name: "the Ledger" is the outlet, "a ledger" is not).
    var capitalizedOnly: Bool
  }

  /// Up to this many documents (a class's corpus), single words of outlet names are
  /// hidden too; finding which words no other document uses reads every text once per word.
  static let partialNameCorpusLimit = 200

  /// Words of outlet names too common to give an outlet away on their own.
  static let genericOutletWords: Set<String> = [
    "the", "of", "and", "news", "daily", "weekly", "today", "online", "media", "tv", "radio", "channel", "network",
    "group", "press", "times", "post", "live", "world", "new", "city", "local", "national", "international",
  ]

  /// Names of fewer characters are left alone: they are too likely to be ordinary words.
  static let shortestName = 3

  package static func == (lhs: Blinding, rhs: Blinding) -> Bool { lhs.entries == rhs.entries }

  /// Labels `documents` in their order.
  package init(documents: [Document]) {
    var entries: [Entry] = []
    var replacements: [(name: String, replacement: String, capitalizedOnly: Bool)] = []
    // Each text made once, for the search for outlets' words below (a document keeps
    // its text as bytes).
    let texts = documents.count <= Self.partialNameCorpusLimit ? documents.map(\.text) : []
    for (index, document) in documents.enumerated() {
      let label = "Source " + Self.letters(index)
      entries.append(Entry(label: label, id: document.id, outlet: document.metadata.outlet?.value, title: document.metadata.title?.value))
      // A JSONL record's origin is `path:LINE`; its file names every record in it.
      let path = document.origin
      replacements.append((path, label, false))
      replacements.append((path.split(separator: "/").last.map(String.init) ?? path, label, false))
      replacements.append((document.id, label, false))
      if let outlet = document.metadata.outlet?.value {
        replacements.append((outlet, label, false))
        // "the KVRT 7 newsroom", "before joining the Ledger": a word of the name that no
        // other document uses gives the outlet away too ("Riverton" of "Riverton Gazette"
        // is the town every article is about, and stays).
        let words = Self.split(outlet).words
        if words.count > 1, documents.count <= Self.partialNameCorpusLimit {
          for word in words where word.count >= Self.shortestName && word.first?.isUppercase == true
            && !Self.genericOutletWords.contains(word.lowercased())
            && !texts.indices.contains(where: { $0 != index && texts[$0].contains(word) })
          {
            replacements.append((String(word), label, true))
          }
        }
      }
      if let author = document.metadata.author?.value { replacements.append((author, "the author of \(label)", false)) }
      if let url = document.metadata.url?.value {
        replacements.append((url, "(the web address of \(label))", false))
        if let host = Self.host(of: url) { replacements.append((host, "(the website of \(label))", false)) }
      }
    }
    var names: [String: [Name]] = [:]
    for (name, replacement, capitalizedOnly) in replacements where name.count >= Self.shortestName && name.contains(where: \.isLetter) {
      let split = Self.split(name)
      guard let first = split.words.first else { continue }
      let key = first.lowercased()
      if names[key, default: []].contains(where: { $0.words.map { $0.lowercased() } == split.words.map { $0.lowercased() } && $0.separators == split.separators }) {
        continue
      }
      names[key, default: []].append(Name(words: split.words, separators: split.separators, replacement: replacement, capitalizedOnly: capitalizedOnly))
    }
    for key in names.keys { names[key]!.sort { $0.words.count > $1.words.count } }
    self.entries = entries
    self.names = names
  }

  /// `text` with every name of a document replaced by its label.
  /// - Complexity: O(n) in the length of `text` for a fixed set of names.
  package func hide(in text: String) -> String {
    let split = Self.split(text)
    guard !split.words.isEmpty else { return text }
    var result = ""
    var position = text.startIndex
    var index = 0
    while index < split.words.count {
      let word = split.words[index]
      if let candidates = names[word.lowercased()],
        let match = candidates.first(where: { matches($0, at: index, in: split) })
      {
        let last = split.words[index + match.words.count - 1]
        result += text[position..<word.startIndex]
        result += match.replacement
        position = last.endIndex
        index += match.words.count
        continue
      }
      index += 1
    }
    result += text[position...]
    return result
  }

  private func matches(_ name: Name, at index: Int, in split: (words: [Substring], separators: [Substring])) -> Bool {
    guard index + name.words.count <= split.words.count else { return false }
    if name.capitalizedOnly, split.words[index].first?.isUppercase != true { return false }
    for offset in name.words.indices {
      if split.words[index + offset].lowercased() != name.words[offset].lowercased() { return false }
      if offset > 0, split.separators[index + offset - 1] != name.separators[offset - 1] { return false }
    }
    return true
  }

  /// The words of `text` (runs of letters and digits) and the text between consecutive words.
  private static func split(_ text: String) -> (words: [Substring], separators: [Substring]) {
    var words: [Substring] = []
    var separators: [Substring] = []
    var start: String.Index? = nil
    var lastEnd: String.Index? = nil
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      let isWord = character.isLetter || character.isNumber
      if isWord, start == nil {
        if let lastEnd { separators.append(text[lastEnd..<index]) }
        start = index
      } else if !isWord, let begun = start {
        words.append(text[begun..<index])
        lastEnd = index
        start = nil
      }
      index = text.index(after: index)
    }
    if let begun = start { words.append(text[begun...]) }
    return (words, separators)
  }

  /// A, B, … Z, AA, AB, …
  static func letters(_ index: Int) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    var number = index
    var result = ""
    repeat {
      result = String(alphabet[number % 26]) + result
      number = number / 26 - 1
    } while number >= 0
    return result
  }

  /// `www.example.com` from `https://www.example.com/path`.
  static func host(of url: String) -> String? {
    guard let scheme = url.range(of: "://") else { return nil }
    let rest = url[scheme.upperBound...]
    let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }
    return host.isEmpty ? nil : String(host)
  }

  /// The document a label names ("A", "Source A", "source-a"), case-insensitively.
  package func document(labelled word: String) -> String? {
    let folded = word.lowercased().replacingOccurrences(of: "-", with: " ")
    return entries.first { entry in
      let label = entry.label.lowercased()
      return folded == label || "source " + folded == label
    }?.id
  }
}

extension Output {
  /// The output with every document's names replaced by its label (see `Blinding`).
  package func blinded(by blinding: Blinding) -> Output {
    Output(blocks.map { $0.blinded(by: blinding) }, json: json.map { $0.blinded(by: blinding) })
  }
}

extension Block {
  func blinded(by blinding: Blinding) -> Block {
    switch self {
    case .heading(let text): return .heading(blinding.hide(in: text))
    case .table(let table):
      // Column titles can name documents too (one column per source).
      let columns = table.columns.map { column in
        var hidden = column
        hidden.title = blinding.hide(in: column.title)
        return hidden
      }
      return .table(Table(columns: columns, rows: table.rows.map { $0.map { $0.blinded(by: blinding) } }))
    case .fields(let fields): return .fields(fields.map { Field($0.label, $0.value.blinded(by: blinding)) })
    case .text(let text): return .text(text.blinded(by: blinding))
    case .message(let text): return .message(text.blinded(by: blinding))
    case .sideBySide(let rows): return .sideBySide(rows.map { SideBySideRow($0.left.blinded(by: blinding), $0.right.blinded(by: blinding)) })
    }
  }
}

extension Cell {
  func blinded(by blinding: Blinding) -> Cell {
    if case .text(let value) = self { return .text(blinding.hide(in: value)) }
    return self
  }
}

extension StyledText {
  func blinded(by blinding: Blinding) -> StyledText {
    StyledText(runs.map { StyledRun(blinding.hide(in: $0.text), $0.style) })
  }
}

extension JSONValue {
  func blinded(by blinding: Blinding) -> JSONValue {
    switch self {
    case .string(let value): return .string(blinding.hide(in: value))
    case .array(let values): return .array(values.map { $0.blinded(by: blinding) })
    case .object(let fields): return .object(fields.map { ($0.0, $0.1.blinded(by: blinding)) })
    default: return self
    }
  }
}
