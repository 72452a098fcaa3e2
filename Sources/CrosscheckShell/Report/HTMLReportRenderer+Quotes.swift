import CrosscheckCore

extension HTMLReportRenderer {
  /// How a source renders a quote in the matrix: a class, a symbol and its meaning.
  struct Rendering {
    var className: String
    var symbol: String
    var meaning: String
  }

  /// The matrix's symbols, in the order the legend lists them.
  static let renderings: [String: Rendering] = [
    "verbatim": Rendering(className: "verbatim", symbol: "✓", meaning: "verbatim"),
    "punctuation": Rendering(className: "punctuation", symbol: "≈", meaning: "same words, other punctuation"),
    "trimmed": Rendering(className: "trimmed", symbol: "…", meaning: "trimmed"),
    "reworded": Rendering(className: "reworded", symbol: "~", meaning: "reworded"),
    "misattributed": Rendering(className: "misattributed", symbol: "!", meaning: "credited to someone else"),
  ]
  static let legendOrder = ["verbatim", "punctuation", "trimmed", "reworded", "misattributed"]

  /// How a cell of a collation differs from what most renderings read at its place.
  enum CollationDifference: String {
    /// Another word than most renderings have.
    case differs = "v"
    /// A word most renderings lack.
    case extra = "x"
    /// Nothing, where most renderings have a word.
    case missing = "gap"
  }

  /// Widest run of aligned words, in characters, shown on one line of a collation.
  static let collationLineWidth = 64

  /// The rendering shown for a source's occurrences of a quote: a misattribution first, then
  /// the closest rendering.
  static func rendering(of occurrences: [QuoteOccurrence]) -> (Rendering, QuoteOccurrence)? {
    if let wrong = occurrences.first(where: \.misattributed), let rendering = renderings["misattributed"] { return (rendering, wrong) }
    let ranked: [QuoteVariant] = [.verbatim, .punctuation, .trimmed, .reworded]
    for variant in ranked {
      if let occurrence = occurrences.first(where: { $0.variant == variant }), let rendering = renderings[variant.rawValue] {
        return (rendering, occurrence)
      }
    }
    return nil
  }

  func quotes(_ content: ReportContent) -> String {
    let quotes = content.analyses.quotes
    let sources = content.sources
    let matrix = sources.count <= ReportContent.matrixLimit
    var html = """
      <section class="card" id="quotes">
      <div class="actions"><button type="button" data-all="open">Show all renderings</button><button type="button" data-all="close">Hide all</button></div>
      <h2>Quotes</h2>
      <p class="note">One row per quotation, one column per source (numbered as in Sources). Click a row to see every source's rendering aligned word by word, the words where they differ highlighted.</p>

      """
    guard !content.quoteGroups.isEmpty else {
      return html + "<p class=\"note\">No quotations were found.</p>\n</section>\n"
    }
    let columnCount = 3 + (matrix ? sources.count : 1)
    html += "<div class=\"scroll\"><table class=\"matrix\">\n<thead><tr><th>group</th><th>speaker</th>"
    if matrix {
      for source in sources { html += "<th class=\"src\" title=\"\(text(source.id))\">\(source.number)</th>" }
    } else {
      html += "<th class=\"num\">sources</th>"
    }
    html += "<th>quote (fullest rendering)</th></tr></thead>\n<tbody>\n"
    var inTerms = false
    for entry in content.quoteGroups {
      let group = entry.group
      let canonical = quotes.occurrences[group.canonical]
      if canonical.kind == .scare, !inTerms {
        inTerms = true
        html += "<tr class=\"subhead\"><th colspan=\"\(columnCount)\">Terms in quotation marks</th></tr>\n"
      }
      let speaker = group.speaker.map { quotes.speakers[$0].speaker.name }
      html += "<tr class=\"group-row\" id=\"quote-group-\(group.id)\" data-detail=\"renderings-\(group.id)\">"
      html += "<td><button class=\"toggle\" type=\"button\" aria-expanded=\"true\" aria-controls=\"renderings-\(group.id)\">\(group.id)</button></td>"
      html += "<td class=\"speaker\">" + (speaker.map(text) ?? "<span class=\"dim\">unattributed</span>") + "</td>"
      let byDocument = Dictionary(grouping: group.members.map { quotes.occurrences[$0] }, by: \.document)
      if matrix {
        for source in sources {
          guard let found = byDocument[source.number - 1], let (rendering, occurrence) = Self.rendering(of: found) else {
            html += "<td class=\"cell\"><span class=\"absent\" title=\"\(text(source.id)): absent\">·</span></td>"
            continue
          }
          let note = "\(source.id): \(occurrence.variantLabel) (\(occurrence.id))"
          html += "<td class=\"cell\"><a class=\"\(rendering.className)\" href=\"#quote-\(occurrence.id)\" title=\"\(text(note))\">\(rendering.symbol)</a></td>"
        }
      } else {
        html += "<td class=\"num\">\(byDocument.count)</td>"
      }
      html += "<td class=\"quote-text\"><span class=\"text\">“\(text(canonical.text))”</span></td></tr>\n"
      html += "<tr class=\"detail\" id=\"renderings-\(group.id)\"><td colspan=\"\(columnCount)\">\n"
      html += collation(entry, content: content)
      html += "</td></tr>\n"
    }
    html += "</tbody></table></div>\n"
    let keys = Self.legendOrder.compactMap { Self.renderings[$0] }.map { rendering in
      "<span class=\"key\"><span class=\"swatch \(rendering.className)\"></span>\(rendering.symbol) \(text(rendering.meaning))</span>"
    }
    html += "<div class=\"legend\">" + keys.joined() + "<span class=\"key\"><span class=\"absent\">·</span> absent</span></div>\n"
    html += "<div class=\"legend\">In the aligned renderings: <span class=\"key\"><span class=\"swatch v\"></span>a word that differs</span>"
    html += "<span class=\"key\"><span class=\"swatch x\"></span>words most renderings leave out</span>"
    html += "<span class=\"key\"><span class=\"swatch gap\"></span>left out</span></div>\n"
    return html + "</section>\n"
  }

