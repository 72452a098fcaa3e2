/// What a token is. (Public, as `Token` is.)
public enum TokenKind: UInt8, Sendable {
  /// Letters, possibly joined by internal apostrophes or hyphens ("Kyiv’s", "Secretary-General").
  case word
  /// A token that starts with a digit ("1,200", "44.1", "33rd", "32-member").
  case number
  /// Any single other visible character: quotation marks, dashes, full stops, brackets.
  case punctuation
}

/// A token with its UTF-8 byte range in the text it came from.
///
/// The type is public and its members are `package`, the accessors `@inlinable`: the core
/// reads tokens in every loop over a text, and the compiler does not inline across modules
/// the members of a `package` type.
public struct Token: Sendable, Equatable {
  @usableFromInline package var kind: TokenKind
  /// Byte offset of the first byte.
  @usableFromInline package var start: Int32
  /// Byte offset past the last byte.
  @usableFromInline package var end: Int32

  @inlinable
  package init(kind: TokenKind, start: Int, end: Int) {
    self.kind = kind
    self.start = Int32(start)
    self.end = Int32(end)
  }

  /// The byte range.
  @inlinable
  package var range: Range<Int> { Int(start)..<Int(end) }
  /// Whether the token is a word or a number.
  @inlinable
  package var isWordLike: Bool { kind != .punctuation }
}
