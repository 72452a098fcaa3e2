/// Front matter at the top of a Markdown file: `---`, `key: value` lines, `---`.
package struct FrontMatter: Sendable, Equatable {
  /// The keys and values in order, keys lower-cased.
  package var fields: [(key: String, value: String)]
  /// The byte range of the whole block, delimiters and final line break included.
  package var range: Range<Int>

  package static func == (lhs: FrontMatter, rhs: FrontMatter) -> Bool {
    lhs.range == rhs.range && lhs.fields.elementsEqual(rhs.fields, by: { $0 == $1 })
  }

  /// The value of `key`, if present and not empty.
  package subscript(key: String) -> String? {
    fields.first { $0.key == key }.map(\.value).flatMap { $0.isEmpty ? nil : $0 }
  }

  /// Reads the front matter at the start of `text`, or returns nil when there is none
  /// (no opening `---` line, or no closing one within the first 200 lines).
  package static func parse(_ text: String) -> FrontMatter? {
    let bytes = Array(text.utf8)
    let lines = ParagraphSplitter.lines(in: bytes)
    guard let first = lines.first, String(decoding: bytes[ParagraphSplitter.trim(bytes, first)], as: UTF8.self) == "---"
    else { return nil }
    var fields: [(key: String, value: String)] = []
    let maximumLines = 200
    for line in lines.dropFirst().prefix(maximumLines) {
      let content = String(decoding: bytes[ParagraphSplitter.trim(bytes, line)], as: UTF8.self)
      if content == "---" || content == "..." {
        let end = min(line.upperBound + 1, bytes.count)
        return FrontMatter(fields: fields, range: 0..<end)
      }
      if content.isEmpty || content.hasPrefix("#") { continue }
      guard let colon = content.firstIndex(of: ":") else { continue }
      let key = content[..<colon].trimmingSpaces().lowercased()
      var value = content[content.index(after: colon)...].trimmingSpaces()
      if value.count >= 2, let quote = value.first, quote == "\"" || quote == "'", value.last == quote {
        value = String(value.dropFirst().dropLast())
      }
      fields.append((key, value))
    }
    return nil
  }

  /// The metadata the front matter states.
  package var metadata: DocumentMetadata {
    DocumentMetadata(
      title: self["title"].map { MetadataValue($0) },
      outlet: (self["outlet"] ?? self["source"] ?? self["publisher"] ?? self["site"]).map { MetadataValue($0) },
      date: (self["date"] ?? self["published"]).map { MetadataValue($0) },
      author: (self["author"] ?? self["byline"]).map { MetadataValue($0) },
      url: self["url"].map { MetadataValue($0) })
  }
}

extension StringProtocol {
  /// The string without leading and trailing white space.
  package func trimmingSpaces() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !Characters.isSpace($0) }) else { return "" }
    let last = scalars.lastIndex(where: { !Characters.isSpace($0) }) ?? first
    // The same scalars, copied as bytes rather than appended one by one.
    return String(self[first..<scalars.index(after: last)])
  }
}
