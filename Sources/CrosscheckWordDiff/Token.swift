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
/// Eight bytes: the start offset, and the length and kind packed in one word. A session
/// keeps every token of every document, so a 100,000-article corpus holds some 70 million
/// of them.
///
/// The type is public and its members are `package`, the accessors `@inlinable`: the core
/// reads tokens in every loop over a text, and the compiler does not inline across modules
/// the members of a `package` type.
public struct Token: Sendable, Equatable {
  /// Byte offset of the first byte.
  @usableFromInline package var start: Int32
  /// The length in bytes, shifted left by `kindBits`, with the kind's raw value below it.
  @usableFromInline var lengthAndKind: UInt32
  @usableFromInline static let kindBits: UInt32 = 2
  @usableFromInline static let kindMask: UInt32 = (1 << kindBits) - 1
  /// The longest token that can be stored: a document is at most 256 MB, well under this.
  @usableFromInline package static let maximumLength = Int(UInt32.max >> kindBits)

  @inlinable
  package init(kind: TokenKind, start: Int, end: Int) {
    precondition(end <= Int(Int32.max) && end - start <= Self.maximumLength, "token offsets fit in 32 bits")
    self.start = Int32(start)
    self.lengthAndKind = UInt32(end - start) << Self.kindBits | UInt32(kind.rawValue)
  }

  @inlinable
  package var kind: TokenKind {
    get { TokenKind(rawValue: UInt8(lengthAndKind & Self.kindMask)) ?? .punctuation }
    set { lengthAndKind = lengthAndKind & ~Self.kindMask | UInt32(newValue.rawValue) }
  }

  /// Byte offset past the last byte.
  @inlinable
  package var end: Int32 {
    get { start + Int32(lengthAndKind >> Self.kindBits) }
    set { lengthAndKind = UInt32(newValue - start) << Self.kindBits | lengthAndKind & Self.kindMask }
  }

  /// The byte range.
  @inlinable
  package var range: Range<Int> { Int(start)..<Int(end) }
  /// Whether the token is a word or a number.
  @inlinable
  package var isWordLike: Bool { kind != .punctuation }
}
