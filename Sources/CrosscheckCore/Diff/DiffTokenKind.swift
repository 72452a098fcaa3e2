/// The kind of a token as the display clean-up of an edit script sees it.
///
/// The clean-up prefers edit boundaries at line breaks, then at sentence ends, then after
/// other punctuation, then at whitespace, and it treats equal runs without words as trivial.
/// A tokenizer that knows only words, whitespace and punctuation can map to
/// `.word`, `.whitespace` and `.punctuation` and still get word-boundary sliding.
package enum DiffTokenKind: Hashable, Sendable {
  /// A word, number or other run of letters and digits.
  case word
  /// Whitespace without a line break.
  case whitespace
  /// Whitespace that contains at least one line break.
  case lineBreak
  /// Punctuation that does not end a sentence, such as a comma or a quotation mark.
  case punctuation
  /// Punctuation that ends a sentence: a full stop, question mark or exclamation mark.
  case sentenceEnd

  /// Whether the token is whitespace, with or without a line break.
  package var isSpace: Bool {
    self == .whitespace || self == .lineBreak
  }
}
