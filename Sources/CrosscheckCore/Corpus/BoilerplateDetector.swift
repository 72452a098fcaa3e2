import Foundation

// Line-level boilerplate classification.
//
// Web articles saved as text keep the page furniture around the story: navigation trails,
// share and comment widgets, links to other stories, captions, bylines, author boxes and
// copyright footers. Following the line-classification view of boilerplate removal
// (Kohlschütter, Fankhauser and Nejdl, "Boilerplate Detection using Shallow Text
// Features", WSDM 2010), each paragraph is judged on its own shallow cues (its opening
// words, its length, whether it ends like a sentence) and on cues from the rest of the
// document (a line that truncates the headline, a teaser repeated at the start of a later
// paragraph). Lines repeated across one outlet's articles need the corpus and are found by
// `OutletBoilerplateFinder`.

/// Finds the paragraphs of a document that are page furniture rather than article text.
package struct BoilerplateDetector: Sendable {
  /// One paragraph judged to be boilerplate.
  package struct Finding: Sendable, Equatable {
    /// The paragraph's byte range.
    package var range: Range<Int>
    /// Why it is boilerplate.
    package var kind: BoilerplateKind
  }

  /// Longest line that can be a widget, a byline or a link line, in words.
  static let maximumWidgetWords = 30
  /// Shortest teaser: shorter repeated openings are ordinary sentence starts.
  static let minimumTeaserWords = 8
  /// Longest line treated as a short repeated line (captions, labels).
  static let maximumShortLineWords = 12
  /// Longest item of a list of links, in words.
  static let maximumLinkItemWords = 15
  /// Author bios sit at the very top or in the last few paragraphs.
  static let bioWindow = 4

  /// A detector with the built-in cues.
  package init() {}

  /// Classifies `paragraphs` of `buffer`.
  /// - Parameters:
  ///   - buffer: the document's text.
  ///   - paragraphs: the candidate paragraphs (a headline paragraph already removed).
  ///   - title: the document's title, when known, to find captions that repeat it.
  /// - Returns: the boilerplate paragraphs, in text order.
  /// - Complexity: O(n) in the text, plus O(p) dictionary look-ups for p paragraphs.
  package func boilerplate(in buffer: TextBuffer, paragraphs: [Range<Int>], title: String?) -> [Finding] {
    let lines = paragraphs.map { LineText(buffer.string($0)) }
    var kinds = [BoilerplateKind?](repeating: nil, count: lines.count)
    var inLinkList = false
    for (index, line) in lines.enumerated() {
      // The items under a bare "Related:" or "More stories" label are links too.
      if inLinkList, line.wordCount <= Self.maximumLinkItemWords, line.isListItem || !line.endsLikeSentence {
        kinds[index] = .link
        continue
      }
      let kind = Self.kind(of: line, index: index, count: lines.count, previous: index > 0 ? kinds[index - 1] : nil)
      kinds[index] = kind
      inLinkList = kind == .link && Self.linkLabels.contains(line.lower.trimmingTrailingPunctuation())
    }
    markRepeats(lines, kinds: &kinds, title: title)
    return zip(paragraphs, kinds).compactMap { range, kind in kind.map { Finding(range: range, kind: $0) } }
  }

  /// Cues that need the other lines: truncated headline repeats, repeated short lines, teasers.
  private func markRepeats(_ lines: [LineText], kinds: inout [BoilerplateKind?], title: String?) {
    let titleWords = title.map { Self.foldedWords($0) } ?? []
    let titleVocabulary = Set(titleWords)
    var shortLines: [String: [Int]] = [:]
    // Paragraphs keyed by their first words, to find teasers without comparing every pair.
    var byOpening: [String: [Int]] = [:]
    let openings = lines.map { $0.wordCount >= Self.minimumTeaserWords ? $0.opening : "" }
    for (index, line) in lines.enumerated() {
      if line.wordCount <= Self.maximumShortLineWords, !line.endsLikeSentence { shortLines[line.text, default: []].append(index) }
      if line.wordCount >= Self.minimumTeaserWords { byOpening[openings[index], default: []].append(index) }
    }
    for (index, line) in lines.enumerated() where kinds[index] == nil {
      if titleWords.count >= 3, line.wordCount >= 3, line.wordCount <= titleWords.count, !line.endsWithFullStop,
        let first = line.text.split(atAny: [" "], maxSplits: 1).first, titleVocabulary.contains(Self.foldedWords(String(first)).first ?? "")
      {
        let words = Self.foldedWords(line.text)
        if words.count * 2 >= titleWords.count, Self.isSubsequence(words, of: titleWords) {
          kinds[index] = .repeatedHeadline
          continue
        }
      }
      // Equal texts have equal word counts, so only a short line can repeat one.
      if line.wordCount <= Self.maximumShortLineWords, let repeats = shortLines[line.text], repeats.count > 1 {
        kinds[index] = .repeatedLine
        continue
      }
      if line.wordCount >= Self.minimumTeaserWords, let candidates = byOpening[openings[index]] {
        for later in candidates where later > index && kinds[later] == nil {
          let longer = lines[later].text
          if longer.utf8.count > line.text.utf8.count, longer.hasPrefix(line.text),
            longer.utf8.dropFirst(line.text.utf8.count).first == UInt8(ascii: " ")
          {
            kinds[index] = .teaser
            break
          }
        }
      }
    }
  }

  /// The kind of boilerplate a line is on its own, or nil for article text.
  static func kind(of line: LineText, index: Int, count: Int, previous: BoilerplateKind?) -> BoilerplateKind? {
    let lower = line.lower
    let short = line.wordCount <= maximumWidgetWords
    if short, Byline.parse(line.text) != nil { return .byline }
    if short, isShare(line) { return .share }
    if isNavigation(line) { return .navigation }
    if line.wordCount <= 16, isComments(line) { return .comments }
    if short, startsWithLabel(lower, linkLabels) { return .link }
    if line.wordCount <= 4, isAuthorHeading(lower) { return .authorBox }
    let nearEdge = index < bioWindow || index >= count - bioWindow || previous == .authorBox
    if nearEdge, isAuthorBio(line) { return .authorBio }
    if short, isCopyright(lower) { return .copyright }
    if short, isCredit(line) { return .sourceCredit }
    if isCaption(line) { return .caption }
    if short, isNewsletter(lower) { return .newsletter }
    if short, isMediaPrompt(lower) { return .media }
    if short, isContact(line) { return .contact }
    if line.wordCount <= 6, advertisementLines.contains(lower.trimmingTrailingPunctuation()) { return .advertisement }
    if short, startsWithLabel(lower, noticeLabels) { return .notice }
    if line.wordCount <= 8, isReadingTime(lower) { return .byline }
    return nil
  }

  // MARK: Cues

  static let noticeLabels = ["disclaimer", "note to readers", "legal notice", "terms of use", "privacy policy"]

  static let navigationSeparators = ["»", "›", " > ", " / ", " | ", "→"]

  static let navigationLabels = ["tags", "topics", "filed under", "categories", "category", "posted in"]

  static func isNavigation(_ line: LineText) -> Bool {
    let lower = line.lower
    if startsWithLabel(lower, navigationLabels) { return true }
    // A breadcrumb: "Home » News » Local » Headline".
    if lower.hasPrefix("home"), line.wordCount <= 40 {
      let rest = lower.dropFirst(4).trimmingSpaces()
      if navigationSeparators.contains(where: { rest.hasPrefix($0.trimmingSpaces()) }) { return true }
    }
    // A separator stands between spaces; a guillemet against a word closes a quotation
    // («Nous restons,» said the minister), and a line that opens one is text.
    if line.text.includes(" » ") || line.text.includes(" › "), !line.text.includes("«") {
      let parts = breadcrumbParts(line.text)
      if parts.count >= 2, parts.dropLast().allSatisfy({ $0.split(atAny: [" "]).count <= 4 }) { return true }
    }
    // A menu: "News | Sport | Weather | Opinion".
    guard line.wordCount <= maximumWidgetWords, line.text.includes("|") else { return false }
    let pieces = line.text.split(separator: "|").map { $0.trimmingSpaces() }
    if pieces.count >= 3, pieces.allSatisfy({ !$0.isEmpty && $0.split(atAny: [" "]).count <= 3 }), !line.endsLikeSentence {
      return true
    }
    return false
  }

  /// The parts of a breadcrumb trail, first to last.
  static func breadcrumbParts(_ text: String) -> [String] {
    var parts = [text]
    for separator in [" » ", " › ", " > ", " → "] {
      parts = parts.flatMap { $0.components(separatedBy: separator) }
    }
    return parts.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
  }

  static let socialNetworks: Set<String> = [
    "facebook", "twitter", "x", "whatsapp", "linkedin", "email", "e-mail", "pinterest", "reddit", "telegram",
    "instagram", "tiktok", "threads", "bluesky", "youtube", "print", "copy link", "messenger", "mastodon",
  ]

  /// Single words of a share bar, one per line ("SHARE", "TWEET", "EMAIL", "Print").
  static let shareWords: Set<String> = [
    "share", "tweet", "email", "e-mail", "print", "pin", "save", "copy link", "whatsapp", "facebook", "twitter", "linkedin",
    "reddit", "telegram", "print this article", "print this page", "print article", "email this article", "share article",
  ]

  static let shareLabels = [
    "share this", "share this article", "share this story", "share", "share on", "share via", "share article", "follow us", "follow us on",
  ]

  static func isShare(_ line: LineText) -> Bool {
    let lower = line.lower
    if line.wordCount <= 3, shareWords.contains(lower.trimmingTrailingPunctuation()) { return true }
    // "Follow Jane Doe on X @janedoe", "Follow us on Instagram".
    if lower.hasPrefix("follow "), line.wordCount <= 12, lower.includes("@") || lower.includes(" on ") {
      let words = lower.split(atAny: [" "]).map { $0.trimmingCharacters(".,:@") }
      if words.contains(where: { socialNetworks.contains(String($0)) }) || lower.includes("@") { return true }
    }
    if startsWithLabel(lower, shareLabels) {
      return true
    }
    if lower.hasPrefix("share on ") || lower.hasPrefix("follow us on ") || lower.hasPrefix("click to share") { return true }
    // A row of network names: "Facebook | Twitter | Email".
    guard line.wordCount <= 8 else { return false }
    let names = lower.split(atAny: [" ", "|", ",", "·", "•", "/"]).map(String.init)
    let networks = names.filter { socialNetworks.contains($0) }.count
    return names.count <= 8 && networks >= 2 && networks * 2 >= names.count
  }

  static let commentLines: Set<String> = [
    "leave a comment", "leave a reply", "post a comment", "add a comment", "comments", "comment", "join the conversation",
    "view comments", "show comments", "no comments yet", "cancel reply", "add your comment", "write a comment",
    "be the first to comment", "load comments", "see comments",
  ]

  static func isComments(_ line: LineText) -> Bool {
    let lower = line.lower.trimmingTrailingPunctuation()
    if commentLines.contains(lower) { return true }
    if lower.hasPrefix("leave a comment") || lower.hasPrefix("leave a reply") || lower.hasPrefix("you must be logged in to") { return true }
    // "0 Comment", "12 comments", "Comments (3)".
    let words = lower.split(atAny: [" "])
    if words.count == 2, words[0].allSatisfy(\.isNumber), words[1].hasPrefix("comment") { return true }
    if words.count <= 3, words.first?.hasPrefix("comments") == true, lower.includes("(") { return true }
    if lower.includes("email") && (lower.includes("will not be published") || lower.includes("required fields")) { return true }
    if lower.includes("required fields are marked") { return true }
    return false
  }

  /// Labels that introduce a link to another story.
  static let linkLabels = [
    "also read", "read also", "read more", "related", "related stories", "related articles", "related coverage",
    "related news", "related content", "see also", "more", "more stories", "more news", "recommended", "recommended for you",
    "read next", "up next", "you may also like", "you might also like", "don't miss", "don’t miss", "trending",
    "most read", "most popular", "further reading", "more on this story", "in other news", "editor's picks", "editor’s picks",
    "must read", "continue reading", "read the full story", "read full story", "read the latest", "trending now",
    "popular now", "most viewed", "top stories", "latest news", "latest stories", "what to read next", "more coverage",
  ]

  static let authorHeadings: Set<String> = [
    "about the author", "about the authors", "about the writer", "about author", "author", "authors", "author bio",
    "about the reporter", "meet the author", "more from this author", "more from the author",
  ]

  static func isAuthorHeading(_ lower: String) -> Bool {
    authorHeadings.contains(lower.trimmingTrailingPunctuation())
  }

  static let journalismWords = [
    "journalist", "reporter", "writer", "correspondent", "editor", "columnist", "contributor", "covers ",
    "writes about", "reported on", "freelance", "producer", "reporting", "news desk", "newsroom", "blogger",
  ]

  static let bioVerbs = ["is a ", "is an ", "is the ", "covers ", "writes ", "reports ", "has covered ", "has been ", "joined ", "was a ", "is our ", "works as "]

  /// A first-person ("I am Jane Doe, a journalist for …") or third-person ("Jane Doe covers
  /// politics for …") author biography.
  static func isAuthorBio(_ line: LineText) -> Bool {
    let lower = line.lower
    // The opening is cheaper to read than a search for the journalism words, and rules out
    // most paragraphs.
    let firstPerson = lower.hasPrefix("i am ") || lower.hasPrefix("i'm ") || lower.hasPrefix("i’m ") || lower.hasPrefix("hi, i'm ")
    if !firstPerson {
      guard mayOpenWithTwoNameWords(line.text), let name = leadingName(line.text), name.count >= 2 else { return false }
      let rest = line.text.dropFirst(name.joined(separator: " ").count).trimmingSpaces().lowercased()
      guard bioVerbs.contains(where: { rest.hasPrefix($0) }) else { return false }
    }
    return journalismWords.contains(where: { lower.includes($0) })
  }

  /// Whether `leadingName(text)` can hold two words or more, read from the opening bytes:
  /// false when the first or second word (past leading commas) starts with an ASCII byte
  /// that is not a capital, or the first ends with a comma. Text that is not ASCII that far
  /// is left to `leadingName`, since a character there may join the bytes around it.
  static func mayOpenWithTwoNameWords(_ text: String) -> Bool {
    let answer = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
      let space = UInt8(ascii: " ")
      let comma = UInt8(ascii: ",")
      var index = 0
      func skip(_ byte: UInt8) { while index < bytes.count, bytes[index] == byte { index += 1 } }
      /// Whether the byte at `index` (after any commas) can start a word of a name: nil when
      /// it is not ASCII.
      func opensCapitalized() -> Bool? {
        skip(comma)
        guard index < bytes.count else { return false }
        let byte = bytes[index]
        guard byte < 0x80 else { return nil }
        return byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
      }
      skip(space)
      guard let first = opensCapitalized() else { return true }
      guard first else { return false }
      // The first word runs to the first space, all of it ASCII for the bytes to be characters.
      while index < bytes.count, bytes[index] != space {
        guard bytes[index] < 0x80 else { return true }
        index += 1
      }
      guard index < bytes.count else { return false }  // one word
      if bytes[index - 1] == comma { return false }  // "Doe, …" ends the name at one word
      skip(space)
      return opensCapitalized() ?? true
    }
    return answer ?? true
  }

  /// The capitalized words that open `text` (a name), or nil.
  static func leadingName(_ text: String) -> [String]? {
    var name: [String] = []
    for word in text.split(atAny: [" "], maxSplits: 4).prefix(4) {
      let cleaned = word.trimmingCharacters(",")
      guard let first = cleaned.unicodeScalars.first, Characters.isUppercase(first), cleaned.count > 1 || cleaned.hasSuffix(".") else { break }
      name.append(String(cleaned))
      if word.hasSuffix(",") { break }
    }
    return name.isEmpty ? nil : name
  }

  static func isCopyright(_ lower: String) -> Bool {
    lower.includes("©") || lower.hasPrefix("copyright") || lower.hasPrefix("(c) ") || lower.includes("all rights reserved")
  }

  /// "Source: …", "Reporting by …; Editing by …", "The Associated Press contributed to this report."
  static func isCredit(_ line: LineText) -> Bool {
    let lower = line.lower
    if line.wordCount <= 10, startsWithLabel(lower, ["source", "sources", "via", "credit", "credits"]) { return true }
    if lower.hasPrefix("reporting by ") || lower.hasPrefix("additional reporting by ") || lower.hasPrefix("(reporting by")
      || lower.hasPrefix("editing by ") || lower.hasPrefix("(with reporting") || lower.hasPrefix("with reporting by")
    {
      return true
    }
    if line.wordCount <= 14, lower.includes("contributed to this report") { return true }
    if lower.hasPrefix("this story was originally published") || lower.hasPrefix("this article was originally published")
      || lower.hasPrefix("this article first appeared") || lower.hasPrefix("originally published")
    {
      return true
    }
    return false
  }

  static let captionLabels = ["photo", "photos", "image", "picture", "pictured", "caption", "photograph", "illustration", "file photo", "above", "top"]
  static let creditWords = ["photo", "getty", "reuters", "afp", "file", "image", "shutterstock", "ap ", "courtesy", "credit", "epa"]

  /// Caption labels that open a caption line ("Photo: …"); "above" and "top" only point at one.
  static let openingCaptionLabels = captionLabels.filter { $0 != "above" && $0 != "top" }
  static let captionOpenings = ["(photo", "[photo", "photo by ", "photo credit", "image caption", "media caption", "image source", "caption,"]
  static let captionCreditLabels = ["credit:", "photo:", "photograph:", "image:", "photo credit:"]

  static func isCaption(_ line: LineText) -> Bool {
    let lower = line.lower
    if startsWithLabel(lower, openingCaptionLabels) { return true }
    if opens(lower, withAnyOf: captionOpenings) { return true }
    // A caption ends with its credit: "… (Gazette photo/Lena Ruiz)", "… | Getty Images".
    guard line.wordCount <= 60 else { return false }
    // Credits sit in the last few dozen characters.
    let tailLength = 80
    // Each credit form needs a ")", ":" or "|" there; lower-casing neither adds nor removes one.
    guard line.text.utf8.suffix(tailLength).contains(where: { $0 == UInt8(ascii: ")") || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "|") }) else {
      return false
    }
    let tail = String(decoding: line.text.utf8.suffix(tailLength), as: UTF8.self).lowercased()
    if tail.hasSuffix(")"), let open = tail.lastIndex(of: "(") {
      let credit = tail[open...]
      if credit.count <= 60, creditWords.contains(where: { credit.includes($0) }), credit.includes("/") || credit.includes("photo") || credit.includes("image") {
        return true
      }
    }
    // "… Credit: Valley Tech/Jonas Berg", "… Photo: Jane Roe/Agency".
    for label in captionCreditLabels {
      if let end = tail.byteOffset(afterLast: label), tail.utf8.count - end <= 50 {
        let credit = String(decoding: Array(tail.utf8)[end...], as: UTF8.self)
        if !credit.includes(".") || credit.includes("/") { return true }
      }
    }
    if tail.includes("|"), let bar = tail.lastIndex(of: "|") {
      let credit = tail[tail.index(after: bar)...]
      if credit.count <= 40, creditWords.contains(where: { credit.includes($0) }) { return true }
    }
    return false
  }

  static let newsletterWords = ["subscribe", "sign up", "sign-up", "inbox", "delivered", "get the", "join"]
  static let newsletterOpenings = [
    "join our ", "download our app", "get the app", "get our app", "subscribe to ", "subscribe now", "sign up for ", "sign up to ", "get our ",
    "get the latest ", "get breaking news", "become a subscriber", "already a subscriber", "support our journalism", "support independent journalism",
  ]

  static func isNewsletter(_ lower: String) -> Bool {
    if lower.includes("newsletter") && newsletterWords.contains(where: { lower.includes($0) }) {
      return true
    }
    return opens(lower, withAnyOf: newsletterOpenings)
  }

  /// "Reading time: 3 minutes", "4 min read".
  static func isReadingTime(_ lower: String) -> Bool {
    if lower.hasPrefix("reading time") || lower.hasPrefix("read time") || lower.hasPrefix("estimated reading time") { return true }
    let words = lower.split(atAny: [" "])
    return words.count <= 4 && words.first?.allSatisfy(\.isNumber) == true && (lower.hasSuffix("min read") || lower.hasSuffix("minute read") || lower.hasSuffix("minutes read"))
  }

  static let mediaOpenings = [
    "watch the video", "watch video", "watch:", "watch now", "watch live", "listen:", "listen to this", "listen to the", "play video", "click here",
    "click to play", "video:", "audio:", "podcast:", "watch the full", "listen now",
  ]

  static func isMediaPrompt(_ lower: String) -> Bool {
    if opens(lower, withAnyOf: mediaOpenings) { return true }
    return lower.hasPrefix("watch ") && (lower.includes("video") || lower.includes("above") || lower.includes("below"))
  }

  static let contactOpenings = [
    "have a story tip", "have a news tip", "have a tip", "got a tip", "got a news tip", "got a story", "contact us", "tips:", "send us your",
    "do you have a story", "share your story", "know something", "email us",
  ]
  static let contactWords = ["tip", "contact", "email", "e-mail", "write to", "reach", "send"]

  static func isContact(_ line: LineText) -> Bool {
    let lower = line.lower
    if opens(lower, withAnyOf: contactOpenings) { return true }
    // An e-mail address with a call to write: "Email the newsroom at tips@…".
    guard line.wordCount <= 30, lower.includes("@"), lower.split(atAny: [" "]).contains(where: isEmailAddress) else { return false }
    return contactWords.contains { lower.includes($0) }
  }

  static func isEmailAddress(_ word: Substring) -> Bool {
    let trimmed = word.trimmingCharacters(".,;:()<>")
    guard let at = trimmed.firstIndex(of: "@"), at != trimmed.startIndex else { return false }
    let domain = trimmed[trimmed.index(after: at)...]
    return domain.contains(".") && !domain.hasSuffix(".")
  }

  static let advertisementLines: Set<String> = [
    "advertisement", "advertisements", "sponsored", "sponsored content", "ad", "ads", "story continues below advertisement",
    "article continues below", "continue reading below", "scroll to continue", "story continues below", "paid content", "promoted",
  ]

  /// Whether `lower` opens with one of `openings` (lower-case, each starting with an ASCII
  /// character other than ";" and "`", the only ones a non-ASCII character is canonically
  /// equivalent to in lower-case text): an opening can match only where the first bytes agree.
  static func opens(_ lower: String, withAnyOf openings: [String]) -> Bool {
    guard let initial = lower.utf8.first else { return openings.contains { $0.isEmpty } }
    return openings.contains { $0.utf8.first == initial && lower.hasPrefix($0) }
  }

  /// Whether `lower` opens with one of `labels` followed by a separator (":", "»", a dash)
  /// or nothing at all.
  static func startsWithLabel(_ lower: String, _ labels: [String]) -> Bool {
    guard let initial = lower.utf8.first else { return false }
    for label in labels where label.utf8.first == initial && lower.hasPrefix(label) {
      let rest = lower.dropFirst(label.count)
      guard let next = rest.first else { return true }
      if next == ":" || next == "»" || next == "|" || next == "›" { return true }
      let trimmed = rest.drop(while: { $0 == " " })
      if let first = trimmed.first, trimmed.count < rest.count, first == "–" || first == "—" || first == "-" || first == ":" || first == "»" || first == "|" {
        return true
      }
      if trimmed.isEmpty { return true }
    }
    return false
  }

  // MARK: Comparing lines

  /// Lower-cased words with punctuation and possessive endings removed, for matching a
  /// caption against a headline ("Ukraine’s" matches "Ukraine").
  static func foldedWords(_ text: String) -> [String] {
    if text.utf8.allSatisfy({ $0 < 0x80 }) { return foldedASCIIWords(text) }
    var words: [String] = []
    for raw in text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\u{A0}" }) {
      var word = String(raw.unicodeScalars.filter { Characters.isLetter($0) || Characters.isDigit($0) || Characters.isApostrophe($0) }.map(Character.init))
      for suffix in ["'s", "’s", "'", "’"] where word.hasSuffix(suffix) {
        word.removeLast(suffix.count)
        break
      }
      word.removeAll { $0 == "'" || $0 == "’" }
      if !word.isEmpty { words.append(word) }
    }
    return words
  }

  /// `foldedWords` for ASCII text, on the bytes.
  static func foldedASCIIWords(_ text: String) -> [String] {
    var words: [String] = []
    var word: [UInt8] = []
    func finish() {
      if word.count >= 2, word[word.count - 2] == UInt8(ascii: "'"), word[word.count - 1] == UInt8(ascii: "s") {
        word.removeLast(2)
      }
      word.removeAll { $0 == UInt8(ascii: "'") }
      if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
      word.removeAll(keepingCapacity: true)
    }
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte + 32)
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "'"): word.append(byte)
      case 0x20, 0x09: finish()
      default: continue
      }
    }
    finish()
    return words
  }

  static func isSubsequence(_ small: [String], of large: [String]) -> Bool {
    var index = large.startIndex
    for word in small {
      guard let found = large[index...].firstIndex(of: word) else { return false }
      index = found + 1
    }
    return true
  }
}

