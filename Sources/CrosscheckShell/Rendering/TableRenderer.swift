import Foundation

/// Lays out output for reading at a terminal: aligned tables that fit the width,
/// labelled fields, and text.
package struct TableRenderer: Renderer {
  /// Columns between table cells.
  static let gap = 2
  /// Narrowest a truncated column gets.
  static let minimumColumnWidth = 8

  package init() {}

  /// Blocks are separated by a blank line, except that a heading sits on top of its block.
  package func render(_ output: Output, options: RenderOptions) -> String {
    var result = ""
    var previousWasHeading = true
    for block in output.blocks {
      let part: String
      switch block {
      case .heading(let text):
        part = ANSI.styled(TerminalText.escape(text, keepLayout: false), .heading, color: options.color)
      case .table(let table):
        part = renderTable(table, options: options)
      case .fields(let fields):
        part = renderFields(fields, options: options)
      case .text(let text), .message(let text):
        part = text.rendered(color: options.color)
      case .sideBySide(let rows):
        part = SideBySideLayout.render(rows, options: options)
      }
      if part.isEmpty { continue }
      if !result.isEmpty { result += previousWasHeading ? "\n" : "\n\n" }
      result += part
      if case .heading = block { previousWasHeading = true } else { previousWasHeading = false }
    }
    return result
  }

  func renderTable(_ table: Table, options: RenderOptions) -> String {
    var header = table.columns.map { TerminalText.escape($0.title, keepLayout: false) }
    let cells = table.rows.map { row in row.map { TerminalText.escape($0.display, keepLayout: false) } }
    // Headers wider than the terminal allows give way to their short forms, with a key.
    var key: [String] = []
    if let limit = options.width, table.columns.contains(where: { $0.shortTitle != nil }) {
      let natural = columnWidths(table: table, header: header, cells: cells, limit: nil)
      if natural.reduce(0, +) + Self.gap * max(0, natural.count - 1) > limit {
        for (index, column) in table.columns.enumerated() {
          guard let short = column.shortTitle else { continue }
          header[index] = TerminalText.escape(short, keepLayout: false)
          key.append(header[index] + "  " + TerminalText.escape(column.title, keepLayout: false))
        }
      }
    }
    let widths = columnWidths(table: table, header: header, cells: cells, limit: options.width)
    var lines: [String] = []
    let numeric = table.columns.indices.map { column in
      table.rows.contains { $0[column].isNumeric } && !table.rows.contains { !$0[column].isNumeric && $0[column] != .null }
    }
    func line(_ values: [String], style: TextStyle?) -> String {
      var pieces: [String] = []
      for (index, value) in values.enumerated() {
        let cut = TerminalText.truncate(value, to: widths[index])
        let last = index == values.count - 1
        let padded = last && !numeric[index] ? cut : TerminalText.pad(cut, to: widths[index], right: numeric[index])
        pieces.append(style.map { ANSI.styled(padded, $0, color: options.color) } ?? padded)
      }
      return pieces.joined(separator: String(repeating: " ", count: Self.gap))
    }
    lines.append(line(header, style: .bold))
    lines.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: String(repeating: " ", count: Self.gap)))
    for row in cells { lines.append(line(row, style: nil)) }
    if table.rows.isEmpty { lines.append(ANSI.styled("(no rows)", .dim, color: options.color)) }
    if !key.isEmpty { lines.append("") }
    lines += key.map { ANSI.styled(TerminalText.truncate($0, to: options.width ?? Int.max), .dim, color: options.color) }
    return lines.map { $0.trailingSpacesRemoved() }.joined(separator: "\n")
  }

  /// Natural widths, then the widest truncatable columns narrowed until the table fits.
  func columnWidths(table: Table, header: [String], cells: [[String]], limit: Int?) -> [Int] {
    var widths = header.map(TerminalText.width)
    for row in cells {
      for (index, value) in row.enumerated() { widths[index] = max(widths[index], TerminalText.width(value)) }
    }
    guard let limit else { return widths }
    let total = { widths.reduce(0, +) + Self.gap * max(0, widths.count - 1) }
    while total() > limit {
      let candidates = widths.indices.filter {
        table.columns[$0].truncatable && widths[$0] > max(Self.minimumColumnWidth, TerminalText.width(header[$0]))
      }
      guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
      widths[widest] -= 1
    }
    return widths
  }

  func renderFields(_ fields: [Field], options: RenderOptions) -> String {
    let labels = fields.map { TerminalText.escape($0.label, keepLayout: false) }
    let labelWidth = labels.map(TerminalText.width).max() ?? 0
    return zip(fields, labels).map { field, label in
      let label = ANSI.styled(TerminalText.pad(label + ":", to: labelWidth + 1), .bold, color: options.color)
      let indent = String(repeating: " ", count: labelWidth + 2)
      let value = field.value.rendered(color: options.color).replacingOccurrences(of: "\n", with: "\n" + indent)
      return (label + " " + value).trailingSpacesRemoved()
    }.joined(separator: "\n")
  }
}

extension String {
  func trailingSpacesRemoved() -> String {
    var result = self
    while result.hasSuffix(" ") { result.removeLast() }
    return result
  }

}
