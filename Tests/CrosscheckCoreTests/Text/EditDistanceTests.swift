import Testing
@testable import CrosscheckCore

@Suite struct EditDistanceTests {
  @Test(arguments: [("", "", 0), ("abc", "", 3), ("kitten", "sitting", 3), ("qoutes", "quotes", 1), ("Sources", "sources", 0)])
  func distance(_ a: String, _ b: String, _ expected: Int) {
    #expect(EditDistance.distance(a, b) == expected)
    #expect(EditDistance.distance(b, a) == expected)
  }

  @Test func closestPrefersTyposAndFallsBackToPrefixes() {
    #expect(EditDistance.closest(to: "foramt", among: ["format", "no-color"]) == "format")
    #expect(EditDistance.closest(to: "xyz", among: ["format", "no-color"]) == nil)
    #expect(EditDistance.closest(to: "coast", among: ["coastwire", "kvrt-news"]) == "coastwire")
  }
}
