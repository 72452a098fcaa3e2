/// Whether the sources of a claim group agree.
package enum Agreement: String, Sendable, CaseIterable {
  /// Values or qualifiers that cannot both be true.
  case conflict
  /// A later report gives a higher figure: an update, not a contradiction.
  case updated
  /// The same value.
  case consistent
  /// The same value, one side rounded (44.1 and 44).
  case rounded
  /// The same value after a currency or unit conversion.
  case converted
  /// Only one source.
  case single
}

/// Claims from one or more sources about the same fact, with a verdict.
package struct ClaimGroup: Sendable {
  /// `C1…`, in order of first appearance.
  package var id: String
  /// Indices into the claim array.
  package var members: [Int]
  /// What the claims measure, in a few words.
  package var topic: String
  package var agreement: Agreement
  /// Why: the values compared and the rule that decided.
  package var reason: String
}

/// An exchange rate: one unit of `from` is `rate` units of `to`.
package struct ExchangeRate: Sendable, Equatable {
  package var from: String
  package var to: String
  package var rate: Double

  package init(from: String, to: String, rate: Double) {
    self.from = from
    self.to = to
    self.rate = rate
  }
}
