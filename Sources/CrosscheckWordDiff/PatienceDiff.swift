// Patience diff.
//
// Method: Bram Cohen's patience diff, as git's xdiff implements it (xdiff/xpatience.c). In a
// region, every token that occurs exactly once in the source part and exactly once in the
// target part pairs its two positions. The longest chain of pairs increasing on both sides
// (a longest increasing subsequence, found by patience sorting in O(k log k) for k pairs)
// becomes the region's anchors; the gaps between consecutive anchors are solved the same way,
// each with its own counts, so a word common in the whole text can anchor a short gap where it
// occurs once. A gap without such a pair, and any small gap, goes to Myers' algorithm.
//
// Each level of the recursion reads its region a few times, and anchors cut long texts into
// short gaps within one or two levels, so the time is close to linear on prose. The script is
// valid but not always minimal: the first chain of unique pairs is kept even when a costlier
// alignment of the frequent tokens around it would have saved an edit.

/// Marks the changed tokens of a diff with the patience algorithm.
///
/// The tokens are interned ids in `0..<alphabetSize`.
struct PatienceDiff {
  /// Regions with at most this many tokens (both sides together) go straight to Myers'
  /// algorithm without a cost limit: on so few tokens an exact search costs about as little
  /// as counting them, and it is minimal.
  static let exactRegionSize = 128

  /// The two sequences, indexed by absolute position (the solver is made by `markChanges`
  /// with the memberwise initializer).
  private let source: UnsafeBufferPointer<Int32>
  private let target: UnsafeBufferPointer<Int32>
  /// For each token id, its occurrences in the region being counted: the source count in
  /// the low two bits and the target count in the next two, each capped at 2 (“more than
  /// once” is all that matters). One byte per id keeps the table small enough for the cache.
  private let counts: UnsafeMutableBufferPointer<UInt8>
  /// For each token id, its last target position in the region being counted.
  private let targetPosition: UnsafeMutableBufferPointer<Int32>

  /// Marks the tokens of `box` that the patience algorithm deletes or inserts.
  ///
  /// - Parameters:
  ///   - source: The source tokens, ids in `0..<alphabetSize`.
  ///   - target: The target tokens, ids in `0..<alphabetSize`.
  ///   - alphabetSize: One more than the largest id.
  ///   - box: The part of the two sequences to diff.
  ///   - marks: The marks to set; tokens outside `box` are left alone.
  /// - Complexity: O((*N* + *M*) *h* + *k* log *k*) time, where *h* is the depth of the
  ///   recursion (one or two levels on prose) and *k* the number of unique pairs; plus Myers'
  ///   algorithm on the gaps, which are short. O(*N* + *M* + *alphabetSize*) space.
  static func markChanges(
    source: UnsafeBufferPointer<Int32>, target: UnsafeBufferPointer<Int32>, alphabetSize: Int,
    in box: DiffBox, marks: inout ChangeMarks
  ) {
    var counts = [UInt8](repeating: 0, count: alphabetSize)
    var targetPosition = [Int32](repeating: 0, count: alphabetSize)
    counts.withUnsafeMutableBufferPointer { counts in
      targetPosition.withUnsafeMutableBufferPointer { positions in
        let solver = PatienceDiff(
          source: source, target: target, counts: counts, targetPosition: positions)
        solver.solve(box, marks: &marks)
      }
    }
  }

  /// Solves `box` by splitting it at anchors until every piece is trivial or small; pieces
  /// wait on an explicit stack, so deep splits cannot overflow the call stack.
  private func solve(_ box: DiffBox, marks: inout ChangeMarks) {
    var scratch = Scratch()
    var stack = DiffBoxStack()
    var myers = MyersDiff.Scratch()
    defer {
      scratch.deallocate()
      stack.deallocate()
      myers.deallocate()
    }
    DiffBox.solve(box, source: source, target: target, marks: &marks, pending: &stack) { piece, pending, marks in
      let size = piece.tokenCount
      if size <= Self.exactRegionSize {
        MyersDiff.markChanges(source: source, target: target, in: piece, costLimit: nil, marks: &marks, scratch: &myers)
        return
      }
      findAnchors(in: piece, scratch: &scratch)
      if scratch.anchors.isEmpty {
        // Only repeated tokens in common: bound Myers' search as the histogram fallback does.
        let limit = max(HistogramDiff.minimumFallbackCostLimit, HistogramDiff.roughSquareRoot(of: size))
        MyersDiff.markChanges(source: source, target: target, in: piece, costLimit: limit, marks: &marks, scratch: &myers)
        return
      }
      // A small gap is solved at once (as it would be off the stack); the others go on the
      // stack. Most gaps between anchors are a few tokens, so the stack stays short.
      func solveOrPush(_ gap: DiffBox) {
        if gap.tokenCount <= Self.exactRegionSize {
          MyersDiff.markChanges(source: source, target: target, in: gap, costLimit: nil, marks: &marks, scratch: &myers)
        } else {
          pending.push(gap)
        }
      }
      var startX = piece.sourceStart
      var startY = piece.targetStart
      for anchor in scratch.anchors {
        let x = Int(anchor.x)
        let y = Int(anchor.y)
        solveOrPush(DiffBox(sourceStart: startX, sourceEnd: x, targetStart: startY, targetEnd: y))
        startX = x + 1
        startY = y + 1
      }
      solveOrPush(DiffBox(sourceStart: startX, sourceEnd: piece.sourceEnd, targetStart: startY, targetEnd: piece.targetEnd))
    }
  }

