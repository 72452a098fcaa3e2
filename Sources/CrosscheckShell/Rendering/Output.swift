/// The output formats every command takes.
package enum OutputFormat: String, Sendable, CaseIterable {
  case table, json, csv, markdown, text
}

/// How a piece of text is shown at a terminal.
package enum TextStyle: Sendable, Equatable {
  case plain, bold, dim, heading, inserted, deleted, highlight, warning, error
}

/// A run of text in one style.
package struct StyledRun: Sendable, Equatable {
  package var text: String
  package var style: TextStyle

  package init(_ text: String, _ style: TextStyle = .plain) {
    self.text = text
    self.style = style
  }
}

/// Text made of styled runs; the styles become colors only at a terminal.
package struct StyledText: Sendable, Equatable, ExpressibleByStringLiteral {
  package var runs: [StyledRun]

  package init(_ runs: [StyledRun]) { self.runs = runs }
  package init(_ text: String, _ style: TextStyle = .plain) { self.runs = [StyledRun(text, style)] }
  package init(stringLiteral value: String) { self.runs = [StyledRun(value)] }

  /// The text without styles.
  package var plain: String { runs.map(\.text).joined() }

  /// The text without colors: inserted runs marked `{+…+}` and deleted runs `[-…-]`, as
  /// git's word diff marks them, so that a change still shows.
  package var marked: String { runs.map(\.marked).joined() }
}

extension StyledRun {
  /// The run's text, with its change marks when it is inserted or deleted text.
  package var marked: String {
    switch style {
    case .inserted: return text.isEmpty ? "" : "{+" + text + "+}"
    case .deleted: return text.isEmpty ? "" : "[-" + text + "-]"
    default: return text
    }
  }
}

/// One row of a side-by-side block: the same passage in two texts.
package struct SideBySideRow: Sendable, Equatable {
  package var left: StyledText
  package var right: StyledText

  package init(_ left: StyledText, _ right: StyledText) {
    self.left = left
    self.right = right
  }
}

/// A cell value of a table.
package enum Cell: Sendable, Equatable {
  case text(String)
  case int(Int)
  case double(Double, digits: Int)
  case bool(Bool)
  case null

  /// A text cell, or null.
  package static func text(_ value: String?) -> Cell { value.map(Cell.text) ?? .null }

  /// The cell as display text (null is empty).
  package var display: String {
    switch self {
    case .text(let value): return value
    case .int(let value): return String(value)
    case .double(let value, let digits): return value.formatted(digits: digits)
    case .bool(let value): return value ? "yes" : "no"
    case .null: return ""
    }
  }

  /// Whether the cell is right-aligned in a table.
  package var isNumeric: Bool {
    switch self {
    case .int, .double: return true
    default: return false
    }
  }

  /// The cell as a JSON value.
  package var json: JSONValue {
    switch self {
    case .text(let value): return .string(value)
    case .int(let value): return .int(value)
    case .double(let value, _): return .double(value)
    case .bool(let value): return .bool(value)
    case .null: return .null
    }
  }
}

/// A column of a table.
package struct Column: Sendable, Equatable {
  /// The header shown.
  package var title: String
  /// The field name in JSON, or nil when the column is for display only.
  package var key: String?
  /// Whether cells may be shortened with … to fit the terminal width.
  package var truncatable: Bool
  /// A shorter header for a table too wide for the terminal with the full ones; the table
  /// is then followed by a key from each short header to its full one.
  package var shortTitle: String?

  package init(_ title: String, key: String? = nil, truncatable: Bool = false, shortTitle: String? = nil) {
    self.title = title
    self.key = key
    self.truncatable = truncatable
    self.shortTitle = shortTitle
  }
}

/// Rows and columns.
package struct Table: Sendable, Equatable {
  package var columns: [Column]
  package var rows: [[Cell]]

  package init(columns: [Column], rows: [[Cell]] = []) {
    self.columns = columns
    self.rows = rows
  }

  /// The rows as JSON objects of the keyed columns.
  package var json: JSONValue {
    .array(rows.map { row in
      .object(zip(columns, row).compactMap { column, cell in column.key.map { ($0, cell.json) } })
    })
  }
}

/// A labelled value, as in a record view.
package struct Field: Sendable, Equatable {
  package var label: String
  package var value: StyledText

  package init(_ label: String, _ value: StyledText) {
    self.label = label
    self.value = value
  }
}

/// One part of a command's output.
package enum Block: Sendable, Equatable {
  /// A heading line.
  case heading(String)
  /// A table.
  case table(Table)
  /// Labelled values.
  case fields([Field])
  /// Running text.
  case text(StyledText)
  /// A short status line ("Loaded 5 documents").
  case message(StyledText)
  /// Two texts in columns, each wrapped to half the width.
  case sideBySide([SideBySideRow])
}

/// What a command returns: blocks for people, and the JSON value of the stable interface.
package struct Output: Sendable, Equatable {
  package var blocks: [Block]
  /// The JSON form; when nil, it is derived from the blocks.
  package var json: JSONValue?

  package init(_ blocks: [Block] = [], json: JSONValue? = nil) {
    self.blocks = blocks
    self.json = json
  }

  /// No output.
  package static let empty = Output()

  /// A single table, whose JSON is its keyed rows.
  package static func table(_ table: Table) -> Output { Output([.table(table)], json: table.json) }

  /// A single message.
  package static func message(_ text: StyledText) -> Output { Output([.message(text)]) }

  /// The JSON form of the output.
  package var jsonValue: JSONValue {
    if let json { return json }
    var values: [JSONValue] = []
    for block in blocks {
      switch block {
      case .table(let table): values.append(table.json)
      case .fields(let fields): values.append(.object(fields.map { ($0.label.snakeCased, .string($0.value.plain)) }))
      case .text(let text), .message(let text): values.append(.object([("text", .string(text.plain))]))
      case .heading(let text): values.append(.object([("heading", .string(text))]))
      case .sideBySide(let rows):
        values.append(.array(rows.map { .object([("left", .string($0.left.plain)), ("right", .string($0.right.plain))]) }))
      }
    }
    return values.count == 1 ? values[0] : .array(values)
  }
}

extension String {
  /// `Outlet inferred` → `outlet_inferred`.
  package var snakeCased: String {
    lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
  }
}

extension Double {
  /// The value with a fixed number of fraction digits.
  package func formatted(digits: Int) -> String {
    guard isFinite else { return String(self) }
    let scale = (0..<digits).reduce(1.0) { value, _ in value * 10 }
    let rounded = (self * scale).rounded() / scale
    var text = String(rounded)
    if let dot = text.firstIndex(of: ".") {
      let fraction = text[text.index(after: dot)...]
      if fraction.count < digits { text += String(repeating: "0", count: digits - fraction.count) }
      if digits == 0 { text = String(text[..<dot]) }
    } else if digits > 0 {
      text += "." + String(repeating: "0", count: digits)
    }
    return text
  }
}
