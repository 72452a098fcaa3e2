/// A word of a command line, with where it stands in the line.
package struct Word: Sendable, Equatable {
  /// The word after quotes and escapes are removed.
  package var text: String
  /// Its range in the line, in characters (quotes included).
  package var range: Range<Int>
  /// Whether it starts with a quote or an escape (a quoted `--x` or `>` is an ordinary word).
  package var quoted: Bool
}

/// Where a command's output goes instead of standard output.
package struct Redirection: Sendable, Equatable {
  package var path: String
  package var append: Bool
}

/// A command line split into words, with its redirection taken off the end.
package struct LexedLine: Sendable, Equatable {
  package var words: [Word]
  package var redirection: Redirection?
}

/// An error in the shape of a command line.
package struct LexError: Error, Sendable, Equatable {
  package var message: String
  /// Character position the error points at.
  package var position: Int
}

/// Splits a command line into words, as a POSIX shell would but smaller.
///
/// - `'…'` quotes literally; `"…"` quotes with `\"` and `\\` escapes; quoted and bare
///   parts join into one word (`--title="Two words"`).
/// - Outside quotes, `\` escapes the next character.
/// - `#` at the start of a word begins a comment that runs to the end of the line.
/// - `> FILE` or `>> FILE` at the end of the line redirects the command's output (`>=` is
///   an ordinary word, for comparisons).
/// - With variables, `$name` and `${name}` outside single quotes become the variable's
///   value, as part of the word they stand in (never split, never re-read as quotes or
///   options); `$$` is a literal `$`, and a `$` not followed by a letter or `_` (`$13`)
///   stays as it is.
/// Continuation lines (a trailing `\`) are joined before lexing, by `ScriptRunner`.
package struct CommandLexer: Sendable {
  package init() {}

  /// Splits `line` into words.
  /// - Parameter variables: the values `$name` stands for; nil leaves every `$` as it is.
  /// - Throws: `LexError` for an unterminated quote, an unknown variable or a redirection
  ///   without a file.
  package func lex(_ line: String, variables: [String: String]? = nil) throws(LexError) -> LexedLine {
    let (words, problem) = scan(line, variables: variables)
    if let problem { throw problem }
    return try splitRedirection(words)
  }

  /// Whether `name` can name a variable: a letter or `_`, then letters, digits and `_`.
  package static func isVariableName(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, isNameStart(first) else { return false }
    return name.unicodeScalars.allSatisfy(isNameCharacter)
  }

  private static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "_" || (scalar.isASCII && scalar.properties.isAlphabetic)
  }

  private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
    isNameStart(scalar) || ("0"..."9").contains(scalar)
  }

  /// Splits the start of a line for completion: like `lex`, but an unterminated quote
  /// leaves its word open instead of failing, and no redirection is taken off.
  package func lexForCompletion(_ line: String) -> [Word] {
    scan(line, variables: nil).words
  }

  /// The variable reference at `index` (which holds a `$`): its value and the index after
  /// it, nil when the `$` is literal, or an error for an unknown name.
  private func expansion(
    at index: Int, in characters: [Character], variables: [String: String]
  ) -> Result<(value: String, end: Int), LexError>? {
    let next = index + 1
    guard next < characters.count else { return nil }
    if characters[next] == "$" { return .success(("$", next + 1)) }
    var nameStart = next
    var braced = false
    if characters[next] == "{" {
      braced = true
      nameStart = next + 1
    }
    var end = nameStart
    while end < characters.count, let scalar = characters[end].unicodeScalars.first, characters[end].unicodeScalars.count == 1,
      end == nameStart ? Self.isNameStart(scalar) : Self.isNameCharacter(scalar)
    {
      end += 1
    }
    if end == nameStart {
      return braced ? .failure(LexError(message: "'${' needs a variable name and a closing '}'", position: index)) : nil
    }
    let name = String(characters[nameStart..<end])
    if braced {
      guard end < characters.count, characters[end] == "}" else {
        return .failure(LexError(message: "'${\(name)' needs a closing '}'", position: index))
      }
      end += 1
    }
    guard let value = variables[name] else {
      let known = variables.keys.sorted()
      let suggestion = EditDistanceHint.closest(to: name, among: known).map { "; did you mean '$\($0)'?" } ?? ""
      let listing = known.isEmpty ? " (none is set; 'let NAME = VALUE' sets one, '$$' writes a '$')" : suggestion
      return .failure(LexError(message: "unknown variable '$\(name)'\(listing)", position: index))
    }
    return .success((value, end))
  }

  private func scan(_ line: String, variables: [String: String]?) -> (words: [Word], problem: LexError?) {
    let characters = Array(line)
    var words: [Word] = []
    var index = 0
    var current: String? = nil
    var quoted = false
    var start = 0
    func finish(at end: Int) {
      if let text = current { words.append(Word(text: text, range: start..<end, quoted: quoted)) }
      current = nil
      quoted = false
    }
    while index < characters.count {
      let character = characters[index]
      switch character {
      case " ", "\t":
        finish(at: index)
        index += 1
      case "#" where current == nil:
        return (words, nil)
      case "'":
        if current == nil { start = index; current = ""; quoted = true }
        guard let close = characters[(index + 1)...].firstIndex(of: "'") else {
          current! += String(characters[(index + 1)...])
          finish(at: characters.count)
          return (words, LexError(message: "unterminated quote", position: index))
        }
        current! += String(characters[(index + 1)..<close])
        index = close + 1
      case "\"":
        if current == nil { start = index; current = ""; quoted = true }
        let open = index
        index += 1
        var closed = false
        while index < characters.count {
          let inner = characters[index]
          if inner == "\\", index + 1 < characters.count, characters[index + 1] == "\"" || characters[index + 1] == "\\" {
            current!.append(characters[index + 1])
            index += 2
          } else if inner == "$", let variables, let found = expansion(at: index, in: characters, variables: variables) {
            switch found {
            case .success(let (value, end)):
              current! += value
              index = end
            case .failure(let error):
              return (words, error)
            }
          } else if inner == "\"" {
            index += 1
            closed = true
            break
          } else {
            current!.append(inner)
            index += 1
          }
        }
        if !closed {
          finish(at: characters.count)
          return (words, LexError(message: "unterminated quote", position: open))
        }
      case "\\":
        if current == nil { start = index; current = ""; quoted = true }
        if index + 1 < characters.count {
          current!.append(characters[index + 1])
          index += 2
        } else {
          index += 1
        }
      case "$" where variables != nil:
        guard let variables, let found = expansion(at: index, in: characters, variables: variables) else {
          if current == nil { start = index; current = "" }
          current!.append(character)
          index += 1
          break
        }
        switch found {
        case .success(let (value, end)):
          // A value is literal text: it never becomes an option or a redirection.
          if current == nil { start = index; current = ""; quoted = true }
          current! += value
          index = end
        case .failure(let error):
          return (words, error)
        }
      case ">" where current == nil && !(index + 1 < characters.count && characters[index + 1] == "="):
        // `>` and `>>` are words of their own when they start a word.
        start = index
        if index + 1 < characters.count, characters[index + 1] == ">" {
          words.append(Word(text: ">>", range: index..<(index + 2), quoted: false))
          index += 2
        } else {
          words.append(Word(text: ">", range: index..<(index + 1), quoted: false))
          index += 1
        }
      default:
        if current == nil { start = index; current = "" }
        current!.append(character)
        index += 1
      }
    }
    finish(at: characters.count)
    return (words, nil)
  }

  private func splitRedirection(_ words: [Word]) throws(LexError) -> LexedLine {
    guard let arrow = words.firstIndex(where: { !$0.quoted && ($0.text == ">" || $0.text == ">>") }) else {
      return LexedLine(words: words, redirection: nil)
    }
    let rest = words[(arrow + 1)...]
    guard let target = rest.first else {
      throw LexError(message: "'\(words[arrow].text)' needs a file name after it", position: words[arrow].range.upperBound)
    }
    guard rest.count == 1 else {
      throw LexError(message: "a redirection goes at the end of the line: one file name after '\(words[arrow].text)'", position: rest.dropFirst().first!.range.lowerBound)
    }
    return LexedLine(words: Array(words[..<arrow]), redirection: Redirection(path: target.text, append: words[arrow].text == ">>"))
  }
}
