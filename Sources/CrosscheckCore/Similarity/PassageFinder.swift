// Reused passages by seed-and-extend, as in BLAST (Altschul et al. 1990) and passim
// (Smith, Cordell & Mullen, "Computational Methods for Uncovering Reprinted Texts in
// Antebellum Newspapers", 2015): shared 5-word shingles are the seeds; seeds on one diagonal
// merge into exact runs; runs close together in both texts are chained (so a changed,
// inserted or dropped word does not split a passage); each chain is extended at both ends
// with an X-drop ungapped extension; the words between runs are aligned by longest common
// subsequence to count the matches.

/// A passage two documents share, in word positions of their fingerprints.
package struct SharedPassage: Sendable, Equatable {
  /// Words `a.lowerBound ..< a.upperBound` of the first document.
  package var a: Range<Int>
  /// Words of the second document.
  package var b: Range<Int>
  /// Words the alignment matches.
  package var matched: Int

  /// 2·matched / (|a| + |b|): 1 for a verbatim copy, lower with each edit (difflib's ratio).
  package var identity: Double {
    let total = a.count + b.count
    return total == 0 ? 0 : 2 * Double(matched) / Double(total)
  }
}

/// Finds the passages two fingerprints share.
package struct PassageFinder: Sendable {
  /// Words a chain may skip between two runs, in either text.
  package var maximumGap = 12
  /// Largest difference between the gaps in the two texts (words inserted on one side).
  package var maximumSkew = 8
  /// A shingle repeated more often than this in one text seeds nothing (repeated phrases
  /// would multiply the seeds).
  package var maximumRepeats = 8
  /// X-drop of the end extension: it stops once the score falls this far below its best
  /// (a match scores 1, a mismatch −2).
  package var extensionDrop = 3

  /// A finder with the default gap, skew, repeat and drop limits.
  package init() {}

  /// An exact run of shared words on one diagonal.
  struct Run {
    var a: Int
    var b: Int
    var length: Int
    var aEnd: Int { a + length }
    var bEnd: Int { b + length }
  }

  /// The shared passages, longest first by matched words, then by position in `a`.
  /// - Complexity: O(n + m + s log s + r²) for s seeds and r runs.
  package func passages(_ a: Fingerprint, _ b: Fingerprint) -> [SharedPassage] {
    let runs = self.runs(a, b)
    guard !runs.isEmpty else { return [] }
    var passages: [SharedPassage] = []
    for chain in chains(runs) { passages.append(passage(chain, a, b)) }
    passages.sort { $0.matched != $1.matched ? $0.matched > $1.matched : $0.a.lowerBound < $1.a.lowerBound }
    return passages
  }

  /// Seeds merged into maximal exact runs (in words), sorted by position in `a`.
  func runs(_ a: Fingerprint, _ b: Fingerprint) -> [Run] {
    let k = Fingerprint.shingleLength
    // Index only the shingles both have (most pairs share few), found by merging the sorted sets.
    var shared: Set<UInt64> = []
    var x = 0
    var y = 0
    while x < a.set.count, y < b.set.count {
      if a.set[x] < b.set[y] {
        x += 1
      } else if a.set[x] > b.set[y] {
        y += 1
      } else {
        shared.insert(a.set[x])
        x += 1
        y += 1
      }
    }
    guard !shared.isEmpty else { return [] }
    var positions: [UInt64: [Int32]] = [:]
    positions.reserveCapacity(shared.count)
    for (j, value) in b.shingles.enumerated() where shared.contains(value) { positions[value, default: []].append(Int32(j)) }
    var seeds: [(diagonal: Int, i: Int, j: Int)] = []
    for (i, value) in a.shingles.enumerated() where shared.contains(value) {
      guard let list = positions[value], list.count <= maximumRepeats else { continue }
      for j in list { seeds.append((i - Int(j), i, Int(j))) }
    }
    seeds.sort { $0.diagonal != $1.diagonal ? $0.diagonal < $1.diagonal : $0.i < $1.i }
    var runs: [Run] = []
    for seed in seeds {
      if var last = runs.last, last.a - last.b == seed.diagonal, seed.i <= last.aEnd - k + 1 {
        last.length = max(last.length, seed.i + k - last.a)
        runs[runs.count - 1] = last
      } else {
        runs.append(Run(a: seed.i, b: seed.j, length: k))
      }
    }
    runs.sort { $0.a != $1.a ? $0.a < $1.a : $0.b < $1.b }
    return runs
  }

  /// Runs grouped into chains, best chain first: a dynamic program over runs sorted by
  /// position, taking the chain with the most words, then the best of the rest.
  func chains(_ runs: [Run]) -> [[Run]] {
    var remaining = runs
    var result: [[Run]] = []
    while !remaining.isEmpty {
      var score = remaining.map(\.length)
      var previous = [Int](repeating: -1, count: remaining.count)
      for r in remaining.indices {
        let run = remaining[r]
        for p in 0..<r {
          let before = remaining[p]
          guard before.a < run.a, before.b < run.b else { continue }
          let gapA = run.a - before.aEnd
          let gapB = run.b - before.bEnd
          guard gapA <= maximumGap, gapB <= maximumGap, abs(gapA - gapB) <= maximumSkew else { continue }
          let overlap = max(0, -min(gapA, gapB))
          let candidate = score[p] + run.length - overlap
          if candidate > score[r] {
            score[r] = candidate
            previous[r] = p
          }
        }
      }
      guard var best = score.indices.max(by: { score[$0] < score[$1] || (score[$0] == score[$1] && $0 > $1) }) else { break }
      var chain: [Int] = []
      while best >= 0 {
        chain.append(best)
        best = previous[best]
      }
      chain.reverse()
      result.append(chain.map { remaining[$0] })
      let used = Set(chain)
      let first = remaining[chain[0]]
      let last = remaining[chain[chain.count - 1]]
      // Runs inside the chosen passage's span on either side belong to it.
      remaining = remaining.enumerated().filter { index, run in
        !used.contains(index) && !(run.a >= first.a && run.aEnd <= last.aEnd) && !(run.b >= first.b && run.bEnd <= last.bEnd)
      }.map(\.element)
    }
    return result
  }

  /// The passage of a chain: its runs, the aligned gaps between them, and the extended ends.
  func passage(_ chain: [Run], _ a: Fingerprint, _ b: Fingerprint) -> SharedPassage {
    let x = a.wordHashes
    let y = b.wordHashes
    var matched = 0
    var endA = chain[0].a
    var endB = chain[0].b
    for run in chain {
      let shift = max(0, endA - run.a, endB - run.b)
      guard shift < run.length else { continue }
      matched += Self.lcs(x[endA..<(run.a + shift)], y[endB..<(run.b + shift)])
      matched += run.length - shift
      endA = run.aEnd
      endB = run.bEnd
    }
    var startA = chain[0].a
    var startB = chain[0].b
    // Extend forwards, then backwards, without gaps.
    let forward = extend(x, y, from: endA, endB, step: 1)
    endA += forward.length
    endB += forward.length
    matched += forward.matched
    let backward = extend(x, y, from: startA - 1, startB - 1, step: -1)
    startA -= backward.length
    startB -= backward.length
    matched += backward.matched
    return SharedPassage(a: startA..<endA, b: startB..<endB, matched: matched)
  }

  /// The best ungapped extension from (i, j) in direction `step`: its length and matches.
  func extend(_ x: [UInt64], _ y: [UInt64], from i: Int, _ j: Int, step: Int) -> (length: Int, matched: Int) {
    var score = 0
    var best = 0
    var bestLength = 0
    var bestMatched = 0
    var matched = 0
    var length = 0
    var p = i
    var q = j
    while p >= 0, q >= 0, p < x.count, q < y.count {
      length += 1
      if x[p] == y[q] {
        score += 1
        matched += 1
      } else {
        score -= 2
      }
      if score > best {
        best = score
        bestLength = length
        bestMatched = matched
      }
      if score < best - extensionDrop { break }
      p += step
      q += step
    }
    return (bestLength, bestMatched)
  }

  /// The length of the longest common subsequence of two short word runs.
  static func lcs(_ x: ArraySlice<UInt64>, _ y: ArraySlice<UInt64>) -> Int {
    guard !x.isEmpty, !y.isEmpty else { return 0 }
    var row = [Int](repeating: 0, count: y.count + 1)
    for value in x {
      var diagonal = 0
      for (index, other) in y.enumerated() {
        let above = row[index + 1]
        row[index + 1] = value == other ? diagonal + 1 : max(above, row[index])
        diagonal = above
      }
    }
    return row[y.count]
  }
}
