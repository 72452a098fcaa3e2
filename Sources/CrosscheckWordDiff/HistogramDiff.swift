// Histogram diff.
//
// Method: the histogram diff of git's xdiff (xdiff/xhistogram.c), itself an extension of
// Bram Cohen's patience diff. The source side of a region is indexed by token; the region's
// anchor is the run of equal tokens, grown around a common token, whose rarest token is the
// rarest in the source region (ties go to the longer run). The region is split around the
// anchor and both sides are solved the same way. Regions whose common tokens are all more
// frequent than a chain limit fall back to Myers' algorithm, and so does whatever is left
// once the anchor searches have used up a scan budget linear in the input: anchors that keep
// falling at the edges of their regions would otherwise cost quadratic time. The result is a
// valid but not necessarily minimal script; anchoring on rare tokens tends to align the
// passages a reader would align on long texts.

/// Marks the changed tokens of a diff with the histogram algorithm.
///
/// The tokens are interned ids in `0..<alphabetSize`.
struct HistogramDiff {
  /// Tokens more frequent than this in a source region are never anchors; if every common
  /// token of a region is, the region goes to Myers' algorithm. The value is xdiff's: rare
  /// enough to be a meaningful anchor, and it bounds the work per target token.
  static let chainLimit = 64

  /// The smallest cost limit given to the Myers fallback (xdiff's `XDL_MAX_COST_MIN`):
  /// small regions are diffed minimally.
  static let minimumFallbackCostLimit = 256

  /// How many times over the tokens of the whole problem the anchor searches may scan
  /// before the remaining regions go to Myers' algorithm. Splits around anchors at random
  /// places scan each token about log2(*N* + *M*) times (20 for a million tokens); when
  /// anchors keep falling at the edge of their regions (every common run one token long,
  /// say), the scans grow quadratically, and the budget caps them.
  static let scanBudgetFactor = 48

  /// The source tokens, indexed by absolute position.
  private let source: UnsafeBufferPointer<Int32>
  /// The target tokens, indexed by absolute position.
  private let target: UnsafeBufferPointer<Int32>
  /// For each token id, its last position in the indexed source region, or -1.
  private let lastPosition: UnsafeMutableBufferPointer<Int32>
  /// For each token id, its number of occurrences in the indexed source region.
  private let occurrences: UnsafeMutableBufferPointer<Int32>
  /// For each source position, the previous position of the same token in the indexed
  /// region, or -1.
  private let previousPosition: UnsafeMutableBufferPointer<Int32>

  /// Creates a solver over the given tables; see `markChanges`.
  private init(
    source: UnsafeBufferPointer<Int32>, target: UnsafeBufferPointer<Int32>,
    lastPosition: UnsafeMutableBufferPointer<Int32>, occurrences: UnsafeMutableBufferPointer<Int32>,
    previousPosition: UnsafeMutableBufferPointer<Int32>
  ) {
    self.source = source
    self.target = target
    self.lastPosition = lastPosition
    self.occurrences = occurrences
    self.previousPosition = previousPosition
  }

  /// Marks the tokens of `box` that the histogram algorithm deletes or inserts.
  ///
  /// - Parameters:
  ///   - source: The source tokens, ids in `0..<alphabetSize`.
  ///   - target: The target tokens, ids in `0..<alphabetSize`.
  ///   - alphabetSize: One more than the largest id.
  ///   - box: The part of the two sequences to diff.
  ///   - marks: The marks to set; tokens outside `box` are left alone.
  /// - Complexity: O((*N* + *M*) *h*) time, where *h* is the number of times the anchor
  ///   searches scan each token: about log2(*N* + *M*) when anchors fall at random places,
  ///   and never more than `scanBudgetFactor`; plus Myers' algorithm, under a cost limit,
  ///   on the regions without a rare anchor. O(*N* + *M* + *alphabetSize*) space.
  static func markChanges(
    source: UnsafeBufferPointer<Int32>, target: UnsafeBufferPointer<Int32>, alphabetSize: Int,
    in box: DiffBox, marks: inout ChangeMarks
  ) {
    var lastPosition = [Int32](repeating: -1, count: alphabetSize)
    var occurrences = [Int32](repeating: 0, count: alphabetSize)
    var previousPosition = [Int32](repeating: -1, count: source.count)
    lastPosition.withUnsafeMutableBufferPointer { last in
      occurrences.withUnsafeMutableBufferPointer { counts in
        previousPosition.withUnsafeMutableBufferPointer { previous in
          let solver = HistogramDiff(
            source: source, target: target, lastPosition: last, occurrences: counts,
            previousPosition: previous)
          solver.solve(box, marks: &marks)
        }
      }
    }
  }

  /// Returns a number between the square root of `value` and twice that, the cost limit
  /// xdiff gives its Myers search (`xdl_bogosqrt`), without floating point.
  static func roughSquareRoot(of value: Int) -> Int {
    var root = 1
    var square = 1
    while square < value {
      root <<= 1
      square <<= 2
    }
    return root
  }

