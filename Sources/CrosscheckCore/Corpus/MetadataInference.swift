/// Metadata read from an article's own text: its headline line, a dateline's agency and
/// date, a byline, a source credit, an author bio or newsletter prompt naming the outlet.
package enum MetadataInference {
  /// Longest headline, in words; longer first lines are ledes.
  static let maximumHeadlineWords = 20
  /// Most widget lines read past before a headline.
  static let maximumLeadingWidgets = 6

  /// The paragraph that is the article's headline, if any: the first paragraph when it
  /// reads as a headline, or the one after a navigation trail ("Home » News » Headline").
  /// - Returns: the headline's paragraph index, its text and what shows it.
  package static func headline(buffer: TextBuffer, paragraphs: [Range<Int>], format: DocumentFormat) -> (index: Int, title: MetadataValue)? {
    guard paragraphs.count > 1 else { return nil }
    // Page furniture may come first: a navigation trail, share buttons, a date line.
    var index = 0
    // Whether the line at `index` was read as it would be as the first of two lines, and is not page furniture.
    var isPlain = false
    while index < min(maximumLeadingWidgets, paragraphs.count - 2) {
      let kind = BoilerplateDetector.kind(of: LineText(buffer.string(paragraphs[index])), index: index, count: paragraphs.count, previous: nil)
      if kind == nil {
        // Near either end a line is read exactly as `isHeadline` reads it.
        isPlain = index < BoilerplateDetector.bioWindow || index >= paragraphs.count - BoilerplateDetector.bioWindow
        break
      }
      index += 1
    }
    let text = buffer.string(paragraphs[index])
    guard isHeadline(text, format: format, isPlain: isPlain) else { return nil }
    let evidence = index == 0 ? text : "\(text) (after the lines \(LineText(buffer.string(paragraphs[0])).text) …)"
    return (index, MetadataValue(text.strippingMarkdownHeading(), inferred: true, evidence: evidence))
  }

  /// Infers outlet, date, author and source credit from the body and the boilerplate.
  /// - Parameters:
  ///   - buffer: the text.
  ///   - body: the article's body paragraphs.
  ///   - boilerplate: the boilerplate paragraphs and their kinds.
  package static func infer(buffer: TextBuffer, body: [Range<Int>], boilerplate: [BoilerplateDetector.Finding]) -> DocumentMetadata {
    var metadata = DocumentMetadata()
    var outlets: [MetadataValue] = []
    // The dateline opens the first paragraph of the body.
    if let lede = body.first {
      let text = buffer.string(lede)
      if let (agency, evidence) = datelineAgency(in: text) {
        outlets.append(MetadataValue(agency, inferred: true, evidence: evidence))
        if let date = StatedDate.first(in: evidence) {
          metadata.date = MetadataValue(date.value, inferred: true, evidence: evidence)
        }
      }
    }
    var laterOutlets: [MetadataValue] = []
    for finding in boilerplate {
      let text = buffer.string(finding.range)
      switch finding.kind {
      case .byline:
        guard let byline = Byline.parse(text) else { continue }
        if metadata.author == nil, let author = byline.author { metadata.author = MetadataValue(author, inferred: true, evidence: text) }
        if let date = byline.date, metadata.date == nil || metadata.date?.value.first?.isNumber == false {
          metadata.date = MetadataValue(date.value, inferred: true, evidence: date.evidence)
        }
        if let outlet = byline.outlet { outlets.append(MetadataValue(outlet, inferred: true, evidence: text.components(separatedBy: " | ")[0])) }
      case .authorBio:
        if let (outlet, evidence) = employer(inBio: text) { laterOutlets.insert(MetadataValue(outlet, inferred: true, evidence: evidence), at: 0) }
        if metadata.author == nil, let name = bioName(text) { metadata.author = MetadataValue(name, inferred: true, evidence: text) }
      case .newsletter:
        if let (outlet, evidence) = newsletterOwner(text) { laterOutlets.append(MetadataValue(outlet, inferred: true, evidence: evidence)) }
      case .copyright:
        if let holder = copyrightHolder(text) { laterOutlets.append(MetadataValue(holder, inferred: true, evidence: text)) }
      case .sourceCredit:
        let lower = text.lowercased()
        if metadata.credit == nil, lower.hasPrefix("source") || lower.hasPrefix("via") || lower.hasPrefix("credit"), let colon = text.firstIndex(of: ":") {
          let value = text[text.index(after: colon)...].trimmingSpaces()
          if !value.isEmpty { metadata.credit = MetadataValue(value, inferred: true, evidence: text) }
        }
      default:
        continue
      }
    }
    metadata.outlet = (outlets + laterOutlets).first
    return metadata
  }

  /// Whether a paragraph reads as a headline: short, no final full stop, no dateline,
  /// not a navigation trail, not a byline.
  /// - Parameter isPlain: whether the line is already known not to be page furniture on its own.
  static func isHeadline(_ text: String, format: DocumentFormat, isPlain: Bool = false) -> Bool {
    if format == .markdown, text.hasPrefix("# ") { return true }
    let words = text.split(atAny: [" "], maxSplits: maximumHeadlineWords + 1)
    guard words.count >= 2, words.count <= maximumHeadlineWords, let last = text.unicodeScalars.last else { return false }
    if ".:;,".unicodeScalars.contains(last) { return false }
    // Navigation trails and menus ("Home » World", "News | Politics").
    if text.includes("»") || text.includes(" | ") || text.includes(" > ") { return false }
    if datelineAgency(in: text) != nil || Byline.parse(text) != nil { return false }
    if !isPlain, BoilerplateDetector.kind(of: LineText(text), index: 0, count: 2, previous: nil) != nil { return false }
    // A headline starts with a capital letter or a digit.
    guard let head = text.unicodeScalars.first, Characters.isUppercase(head) || Characters.isDigit(head) || head == "‘" || head == "“" || head == "\"" || head == "'"
    else { return false }
    return true
  }

  /// The news agency named in a dateline such as `Oct. 3 (UPI) —` or
  /// `KYIV, Ukraine (AP) —`: a short parenthesized name near the start, followed by a dash.
  /// - Returns: the agency and the dateline text, or nil.
  package static func datelineAgency(in text: String) -> (String, String)? {
    let window = 120
    // No bracket, no dateline: most paragraphs are settled without decoding a scalar.
    guard text.includes("(") else { return nil }
    let scalars = Array(text.unicodeScalars.prefix(window))
    guard let open = scalars.firstIndex(of: "("), let close = scalars[open...].firstIndex(of: ")") else { return nil }
    let inside = String(String.UnicodeScalarView(scalars[(open + 1)..<close])).trimmingSpaces()
    let insideWords = inside.split(atAny: [" "])
    guard !inside.isEmpty, insideWords.count <= 4, inside.unicodeScalars.first.map(Characters.isUppercase) == true,
      !inside.unicodeScalars.contains(where: Characters.isDigit)
    else { return nil }
    // A dash must follow the closing bracket.
    var index = close + 1
    while index < scalars.count, Characters.isSpace(scalars[index]) { index += 1 }
    guard index < scalars.count, ["\u{2014}", "\u{2013}", "-"].contains(scalars[index]) else { return nil }
    // The dateline before the bracket is short: a place and/or a date.
    let before = String(String.UnicodeScalarView(scalars[..<open])).trimmingSpaces()
    guard before.split(atAny: [" "]).count <= 6 else { return nil }
    let evidence = String(String.UnicodeScalarView(scalars[...index]))
    return (inside, evidence)
  }

  /// The outlet a bio says its author works for: "… journalist for Buna Times", "… covers
  /// crime for the Valley Ledger", "… a reporter at the Daily Planet".
  static func employer(inBio text: String) -> (String, String)? {
    let words = text.split(separator: " ")
    for (index, word) in words.enumerated() where (word == "for" || word == "at") && index + 1 < words.count {
      var start = index + 1
      if words[start].lowercased() == "the" { start += 1 }
      var name: [String] = []
      var position = start
      while position < words.count, name.count < 5 {
        let part = words[position]
        let bare = part.trimmingCharacters(".,;:")
        guard let first = bare.unicodeScalars.first, Characters.isUppercase(first) || Characters.isDigit(first) else { break }
        name.append(String(bare))
        position += 1
        if bare.count != part.count { break }
      }
      guard !name.isEmpty else { continue }
      let evidence = words[index..<position].joined(separator: " ").trimmingTrailingPunctuation()
      return (name.joined(separator: " "), evidence)
    }
    return nil
  }

  /// The author a bio is about: "I am David Wyatt, …" or "Jenna Whitlock covers …".
  static func bioName(_ text: String) -> String? {
    let lower = text.lowercased()
    var rest = Substring(text)
    for opening in ["i am ", "i'm ", "i’m ", "hi, i'm "] where lower.hasPrefix(opening) {
      rest = rest.dropFirst(opening.count)
      break
    }
    guard let name = BoilerplateDetector.leadingName(String(rest)), name.count >= 2, name.count <= 4 else { return nil }
    return name.joined(separator: " ")
  }

  /// The outlet a newsletter prompt names: "Subscribe to the Riverton Gazette newsletter".
  static func newsletterOwner(_ text: String) -> (String, String)? {
    let words = text.split(separator: " ")
    guard let index = words.firstIndex(where: { $0.lowercased().hasPrefix("newsletter") }), index > 0 else { return nil }
    var start = index
    while start > 0, let first = words[start - 1].unicodeScalars.first, Characters.isUppercase(first) || Characters.isDigit(first) {
      start -= 1
    }
    // The sentence's own first word ("Subscribe") is not part of the name.
    if start == 0 { start = 1 }
    guard start < index else { return nil }
    return (words[start..<index].joined(separator: " "), words[0...index].joined(separator: " "))
  }

  static let companySuffixes: Set<String> = ["llc", "inc", "ltd", "limited", "corp", "corporation", "co", "company", "group", "media", "holdings", "publishing", "plc", "gmbh", "all"]

  /// The holder a copyright line names, without company suffixes: "© 2024 Valley Ledger Media LLC." → "Valley Ledger".
  static func copyrightHolder(_ text: String) -> String? {
    var words = text.split(separator: " ").map { $0.trimmingCharacters(".,") }.filter { !$0.isEmpty }
    words.removeAll { $0 == "©" || $0.lowercased() == "copyright" || $0.lowercased() == "(c)" || $0.allSatisfy { $0.isNumber || $0 == "-" || $0 == "–" } }
    var name: [Substring] = []
    for word in words {
      guard let first = word.unicodeScalars.first, Characters.isUppercase(first) || Characters.isDigit(first) else { break }
      if word.lowercased() == "all" { break }
      name.append(word)
    }
    while let last = name.last, companySuffixes.contains(last.lowercased()), name.count > 1 { name.removeLast() }
    if name.count == 1, companySuffixes.contains(name[0].lowercased()) { return nil }
    return name.isEmpty ? nil : name.joined(separator: " ")
  }
}
