/// What a quantity measures.
package enum QuantityKind: String, Sendable, CaseIterable {
  case money, count, percent, distance, duration, age, ordinal, date, temperature
}

/// A quantity's value, in the forms of the JSON interface.
package enum QuantityValue: Sendable, Equatable {
  /// A number.
  case number(Double)
  /// A range of numbers ("3 to 4", "between the third and fourth").
  case range(Double, Double)
  /// An ISO date, month, year, date-time or interval (`2024-10-07/2024-10-13`).
  case date(String)
  /// A vague amount ("hundreds", "the last few weeks").
  case vague

  /// The value as a number, when it is one (the low end of a range).
  package var number: Double? {
    switch self {
    case .number(let value): return value
    case .range(let low, _): return low
    default: return nil
    }
  }

  /// The value as text, as tables show it.
  package var display: String {
    switch self {
    case .number(let value): return QuantityValue.format(value)
    case .range(let low, let high): return "\(QuantityValue.format(low))–\(QuantityValue.format(high))"
    case .date(let text): return text
    case .vague: return "—"
    }
  }

  /// A number without a needless fraction (`44100000000`, `23.4`).
  package static func format(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
  }
}

/// A word that changes what a quantity claims: a bound, an approximation, a rate or a frame.
package enum Qualifier: String, Sendable, CaseIterable {
  case nearly, approx, within, per, since, between
  case atLeast = "at_least"
  case moreThan = "more_than"
  case atMost = "at_most"
  case lessThan = "less_than"
}

/// A quantity or date expression found in a text.
package struct Quantity: Sendable, Equatable {
  /// UTF-8 byte range of the whole expression, qualifier words included.
  package var range: Range<Int>
  package var kind: QuantityKind
  package var value: QuantityValue
  /// The unit: a currency code, a length or time unit, the counted noun, or `date`/`datetime`.
  package var unit: String
  /// A conversion the text states beside it (`€40 billion ($44 billion)`).
  package var alternate: (value: Double, unit: String)?
  package var qualifier: Qualifier?
  /// The recognizer rule that matched, for `--explain`.
  package var rule: String

  package init(
    range: Range<Int>, kind: QuantityKind, value: QuantityValue, unit: String,
    alternate: (value: Double, unit: String)? = nil, qualifier: Qualifier? = nil, rule: String
  ) {
    self.range = range
    self.kind = kind
    self.value = value
    self.unit = unit
    self.alternate = alternate
    self.qualifier = qualifier
    self.rule = rule
  }

  package static func == (a: Quantity, b: Quantity) -> Bool {
    a.range == b.range && a.kind == b.kind && a.value == b.value && a.unit == b.unit && a.qualifier == b.qualifier
      && a.alternate?.value == b.alternate?.value && a.alternate?.unit == b.alternate?.unit
  }
}
