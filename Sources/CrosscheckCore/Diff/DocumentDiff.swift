/// The differences between two texts, sentence by sentence: which sentences correspond,
/// which moved, which are only on one side, and inside each pair of corresponding
/// sentences the word-level edit script.
///
/// Small texts are aligned by sentence content (`SentenceAligner`), which follows a
/// paraphrased rewrite. Texts whose alignment table would exceed `alignmentCellLimit` are
/// aligned through a histogram diff of all their tokens instead: sentences linked by enough
/// common tokens form the pairs, which keeps the time near-linear on long texts. Either
/// way, each pair is then diffed with Myers' algorithm, so the word diff inside a pair is
/// minimal (before the display clean-up).
package struct DocumentDiff: Sendable {
  /// One step of the word-level script, with token and byte ranges in both texts.
  package typealias Operation = DiffOperation

  /// A run of text shown one way: kept, removed or added.
  package struct Piece: Sendable, Equatable {
    /// How a run is shown.
    package typealias Kind = DiffRunKind
    /// How this run is shown.
    package var kind: Kind
    /// Its text, white space collapsed.
    package var text: String
  }

  /// A sentence link with its word-level script.
  package struct Segment: Sendable {
    /// Which sentences correspond.
    package var link: SentenceLink
    /// The word script between them, in reading order.
    package var operations: [Operation]
    /// Whether nothing changed in it.
    package var isUnchanged: Bool { link.kind == .aligned && operations.allSatisfy { $0.kind == .equal } }
  }

  /// How the sentences were aligned.
  package enum AlignmentMethod: String, Sendable {
    /// By sentence content, with a dynamic program.
    case sentenceSimilarity = "sentence_similarity"
    /// Through a histogram diff of all the tokens.
    case tokenHistogram = "token_histogram"
  }

  /// Counts for `--stat`.
  package struct Statistics: Sendable, Equatable {
    /// Words of A the minimal scripts delete (replaced words included).
    package var sourceWordsDeleted = 0
    /// Words of B the minimal scripts insert (replacing words included).
    package var targetWordsInserted = 0
    /// Aligned links (a merge or a split counts once).
    package var sentencesAligned = 0
    /// Aligned links with any change.
    package var sentencesChanged = 0
    /// Moved sentences.
    package var sentencesMoved = 0
    /// Sentences of A with no counterpart.
    package var sentencesOnlyInA = 0
    /// Sentences of B with no counterpart.
    package var sentencesOnlyInB = 0
    /// Words deleted plus words inserted.
    package var wordsChanged: Int { sourceWordsDeleted + targetWordsInserted }
  }

  /// Largest sentence alignment table (source sentences × target sentences) the content
  /// aligner fills: 250 sentences a side (about 5,000 words), far more than a news article,
  /// in about 0.1 s. Beyond it the histogram method is much faster and, on texts that long,
  /// the rewrites are edits rather than paraphrases.
  package static let alignmentCellLimit = 62_500
  /// A link between sentences through the histogram diff needs at least this many common
  /// words and this share of the shorter sentence's words, so that a shared "the" does not
  /// join two unrelated sentences.
  static let minimumLinkWords = 2
  static let minimumLinkShare = 0.3

  /// The first text (A).
  package let source: DiffSide
  /// The second text (B).
  package let target: DiffSide
  /// The sentence links with their word scripts, in reading order.
  package let segments: [Segment]
  /// How the sentences were aligned.
  package let method: AlignmentMethod
  /// The counts `--stat` shows.
  package let statistics: Statistics

  /// Diffs two texts.
  /// - Parameters:
  ///   - source: the earlier or first text (A).
  ///   - target: the later or second text (B).
  ///   - ignoring: differences to overlook.
  ///   - cleanUp: whether to rearrange each script for reading (see `EditScript.cleanedUp`);
  ///     false gives the minimal raw scripts.
  ///   - method: force an alignment method; by default it is chosen by size.
  /// - Complexity: O(nm·w) for n and m sentences with the content aligner, about
  ///   O(N log N) in tokens with the histogram one, plus O((N + M)·D) for the word scripts.
  package init(
    from source: DiffSide, to target: DiffSide, ignoring: DiffIgnoring = [], cleanUp: Bool = true,
    method: AlignmentMethod? = nil
  ) {
    self.source = source
    self.target = target
    let vocabulary = DiffVocabulary(source: source, target: target, ignoring: ignoring)
    let chosen = method
      ?? (source.sentences.count * target.sentences.count <= Self.alignmentCellLimit ? .sentenceSimilarity : .tokenHistogram)
    self.method = chosen
    let links: [SentenceLink]
    switch chosen {
    case .sentenceSimilarity:
      func words(_ side: DiffSide, _ ids: [Int32]) -> [[Int32]] {
        side.sentences.map { sentence in sentence.tokens.compactMap { ids[$0] >= 0 && vocabulary.isWord[Int(ids[$0])] ? ids[$0] : nil } }
      }
      links = SentenceAligner().links(source: words(source, vocabulary.sourceIDs), target: words(target, vocabulary.targetIDs))
    case .tokenHistogram:
      links = Self.histogramLinks(source: source, target: target, vocabulary: vocabulary)
    }

    var segments: [Segment] = []
    var statistics = Statistics()
    segments.reserveCapacity(links.count)
    var targetCursor = 0
    var scratch = LocalIDs(vocabularySize: vocabulary.count)
    for link in links {
      let sourceTokens = Self.tokens(of: link.a, in: source)
      let targetTokens = Self.tokens(of: link.b, in: target)
      var operations: [Operation]
      // Words deleted and inserted, from the minimal script (the clean-up for reading
      // folds kept words into changes, which would overstate how much changed).
      var counted: (Int, Int)? = nil
      switch link.kind {
      case .aligned, .movedIn:
        let script = Self.wordScript(
          source: source, sourceTokens: sourceTokens, target: target, targetTokens: targetTokens,
          vocabulary: vocabulary, cleanUp: cleanUp, scratch: &scratch)
        operations = script.operations
        counted = (script.deletedWords, script.insertedWords)
      case .onlyInA, .movedOut:
        // A moved sentence leaves the target's reading order here; its place there is in the link.
        let place = link.kind == .movedOut ? targetCursor : targetTokens.lowerBound
        operations = [Self.operation(.delete, source: source, sourceTokens, target: target, place..<place)]
      case .onlyInB:
        operations = [Self.operation(.insert, source: source, sourceTokens.lowerBound..<sourceTokens.lowerBound, target: target, targetTokens)]
      }
      switch link.kind {
      case .aligned:
        statistics.sentencesAligned += 1
        if operations.contains(where: { $0.kind != .equal }) { statistics.sentencesChanged += 1 }
      case .onlyInA: statistics.sentencesOnlyInA += link.a.count
      case .onlyInB: statistics.sentencesOnlyInB += link.b.count
      case .movedIn: statistics.sentencesMoved += 1
      case .movedOut: break
      }
      if let (deleted, inserted) = counted {
        statistics.sourceWordsDeleted += deleted
        statistics.targetWordsInserted += inserted
      } else if link.kind != .movedOut {
        for operation in operations where operation.kind != .equal {
          statistics.sourceWordsDeleted += source.tokens[operation.sourceTokens].reduce(0) { $0 + ($1.isWordLike ? 1 : 0) }
          statistics.targetWordsInserted += target.tokens[operation.targetTokens].reduce(0) { $0 + ($1.isWordLike ? 1 : 0) }
        }
      }
      if link.kind != .movedOut, let last = operations.last { targetCursor = last.targetTokens.upperBound }
      segments.append(Segment(link: link, operations: operations))
    }
    self.segments = segments
    self.statistics = statistics
  }

  /// Token indices of a range of sentences (empty at the place of the next sentence).
  package static func tokens(of sentences: Range<Int>, in side: DiffSide) -> Range<Int> {
    if sentences.isEmpty {
      let position = sentences.lowerBound < side.sentences.count ? side.sentences[sentences.lowerBound].tokens.lowerBound
        : side.tokens.count
      return position..<position
    }
    return side.sentences[sentences.lowerBound].tokens.lowerBound..<side.sentences[sentences.upperBound - 1].tokens.upperBound
  }

  static func operation(
    _ kind: EditScript.Operation.Kind, source: DiffSide, _ sourceTokens: Range<Int>, target: DiffSide, _ targetTokens: Range<Int>
  ) -> Operation {
    Operation(
      kind: kind, sourceTokens: sourceTokens, targetTokens: targetTokens,
      sourceBytes: source.byteRange(ofTokens: sourceTokens), targetBytes: target.byteRange(ofTokens: targetTokens))
  }

  /// Above this many compared tokens in a pair, Myers' search gets a cost limit.
  static let minimalScriptTokenLimit = 20_000

  /// The word script between two token ranges, in document token indices, with the words
  /// the minimal script deletes and inserts.
  static func wordScript(
    source: DiffSide, sourceTokens: Range<Int>, target: DiffSide, targetTokens: Range<Int>,
    vocabulary: DiffVocabulary, cleanUp: Bool, scratch: inout LocalIDs
  ) -> (operations: [Operation], deletedWords: Int, insertedWords: Int) {
    // Most sentences of a lightly edited text are unchanged: say so without diffing.
    if !sourceTokens.isEmpty, sourceTokens.count == targetTokens.count,
      zip(sourceTokens, targetTokens).allSatisfy({ vocabulary.sourceIDs[$0] >= 0 && vocabulary.sourceIDs[$0] == vocabulary.targetIDs[$1] })
    {
      return ([Self.operation(.equal, source: source, sourceTokens, target: target, targetTokens)], 0, 0)
    }
    let sourcePositions = sourceTokens.filter { vocabulary.sourceIDs[$0] >= 0 }
    let targetPositions = targetTokens.filter { vocabulary.targetIDs[$0] >= 0 }
    // Small dense ids let the engine index its tables directly instead of renumbering
    // through a hash table for every sentence pair.
    let a = sourcePositions.map { scratch.local(vocabulary.sourceIDs[$0]) }
    let b = targetPositions.map { scratch.local(vocabulary.targetIDs[$0]) }
    let kinds = scratch.globalIDs.map { vocabulary.kinds[Int($0)] }
    let isWord = scratch.globalIDs.map { vocabulary.isWord[Int($0)] }
    scratch.reset()
    let algorithm: DiffAlgorithm = a.count + b.count <= minimalScriptTokenLimit ? .myers : .histogram
    let raw = EditScript(from: a, to: b, algorithm: algorithm)
    var deletedWords = 0
    var insertedWords = 0
    for operation in raw.operations where operation.kind != .equal {
      for index in operation.sourceRange where isWord[Int(a[index])] { deletedWords += 1 }
      for index in operation.targetRange where isWord[Int(b[index])] { insertedWords += 1 }
    }
    var script = raw
    if cleanUp {
      let cleaned = raw.cleanedUp(from: a, to: b, kinds: kinds)
      // In a paraphrase the common words are few and far apart, and folding the short
      // runs between changes would hide them all: then the raw script reads better.
      if cleaned.unchangedCount * 2 >= raw.unchangedCount { script = cleaned }
    }
    func tokenRange(_ range: Range<Int>, _ positions: [Int], _ whole: Range<Int>) -> Range<Int> {
      if range.isEmpty {
        let position = range.lowerBound < positions.count ? positions[range.lowerBound] : whole.upperBound
        return position..<position
      }
      return positions[range.lowerBound]..<positions[range.upperBound - 1] + 1
    }
    let operations = script.operations.map { operation in
      Self.operation(
        operation.kind, source: source, tokenRange(operation.sourceRange, sourcePositions, sourceTokens),
        target: target, tokenRange(operation.targetRange, targetPositions, targetTokens))
    }
    return (operations, deletedWords, insertedWords)
  }

  /// Renumbers the ids of one sentence pair densely from 0, reusing one table.
  struct LocalIDs {
    private var localByGlobal: [Int32]
    /// The global id of every local id given since the last reset.
    private(set) var globalIDs: [Int32] = []

    init(vocabularySize: Int) {
      localByGlobal = [Int32](repeating: -1, count: vocabularySize)
    }

    mutating func local(_ id: Int32) -> Int32 {
      let existing = localByGlobal[Int(id)]
      if existing >= 0 { return existing }
      let local = Int32(globalIDs.count)
      localByGlobal[Int(id)] = local
      globalIDs.append(id)
      return local
    }

    /// Forgets the ids given, in time proportional to their number.
    mutating func reset() {
      for id in globalIDs { localByGlobal[Int(id)] = -1 }
      globalIDs.removeAll(keepingCapacity: true)
    }
  }

  /// Sentence links read off a histogram diff of all the tokens: sentences joined by
  /// enough common tokens are aligned (groups of them when the links chain), the rest are
  /// one-sided, and one-sided sentences that are identical become moves.
  /// - Complexity: about O(N log N) for the diff, O(N) for the rest.
  static func histogramLinks(source: DiffSide, target: DiffSide, vocabulary: DiffVocabulary) -> [SentenceLink] {
    // The compared tokens of each side, with the sentence each is in.
    func compared(_ ids: [Int32], _ side: DiffSide) -> (ids: [Int32], sentences: [Int32]) {
      var kept: [Int32] = []
      var sentences: [Int32] = []
      kept.reserveCapacity(ids.count)
      sentences.reserveCapacity(ids.count)
      for (index, sentence) in side.sentences.enumerated() {
        for token in sentence.tokens where ids[token] >= 0 {
          kept.append(ids[token])
          sentences.append(Int32(truncatingIfNeeded: index))
        }
      }
      return (kept, sentences)
    }
    let sourceCompared = compared(vocabulary.sourceIDs, source)
    let targetCompared = compared(vocabulary.targetIDs, target)
    let script = EditScript(from: sourceCompared.ids, to: targetCompared.ids, algorithm: .histogram)

    // Common tokens per (source sentence, target sentence), in order.
    var pairs: [(a: Int, b: Int, count: Int)] = []
    for operation in script.operations where operation.kind == .equal {
      for (x, y) in zip(operation.sourceRange, operation.targetRange) {
        let a = Int(sourceCompared.sentences[x])
        let b = Int(targetCompared.sentences[y])
        guard a >= 0, b >= 0 else { continue }
        if let last = pairs.last, last.a == a, last.b == b {
          pairs[pairs.count - 1].count += 1
        } else {
          pairs.append((a, b, 1))
        }
      }
    }
    func length(_ side: DiffSide, _ sentence: Int) -> Int { side.sentences[sentence].tokens.count }
    let strong = pairs.filter { pair in
      let shorter = min(length(source, pair.a), length(target, pair.b))
      return pair.count >= min(minimumLinkWords, shorter) && Double(pair.count) >= minimumLinkShare * Double(shorter)
    }

    // The diff's matches are in order, so linked sentences form consecutive groups.
    var links: [SentenceLink] = []
    var nextA = 0
    var nextB = 0
    var index = 0
    while index < strong.count {
      var aEnd = strong[index].a + 1
      var bEnd = strong[index].b + 1
      let aStart = max(strong[index].a, nextA)
      let bStart = max(strong[index].b, nextB)
      var end = index + 1
      while end < strong.count, strong[end].a < aEnd || strong[end].b < bEnd {
        aEnd = max(aEnd, strong[end].a + 1)
        bEnd = max(bEnd, strong[end].b + 1)
        end += 1
      }
      index = end
      guard aStart < aEnd, bStart < bEnd else { continue }
      for a in nextA..<aStart { links.append(SentenceLink(.onlyInA, a: a..<a + 1, b: bStart..<bStart)) }
      for b in nextB..<bStart { links.append(SentenceLink(.onlyInB, a: aStart..<aStart, b: b..<b + 1)) }
      links.append(SentenceLink(.aligned, a: aStart..<aEnd, b: bStart..<bEnd, similarity: 1))
      nextA = aEnd
      nextB = bEnd
    }
    for a in nextA..<source.sentences.count { links.append(SentenceLink(.onlyInA, a: a..<a + 1, b: target.sentences.count..<target.sentences.count)) }
    for b in nextB..<target.sentences.count { links.append(SentenceLink(.onlyInB, a: source.sentences.count..<source.sentences.count, b: b..<b + 1)) }

    // Moves: one-sided sentences whose compared tokens are identical.
    var removedByKey: [[Int32]: [Int]] = [:]
    for (index, link) in links.enumerated() where link.kind == .onlyInA {
      let key = source.sentences[link.a.lowerBound].tokens.map { vocabulary.sourceIDs[$0] }
      removedByKey[key, default: []].append(index)
    }
    for (index, link) in links.enumerated() where link.kind == .onlyInB {
      let key = target.sentences[link.b.lowerBound].tokens.map { vocabulary.targetIDs[$0] }
      guard var candidates = removedByKey[key], !candidates.isEmpty else { continue }
      let removed = candidates.removeFirst()
      removedByKey[key] = candidates
      let a = links[removed].a
      links[removed] = SentenceLink(.movedOut, a: a, b: link.b, similarity: 1)
      links[index] = SentenceLink(.movedIn, a: a, b: link.b, similarity: 1)
    }
    markEditedMoves(&links, source: source, target: target, vocabulary: vocabulary)
    return links
  }

  /// A word in more one-sided sentences than this is too common to suggest a move.
  static let maximumMovePostings = 64

  /// Pairs one-sided sentences that moved and were edited too: candidates share a word
  /// that few one-sided sentences have (found through an index of those words, so that
  /// long texts do not compare every pair), and are then weighed as the content aligner does.
  /// - Complexity: about O(k·w) for k one-sided sentences of w words.
  static func markEditedMoves(_ links: inout [SentenceLink], source: DiffSide, target: DiffSide, vocabulary: DiffVocabulary) {
    let removed = links.indices.filter { links[$0].kind == .onlyInA }
    let added = links.indices.filter { links[$0].kind == .onlyInB }
    guard !removed.isEmpty, !added.isEmpty else { return }
    func words(_ side: DiffSide, _ ids: [Int32], _ sentence: Int) -> [Int32] {
      SentenceAligner.set(side.sentences[sentence].tokens.compactMap { ids[$0] >= 0 && vocabulary.isWord[Int(ids[$0])] ? ids[$0] : nil })
    }
    var sourceWords: [Int: [Int32]] = [:]
    var targetWords: [Int: [Int32]] = [:]
    for r in removed { sourceWords[links[r].a.lowerBound] = words(source, vocabulary.sourceIDs, links[r].a.lowerBound) }
    for d in added { targetWords[links[d].b.lowerBound] = words(target, vocabulary.targetIDs, links[d].b.lowerBound) }
    var postings: [Int32: [Int]] = [:]
    for r in removed {
      for id in sourceWords[links[r].a.lowerBound] ?? [] { postings[id, default: []].append(r) }
    }
    var seen = Set<Int>()
    var pairs: [(Int, Int)] = []
    for d in added {
      for id in targetWords[links[d].b.lowerBound] ?? [] {
        guard let list = postings[id], list.count <= maximumMovePostings else { continue }
        for r in list where seen.insert(r * links.count + d).inserted { pairs.append((r, d)) }
      }
    }
    let weights = SentenceAligner.weights(Array(sourceWords.values) + Array(targetWords.values))
    SentenceAligner().markMoves(&links, pairs: pairs) { a, b in
      let x = sourceWords[a] ?? []
      let y = targetWords[b] ?? []
      let total = SentenceAligner.weight(x, weights) + SentenceAligner.weight(y, weights)
      return total > 0 ? 2 * SentenceAligner.sharedWeight(x, y, weights) / total : 0
    }
  }

  /// A segment as runs of kept, deleted and inserted text, for display: kept text and the
  /// spaces between tokens come from the source, inserted text from the target; runs of
  /// white space become one space.
  package func pieces(of segment: Segment) -> [Piece] {
    var pieces: [Piece] = []
    func add(_ kind: Piece.Kind, _ text: String) {
      guard !text.isEmpty else { return }
      if let last = pieces.last, last.kind == kind {
        pieces[pieces.count - 1].text += text
      } else {
        pieces.append(Piece(kind: kind, text: text))
      }
    }
    func gap(_ side: DiffSide, _ range: Range<Int>) -> String {
      guard !range.isEmpty else { return "" }
      return Self.collapsingSpaces(side.string(range))
    }
    var sourceCursor = segment.operations.first?.sourceBytes.lowerBound ?? 0
    var targetCursor = segment.operations.first?.targetBytes.lowerBound ?? 0
    for operation in segment.operations {
      let a = operation.sourceBytes
      let b = operation.targetBytes
      switch operation.kind {
      case .equal:
        add(.same, gap(source, sourceCursor..<a.lowerBound) + source.string(a))
      case .delete:
        add(.same, gap(source, sourceCursor..<a.lowerBound))
        add(.deleted, Self.collapsingSpaces(source.string(a)))
      case .insert:
        add(.same, gap(target, targetCursor..<b.lowerBound))
        add(.inserted, Self.collapsingSpaces(target.string(b)))
      case .replace:
        add(.same, gap(source, sourceCursor..<a.lowerBound))
        add(.deleted, Self.collapsingSpaces(source.string(a)))
        add(.inserted, Self.collapsingSpaces(target.string(b)))
      }
      if operation.kind != .insert { sourceCursor = max(sourceCursor, a.upperBound) }
      targetCursor = max(targetCursor, b.upperBound)
    }
    return pieces
  }

  /// A segment's source and target text, each with its changed runs marked, for side-by-side display.
  package func sides(of segment: Segment) -> (source: [Piece], target: [Piece]) {
    var left: [Piece] = []
    var right: [Piece] = []
    var leftGap = false
    var rightGap = false
    for piece in pieces(of: segment) {
      switch piece.kind {
      case .same:
        Self.append(piece, to: &left, afterGap: leftGap)
        Self.append(piece, to: &right, afterGap: rightGap)
        leftGap = false
        rightGap = false
      case .deleted:
        Self.append(piece, to: &left, afterGap: true)
        rightGap = true
      case .inserted:
        Self.append(piece, to: &right, afterGap: true)
        leftGap = true
      }
    }
    return (left, right)
  }

  /// Appends a piece to one side; where the other side's change was left out (or a change
  /// starts with punctuation), without the doubled space or the space before punctuation
  /// that the shared gap would leave ("held ." → "held.").
  private static func append(_ piece: Piece, to pieces: inout [Piece], afterGap: Bool) {
    var piece = piece
    if afterGap, let last = pieces.last, last.text.hasSuffix(" "),
      let first = piece.text.unicodeScalars.first, first == " " || ",.;:!?”’)".unicodeScalars.contains(first)
    {
      pieces[pieces.count - 1].text.removeLast()
      if pieces[pieces.count - 1].text.isEmpty { pieces.removeLast() }
      if first == " ", pieces.isEmpty { piece.text.removeFirst() }
    }
    if let last = pieces.last, last.kind == piece.kind {
      pieces[pieces.count - 1].text += piece.text
    } else if !piece.text.isEmpty {
      pieces.append(piece)
    }
  }

  static func collapsingSpaces(_ text: String) -> String {
    // Most text has nothing to collapse: single ASCII spaces and no other white space.
    var previousWasSpace = false
    var plain = true
    for byte in text.utf8 {
      if byte >= 0x80 || byte == 0x09 || byte == 0x0A || byte == 0x0D || (byte == 0x20 && previousWasSpace) {
        plain = false
        break
      }
      previousWasSpace = byte == 0x20
    }
    if plain { return text }
    var result = ""
    var inSpace = false
    for scalar in text.unicodeScalars {
      if Characters.isSpace(scalar) {
        if !inSpace { result += " " }
        inSpace = true
      } else {
        result.unicodeScalars.append(scalar)
        inSpace = false
      }
    }
    return result
  }
}
