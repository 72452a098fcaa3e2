// Text reuse across a corpus: which pairs share text, how (copied narrative or quotations
// only), which text looks derived from which, and how much of each source is its own.

/// How two documents relate, judged from their shared passages.
package enum ReuseJudgement: String, Sendable, CaseIterable {
  /// No passage of `ReuseAnalysis.minimumWords` or more.
  case independent
  /// Long shared passages, but only inside quotation marks: both quote the same speaker.
  case quotesOnly = "shares quotes only"
  /// Shared narrative passages: one copied the other, or both copied a common source.
  case reuse = "shares text"
}

/// A hint of which document was derived from which, with the evidence.
package struct DerivationHint: Sendable, Equatable {
  /// The document that looks derived (a corpus position), or nil when both look derived
  /// from a common source or the evidence disagrees.
  package var derived: Int?
  /// The document it looks derived from.
  package var source: Int?
  /// A sentence saying what the evidence shows.
  package var reason: String
}

/// A shared passage with offsets into both documents' original text.
package struct PassageSpan: Sendable, Equatable {
  /// The passage in word positions, with its matched words.
  package var words: SharedPassage
  /// Byte range in the first document.
  package var aBytes: Range<Int>
  /// Byte range in the second document.
  package var bBytes: Range<Int>
  /// Whether most of the passage's words are quoted, in each document.
  package var quotedInA: Bool
  package var quotedInB: Bool

  /// Quoted in either document: a quotation two outlets share rather than copied narrative.
  package var isQuotation: Bool { quotedInA || quotedInB }
}

/// Two documents' comparison.
package struct PairComparison: Sendable {
  /// Corpus position of the first document.
  package var a: Int
  /// Corpus position of the second document (`a < b`).
  package var b: Int
  /// Exact Jaccard and containment.
  package var score: SimilarityScore
  /// Passages of at least `ReuseAnalysis.minimumPassageWords`, in order of position in `a`.
  package var passages: [PassageSpan]
  /// How the two relate.
  package var judgement: ReuseJudgement
  /// Which looks derived from which, for pairs that share text.
  package var hint: DerivationHint?

  /// Whether one document is nearly all in the other (a near-duplicate, not just a shared passage).
  package var isNearDuplicate: Bool {
    judgement == .reuse && max(score.containmentAInB, score.containmentBInA) >= ReuseAnalysis.nearDuplicateContainment
  }
}

/// One document's lineage: how much of its body is its own and how much it shares.
package struct Lineage: Sendable {
  /// Corpus position of the document.
  package var document: Int
  /// Words in its body.
  package var words: Int
  /// Words in a passage shared with any other document.
  package var sharedWords: Int
  /// Words shared with documents of the same outlet.
  package var sameOutletWords: Int
  /// Words shared with documents of other (or unknown) outlets.
  package var otherOutletWords: Int
  /// Words shared with each other document, most first.
  package var sharedWith: [(document: Int, words: Int)]
  /// Sentences (indices into `document.sentences`) that no other document has.
  package var uniqueSentences: [Int]

  /// The share of its words found in no other document.
  package var originalShare: Double { words == 0 ? 1 : Double(words - sharedWords) / Double(words) }
}

