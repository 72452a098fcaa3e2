// Resemblance and containment (Broder 1997) of two shingle sets.

/// Exact resemblance and containment of two shingle sets.
package struct SimilarityScore: Sendable, Equatable {
  /// Shingles in both.
  package var shared: Int
  /// Distinct shingles of the first document.
  package var countA: Int
  /// Distinct shingles of the second document.
  package var countB: Int

  /// A score from counts.
  package init(shared: Int, countA: Int, countB: Int) {
    self.shared = shared
    self.countA = countA
    self.countB = countB
  }

  /// The exact score of two fingerprints.
  package init(_ a: Fingerprint, _ b: Fingerprint) {
    self.init(shared: a.sharedCount(with: b), countA: a.set.count, countB: b.set.count)
  }

  /// |A ∩ B| / |A ∪ B|: symmetric, 0…1.
  package var jaccard: Double {
    let union = countA + countB - shared
    return union == 0 ? 0 : Double(shared) / Double(union)
  }

  /// |A ∩ B| / |A|: how much of the first document's text is in the second.
  package var containmentAInB: Double { countA == 0 ? 0 : Double(shared) / Double(countA) }

  /// |A ∩ B| / |B|: how much of the second document's text is in the first.
  package var containmentBInA: Double { countB == 0 ? 0 : Double(shared) / Double(countB) }
}
