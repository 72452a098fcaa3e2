/// What one document cannot know on its own but a corpus can: lines that one outlet prints
/// on every article (a footer, a promo line), and the year of a dateline that gives only a
/// month and day ("Oct. 3 (UPI) —") when other documents of the story are dated.
package enum CorpusRefiner {
  /// Longest line taken for outlet furniture, in words; longer repeats are shared text.
  static let maximumRepeatedWords = 40
  /// Furniture sits near the top or the bottom of a page.
  static let headParagraphs = 3
  static let tailParagraphs = 5
  /// Two documents sharing more than this fraction of their paragraphs are versions of one
  /// article, whose common lines are article text.
  static let versionOverlap = 0.5
  /// A stated month and day is given the year that puts it within this many days of the
  /// other documents' dates.
  static let yearWindowDays = 60

  /// The documents with corpus-level knowledge applied, in the same order.
  /// - Complexity: O(total paragraphs) plus O(d²) paragraph-set comparisons within one outlet.
  package static func refine(_ documents: [Document]) -> [Document] {
    resolveYears(markOutletRepeats(documents))
  }

  /// The documents refined afresh after some were removed: outlet furniture is found again
  /// among the documents that are left.
  package static func refineAfterRemoval(_ documents: [Document]) -> [Document] {
    refine(documents.map { document in
      document.excluded.contains { $0.reason == .boilerplate(.outletRepeated) } ? document.reanalysed(excluding: []) : document
    })
  }

  /// Excludes short lines that recur near the edges of several articles from one outlet.
  static func markOutletRepeats(_ documents: [Document]) -> [Document] {
    var groups: [String: [Int]] = [:]
    for (index, document) in documents.enumerated() {
      if let outlet = document.metadata.outlet?.value.lowercased() { groups[outlet, default: []].append(index) }
    }
    var result = documents
    for members in groups.values where members.count >= 2 {
      // Each member's candidate lines: short body paragraphs near the edges, and lines
      // already excluded as outlet furniture by an earlier pass.
      var candidates: [Int: [String: [Range<Int>]]] = [:]
      var allLines: [Int: Set<String>] = [:]
      for member in members {
        let document = documents[member]
        let count = document.paragraphs.count
        var lines: [String: [Range<Int>]] = [:]
        for (position, paragraph) in document.paragraphs.enumerated()
        where position < headParagraphs || position >= count - tailParagraphs {
          let text = document.string(paragraph.range)
          if text.split(separator: " ").count <= maximumRepeatedWords { lines[text, default: []].append(paragraph.range) }
        }
        for span in document.excluded where span.reason == .boilerplate(.outletRepeated) {
          lines[document.string(span.range), default: []].append(span.range)
        }
        candidates[member] = lines
        allLines[member] = Set(document.paragraphs.map { document.string($0.range) })
      }
      func areVersions(_ a: Int, _ b: Int) -> Bool {
        guard let first = allLines[a], let second = allLines[b], !first.isEmpty, !second.isEmpty else { return false }
        let shared = first.intersection(second).count
        return Double(shared) > versionOverlap * Double(min(first.count, second.count))
      }
      var owners: [String: [Int]] = [:]
      for member in members {
        for line in (candidates[member] ?? [:]).keys { owners[line, default: []].append(member) }
      }
      var additions: [Int: [ExcludedSpan]] = [:]
      for (line, holders) in owners where holders.count >= 2 {
        let independent = holders.indices.contains { i in holders.indices.contains { j in i < j && !areVersions(holders[i], holders[j]) } }
        guard independent else { continue }
        for holder in holders {
          let document = documents[holder]
          for range in candidates[holder]?[line] ?? [] where !document.excluded.contains(where: { $0.range == range }) {
            additions[holder, default: []].append(ExcludedSpan(range: range, reason: .boilerplate(.outletRepeated)))
          }
        }
      }
      for (member, spans) in additions {
        let document = documents[member]
        let known = document.excluded.filter { $0.reason == .boilerplate(.outletRepeated) }
        result[member] = document.reanalysed(excluding: known + spans)
      }
    }
    return result
  }

  /// Gives a year to dates stated as a month and day, from the other documents' full dates.
  static func resolveYears(_ documents: [Document]) -> [Document] {
    let known = documents.compactMap { document -> (year: Int, dayOfYear: Int)? in
      guard let value = document.metadata.date?.value, let date = StatedDate.first(in: value), date.isFull,
        let year = Int(value.prefix(4))
      else { return nil }
      return (year, dayOfYear(month: date.month, day: date.day))
    }
    guard !known.isEmpty else { return documents }
    return documents.map { document in
      guard let date = document.metadata.date, date.inferred, let stated = StatedDate.first(in: date.value), !stated.isFull else {
        return document
      }
      let day = dayOfYear(month: stated.month, day: stated.day)
      // The year, among those of the dated documents, that brings this date nearest to one of them.
      var best: (year: Int, distance: Int)? = nil
      for other in known {
        for year in [other.year - 1, other.year, other.year + 1] {
          let distance = abs((year - other.year) * 365 + day - other.dayOfYear)
          if distance <= yearWindowDays, best.map({ distance < $0.distance }) ?? true { best = (year, distance) }
        }
      }
      guard let best else { return document }
      var copy = document
      let evidence = (date.evidence ?? date.value) + " (year from the other documents' dates)"
      copy.metadata.date = MetadataValue(stated.resolved(year: best.year).value, inferred: true, evidence: evidence)
      return copy
    }
  }

  static func dayOfYear(month: Int, day: Int) -> Int {
    let starts = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
    return starts[max(0, min(11, month - 1))] + day
  }
}
