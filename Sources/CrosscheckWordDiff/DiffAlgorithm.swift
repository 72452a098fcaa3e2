/// A method for computing the edit script between two token sequences.
///
/// `.myers` gives a minimal script: its number of inserted plus deleted tokens is the
/// smallest possible. `.histogram` anchors on rare tokens first and usually reads better on
/// long texts, but it is not minimal; nor is `.patience`, which anchors on tokens unique on
/// both sides and is the fastest on long texts. `.myers(costLimit:)` bounds the time Myers' search
/// may take, at the price of minimality.
package struct DiffAlgorithm: Hashable, Sendable {
  /// The methods the engine implements.
  package enum Method: Hashable, Sendable {
    /// Myers' O(ND) algorithm with the linear-space refinement.
    case myers
    /// git's histogram diff: rare common tokens as anchors, Myers in between.
    case histogram
    /// Patience diff: tokens unique on both sides as anchors, Myers in between.
    case patience
  }

  /// The method this algorithm runs.
  package let method: Method

  /// For `.myers`, the edit cost after which a split search gives up minimality and
  /// splits at its furthest partial path; `nil` means no limit.
  package let costLimit: Int?

  /// Creates an algorithm description.
  private init(method: Method, costLimit: Int?) {
    self.method = method
    self.costLimit = costLimit
  }

  /// Myers' algorithm without a cost limit: the script is always minimal.
  package static let myers = DiffAlgorithm(method: .myers, costLimit: nil)

  /// The histogram algorithm, as in git's `xdiff/xhistogram.c`.
  ///
  /// Regions where every common token is frequent are diffed with Myers' algorithm under
  /// a cost limit of about the square root of the region's size (at least 256), as xdiff
  /// does. If the anchor searches scan the input more than `HistogramDiff.scanBudgetFactor`
  /// times over (anchors that keep splitting off single tokens), the rest goes to Myers'
  /// algorithm with a cost limit of 256, which keeps the time near-linear.
  package static let histogram = DiffAlgorithm(method: .histogram, costLimit: nil)

  /// The patience algorithm, as in git's `xdiff/xpatience.c`.
  ///
  /// Tokens that occur once on each side of a region anchor it, the gaps between anchors
  /// are solved the same way, and small gaps, or gaps without such tokens, go to Myers'
  /// algorithm (under a cost limit of about the square root of the gap's size, at least
  /// 256, when the gap is large).
  package static let patience = DiffAlgorithm(method: .patience, costLimit: nil)

  /// Myers' algorithm with a limit on the cost of each split search.
  ///
  /// When a search for the middle of a shortest edit path has spent `costLimit` edits
  /// without finding it, the sub-problem is split at the partial path that got furthest
  /// (as xdiff does past its `mxcost`). The script stays valid but may not be minimal.
  ///
  /// - Parameter costLimit: The largest edit cost a split search may reach; at least 1.
  /// - Returns: The algorithm description.
  package static func myers(costLimit: Int) -> DiffAlgorithm {
    precondition(costLimit >= 1, "the cost limit must be at least 1")
    return DiffAlgorithm(method: .myers, costLimit: costLimit)
  }

  /// Whether the scripts this algorithm gives are always minimal.
  package var isMinimal: Bool {
    method == .myers && costLimit == nil
  }
}
