import Foundation
@testable import CrosscheckCore

/// Scores recognized claims against hand-made answers, by the rules of `scripts/eval-claims`:
/// spans match one-to-one by largest overlap; values compare numbers to a relative 1e-6.
struct ClaimScore {
  var gold = 0
  var predicted = 0
  var matched = 0
  var valuesRight = 0
  var misses: [String] = []

  var precision: Double { predicted == 0 ? 1 : Double(matched) / Double(predicted) }
  var recall: Double { gold == 0 ? 1 : Double(matched) / Double(gold) }
  var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
  var valueAccuracy: Double { matched == 0 ? 1 : Double(valuesRight) / Double(matched) }

  /// An expected claim: code point range and value as JSON.
  struct Expected {
    var range: Range<Int>
    var value: Any?
    var label: String
  }

  /// Adds one text's expected and predicted claims; `ignored` ranges neither hit nor miss.
  mutating func add(expected: [Expected], predicted found: [(Range<Int>, QuantityValue)], ignored: [Range<Int>] = []) {
    let found = found.filter { item in !ignored.contains { $0.overlaps(item.0) } || expected.contains { $0.range.overlaps(item.0) } }
    gold += expected.count
    predicted += found.count
    var pairs: [(Int, Int, Int)] = []
    for (e, item) in expected.enumerated() {
      for (p, candidate) in found.enumerated() where item.range.overlaps(candidate.0) {
        pairs.append((-(min(item.range.upperBound, candidate.0.upperBound) - max(item.range.lowerBound, candidate.0.lowerBound)), e, p))
      }
    }
    pairs.sort { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
    var usedE = Set<Int>(), usedP = Set<Int>()
    for (_, e, p) in pairs where !usedE.contains(e) && !usedP.contains(p) {
      usedE.insert(e)
      usedP.insert(p)
      matched += 1
      if Self.same(found[p].1, expected[e].value) { valuesRight += 1 } else { misses.append("value \(expected[e].label): \(found[p].1)") }
    }
    for (e, item) in expected.enumerated() where !usedE.contains(e) { misses.append("missed \(item.label)") }
  }

  static func same(_ value: QuantityValue, _ json: Any?) -> Bool {
    func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-6 * max(1, abs(a), abs(b)) }
    switch value {
    case .vague: return json == nil || json is NSNull
    case .number(let number): return (json as? NSNumber).map { close($0.doubleValue, number) } ?? false
    case .range(let low, let high):
      guard let list = json as? [NSNumber], list.count == 2 else { return false }
      return close(list[0].doubleValue, low) && close(list[1].doubleValue, high)
    case .date(let text): return (json as? String) == text
    }
  }
}

/// Scalar offset ranges of a string's first occurrence at or after `from`.
func scalarRange(of needle: String, in text: String, from: Int = 0) -> Range<Int>? {
  let scalars = Array(text.unicodeScalars)
  let target = Array(needle.unicodeScalars)
  guard !target.isEmpty, scalars.count >= target.count else { return nil }
  for start in from...(scalars.count - target.count) where Array(scalars[start..<(start + target.count)]) == target {
    return start..<(start + target.count)
  }
  return nil
}
