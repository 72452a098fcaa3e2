import CrosscheckCore

extension HTMLReportRenderer {
  // MARK: Claims

  func claims(_ content: ReportContent) -> String {
    let analyses = content.analyses
    var html = """
      <section class="card" id="claims">
      <h2>Numbers and dates</h2>
      <p class="note">The figures and dates the sources give, grouped by what they measure, with a verdict; conflicts first. A source's name leads to the figure in its text.</p>

      """
    guard !content.claimOrder.isEmpty else {
      return html + "<p class=\"note\">No numbers or dates were found.</p>\n</section>\n"
    }
    html += "<div class=\"scroll\"><table class=\"claims\">\n"
    html += "<thead><tr><th>group</th><th>verdict</th><th>what</th><th>values, by source</th><th>why</th></tr></thead>\n<tbody>\n"
    var singles = false
    for index in content.claimOrder {
      let group = analyses.claimGroups[index]
      if group.agreement == .single, !singles {
        singles = true
        html += "<tr class=\"subhead\"><th colspan=\"5\">Figures only one source gives</th></tr>\n"
      }
      let agreement = group.agreement.rawValue
      html += "<tr id=\"claim-group-\(group.id)\"\(HTML.attributes(class: group.agreement == .conflict ? "conflict" : nil))>"
      html += "<td class=\"id\">\(group.id)</td><td><span class=\"badge \(agreement)\">\(agreement)</span></td>"
      html += "<td>\(text(group.topic))</td><td><ul class=\"values\">"
      // One line per value as written, with the sources that give it.
      var order: [String] = []
      var bySource: [String: [Claim]] = [:]
      for member in group.members {
        let claim = analyses.claims[member]
        if bySource[claim.text] == nil { order.append(claim.text) }
        if !(bySource[claim.text]?.contains { $0.document == claim.document } ?? false) { bySource[claim.text, default: []].append(claim) }
      }
      for value in order {
        let links = (bySource[value] ?? []).map { claim in
          "<a class=\"id\" href=\"#claim-\(claim.id)\">\(text(claim.document))</a>"
        }
        html += "<li><span class=\"value\">\(text(value))</span> <span class=\"muted\">—</span> \(links.joined(separator: ", "))</li>"
      }
      html += "</ul></td><td class=\"why\">\(text(group.reason))</td></tr>\n"
    }
    return html + "</tbody></table></div>\n</section>\n"
  }

  // MARK: Side by side

  func pairs(_ content: ReportContent) -> String {
    guard !content.pairs.isEmpty else { return "" }
    var html = """
      <section class="card" id="pairs">
      <h2>Side by side</h2>
      <p class="note">Pairs of sources aligned sentence by sentence: words only in the left one are struck through, words only in the right one are underlined in green; unchanged stretches are folded.</p>

      """
    for (index, pair) in content.pairs.enumerated() {
      let (a, b) = (content.sources[pair.a], content.sources[pair.b])
      html += "<h3 id=\"pair-\(index + 1)\">\(a.number) <span class=\"id\">\(text(a.id))</span> ↔ \(b.number) <span class=\"id\">\(text(b.id))</span></h3>\n"
      var facts = ["Jaccard \(pair.jaccard.formatted(digits: 2))", pair.relation]
      if let hint = pair.hint { facts.append(hint) }
      html += "<p class=\"note\">\(text(facts.joined(separator: " · ")))</p>\n"
      html += "<div class=\"scroll\"><table class=\"sbs\"><thead><tr><th>\(text(label(a)))</th><th>\(text(label(b)))</th></tr></thead><tbody>\n"
      for block in pair.blocks {
        switch block {
        case .sideBySide(let rows):
          for row in rows where !(row.left.runs.allSatisfy(\.text.isEmpty) && row.right.runs.allSatisfy(\.text.isEmpty)) {
            html += "<tr><td>\(HTML.styled(row.left, shown: shown))</td><td>\(HTML.styled(row.right, shown: shown))</td></tr>\n"
          }
        case .message(let note), .text(let note):
          html += "<tr class=\"skip\"><td colspan=\"2\">\(text(note.plain))</td></tr>\n"
        case .heading, .table, .fields:
          continue
        }
      }
      html += "</tbody></table></div>\n<p class=\"note\">\(text(pair.summary))</p>\n"
    }
    return html + "</section>\n"
  }

  /// "A: coastwire (Coastwire)".
  func label(_ source: ReportContent.Source) -> String {
    source.id + (source.outlet.map { " (\($0))" } ?? "")
  }

