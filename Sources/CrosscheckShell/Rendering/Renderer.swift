/// How output is being shown: the format, and what the destination can take.
package struct RenderOptions: Sendable {
  package var format: OutputFormat
  /// Whether ANSI colors may be used.
  package var color: Bool
  /// Terminal width in columns, or nil for unlimited (files and pipes).
  package var width: Int?
  /// Whether the destination is a terminal (control characters are then always escaped).
  package var terminal: Bool
  /// Neutral labels for the documents while `blind` is on; nil shows their names.
  package var blinding: Blinding? = nil

  package init(format: OutputFormat, color: Bool = false, width: Int? = nil, terminal: Bool = false) {
    self.format = format
    self.color = color
    self.width = width
    self.terminal = terminal
  }
}

/// Lays out side-by-side rows in two columns of half the width each, separated by a bar.
package enum SideBySideLayout {
  /// The width used when the destination has none (files, pipes).
  package static let defaultWidth = 100
  /// Between the two columns.
  static let separator = " │ "

  package static func render(_ rows: [SideBySideRow], options: RenderOptions) -> String {
    let total = options.width ?? defaultWidth
    let column = max(10, (total - TerminalText.width(separator)) / 2)
    var lines: [String] = []
    for row in rows {
      let left = row.left.wrapped(to: column, color: options.color)
      let right = row.right.wrapped(to: column, color: options.color)
      for index in 0..<max(left.count, right.count) {
        let l = index < left.count ? left[index] : ""
        let r = index < right.count ? right[index] : ""
        // Pad by visible width: color codes take no columns (document text is escaped, so
        // every escape character left is one of ours).
        let visible = TerminalText.width(withoutColorCodes(l))
        lines.append((l + String(repeating: " ", count: max(0, column - visible)) + separator + r).trailingSpacesRemoved())
      }
    }
    return lines.joined(separator: "\n")
  }

  /// `text` without the SGR color sequences `ANSI` adds.
  static func withoutColorCodes(_ text: String) -> String {
    guard text.unicodeScalars.contains("\u{1B}") else { return text }
    var result = ""
    var inCode = false
    for scalar in text.unicodeScalars {
      if inCode {
        if scalar == "m" { inCode = false }
      } else if scalar == "\u{1B}" {
        inCode = true
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}

/// Turns an `Output` into text. Renderers compute nothing: they lay out what they are given.
package protocol Renderer {
  func render(_ output: Output, options: RenderOptions) -> String
}

/// The renderer of a format.
package enum Renderers {
  package static func renderer(for format: OutputFormat) -> any Renderer {
    switch format {
    case .table: return TableRenderer()
    case .json: return JSONRenderer()
    case .csv: return CSVRenderer()
    case .markdown: return MarkdownRenderer()
    case .text: return TextRenderer()
    }
  }

  /// Renders `output` in `options.format`, with the documents' labels in place of their
  /// names when `options.blinding` is set: every renderer goes through here.
  package static func render(_ output: Output, options: RenderOptions) -> String {
    let shown = options.blinding.map { output.blinded(by: $0) } ?? output
    return renderer(for: options.format).render(shown, options: options)
  }
}

/// ANSI styling for terminals.
package enum ANSI {
  package static func code(for style: TextStyle) -> String? {
    switch style {
    case .plain: return nil
    case .bold: return "\u{1B}[1m"
    case .dim: return "\u{1B}[2m"
    case .heading: return "\u{1B}[1;4m"
    case .inserted: return "\u{1B}[32m"
    case .deleted: return "\u{1B}[31m"
    case .highlight: return "\u{1B}[33m"
    case .warning: return "\u{1B}[33m"
    case .error: return "\u{1B}[1;31m"
    }
  }

  package static let reset = "\u{1B}[0m"

  /// `text` (already escaped) in `style` when colors are on.
  package static func styled(_ text: String, _ style: TextStyle, color: Bool) -> String {
    guard color, !text.isEmpty, let code = code(for: style) else { return text }
    return code + text + reset
  }
}

extension StyledText {
  /// The text escaped for a terminal, with colors when asked; without colors, inserted
  /// and deleted runs carry their change marks.
  package func rendered(color: Bool, keepLayout: Bool = true) -> String {
    runs.map { run in
      color ? ANSI.styled(TerminalText.escape(run.text, keepLayout: keepLayout), run.style, color: true)
        : TerminalText.escape(run.marked, keepLayout: keepLayout)
    }.joined()
  }

  /// The text without styles (change marks kept), escaped for a terminal when `escape` is true.
  package func plainText(escape: Bool) -> String {
    escape ? TerminalText.escape(marked) : marked
  }

  /// The text wrapped at spaces into lines of at most `width` columns (a longer word is cut),
  /// each line escaped, with colors or change marks.
  package func wrapped(to width: Int, color: Bool) -> [String] {
    let width = max(width, 4)
    // Without colors the marks become part of the text, and are measured with it.
    let source = color ? runs : [StyledRun(marked)]
    var lines: [String] = []
    var line = ""
    var used = 0
    // The current run's text on the current line, styled once when the run or line ends.
    var pending = ""
    var style = TextStyle.plain
    func endRun() {
      line += ANSI.styled(pending, style, color: color)
      pending = ""
    }
    func flush() {
      endRun()
      lines.append(line)
      line = ""
      used = 0
    }
    for run in source {
      style = run.style
      let text = TerminalText.escape(run.text, keepLayout: false)
      var word = ""
      func place(_ piece: String) {
        var piece = piece
        while !piece.isEmpty {
          let columns = TerminalText.width(piece)
          if used + columns <= width {
            pending += piece
            used += columns
            return
          }
          if used > 0 && columns <= width {
            flush()
            if piece.hasPrefix(" ") { piece.removeFirst() }
            continue
          }
          // A word longer than the line: cut it.
          var head = ""
          var headWidth = 0
          for character in piece {
            let w = TerminalText.width(String(character))
            if used + headWidth + w > width { break }
            head.append(character)
            headWidth += w
          }
          if head.isEmpty { flush(); continue }
          pending += head
          used += headWidth
          piece.removeFirst(head.count)
          flush()
        }
      }
      for character in text {
        if character == " ", !word.isEmpty {
          place(word)
          word = ""
        }
        word.append(character)
      }
      if !word.isEmpty { place(word) }
      endRun()
    }
    if used > 0 || lines.isEmpty { flush() }
    return lines.map { $0.trailingSpacesRemoved() }
  }
}
