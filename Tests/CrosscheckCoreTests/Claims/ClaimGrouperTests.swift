import Foundation
import Testing
@testable import CrosscheckCore

@Suite struct ClaimGrouperTests {
  /// Consistent, rounded, converted and updated all mean the sources can both be right.
  static func agreeing(_ agreement: Agreement) -> String {
    switch agreement {
    case .consistent, .rounded, .converted: return "consistent"
    default: return agreement.rawValue
    }
  }

  static func corpus(_ documents: [[String: Any]]) -> Corpus {
    Corpus(documents.map { record in
      let id = record["id"] as! String
      var metadata = DocumentMetadata()
      if let date = record["date"] as? String { metadata.date = MetadataValue(date) }
      return Document(id: id, origin: id, text: record["text"] as! String, format: .text, metadata: metadata)
    })
  }

  /// Stories that showed a wrong group or verdict while the rules were written
  /// (Fixtures/claims/regressions.json, written for these tests): each must stay right.
  @Test func keepsFixedStoriesRight() throws {
    let result = try Self.decide(FixturePath.claims + "/regressions.json")
    #expect(result.failures.isEmpty, "\(result.failures)")
  }

  /// The short multi-source cases under Fixtures/claims, written for these tests and not
  /// used to tune the rules.
  @Test func decidesHeldOutCases() throws {
    let result = try Self.decide(FixturePath.claims + "/cases.json")
    #expect(result.cases >= 10)
    #expect(Double(result.right) / Double(result.total) >= 0.85, "\(result.right)/\(result.total): \(result.failures)")
    #expect(result.conflictsFound == result.conflicts, "\(result.failures)")
  }

  /// Runs a file of cases: how many expected groups came out whole with the right verdict.
  static func decide(_ path: String) throws -> (cases: Int, right: Int, total: Int, conflicts: Int, conflictsFound: Int, failures: [String]) {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let cases = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    var right = 0
    var total = 0
    var conflicts = 0
    var conflictsFound = 0
    var failures: [String] = []
    for item in cases {
      let name = item["name"] as! String
      let corpus = Self.corpus(item["documents"] as! [[String: Any]])
      let claims = ClaimExtractor().claims(in: corpus)
      let groups = ClaimGrouper().groups(of: claims)
      for expected in item["groups"] as! [[String: Any]] {
        total += 1
        let agreement = expected["agreement"] as! String
        if agreement == "conflict" { conflicts += 1 }
        var found: Set<String> = []
        for member in expected["members"] as! [[String]] {
          let document = try #require(corpus.document(id: member[0]))
          // The claim whose words are exactly the member's, else one that contains them or is contained.
          let claim = claims.firstIndex { $0.document == member[0] && document.string($0.quantity.range) == member[1] }
            ?? claims.firstIndex { claim in
              claim.document == member[0] && document.string(claim.quantity.range).contains(member[1])
                || claim.document == member[0] && member[1].contains(document.string(claim.quantity.range))
            }
          let group = claim.flatMap { index in groups.first { $0.members.contains(index) } }
          found.insert(group?.id ?? "none")
        }
        let group = groups.first { $0.id == found.first }
        let mine = group.map { Self.agreeing($0.agreement) } ?? "none"
        if found.count == 1, mine == agreement {
          right += 1
          if agreement == "conflict" { conflictsFound += 1 }
        } else {
          failures.append("\(name): expected \(agreement), got \(found.sorted()) \(mine)")
        }
      }
    }
    return (cases.count, right, total, conflicts, conflictsFound, failures)
  }

  @Test(arguments: [("93F", false), ("81F", true), ("27C", true)])
  func temperaturesInCelsiusAndFahrenheitAreComparedAsOne(_ other: String, _ conflicts: Bool) {
    let corpus = Self.corpus([
      ["id": "a", "date": "2025-07-19", "text": "The marathon was stopped when temperatures in the city reached 34C."],
      ["id": "b", "date": "2025-07-19", "text": "The marathon was stopped when temperatures in the city reached \(other)."],
    ])
    let claims = ClaimExtractor().claims(in: corpus)
    let heat = claims.indices.filter { claims[$0].quantity.kind == .temperature }
    #expect(heat.count == 2)
    let group = ClaimGrouper().groups(of: claims).first { $0.members.contains(heat[0]) }
    #expect(group?.members.contains(heat[1]) == true)
    #expect((group?.agreement == .conflict) == conflicts)
  }

  @Test func aRateTheUserSetsConvertsCurrencies() {
    let corpus = Self.corpus([
      ["id": "a", "date": "2025-01-20", "text": "The bloc pledged €40 billion in military aid to the country this year."],
      ["id": "b", "date": "2025-01-20", "text": "The bloc pledged $44 billion in military aid to the country this year."],
    ])
    let claims = ClaimExtractor().claims(in: corpus)
    let without = ClaimGrouper().groups(of: claims)
    let with = ClaimGrouper(rates: [ExchangeRate(from: "EUR", to: "USD", rate: 1.10)]).groups(of: claims)
    let money = claims.indices.filter { claims[$0].quantity.kind == .money }
    #expect(with.first { $0.members.contains(money[0]) }?.members.contains(money[1]) == true)
    #expect(with.first { $0.members.contains(money[0]) }?.agreement == .converted)
    #expect(without.first { $0.members.contains(money[0]) }?.agreement != .conflict)
  }

