/// A fixed, seeded 64-bit hash, the same in every process (Swift's `Hasher` is seeded per
/// process, which would make shingle values, MinHash signatures and output differ per run).
package enum StableHash {
  /// The seed of every shingle hash; changing it changes every signature.
  package static let seed: UInt64 = 0x6372_6F73_7363_6865  // "crossche"

  /// SplitMix64's finalizer: a bijective mix whose output bits each depend on every input bit.
  @inline(__always)
  package static func mix(_ value: UInt64) -> UInt64 {
    var z = value &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// FNV-1a over bytes, started from the seed and mixed at the end.
  @inline(__always)
  static func fnv(_ state: inout UInt64, _ byte: UInt8) {
    state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
  }
}
