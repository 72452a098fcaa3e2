import CrosscheckCore

/// The shell's settings, changed with `set NAME VALUE`.
package struct Settings: Sendable, Equatable {
  /// When colors are used.
  package enum ColorMode: String, Sendable, CaseIterable { case auto, on, off }
  /// What a command file does after an error.
  package enum OnError: String, Sendable, CaseIterable { case stop, `continue` }

  package var format: OutputFormat = .table
  package var color: ColorMode = .auto
  package var pager = true
  /// Output width in columns, or nil to follow the terminal.
  package var width: Int? = nil
  package var onError: OnError = .stop
  /// Whether each command's running time is written to standard error.
  package var timing = false
  /// The most rows of one table shown in the formats people read (table, text, Markdown),
  /// or nil for all; CSV and JSON always hold every row.
  package var rows: Int? = Settings.defaultRows
  /// Enough rows to read through, few enough that a corpus of many thousand articles does not
  /// flood the terminal.
  package static let defaultRows = 500
  /// Exchange rates for comparing amounts in different currencies (`set rate EUR USD 1.10`).
  package var rates: [ExchangeRate] = []
  /// Whether outputs show neutral labels (Source A, B, …) instead of the documents' names.
  package var blind = false

  package init() {}

  /// A setting's name, what it does, and its values.
  package struct Descriptor: Sendable {
    package var name: String
    package var help: String
    package var values: [String]
  }

  /// Every setting, in the order `set` lists them.
  package static let descriptors: [Descriptor] = [
    Descriptor(name: "format", help: "default output format", values: OutputFormat.allCases.map(\.rawValue)),
    Descriptor(name: "color", help: "colors: auto (at a terminal, unless NO_COLOR is set), on, off", values: ColorMode.allCases.map(\.rawValue)),
    Descriptor(name: "pager", help: "page output taller than the terminal through $PAGER or less", values: ["on", "off"]),
    Descriptor(name: "width", help: "output width in columns, or auto to follow the terminal", values: ["auto", "80", "100", "120"]),
    Descriptor(name: "rate", help: "exchange rate for claims: set rate FROM TO VALUE (one FROM is VALUE TO)", values: ["EUR USD 1.10", "none"]),
    Descriptor(name: "on-error", help: "after an error in a command file: stop (exit status 1) or continue", values: OnError.allCases.map(\.rawValue)),
    Descriptor(name: "timing", help: "write how long each command took to standard error", values: ["on", "off"]),
    Descriptor(name: "blind", help: "show Source A, B, … instead of outlet names, ids, authors and addresses until 'reveal'", values: ["on", "off"]),
    Descriptor(
      name: "rows", help: "most rows of a table shown (table, text, markdown; CSV and JSON have all), or all",
      values: ["\(defaultRows)", "all"]),
  ]

  /// The current value of a setting, as `set` shows it.
  package func value(of name: String) -> String? {
    switch name {
    case "format": return format.rawValue
    case "color": return color.rawValue
    case "pager": return pager ? "on" : "off"
    case "width": return width.map(String.init) ?? "auto"
    case "on-error": return onError.rawValue
    case "timing": return timing ? "on" : "off"
    case "blind": return blind ? "on" : "off"
    case "rows": return rows.map(String.init) ?? "all"
    case "rate": return rates.isEmpty ? "none" : rates.map { "\($0.from) \($0.to) \(QuantityValue.format($0.rate))" }.joined(separator: ", ")
    default: return nil
    }
  }

  /// Changes a setting.
  /// - Throws: `ShellError` naming the valid values.
  package mutating func set(_ name: String, to value: String) throws(ShellError) {
    guard let descriptor = Self.descriptors.first(where: { $0.name == name }) else {
      let names = Self.descriptors.map(\.name)
      let suggestion = EditDistanceHint.closest(to: name, among: names).map { "; did you mean '\($0)'?" } ?? ""
      throw .notFound("no setting '\(name)'\(suggestion)", hint: "settings: \(names.joined(separator: ", "))")
    }
    func invalid() -> ShellError {
      .usage("'\(value)' is not a value of '\(name)'", hint: "values: \(descriptor.values.joined(separator: ", "))\(name == "width" ? " (or any number from 20 to 1000)" : name == "rows" ? " (or any number from 1)" : "")")
    }
    switch name {
    case "format":
      guard let format = OutputFormat(rawValue: value) else { throw invalid() }
      self.format = format
    case "color":
      guard let color = ColorMode(rawValue: value) else { throw invalid() }
      self.color = color
    case "pager":
      guard value == "on" || value == "off" else { throw invalid() }
      pager = value == "on"
    case "width":
      if value == "auto" {
        width = nil
      } else if let columns = Int(value), (20...1000).contains(columns) {
        width = columns
      } else {
        throw invalid()
      }
    case "rate":
      guard value == "none" else { throw invalid() }
      rates = []
    case "on-error":
      guard let mode = OnError(rawValue: value) else { throw invalid() }
      onError = mode
    case "timing":
      guard value == "on" || value == "off" else { throw invalid() }
      timing = value == "on"
    case "blind":
      guard value == "on" || value == "off" else { throw invalid() }
      blind = value == "on"
    case "rows":
      if value == "all" {
        rows = nil
      } else if let count = Int(value), count >= 1 {
        rows = count
      } else {
        throw invalid()
      }
    default:
      throw invalid()
    }
  }
}

extension Settings {
  /// Sets an exchange rate: one `from` is `value` of `to` (`set rate EUR USD 1.10`).
  /// - Throws: `ShellError` when the currencies are not three-letter codes or the rate is not a positive number.
  package mutating func setRate(from: String, to: String, value: String) throws(ShellError) {
    let codes = [from.uppercased(), to.uppercased()]
    guard codes.allSatisfy({ $0.count == 3 && $0.allSatisfy(\.isLetter) }), codes[0] != codes[1] else {
      throw .usage("'\(from) \(to)' is not a pair of currency codes", hint: "for example: set rate EUR USD 1.10")
    }
    guard let rate = Double(value), rate > 0, rate.isFinite else {
      throw .usage("'\(value)' is not a positive exchange rate", hint: "for example: set rate EUR USD 1.10")
    }
    rates.removeAll { $0.from == codes[0] && $0.to == codes[1] || $0.from == codes[1] && $0.to == codes[0] }
    rates.append(ExchangeRate(from: codes[0], to: codes[1], rate: rate))
  }
}
