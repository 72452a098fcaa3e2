// MinHash (Broder, "On the resemblance and containment of documents", 1997): the least
// value of each of k hash functions over a set; two sets agree at a position with probability
// equal to their Jaccard similarity.

/// MinHash signatures: for each of `permutations` hash functions, the least hashed shingle.
package struct MinHasher: Sendable {
  /// Multipliers and offsets of the hash functions `h(x) = a·x + b (mod 2^64)`; `a` is odd, so
  /// each is a permutation of the 64-bit shingle values, which are already well mixed.
  let multipliers: [UInt64]
  let offsets: [UInt64]

  /// Hash functions drawn from a fixed seed, the same in every run.
  package init(permutations: Int) {
    var state = StableHash.seed
    var multipliers: [UInt64] = []
    var offsets: [UInt64] = []
    for _ in 0..<permutations {
      state = StableHash.mix(state)
      multipliers.append(state | 1)
      state = StableHash.mix(state)
      offsets.append(state)
    }
    self.multipliers = multipliers
    self.offsets = offsets
  }

  /// The number of hash functions (the signature length).
  package var permutations: Int { multipliers.count }

  /// The signature of a shingle set (all `UInt64.max` for an empty set).
  /// - Complexity: O(n·k) for n shingles and k permutations.
  package func signature(of shingles: [UInt64]) -> [UInt64] {
    var minimums = [UInt64](repeating: .max, count: permutations)
    multipliers.withUnsafeBufferPointer { a in
      offsets.withUnsafeBufferPointer { b in
        minimums.withUnsafeMutableBufferPointer { m in
          for x in shingles {
            for i in 0..<a.count {
              let h = a[i] &* x &+ b[i]
              if h < m[i] { m[i] = h }
            }
          }
        }
      }
    }
    return minimums
  }

  /// The share of positions where two signatures agree: an estimate of Jaccard.
  package static func estimate(_ a: [UInt64], _ b: [UInt64]) -> Double {
    guard !a.isEmpty else { return 0 }
    var equal = 0
    for i in 0..<min(a.count, b.count) where a[i] == b[i] && a[i] != .max { equal += 1 }
    return Double(equal) / Double(a.count)
  }
}
