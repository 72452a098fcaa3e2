/// A calendar day, with the arithmetic relative dates need.
///
/// Days are counted from 1970-01-01 with Howard Hinnant's `days_from_civil` algorithm
/// ("chrono-Compatible Low-Level Date Algorithms", 2013), so no calendar library is needed.
package struct CivilDate: Sendable, Equatable, Comparable, Hashable {
  package var year: Int
  package var month: Int
  package var day: Int

  package init(year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// The date `days` days after 1970-01-01.
  package init(days: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    day = doy - (153 * mp + 2) / 5 + 1
    month = mp < 10 ? mp + 3 : mp - 9
    year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  }

  /// Parses `YYYY-MM-DD` (a longer ISO date-time is cut to its date).
  package init?(iso text: String) {
    let parts = text.prefix(10).split(separator: "-")
    guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      (1...12).contains(month), (1...31).contains(day)
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  /// Days since 1970-01-01.
  package var days: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// 0 = Monday … 6 = Sunday.
  package var weekday: Int { ((days % 7) + 7 + 3) % 7 }

  package func adding(days count: Int) -> CivilDate { CivilDate(days: days + count) }

  /// Whether the day exists in its month.
  package var isValid: Bool { (1...12).contains(month) && day >= 1 && day <= CivilDate.length(ofMonth: month, year: year) }

  package static func length(ofMonth month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// `2024-10-03`.
  package var iso: String { "\(CivilDate.pad(year, 4))-\(CivilDate.pad(month, 2))-\(CivilDate.pad(day, 2))" }
  /// `2024-10`.
  package var isoMonth: String { "\(CivilDate.pad(year, 4))-\(CivilDate.pad(month, 2))" }

  static func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
  }

  package static func < (a: CivilDate, b: CivilDate) -> Bool { a.days < b.days }
}
