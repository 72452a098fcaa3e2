/// The day each document was written, which relative dates ("Thursday", "next week") are
/// resolved against.
///
/// In order of trust: the document's metadata date; a full date in its first paragraphs (a
/// byline such as `Nov. 15, 2024` or `Posted on November 14, 2024`); a dateline without a
/// year (`Oct. 3 (UPI) —`), whose year is the corpus's consensus year, else the first year
/// not before any year the corpus mentions in which that day falls on the weekday the
/// article names; and last the corpus's consensus date (the most common date among the
/// documents that have one, the earliest on a tie).
package struct ReferenceDates: Sendable {
  /// Where a document's reference date came from.
  package enum Source: String, Sendable {
    case metadata, byline, dateline, consensus
  }

  package struct Entry: Sendable, Equatable {
    package var date: CivilDate
    package var source: Source
    /// Minutes after midnight, when the source gives a time of publication.
    package var minute: Int? = nil
  }

  package private(set) var entries: [String: Entry] = [:]

  /// Paragraphs searched for a byline date.
  static let bylineParagraphs = 4
  /// How far into the body (in bytes) a byline paragraph may start.
  static let bylineReach = 600

  package init(corpus: Corpus) {
    var partial: [(id: String, month: Int, day: Int, weekday: Int?)] = []
    for document in corpus.documents {
      // Bylines and datelines sit at the top: read the first paragraphs that start within
      // `bylineReach` bytes of the body.
      let top = (document.paragraphs.first?.range.lowerBound ?? 0) + Self.bylineReach
      let count = min(Self.bylineParagraphs, document.paragraphs.prefix { $0.range.lowerBound < top }.count)
      let scan = Self.scan(document, paragraphs: max(1, count))
      if let value = document.metadata.date?.value, let (date, minute) = Self.parseWithTime(value) {
        entries[document.id] = Entry(date: date, source: .metadata, minute: minute)
      } else if let date = scan.byline {
        entries[document.id] = Entry(date: date, source: .byline, minute: scan.bylineMinute)
      } else if let (month, day) = scan.dateline {
        partial.append((document.id, month, day, scan.weekday))
      }
    }
    let consensus = Self.consensus(entries.values.map(\.date))
    // The years the corpus mentions matter only for a dateline without a year and no
    // consensus, so the whole texts are read only then.
    let floorYear = partial.isEmpty || consensus != nil ? nil : corpus.documents.flatMap { Self.scan($0).years }.max()
    for item in partial {
      var year = consensus?.year
      if year == nil, let weekday = item.weekday, let floorYear {
        year = (floorYear...(floorYear + 11)).first { CivilDate(year: $0, month: item.month, day: item.day).weekday == weekday }
      }
      if let year = year ?? floorYear {
        entries[item.id] = Entry(date: CivilDate(year: year, month: item.month, day: item.day), source: .dateline)
      }
    }
    guard let fallback = Self.consensus(entries.values.map(\.date)) else { return }
    for document in corpus.documents where entries[document.id] == nil {
      entries[document.id] = Entry(date: fallback, source: .consensus)
    }
  }

  package subscript(id: String) -> Entry? { entries[id] }

  /// The most common date, the earliest on a tie.
  static func consensus(_ dates: [CivilDate]) -> CivilDate? {
    var counts: [CivilDate: Int] = [:]
    for date in dates { counts[date, default: 0] += 1 }
    return counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key
  }

  /// `2024-11-15`, `2024-11-15T18:12:00Z`, `November 15, 2024`, `Nov. 15, 2024`, `15 November 2024`.
  package static func parse(_ text: String) -> CivilDate? { parseWithTime(text)?.0 }

  /// A date and, when it has one, its time of day in minutes (`2024-11-15T18:12`,
  /// `November 15, 2024 at 6:12 PM`).
  package static func parseWithTime(_ text: String) -> (CivilDate, Int?)? {
    if let date = CivilDate(iso: text), date.isValid { return (date, clock(text)) }
    let recognized = QuantityRecognizer().quantities(in: text, reference: nil)
    for quantity in recognized {
      if case .date(let value) = quantity.value, let date = CivilDate(iso: value), date.isValid { return (date, clock(value)) }
    }
    return nil
  }

  /// Minutes after midnight in an ISO date-time (`2024-11-15T18:12…`), or nil.
  static func clock(_ text: String) -> Int? {
    let scalars = Array(text.unicodeScalars)
    guard scalars.count >= 16, scalars[10] == "T", scalars[13] == ":" else { return nil }
    guard let hour = Int(String(String.UnicodeScalarView(scalars[11..<13]))), let minute = Int(String(String.UnicodeScalarView(scalars[14..<16]))),
      hour < 24, minute < 60
    else { return nil }
    return hour * 60 + minute
  }

  struct Scan {
    var byline: CivilDate?
    var bylineMinute: Int?
    var dateline: (Int, Int)?
    var weekday: Int?
    var years: [Int] = []
  }

  /// Reads the byline and dateline dates, the first weekday named and the years mentioned.
  static func scan(_ document: Document, paragraphs: Int = .max) -> Scan {
    var scan = Scan()
    let quantities = QuantityRecognizer().quantities(in: document, reference: nil, paragraphs: paragraphs)
    let early = document.paragraphs.prefix(bylineParagraphs).last.map(\.range.upperBound) ?? 0
    for quantity in quantities where quantity.kind == .date {
      guard case .date(let value) = quantity.value else {
        if scan.weekday == nil, let weekday = QuantityLexicon.weekdays[document.string(quantity.range).lowercased()] {
          scan.weekday = weekday
        }
        continue
      }
      if value.count == 4, let year = Int(value) { scan.years.append(year) }
      if value.count >= 7, let year = Int(value.prefix(4)) { scan.years.append(year) }
      if scan.byline == nil, quantity.range.upperBound <= early, let date = CivilDate(iso: value), date.isValid {
        scan.byline = date
        scan.bylineMinute = clock(value)
      }
      if scan.dateline == nil, value.hasPrefix("XXXX-"), quantity.range.lowerBound < (document.paragraphs.first?.range.lowerBound ?? 0) + 40 {
        let parts = value.split(separator: "-")
        if parts.count == 3, let month = Int(parts[1]), let day = Int(parts[2]) { scan.dateline = (month, day) }
      }
    }
    return scan
  }
}
