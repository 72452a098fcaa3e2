/// The differences between a source and a target token sequence, as a list of operations
/// that turn the source into the target.
///
/// The operations cover both sequences exactly and in order: each starts where the previous
/// one ended on both sides, the first starts at 0 and the last ends at the two counts. Equal
/// runs alternate with changes, and an adjacent deletion and insertion form one `replace`.
///
/// The diff runs in three stages, as git's xdiff: preparation (trimming the common ends,
/// dropping tokens that cannot match), computation (Myers or histogram) and emission of
/// this value. Renderers consume the script and never recompute it.
///
/// ```swift
/// var interner = TokenInterner<Substring>()
/// let old = interner.intern(contentsOf: ["the", " ", "quick", " ", "fox"])
/// let new = interner.intern(contentsOf: ["the", " ", "slow", " ", "fox"])
/// let script = EditScript(from: old, to: new)
/// // equal 0..<2 → 0..<2, replace 2..<3 → 2..<3, equal 3..<5 → 3..<5
/// ```
package struct EditScript: Hashable, Sendable {
  /// One step of an edit script: a run of source tokens and the run of target tokens
  /// that takes its place.
  package struct Operation: Hashable, Sendable {
    /// What an operation does.
    package enum Kind: Hashable, Sendable {
      /// The source run equals the target run.
      case equal
      /// The target run is inserted; the source run is empty.
      case insert
      /// The source run is deleted; the target run is empty.
      case delete
      /// The source run is deleted and the target run inserted in its place.
      case replace
    }

    /// What the operation does.
    package var kind: Kind
    /// The source token indices the operation covers.
    package var sourceRange: Range<Int>
    /// The target token indices the operation covers.
    package var targetRange: Range<Int>

    /// Creates an operation.
    ///
    /// - Parameters:
    ///   - kind: What the operation does.
    ///   - sourceRange: The source token indices it covers.
    ///   - targetRange: The target token indices it covers.
    package init(kind: Kind, sourceRange: Range<Int>, targetRange: Range<Int>) {
      self.kind = kind
      self.sourceRange = sourceRange
      self.targetRange = targetRange
    }
  }

  /// The operations, in order.
  package let operations: [Operation]
  /// The number of source tokens.
  package let sourceCount: Int
  /// The number of target tokens.
  package let targetCount: Int
  /// The number of source tokens deleted, by `delete` and `replace` operations.
  package let deletedCount: Int
  /// The number of target tokens inserted, by `insert` and `replace` operations.
  package let insertedCount: Int

  /// The number of tokens kept, which is the same on both sides.
  package var unchangedCount: Int {
    sourceCount - deletedCount
  }

  /// The number of tokens deleted plus the number inserted: the edit distance with
  /// insertions and deletions only, when the script is minimal.
  package var editCount: Int {
    deletedCount + insertedCount
  }

  /// Computes the edit script that turns `source` into `target`.
  ///
  /// With `.myers` (the default) the script is minimal: `editCount` is the smallest
  /// possible, `sourceCount + targetCount` minus twice the length of a longest common
  /// subsequence.
  ///
  /// - Parameters:
  ///   - source: The source token ids, as given by a `TokenInterner`. Any `Int32` values
  ///     work; dense non-negative ones avoid a renumbering pass.
  ///   - target: The target token ids.
  ///   - algorithm: The method to use.
  /// - Complexity: For `.myers`, O((*N* + *M*) *D*) time, where *D* is the edit distance;
  ///   for `.histogram`, about O((*N* + *M*) log(*N* + *M*)) on texts with rare words; for
  ///   `.patience`, close to O(*N* + *M*) on prose.
  ///   O(*N* + *M*) memory in every case.
  package init(from source: [Int32], to target: [Int32], algorithm: DiffAlgorithm = .myers) {
    self.init(marks: Self.changeMarks(from: source, to: target, algorithm: algorithm))
  }

  /// The compute stage: which tokens of `source` a script to `target` deletes and which
  /// tokens of `target` it inserts; the operations are read off these marks.
  static func changeMarks(from source: [Int32], to target: [Int32], algorithm: DiffAlgorithm) -> ChangeMarks {
    let preparation = DiffPreparation(
      source: source, target: target, discardingUnmatched: algorithm.method == .myers)
    var reduced = ChangeMarks(
      sourceCount: preparation.source.count, targetCount: preparation.target.count)
    let box = preparation.box
    preparation.source.withUnsafeBufferPointer { a in
      preparation.target.withUnsafeBufferPointer { b in
        switch algorithm.method {
        case .myers:
          MyersDiff.markChanges(
            source: a, target: b, in: box, costLimit: algorithm.costLimit, marks: &reduced)
        case .histogram:
          HistogramDiff.markChanges(
            source: a, target: b, alphabetSize: preparation.alphabetSize, in: box,
            marks: &reduced)
        case .patience:
          PatienceDiff.markChanges(
            source: a, target: b, alphabetSize: preparation.alphabetSize, in: box,
            marks: &reduced)
        }
      }
    }
    return preparation.changeMarks(from: reduced, sourceCount: source.count, targetCount: target.count)
  }

  /// Emits the script described by change marks.
  ///
  /// - Parameter marks: Marks whose unchanged tokens are as many on both sides.
  /// - Complexity: O(*N* + *M*).
  init(marks: ChangeMarks) {
    var operations: [Operation] = []
    var deletedCount = 0
    var insertedCount = 0
    for operation in marks.operations {
      if operation.kind != .equal {
        deletedCount += operation.sourceRange.count
        insertedCount += operation.targetRange.count
      }
      operations.append(operation)
    }
    self.operations = operations
    self.sourceCount = marks.deleted.count
    self.targetCount = marks.inserted.count
    self.deletedCount = deletedCount
    self.insertedCount = insertedCount
  }

  /// Creates a script from operations that already cover both sequences in order.
  ///
  /// - Parameters:
  ///   - operations: Contiguous operations starting at 0 on both sides.
  ///   - sourceCount: The number of source tokens.
  ///   - targetCount: The number of target tokens.
  /// - Complexity: O(*k*), where *k* is the number of operations.
  package init(operations: [Operation], sourceCount: Int, targetCount: Int) {
    var deletedCount = 0
    var insertedCount = 0
    for operation in operations where operation.kind != .equal {
      deletedCount += operation.sourceRange.count
      insertedCount += operation.targetRange.count
    }
    self.operations = operations
    self.sourceCount = sourceCount
    self.targetCount = targetCount
    self.deletedCount = deletedCount
    self.insertedCount = insertedCount
  }
}

// A readable form for logs and test failures.
extension EditScript.Operation: CustomStringConvertible {
  /// The operation as `kind source-range → target-range`, for logs and test failures.
  package var description: String {
    "\(kind) \(sourceRange.lowerBound)..<\(sourceRange.upperBound) → "
      + "\(targetRange.lowerBound)..<\(targetRange.upperBound)"
  }
}
