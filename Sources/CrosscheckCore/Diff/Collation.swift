// Multi-witness collation.
//
// Method: progressive alignment, in the manner of CollateX's alignment table (Dekker et al.,
// "Computer-supported collation of modern manuscripts: CollateX and the Beckett Digital
// Manuscript Project", Digital Scholarship in the Humanities 30, 2015). The first witness
// makes one column per token; each further witness is aligned against the columns built so
// far by a longest-common-subsequence dynamic program in which a token matches a column that
// already holds the same token for some witness. A token facing a column it does not match
// shares that column as a variant reading when that keeps the order, else it opens a column
// of its own. The table has one row per witness; a column whose cells differ is a variant.

/// An alignment table of several versions ("witnesses") of one passage: one row per
/// witness, columns aligned on shared words, differing columns marked as variants.
///
/// It is meant for short passages, such as the versions of one quotation in several
/// outlets: aligning a witness costs O(cw) for c columns and w tokens.
package struct Collation<Token: Hashable & Sendable>: Sendable {
  /// One column: what each witness reads at this place (nil: nothing).
  package struct Column: Sendable, Equatable {
    /// One cell per witness.
    package var cells: [Token?]
    /// Whether the witnesses differ here (a missing reading counts as a difference).
    package var isVariant: Bool {
      guard let first = cells.first else { return false }
      return cells.contains { $0 != first }
    }
  }

  /// The columns, in reading order.
  package let columns: [Column]
  /// The number of witnesses (rows).
  package let witnessCount: Int

  /// Collates `witnesses`, each a sequence of tokens (words, or interned ids).
  /// - Complexity: O(w·c·t) for w witnesses of about t tokens and c columns.
  package init(witnesses: [[Token]]) {
    witnessCount = witnesses.count
    var columns: [Column] = []
    for (witness, tokens) in witnesses.enumerated() {
      columns = Self.aligning(tokens, as: witness, of: witnesses.count, to: columns)
    }
    self.columns = columns
  }

  /// What witness `index` reads in every column.
  package func row(_ index: Int) -> [Token?] { columns.map { $0.cells[index] } }

  /// The indices of the variant columns.
  package var variantColumns: [Int] { columns.indices.filter { columns[$0].isVariant } }

  private enum Step: UInt8 { case diagonal, columnOnly, tokenOnly }

  private static func aligning(_ tokens: [Token], as witness: Int, of count: Int, to columns: [Column]) -> [Column] {
    let n = columns.count
    let m = tokens.count
    let width = m + 1
    // Two points for a match; a variant reading in a shared column scores nothing but wins
    // ties, so that "sat"/"lay" share a column instead of standing in two.
    var score = [Int](repeating: 0, count: (n + 1) * width)
    var step = [Step](repeating: .diagonal, count: (n + 1) * width)
    for i in 0...n {
      for j in 0...m where i > 0 || j > 0 {
        var best = Int.min
        var bestStep = Step.diagonal
        if i > 0, j > 0 {
          let matches = columns[i - 1].cells.contains { $0 == tokens[j - 1] }
          best = score[(i - 1) * width + j - 1] + (matches ? 2 : 0)
        }
        if i > 0, score[(i - 1) * width + j] > best {
          best = score[(i - 1) * width + j]
          bestStep = .columnOnly
        }
        if j > 0, score[i * width + j - 1] > best {
          best = score[i * width + j - 1]
          bestStep = .tokenOnly
        }
        score[i * width + j] = best
        step[i * width + j] = bestStep
      }
    }
    var result: [Column] = []
    var i = n
    var j = m
    while i > 0 || j > 0 {
      switch step[i * width + j] {
      case .diagonal:
        var column = columns[i - 1]
        column.cells.append(tokens[j - 1])
        result.append(column)
        i -= 1
        j -= 1
      case .columnOnly:
        var column = columns[i - 1]
        column.cells.append(nil)
        result.append(column)
        i -= 1
      case .tokenOnly:
        var cells = [Token?](repeating: nil, count: witness)
        cells.append(tokens[j - 1])
        result.append(Column(cells: cells))
        j -= 1
      }
    }
    return result.reversed()
  }
}
