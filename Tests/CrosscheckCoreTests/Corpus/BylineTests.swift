import Testing
@testable import CrosscheckCore

@Suite struct BylineTests {
  @Test(arguments: [
    ("By Dana Whitfield, KVRT 7 News | Published November 15, 2024 at 6:12 PM", "Dana Whitfield", "KVRT 7 News", "2024-11-15"),
    ("By Marcus Oyelaran | Gazette staff writer | Nov. 15, 2024", "Marcus Oyelaran", nil, "2024-11-15"),
    ("Posted on November 14, 2024 by Jenna Whitlock", "Jenna Whitlock", nil, "2024-11-14"),
    ("By Jane Doe, Staff Writer", "Jane Doe", nil, nil),
    ("Written by Ursula von der Leyen", "Ursula von der Leyen", nil, nil),
    ("Updated: 15 November 2031", nil, nil, "2031-11-15"),
    ("Published 2031-06-02T09:00:00Z", nil, nil, "2031-06-02"),
  ] as [(String, String?, String?, String?)])
  func readsBylines(text: String, author: String?, outlet: String?, date: String?) throws {
    let byline = try #require(Byline.parse(text))
    #expect(byline.author == author)
    #expect(byline.outlet == outlet)
    #expect(byline.date?.value == date)
  }

  @Test(arguments: [
    "By Friday morning the water had dropped.",
    "By Thursday, the river had crested at 23 feet.",
    "By March, Dufresne said, the repairs would be done.",
    "By contrast, the dam held.",
    "By the time crews arrived, the levee had failed.",
    "Posted guards stood at the gate.",
    "The crane fell on Monday, March 3, 2031, after a storm that lasted all night and into the day.",
  ])
  func passesOverSentencesThatOpenLikeBylines(text: String) {
    #expect(Byline.parse(text) == nil)
  }

  @Test func keepsAYearlessDateAsStatedUntilAYearIsKnown() throws {
    let date = try #require(StatedDate.first(in: "Oct. 3 (UPI) —"))
    #expect(date.value == "Oct. 3")
    #expect(!date.isFull)
    #expect(date.resolved(year: 2024).value == "2024-10-03")
  }
}
