import Testing

@testable import CrosscheckCore
@testable import CrosscheckWordDiff

/// Tests of the preparation stage.
@Suite struct DiffPreparationTests {
  /// The common prefix and suffix are trimmed, and one-sided tokens dropped.
  @Test func trimsAndDiscards() {
    //            prefix  middle             suffix
    let source: [Int32] = [1, 2, 7, 3, 8, 4, 5]
    let target: [Int32] = [1, 2, 4, 9, 3, 5]
    let preparation = DiffPreparation(source: source, target: target, discardingUnmatched: true)
    #expect(preparation.sourceMiddle == 2..<6)
    #expect(preparation.targetMiddle == 2..<5)
    // 7 and 8 do not occur in the target's middle, 9 not in the source's.
    #expect(preparation.source == [3, 4])
    #expect(preparation.sourceIndices == [3, 5])
    #expect(preparation.target == [4, 3])
    #expect(preparation.targetIndices == [2, 4])
  }

  /// Without discarding, on dense ids, the sequences are used in place: the compute stage
  /// diffs the middle, and its marks are the whole sequences' marks.
  @Test func worksInPlaceWhenNotDiscarding() {
    let preparation = DiffPreparation(source: [1, 7, 2], target: [1, 8, 2], discardingUnmatched: false)
    #expect(preparation.isInPlace)
    #expect(preparation.source == [1, 7, 2] && preparation.target == [1, 8, 2])
    let box = preparation.box
    #expect(box.sourceStart == 1 && box.sourceEnd == 2 && box.targetStart == 1 && box.targetEnd == 2)
    var marks = ChangeMarks(sourceCount: 3, targetCount: 3)
    marks.delete(1..<2)
    marks.insert(1..<2)
    #expect(Array(preparation.changeMarks(from: marks, sourceCount: 3, targetCount: 3).deleted) == [false, true, false])
  }

  /// Without discarding, sparse ids are renumbered in a copy of the middle.
  @Test func copiesTheMiddleToRenumber() {
    let preparation = DiffPreparation(source: [1, -7, 2], target: [1, 8, 2], discardingUnmatched: false)
    #expect(!preparation.isInPlace)
    #expect(preparation.source.count == 1 && preparation.target.count == 1)
    #expect(preparation.sourceIndices == nil && preparation.targetIndices == nil)
  }

  /// Discarded tokens come back as changes, trimmed ones as unchanged.
  @Test func changeMarksMapBack() {
    let source: [Int32] = [1, 7, 3, 9]
    let target: [Int32] = [1, 3, 8, 9]
    let preparation = DiffPreparation(source: source, target: target, discardingUnmatched: true)
    #expect(preparation.source == [3] && preparation.target == [3])
    let reduced = ChangeMarks(sourceCount: 1, targetCount: 1)
    let marks = preparation.changeMarks(from: reduced, sourceCount: 4, targetCount: 4)
    #expect(Array(marks.deleted) == [false, true, false, false])
    #expect(Array(marks.inserted) == [false, false, true, false])
  }

  /// Negative or large ids are renumbered densely, small ones kept.
  @Test func renumbersSparseIds() {
    let sparse = DiffPreparation(source: [-5, 1_000_000_000], target: [1_000_000_000, 4], discardingUnmatched: false)
    #expect(sparse.alphabetSize == 3)
    #expect(sparse.source == [0, 1] && sparse.target == [1, 2])
    let dense = DiffPreparation(source: [5, 1], target: [1, 4], discardingUnmatched: true)
    #expect(dense.alphabetSize == 6)
    #expect(dense.source == [1])
  }
}