  // MARK: Documents

  func documents(_ content: ReportContent) -> String {
    var html = """
      <section class="card" id="documents">
      <h2>The texts</h2>
      <p class="note">Each document's body as crosscheck read it. <span class="quote">Quotations</span> are highlighted (<span class="quote misattributed">red</span> when credited to someone else than the other sources name), <a class="claim">figures</a> are underlined (<a class="claim conflict">red</a> when the sources disagree); the small labels lead to their group.</p>

      """
    let documents = content.analyses.documents
    for (index, document) in documents.prefix(ReportContent.textLimit).enumerated() {
      let source = content.sources[index]
      html += "<article class=\"document\" id=\"doc-\(source.number)\">\n"
      html += "<h3>\(source.number). \(text(source.title ?? source.id))</h3>\n"
      var meta = [source.id]
      if let outlet = source.outlet { meta.append(outlet) }
      if let date = source.date { meta.append(date) }
      meta.append("\(source.words.grouped) words")
      html += "<p class=\"meta\">\(text(meta.joined(separator: " · ")))</p>\n<div class=\"body\">\n"
      for paragraph in document.paragraphs {
        html += "<p>" + marked(document, paragraph.range, marks: content.marks[index]) + "</p>\n"
      }
      html += "</div>\n</article>\n"
    }
    if documents.count > ReportContent.textLimit {
      html += "<p class=\"note\">The texts of the other \((documents.count - ReportContent.textLimit).grouped) documents are left out to keep the page small; 'report FILE --source DOC,…' makes a report of the ones you want to read.</p>\n"
    }
    return html + "</section>\n"
  }

  /// Closing quotation marks: a quotation's label goes after its closing mark.
  static let closingMarks: Set<Character> = ["”", "\"", "’", "'", "»", "«", "›", "‹", "“"]

  /// The text of `range` with the marks inside it as properly nested elements: a quotation
  /// is a `<span>` followed by a label linking to its group, a claim a link to its group.
  /// A span that crosses the end of one it starts in is cut at that end; nothing opens
  /// inside a claim, so that links never nest.
  func marked(_ document: Document, _ range: Range<Int>, marks: [ReportContent.TextMark]) -> String {
    var html = ""
    var position = range.lowerBound
    var open: [ReportContent.TextMark] = []
    func emit(upTo end: Int) {
      guard end > position else { return }
      html += text(document.string(position..<end))
      position = end
    }
    func close(_ mark: ReportContent.TextMark) {
      emit(upTo: mark.range.upperBound)
      switch mark.kind {
      case .claim:
        html += "</a>"
      case .quote:
        html += "</span>"
        // The label after the closing quotation mark, when one follows.
        if position < range.upperBound, let next = document.string(position..<min(range.upperBound, position + 4)).first,
          Self.closingMarks.contains(next)
        {
          emit(upTo: position + String(next).utf8.count)
        }
        html += "<a class=\"tag\" href=\"#quote-group-\(mark.group)\">\(mark.group)</a>"
      }
    }
    for original in marks where original.range.lowerBound < range.upperBound && original.range.upperBound > range.lowerBound {
      var mark = original
      mark.range = max(mark.range.lowerBound, range.lowerBound)..<min(mark.range.upperBound, range.upperBound)
      while let last = open.last, last.range.upperBound <= mark.range.lowerBound {
        close(last)
        open.removeLast()
      }
      if open.last?.kind == .claim || mark.range.lowerBound < position { continue }
      if let last = open.last, mark.range.upperBound > last.range.upperBound {
        mark.range = mark.range.lowerBound..<last.range.upperBound
      }
      guard !mark.range.isEmpty else { continue }
      emit(upTo: mark.range.lowerBound)
      switch mark.kind {
      case .quote:
        let classes = ["quote", mark.isTerm ? "term" : nil, mark.flagged ? "misattributed" : nil].compactMap { $0 }.joined(separator: " ")
        html += "<span\(HTML.attributes(class: classes, title: shown(mark.note), id: "quote-" + mark.id))>"
      case .claim:
        html += "<a\(HTML.attributes(class: mark.flagged ? "claim conflict" : "claim", title: shown(mark.note), id: "claim-" + mark.id)) href=\"#claim-group-\(mark.group)\">"
      }
      open.append(mark)
    }
    while let last = open.popLast() { close(last) }
    emit(upTo: range.upperBound)
    return html
  }
}
