import Foundation
import Testing
@testable import CrosscheckCore

/// One form: a sentence, the quantity words in it, and the kind and value expected.
struct QuantityCase: CustomStringConvertible, Sendable {
  var text: String
  var span: String
  var kind: QuantityKind
  var value: String
  var qualifier: Qualifier? = nil

  var description: String { span }
}

@Suite struct QuantityRecognizerTests {
  /// Thursday 3 October 2024, the day the test sentences are written.
  static let referenceDay = CivilDate(year: 2024, month: 10, day: 3)

  static func recognize(_ text: String, reference: CivilDate? = Self.referenceDay) -> [(String, Quantity)] {
    let document = Document(id: "t", origin: "t", text: text, format: .text)
    return QuantityRecognizer().quantities(in: document, reference: reference).map { (document.string($0.range), $0) }
  }

  static func check(_ item: QuantityCase) {
    let found = recognize(item.text)
    guard let (text, quantity) = found.first(where: { $0.0.contains(item.span) || item.span.contains($0.0) }) else {
      Issue.record("no quantity at '\(item.span)' in: \(item.text) (found \(found.map(\.0)))")
      return
    }
    #expect(text == item.span)
    #expect(quantity.kind == item.kind, "kind of \(item.span)")
    #expect(quantity.value.testDisplay == item.value, "value of \(item.span)")
    if let qualifier = item.qualifier { #expect(quantity.qualifier == qualifier) }
  }

  static let numerals: [QuantityCase] = [
    QuantityCase(text: "Officials said 14 people were treated.", span: "14 people", kind: .count, value: "14"),
    QuantityCase(text: "Fourteen people were taken to hospital.", span: "Fourteen people", kind: .count, value: "14"),
    QuantityCase(text: "Two more children have tested positive.", span: "Two more children", kind: .count, value: "2"),
    QuantityCase(text: "Nearly four in five of the sick children had no shot.", span: "Nearly four in five", kind: .count, value: "0.8"),
    QuantityCase(text: "About 1,200 people remain out of their homes.", span: "About 1,200 people", kind: .count, value: "1200", qualifier: .approx),
    QuantityCase(text: "A dozen people were hurt.", span: "A dozen people", kind: .count, value: "12"),
    QuantityCase(text: "Twenty-five soldiers were wounded.", span: "Twenty-five soldiers", kind: .count, value: "25"),
    QuantityCase(text: "Two hundred volunteers came.", span: "Two hundred volunteers", kind: .count, value: "200"),
    QuantityCase(text: "Hundreds of residents cannot go home.", span: "Hundreds of residents", kind: .count, value: "null"),
    QuantityCase(text: "Sirens sounded twice during the talks.", span: "twice", kind: .count, value: "2"),
    QuantityCase(text: "Nearly two-thirds of voters agreed.", span: "Nearly two-thirds", kind: .count, value: "0.667", qualifier: .nearly),
    QuantityCase(text: "It opened two of the dam’s four spillway gates.", span: "four spillway gates", kind: .count, value: "4"),
    QuantityCase(text: "The ferry takes up to 300 cars.", span: "up to 300 cars", kind: .count, value: "300", qualifier: .atMost),
    QuantityCase(text: "About one in five households are behind on bills.", span: "About one in five", kind: .count, value: "0.2", qualifier: .approx),
    QuantityCase(text: "Rents rose by roughly a fifth in a year.", span: "roughly a fifth", kind: .count, value: "0.2", qualifier: .approx),
    QuantityCase(text: "NATO’s 32 member states disagree.", span: "32 member states", kind: .count, value: "32"),
    QuantityCase(text: "Two people died and nine were hurt.", span: "nine", kind: .count, value: "9"),
    QuantityCase(text: "The blast killed two and injured 11 others.", span: "11 others", kind: .count, value: "11"),
  ]

  static let money: [QuantityCase] = [
    QuantityCase(text: "He pointed to $44.1 billion in aid.", span: "$44.1 billion", kind: .money, value: "44100000000"),
    QuantityCase(text: "It includes €40 billion ($44 billion) in aid.", span: "€40 billion ($44 billion)", kind: .money, value: "40000000000"),
    QuantityCase(text: "The club paid £85m for him.", span: "£85m", kind: .money, value: "85000000"),
    QuantityCase(text: "It lost €1.3bn last year.", span: "€1.3bn", kind: .money, value: "1300000000"),
    QuantityCase(text: "The fund raised US$4.5 billion.", span: "US$4.5 billion", kind: .money, value: "4500000000"),
    QuantityCase(text: "The bank was fined CHF 40 million.", span: "CHF 40 million", kind: .money, value: "40000000"),
    QuantityCase(
      text: "The closure will cost 1.2 billion Swedish crowns ($117 million).", span: "1.2 billion Swedish crowns ($117 million)",
      kind: .money, value: "1200000000"),
    QuantityCase(
      text: "The closure costs 1.2 billion kronor, around 108 million euros.", span: "1.2 billion kronor, around 108 million euros",
      kind: .money, value: "1200000000"),
    QuantityCase(text: "It will cost 3.2 billion rupees.", span: "3.2 billion rupees", kind: .money, value: "3200000000"),
    QuantityCase(text: "They pledged nearly $8 billion.", span: "nearly $8 billion", kind: .money, value: "8000000000", qualifier: .nearly),
  ]

  static let measures: [QuantityCase] = [
    QuantityCase(text: "Homes within half a mile were evacuated.", span: "within half a mile", kind: .distance, value: "0.5", qualifier: .within),
    QuantityCase(text: "The zone will shrink to a quarter mile.", span: "a quarter mile", kind: .distance, value: "0.25"),
    QuantityCase(text: "Nobody trains for half a year to be stopped.", span: "half a year", kind: .duration, value: "0.5"),
    QuantityCase(text: "I will not pretend that we can replace 640 jobs in a year.", span: "in a year", kind: .duration, value: "1", qualifier: .within),
    QuantityCase(text: "Temperatures reached 34C (93F) shortly before midday.", span: "34C (93F)", kind: .temperature, value: "34"),
    QuantityCase(text: "Last year's race was run in a mild 19C.", span: "19C", kind: .temperature, value: "19"),
    QuantityCase(text: "Unemployment rose to 4.7% in May.", span: "4.7%", kind: .percent, value: "4.7"),
    QuantityCase(text: "Turnout was 61.2 per cent on Sunday.", span: "61.2 per cent", kind: .percent, value: "61.2"),
    QuantityCase(text: "Shares fell between 3 and 4 percent.", span: "between 3 and 4 percent", kind: .percent, value: "[3, 4]"),
    QuantityCase(text: "It lies around 30 kilometres from the border.", span: "around 30 kilometres", kind: .distance, value: "30", qualifier: .approx),
    QuantityCase(text: "The river crested at 23.4 feet.", span: "23.4 feet", kind: .distance, value: "23.4"),
    QuantityCase(text: "A 60-foot (18-meter) section gave way.", span: "60-foot (18-meter)", kind: .distance, value: "60"),
    QuantityCase(text: "A three-year-old girl was hurt.", span: "three-year-old", kind: .age, value: "3"),
    QuantityCase(text: "Harold Pruitt, 74, fled in the dark.", span: "74", kind: .age, value: "74"),
    QuantityCase(text: "It struck a five-story building.", span: "five-story", kind: .count, value: "5"),
    QuantityCase(text: "The 32-member alliance met.", span: "32-member", kind: .count, value: "32"),
    QuantityCase(text: "Leaders from the 50-plus partner nations met.", span: "50-plus", kind: .count, value: "50", qualifier: .moreThan),
    QuantityCase(text: "Sirens sounded about 15 minutes after the breach.", span: "about 15 minutes", kind: .duration, value: "15"),
    QuantityCase(text: "The sirens sounded a quarter of an hour later.", span: "a quarter of an hour", kind: .duration, value: "15"),
    QuantityCase(text: "He pledged $5 billion per year of aid.", span: "per year", kind: .duration, value: "1", qualifier: .per),
    QuantityCase(text: "The aid comes within a year of the summit.", span: "within a year", kind: .duration, value: "1", qualifier: .within),
    QuantityCase(text: "It was a once-in-a-century storm.", span: "once-in-a-century", kind: .duration, value: "1", qualifier: .per),
  ]

  static let ordinals: [QuantityCase] = [
    QuantityCase(text: "It was his first official visit.", span: "first official visit", kind: .ordinal, value: "1"),
    QuantityCase(text: "He came for the fifth time.", span: "fifth time", kind: .ordinal, value: "5"),
    QuantityCase(text: "Ukraine would be the 33rd member country.", span: "33rd member country", kind: .ordinal, value: "33"),
    QuantityCase(text: "Kharkiv is Ukraine’s second-largest city.", span: "second-largest", kind: .ordinal, value: "2"),
    QuantityCase(text: "The war is in its third year.", span: "third year", kind: .ordinal, value: "3"),
    QuantityCase(text: "It hit between the third and fourth floors.", span: "between the third and fourth floors", kind: .ordinal, value: "[3, 4]"),
  ]

  /// Dates, resolved against Thursday 3 October 2024.
  static let dates: [QuantityCase] = [
    QuantityCase(text: "Allies meet Oct. 12 in Ramstein.", span: "Oct. 12", kind: .date, value: "2024-10-12"),
    QuantityCase(text: "Allies meet on October 12 in Ramstein.", span: "October 12", kind: .date, value: "2024-10-12"),
    QuantityCase(text: "Allies meet on 12 October in Ramstein.", span: "12 October", kind: .date, value: "2024-10-12"),
    QuantityCase(text: "He visited Kyiv on Thursday.", span: "Thursday", kind: .date, value: "2024-10-03"),
    // The tense around a weekday says which way it points.
    QuantityCase(text: "The county will hold clinics on Wednesday and Saturday.", span: "Saturday", kind: .date, value: "2024-10-05"),
    QuantityCase(text: "The first two, on Wednesday and Saturday, will be held at the fairgrounds.", span: "Wednesday", kind: .date, value: "2024-10-09"),
    QuantityCase(text: "The forecast on Friday was 29 degrees.", span: "Friday", kind: .date, value: "2024-09-27"),
    QuantityCase(text: "The zone would shrink to a quarter mile on Saturday if readings stay low.", span: "Saturday", kind: .date, value: "2024-10-05"),
    QuantityCase(text: "Residents could expect to return home by Saturday.", span: "Saturday", kind: .date, value: "2024-10-05"),
    QuantityCase(text: "The race was halted at 11.15am.", span: "11.15am", kind: .date, value: "2024-10-03T11:15"),
    QuantityCase(text: "Negotiations with the unions begin on Monday.", span: "Monday", kind: .date, value: "2024-10-07"),
    QuantityCase(text: "By half past ten it was already 33 degrees.", span: "half past ten", kind: .date, value: "2024-10-03T10:30"),
    QuantityCase(text: "I made the call at quarter past eleven.", span: "quarter past eleven", kind: .date, value: "2024-10-03T11:15"),
    QuantityCase(text: "The train derailed early this morning.", span: "this morning", kind: .date, value: "2024-10-03"),
    QuantityCase(text: "Last year's race was run in mild weather.", span: "Last year's", kind: .date, value: "2023"),
    QuantityCase(text: "He took office on Tuesday.", span: "Tuesday", kind: .date, value: "2024-10-01"),
    QuantityCase(text: "The bomb hit on Wednesday night.", span: "Wednesday night", kind: .date, value: "2024-10-02"),
    QuantityCase(text: "Schools will stay closed through Monday.", span: "Monday", kind: .date, value: "2024-10-07"),
    QuantityCase(text: "The board meets next Monday.", span: "next Monday", kind: .date, value: "2024-10-07"),
    QuantityCase(text: "Defence chiefs meet next week.", span: "next week", kind: .date, value: "2024-10-07/2024-10-13"),
    QuantityCase(text: "He was sworn in earlier in the week.", span: "earlier in the week", kind: .date, value: "2024-09-30/2024-10-02"),
    QuantityCase(text: "The war began in February 2022.", span: "February 2022", kind: .date, value: "2022-02"),
    QuantityCase(text: "It has fought since February 2022.", span: "since February 2022", kind: .date, value: "2022-02", qualifier: .since),
    QuantityCase(text: "More rain may fall over the weekend.", span: "the weekend", kind: .date, value: "2024-10-05/2024-10-06"),
    QuantityCase(text: "It was flagged three years ago.", span: "three years ago", kind: .date, value: "2021"),
    QuantityCase(text: "The levee was built in the 1950s.", span: "the 1950s", kind: .date, value: "1950/1959"),
    QuantityCase(text: "The levee was built in 1958.", span: "1958", kind: .date, value: "1958"),
    QuantityCase(text: "The storm hit yesterday.", span: "yesterday", kind: .date, value: "2024-10-02"),
    QuantityCase(text: "The breach opened at about 2:40 a.m. on the river.", span: "about 2:40 a.m.", kind: .date, value: "2024-10-03T02:40", qualifier: .approx),
    QuantityCase(text: "The council said the report went out November 15, 2024 at 6:12 PM.", span: "November 15, 2024 at 6:12 PM", kind: .date, value: "2024-11-15T18:12"),
    QuantityCase(text: "The levee failed shortly before 3 a.m. Thursday.", span: "shortly before 3 a.m. Thursday", kind: .date, value: "2024-10-03T03:00", qualifier: .nearly),
  ]

  @Test(arguments: numerals) func recognizesNumerals(_ item: QuantityCase) { Self.check(item) }
  @Test(arguments: money) func recognizesMoney(_ item: QuantityCase) { Self.check(item) }
  @Test(arguments: measures) func recognizesMeasures(_ item: QuantityCase) { Self.check(item) }
  @Test(arguments: ordinals) func recognizesOrdinals(_ item: QuantityCase) { Self.check(item) }
  @Test(arguments: dates) func resolvesDates(_ item: QuantityCase) { Self.check(item) }

  /// Numbers that are not claims: inside names, copyright lines, idioms.
  @Test(arguments: [
    "Watch KVRT 7 News tonight for more.", "Copyright © 2025 All rights reserved.", "It is one of the main reasons.",
    "The two also discussed the battlefield.", "It was the first reported case.", "NATO's Article 5 was invoked.",
    "It was invoked after the 9/11 attacks.", "He spoke at No. 10 Downing Street.", "Deliveries of the Boeing 737 MAX resumed.",
  ])
  func ignoresNumbersThatAreNotClaims(_ text: String) {
    #expect(Self.recognize(text).isEmpty, "\(Self.recognize(text).map(\.0))")
  }

  @Test func leavesRelativeDatesUnresolvedWithoutAReference() {
    let found = Self.recognize("They met on Thursday and will meet Oct. 12.", reference: nil)
    #expect(found.map(\.1.value) == [.vague, .date("XXXX-10-12")])
  }

  /// The held-out sentences under Fixtures/claims, written for these tests.
  @Test func scoresOnHeldOutSentences() throws {
    let path = FixturePath.claims + "/sentences.jsonl"
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    var score = ClaimScore()
    for line in lines {
      let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let text = try #require(record["text"] as? String)
      let iso = try #require(record["date"] as? String)
      let date = try #require(CivilDate(iso: iso))
      let document = Document(id: "s", origin: "s", text: text, format: .text)
      let found = QuantityRecognizer().quantities(in: document, reference: date).map { (document.scalarRange($0.range), $0.value) }
      let expected = try #require(record["claims"] as? [[Any]]).map { claim in
        let span = claim[0] as! String
        return ClaimScore.Expected(range: scalarRange(of: span, in: text)!, value: claim[2], label: span)
      }
      score.add(expected: expected, predicted: found)
    }
    #expect(lines.count >= 30)
    #expect(score.f1 >= 0.9, "F1 \(score.f1): \(score.misses)")
    #expect(score.valueAccuracy >= 0.95, "value accuracy \(score.valueAccuracy): \(score.misses)")
  }
}

@Suite struct CivilDateTests {
  @Test(arguments: [("2024-10-03", 3), ("2024-11-14", 3), ("2025-03-12", 2), ("2000-01-01", 5), ("1970-01-01", 3)])
  func weekdays(_ iso: String, _ weekday: Int) throws {
    #expect(try #require(CivilDate(iso: iso)).weekday == weekday)
  }

  @Test(arguments: [-1000, -1, 0, 1, 19999, 20000, 730_000])
  func daysRoundTrip(_ days: Int) {
    #expect(CivilDate(days: days).days == days)
  }
}

enum FixturePath {
  static let claims = (#filePath as NSString).deletingLastPathComponent + "/../Fixtures/claims"
}

extension QuantityValue {
  /// The value as the tables of these tests write it.
  var testDisplay: String {
    switch self {
    case .number(let value): return value == value.rounded() ? QuantityValue.format(value) : String(format: "%.3g", value)
    case .range(let low, let high): return "[\(QuantityValue.format(low)), \(QuantityValue.format(high))]"
    case .date(let text): return text
    case .vague: return "null"
    }
  }
}
