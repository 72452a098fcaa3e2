/// How output is being shown: the format, and what the destination can take.
package struct RenderOptions: Sendable {
  package var format: OutputFormat
  /// Whether ANSI colors may be used.
  package var color: Bool
  /// Terminal width in columns, or nil for unlimited (files and pipes).
  package var width: Int?
  /// Whether the destination is a terminal (control characters are then always escaped).
  package var terminal: Bool

  package init(format: OutputFormat, color: Bool = false, width: Int? = nil, terminal: Bool = false) {
    self.format = format
    self.color = color
    self.width = width
    self.terminal = terminal
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

  /// Renders `output` in `options.format`.
  package static func render(_ output: Output, options: RenderOptions) -> String {
    renderer(for: options.format).render(output, options: options)
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
  /// The text escaped for a terminal, with colors when asked.
  package func rendered(color: Bool, keepLayout: Bool = true) -> String {
    runs.map { ANSI.styled(TerminalText.escape($0.text, keepLayout: keepLayout), $0.style, color: color) }.joined()
  }

  /// The text without styles, escaped for a terminal when `escape` is true.
  package func plainText(escape: Bool) -> String {
    escape ? TerminalText.escape(plain) : plain
  }
}
