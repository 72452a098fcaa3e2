extension QuoteAnalysis {
  /// Rebuilds the quote analysis of a corpus from what a saved session keeps, without
  /// extracting, attributing or grouping again.
  ///
  /// The values must be the ones `init(documents:)` gave for the same corpus. A group's
  /// members and a speaker's quotations are not kept apart: they are the occurrences that
  /// name the group or the speaker, in corpus order, as grouping leaves them.
  /// - Parameters:
  ///   - occurrences: every occurrence, in corpus order.
  ///   - groups: each group's id, its canonical occurrence and its speaker (a speaker index).
  ///   - speakers: each speaker's id and canonical person.
  package init(
    restoring occurrences: [QuoteOccurrence], groups: [(id: String, canonical: Int, speaker: Int?)],
    speakers: [(id: String, speaker: CanonicalSpeaker)]
  ) {
    self.init()
    self.occurrences = occurrences
    self.groups = groups.map { QuoteGroup(id: $0.id, members: [], canonical: $0.canonical, speaker: $0.speaker) }
    self.speakers = speakers.map { SpeakerSummary(id: $0.id, speaker: $0.speaker, quotes: []) }
    for (position, occurrence) in occurrences.enumerated() {
      if self.groups.indices.contains(occurrence.group) { self.groups[occurrence.group].members.append(position) }
      if let speaker = occurrence.speaker, self.speakers.indices.contains(speaker) {
        self.speakers[speaker].quotes.append(position)
      }
    }
  }

  /// An empty analysis, filled in by the restoring initializer.
  private init() {}
}

extension QuoteOccurrence {
  /// Rebuilds an occurrence as a saved session keeps it; its normalized words are worked
  /// out again from its text.
  package init(
    restoringID id: String, document: Int, documentID: String, start: Int, end: Int, text: String, quote: AttributedQuote,
    speaker: Int?, group: Int, variant: QuoteVariant, misattributed: Bool, nestedIn: Int?
  ) {
    self.init(
      id: id, document: document, documentID: documentID, start: start, end: end, text: text, quote: quote,
      speaker: speaker, group: group, variant: variant, misattributed: misattributed, nestedIn: nestedIn,
      words: QuoteAnalysis.normalizedWords(text))
  }
}

extension AttributedQuote {
  /// Rebuilds an attributed quotation as a saved session keeps it.
  package init(restoringSpan span: QuoteSpan, kind: QuoteKind, attribution: Attribution?, unattributedReason: String?) {
    self.init(span: span, kind: kind, attribution: attribution, unattributedReason: unattributedReason)
  }
}

extension QuoteSpan {
  /// Rebuilds a quotation's span as a saved session keeps it (token indices and bytes of
  /// its document).
  package init(
    restoringOpenMark openMark: Int, closeMark: Int?, range: Range<Int>, tokens: Range<Int>, segment: Int, parent: Int?,
    isSingle: Bool
  ) {
    self.init(openMark: openMark, closeMark: closeMark, range: range, tokens: tokens, segment: segment, parent: parent, isSingle: isSingle)
  }
}

extension Attribution {
  /// Rebuilds an attribution as a saved session keeps it.
  package init(
    restoringRule rule: AttributionRule, cue: String?, surface: String?, surfaceRange: Range<Int>?,
    surfaceKind: SurfaceKind?, framing: String?, person: Int?, evidence: String, confidence: Double, resolution: String?
  ) {
    self.init(
      rule: rule, cue: cue, surface: surface, surfaceRange: surfaceRange, surfaceKind: surfaceKind, framing: framing,
      person: person, evidence: evidence, confidence: confidence, resolution: resolution)
  }
}

extension CanonicalSpeaker {
  /// Rebuilds a canonical person as a saved session keeps it.
  package init(restoringName name: String, aliases: [String], roles: [String], joins: [SpeakerJoin]) {
    self.init(name: name, aliases: aliases, roles: roles, joins: joins)
  }
}

extension SpeakerJoin {
  /// Rebuilds one document's name for a person, as a saved session keeps it.
  package init(restoringDocument document: Int, name: String, reason: String) {
    self.init(document: document, name: name, reason: reason)
  }
}