/// The comparison of a whole corpus.
package struct ReuseAnalysis: Sendable {
  /// Fewest matched words for a passage to be reported (one shingle).
  package static let minimumPassageWords = Fingerprint.shingleLength
  /// Fewest matched words in one passage for a pair to count as sharing text: longer than
  /// the stock phrases and names independent reports share ("The state Dam Safety Board",
  /// 5 words; "Ukraine is closer to NATO than ever", 7), shorter than a copied sentence.
  package static let minimumWords = 10
  /// Fewest matched words for a passage to count in lineage and unique content.
  package static let lineageMinimumWords = 8
  /// A sentence with at least this share of its words in shared passages is not unique.
  package static let sharedSentenceShare = 0.5
  /// Containment must be this many times larger one way than the other to suggest a direction.
  package static let asymmetryRatio = 1.15
  /// Containment from which the contained document is called a near-duplicate: an edited
  /// copy keeps most of its shingles, a rewrite that shares passages keeps far fewer.
  package static let nearDuplicateContainment = 0.8
  /// Below this containment in both directions, a common source is as likely as copying.
  package static let commonSourceContainment = 0.25

  /// The documents compared, in corpus order.
  package let documents: [Document]
  /// Their shingles, by corpus position.
  package let fingerprints: [Fingerprint]
  /// How candidate pairs were found.
  package let method: CandidateMethod
  /// The pairs that share at least one shingle, sorted by corpus position.
  package let pairs: [PairComparison]

  /// Compares every related pair of `documents`.
  /// - Parameter method: forces a candidate method; by default it follows the corpus size
  ///   (`CandidateFinder.exactLimit`).
  package init(_ documents: [Document], method: CandidateMethod? = nil) {
    // Never cancelled, so never nil.
    self.init(documents, method: method, isCancelled: { false })!
  }

  /// Compares every related pair of `documents`, giving up between stages and pairs once
  /// `isCancelled` returns true (Ctrl-C).
  /// - Returns: nil when cancelled.
  package init?(_ documents: [Document], method: CandidateMethod? = nil, isCancelled: @escaping @Sendable () -> Bool) {
    self.documents = documents
    let fingerprints = parallelMap(documents) { isCancelled() ? Fingerprint(words: [], wordHashes: []) : Fingerprint($0) }
    self.fingerprints = fingerprints
    let finder = CandidateFinder(documentCount: documents.count, method: method)
    self.method = finder.method
    guard !isCancelled() else { return nil }
    let scored = finder.pairs(fingerprints)
    guard !isCancelled() else { return nil }
    let quoted = parallelMap(Array(documents.indices)) { QuotedWords.flags(documents[$0], fingerprints[$0]) }
    let compared = parallelMap(scored) { pair in
      isCancelled() ? nil : Self.compare(pair, documents: documents, fingerprints: fingerprints, quoted: quoted)
    }
    var pairs = compared.compactMap { $0 }
    guard pairs.count == compared.count, !isCancelled() else { return nil }
    Self.addHints(&pairs, documents: documents)
    self.pairs = pairs
  }

  /// The comparison of two documents (positions), if they share any shingle.
  package func pair(_ a: Int, _ b: Int) -> PairComparison? {
    let (x, y) = a < b ? (a, b) : (b, a)
    return pairs.first { $0.a == x && $0.b == y }
  }

  static func compare(_ pair: ScoredPair, documents: [Document], fingerprints: [Fingerprint], quoted: [[Bool]]) -> PairComparison {
    let fa = fingerprints[pair.a]
    let fb = fingerprints[pair.b]
    let da = documents[pair.a]
    let db = documents[pair.b]
    let found = PassageFinder().passages(fa, fb).filter { $0.matched >= minimumPassageWords }
    var spans: [PassageSpan] = []
    for passage in found {
      func bytes(_ document: Document, _ fingerprint: Fingerprint, _ words: Range<Int>) -> Range<Int> {
        let first = document.tokens[Int(fingerprint.words[words.lowerBound])]
        let last = document.tokens[Int(fingerprint.words[words.upperBound - 1])]
        return Int(first.start)..<Int(last.end)
      }
      func mostlyQuoted(_ flags: [Bool], _ words: Range<Int>) -> Bool {
        flags[words].filter { $0 }.count * 2 > words.count
      }
      spans.append(PassageSpan(
        words: passage, aBytes: bytes(da, fa, passage.a), bBytes: bytes(db, fb, passage.b),
        quotedInA: mostlyQuoted(quoted[pair.a], passage.a), quotedInB: mostlyQuoted(quoted[pair.b], passage.b)))
    }
    spans.sort { $0.aBytes.lowerBound < $1.aBytes.lowerBound }
    let long = spans.filter { $0.words.matched >= minimumWords }
    let judgement: ReuseJudgement =
      long.contains { !$0.isQuotation } ? .reuse : long.isEmpty ? .independent : .quotesOnly
    return PairComparison(a: pair.a, b: pair.b, score: pair.score, passages: spans, judgement: judgement, hint: nil)
  }

  /// Derivation hints for the pairs that share text: containment asymmetry, dates and wire
  /// datelines vote for a direction; two documents that both look derived from a third are
  /// reported as siblings.
  static func addHints(_ pairs: inout [PairComparison], documents: [Document]) {
    let agencies = documents.map(Self.datelineAgency)
    for index in pairs.indices where pairs[index].judgement == .reuse {
      pairs[index].hint = directHint(pairs[index], documents: documents, agencies: agencies)
    }
    // Siblings: A and B both derived from the same C.
    var sourcesOf: [Int: Set<Int>] = [:]
    for pair in pairs {
      if let derived = pair.hint?.derived, let source = pair.hint?.source { sourcesOf[derived, default: []].insert(source) }
    }
    for index in pairs.indices where pairs[index].judgement == .reuse {
      let pair = pairs[index]
      let common = (sourcesOf[pair.a] ?? []).intersection(sourcesOf[pair.b] ?? []).sorted()
      guard let source = common.first else { continue }
      pairs[index].hint = DerivationHint(
        derived: nil, source: source,
        reason: "both look derived from \(documents[source].id): each shares text with it and is the likelier copy there")
    }
  }

  /// The agency of a wire dateline opening the body ("Nov. 14 (Coastwire) —"), if any.
  static func datelineAgency(_ document: Document) -> String? {
    guard let first = document.paragraphs.first else { return nil }
    return MetadataInference.datelineAgency(in: document.string(first.range))?.0
  }

  static func directHint(_ pair: PairComparison, documents: [Document], agencies: [String?]) -> DerivationHint {
    let a = documents[pair.a]
    let b = documents[pair.b]
    var votes = 0  // > 0: b derived from a; < 0: a derived from b
    var evidence: [String] = []
    let inA = pair.score.containmentBInA  // share of b's text found in a
    let inB = pair.score.containmentAInB  // share of a's text found in b
    func percent(_ value: Double) -> String { String(Int((value * 100).rounded())) + "%" }
    if inA >= inB * asymmetryRatio, inA - inB >= 0.02 {
      votes += 1
      evidence.append("\(percent(inA)) of \(b.id)'s shingles are in \(a.id), \(percent(inB)) the other way")
    } else if inB >= inA * asymmetryRatio, inB - inA >= 0.02 {
      votes -= 1
      evidence.append("\(percent(inB)) of \(a.id)'s shingles are in \(b.id), \(percent(inA)) the other way")
    } else {
      evidence.append("containment is about even (\(percent(inB)) and \(percent(inA)))")
    }
    if let dateA = a.metadata.date?.value, let dateB = b.metadata.date?.value, dateA.count >= 10, dateB.count >= 10,
      dateA.prefix(10) != dateB.prefix(10), dateA.first?.isNumber == true, dateB.first?.isNumber == true
    {
      let earlierA = dateA.prefix(10) < dateB.prefix(10)
      votes += earlierA ? 1 : -1
      evidence.append("\(earlierA ? a.id : b.id) is dated earlier (\(earlierA ? dateA : dateB) against \(earlierA ? dateB : dateA))")
    }
    switch (agencies[pair.a], agencies[pair.b]) {
    case (let agency?, nil):
      votes += 1
      evidence.append("\(a.id) carries a wire dateline (\(agency))")
    case (nil, let agency?):
      votes -= 1
      evidence.append("\(b.id) carries a wire dateline (\(agency))")
    default:
      break
    }
    if sameOutlet(a, b), let outlet = a.metadata.outlet?.value {
      evidence.insert("same outlet (\(outlet)): an update or a republication", at: 0)
    }
    let reasons = evidence.joined(separator: "; ")
    guard votes != 0 else {
      return DerivationHint(derived: nil, source: nil, reason: "direction unclear: " + reasons)
    }
    let (derived, source) = votes > 0 ? (pair.b, pair.a) : (pair.a, pair.b)
    var reason = "\(documents[derived].id) looks derived from \(documents[source].id): " + reasons
    if max(inA, inB) < commonSourceContainment {
      reason += "; the shared text is a small part of both, so both may rewrite a common source"
    }
    return DerivationHint(derived: derived, source: source, reason: reason)
  }

  /// Each document's lineage: shared and original words, by outlet, and unique sentences.
  package func lineage() -> [Lineage] {
    var covered = fingerprints.map { [Bool](repeating: false, count: $0.words.count) }
    var sameOutlet = covered
    var otherOutlet = covered
    var perOther = [[Int: Int]](repeating: [:], count: documents.count)
    for pair in pairs {
      let same = Self.sameOutlet(documents[pair.a], documents[pair.b])
      var wordsA = 0
      var wordsB = 0
      var seenA = [Bool](repeating: false, count: fingerprints[pair.a].words.count)
      var seenB = [Bool](repeating: false, count: fingerprints[pair.b].words.count)
      for passage in pair.passages where passage.words.matched >= Self.lineageMinimumWords {
        for word in passage.words.a where !seenA[word] {
          seenA[word] = true
          wordsA += 1
          covered[pair.a][word] = true
          if same { sameOutlet[pair.a][word] = true } else { otherOutlet[pair.a][word] = true }
        }
        for word in passage.words.b where !seenB[word] {
          seenB[word] = true
          wordsB += 1
          covered[pair.b][word] = true
          if same { sameOutlet[pair.b][word] = true } else { otherOutlet[pair.b][word] = true }
        }
      }
      if wordsA > 0 { perOther[pair.a][pair.b] = wordsA }
      if wordsB > 0 { perOther[pair.b][pair.a] = wordsB }
    }
    return documents.indices.map { index in
      let unique = uniqueSentences(index, covered: covered[index])
      let others = perOther[index].map { (document: $0.key, words: $0.value) }
        .sorted { $0.words != $1.words ? $0.words > $1.words : $0.document < $1.document }
      return Lineage(
        document: index, words: fingerprints[index].words.count, sharedWords: covered[index].filter { $0 }.count,
        sameOutletWords: sameOutlet[index].filter { $0 }.count, otherOutletWords: otherOutlet[index].filter { $0 }.count,
        sharedWith: others, uniqueSentences: unique)
    }
  }

  /// The sentences of document `index` with less than half their words covered.
  func uniqueSentences(_ index: Int, covered: [Bool]) -> [Int] {
    let document = documents[index]
    let fingerprint = fingerprints[index]
    // Token index to word position (-1: not a shingled word), as an array: a dictionary
    // here cost more than the rest of lineage on a large corpus.
    var wordOfToken = [Int32](repeating: -1, count: document.tokens.count)
    for (position, token) in fingerprint.words.enumerated() where Int(token) < wordOfToken.count {
      wordOfToken[Int(token)] = Int32(position)
    }
    var unique: [Int] = []
    for (number, sentence) in document.sentences.enumerated() {
      var words = 0
      var shared = 0
      for token in sentence.tokens where token < wordOfToken.count && wordOfToken[token] >= 0 {
        words += 1
        if covered[Int(wordOfToken[token])] { shared += 1 }
      }
      if words > 0, Double(shared) < Double(words) * Self.sharedSentenceShare { unique.append(number) }
    }
    return unique
  }

  /// The sentences of each document of a pair that the other lacks.
  package func uniqueSentences(in pair: PairComparison) -> (a: [Int], b: [Int]) {
    var coveredA = [Bool](repeating: false, count: fingerprints[pair.a].words.count)
    var coveredB = [Bool](repeating: false, count: fingerprints[pair.b].words.count)
    for passage in pair.passages where passage.words.matched >= Self.lineageMinimumWords {
      for word in passage.words.a { coveredA[word] = true }
      for word in passage.words.b { coveredB[word] = true }
    }
    return (uniqueSentences(pair.a, covered: coveredA), uniqueSentences(pair.b, covered: coveredB))
  }

  /// The comparison of two documents, whether or not they share anything.
  package func comparison(_ a: Int, _ b: Int) -> PairComparison {
    let (x, y) = a < b ? (a, b) : (b, a)
    if let found = pair(x, y) { return found }
    return PairComparison(
      a: x, b: y, score: SimilarityScore(shared: 0, countA: fingerprints[x].set.count, countB: fingerprints[y].set.count),
      passages: [], judgement: .independent, hint: nil)
  }

  /// Whether two documents come from one known outlet.
  package static func sameOutlet(_ a: Document, _ b: Document) -> Bool {
    guard let x = a.metadata.outlet?.value, let y = b.metadata.outlet?.value else { return false }
    return x.lowercased() == y.lowercased()
  }

  /// Groups of documents linked by shared text (connected components), largest first, each
  /// in corpus order; documents sharing text with no other are left out.
  package func clusters() -> [[Int]] {
    var parent = Array(documents.indices)
    func root(_ x: Int) -> Int {
      var x = x
      while parent[x] != x {
        parent[x] = parent[parent[x]]
        x = parent[x]
      }
      return x
    }
    for pair in pairs where pair.judgement == .reuse {
      let (x, y) = (root(pair.a), root(pair.b))
      if x != y { parent[max(x, y)] = min(x, y) }
    }
    var groups: [Int: [Int]] = [:]
    for index in documents.indices { groups[root(index), default: []].append(index) }
    return groups.values.filter { $0.count > 1 }.sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
  }
}
