import Foundation

/// How an occurrence renders its group's fullest text.
package enum QuoteVariant: String, Sendable, CaseIterable {
  /// The same text.
  case verbatim
  /// The same words; punctuation or capitals differ.
  case punctuation
  /// A part of the words, in the same order.
  case trimmed
  /// Words changed, added or reordered.
  case reworded
}

/// One quotation in one document, attributed and grouped.
package struct QuoteOccurrence: Sendable, Equatable {
  /// `q1`, `q2`, … in corpus order (document order, then offset).
  package var id: String
  package var document: Int
  package var documentID: String
  /// Code point offsets of the quoted words in the document's text.
  package var start: Int
  package var end: Int
  package var text: String
  package var quote: AttributedQuote
  /// Index into `QuoteAnalysis.speakers`, when the speaker is known.
  package var speaker: Int?
  /// Index into `QuoteAnalysis.groups`.
  package var group: Int
  package var variant: QuoteVariant
  /// Whether the speaker differs from the group's speaker.
  package var misattributed: Bool
  /// Index of the occurrence this one is nested in.
  package var nestedIn: Int?
  /// Normalized words (lower-cased, punctuation dropped).
  package var words: [String]

  package var kind: QuoteKind { quote.kind }
  package var attribution: Attribution? { quote.attribution }

  /// The variant label, with `misattributed` added when it applies.
  package var variantLabel: String { misattributed ? "\(variant.rawValue); misattributed" : variant.rawValue }
}

/// Occurrences of one utterance across the corpus.
package struct QuoteGroup: Sendable, Equatable {
  /// `Q1`, `Q2`, … in order of first appearance.
  package var id: String
  /// Occurrence indices, in corpus order.
  package var members: [Int]
  /// The fullest rendering.
  package var canonical: Int
  /// The speaker most occurrences credit.
  package var speaker: Int?
}

/// A speaker with the quotations credited to them.
package struct SpeakerSummary: Sendable, Equatable {
  /// `S1`, `S2`, … in order of first quotation.
  package var id: String
  package var speaker: CanonicalSpeaker
  /// Occurrence indices.
  package var quotes: [Int]
}

