// MinHash (Broder, "On the resemblance and containment of documents", 1997): the least
// value of each of k hash functions over a set; two sets agree at a position with probability
// equal to their Jaccard similarity. One-permutation hashing (Li, Owen & Zhang, "One
// Permutation Hashing", 2012) gets k values from one pass: the set is split into k bins by
// hash and each bin keeps its least value; empty bins borrow from another bin chosen by a
// seeded hash ("optimal densification", Shrivastava 2017), which keeps the collision
// probability equal to the Jaccard similarity.

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

  /// A one-permutation signature of `bins` values: O(n + k) instead of O(n·k).
  /// - Complexity: O(n + k log k) for n shingles and k bins (densification probes).
  package static func densifiedSignature(of shingles: [UInt64], bins: Int) -> [UInt64] {
    var minimums = [UInt64](repeating: .max, count: bins)
    guard !shingles.isEmpty else { return minimums }
    minimums.withUnsafeMutableBufferPointer { m in
      for x in shingles {
        // The shingle values are well mixed: the high bits pick the bin, the value orders it.
        let bin = Int(x.multipliedFullWidth(by: UInt64(bins)).high)
        if x < m[bin] { m[bin] = x }
      }
    }
    var filled = minimums
    for bin in 0..<bins where minimums[bin] == .max {
      var attempt: UInt64 = 1
      while true {
        let probe = StableHash.mix(StableHash.seed ^ (UInt64(bin) << 32 | attempt))
        let donor = Int(probe.multipliedFullWidth(by: UInt64(bins)).high)
        if minimums[donor] != .max {
          // Mixed with the bin, so that two sets borrowing the same donor agree only when
          // the donor's value is shared.
          filled[bin] = StableHash.mix(minimums[donor] ^ UInt64(bin))
          break
        }
        attempt += 1
      }
    }
    return filled
  }
}