  /// What `findAnchor` found in a region.
  private enum Anchor: Equatable {
    /// No token occurs on both sides: everything changed.
    case none
    /// Every common token is more frequent than the chain limit.
    case onlyFrequent
    /// The scan budget is spent, so the region was not searched.
    case notSearched
    /// The run `source[x..<x + length]` equals `target[y..<y + length]`.
    case run(x: Int, y: Int, length: Int)
  }

  /// Solves `box` by splitting around anchors until every piece is trivial; pieces wait
  /// on an explicit stack, so deep splits cannot overflow the call stack.
  private func solve(_ box: DiffBox, marks: inout ChangeMarks) {
    var budget = Self.scanBudgetFactor * box.tokenCount
    var stack = DiffBoxStack()
    var myers = MyersDiff.Scratch()
    defer {
      stack.deallocate()
      myers.deallocate()
    }
    DiffBox.solve(box, source: source, target: target, marks: &marks, pending: &stack) { piece, pending, marks in
      let size = piece.tokenCount
      budget -= size
      let anchor = budget >= 0 ? findAnchor(in: piece) : .notSearched
      switch anchor {
      case .none:
        marks.change(piece)
      case .onlyFrequent, .notSearched:
        // Past the budget the input is pathological: keep the fallback cheap too.
        let limit =
          anchor == .notSearched
          ? Self.minimumFallbackCostLimit
          : max(Self.minimumFallbackCostLimit, Self.roughSquareRoot(of: size))
        MyersDiff.markChanges(
          source: source, target: target, in: piece, costLimit: limit, marks: &marks, scratch: &myers)
      case .run(let x, let y, let length):
        pending.push(
          DiffBox(
            sourceStart: x + length, sourceEnd: piece.sourceEnd,
            targetStart: y + length, targetEnd: piece.targetEnd))
        pending.push(
          DiffBox(
            sourceStart: piece.sourceStart, sourceEnd: x,
            targetStart: piece.targetStart, targetEnd: y))
      }
    }
  }

  /// Finds the anchor of a trimmed region with both sides non-empty.
  ///
  /// - Complexity: O(*N* + *M* *c* *r*) where *c* is the chain limit and *r* the length
  ///   of the runs grown; in practice close to O(*N* + *M*).
  private func findAnchor(in box: DiffBox) -> Anchor {
    let a = source
    let b = target
    let last = lastPosition
    let counts = occurrences
    let previous = previousPosition

    for x in box.sourceStart..<box.sourceEnd {
      let token = Int(a[x])
      previous[x] = last[token]
      last[token] = Int32(truncatingIfNeeded: x)
      counts[token] += 1
    }
    defer {
      for x in box.sourceStart..<box.sourceEnd {
        let token = Int(a[x])
        last[token] = -1
        counts[token] = 0
      }
    }

    var hasCommon = false
    var bestRarity = Self.chainLimit
    var best: (x: Int, y: Int, length: Int)?
    var bestLength = 0
    var y = box.targetStart
    while y < box.targetEnd {
      var nextY = y + 1
      let tokenCount = Int(counts[Int(b[y])])
      if tokenCount > 0 {
        hasCommon = true
      }
      if tokenCount > 0 && tokenCount <= bestRarity {
        var x = Int(last[Int(b[y])])
        while x >= 0 {
          // Grow the run of equal tokens around (x, y) both ways, noting its
          // rarest token.
          var runStartX = x
          var runStartY = y
          var rarity = tokenCount
          while runStartX > box.sourceStart && runStartY > box.targetStart
            && a[runStartX - 1] == b[runStartY - 1]
          {
            runStartX -= 1
            runStartY -= 1
            rarity = min(rarity, Int(counts[Int(a[runStartX])]))
          }
          var runEndX = x + 1
          var runEndY = y + 1
          while runEndX < box.sourceEnd && runEndY < box.targetEnd && a[runEndX] == b[runEndY] {
            rarity = min(rarity, Int(counts[Int(a[runEndX])]))
            runEndX += 1
            runEndY += 1
          }
          // Target tokens inside a grown run need no search of their own.
          nextY = max(nextY, runEndY)
          let length = runEndX - runStartX
          // `rarity <= bestRarity` holds here, as `tokenCount` did.
          if rarity < bestRarity || length > bestLength {
            best = (runStartX, runStartY, length)
            bestRarity = rarity
            bestLength = length
          }
          // Earlier occurrences inside this run would grow the same run again.
          var earlier = Int(previous[x])
          while earlier >= runStartX {
            earlier = Int(previous[earlier])
          }
          x = earlier
        }
      }
      y = nextY
    }
    if let best {
      return .run(x: best.x, y: best.y, length: best.length)
    }
    return hasCommon ? .onlyFrequent : .none
  }
}
