extension Output {
  /// The output with each table cut to its first `limit` rows, followed by a note of how
  /// many were left out and how to see them.
  package func limitingRows(to limit: Int) -> Output {
    guard blocks.contains(where: { if case .table(let table) = $0 { return table.rows.count > limit } else { return false } }) else {
      return self
    }
    var limited = self
    limited.blocks = []
    for block in blocks {
      guard case .table(var table) = block, table.rows.count > limit else {
        limited.blocks.append(block)
        continue
      }
      let left = table.rows.count - limit
      // A new array of the first rows: cutting the shared one in place would copy it all.
      table.rows = Array(table.rows.prefix(limit))
      limited.blocks.append(.table(table))
      limited.blocks.append(.message(StyledText(
        "… \(left.grouped) more row\(left == 1 ? "" : "s") of \((table.rows.count + left).grouped)."
          + " 'set rows all' shows every row; --format csv or json gives them all.", .dim)))
    }
    return limited
  }
}

extension OutputFormat {
  /// Whether the format is laid out for people to read (table, text, Markdown) rather than
  /// for programs (CSV, JSON).
  package var isForReading: Bool {
    switch self {
    case .table, .text, .markdown: return true
    case .csv, .json: return false
    }
  }
}
