// Sorting by evenly spread hash values: a bucket sort (Knuth, "The Art of Computer
// Programming", vol. 3, 5.2.5). One counting pass deals the values into about as many
// buckets as there are values, by the top bits of their hash, and each bucket, mostly of
// zero to three values, is sorted by insertion. For hashes this is linear, where a
// comparison sort costs a logarithm more; shingle sets and LSH band keys are sorted this way.

/// Most top bits used to pick a bucket (a million buckets).
private let maximumBucketBits = 20
/// Fewest values worth bucketing; fewer are sorted by comparison.
private let bucketSortThreshold = 64
/// Longest bucket sorted by insertion; a longer one (many equal hashes) is sorted by comparison.
private let longestInsertionSort = 32

/// `values` sorted by `areInIncreasingOrder`, an order that puts a smaller `key` first and
/// breaks ties among equal keys as it likes.
/// - Parameters:
///   - key: a hash of each value, evenly spread over 64 bits for the sort to be linear.
///   - areInIncreasingOrder: a strict weak order consistent with `key`'s order.
/// - Complexity: O(n) for evenly spread keys; O(n log n) at worst.
package func bucketSorted<T>(_ values: [T], key: (T) -> UInt64, by areInIncreasingOrder: (T, T) -> Bool) -> [T] {
  guard values.count >= bucketSortThreshold else { return values.sorted(by: areInIncreasingOrder) }
  let bits = min(maximumBucketBits, Int.bitWidth - (values.count - 1).leadingZeroBitCount)
  let shift = UInt64(64 - bits)
  let buckets = 1 << bits
  return withUnsafeTemporaryAllocation(of: Int.self, capacity: buckets + 1) { bounds in
    // Counts per bucket, then where each bucket starts.
    bounds.initialize(repeating: 0)
    for value in values { bounds[Int(truncatingIfNeeded: key(value) >> shift) + 1] += 1 }
    for bucket in 0..<buckets { bounds[bucket + 1] += bounds[bucket] }
    return [T](unsafeUninitializedCapacity: values.count) { result, initialized in
      // Dealing moves each bucket's start to its end.
      for value in values {
        let bucket = Int(truncatingIfNeeded: key(value) >> shift)
        result.initializeElement(at: bounds[bucket], to: value)
        bounds[bucket] += 1
      }
      initialized = values.count
      var lower = 0
      for bucket in 0..<buckets {
        let upper = bounds[bucket]
        defer { lower = upper }
        guard upper - lower > 1 else { continue }
        if upper - lower > longestInsertionSort {
          result[lower..<upper].sort(by: areInIncreasingOrder)
          continue
        }
        for index in (lower + 1)..<upper {
          var position = index
          while position > lower, areInIncreasingOrder(result[position], result[position - 1]) {
            result.swapAt(position, position - 1)
            position -= 1
          }
        }
      }
    }
  }
}
