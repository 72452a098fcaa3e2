// Myers' difference algorithm, linear-space version.
//
// Method: Eugene W. Myers, "An O(ND) Difference Algorithm and Its Variations",
// Algorithmica 1 (1986), pp. 251-266. A greedy search extends the furthest-reaching paths of
// each edit cost D, one diagonal of the edit graph at a time, from both corners at once until
// the two frontiers overlap (the "middle snake", section 4b). The problem is split at the
// overlap and both halves are solved the same way, so only O(N + M) space is needed and the
// time is O((N + M) D). Every split lies on a shortest edit path, so the result is minimal
// unless a cost limit is set; past the limit a search splits at its furthest partial path,
// as git's xdiff does past its `mxcost`.
//
// The frontiers are computed as if the edit graph went on past its far edges with tokens
// that match nothing, so a path can run off the box. Such points never take part in an
// overlap: a path that ran off the box at cost d on diagonal k implies a path to the end
// that is cheaper than any through diagonal k at cost d, so the search loses nothing.

/// Marks the changed tokens of a diff with Myers' algorithm.
///
/// The tokens are interned ids; the algorithm only compares them for equality.
struct MyersDiff {
  /// The source tokens, indexed by absolute position.
  private let source: UnsafeBufferPointer<Int32>
  /// The target tokens, indexed by absolute position.
  private let target: UnsafeBufferPointer<Int32>
  /// The furthest source position reached on each diagonal by the forward search,
  /// at index `diagonal - lowestDiagonal`.
  private let forward: UnsafeMutablePointer<Int>
  /// The smallest source position reached on each diagonal by the backward search,
  /// at index `diagonal - lowestDiagonal`.
  private let backward: UnsafeMutablePointer<Int>
  /// The lowest diagonal (`x - y`) of the whole problem, the origin of the two tables.
  private let lowestDiagonal: Int
  /// The edit cost after which a split search gives up minimality.
  private let costLimit: Int

  /// Creates a solver over shared tables; see `markChanges`.
  private init(
    source: UnsafeBufferPointer<Int32>, target: UnsafeBufferPointer<Int32>,
    forward: UnsafeMutablePointer<Int>, backward: UnsafeMutablePointer<Int>,
    lowestDiagonal: Int, costLimit: Int
  ) {
    self.source = source
    self.target = target
    self.forward = forward
    self.backward = backward
    self.lowestDiagonal = lowestDiagonal
    self.costLimit = costLimit
  }

  /// Marks the tokens of `box` that a shortest edit script deletes or inserts.
  ///
  /// - Parameters:
  ///   - source: The source tokens.
  ///   - target: The target tokens.
  ///   - box: The part of the two sequences to diff.
  ///   - costLimit: The edit cost after which a split search splits at its furthest
  ///     partial path instead of a point on a shortest path; `nil` for a minimal script.
  ///   - marks: The marks to set; tokens outside `box` are left alone.
  /// - Complexity: O((*N* + *M*) *D*) time and O(*N* + *M*) space, where *N* and *M* are the
  ///   lengths of the box's ranges and *D* the size of the script; with a cost limit *L*,
  ///   O((*N* + *M*) min(*D*, *L*)) per split.
  static func markChanges(
    source: UnsafeBufferPointer<Int32>, target: UnsafeBufferPointer<Int32>,
    in box: DiffBox, costLimit: Int?, marks: inout ChangeMarks
  ) {
    var scratch = Scratch()
    defer { scratch.deallocate() }
    markChanges(source: source, target: target, in: box, costLimit: costLimit, marks: &marks, scratch: &scratch)
  }

  /// Memory that one diff's many calls share (the patience algorithm solves every gap
  /// between its anchors with Myers' algorithm): the stack of pieces waiting to be solved
  /// and the two frontier tables, grown as needed and never shrunk.
  struct Scratch {
    /// The pieces waiting; empty between calls.
    var pending = DiffBoxStack()
    /// The forward and backward tables, side by side; their contents are never read before
    /// a search writes them.
    var tables: [Int] = []

    /// Frees the stack's memory; the scratch must not be used afterwards.
    func deallocate() {
      pending.deallocate()
    }
  }

