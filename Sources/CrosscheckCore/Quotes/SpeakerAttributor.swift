/// Whether a quotation reports speech or flags a term.
package enum QuoteKind: String, Sendable {
  /// Words someone said or wrote.
  case direct
  /// A short term or title set off by marks ("victory plan", ‘irreversible’).
  case scare
}

/// The pattern of news writing an attribution was read from.
package enum AttributionRule: String, Sendable, CaseIterable {
  /// `“…,” Rutte said.` / `“…,” said Rutte.`
  case speakerAfter = "speaker-after"
  /// `Rutte said: “…”` / `Rutte said that “…”` / `Rutte said the aid was “…”`
  case speakerBefore = "speaker-before"
  /// `According to Dufresne, “…”`
  case accordingTo = "according-to"
  /// `…, stating, “…”`: the subject of the clause the participle hangs off.
  case clauseSubject = "clause-subject"
  /// A second quotation in a paragraph whose first one is attributed.
  case sameParagraph = "same-paragraph"
  /// A paragraph that opens with a quotation and continues the previous paragraph's speaker.
  case previousParagraph = "previous-paragraph"
  /// A quotation inside another quotation, by the same speaker.
  case nested = "nested"
  /// No reporting verb: the person the sentence is about.
  case sentenceSubject = "sentence-subject"
  /// An answer in a question-and-answer interview: the person interviewed.
  case interviewee = "interviewee"

  /// The rule in plain words, for `--explain`.
  package var explanation: String {
    switch self {
    case .speakerAfter: return "the reporting verb and the speaker follow the quote"
    case .speakerBefore: return "the speaker and the reporting verb come before the quote"
    case .accordingTo: return "the quote is introduced by “according to”"
    case .clauseSubject: return "the quote hangs off a participle; the speaker is that clause's subject"
    case .sameParagraph: return "no attribution of its own; continues the speaker attributed before it in the paragraph"
    case .previousParagraph: return "no attribution and no one named before it in its paragraph; continues the previous paragraph's speaker"
    case .nested: return "nested inside a quote by the same speaker"
    case .sentenceSubject: return "no reporting verb; the person the sentence is about"
    case .interviewee: return "an answer (“A:”) in a question-and-answer interview; the speaker is the person interviewed, named before the first question"
    }
  }
}

/// How the speaker is named at the attribution.
package enum SurfaceKind: String, Sendable {
  case name, pronoun, description
}

/// Who a quotation is credited to, and why.
package struct Attribution: Sendable, Equatable {
  package var rule: AttributionRule
  /// The reporting verb or phrase ("said", "told reporters", "according to").
  package var cue: String?
  /// The words that identify the speaker ("Rutte", "he", "the fire chief").
  package var surface: String?
  /// Bytes of `surface`.
  package var surfaceRange: Range<Int>?
  package var surfaceKind: SurfaceKind?
  /// The description around the name ("NATO Secretary-General", "the town’s fire chief").
  package var framing: String?
  /// The person in the document's `DocumentPeople`, when resolved.
  package var person: Int?
  /// The text the attribution was read from.
  package var evidence: String
  /// How sure the rule is, 0…1.
  package var confidence: Double
  /// How a pronoun or description was resolved, in plain words.
  package var resolution: String?
}

/// A quotation with its kind and attribution.
package struct AttributedQuote: Sendable, Equatable {
  package var span: QuoteSpan
  package var kind: QuoteKind
  package var attribution: Attribution?
  /// Why no speaker was found, when none was.
  package var unattributedReason: String?
  /// Whether it runs to the end of its paragraph without a closing mark.
  package var continues: Bool { span.closeMark == nil }
}

