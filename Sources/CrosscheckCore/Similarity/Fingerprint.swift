// Word shingling (Broder, "On the resemblance and containment of documents", 1997): a
// document is represented by the set of its overlapping k-word sequences, each hashed to
// 64 bits. Resemblance (Jaccard) and containment are computed on those sets.

/// A document's words as normalized hashes and its 5-word shingles.
///
/// Words are the body's word and number tokens, lower-cased, with apostrophes folded to `'`
/// and hyphens and dashes to `-`; punctuation tokens are dropped, so "Kyiv’s" and "kyiv's"
/// are the same word and a comma never breaks a shingle.
package struct Fingerprint: Sendable {
  /// Words per shingle.
  package static let shingleLength = 5

  /// Index in `document.tokens` of each word.
  package let words: [Int32]
  /// The normalized hash of each word.
  package let wordHashes: [UInt64]
  /// `shingles[i]` hashes words `i ..< i + 5`.
  package let shingles: [UInt64]
  /// The distinct shingle values, sorted.
  package let set: [UInt64]

  /// Shingles the body of `document`.
  /// - Complexity: O(n log n) in the number of words (the set is sorted).
  package init(_ document: Document) {
    var words: [Int32] = []
    var hashes: [UInt64] = []
    words.reserveCapacity(document.tokens.count)
    hashes.reserveCapacity(document.tokens.count)
    document.buffer.bytes.withUnsafeBufferPointer { bytes in
      for (index, token) in document.tokens.enumerated() where token.isWordLike {
        words.append(Int32(index))
        hashes.append(Self.wordHash(bytes, token.range))
      }
    }
    self.init(words: words, wordHashes: hashes)
  }

  /// A fingerprint of given word hashes (for tests and callers that tokenize themselves).
  package init(words: [Int32], wordHashes: [UInt64]) {
    self.words = words
    self.wordHashes = wordHashes
    let k = Self.shingleLength
    var shingles: [UInt64] = []
    if wordHashes.count >= k {
      shingles.reserveCapacity(wordHashes.count - k + 1)
      for start in 0...(wordHashes.count - k) {
        var h = StableHash.seed
        for offset in 0..<k { h = StableHash.mix(h ^ wordHashes[start + offset]) }
        shingles.append(h)
      }
    }
    self.shingles = shingles
    var set = bucketSorted(shingles, key: { $0 }, by: <)
    var unique = 0
    for value in set where unique == 0 || set[unique - 1] != value {
      set[unique] = value
      unique += 1
    }
    set.removeLast(set.count - unique)
    self.set = set
  }

  /// The hash of a word after normalization.
  static func wordHash(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
    var state: UInt64 = 0xCBF2_9CE4_8422_2325 ^ StableHash.seed
    var index = range.lowerBound
    while index < range.upperBound {
      let byte = bytes[index]
      if byte < 0x80 {
        let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
        StableHash.fnv(&state, lower == 0x60 ? 0x27 : lower)
        index += 1
        continue
      }
      let (scalar, length) = Characters.scalar(in: bytes, at: index)
      index += length
      if Characters.isApostrophe(scalar) || scalar == "\u{2018}" || scalar == "\u{2032}" {
        StableHash.fnv(&state, 0x27)
      } else if Characters.isHyphen(scalar) || ("\u{2012}"..."\u{2015}").contains(scalar) || scalar == "\u{2212}" {
        StableHash.fnv(&state, 0x2D)
      } else {
        for byte in scalar.properties.lowercaseMapping.utf8 { StableHash.fnv(&state, byte) }
      }
    }
    return StableHash.mix(state)
  }

  /// The number of shingle values two fingerprints share.
  /// - Complexity: O(m + n), a merge of the two sorted sets.
  package func sharedCount(with other: Fingerprint) -> Int {
    let a = set
    let b = other.set
    var i = 0
    var j = 0
    var shared = 0
    while i < a.count, j < b.count {
      if a[i] < b[j] {
        i += 1
      } else if a[i] > b[j] {
        j += 1
      } else {
        shared += 1
        i += 1
        j += 1
      }
    }
    return shared
  }
}
