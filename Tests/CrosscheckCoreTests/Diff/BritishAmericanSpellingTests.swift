import Testing

@testable import CrosscheckCore

@Suite struct BritishAmericanSpellingTests {
  @Test(arguments: [
    ("defence", "defense"), ("colour", "color"), ("colours", "colors"), ("honoured", "honored"),
    ("favourite", "favorite"), ("neighbours", "neighbors"), ("organise", "organize"), ("organised", "organized"),
    ("organisation", "organization"), ("criticising", "criticizing"), ("authorise", "authorize"),
    ("summarise", "summarize"), ("minimise", "minimize"), ("analyse", "analyze"), ("centre", "center"),
    ("kilometres", "kilometers"), ("theatre", "theater"), ("travelled", "traveled"), ("cancelling", "canceling"),
    ("programme", "program"), ("grey", "gray"), ("manoeuvre", "maneuver"),
  ])
  func britishBecomesAmerican(_ british: String, _ american: String) {
    #expect(BritishAmericanSpelling.american(british) == american)
    #expect(BritishAmericanSpelling.american(american) == american)
  }

  @Test(arguments: [
    "four", "hour", "your", "tour", "advise", "exercise", "surprised", "promise", "rise", "wise", "otherwise",
    "acre", "genre", "massacre", "compelled", "spelled", "noise", "raise", "enterprise", "expertise",
  ])
  func wordsThatOnlyLookBritishStay(_ word: String) {
    #expect(BritishAmericanSpelling.american(word) == word)
  }
}
