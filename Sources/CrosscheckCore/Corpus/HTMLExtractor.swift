// Main-text extraction from news web pages.
//
// The page is parsed with libxml2's error-recovering HTML parser (no network access), then
// read in two passes over the tree, both iterative so that deeply nested markup cannot
// exhaust the stack. The first pass gathers metadata (`<title>`, `<meta>` tags, JSON-LD)
// and scores containers by the text of their direct `<p>` children, in the spirit of
// text-density extraction (Kohlschütter and Nejdl, "A Densitometric Approach to Web Page
// Segmentation", CIKM 2008). The second pass writes the chosen container's blocks as
// paragraphs, leaving out scripts, navigation, headers, footers, asides, forms and
// elements whose class or id names a share bar, comments, related links or an advert.

@preconcurrency import CLibXML2
import Foundation

/// Extracts an article's main text and metadata from an HTML page.
package struct HTMLExtractor: Sendable {
  /// What a page yields.
  package struct Page: Sendable, Equatable {
    /// The article text: one paragraph per block, separated by blank lines.
    package var text: String
    /// What the page states about itself.
    package var metadata: DocumentMetadata
  }

  /// Elements whose content is never article text.
  static let droppedElements: Set<String> = [
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button", "select",
    "textarea", "input", "label", "iframe", "svg", "canvas", "figure", "figcaption", "menu", "dialog", "object",
    "embed", "video", "audio", "head",
  ]
  /// Class or id words that mark page furniture.
  static let droppedClassWords: Set<String> = [
    "share", "sharing", "social", "comment", "comments", "newsletter", "related", "promo", "advert", "advertisement",
    "ad", "ads", "breadcrumb", "breadcrumbs", "subscribe", "subscription", "sidebar", "cookie", "cookies", "popup",
    "modal", "tags", "nav", "navigation", "menu", "footer", "masthead", "paywall", "recirculation", "outbrain", "taboola",
  ]
  /// Elements that start a new paragraph.
  static let blockElements: Set<String> = [
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote",
    "pre", "table", "tr", "td", "th", "dd", "dt", "dl", "br", "hr", "body", "center", "address", "details", "summary",
  ]
  /// Article types of JSON-LD records.
  static let articleTypes: Set<String> = ["NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle", "WebPage", "Report"]

  /// An extractor with the built-in rules.
  package init() {}

  /// Reads a page.
  /// - Parameter html: the page's text.
  /// - Returns: the article text and metadata, or nil when the page has no text at all.
  package func extract(_ html: String) -> Page? {
    extract(bytes: Array(html.utf8), encoding: "UTF-8")
  }

  /// Reads a page from its bytes in a named encoding ("windows-1252", "ISO-8859-1"), which
  /// libxml2 decodes.
  package func extract(bytes: [UInt8], encoding: String) -> Page? {
    var bytes = bytes
    guard !bytes.isEmpty else { return nil }
    bytes.append(0)
    // XML_PARSE_HUGE lifts libxml2's nesting limit of 256, past which it would drop the
    // rest of the page; the parser and both passes here are iterative, so depth is safe.
    let options = Int32(
      HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
        | XML_PARSE_HUGE.rawValue)
    let document = bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
        htmlReadMemory($0, Int32(buffer.count - 1), nil, encoding, options)
      }
    }
    guard let document else { return nil }
    defer { xmlFreeDoc(document) }
    guard let root = xmlDocGetRootElement(document) else { return nil }

    var survey = Survey()
    survey.read(root)
    let container = survey.container ?? root
    var writer = BlockWriter()
    writer.write(container)
    let text = writer.paragraphs.joined(separator: "\n\n")
    guard !text.isEmpty else { return nil }
    return Page(text: text, metadata: survey.metadata())
  }

  /// The character set a page declares in its first bytes (`<meta charset="…">` or
  /// `content="text/html; charset=…"`), lower-cased, or nil.
  package static func declaredCharset(_ bytes: [UInt8]) -> String? {
    let head = String(decoding: bytes.prefix(4096).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
    guard let end = head.byteOffset(afterLast: "charset=") else { return nil }
    let rest = Array(head.utf8)[end...].drop { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") || $0 == 0x20 }
    let name = rest.prefix { byte in
      (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }
    return name.isEmpty ? nil : String(decoding: name, as: UTF8.self)
  }

  // MARK: Reading the tree

  /// An element's lower-cased tag name.
  static func name(_ node: xmlNodePtr) -> String {
    guard let name = node.pointee.name else { return "" }
    return String(cString: name).lowercased()
  }

  static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
    guard let value = xmlGetProp(node, name) else { return nil }
    defer { xmlFree(value) }
    return String(cString: value)
  }

  /// All the text under a node, white space collapsed.
  static func textContent(_ node: xmlNodePtr) -> String {
    guard let content = xmlNodeGetContent(node) else { return "" }
    defer { xmlFree(content) }
    return collapse(String(cString: content))
  }

  /// The text with runs of white space (including no-break spaces from `&nbsp;`) as one space.
  static func collapse(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for scalar in text.unicodeScalars {
      if Characters.isSpace(scalar) {
        pendingSpace = !result.isEmpty
        continue
      }
      if pendingSpace { result.unicodeScalars.append(" ") }
      pendingSpace = false
      result.unicodeScalars.append(scalar)
    }
    return result
  }

  /// Whether an element is page furniture by its tag, class, id, role or visibility.
  static func isDropped(_ node: xmlNodePtr, name: String) -> Bool {
    if droppedElements.contains(name) || name.hasPrefix("amp-") { return true }
    if attribute(node, "hidden") != nil || attribute(node, "aria-hidden") == "true" { return true }
    if let role = attribute(node, "role"), ["navigation", "banner", "contentinfo", "complementary", "search", "dialog"].contains(role) {
      return true
    }
    if let style = attribute(node, "style")?.lowercased().replacingOccurrences(of: " ", with: ""), style.contains("display:none") {
      return true
    }
    for attributeName in ["class", "id"] {
      guard let value = attribute(node, attributeName)?.lowercased() else { continue }
      let words = value.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" })
      if words.contains(where: { droppedClassWords.contains(String($0)) }) { return true }
    }
    return false
  }

  /// The first pass: metadata and the best container.
  struct Survey {
    var title: String?
    var meta: [String: String] = [:]
    var jsonLD: [[String: Any]] = []
    var firstTime: String?
    var articles: [(xmlNodePtr, Int)] = []
    var main: xmlNodePtr?
    var scores: [xmlNodePtr: Int] = [:]

    mutating func read(_ root: xmlNodePtr) {
      var stack: [xmlNodePtr] = [root]
      while let node = stack.popLast() {
        guard node.pointee.type == XML_ELEMENT_NODE else { continue }
        let name = HTMLExtractor.name(node)
        switch name {
        case "title":
          if title == nil { title = HTMLExtractor.textContent(node) }
        case "meta":
          if let content = HTMLExtractor.attribute(node, "content") {
            for key in ["property", "name", "itemprop"] {
              if let name = HTMLExtractor.attribute(node, key)?.lowercased(), meta[name] == nil { meta[name] = content.trimmingSpaces() }
            }
          }
        case "script":
          if HTMLExtractor.attribute(node, "type")?.lowercased() == "application/ld+json", let content = xmlNodeGetContent(node) {
            let data = Data(String(cString: content).utf8)
            xmlFree(content)
            if let object = try? JSONSerialization.jsonObject(with: data) { collect(object) }
          }
          continue
        case "style", "noscript", "template":
          continue
        case "time":
          if firstTime == nil { firstTime = HTMLExtractor.attribute(node, "datetime") }
        case "article":
          articles.append((node, 0))
        case "main":
          if main == nil { main = node }
        case "p":
          if let parent = node.pointee.parent, !HTMLExtractor.isDropped(node, name: name) {
            scores[parent, default: 0] += HTMLExtractor.textContent(node).utf8.count
          }
        default:
          if main == nil, HTMLExtractor.attribute(node, "role") == "main" || HTMLExtractor.attribute(node, "itemprop") == "articleBody" {
            main = node
          }
        }
        var child = node.pointee.last
        while let current = child {
          stack.append(current)
          child = current.pointee.prev
        }
      }
    }

    /// Collects JSON-LD records, looking inside arrays and `@graph`.
    mutating func collect(_ object: Any) {
      var pending = [object]
      var visited = 0
      while let next = pending.popLast(), visited < 1000 {
        visited += 1
        if let array = next as? [Any] { pending.append(contentsOf: array.reversed()) }
        guard let record = next as? [String: Any] else { continue }
        if let graph = record["@graph"] { pending.append(graph) }
        jsonLD.append(record)
      }
    }

    /// The element holding the article: the `<article>` with the most paragraph text, else
    /// `<main>`, else the element whose `<p>` children hold the most text.
    var container: xmlNodePtr? {
      func inside(_ node: xmlNodePtr) -> Int {
        var total = 0
        for (element, score) in scores {
          var parent: xmlNodePtr? = element
          while let current = parent {
            if current == node { total += score; break }
            parent = current.pointee.parent
          }
        }
        return total
      }
      if !articles.isEmpty {
        let best = articles.map { ($0.0, inside($0.0)) }.max { $0.1 < $1.1 }
        if let best, best.1 > 0 { return best.0 }
      }
      if let main { return main }
      return scores.max { $0.value < $1.value || ($0.value == $1.value && UInt(bitPattern: $0.key) > UInt(bitPattern: $1.key)) }?.key
    }

    /// The article record of the JSON-LD, if any.
    var article: [String: Any]? {
      jsonLD.first { record in
        let types = (record["@type"] as? String).map { [$0] } ?? (record["@type"] as? [String]) ?? []
        return types.contains { HTMLExtractor.articleTypes.contains($0) } && record["headline"] != nil
      } ?? jsonLD.first { $0["headline"] != nil }
    }

    static func name(of value: Any?) -> String? {
      if let text = value as? String { return text.trimmingSpaces().isEmpty ? nil : text.trimmingSpaces() }
      if let record = value as? [String: Any] { return name(of: record["name"]) }
      if let list = value as? [Any] {
        let names = list.compactMap { name(of: $0) }
        return names.isEmpty ? nil : names.joined(separator: ", ")
      }
      return nil
    }

    func metadata() -> DocumentMetadata {
      let article = self.article
      func value(_ text: String?, _ source: String) -> MetadataValue? {
        guard let text, !text.isEmpty else { return nil }
        return MetadataValue(HTMLExtractor.collapse(text), inferred: false, evidence: source)
      }
      var metadata = DocumentMetadata()
      metadata.outlet = value(meta["og:site_name"], "og:site_name") ?? value(Self.name(of: (article?["publisher"] as? [String: Any])?["name"]), "JSON-LD publisher")
        ?? value(meta["application-name"], "application-name")
      metadata.title = value(article?["headline"] as? String, "JSON-LD headline") ?? value(meta["og:title"], "og:title")
        ?? value(meta["twitter:title"], "twitter:title") ?? value(title.map { stripSiteName($0, site: metadata.outlet?.value) }, "<title>")
      let date = (article?["datePublished"] as? String).map { ($0, "JSON-LD datePublished") }
        ?? meta["article:published_time"].map { ($0, "article:published_time") }
        ?? (meta["date"] ?? meta["pubdate"] ?? meta["dc.date"] ?? meta["datepublished"]).map { ($0, "<meta> date") }
        ?? firstTime.map { ($0, "<time datetime>") }
      if let (text, source) = date {
        let day = StatedDate.first(in: text).map(\.value) ?? text
        metadata.date = value(day, source)
      }
      metadata.author = value(Self.name(of: article?["author"]), "JSON-LD author") ?? value(meta["author"], "<meta name=author>")
      metadata.url = value(meta["og:url"], "og:url")
      return metadata
    }

    /// "Headline | Site" → "Headline".
    func stripSiteName(_ title: String, site: String?) -> String {
      for separator in [" | ", " – ", " — ", " - ", " :: "] {
        guard let range = title.range(of: separator, options: .backwards) else { continue }
        let tail = title[range.upperBound...].trimmingSpaces()
        if site.map({ tail.lowercased() == $0.lowercased() }) ?? (tail.split(separator: " ").count <= 4) {
          return String(title[..<range.lowerBound])
        }
      }
      return title
    }
  }

  /// The second pass: the container's blocks as paragraphs.
  struct BlockWriter {
    var paragraphs: [String] = []
    var current = ""

    mutating func flush() {
      let paragraph = HTMLExtractor.collapse(current)
      if !paragraph.isEmpty { paragraphs.append(paragraph) }
      current = ""
    }

    mutating func write(_ root: xmlNodePtr) {
      // (node, leaving): a block element is visited again on the way out to end its paragraph.
      var stack: [(xmlNodePtr, Bool)] = [(root, false)]
      while let (node, leaving) = stack.popLast() {
        if leaving {
          flush()
          continue
        }
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
          if let content = node.pointee.content { current += String(cString: content) }
          continue
        case XML_ELEMENT_NODE:
          break
        default:
          continue
        }
        let name = HTMLExtractor.name(node)
        if node != root, HTMLExtractor.isDropped(node, name: name) { continue }
        if HTMLExtractor.blockElements.contains(name) {
          flush()
          stack.append((node, true))
        }
        var child = node.pointee.last
        while let element = child {
          stack.append((element, false))
          child = element.pointee.prev
        }
      }
      flush()
    }
  }
}