/// A paragraph's text with the cheap features the classifier reads.
struct LineText {
  /// How many bytes of a line are lower-cased for matching cues.
  static let lowerWindow = 512
  let text: String
  let lower: String
  let wordCount: Int

  /// Whether the line is a list item ("- …", "• …").
  let isListItem: Bool

  /// List and quote markers, tried in this order.
  static let markers = ["- ", "* ", "• ", "· ", "+ ", "> "]
  static let markerInitials: [UInt8] = [UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ">")]

  /// Reads a line, setting aside Markdown emphasis, quote and list markers around it.
  init(_ raw: String) {
    var bare = Substring(raw)
    var isListItem = false
    // A line that opens with any other ASCII byte has no marker (the bullets are not ASCII).
    let initial = raw.utf8.first ?? 0
    if initial >= 0x80 || Self.markerInitials.contains(initial) {
      for marker in Self.markers where bare.hasPrefix(marker) {
        bare = bare.dropFirst(marker.count)
        isListItem = marker != "> "
        break
      }
    }
    while let first = bare.first, first == "*" || first == "_" { bare = bare.dropFirst() }
    while let last = bare.last, last == "*" || last == "_" { bare = bare.dropLast() }
    let text = bare.includes("**") ? String(bare).replacingOccurrences(of: "**", with: "").trimmingSpaces() : String(bare)
    self.text = text
    self.isListItem = isListItem
    // Cues sit in a line's opening words (or, for long bios, early on): a long paragraph's
    // first bytes are enough, and lower-casing all of it would dominate the cost.
    self.lower = text.utf8.count > Self.lowerWindow ? String(decoding: text.utf8.prefix(Self.lowerWindow), as: UTF8.self).lowercased() : text.lowercased()
    // Words are counted between ASCII spaces and no-break spaces (C2 A0), on the bytes.
    func countWords(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
      var count = 0
      var inWord = false
      var previous: UInt8 = 0
      for byte in bytes {
        let isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0A || (byte == 0xA0 && previous == 0xC2)
        if isSpace { inWord = false } else if !inWord, byte != 0xC2 { inWord = true; count += 1 }
        previous = byte
      }
      return count
    }
    var copy = text
    self.wordCount = copy.withUTF8(countWords)
  }

  /// The first three words, as a key for finding repeats.
  var opening: String {
    var spaces = 0
    var end = text.utf8.endIndex
    for index in text.utf8.indices where text.utf8[index] == UInt8(ascii: " ") {
      spaces += 1
      if spaces == 3 { end = index; break }
    }
    return String(text[..<end])
  }

  /// The last scalar that is not a closing quotation mark or bracket.
  var lastMeaningfulScalar: Unicode.Scalar? {
    text.unicodeScalars.last { !Characters.isClosing($0) && !Characters.isSpace($0) && $0 != "*" }
  }

  /// Whether it ends with a full stop, question or exclamation mark, possibly inside quotes.
  var endsLikeSentence: Bool {
    guard let last = lastMeaningfulScalar else { return false }
    return last == "." || last == "!" || last == "?" || last == "…"
  }

  var endsWithFullStop: Bool { lastMeaningfulScalar == "." }
}

extension StringProtocol {
  /// The string without trailing punctuation such as ":" or "." (for matching labels).
  func trimmingTrailingPunctuation() -> String {
    var text = String(self)
    while let last = text.last, ":.!?*".contains(last) || last == " " { text.removeLast() }
    return text
  }

  /// The string without the given characters at either end.
  func trimmingCharacters(_ characters: String) -> Substring {
    var text = Substring(self)
    while let first = text.first, characters.contains(first) { text = text.dropFirst() }
    while let last = text.last, characters.contains(last) { text = text.dropLast() }
    return text
  }
}
