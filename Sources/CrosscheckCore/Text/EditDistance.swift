/// Damerau–Levenshtein (optimal string alignment) distance, for "did you mean" suggestions.
package enum EditDistance {
  /// The number of single-character insertions, deletions, substitutions and adjacent
  /// transpositions that turn `a` into `b`.
  /// - Complexity: O(mn).
  package static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a.lowercased().unicodeScalars)
    let b = Array(b.lowercased().unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], previous2[j - 2] + 1)
        }
      }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
  }

  /// The candidate nearest to `word`, when it is near enough to be a likely typo
  /// (at most a third of the word's length, and at least one edit allowed), or a
  /// candidate that `word` is a prefix of.
  package static func closest(to word: String, among candidates: [String]) -> String? {
    guard !word.isEmpty else { return nil }
    let limit = max(1, word.count / 3)
    var best: (String, Int)? = nil
    for candidate in candidates {
      let distance = distance(word, candidate)
      if distance <= limit, best.map({ distance < $0.1 }) ?? true { best = (candidate, distance) }
    }
    if let best { return best.0 }
    return candidates.first { $0.lowercased().hasPrefix(word.lowercased()) }
  }
}