  /// Within one day, publication times order the reports: a rising toll is an update, a
  /// falling one a conflict.
  @Test(arguments: [("2025-03-10T09:00", "2025-03-10T18:30", Agreement.updated), ("2025-03-10T18:30", "2025-03-10T09:00", .conflict)])
  func publicationTimesOrderUpdates(_ early: String, _ late: String, _ agreement: Agreement) {
    let corpus = Self.corpus([
      ["id": "a", "date": early, "text": "At least 5 people were killed in the blast at the market, police said."],
      ["id": "b", "date": late, "text": "At least 9 people were killed in the blast at the market, police said."],
    ])
    let claims = ClaimExtractor().claims(in: corpus)
    let groups = ClaimGrouper().groups(of: claims)
    #expect(groups.first { $0.members.count == 2 && claims[$0.members[0]].quantity.kind == .count }?.agreement == agreement)
  }

  @Test(arguments: [(44.1, 0.1), (1200.0, 100.0), (37.0, 1.0), (13_100_000.0, 100_000.0), (23.4, 0.1)])
  func precisionOfAFigure(_ value: Double, _ place: Double) {
    #expect(abs(ClaimGrouper.precision(value) - place) < 1e-9)
  }

  @Test func numbersGroupsInOrderOfFirstAppearance() {
    let corpus = Self.corpus([
      ["id": "a", "date": "2025-03-12", "text": "Fourteen people were injured in the blast. The market reopened on Tuesday."],
      ["id": "b", "date": "2025-03-12", "text": "Fourteen people were injured in the blast, police said."],
    ])
    let claims = ClaimExtractor().claims(in: corpus)
    let groups = ClaimGrouper().groups(of: claims)
    #expect(groups.map(\.id) == (1...groups.count).map { "C\($0)" })
    #expect(groups.first?.members.count == 2)
    #expect(groups.first?.agreement == .consistent)
  }
}

/// Scores on the gold corpora: the sample in this repository and the shared one beside it.
@Suite struct ClaimGoldCorpusTests {
  static let root = (#filePath as NSString).deletingLastPathComponent + "/../../.."
  static let corpora = [root + "/samples/riverton-flood", root + "/../shared/corpus/rutte-kyiv"]

  @Test(arguments: corpora)
  func meetsTheBar(_ path: String) throws {
    guard FileManager.default.fileExists(atPath: path + "/gold/claims.jsonl") else { return }
    let report = DocumentLoader().load([path], existing: Corpus())
    let corpus = Corpus(report.loaded)
    let claims = ClaimExtractor().claims(in: corpus)
    let groups = ClaimGrouper().groups(of: claims)
    let gold = try String(contentsOfFile: path + "/gold/claims.jsonl", encoding: .utf8).split(separator: "\n").map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
    var score = ClaimScore()
    var matchedGroup: [String: String] = [:]
    for document in corpus.documents {
      let records = gold.filter { (($0["doc"] as! String) as NSString).deletingPathExtension == document.id }
      let scored = records.filter { !($0["in_boilerplate"] as! Bool) }
      let ignored = records.filter { $0["in_boilerplate"] as! Bool }.map { ($0["start"] as! Int)..<($0["end"] as! Int) }
      let mine = claims.indices.filter { claims[$0].document == document.id }
      score.add(
        expected: scored.map { ClaimScore.Expected(range: ($0["start"] as! Int)..<($0["end"] as! Int), value: $0["value"], label: $0["id"] as! String) },
        predicted: mine.map { (document.scalarRange(claims[$0].quantity.range), claims[$0].quantity.value) }, ignored: ignored)
      for record in scored {
        let range = (record["start"] as! Int)..<(record["end"] as! Int)
        if let index = mine.first(where: { document.scalarRange(claims[$0].quantity.range).overlaps(range) }),
          let group = groups.first(where: { $0.members.contains(index) })
        {
          matchedGroup[record["id"] as! String] = group.id
        }
      }
    }
    #expect(score.f1 >= 0.9, "F1 \(score.f1): \(score.misses)")
    #expect(score.valueAccuracy >= 0.95, "\(score.misses)")

    // Every gold conflict group has a conflict counterpart holding at least half its members.
    let data = try Data(contentsOf: URL(fileURLWithPath: path + "/gold/claim_groups.json"))
    let goldGroups = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    var counterparts: Set<String> = []
    for group in goldGroups where group["agreement"] as? String == "conflict" {
      let ids = (group["members"] as! [[String: Any]]).map { $0["claim"] as! String }
      let votes = Dictionary(grouping: ids.compactMap { matchedGroup[$0] }, by: { $0 }).mapValues(\.count)
      let best = votes.max { $0.value < $1.value || $0.value == $1.value && $0.key > $1.key }
      let counterpart = best.flatMap { best in groups.first { $0.id == best.key } }
      #expect(counterpart?.agreement == .conflict, "\(group["id"] ?? "")")
      #expect((best?.value ?? 0) * 2 >= ids.count, "\(group["id"] ?? "")")
      if let counterpart { counterparts.insert(counterpart.id) }
    }
    let falseConflicts = groups.filter { $0.agreement == .conflict && !counterparts.contains($0.id) }
    #expect(falseConflicts.count <= 1, "\(falseConflicts.map(\.reason))")
  }
}
