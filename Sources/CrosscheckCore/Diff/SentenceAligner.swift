import Foundation

// Sentence alignment by dynamic programming.
//
// Method: a monotone alignment in the manner of Gale and Church, "A Program for Aligning
// Sentences in Bilingual Corpora" (Computational Linguistics 19, 1993), with their 1:1, 2:1
// and 1:2 steps and free skips, but scored by word overlap instead of length: each sentence is
// the set of its word ids, words are weighted by inverse sentence frequency over both texts
// (so "the" counts for little and "Zelensky" for much), and a pair scores its weighted Dice
// similarity less a threshold. The best-scoring path keeps the order of both texts. Sentences
// it leaves out are then paired by similarity as moves.

/// Aligns the sentences of two texts by content, keeping their order, and finds moved
/// sentences among those left over.
package struct SentenceAligner: Sendable {
  /// Pairs less similar than this are not aligned: below it, two news sentences usually
  /// share only names and function words.
  package var minimumSimilarity = 0.2
  /// Left-over sentences at least this similar are reported as moved rather than as
  /// removed in one place and added in another.
  package var moveSimilarity = 0.45
  /// Score taken off a merge or split, so that one-to-one pairs win ties.
  package var mergePenalty = 0.05

  /// An aligner with the default thresholds.
  package init() {}

  /// The alignment of `source` and `target` sentences.
  /// - Parameters:
  ///   - source: each source sentence's word ids (any order, repeats allowed).
  ///   - target: each target sentence's word ids.
  /// - Returns: links in reading order, covering every sentence of both sides once (a
  ///   moved sentence appears as `movedOut` at its source place and `movedIn` at its target place).
  /// - Complexity: O(nm·w) for n and m sentences of about w words.
  package func links(source: [[Int32]], target: [[Int32]]) -> [SentenceLink] {
    let weights = Self.weights(source + target)
    let a = source.map(Self.set)
    let b = target.map(Self.set)
    let aPairs = zip(a, a.dropFirst()).map { Self.union($0, $1) }
    let bPairs = zip(b, b.dropFirst()).map { Self.union($0, $1) }
    let aWeight = a.map { Self.weight($0, weights) }
    let bWeight = b.map { Self.weight($0, weights) }
    let aPairWeight = aPairs.map { Self.weight($0, weights) }
    let bPairWeight = bPairs.map { Self.weight($0, weights) }
    func similarity(_ x: [Int32], _ xWeight: Double, _ y: [Int32], _ yWeight: Double) -> Double {
      let total = xWeight + yWeight
      return total > 0 ? 2 * Self.sharedWeight(x, y, weights) / total : 0
    }

    let n = a.count
    let m = b.count
    let width = m + 1
    var score = [Double](repeating: 0, count: (n + 1) * width)
    var step = [UInt8](repeating: 0, count: (n + 1) * width)
    var gain = [Double](repeating: 0, count: (n + 1) * width)
    for i in 0...n {
      for j in 0...m {
        if i == 0 && j == 0 { continue }
        var best = -Double.infinity
        var bestStep: UInt8 = 0
        var bestGain = 0.0
        func consider(_ value: Double, _ kind: UInt8, _ g: Double) {
          if value > best { best = value; bestStep = kind; bestGain = g }
        }
        if i > 0, j > 0 {
          let s = similarity(a[i - 1], aWeight[i - 1], b[j - 1], bWeight[j - 1])
          if s >= minimumSimilarity { consider(score[(i - 1) * width + j - 1] + s - minimumSimilarity, Step.oneToOne, s) }
        }
        if i > 1, j > 0 {
          let s = similarity(aPairs[i - 2], aPairWeight[i - 2], b[j - 1], bWeight[j - 1])
          if s >= minimumSimilarity {
            consider(score[(i - 2) * width + j - 1] + s - minimumSimilarity - mergePenalty, Step.twoToOne, s)
          }
        }
        if i > 0, j > 1 {
          let s = similarity(a[i - 1], aWeight[i - 1], bPairs[j - 2], bPairWeight[j - 2])
          if s >= minimumSimilarity {
            consider(score[(i - 1) * width + j - 2] + s - minimumSimilarity - mergePenalty, Step.oneToTwo, s)
          }
        }
        // On a tie the walk back takes the target's sentence first, so that in reading
        // order what was removed comes before what was added.
        if j > 0 { consider(score[i * width + j - 1], Step.skipTarget, 0) }
        if i > 0 { consider(score[(i - 1) * width + j], Step.skipSource, 0) }
        score[i * width + j] = best
        step[i * width + j] = bestStep
        gain[i * width + j] = bestGain
      }
    }

    var reversed: [SentenceLink] = []
    var i = n
    var j = m
    while i > 0 || j > 0 {
      let cell = i * width + j
      switch step[cell] {
      case Step.oneToOne:
        reversed.append(SentenceLink(.aligned, a: i - 1..<i, b: j - 1..<j, similarity: gain[cell])); i -= 1; j -= 1
      case Step.twoToOne:
        reversed.append(SentenceLink(.aligned, a: i - 2..<i, b: j - 1..<j, similarity: gain[cell])); i -= 2; j -= 1
      case Step.oneToTwo:
        reversed.append(SentenceLink(.aligned, a: i - 1..<i, b: j - 2..<j, similarity: gain[cell])); i -= 1; j -= 2
      case Step.skipSource:
        reversed.append(SentenceLink(.onlyInA, a: i - 1..<i, b: j..<j)); i -= 1
      default:
        reversed.append(SentenceLink(.onlyInB, a: i..<i, b: j - 1..<j)); j -= 1
      }
    }
    var links = Array(reversed.reversed())
    markMoves(&links) { similarity(a[$0], aWeight[$0], b[$1], bWeight[$1]) }
    return links
  }

  /// Turns left-over pairs of sentences that are similar enough into moves, most similar first.
  /// - Parameters:
  ///   - links: the alignment, with `onlyInA` and `onlyInB` links to pair up.
  ///   - pairs: the (`onlyInA`, `onlyInB`) link indices worth comparing; nil for all of them.
  ///   - similarity: the similarity of a source and a target sentence, by index.
  /// - Complexity: O(k·l) similarity computations for k and l left-over sentences, or one per pair given.
  package func markMoves(_ links: inout [SentenceLink], pairs: [(Int, Int)]? = nil, similarity: (Int, Int) -> Double) {
    let pairs = pairs ?? {
      let removed = links.indices.filter { links[$0].kind == .onlyInA }
      let added = links.indices.filter { links[$0].kind == .onlyInB }
      return removed.flatMap { r in added.map { (r, $0) } }
    }()
    var candidates: [(Double, Int, Int)] = []
    for (r, d) in pairs {
      let s = similarity(links[r].a.lowerBound, links[d].b.lowerBound)
      if s >= moveSimilarity { candidates.append((s, r, d)) }
    }
    // Most similar first; ties in reading order, so that results are deterministic.
    candidates.sort { ($0.0, -$0.1, -$0.2) > ($1.0, -$1.1, -$1.2) }
    var taken = Set<Int>()
    for (s, r, d) in candidates where !taken.contains(r) && !taken.contains(d) {
      taken.insert(r)
      taken.insert(d)
      let a = links[r].a
      let b = links[d].b
      links[r] = SentenceLink(.movedOut, a: a, b: b, similarity: s)
      links[d] = SentenceLink(.movedIn, a: a, b: b, similarity: s)
    }
  }

  private enum Step {
    static let skipSource: UInt8 = 0
    static let skipTarget: UInt8 = 1
    static let oneToOne: UInt8 = 2
    static let twoToOne: UInt8 = 3
    static let oneToTwo: UInt8 = 4
  }

  /// Inverse sentence frequency of every id: log(1 + S/df).
  static func weights(_ sentences: [[Int32]]) -> [Double] {
    let largest = sentences.lazy.flatMap { $0 }.max().map { Int($0) } ?? -1
    var frequency = [Int](repeating: 0, count: largest + 1)
    for sentence in sentences {
      for id in set(sentence) { frequency[Int(id)] += 1 }
    }
    let count = Double(max(sentences.count, 1))
    return frequency.map { $0 == 0 ? 0 : log1p(count / Double($0)) }
  }

  static func set(_ ids: [Int32]) -> [Int32] {
    var sorted = ids.sorted()
    var last: Int32? = nil
    sorted.removeAll { id in
      defer { last = id }
      return id == last
    }
    return sorted
  }

  static func union(_ x: [Int32], _ y: [Int32]) -> [Int32] { set(x + y) }

  static func weight(_ x: [Int32], _ weights: [Double]) -> Double {
    x.reduce(0) { $0 + weights[Int($1)] }
  }

  /// The weight of the ids two sorted sets share.
  static func sharedWeight(_ x: [Int32], _ y: [Int32], _ weights: [Double]) -> Double {
    var i = 0
    var j = 0
    var total = 0.0
    while i < x.count && j < y.count {
      if x[i] == y[j] {
        total += weights[Int(x[i])]
        i += 1
        j += 1
      } else if x[i] < y[j] {
        i += 1
      } else {
        j += 1
      }
    }
    return total
  }
}
