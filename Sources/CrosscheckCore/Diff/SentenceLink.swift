/// How sentences of two texts correspond: one step of a sentence alignment.
package struct SentenceLink: Sendable, Equatable {
  /// What a link says about its sentences.
  package enum Kind: String, Sendable {
    /// Source sentences `a` are rendered by target sentences `b` (one to one, two to one
    /// for a merge, one to two for a split).
    case aligned
    /// Source sentence `a` has no counterpart; `b` is the empty place it would be.
    case onlyInA = "only_a"
    /// Target sentence `b` has no counterpart; `a` is the empty place it would be.
    case onlyInB = "only_b"
    /// Source sentence `a` moved to target sentence `b`; the link sits at `a`'s place.
    case movedOut = "moved_out"
    /// Target sentence `b` came from source sentence `a`; the link sits at `b`'s place.
    case movedIn = "moved_in"
  }

  /// What the link says.
  package var kind: Kind
  /// Source sentence indices.
  package var a: Range<Int>
  /// Target sentence indices.
  package var b: Range<Int>
  /// Weighted word-set similarity of the two sides, 0…1 (0 for one-sided links).
  package var similarity: Double

  /// A link of `kind` between source sentences `a` and target sentences `b`.
  package init(_ kind: Kind, a: Range<Int>, b: Range<Int>, similarity: Double = 0) {
    self.kind = kind
    self.a = a
    self.b = b
    self.similarity = similarity
  }
}
