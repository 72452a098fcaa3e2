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
/// - `> FILE` or `>> FILE` at the end of the line redirects the command's output.
/// Continuation lines (a trailing `\`) are joined before lexing, by `ScriptRunner`.
package struct CommandLexer: Sendable {
  package init() {}

  /// Splits `line` into words.
  /// - Throws: `LexError` for an unterminated quote or a redirection without a file.
  package func lex(_ line: String) throws(LexError) -> LexedLine {
    let (words, unterminated) = scan(line)
    if let position = unterminated {
      throw LexError(message: "unterminated quote", position: position)
    }
    return try splitRedirection(words)
  }

  /// Splits the start of a line for completion: like `lex`, but an unterminated quote
  /// leaves its word open instead of failing, and no redirection is taken off.
  package func lexForCompletion(_ line: String) -> [Word] {
    scan(line).words
  }

  private func scan(_ line: String) -> (words: [Word], unterminated: Int?) {
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
          return (words, index)
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
          return (words, open)
        }
      case "\\":
        if current == nil { start = index; current = ""; quoted = true }
        if index + 1 < characters.count {
          current!.append(characters[index + 1])
          index += 2
        } else {
          index += 1
        }
      case ">" where current == nil:
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
