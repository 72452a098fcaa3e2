import Foundation

/// JSON: the command's stable JSON value, pretty-printed. Text passes through exactly
/// (control characters become `\u` escapes).
package struct JSONRenderer: Renderer {
  package init() {}
  package func render(_ output: Output, options: RenderOptions) -> String {
    output.jsonValue.serialized()
  }
}

/// CSV (RFC 4180): the tables of the output with a header row of their JSON keys; fields as `field,value` rows.
package struct CSVRenderer: Renderer {
  package init() {}

  package func render(_ output: Output, options: RenderOptions) -> String {
    var lines: [String] = []
    for block in output.blocks {
      switch block {
      case .table(let table):
        // The keyed columns, as in JSON; display-only columns (row numbers) are left out.
        let keyed = table.columns.indices.filter { table.columns[$0].key != nil }
        let columns = keyed.isEmpty ? Array(table.columns.indices) : keyed
        lines.append(columns.map { quote(table.columns[$0].key ?? table.columns[$0].title.snakeCased, options) }.joined(separator: ","))
        for row in table.rows { lines.append(columns.map { quote(row[$0].display, options) }.joined(separator: ",")) }
      case .fields(let fields):
        lines.append("field,value")
        for field in fields { lines.append(quote(field.label.snakeCased, options) + "," + quote(field.value.plain, options)) }
      case .text(let text), .message(let text):
        lines.append(quote(text.marked, options))
      case .sideBySide(let rows):
        lines.append("a,b")
        for row in rows { lines.append(quote(row.left.marked, options) + "," + quote(row.right.marked, options)) }
      case .heading:
        continue
      }
    }
    return lines.joined(separator: "\n")
  }

  private func quote(_ value: String, _ options: RenderOptions) -> String {
    Self.field(options.terminal ? TerminalText.escape(value) : value)
  }

  /// One CSV field: quoted when it holds a comma, quote or line break, or starts or ends
  /// with a space; quotes inside are doubled.
  package static func field(_ value: String) -> String {
    guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || value.hasPrefix(" ") || value.hasSuffix(" ") else { return value }
    return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}

/// Markdown: pipe tables, bold labels, headings. Pipes and control characters in cells are escaped.
package struct MarkdownRenderer: Renderer {
  package init() {}

  package func render(_ output: Output, options: RenderOptions) -> String {
    var parts: [String] = []
    for block in output.blocks {
      switch block {
      case .heading(let text):
        parts.append("## " + cell(text))
      case .table(let table):
        var lines = ["| " + table.columns.map { cell($0.title) }.joined(separator: " | ") + " |"]
        lines.append("|" + table.columns.indices.map { index in
          table.rows.contains { $0[index].isNumeric } ? " ---: |" : " --- |"
        }.joined())
        for row in table.rows { lines.append("| " + row.map { cell($0.display) }.joined(separator: " | ") + " |") }
        parts.append(lines.joined(separator: "\n"))
      case .fields(let fields):
        parts.append(fields.map { "- **\(cell($0.label))**: \(cell($0.value.plain))" }.joined(separator: "\n"))
      case .text(let text), .message(let text):
        parts.append(TerminalText.escape(text.marked))
      case .sideBySide(let rows):
        var lines = ["| A | B |", "| --- | --- |"]
        for row in rows { lines.append("| " + cell(row.left.marked) + " | " + cell(row.right.marked) + " |") }
        parts.append(lines.joined(separator: "\n"))
      }
    }
    return parts.joined(separator: "\n\n")
  }

  private func cell(_ value: String) -> String {
    TerminalText.escape(value, keepLayout: false).replacingOccurrences(of: "|", with: "\\|")
  }
}

/// Plain text: tables as tab-separated lines without a header rule, fields as `label: value`,
/// text as it is; no colors. Control characters are escaped.
package struct TextRenderer: Renderer {
  package init() {}

  package func render(_ output: Output, options: RenderOptions) -> String {
    var parts: [String] = []
    for block in output.blocks {
      switch block {
      case .heading(let text):
        parts.append(TerminalText.escape(text, keepLayout: false))
      case .table(let table):
        var lines = [table.columns.map { TerminalText.escape($0.title, keepLayout: false) }.joined(separator: "\t")]
        for row in table.rows { lines.append(row.map { TerminalText.escape($0.display, keepLayout: false) }.joined(separator: "\t")) }
        parts.append(lines.joined(separator: "\n"))
      case .fields(let fields):
        parts.append(fields.map { "\(TerminalText.escape($0.label, keepLayout: false)): \($0.value.plainText(escape: true))" }.joined(separator: "\n"))
      case .text(let text), .message(let text):
        parts.append(text.plainText(escape: true))
      case .sideBySide(let rows):
        parts.append(SideBySideLayout.render(rows, options: RenderOptions(format: .text, color: false, width: options.width)))
      }
    }
    return parts.joined(separator: "\n")
  }
}