/// Credits quotations to speakers with the patterns of news writing.
///
/// For each quotation, in order: the clause after its closing mark (`“…,” Rutte said`,
/// `“…,” said the fire chief`), then the clause before its opening mark, read from the
/// nearest reporting verb leftwards (`Rutte said that “…”`, `According to X, “…”`,
/// `…, stating, “…”`). Pronouns go to the subject of the nearest sentence that names a
/// person of the same gender; descriptions to the person whose stated titles and
/// appositions match. A quotation with no attribution of its own continues the previous
/// attributed quotation of its paragraph, or — when it opens its paragraph — of the
/// previous paragraph. Anything else stays unattributed, with the reason.
package struct SpeakerAttributor: Sendable {
  package init() {}

  /// A quotation of at most this many words, with no attribution next to it and no full
  /// stop of its own, flags a term rather than reporting speech.
  static let scareWordLimit = 3
  /// The reporting verb after a quotation must come within this many words.
  static let postVerbWindow = 8
  /// How far before a quotation (in tokens) a reporting verb may be.
  static let preWindow = 60
  /// A title that labels a quotation with a colon ("Race director: ‘…’") has at most this many words.
  static let labelWords = 4

  /// Attributes the quotations of one document.
  package func attribute(_ spans: [QuoteSpan], in text: QuoteText, people: inout DocumentPeople) -> [AttributedQuote] {
    text.bytes.withUnsafeBufferPointer { bytes in
      var session = Session(words: WordReader(bytes: bytes, tokens: text.tokens), text: text, spans: spans, people: people)
      let result = session.run()
      people = session.people
      return result
    }
  }

  private struct Found {
    var attribution: Attribution
    /// Whether the attribution sits right next to the quotation.
    var adjacent: Bool
  }

  private struct Session {
    let words: WordReader
    let text: QuoteText
    let spans: [QuoteSpan]
    var people: DocumentPeople
    /// For every token, whether it is inside a quotation.
    var quoted: [Bool]

    init(words: WordReader, text: QuoteText, spans: [QuoteSpan], people: DocumentPeople) {
      self.words = words
      self.text = text
      self.spans = spans
      self.people = people
      var quoted = [Bool](repeating: false, count: text.tokens.count)
      for span in spans where span.parent == nil { for index in span.tokens { quoted[index] = true } }
      self.quoted = quoted
    }

    var tokens: [Token] { text.tokens }

    /// Attributions in text order: attributed quotations and reported speech ("Fox said the
    /// verdict…"), for quotations that carry a speaker over.
    var events: [(token: Int, segment: Int, attribution: Attribution)] = []

    mutating func run() -> [AttributedQuote] {
      var result: [AttributedQuote] = []
      result.reserveCapacity(spans.count)
      collectReportedSpeech()
      for (index, span) in spans.enumerated() {
        let segment = text.segments[span.segment]
        let post = postAttribution(span, segment: segment)
        let wordCount = span.tokens.reduce(0) { $0 + (tokens[$1].kind == .punctuation ? 0 : 1) }
        var kind = QuoteKind.direct
        if post == nil, isScare(span, wordCount: wordCount, segment: segment) { kind = .scare }
        var attribution: Attribution? = post?.attribution
        var reason: String? = nil
        if let parent = span.parent {
          if attribution == nil {
            if introducedBySpeech(span, parent: spans[parent]) {
              reason = "speech quoted inside another quote, with no speaker named"
            } else if let outer = result[parent].attribution {
              attribution = outer
              attribution?.rule = .nested
              attribution?.confidence = min(outer.confidence, 0.8)
            }
          }
        } else if attribution == nil {
          attribution = preAttribution(span, segment: segment, scare: kind == .scare)
          if attribution == nil, kind == .scare, index > 0, let previous = result[..<index].last(where: { $0.span.parent == nil }),
            text.sentenceOfToken[previous.span.openMark] == text.sentenceOfToken[span.openMark], var inherited = previous.attribution
          {
            // A second term quoted in the same reported sentence ("said X had ‘…’ and ‘…’").
            inherited.rule = .sameParagraph
            inherited.confidence = min(inherited.confidence, 0.7)
            attribution = inherited
          }
          if attribution == nil, kind == .direct { attribution = carryOver(span, segment: segment) }
          if attribution == nil, kind == .direct { attribution = sentenceSubject(span, segment: segment) }
          if attribution == nil, kind == .direct { attribution = previousSentenceSubject(span, segment: segment) }
          if attribution == nil, kind == .direct { attribution = interviewee(span, segment: segment) }
        }
        if let found = attribution, found.person == nil, reason == nil {
          reason = found.resolution ?? "the words for the speaker name no one"
        }
        if attribution == nil, reason == nil {
          reason = kind == .scare
            ? "a term set off by marks; no reporting verb names who used it"
            : "no reporting verb or speaker in its sentence, and no attributed quote before it to continue"
        }
        if let attribution, span.parent == nil, attribution.person != nil { addEvent(span.openMark, span.segment, attribution) }
        result.append(AttributedQuote(span: span, kind: kind, attribution: attribution, unattributedReason: reason))
      }
      return result
    }

    // MARK: Contexts

    func isTerminal(_ index: Int) -> Bool {
      guard tokens[index].kind == .punctuation else { return false }
      let byte = words.bytes[Int(tokens[index].start)]
      if byte == 0x21 || byte == 0x3F { return true }
      if byte == 0x2E {
        guard index > 0, tokens[index - 1].end == tokens[index].start, tokens[index - 1].kind == .word else { return true }
        if QuoteLexicon.abbreviations.contains(words.key(index - 1)) { return false }
        if tokens[index - 1].end - tokens[index - 1].start == 1 { return false }
        return true
      }
      return false
    }

    func isQuoteMark(_ index: Int) -> Bool {
      tokens[index].kind == .punctuation && QuoteExtractor.mark(words.bytes, tokens[index]) != nil
    }

    /// Word tokens after the closing mark, to the end of the clause.
    func postContext(_ span: QuoteSpan, segment: QuoteText.Segment) -> Range<Int>? {
      guard let close = span.closeMark else { return nil }
      var start = close + 1
      // Closing marks of enclosing quotations and punctuation that leads the clause.
      while start < segment.tokens.upperBound, tokens[start].kind == .punctuation,
        isQuoteMark(start) || words.isPunctuation(start, 0x2C) || words.isDash(start) || words.isPunctuation(start, 0x3B)
          || words.isPunctuation(start, 0x3A)
      {
        if !isQuoteMark(start), !words.isPunctuation(start, 0x2C), !words.isDash(start), !words.isPunctuation(start, 0x3A) { break }
        start += 1
      }
      var end = start
      while end < segment.tokens.upperBound, end - start < 30, !isTerminal(end), !isQuoteMark(end) { end += 1 }
      return start..<end
    }

    /// Tokens before the opening mark, back to the start of the sentence or the previous quotation.
    func preContext(_ span: QuoteSpan, segment: QuoteText.Segment) -> Range<Int> {
      var start = span.openMark
      while start > segment.tokens.lowerBound, span.openMark - start < SpeakerAttributor.preWindow {
        let previous = start - 1
        if isTerminal(previous) || quoted[previous] || isQuoteMark(previous) { break }
        start = previous
      }
      return start..<span.openMark
    }

    // MARK: Rules

    mutating func postAttribution(_ span: QuoteSpan, segment: QuoteText.Segment) -> Found? {
      guard let post = postContext(span, segment: segment), !post.isEmpty else { return nil }
      let first = post.lowerBound
      // “…,” according to Rutte.
      if isAccordingTo(first), let np = forwardPhrase(from: first + 2, limit: post.upperBound) {
        return Found(attribution: attribution(.accordingTo, cue: "according to", np: np, evidenceFrom: first, to: np.range.upperBound, confidence: 0.9), adjacent: true)
      }
      // “…,” said Rutte.
      if words.isReportingVerb(first), let np = forwardPhrase(from: first + 1, limit: post.upperBound) {
        return Found(attribution: attribution(.speakerAfter, cue: cueText(first), np: np, evidenceFrom: first, to: np.range.upperBound, confidence: 0.95), adjacent: true)
      }
      // “…,” Rutte said. / “…,” the fire chief said.
      var verb: Int? = nil
      var wordIndex = 0
      for index in post where tokens[index].kind != .punctuation || words.isPunctuation(index, 0x2C) {
        if tokens[index].kind == .punctuation { continue }
        if words.isReportingVerb(index) { verb = index; break }
        wordIndex += 1
        if wordIndex > SpeakerAttributor.postVerbWindow { break }
      }
      guard let verb, verb > first, let (np, _) = subject(ofVerb: verb, lowerLimit: first),
        (first..<np.range.lowerBound).allSatisfy({ tokens[$0].kind == .word && QuoteLexicon.nameModifiers.contains(words.key($0)) })
          // "union official Fiona Carr said": a noun or two before a lower-case title.
          || (np.range.lowerBound - first <= 2 && words.isRole(np.range.lowerBound) && !words.isCapitalized(np.range.lowerBound)
            && (first..<np.range.lowerBound).allSatisfy({ tokens[$0].kind == .word && !words.isCapitalized($0) }))
      else { return nil }
      return Found(attribution: attribution(.speakerAfter, cue: cueText(verb), np: np, evidenceFrom: first, to: verb + 1, confidence: 0.95), adjacent: true)
    }

    mutating func preAttribution(_ span: QuoteSpan, segment: QuoteText.Segment, scare: Bool) -> Attribution? {
      let pre = preContext(span, segment: segment)
      var index = pre.upperBound - 1
      while index >= pre.lowerBound {
        defer { index -= 1 }
        guard tokens[index].kind == .word else { continue }
        if !scare, isAccordingTo(index), let np = forwardPhrase(from: index + 2, limit: pre.upperBound) {
          return attribution(.accordingTo, cue: "according to", np: np, evidenceFrom: index, to: np.range.upperBound, confidence: 0.9)
        }
        guard words.isReportingVerb(index) else { continue }
        if words.isParticiple(index), index > pre.lowerBound, words.isPunctuation(index - 1, 0x2C) || isAsSaying(index) || scare {
          if let np = clauseSubject(before: index, segment: segment) {
            return attribution(.clauseSubject, cue: cueText(index), np: np, evidenceFrom: np.range.lowerBound, to: index + 1, confidence: 0.75)
          }
          continue
        }
        if let (np, _) = subject(ofVerb: index, lowerLimit: pre.lowerBound) {
          return attribution(.speakerBefore, cue: cueText(index), np: np, evidenceFrom: np.range.lowerBound, to: index + 1, confidence: scare ? 0.7 : 0.9)
        }
      }
      // "Helen Voss of the transit authority: “…”" (live blogs, transcripts).
      if !scare, let last = pre.last, words.isPunctuation(last, 0x3A),
        let mention = people.mentions.last(where: { pre.contains($0.tokens.lowerBound) })
      {
        return attribution(.speakerBefore, cue: nil, np: Phrase(range: mention.tokens, kind: .name), evidenceFrom: mention.tokens.lowerBound, to: last + 1, confidence: 0.7)
      }
      // "Race director: ‘…’" (a live blog's headline): a title the text gives someone.
      if !scare, let last = pre.last, words.isPunctuation(last, 0x3A), last > pre.lowerBound {
        let line = segmentLineStart(last, segment: segment)
        if line >= pre.lowerBound, last - line <= SpeakerAttributor.labelWords, words.isRole(last - 1),
          (line..<last).allSatisfy({ tokens[$0].kind == .word }),
          people.resolve(description: words.wordList(line..<last), before: last) != nil
        {
          return attribution(.speakerBefore, cue: nil, np: Phrase(range: line..<last, kind: .description), evidenceFrom: line, to: last + 1, confidence: 0.6)
        }
      }
      return nil
    }

    /// The first token of the line that holds `index`, within its paragraph.
    func segmentLineStart(_ index: Int, segment: QuoteText.Segment) -> Int {
      var start = index
      while start > segment.tokens.lowerBound, !words.bytes[Int(tokens[start - 1].end)..<Int(tokens[start].start)].contains(0x0A) { start -= 1 }
      return start
    }

    /// Whether a paragraph opens with a live blog's timestamp on a line of its own ("11:48"):
    /// a new post, which continues no speaker from the post before.
    func opensWithTimestamp(_ segment: QuoteText.Segment) -> Bool {
      guard let first = segment.tokens.first else { return false }
      var index = Int(tokens[first].start)
      let bytes = words.bytes
      func digits() -> Int {
        var count = 0
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1; count += 1 }
        return count
      }
      guard (1...2).contains(digits()), index < bytes.count, bytes[index] == 0x3A || bytes[index] == 0x2E else { return false }
      index += 1
      guard digits() == 2 else { return false }
      while index < bytes.count, bytes[index] == 0x20 { index += 1 }
      return index < bytes.count && bytes[index] == 0x0A
    }

    mutating func addEvent(_ token: Int, _ segment: Int, _ attribution: Attribution) {
      var index = events.count
      while index > 0, events[index - 1].token > token { index -= 1 }
      events.insert((token, segment, attribution), at: index)
    }

    /// Reporting verbs outside quotations with a speaker before them ("Lena Fox said the verdict…").
    mutating func collectReportedSpeech() {
      for (segmentIndex, segment) in text.segments.enumerated() {
        for index in segment.tokens where tokens[index].kind == .word && !quoted[index] && words.isReportingVerb(index) {
          if words.isParticiple(index) { continue }
          let sentence = Int(text.sentenceOfToken[index])
          let lower = max(text.sentenceStarts[sentence], segment.tokens.lowerBound)
          guard let (np, verb) = subject(ofVerb: index, lowerLimit: lower) else { continue }
          let found = attribution(.sameParagraph, cue: cueText(verb), np: np, evidenceFrom: np.range.lowerBound, to: verb + 1, confidence: 0.7)
          if found.person != nil { events.append((index, segmentIndex, found)) }
        }
        // "…, according to a spokeswoman for the county."
        for index in segment.tokens where !quoted[index] && isAccordingTo(index) {
          guard let np = forwardPhrase(from: index + 2, limit: segment.tokens.upperBound), np.kind != .pronoun else { continue }
          let found = attribution(.sameParagraph, cue: "according to", np: np, evidenceFrom: index, to: np.range.upperBound, confidence: 0.7)
          if found.person != nil { events.append((index, segmentIndex, found)) }
        }
      }
      events.sort { $0.token < $1.token }
    }

    /// The speaker a quotation without attribution carries over: the last one attributed
    /// before it in its paragraph; or, when its paragraph names no one before it, the last
    /// one of the previous paragraph (questions of an interview are skipped).
    func carryOver(_ span: QuoteSpan, segment: QuoteText.Segment) -> Attribution? {
      if var previous = events.last(where: { $0.segment == span.segment && $0.token < span.openMark })?.attribution {
        previous.rule = .sameParagraph
        previous.confidence = min(previous.confidence, 0.75)
        return previous
      }
      if let mention = people.mention(in: segment.tokens.lowerBound..<span.openMark), mention.tokens.lowerBound < span.openMark { return nil }
      if opensWithTimestamp(segment) { return nil }
      var previousSegment = span.segment - 1
      while previousSegment >= 0, isQuestion(text.segments[previousSegment]) { previousSegment -= 1 }
      guard previousSegment >= 0, var previous = events.last(where: { $0.segment == previousSegment })?.attribution else { return nil }
      previous.rule = .previousParagraph
      previous.confidence = min(previous.confidence, 0.7)
      return previous
    }

    func isQuestion(_ segment: QuoteText.Segment) -> Bool {
      guard let last = segment.tokens.last else { return false }
      return words.isPunctuation(last, 0x3F) && !quoted[max(segment.tokens.lowerBound, last - 1)]
    }

    /// The subject of a reporting verb: the phrase before it (past adverbs, an apposition or
    /// "who"), unless the verb is passive ("was said to be").
    func subject(ofVerb verb: Int, lowerLimit: Int) -> (Phrase, Int)? {
      var end = verb - 1
      while end >= lowerLimit, tokens[end].kind == .word, QuoteLexicon.betweenSubjectAndVerb.contains(words.key(end)) { end -= 1 }
      guard end >= lowerLimit else { return nil }
      if tokens[end].kind == .word, QuoteLexicon.formsOfBe.contains(words.key(end)) { return nil }
      if tokens[end].kind == .word, words.key(end) == QuoteLexicon.Word.who, end - 1 > lowerLimit, words.isPunctuation(end - 1, 0x2C) {
        if let np = backwardPhrase(endingAt: end - 2, lowerLimit: lowerLimit) ?? appositionSubject(endingAt: end - 2, lowerLimit: lowerLimit) {
          return (np, verb)
        }
        return nil
      }
      if let np = backwardPhrase(endingAt: end, lowerLimit: lowerLimit) ?? appositionSubject(endingAt: end, lowerLimit: lowerLimit) {
        return (np, verb)
      }
      // "the midfielder said", "the 47-year-old said": a description without a title word.
      var start = end
      while start >= lowerLimit, end - start < 3, tokens[start].kind != .punctuation {
        if tokens[start].kind == .word, QuoteLexicon.Word.the == words.key(start), start < end {
          return (Phrase(range: start..<end + 1, kind: .description), verb)
        }
        start -= 1
      }
      return nil
    }

    mutating func sentenceSubject(_ span: QuoteSpan, segment: QuoteText.Segment) -> Attribution? {
      // Only for a quotation inside a sentence that names its subject first.
      let sentence = Int(text.sentenceOfToken[span.openMark])
      let start = max(text.sentenceStarts[sentence], segment.tokens.lowerBound)
      guard start < span.openMark, let np = firstPerson(in: start..<span.openMark) else { return nil }
      return attribution(.sentenceSubject, cue: nil, np: np, evidenceFrom: np.range.lowerBound, to: np.range.upperBound, confidence: 0.5)
    }

    /// A quotation that opens a sentence with no attribution, after a sentence of the same
    /// paragraph about a person ("Beth Lowry put it bluntly. “…”"): that person.
    mutating func previousSentenceSubject(_ span: QuoteSpan, segment: QuoteText.Segment) -> Attribution? {
      let sentence = Int(text.sentenceOfToken[span.openMark])
      guard sentence > 0, text.sentenceStarts[sentence] == span.openMark else { return nil }
      let start = text.sentenceStarts[sentence - 1]
      guard start >= segment.tokens.lowerBound, let np = firstPerson(in: start..<span.openMark) else { return nil }
      var found = attribution(.sentenceSubject, cue: nil, np: np, evidenceFrom: np.range.lowerBound, to: np.range.upperBound, confidence: 0.5)
      found.resolution = [found.resolution, "the sentence before the quote is about this person"].compactMap { $0 }.joined(separator: "; ")
      return found
    }

    /// A quotation in an interview's answer ("A: … “…” is not a slogan"): the first person
    /// the introduction names with a title ("race director Owen Pryce"), before the first
    /// question ("Q:").
    mutating func interviewee(_ span: QuoteSpan, segment: QuoteText.Segment) -> Attribution? {
      func label(_ segment: QuoteText.Segment, _ letter: UInt8) -> Bool {
        let first = segment.tokens.lowerBound
        guard segment.tokens.count > 2, tokens[first].kind == .word, tokens[first].end - tokens[first].start == 1,
          words.bytes[Int(tokens[first].start)] == letter
        else { return false }
        return words.isPunctuation(first + 1, 0x3A)
      }
      guard label(segment, 0x41), let question = text.segments.firstIndex(where: { label($0, 0x51) }) else { return nil }
      let firstQuestion = text.segments[question].tokens.lowerBound
      guard let mention = people.mentions.first(where: { $0.tokens.lowerBound < firstQuestion && !quoted[$0.tokens.lowerBound]
        && !people.people[$0.person].isOrganization && !people.people[$0.person].isDescription && !people.people[$0.person].roles.isEmpty })
      else { return nil }
      return attribution(.interviewee, cue: nil, np: Phrase(range: mention.tokens, kind: .name), evidenceFrom: mention.tokens.lowerBound, to: mention.tokens.upperBound, confidence: 0.6)
    }

    // MARK: Phrases

    struct Phrase {
      var range: Range<Int>
      var kind: SurfaceKind
    }

    func isAccordingTo(_ index: Int) -> Bool {
      index + 1 < tokens.count && tokens[index].kind == .word && words.key(index) == QuoteLexicon.Word.according
        && words.key(index + 1) == QuoteLexicon.Word.to
    }

    func isAsSaying(_ index: Int) -> Bool {
      index > 0 && words.key(index - 1) == QuoteLexicon.Word.as_
    }

    func isPronoun(_ index: Int) -> Bool {
      tokens[index].kind == .word && (QuoteLexicon.subjectPronouns[words.key(index)] != nil || QuoteLexicon.pluralPronouns.contains(words.key(index)))
    }

    /// A speaker phrase that starts at `start`: a pronoun, a name with its title, or a description.
    func forwardPhrase(from start: Int, limit: Int) -> Phrase? {
      guard start < limit, tokens[start].kind == .word else { return nil }
      if isPronoun(start) { return Phrase(range: start..<start + 1, kind: .pronoun) }
      var end = start
      var sawName = false
      var sawRole = false
      var lastRole: Int? = nil
      if QuoteLexicon.determiners.contains(words.key(start)) {
        var j = start + 1
        while j < limit, j - start <= 5, tokens[j].kind == .word {
          if words.isRole(j) { lastRole = j }
          j += 1
        }
        guard let lastRole else { return nil }
        end = lastRole + 1
        sawRole = true
        while end < limit, words.isCapitalized(end) { end += 1; sawName = true }
      } else {
        while end < limit {
          if words.isCapitalized(end) {
            if words.isRole(end) { sawRole = true } else { sawName = true }
            end += 1
          } else if tokens[end].kind == .word, words.isRole(end) {
            sawRole = true
            end += 1
          } else if words.isPunctuation(end, 0x2E), end > start, QuoteLexicon.abbreviations.contains(words.key(end - 1)), end + 1 < limit, words.isCapitalized(end + 1) {
            end += 1
          } else {
            break
          }
        }
      }
      // "the President of Ukraine", "a spokeswoman for the Department of Health"
      if sawRole, end + 1 < limit, tokens[end].kind == .word, QuoteLexicon.roleLinks.contains(words.key(end)) {
        var name = end + 1
        if words.key(name) == QuoteLexicon.Word.the, name + 1 < limit { name += 1 }
        if words.isCapitalized(name) {
          end = name
          while end < limit, words.isCapitalized(end) || (words.key(end) == QuoteLexicon.Word.of && end + 1 < limit && words.isCapitalized(end + 1)) {
            end += 1
          }
        }
      }
      guard end > start, sawName || sawRole else { return nil }
      let nameInside = people.mention(in: start..<end) != nil
      return Phrase(range: start..<end, kind: sawName && (nameInside || !QuoteLexicon.determiners.contains(words.key(start))) ? .name : .description)
    }

    /// A speaker phrase that ends at `end` (inclusive).
    func backwardPhrase(endingAt end: Int, lowerLimit: Int) -> Phrase? {
      guard end >= lowerLimit, tokens[end].kind == .word else { return nil }
      if isPronoun(end) { return Phrase(range: end..<end + 1, kind: .pronoun) }
      var start = end + 1
      var sawName = false
      var sawRole = false
      while start > lowerLimit {
        let index = start - 1
        if words.isCapitalized(index) {
          if QuoteLexicon.notNames.contains(words.key(index)) && !words.isRole(index) { break }
          if words.isRole(index) { sawRole = true } else { sawName = true }
          start = index
        } else if tokens[index].kind == .word, words.isRole(index) {
          sawRole = true
          start = index
        } else if words.isPunctuation(index, 0x2E), index > lowerLimit, QuoteLexicon.abbreviations.contains(words.key(index - 1)) {
          start = index
        } else if tokens[index].kind == .word, words.key(index) == QuoteLexicon.Word.of, index > lowerLimit, words.isCapitalized(index - 1),
          start <= end, words.isCapitalized(start)
        {
          start = index  // "Royal College of Nursing"
        } else {
          break
        }
      }
      guard start <= end else { return nil }
      // Lower-case words of a description back to its determiner ("the town’s fire chief").
      if sawRole || !sawName {
        var j = start - 1
        while j >= lowerLimit, start - j <= 4, tokens[j].kind == .word {
          if QuoteLexicon.determiners.contains(words.key(j)) { start = j; break }
          j -= 1
        }
      }
      // "the President of Ukraine said"
      if !sawRole, start - 2 >= lowerLimit, words.key(start - 1) == QuoteLexicon.Word.of, words.isRole(start - 2) {
        if let described = backwardPhrase(endingAt: start - 2, lowerLimit: lowerLimit) {
          return Phrase(range: described.range.lowerBound..<end + 1, kind: .description)
        }
      }
      guard sawName || sawRole else { return nil }
      // "a spokeswoman for the Oregon Department of Health said": the role and its organisation.
      let nameStart = words.key(start) == QuoteLexicon.Word.the ? start + 1 : start
      if sawName, nameStart <= end, words.isCapitalized(nameStart) {
        var link = start - 1
        if link >= lowerLimit, tokens[link].kind == .word, words.key(link) == QuoteLexicon.Word.the { link -= 1 }
        if link - 1 >= lowerLimit, tokens[link].kind == .word, QuoteLexicon.roleLinks.contains(words.key(link)),
          tokens[link - 1].kind == .word, !words.isCapitalized(link - 1), words.isPersonNoun(link - 1),
          let described = backwardPhrase(endingAt: link - 1, lowerLimit: lowerLimit), described.kind == .description
        {
          return Phrase(range: described.range.lowerBound..<end + 1, kind: .description)
        }
      }
      // "the Kremlin said", "the White House said": a name that takes "the".
      if sawName, !sawRole, start - 1 >= lowerLimit, tokens[start - 1].kind == .word, words.key(start - 1) == QuoteLexicon.Word.the {
        return Phrase(range: (start - 1)..<end + 1, kind: .name)
      }
      let isDescription = !sawName || QuoteLexicon.determiners.contains(words.key(start))
      return Phrase(range: start..<end + 1, kind: isDescription ? .description : .name)
    }

    /// `Ray Dufresne, chief of Riverton Fire, said`: the phrase before the apposition.
    func appositionSubject(endingAt end: Int, lowerLimit: Int) -> Phrase? {
      guard end >= lowerLimit, words.isPunctuation(end, 0x2C) else { return nil }
      // "Its regional officer, Fiona Carr, said": the name between the commas.
      if let named = backwardPhrase(endingAt: end - 1, lowerLimit: lowerLimit), named.kind == .name,
        named.range.lowerBound > lowerLimit, words.isPunctuation(named.range.lowerBound - 1, 0x2C)
      {
        return named
      }
      var comma = end - 1
      while comma > lowerLimit, end - comma < 16, !words.isPunctuation(comma, 0x2C) {
        if isQuoteMark(comma) || isTerminal(comma) { return nil }
        comma -= 1
      }
      guard comma > lowerLimit, words.isPunctuation(comma, 0x2C) else { return nil }
      // "One medic, who asked not to be named, told …": a description before a "who" clause.
      let whoClause = comma + 1 < end && words.key(comma + 1) == QuoteLexicon.Word.who
      guard let phrase = backwardPhrase(endingAt: comma - 1, lowerLimit: lowerLimit),
        phrase.kind != .description || people.mention(in: phrase.range) != nil || whoClause
      else { return nil }
      return phrase
    }

    /// The subject of the clause a participle hangs off: the first person named in the sentence.
    func clauseSubject(before index: Int, segment: QuoteText.Segment) -> Phrase? {
      let sentence = Int(text.sentenceOfToken[index])
      let start = max(text.sentenceStarts[sentence], segment.tokens.lowerBound)
      return firstPerson(in: start..<index)
    }

    func firstPerson(in range: Range<Int>) -> Phrase? {
      for index in range where tokens[index].kind == .word && !quoted[index] {
        if let pronoun = QuoteLexicon.subjectPronouns[words.key(index)], pronoun == .male || pronoun == .female {
          return Phrase(range: index..<index + 1, kind: .pronoun)
        }
        if let mention = people.mention(in: index..<index + 1), mention.tokens.lowerBound == index {
          return Phrase(range: mention.tokens, kind: people.people[mention.person].name.isEmpty ? .description : .name)
        }
      }
      return nil
    }

    func cueText(_ verb: Int) -> String {
      var end = verb + 1
      // "told reporters", "pointed to", "pointed out"
      if end < tokens.count, tokens[end].kind == .word {
        let next = words.key(end)
        if next == QuoteLexicon.Word.reporters || next == QuoteLexicon.Word.journalists || next == QuoteLexicon.Word.out
          || (next == QuoteLexicon.Word.to && QuoteLexicon.pointVerbs.contains(words.key(verb)))
        {
          end += 1
        }
      }
      return text.string(tokens: verb..<end)
    }

    // MARK: Building an attribution

    mutating func attribution(_ rule: AttributionRule, cue: String?, np: Phrase, evidenceFrom start: Int, to end: Int, confidence: Double) -> Attribution {
      let surfaceRange = Int(tokens[np.range.lowerBound].start)..<Int(tokens[np.range.upperBound - 1].end)
      var person: Int? = nil
      var resolution: String? = nil
      var confidence = confidence
      var surface = text.string(surfaceRange)
      var framing: String? = nil
      switch np.kind {
      case .pronoun:
        let key = words.key(np.range.lowerBound)
        if let gender = QuoteLexicon.subjectPronouns[key] {
          person = people.antecedent(before: np.range.lowerBound, gender: gender, text: text, excluded: { quoted[$0] })
          // "…, according to a spokeswoman for the county. “…,” she said.": the one who last
          // spoke, when no one is named after them, rather than another name in their sentence.
          if let named = person, let speaker = events.last(where: { $0.token < np.range.lowerBound })?.attribution.person, speaker != named,
            people.people[speaker].gender.map({ $0 == gender }) ?? true,
            let speakerAt = events.last(where: { $0.token < np.range.lowerBound })?.token,
            let namedAt = people.mentions.last(where: { $0.person == named && $0.tokens.lowerBound < np.range.lowerBound })?.tokens.lowerBound,
            text.sentenceOfToken[speakerAt] == text.sentenceOfToken[namedAt]
          {
            person = speaker
          }
          if let person {
            resolution = "“\(surface)” is \(people.people[person].name), the person last named before it"
          } else {
            resolution = "“\(surface)” has no named person before it"
          }
          confidence -= 0.1
        } else if key == QuoteLexicon.Word.it, let organization = people.lastOrganization(before: np.range.lowerBound) {
          person = organization
          resolution = "“\(surface)” is \(people.people[organization].name), the organisation last named before it"
          confidence -= 0.2
        } else {
          resolution = "“\(surface)” does not name one person"
          confidence = 0
        }
      case .name:
        if let mention = people.lastMention(in: np.range) {
          person = mention.person
          let nameTokens = mention.tokens
          if nameTokens != np.range { framing = text.string(tokens: np.range) }
          surface = text.string(tokens: nameTokens)
        } else {
          let nameTokens = np.range.filter { tokens[$0].kind == .word && words.isCapitalized($0) && !words.isRole($0) }
          if let first = nameTokens.first, let last = nameTokens.last {
            person = people.addSpeaker(named: words.name(first..<last + 1), at: first..<last + 1)
            if first..<last + 1 != np.range { framing = text.string(tokens: np.range) }
            surface = text.string(tokens: first..<last + 1)
          }
        }
      case .description:
        framing = surface
        let firstKey = words.key(np.range.lowerBound)
        // "a spokeswoman said", "one official said": someone new, whom the text does not name.
        let indefinite = QuoteLexicon.indefiniteDeterminers.contains(firstKey)
        if indefinite {
          resolution = "“\(surface)” is someone the text does not name"
        } else if let mention = people.mention(in: np.range) {
          person = mention.person
        } else if let resolved = people.resolve(description: words.wordList(np.range), before: np.range.lowerBound) {
          person = resolved
          people.addMention(Mention(tokens: np.range, person: resolved))
        }
        if let person {
          if let stated = people.statedRole(matching: words.wordList(np.range), of: person), let evidence = stated.evidence {
            resolution = "“\(surface)” is \(people.people[person].name): earlier the text gives that title in “\(evidence)”"
          } else {
            resolution = "“\(surface)” is \(people.people[person].name), by the titles the text gives"
          }
          confidence -= 0.1
        } else if indefinite || !QuoteLexicon.determiners.contains(firstKey), let described = describedSpeaker(np) {
          // The text never names this speaker: credit the description itself.
          person = described
          resolution = "the text does not name this speaker; it is reported as “\(people.people[described].name)”"
          confidence = 0.6
        } else if indefinite {
          confidence = 0
        } else if words.isPersonNoun(np.range.upperBound - 1),
          let salient = people.antecedent(before: np.range.lowerBound, gender: nil, text: text, excluded: { quoted[$0] })
        {
          // "the midfielder", "the 47-year-old": no stated title matches, so the person the
          // text is about, as with a pronoun.
          person = salient
          resolution = "no title the text gives matches “\(surface)”; taken as \(people.people[salient].name), the person last named before it"
          confidence = 0.5
        } else {
          resolution = "“\(surface)” matches no one the text names"
        }
      }
      // The apposition after a name frames the speaker too ("Ray Dufresne, the town’s fire chief").
      if np.kind == .name, let end = appositionEnd(after: np.range.upperBound) {
        framing = text.string(Int(tokens[np.range.lowerBound].start)..<Int(tokens[end - 1].end))
      }
      let evidenceRange = Int(tokens[min(start, np.range.lowerBound)].start)..<Int(tokens[max(end, np.range.upperBound) - 1].end)
      return Attribution(
        rule: rule, cue: cue, surface: surface,
        surfaceRange: np.kind == .name ? people.lastMention(in: np.range).map { Int(tokens[$0.tokens.lowerBound].start)..<Int(tokens[$0.tokens.upperBound - 1].end) } ?? surfaceRange : surfaceRange,
        surfaceKind: np.kind, framing: framing, person: person, evidence: text.string(evidenceRange),
        confidence: max(0, min(1, confidence)), resolution: resolution)
    }

    /// Registers a description of someone unnamed ("a spokeswoman for the ministry",
    /// "officials") as a speaker, when a person noun heads it; the name drops the determiner.
    mutating func describedSpeaker(_ np: Phrase) -> Int? {
      guard let head = np.range.first(where: { tokens[$0].kind == .word && (words.isRole($0) || words.isPersonNoun($0)) }),
        words.isPersonNoun(head)
      else { return nil }
      var start = np.range.lowerBound
      if QuoteLexicon.determiners.contains(words.key(start)) { start += 1 }
      guard start < np.range.upperBound else { return nil }
      var description = text.string(tokens: start..<np.range.upperBound)
      // "The Serious Fraud Office welcomed the sentence. “…,” a spokeswoman said.": a
      // spokeswoman speaks for the organisation her paragraph has just named.
      if np.range.upperBound - start == 1, QuoteLexicon.spokespeople.contains(words.baseKey(head)),
        let organisation = organisation(before: np.range.lowerBound)
      {
        var name = text.string(tokens: organisation)
        if name.hasPrefix("The ") { name = "the" + name.dropFirst(3) }
        description += " for " + name
      }
      // A description that opens a sentence is written lower-case elsewhere ("Officials said").
      if words.isCapitalized(start), !words.isAcronym(start), start == np.range.lowerBound, let first = description.first {
        description = first.lowercased() + description.dropFirst()
      }
      return people.addDescribedSpeaker(description, at: np.range)
    }

    /// The organisation named last before `index` in its paragraph, outside quotations
    /// ("the Serious Fraud Office"): capitalised words ending in an institution's noun.
    func organisation(before index: Int) -> Range<Int>? {
      guard let segment = text.segments.first(where: { $0.tokens.contains(index) }) else { return nil }
      var last = index - 1
      while last >= segment.tokens.lowerBound {
        if !quoted[last], words.isCapitalized(last), QuoteLexicon.institutionNouns.contains(words.baseKey(last)),
          let phrase = backwardPhrase(endingAt: last, lowerLimit: segment.tokens.lowerBound),
          phrase.range.filter({ words.isCapitalized($0) }).count > 1
        {
          return phrase.range
        }
        last -= 1
      }
      return nil
    }

    /// The end (exclusive) of an apposition that says what a person is, after `index`.
    func appositionEnd(after index: Int) -> Int? {
      guard let segment = text.segments.first(where: { $0.tokens.contains(index) }),
        words.apposition(after: index, limit: segment.tokens.upperBound).map({ !$0.text.isEmpty }) == true
      else { return nil }
      var end = index + 1
      while end < segment.tokens.upperBound, end - index < 16, !words.isPunctuation(end, 0x2C), !isTerminal(end), !isQuoteMark(end),
        !words.isDash(end), !words.isPunctuation(end, 0x3B)
      {
        end += 1
      }
      return end > index + 1 ? end : nil
    }

    // MARK: Kinds

    func isScare(_ span: QuoteSpan, wordCount: Int, segment: QuoteText.Segment) -> Bool {
      // A full stop, question or exclamation mark of its own makes it speech.
      if let last = span.tokens.last, isTerminal(last) || words.isPunctuation(last, 0x3F) || words.isPunctuation(last, 0x21) { return false }
      // Introduced by a colon or "said," is speech.
      var before = span.openMark - 1
      while before >= segment.tokens.lowerBound, isQuoteMark(before) { before -= 1 }
      if before >= segment.tokens.lowerBound, words.isPunctuation(before, 0x3A) { return false }
      if before >= segment.tokens.lowerBound, words.isPunctuation(before, 0x2C), before > segment.tokens.lowerBound, words.isReportingVerb(before - 1) { return false }
      if wordCount <= SpeakerAttributor.scareWordLimit { return true }
      // A title: every word capitalised, a few words.
      let wordTokens = span.tokens.filter { tokens[$0].kind == .word }
      return wordCount <= 6 && !wordTokens.isEmpty && wordTokens.allSatisfy { words.isCapitalized($0) } && span.tokens.lowerBound != segment.tokens.lowerBound + 1
    }

    /// Whether a nested quotation is speech the outer speaker reports ("people ask, ‘Why…?’").
    func introducedBySpeech(_ span: QuoteSpan, parent: QuoteSpan) -> Bool {
      var index = span.openMark - 1
      var seen = 0
      while index >= parent.tokens.lowerBound, seen < 3 {
        if tokens[index].kind == .word {
          if words.isReportingVerb(index) { return true }
          seen += 1
        }
        index -= 1
      }
      return false
    }
  }
}