/// Quotations, speakers and quote groups of a whole corpus.
///
/// Per document: quote spans (`QuoteExtractor`), people (`DocumentPeople`) and
/// attributions (`SpeakerAttributor`). Across documents: one canonical person per real
/// person (`SpeakerDirectory`), and groups of occurrences of one utterance.
///
/// Grouping compares word bigrams of normalized tokens (single words for one-word quotes):
/// an occurrence may join a group holding an earlier occurrence whose containment (shared
/// bigrams over the smaller set) reaches `joinThreshold`, and joins the one it shares the
/// most bigrams with, so a trimmed, spliced or lightly reworded rendering joins the
/// utterance it carries most of.
/// A nested quotation joins its outer quotation's group. Groups of the same speaker in other
/// sources that say one thing in other words then join by their content words
/// (`mergeParaphrases`). Candidates come from an inverted
/// index of bigrams, so the cost grows with the number of shared bigrams, not pairs.
/// Containment over shingles is Broder's measure ("On the resemblance and containment of
/// documents", 1997), here over word bigrams because quotations are short.
package struct QuoteAnalysis: Sendable {
  package internal(set) var occurrences: [QuoteOccurrence] = []
  package internal(set) var groups: [QuoteGroup] = []
  package internal(set) var speakers: [SpeakerSummary] = []

  /// Shared bigrams over the smaller set needed to join a group.
  static let joinThreshold = 0.5
  /// Bigrams found in more occurrences than this are too common to suggest candidates.
  static let commonShingleLimit = 200

  /// Analyses every document of `corpus`.
  package init(corpus: Corpus) {
    self.init(documents: corpus.documents)
  }

  /// Analyses `documents`, in order.
  package init(documents: [Document]) {
    var perDocument: [[AttributedQuote]] = []
    var people: [DocumentPeople] = []
    for document in documents {
      let (quotes, documentPeople) = Self.quotes(in: document)
      perDocument.append(quotes)
      people.append(documentPeople)
    }
    self.init(documents: documents, quotes: perDocument, people: people)
  }

  /// The cross-document part: speakers across the corpus, ids and quote groups, from each
  /// document's attributed quotes and people (as `quotes(in:)` gives them).
  package init(documents: [Document], quotes perDocument: [[AttributedQuote]], people: [DocumentPeople]) {
    let speaking = perDocument.map { quotes in Set(quotes.compactMap { $0.attribution?.person }) }
    let directory = SpeakerDirectory(people.map(\.people), speaking: speaking)
    for (documentIndex, document) in documents.enumerated() {
      let base = occurrences.count
      for quote in perDocument[documentIndex] {
        let range = document.scalarRange(quote.span.range)
        let speaker = quote.attribution?.person.map { directory.members[documentIndex][$0] }
        occurrences.append(QuoteOccurrence(
          id: "q\(occurrences.count + 1)", document: documentIndex, documentID: document.id, start: range.lowerBound,
          end: range.upperBound, text: document.string(quote.span.range), quote: quote, speaker: speaker, group: 0,
          variant: .verbatim, misattributed: false, nestedIn: quote.span.parent.map { base + $0 },
          words: Self.normalizedWords(document.string(quote.span.range))))
      }
    }
    groupOccurrences()
    summarizeSpeakers(directory)
  }

  /// The attributed quotations of one document and the people it names.
  package static func quotes(in document: Document) -> ([AttributedQuote], DocumentPeople) {
    let text = QuoteText(document)
    let spans = QuoteExtractor().quotes(in: text)
    var documentPeople = DocumentPeople(text)
    let quotes = SpeakerAttributor().attribute(spans, in: text, people: &documentPeople)
    return (quotes, documentPeople)
  }

  /// Lower-cased words and numbers, apostrophes folded, punctuation dropped.
  package static func normalizedWords(_ text: String) -> [String] {
    var words: [String] = []
    var current = String.UnicodeScalarView()
    func flush() {
      guard !current.isEmpty else { return }
      if current.last == "'" { current.removeLast() }
      words.append(String(current))
      current = String.UnicodeScalarView()
    }
    for scalar in text.unicodeScalars {
      if scalar.isASCII {
        let value = scalar.value
        if value >= 0x41 && value <= 0x5A {
          current.append(Unicode.Scalar(value + 0x20)!)  // an ASCII capital's lower case is ASCII
        } else if (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39) {
          current.append(scalar)
        } else if scalar == "'", !current.isEmpty {
          current.append("'")
        } else {
          flush()
        }
      } else if Characters.isLetter(scalar) || Characters.isDigit(scalar) {
        current.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
      } else if Characters.isApostrophe(scalar), !current.isEmpty {
        current.append("'")
      } else {
        flush()
      }
    }
    flush()
    return words
  }

  // MARK: Grouping

  private static func shingles(_ words: [String]) -> Set<UInt64> {
    let keys = words.map(QuoteLexicon.key)
    guard keys.count > 1 else { return Set(keys) }
    var result = Set<UInt64>()
    for index in 0..<(keys.count - 1) { result.insert(keys[index] &* 31 ^ (keys[index + 1] &+ 0x9E37_79B9_7F4A_7C15)) }
    return result
  }

  private mutating func groupOccurrences() {
    var shingleCounts: [Int] = []
    shingleCounts.reserveCapacity(occurrences.count)
    // The inverted index as linked lists in flat arrays: for each shingle the last posting
    // and how many there are; each posting its occurrence and the previous posting.
    var heads: [UInt64: (last: Int32, count: Int32)] = [:]
    heads.reserveCapacity(occurrences.count * 8)
    var postingOccurrence: [Int32] = []
    var postingPrevious: [Int32] = []
    var groupOf = [Int](repeating: -1, count: occurrences.count)
    var shared = [Int32](repeating: 0, count: occurrences.count)
    var touched: [Int] = []
    for (position, occurrence) in occurrences.enumerated() {
      let shingles = Self.shingles(occurrence.words)
      shingleCounts.append(shingles.count)
      if let parent = occurrence.nestedIn, groupOf[parent] >= 0 {
        groupOf[position] = groupOf[parent]
        groups[groupOf[parent]].members.append(position)
        continue
      }
      touched.removeAll(keepingCapacity: true)
      for shingle in shingles {
        guard let head = heads[shingle], head.count <= Self.commonShingleLimit else { continue }
        var posting = head.last
        while posting >= 0 {
          let holder = Int(postingOccurrence[Int(posting)])
          if shared[holder] == 0 { touched.append(holder) }
          shared[holder] += 1
          posting = postingPrevious[Int(posting)]
        }
      }
      touched.sort()
      var best: (group: Int, score: Double, shared: Int)? = nil
      for holder in touched {
        let count = Int(shared[holder])
        shared[holder] = 0
        let smaller = min(shingles.count, shingleCounts[holder])
        guard smaller > 0 else { continue }
        // One shared bigram is enough only between short quotations.
        if count < 2 && smaller > 2 { continue }
        let score = Double(count) / Double(smaller)
        guard score >= Self.joinThreshold else { continue }
        let group = groupOf[holder]
        // The most shared words wins, so a spliced rendering joins the utterance it carries most of.
        if best.map({ count > $0.shared || (count == $0.shared && score > $0.score) }) ?? true { best = (group, score, count) }
      }
      if let best {
        groupOf[position] = best.group
        groups[best.group].members.append(position)
      } else {
        groupOf[position] = groups.count
        groups.append(QuoteGroup(id: "Q\(groups.count + 1)", members: [position], canonical: position, speaker: nil))
      }
      for shingle in shingles {
        let head = heads[shingle]
        postingOccurrence.append(Int32(position))
        postingPrevious.append(head?.last ?? -1)
        heads[shingle] = (Int32(postingOccurrence.count - 1), (head?.count ?? 0) + 1)
      }
    }
    mergeParaphrases()
    for groupIndex in groups.indices {
      var group = groups[groupIndex]
      group.members.sort()
      var canonical = group.members[0]
      for member in group.members where occurrences[member].words.count > occurrences[canonical].words.count {
        canonical = member
      }
      group.canonical = canonical
      var votes: [Int: Int] = [:]
      for member in group.members { if let speaker = occurrences[member].speaker { votes[speaker, default: 0] += 1 } }
      let top = votes.values.max()
      group.speaker = top.flatMap { top in
        occurrences[canonical].speaker.flatMap { votes[$0] == top ? $0 : nil }
          ?? group.members.compactMap { occurrences[$0].speaker }.first { votes[$0] == top }
      }
      groups[groupIndex] = group
      for member in group.members {
        occurrences[member].group = groupIndex
        occurrences[member].variant = Self.variant(of: occurrences[member], against: occurrences[canonical])
        if let speaker = occurrences[member].speaker, let groupSpeaker = group.speaker, speaker != groupSpeaker {
          occurrences[member].misattributed = true
        }
      }
    }
  }

  /// Weighted share of content words (Dice's coefficient) two renderings must have in common
  /// to be one utterance said in other words.
  static let paraphraseThreshold = 0.35
  /// Content words two renderings must share, at least: two short quotations of one speaker
  /// on one story easily share two.
  static let paraphraseWords = 3
  /// Letters two words must share from their start to count as one word ("permission" and
  /// "permissions", "forgotten" and "forgot").
  static let stemLength = 5

  /// Words that carry no content, left out when renderings are compared for their meaning.
  static let functionWords: Set<String> = [
    "a", "an", "the", "and", "or", "but", "to", "of", "in", "on", "for", "with", "at", "by", "from", "is", "are",
    "was", "were", "be", "been", "being", "it", "it's", "this", "that", "these", "those", "we", "you", "he", "she",
    "they", "i", "our", "your", "their", "my", "his", "her", "its", "not", "no", "will", "would", "can", "could",
    "should", "has", "have", "had", "do", "does", "did", "there", "here", "so", "as", "if", "than", "then", "what",
    "which", "who", "all", "any", "just", "very", "more", "most", "about", "into", "out", "up", "us", "me", "them",
    "him", "one", "also", "only", "even", "because", "while", "when", "how", "we're", "we've", "i'm", "i'd",
    "don't", "didn't", "isn't", "wasn't", "won't", "can't", "wouldn't", "that's", "there's", "let", "get", "got",
    "make", "made", "take", "taken", "say", "said", "think", "way", "now", "going",
  ]

  /// Joins groups that render one utterance in other words — paraphrased, shortened or
  /// translated differently — and so share few bigrams: the same speaker, different
  /// sources, at least `paraphraseWords` content words in common, and a weighted Dice
  /// coefficient of content words of at least `paraphraseThreshold`. Words are weighed by rarity among the corpus's quotations (inverse
  /// document frequency), so that a story's common words ("Ukraine", "NATO") join nothing
  /// alone. A group joins an earlier one only when it has no source in common with it: one
  /// article quoting the same person twice reports two utterances.
  /// - Complexity: O(g²) comparisons within each speaker's groups, for g groups per speaker.
  private mutating func mergeParaphrases() {
    func stem(_ word: String) -> String { String(word.prefix(Self.stemLength)) }
    let contents: [Set<String>] = occurrences.map { occurrence in
      Set(occurrence.words.filter { !Self.functionWords.contains($0) && $0.count > 2 && !$0.allSatisfy(\.isNumber) }.map(stem))
    }
    var frequency: [String: Int] = [:]
    for content in contents { for word in content { frequency[word, default: 0] += 1 } }
    let total = Double(max(occurrences.count, 1))
    func weight(_ word: String) -> Double { log(1 + total / Double(frequency[word] ?? 1)) }
    func similarity(_ a: Set<String>, _ b: Set<String>) -> (score: Double, shared: Int) {
      let shared = a.intersection(b)
      let both = a.reduce(0) { $0 + weight($1) } + b.reduce(0) { $0 + weight($1) }
      guard both > 0 else { return (0, 0) }
      return (2 * shared.reduce(0) { $0 + weight($1) } / both, shared.count)
    }
    func speaker(of group: QuoteGroup) -> Int? {
      let speakers = Set(group.members.compactMap { occurrences[$0].speaker })
      return speakers.count == 1 ? speakers.first : nil
    }
    var merged = [Bool](repeating: false, count: groups.count)
    var bySpeaker: [Int: [Int]] = [:]
    for index in groups.indices {
      guard let who = speaker(of: groups[index]), groups[index].members.allSatisfy({ occurrences[$0].kind == .direct }) else { continue }
      let documents = Set(groups[index].members.map { occurrences[$0].document })
      var best: (group: Int, score: Double)? = nil
      for earlier in bySpeaker[who] ?? [] where !merged[earlier] {
        guard groups[earlier].members.allSatisfy({ !documents.contains(occurrences[$0].document) }) else { continue }
        for member in groups[index].members {
          for other in groups[earlier].members {
            let (score, shared) = similarity(contents[member], contents[other])
            if shared >= Self.paraphraseWords, score >= Self.paraphraseThreshold, score > (best?.score ?? 0) { best = (earlier, score) }
          }
        }
      }
      if let best {
        groups[best.group].members += groups[index].members
        merged[index] = true
      } else {
        bySpeaker[who, default: []].append(index)
      }
    }
    guard merged.contains(true) else { return }
    groups = groups.indices.filter { !merged[$0] }.map { groups[$0] }
    for index in groups.indices { groups[index].id = "Q\(index + 1)" }
  }

  /// How `member` renders `canonical`.
  package static func variant(of member: QuoteOccurrence, against canonical: QuoteOccurrence) -> QuoteVariant {
    if member.text == canonical.text { return .verbatim }
    if member.words == canonical.words { return .punctuation }
    let words = member.words
    let full = canonical.words
    if !words.isEmpty, words.count < full.count {
      for start in 0...(full.count - words.count) where full[start] == words[0] {
        if Array(full[start..<start + words.count]) == words { return .trimmed }
      }
    }
    return .reworded
  }

  private mutating func summarizeSpeakers(_ directory: SpeakerDirectory) {
    var order: [Int: Int] = [:]
    for (position, occurrence) in occurrences.enumerated() {
      guard let speaker = occurrence.speaker else { continue }
      if order[speaker] == nil {
        order[speaker] = speakers.count
        speakers.append(SpeakerSummary(id: "S\(speakers.count + 1)", speaker: directory.speakers[speaker], quotes: []))
      }
      speakers[order[speaker]!].quotes.append(position)  // set just above
    }
    // Occurrences point at summaries from here on.
    for position in occurrences.indices {
      occurrences[position].speaker = occurrences[position].speaker.flatMap { order[$0] }
    }
    for index in groups.indices { groups[index].speaker = groups[index].speaker.flatMap { order[$0] } }
  }
}
