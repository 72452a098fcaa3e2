/// Maps hashable tokens to dense `Int32` ids: the first distinct token gets 0, the next 1,
/// and so on, so that the diff engine can work on integer arrays instead of strings.
///
/// Interning the tokens of both sides of a diff with one interner makes equal tokens equal
/// ids. The ids are dense, which lets the engine index tables by id.
package struct TokenInterner<Token: Hashable> {
  /// The id of every token interned so far.
  private var idsByToken: [Token: Int32] = [:]

  /// The distinct tokens interned so far, indexed by id.
  package private(set) var tokens: [Token] = []

  /// Creates an interner that knows no tokens.
  package init() {}

  /// The number of distinct tokens interned so far, which is also the next id to be given.
  package var count: Int { tokens.count }

  /// Returns the id of `token`, giving it the next free id if it has not been seen.
  ///
  /// - Parameter token: The token to intern.
  /// - Returns: The token's id, in `0..<count` after the call.
  /// - Complexity: O(1) on average, plus the cost of hashing `token`.
  @discardableResult
  package mutating func intern(_ token: Token) -> Int32 {
    if let id = idsByToken[token] {
      return id
    }
    precondition(tokens.count < Int(Int32.max), "more distinct tokens than Int32 ids")
    let id = Int32(truncatingIfNeeded: tokens.count)
    idsByToken[token] = id
    tokens.append(token)
    return id
  }

  /// Returns the ids of the tokens of `sequence` in order, interning new tokens as they come.
  ///
  /// - Parameter sequence: The tokens to intern.
  /// - Returns: One id per element of `sequence`.
  /// - Complexity: O(*n*) on average, where *n* is the length of `sequence`.
  package mutating func intern<S: Sequence>(contentsOf sequence: S) -> [Int32]
  where S.Element == Token {
    var ids: [Int32] = []
    ids.reserveCapacity(sequence.underestimatedCount)
    for token in sequence {
      ids.append(intern(token))
    }
    return ids
  }

  /// Returns the id of `token` if it has been interned, without interning it.
  ///
  /// - Parameter token: The token to look up.
  /// - Returns: The token's id, or `nil` if it has never been interned.
  /// - Complexity: O(1) on average.
  package func id(of token: Token) -> Int32? {
    idsByToken[token]
  }

  /// The token that was given `id`.
  ///
  /// - Parameter id: An id returned by this interner.
  package subscript(id: Int32) -> Token {
    tokens[Int(id)]
  }
}

// An interner of sendable tokens can cross concurrency domains.
extension TokenInterner: Sendable where Token: Sendable {}