  /// Marks the tokens of `box` that a shortest edit script deletes or inserts, with memory
  /// from `scratch`; see `markChanges(source:target:in:costLimit:marks:)`.
  static func markChanges(
    source: UnsafeBufferPointer<Int32>, target: UnsafeBufferPointer<Int32>,
    in box: DiffBox, costLimit: Int?, marks: inout ChangeMarks, scratch: inout Scratch
  ) {
    var trimmed = box
    trimmed.trim(source: source, target: target)
    if trimmed.sourceStart == trimmed.sourceEnd || trimmed.targetStart == trimmed.targetEnd {
      marks.change(trimmed)
      return
    }
    let diagonals =
      (trimmed.sourceEnd - trimmed.sourceStart) + (trimmed.targetEnd - trimmed.targetStart) + 1
    if scratch.tables.count < 2 * diagonals {
      scratch.tables = [Int](repeating: 0, count: max(2 * diagonals, 2 * scratch.tables.count))
    }
    scratch.tables.withUnsafeMutableBufferPointer { tables in
      // The tables are not empty, so they have a base address.
      let base = tables.baseAddress!
      let solver = MyersDiff(
        source: source, target: target, forward: base, backward: base + diagonals,
        lowestDiagonal: trimmed.sourceStart - trimmed.targetEnd,
        costLimit: costLimit ?? Int.max)
      solver.solve(trimmed, marks: &marks, pending: &scratch.pending)
    }
  }

  /// Solves `box` by splitting it until every piece is trivial; pieces wait on an
  /// explicit stack, so deep splits cannot overflow the call stack.
  private func solve(_ box: DiffBox, marks: inout ChangeMarks, pending: inout DiffBoxStack) {
    DiffBox.solve(box, source: source, target: target, marks: &marks, pending: &pending) { piece, pending, _ in
      let (x, y) = split(piece)
      pending.push(
        DiffBox(sourceStart: x, sourceEnd: piece.sourceEnd, targetStart: y, targetEnd: piece.targetEnd))
      pending.push(
        DiffBox(sourceStart: piece.sourceStart, sourceEnd: x, targetStart: piece.targetStart, targetEnd: y))
    }
  }

