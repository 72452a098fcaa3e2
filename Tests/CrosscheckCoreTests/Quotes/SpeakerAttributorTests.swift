import Testing
@testable import CrosscheckCore

/// Attribution on short texts: who the first (or a chosen) quote is credited to, and by which rule.
@Suite struct SpeakerAttributorTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var text: String
    var quote: Int = 0
    var speaker: String?
    var rule: AttributionRule?
    var kind: QuoteKind = .direct
    var testDescription: String { text }
  }

  static func analyse(_ text: String) -> (Document, [AttributedQuote], DocumentPeople) {
    let document = Document(id: "t", origin: "t", text: text, format: .text)
    let (quotes, people) = QuoteAnalysis.quotes(in: document)
    return (document, quotes, people)
  }

  @Test(arguments: [
    Case(text: "“We are ready,” said Jane Smith, the mayor.", speaker: "Jane Smith", rule: .speakerAfter),
    Case(text: "“We are ready,” Jane Smith said on Tuesday.", speaker: "Jane Smith", rule: .speakerAfter),
    Case(text: "Mayor Jane Smith said: “We are ready.”", speaker: "Jane Smith", rule: .speakerBefore),
    Case(text: "Jane Smith said that the town was “ready for anything that comes.”", speaker: "Jane Smith", rule: .speakerBefore),
    Case(text: "According to Jane Smith, “the levee held through the night.”", speaker: "Jane Smith", rule: .accordingTo),
    Case(text: "Mayor Jane Smith spoke on Tuesday.\n“We are ready,” she said.", speaker: "Jane Smith", rule: .speakerAfter),
    Case(
      text: "Ray Dufresne, chief of Riverton Fire, toured the site.\nResidents waited.\n“Stay out of the water,” the fire chief said.",
      speaker: "Ray Dufresne", rule: .speakerAfter),
    Case(text: "“We are ready,” he said, “and we will stay.”\n", quote: 1, speaker: nil, rule: nil),
    Case(text: "Jane Smith arrived. “We are ready,” she said, “and we will stay.”", quote: 1, speaker: "Jane Smith", rule: .speakerBefore),
    Case(text: "“We are ready,” Jane Smith said. “We have boats.”", quote: 1, speaker: "Jane Smith", rule: .sameParagraph),
    Case(text: "“We are ready,” Jane Smith said.\n“We have boats and we have food.”", quote: 1, speaker: "Jane Smith", rule: .previousParagraph),
    Case(text: "Mr. Tom Lee arrived on Monday. Mayor Ann Wu said she was tired. “We will rebuild,” he said.", speaker: "Tom Lee", rule: .speakerAfter),
    Case(text: "Ann Wu praised the plan, stating, “This is the way forward for all of us.”", speaker: "Ann Wu", rule: .clauseSubject),
    Case(text: "They discussed the so-called “victory plan” on Friday.", speaker: nil, rule: nil, kind: .scare),
    Case(text: "Ann Wu called the walkout “reckless” and left.", speaker: "Ann Wu", rule: .speakerBefore, kind: .scare),
    Case(text: "Ann Wu said the levee was “irreversible” now.", speaker: "Ann Wu", rule: .speakerBefore, kind: .scare),
    Case(text: "“Nothing more will be said about this today.”", speaker: nil, rule: nil),
    Case(text: "“Stop,” urged Jane Smith. “Please,” added Tom Lee.", quote: 1, speaker: "Tom Lee", rule: .speakerAfter),
    Case(text: "“We will respond in kind,” the Kremlin said.", speaker: "Kremlin", rule: .speakerAfter),
    Case(text: "‘We will fight on’: Zelensky vows to hold the line", speaker: "Zelensky", rule: .speakerAfter),
    Case(text: "Acme Corp, a utility company, issued a statement.\n“We regret the outage,” it said.", speaker: "Acme Corp", rule: .speakerAfter),
    Case(text: "Jane Smith spoke first.\n“The rules were followed,” the statement said.", speaker: nil, rule: .speakerAfter),
    Case(text: "Secretary of State Antony Blinken said: “We are ready for talks.”", speaker: "Antony Blinken", rule: .speakerBefore),
    Case(text: "“We are ready,” Smith, 45, said.", speaker: "Smith", rule: .speakerAfter),
    // Someone the text never names is credited as described, never to the last name.
    Case(text: "Miles Carter spoke.\n“The law reaches every trading floor,” a spokeswoman said.", speaker: "spokeswoman", rule: .speakerAfter),
    Case(
      text: "The Serious Fraud Office welcomed the sentence. “No trading floor is beyond the law,” a spokeswoman said.",
      speaker: "spokeswoman for the Serious Fraud Office", rule: .speakerAfter),
    Case(
      text: "A spokeswoman for the Oregon Department of Environmental Quality said booms were in place.\n“There is a sheen on the creek,” she said.",
      speaker: "spokeswoman for the Oregon Department of Environmental Quality", rule: .speakerAfter),
    Case(
      text: "The new cases attend Hillside Elementary, according to a spokeswoman for Orrin County Public Health. “Both were at home,” she said.",
      speaker: "spokeswoman for Orrin County Public Health", rule: .speakerAfter),
    Case(text: "Pat Rowe spoke first.\nBut one medic, who asked not to be named, told the paper: “We were warned on Friday.”", speaker: "medic", rule: .speakerBefore),
    Case(text: "Local officials were worried. “Nobody can fill this hole quickly,” one official said.", speaker: "official", rule: .speakerAfter),
    Case(text: "“We will be back next year,” officials said.", speaker: "officials", rule: .speakerAfter),
    // A transcript's speaker label is not what "she" stands for.
    Case(
      text: "FERREIRA: The fire chief here, Dana Whitlock, says the spill is large.\n\nHOST: Was anyone hurt?\n\nFERREIRA: No. She told us, quote, “We were lucky.”",
      speaker: "Dana Whitlock", rule: .speakerBefore),
    // A live blog's post opens with its time and continues no one from the post before.
    Case(
      text: "12:05\nThe ambulance service says it has treated 36 people, Jo Hart said.\n\n11:48\n“Like running into a hair dryer out there”",
      speaker: nil, rule: nil),
    Case(
      text: "12:40\nRace director: “Safety is the only thing that matters”\n\nOwen Pryce, the race director, has spoken to reporters.",
      speaker: "Owen Pryce", rule: .speakerBefore),
    Case(
      text: "The Brennport Marathon was halted. Race director Owen Pryce sat down with the Echo.\n\nQ: Did you wait too long?\n\nA: No. “The safety of the runners is the only thing that matters” is how we run it.",
      speaker: "Owen Pryce", rule: .interviewee),
    Case(text: "I'd make the same call again. “The safety of the runners is the only thing that matters” is not a slogan for us.", speaker: nil, rule: nil),
    Case(text: "NATO Secretary-General Mark Rutte visited Kyiv.\nThe Secretary General explained that “support is necessary for us.”", speaker: "Mark Rutte", rule: .speakerBefore),
  ])
  func creditsTheSpeaker(_ test: Case) throws {
    let (_, quotes, people) = Self.analyse(test.text)
    try #require(quotes.count > test.quote)
    let quote = quotes[test.quote]
    #expect(quote.kind == test.kind)
    if test.text.hasPrefix("“We are ready,” he said, “and") {
      // "he" with no one named before it: the rule is found, the person is not.
      #expect(quote.attribution?.person == nil)
      return
    }
    #expect(quote.attribution?.person.map { people.people[$0].name } == test.speaker)
    #expect(quote.attribution?.rule == test.rule)
    if test.speaker == nil, test.rule == nil { #expect(quote.unattributedReason != nil) }
  }

  @Test func recordsTheCueSurfaceAndEvidence() throws {
    let (document, quotes, _) = Self.analyse("“The gates were opened by the rules,” company spokesman Joost Verhagen told reporters.")
    let attribution = try #require(quotes.first?.attribution)
    #expect(attribution.cue == "told reporters")
    #expect(attribution.surface == "Joost Verhagen")
    #expect(attribution.surfaceRange.map(document.string) == "Joost Verhagen")
    #expect(attribution.evidence == "company spokesman Joost Verhagen told")
    #expect(attribution.confidence > 0.9)
  }

  @Test func speechQuotedInsideAQuoteIsNotTheOuterSpeakers() throws {
    let (_, quotes, _) = Self.analyse("“People ask me, ‘Why didn’t the sirens go off sooner?’ It is fair,” Okonkwo said.")
    try #require(quotes.count == 2)
    #expect(quotes[0].attribution != nil)
    #expect(quotes[1].attribution == nil)
    #expect(quotes[1].unattributedReason?.contains("inside another quote") == true)
  }
}