  /// Memory reused from one region to the next.
  private struct Scratch {
    /// The unique pairs of the region, in source order: `pairCount` of them in memory for
    /// `pairCapacity`, grown as needed, never zeroed (pages no pair reaches stay untouched).
    var pairStorage: UnsafeMutablePointer<(x: Int32, y: Int32)>?
    var pairCapacity = 0
    var pairCount = 0
    /// The anchors found, in order.
    var anchors: [(x: Int32, y: Int32)] = []
    /// The patience sort's three tables of `tableCapacity` entries each, side by side:
    /// for each pile the index in `pairs` of its top and that top's `y` (the binary search
    /// reads these), and for each pair the top of the pile to its left when it was placed,
    /// or -1. Never zeroed: every entry is written before it is read, so pages that no
    /// entry reaches are never touched.
    var tables: UnsafeMutablePointer<Int32>?
    var tableCapacity = 0

    /// Makes room for a sort of `count` pairs.
    mutating func reserveTables(_ count: Int) {
      guard count > tableCapacity else { return }
      tables?.deallocate()
      tableCapacity = max(count, 2 * tableCapacity)
      tables = .allocate(capacity: 3 * tableCapacity)
    }

    /// Makes room for `count` pairs and forgets the pairs of the last region.
    mutating func reservePairs(_ count: Int) -> UnsafeMutablePointer<(x: Int32, y: Int32)> {
      pairCount = 0
      if count > pairCapacity || pairStorage == nil {
        pairStorage?.deallocate()
        pairCapacity = max(count, 2 * pairCapacity, 1)
        pairStorage = .allocate(capacity: pairCapacity)
      }
      // Allocated just above if it was missing.
      return pairStorage!
    }

    /// The pairs of the region.
    var pairs: UnsafeBufferPointer<(x: Int32, y: Int32)> {
      UnsafeBufferPointer(start: pairStorage, count: pairCount)
    }

    /// Frees the tables and the pairs; the scratch must not be used afterwards.
    func deallocate() {
      tables?.deallocate()
      pairStorage?.deallocate()
    }
  }

  /// Sets `scratch.anchors` to the longest chain of tokens unique on both sides of `box`,
  /// increasing on both sides; empty when no token is unique on both sides.
  ///
  /// - Complexity: O(*N* + *M* + *k* log *k*) for *k* unique pairs.
  private func findAnchors(in box: DiffBox, scratch: inout Scratch) {
    let a = source
    let b = target
    let counts = counts
    let positions = targetPosition
    for x in box.sourceStart..<box.sourceEnd {
      let token = Int(a[x])
      let count = counts[token]
      if count & 0b11 < 2 { counts[token] = count &+ 1 }
    }
    for y in box.targetStart..<box.targetEnd {
      let token = Int(b[y])
      let count = counts[token]
      if count >> 2 < 2 { counts[token] = count &+ 0b100 }
      positions[token] = Int32(truncatingIfNeeded: y)
    }
    // Exactly once on each side: 0b0101. Room for every pair there can be, reserved at
    // once: growing by doubling would copy into fresh memory each time.
    let pairs = scratch.reservePairs(min(box.sourceEnd - box.sourceStart, box.targetEnd - box.targetStart))
    var pairCount = 0
    for x in box.sourceStart..<box.sourceEnd {
      let token = Int(a[x])
      if counts[token] == 0b0101 {
        pairs[pairCount] = (Int32(truncatingIfNeeded: x), positions[token])
        pairCount &+= 1
      }
    }
    scratch.pairCount = pairCount
    // The counts go back to zero for the next region: token by token for a small region,
    // the whole table at once for a large one (the first, the whole text, reads every id).
    if box.tokenCount >= counts.count / 4 {
      counts.update(repeating: 0)
    } else {
      for x in box.sourceStart..<box.sourceEnd {
        counts[Int(a[x])] = 0
      }
      for y in box.targetStart..<box.targetEnd {
        counts[Int(b[y])] = 0
      }
    }
    longestIncreasingChain(&scratch)
  }

  /// Sets `scratch.anchors` to a longest subsequence of `scratch.pairs` (already increasing
  /// in `x`) whose `y` increase too, by patience sorting: each pair goes on the leftmost pile
  /// whose top has a larger `y`, remembering the top of the pile to its left.
  ///
  /// - Complexity: O(*k* log *k*) for *k* pairs.
  private func longestIncreasingChain(_ scratch: inout Scratch) {
    scratch.anchors.removeAll(keepingCapacity: true)
    let pairs = scratch.pairs
    guard !pairs.isEmpty else { return }
    // One slot per pair in each table (there are at most as many piles as pairs).
    scratch.reserveTables(pairs.count)
    // The tables exist: there is at least one pair.
    let pileTops = scratch.tables!
    let topYs = pileTops + scratch.tableCapacity
    let predecessor = topYs + scratch.tableCapacity
    var piles = 0
    for index in 0..<pairs.count {
      let y = pairs[index].y
      // The first pile whose top's y is not below this pair's y. Pairs of prose mostly
      // come in order on both sides: the last pile is tried first.
      var low = 0
      var high = piles
      if piles > 0 && topYs[piles &- 1] < y {
        low = piles
      } else if piles > 0 {
        high = piles &- 1
      }
      while low < high {
        let middle = (low &+ high) >> 1
        if topYs[middle] < y {
          low = middle &+ 1
        } else {
          high = middle
        }
      }
      predecessor[index] = low > 0 ? pileTops[low &- 1] : -1
      pileTops[low] = Int32(truncatingIfNeeded: index)
      topYs[low] = y
      if low == piles { piles += 1 }
    }
    let last = Int(pileTops[piles - 1])
    // Every pile-top has a chain as long as its pile's number; read the longest backwards.
    scratch.anchors.reserveCapacity(pairs.count)
    var index = last
    while index >= 0 {
      scratch.anchors.append(pairs[index])
      index = Int(predecessor[index])
    }
    scratch.anchors.reverse()
  }
}