  /// Returns a point strictly inside `box` that lies on a shortest edit path through it
  /// (or, past the cost limit, on the furthest partial path).
  ///
  /// - Precondition: `box` is trimmed and both of its ranges are non-empty.
  /// - Complexity: O((*N* + *M*) *D*) for a box of sides *N* and *M* and edit cost *D*.
  private func split(_ box: DiffBox) -> (x: Int, y: Int) {
    let a = source
    let b = target
    let fwd = forward
    let bwd = backward
    let origin = lowestDiagonal
    let aLow = box.sourceStart
    let aHigh = box.sourceEnd
    let bLow = box.targetStart
    let bHigh = box.targetEnd
    let startDiagonal = aLow - bLow
    let endDiagonal = aHigh - bHigh
    let minDiagonal = aLow - bHigh
    let maxDiagonal = aHigh - bLow
    // With an odd difference of diagonals the frontiers first overlap after a forward
    // step, with an even one after a backward step (Myers, lemma 3).
    let overlapsInForwardStep = (endDiagonal - startDiagonal) & 1 != 0

    // Cost 0: the ends of a trimmed box have no snakes.
    fwd[startDiagonal - origin] = aLow
    bwd[endDiagonal - origin] = aHigh
    var forwardLow = startDiagonal
    var forwardHigh = startDiagonal
    var backwardLow = endDiagonal
    var backwardHigh = endDiagonal

    // The loops below use wrapping arithmetic only to drop overflow checks from the hot
    // path: every value is an index into the box or a diagonal of it.
    var cost = 1
    while true {
      // Forward step: the furthest point on each diagonal reachable with `cost` edits.
      let low = forwardLow > minDiagonal ? forwardLow - 1 : forwardLow + 1
      let high = forwardHigh < maxDiagonal ? forwardHigh + 1 : forwardHigh - 1
      var k = low
      while k <= high {
        let afterDeletion = k &- 1 >= forwardLow ? fwd[k &- 1 &- origin] &+ 1 : Int.min
        let afterInsertion = k &+ 1 <= forwardHigh ? fwd[k &+ 1 &- origin] : Int.min
        var x = afterDeletion > afterInsertion ? afterDeletion : afterInsertion
        var y = x &- k
        while x < aHigh && y < bHigh && a[x] == b[y] {
          x &+= 1
          y &+= 1
        }
        fwd[k &- origin] = x
        if overlapsInForwardStep && k >= backwardLow && k <= backwardHigh
          && x <= aHigh && y <= bHigh
        {
          let reverseX = bwd[k &- origin]
          if reverseX <= x && reverseX >= aLow && reverseX &- k >= bLow {
            return (x, y)
          }
        }
        k &+= 2
      }
      forwardLow = low
      forwardHigh = high

      // Backward step: the smallest point on each diagonal from which the end is
      // reachable with `cost` edits.
      let backLow = backwardLow > minDiagonal ? backwardLow - 1 : backwardLow + 1
      let backHigh = backwardHigh < maxDiagonal ? backwardHigh + 1 : backwardHigh - 1
      k = backLow
      while k <= backHigh {
        let beforeDeletion = k &+ 1 <= backwardHigh ? bwd[k &+ 1 &- origin] &- 1 : Int.max
        let beforeInsertion = k &- 1 >= backwardLow ? bwd[k &- 1 &- origin] : Int.max
        var x = beforeDeletion < beforeInsertion ? beforeDeletion : beforeInsertion
        var y = x &- k
        while x > aLow && y > bLow && a[x &- 1] == b[y &- 1] {
          x &-= 1
          y &-= 1
        }
        bwd[k &- origin] = x
        if !overlapsInForwardStep && k >= forwardLow && k <= forwardHigh
          && x >= aLow && y >= bLow
        {
          let forwardX = fwd[k &- origin]
          if forwardX >= x && forwardX <= aHigh && forwardX &- k <= bHigh {
            return (x, y)
          }
        }
        k &+= 2
      }
      backwardLow = backLow
      backwardHigh = backHigh

      if cost >= costLimit,
        let point = furthestPoint(
          in: box, forward: forwardLow...forwardHigh, backward: backwardLow...backwardHigh)
      {
        return point
      }
      cost += 1
    }
  }

  /// Returns the frontier point that made the most progress towards its far corner,
  /// excluding the box's own corners, or `nil` if there is none.
  ///
  /// - Complexity: O(*d*), where *d* is the number of diagonals in the frontiers.
  private func furthestPoint(
    in box: DiffBox, forward forwardDiagonals: ClosedRange<Int>,
    backward backwardDiagonals: ClosedRange<Int>
  ) -> (x: Int, y: Int)? {
    var forwardBest: (x: Int, y: Int)?
    var forwardProgress = 0
    for k in stride(from: forwardDiagonals.lowerBound, through: forwardDiagonals.upperBound, by: 2) {
      let x = forward[k - lowestDiagonal]
      let y = x - k
      let progress = (x - box.sourceStart) + (y - box.targetStart)
      let isInside = x <= box.sourceEnd && y <= box.targetEnd
      let isEnd = x == box.sourceEnd && y == box.targetEnd
      if isInside && !isEnd && progress > forwardProgress {
        forwardBest = (x, y)
        forwardProgress = progress
      }
    }
    var backwardBest: (x: Int, y: Int)?
    var backwardProgress = 0
    for k in stride(from: backwardDiagonals.lowerBound, through: backwardDiagonals.upperBound, by: 2) {
      let x = backward[k - lowestDiagonal]
      let y = x - k
      let progress = (box.sourceEnd - x) + (box.targetEnd - y)
      let isInside = x >= box.sourceStart && y >= box.targetStart
      let isStart = x == box.sourceStart && y == box.targetStart
      if isInside && !isStart && progress > backwardProgress {
        backwardBest = (x, y)
        backwardProgress = progress
      }
    }
    return forwardProgress >= backwardProgress ? forwardBest ?? backwardBest : backwardBest
  }
}