  /// Every rendering of a quote aligned word by word, in lines of at most
  /// `collationLineWidth` characters, followed by the list of renderings.
  func collation(_ entry: QuoteCollation, content: ReportContent) -> String {
    let quotes = content.analyses.quotes
    let columns = entry.collation.columns
    let counts = Dictionary(entry.members.map { ($0.document, 1) }, uniquingKeysWith: +)
    let labels = entry.members.map { member -> String in
      var label = "\(member.document + 1) \(member.documentID)"
      if counts[member.document, default: 0] > 1 || entry.spliced.contains(member.id) { label += " · \(member.id)" }
      return label
    }
    var lines: [Range<Int>] = []
    var start = 0
    var width = 0
    for (index, column) in columns.enumerated() {
      let columnWidth = (column.cells.map { $0?.count ?? 1 }.max() ?? 1) + 1
      if width + columnWidth > Self.collationLineWidth, index > start {
        lines.append(start..<index)
        start = index
        width = 0
      }
      width += columnWidth
    }
    if start < columns.count { lines.append(start..<columns.count) }
    var html = "<div class=\"scroll\">"
    for line in lines {
      html += "<table class=\"collation\">"
      for (witness, label) in labels.enumerated() {
        html += "<tr><th>\(text(label))</th>"
        for column in columns[line] {
          let className = column.difference(of: witness)?.rawValue
          html += "<td\(HTML.attributes(class: className))>\(text(column.cells[witness] ?? ""))</td>"
        }
        html += "</tr>"
      }
      html += "</table>\n"
    }
    html += "</div><ul class=\"renderings\">\n"
    for member in entry.members {
      let speaker = member.speaker.map { quotes.speakers[$0].speaker.name } ?? "no one (unattributed)"
      var line = "<li><a class=\"id\" href=\"#quote-\(member.id)\">\(member.id)</a> <span class=\"id\">\(text(member.documentID))</span>: "
      if entry.spliced.contains(member.id) {
        line += "inside a longer quotation (\(quotes.groups[member.group].id))"
      } else {
        line += text(member.variantLabel)
      }
      line += ", credited to <strong\(HTML.attributes(class: member.misattributed ? "warning" : nil))>\(text(speaker))</strong>"
      if let attribution = member.attribution {
        line += " <span class=\"muted\">(“\(text(attribution.evidence))”)</span>"
      }
      html += line + "</li>\n"
    }
    return html + "</ul>\n"
  }
}

extension Collation.Column {
  /// What most witnesses read in this column — a word, or nothing (nil) — the earliest
  /// witness's reading among equals; with `wordsOnly`, the most common word.
  func majorityReading(wordsOnly: Bool = false) -> Token? {
    var counts: [Token?: Int] = [:]
    for cell in cells where !wordsOnly || cell != nil { counts[cell, default: 0] += 1 }
    var best: Token? = nil
    var bestCount = 0
    for cell in cells {
      let count = counts[cell, default: 0]
      if count > bestCount { (best, bestCount) = (cell, count) }
    }
    return best
  }

  /// How a witness's cell compares with the others: nil when it reads what most do.
  func difference(of witness: Int) -> HTMLReportRenderer.CollationDifference? {
    guard let cell = cells[witness] else { return isVariant ? .missing : nil }
    guard let majority = majorityReading() else {
      return cell == majorityReading(wordsOnly: true) ? .extra : .differs
    }
    return cell == majority ? nil : .differs
  }
}
