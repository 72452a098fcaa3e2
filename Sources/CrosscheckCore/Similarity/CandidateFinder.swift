// Candidate pairs without comparing every pair.
//
// Small corpora: an exact inverted index (shingle → documents), as passim and textreuse's
// `pairwise_candidates` do; every pair that shares a shingle is a candidate, so nothing is
// missed. Large corpora: one-permutation MinHash signatures (Broder 1997; Li, Owen & Zhang
// 2012) bucketed by LSH banding
// (Indyk & Motwani 1998; Leskovec, Rajaraman & Ullman, "Mining of Massive Datasets", ch. 3),
// which bounds the work per document however common a shingle is. Candidates from either
// path are then scored exactly, so a pair both paths find gets the same numbers.

/// How candidate pairs are found.
package enum CandidateMethod: String, Sendable {
  /// Every pair sharing a shingle (exact).
  case exactIndex = "exact index"
  /// Pairs colliding in a MinHash LSH band.
  case minHashLSH = "MinHash LSH"
}

/// A pair of documents (by position in the corpus, `a < b`) with its exact score.
package struct ScoredPair: Sendable, Equatable {
  /// Corpus position of the first document.
  package var a: Int
  /// Corpus position of the second document (`a < b`).
  package var b: Int
  /// The exact score.
  package var score: SimilarityScore
}

/// Finds and scores the related pairs of a set of fingerprints.
package struct CandidateFinder: Sendable {
  /// Up to this many documents the exact index is used; above it, MinHash LSH. The exact
  /// index's work grows with the square of each shingle's document count, which a large
  /// corpus of related stories makes quadratic; LSH's work per document is fixed.
  package static let exactLimit = 2_000
  /// MinHash values per signature (one-permutation bins).
  package static let permutations = 128
  /// Rows per LSH band. One row per band makes the chance of becoming a candidate
  /// 1 − (1 − J)^128: 0.72 at J = 0.01, 0.98 at J = 0.03, the low Jaccard of a short passage
  /// reused in a long article; exact scoring then removes the chance collisions.
  package static let rowsPerBand = 1
  /// A bucket holding more documents than this is skipped: a value that many documents
  /// have (left-over boilerplate) relates nothing and would make the pairs quadratic. Copies
  /// of one story put the same documents in every bucket, and one list of documents yields
  /// its pairs once, so a story copied up to this many times is still found.
  package static let maximumBucket = 1_000
  /// Shingles in more documents than this are skipped by the exact index, as passim skips
  /// n-grams with too many occurrences: the larger of 500 and a quarter of the corpus, so
  /// that a corpus of hundreds of copies of one story still relates them all, while one
  /// list of documents adds at most 125,000 pairs below 2,000 documents.
  package static func maximumPostings(documentCount: Int) -> Int { max(500, documentCount / 4) }

  /// The method in use.
  package var method: CandidateMethod

  /// The method for a corpus of `count` documents, or a forced one.
  package init(documentCount: Int, method: CandidateMethod? = nil) {
    self.method = method ?? (documentCount <= Self.exactLimit ? .exactIndex : .minHashLSH)
  }

  /// The pairs sharing at least one shingle (as found by the method), scored exactly,
  /// sorted by `a` then `b`.
  package func pairs(_ fingerprints: [Fingerprint]) -> [ScoredPair] {
    let candidates = method == .exactIndex ? Self.indexCandidates(fingerprints) : Self.lshCandidates(fingerprints)
    var result: [ScoredPair] = []
    result.reserveCapacity(candidates.count)
    for key in candidates {
      let a = Int(key >> 32)
      let b = Int(key & 0xFFFF_FFFF)
      let score = SimilarityScore(fingerprints[a], fingerprints[b])
      if score.shared > 0 { result.append(ScoredPair(a: a, b: b, score: score)) }
    }
    return result
  }

  /// Pairs, encoded `a << 32 | b`, that share a shingle: a sort of (shingle, document) postings.
  static func indexCandidates(_ fingerprints: [Fingerprint]) -> [UInt64] {
    var postings: [(UInt64, Int32)] = []
    postings.reserveCapacity(fingerprints.reduce(0) { $0 + $1.set.count })
    for (document, fingerprint) in fingerprints.enumerated() {
      for value in fingerprint.set { postings.append((value, Int32(document))) }
    }
    postings = bucketSorted(postings, key: { $0.0 }, by: isInKeyOrder)
    return pairsOfRuns(postings, limit: maximumPostings(documentCount: fingerprints.count))
  }

  /// Pairs, encoded `a << 32 | b`, that collide in at least one LSH band.
  static func lshCandidates(_ fingerprints: [Fingerprint]) -> [UInt64] {
    let signatures = parallelMap(fingerprints) { MinHasher.densifiedSignature(of: $0.set, bins: permutations) }
    let bands = permutations / rowsPerBand
    var buckets: [(UInt64, Int32)] = []
    buckets.reserveCapacity(signatures.count * bands)
    for (document, signature) in signatures.enumerated() where fingerprints[document].set.isEmpty == false {
      for band in 0..<bands {
        var key = StableHash.mix(UInt64(band))
        for row in 0..<rowsPerBand { key = StableHash.mix(key ^ signature[band * rowsPerBand + row]) }
        buckets.append((key, Int32(document)))
      }
    }
    buckets = bucketSorted(buckets, key: { $0.0 }, by: isInKeyOrder)
    return pairsOfRuns(buckets, limit: maximumBucket)
  }

  /// The order of (hash, document) entries: by hash, then by document.
  static func isInKeyOrder(_ x: (UInt64, Int32), _ y: (UInt64, Int32)) -> Bool { x.0 != y.0 ? x.0 < y.0 : x.1 < y.1 }

  /// Every pair of documents within each run of equal keys (runs longer than `limit`
  /// skipped; a run listing the same documents as an earlier one adds nothing),
  /// deduplicated and sorted.
  static func pairsOfRuns(_ entries: [(UInt64, Int32)], limit: Int) -> [UInt64] {
    var pairs: [UInt64] = []
    var seenRuns: Set<UInt64> = []
    var start = 0
    while start < entries.count {
      var end = start + 1
      while end < entries.count, entries[end].0 == entries[start].0 { end += 1 }
      if end - start > 1, end - start <= limit {
        // Long runs are mostly repeats (copies share every shingle): emit each list once.
        var isRepeat = false
        if end - start > 16 {
          var key = StableHash.seed
          for index in start..<end { key = StableHash.mix(key ^ UInt64(UInt32(bitPattern: entries[index].1))) }
          isRepeat = !seenRuns.insert(key).inserted
        }
        if !isRepeat {
          for i in start..<end {
            for j in (i + 1)..<end where entries[i].1 != entries[j].1 {
              pairs.append(UInt64(entries[i].1) << 32 | UInt64(entries[j].1))
            }
          }
        }
      }
      start = end
    }
    pairs.sort()
    var unique = 0
    for value in pairs where unique == 0 || pairs[unique - 1] != value {
      pairs[unique] = value
      unique += 1
    }
    pairs.removeLast(pairs.count - unique)
    return pairs
  }
}
