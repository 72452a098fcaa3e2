import CrosscheckCore

/// Lays out a `ReportContent` as one self-contained HTML page: inline styles, one small
/// script, no external resources. Every piece of document text is escaped with
/// `HTML.escape`; element ids are built from occurrence and group ids and document
/// numbers, never from document text.
struct HTMLReportRenderer {
  /// What the page shows for a piece of text: the text itself, or — for a class that
  /// should judge the texts before the brands — the text with its sources' names hidden.
  /// Every piece of text on the page passes through it before it is escaped.
  var shown: @Sendable (String) -> String = { $0 }

  /// `value` as the page shows it, escaped.
  func text(_ value: String) -> String { HTML.escape(shown(value)) }

  /// The page.
  func render(_ content: ReportContent) -> String {
    var html = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta http-equiv="Content-Security-Policy" content="\(text(ReportAssets.securityPolicy))">
      <meta name="generator" content="crosscheck">
      <title>\(text(content.title))</title>
      <style>
      \(ReportAssets.style)
      </style>
      </head>
      <body>

      """
    html += header(content)
    html += "<main class=\"wrap\">\n"
    html += sources(content) + similarity(content)
    html += quotes(content)
    html += claims(content)
    html += pairs(content)
    html += documents(content)
    html += "</main>\n"
    html += "<footer class=\"page wrap\">Written by crosscheck. Quotes, claims and shared passages are found by rules that can be wrong: check them against the texts below.</footer>\n"
    html += "<script>" + ReportAssets.script + "</script>\n</body>\n</html>\n"
    return html
  }

  // MARK: Header

  func header(_ content: ReportContent) -> String {
    let analyses = content.analyses
    let words = content.sources.reduce(0) { $0 + $1.words }
    let conflicts = analyses.claimGroups.filter { $0.agreement == .conflict }.count
    let shared = analyses.quotes.groups.filter { group in
      Set(group.members.map { analyses.quotes.occurrences[$0].document }).count > 1
    }.count
    let facts = [
      (content.sources.count, "source"), (words, "word"), (analyses.quotes.groups.count, "quote group"),
      (analyses.claimGroups.count, "claim group"),
    ].map { "<strong>\($0.0.grouped)</strong> \($0.1)\($0.0 == 1 ? "" : "s")" }
    let details = "\(shared.grouped) quoted by more than one source · \(conflicts.grouped) conflicting figure\(conflicts == 1 ? "" : "s")"
    var links = [("sources", "Sources"), ("similarity", "Similarity"), ("quotes", "Quotes"), ("claims", "Numbers and dates")]
    if !content.pairs.isEmpty { links.append(("pairs", "Side by side")) }
    links.append(("documents", "Texts"))
    return """
      <header class="page"><div class="wrap">
      <h1>\(text(content.title))</h1>
      <p class="lede">\(facts.joined(separator: " · ")) — \(text(details))</p>
      <nav class="sections">\(links.map { "<a href=\"#\($0.0)\">\($0.1)</a>" }.joined())</nav>
      </div></header>

      """
  }

  // MARK: Sources and similarity

  func sources(_ content: ReportContent) -> String {
    var html = """
      <section class="card" id="sources">
      <h2>Sources</h2>
      <p class="note">The documents compared, numbered as in every table below. Click an id to read the text.</p>
      <div class="scroll"><table class="sources">
      <thead><tr><th class="num">#</th><th>id</th><th>outlet</th><th>title</th><th>date</th><th class="num">words</th><th class="num">quotes</th><th class="num">claims</th></tr></thead>
      <tbody>

      """
    for source in content.sources {
      html += "<tr><td class=\"num\">\(source.number)</td>"
      html += "<td><a class=\"id\" href=\"#doc-\(source.number)\">\(text(source.id))</a></td>"
      html += cell(source.outlet) + cell(source.title) + "<td class=\"date\">" + (source.date.map(text) ?? "<span class=\"dim\">—</span>") + "</td>"
      html += "<td class=\"num\">\(source.words.grouped)</td><td class=\"num\">\(source.quotes.grouped)</td><td class=\"num\">\(source.claims.grouped)</td></tr>\n"
    }
    return html + "</tbody></table></div>\n</section>\n"
  }

  func cell(_ value: String?) -> String {
    "<td>" + (value.map(text) ?? "<span class=\"dim\">—</span>") + "</td>"
  }

  /// The heat map's shade class for a Jaccard similarity, on the steps of `compare`'s.
  static func shade(_ value: Double) -> String {
    "h" + String(CompareRendering.shadeSteps.lastIndex { value >= $0 }.map { $0 + 1 } ?? 0)
  }

  func similarity(_ content: ReportContent) -> String {
    var html = """
      <section class="card" id="similarity">
      <h2>Shared text</h2>
      <p class="note">How much of their wording each pair of sources has in common: the Jaccard similarity of their 5-word phrases. Darker cells share more text.</p>

      """
    html += "<div class=\"grid\"><div>\n"
    if let matrix = content.similarity {
      html += "<div class=\"scroll\"><table class=\"heatmap\">\n<thead><tr><th></th>"
      for source in content.sources { html += "<th title=\"\(text(source.id))\">\(source.number)</th>" }
      html += "</tr></thead>\n<tbody>\n"
      for (row, source) in content.sources.enumerated() {
        html += "<tr><th class=\"row\" title=\"\(text(source.id))\">\(source.number) <span class=\"id\">\(text(source.id))</span></th>"
        for (column, other) in content.sources.enumerated() {
          if row == column {
            html += "<td class=\"self\" title=\"\(text(source.id))\"></td>"
            continue
          }
          let value = matrix[row][column]
          let note = "\(source.id) and \(other.id): \(value.formatted(digits: 3))"
          html += "<td class=\"\(Self.shade(value))\" title=\"\(text(note))\">\(Self.twoDigits(value))</td>"
        }
        html += "</tr>\n"
      }
      html += "</tbody></table></div>\n"
      let steps = CompareRendering.shadeSteps
      let bounds = ["0"] + steps.map { $0.formatted(digits: 2) }
      var keys: [String] = []
      for index in 0...steps.count {
        let label = index == steps.count ? "≥ \(bounds[index])" : "\(bounds[index])–\(bounds[index + 1])"
        keys.append("<span class=\"key\"><span class=\"swatch h\(index)\"></span>\(label)</span>")
      }
      html += "<div class=\"legend\">" + keys.joined() + "</div>\n"
    } else {
      html += "<p class=\"note\">\(content.sources.count.grouped) sources are too many for a heat map; the pairs that share the most text are listed.</p>\n"
    }
    html += "</div><div>\n<h3>The pairs that share the most</h3>\n"
    let listed = content.sharedPairs.prefix(ReportContent.listedPairs)
    if listed.isEmpty {
      html += "<p class=\"note\">No two sources share a passage of their own wording.</p>\n"
    } else {
      html += "<ol class=\"pairs\">\n"
      for pair in listed {
        let (a, b) = (content.sources[pair.a], content.sources[pair.b])
        html += "<li><strong>\(a.number) ↔ \(b.number)</strong> <span class=\"id\">\(text(a.id))</span> and <span class=\"id\">\(text(b.id))</span>: "
        html += "\(pair.score.jaccard.formatted(digits: 2))"
        if let hint = pair.hint { html += " <span class=\"muted\">— \(text(hint.reason))</span>" }
        if let shown = content.pairs.firstIndex(where: { Set([$0.a, $0.b]) == Set([pair.a, pair.b]) }) {
          html += " <a href=\"#pair-\(shown + 1)\">side by side</a>"
        }
        html += "</li>\n"
      }
      html += "</ol>\n"
    }
    return html + "</div></div>\n</section>\n"
  }

  /// `.37` for 0.37, `1` for 1: short enough for a heat map cell.
  static func twoDigits(_ value: Double) -> String {
    let text = value.formatted(digits: 2)
    if text == "1.00" { return "1" }
    return text.hasPrefix("0") ? String(text.dropFirst()) : text
  }
}
