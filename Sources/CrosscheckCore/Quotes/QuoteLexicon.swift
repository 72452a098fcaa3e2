/// The words attribution looks for, taken from how news is written: reporting verbs in all
/// their forms, pronouns, titles and role nouns, and the words that may stand between a
/// speaker and the verb.
///
/// Words are compared by a 64-bit hash of their lower-cased UTF-8 bytes (with the
/// typographic apostrophe folded to `'`), so that the hot path never builds a `String`.
package enum QuoteLexicon {
  /// FNV-1a over lower-cased bytes; `’` (E2 80 99) hashes as `'`.
  /// - Complexity: O(n) in the word's length.
  @inline(__always)
  package static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    var index = range.lowerBound
    while index < range.upperBound {
      var byte = bytes[index]
      if byte == 0xE2, index + 2 < range.upperBound, bytes[index + 1] == 0x80, bytes[index + 2] == 0x99 {
        byte = 0x27
        index += 2
      } else if byte >= 0x41, byte <= 0x5A {
        byte |= 0x20
      }
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
      index += 1
    }
    return hash
  }

  /// The key of a word given as a string (the same as for its bytes in a text).
  package static func key(_ word: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    var pending = 0  // bytes of a ’ seen so far
    for var byte in word.utf8 {
      if pending == 0, byte == 0xE2 { pending = 1; continue }
      if pending == 1 {
        if byte == 0x80 { pending = 2; continue }
        hash = (hash ^ 0xE2) &* 0x100_0000_01b3
        pending = 0
      } else if pending == 2 {
        pending = 0
        if byte == 0x99 {
          byte = 0x27
        } else {
          hash = (hash ^ 0xE2) &* 0x100_0000_01b3
          hash = (hash ^ 0x80) &* 0x100_0000_01b3
        }
      }
      if byte >= 0x41, byte <= 0x5A { byte |= 0x20 }
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    if pending >= 1 { hash = (hash ^ 0xE2) &* 0x100_0000_01b3 }
    if pending == 2 { hash = (hash ^ 0x80) &* 0x100_0000_01b3 }
    return hash
  }

  /// Keys of single words the rules test for.
  enum Word {
    static let a = key("a"), an = key("an"), the = key("the"), of = key("of"), to = key("to"), who = key("who")
    static let as_ = key("as"), out = key("out"), according = key("according"), reporters = key("reporters")
    static let journalists = key("journalists"), it = key("it")
  }

  /// Particles inside names ("van", "de", "al").
  static let nameParticles: Set<UInt64> = keys(["de", "van", "von", "der", "al", "bin", "da", "du", "la", "le", "del"])

  static func keys(_ words: [String]) -> Set<UInt64> { Set(words.map(key)) }

  /// The forms of a regular verb: base, -s, -ed, -ing (with the usual spelling changes).
  static func forms(_ base: String, doubling: Bool = false) -> [String] {
    if base.hasSuffix("e") {
      let stem = String(base.dropLast())
      return [base, base + "s", base + "d", stem + "ing"]
    }
    if base.hasSuffix("y"), let last = base.dropLast().last, !"aeiou".contains(last) {
      let stem = String(base.dropLast())
      return [base, stem + "ies", stem + "ied", base + "ing"]
    }
    let third = base.hasSuffix("s") || base.hasSuffix("sh") || base.hasSuffix("ch") || base.hasSuffix("x") ? base + "es" : base + "s"
    let doubled = doubling ? base + String(base.last ?? " ") : base
    return [base, third, doubled + "ed", doubled + "ing"]
  }

  /// Verbs that report speech or writing, in every tense news uses.
  static let reportingVerbWords: [String] = {
    var words = [
      "say", "says", "said", "saying", "tell", "tells", "told", "telling", "write", "writes", "wrote", "written",
      "writing", "tweet", "tweets", "tweeted", "tweeting", "retort", "retorted", "quip", "quipped", "ask", "asks",
      "asked", "asking", "cry", "cried", "shout", "shouted", "testify", "testified", "testifies", "reply", "replied",
      "replies", "replying", "proclaim", "proclaimed", "concede", "conceded", "conceding", "concedes",
      "speak", "speaks", "spoke", "spoken", "speaking", "slam", "slams", "slammed", "slamming", "snap", "snapped",
      "sob", "sobbed", "sobbing",
    ]
    for verb in [
      "add", "stress", "urge", "assert", "declare", "note", "warn", "explain", "insist", "claim", "emphasize",
      "emphasise", "state", "comment", "reiterate", "announce", "acknowledge", "argue", "observe", "remark",
      "respond", "answer", "recall", "conclude", "suggest", "confirm", "deny", "predict", "pledge", "promise",
      "caution", "complain", "contend", "maintain", "plead", "repeat", "recount", "boast", "muse", "scream",
      "whisper", "exclaim", "describe", "highlight", "underline", "underscore", "affirm", "reaffirm", "assure",
      "reassure", "vow", "continue", "counter", "joke", "lament", "mention", "report", "reveal", "insist",
      "call", "dub", "label", "brand", "term", "blast", "hail", "fume", "rage", "gush", "beam", "rant", "vent",
      "hiss", "laugh", "sigh", "gasp", "confess", "recall", "reflect", "concur", "propose", "recommend",
      "estimate", "explain", "disclose", "inform", "advise", "announce", "demand", "charge", "allege", "point",
    ] {
      words += forms(verb)
    }
    words += forms("admit", doubling: true)
    return words
  }()

  /// Reporting verbs by key.
  package static let reportingVerbs: Set<UInt64> = keys(reportingVerbWords)
  /// Forms of "point", which report only in "point out" / "point to".
  static let pointVerbs: Set<UInt64> = keys(forms("point"))
  /// Participles that hang off a main clause ("…, stating, “…”"): the speaker is that clause's subject.
  static let participleSuffix: [UInt8] = Array("ing".utf8)

  /// Personal pronouns that can stand for a speaker, and their gender.
  static let malePronouns: Set<UInt64> = keys(["he", "him", "his", "himself"])
  static let femalePronouns: Set<UInt64> = keys(["she", "her", "hers", "herself"])
  static let subjectPronouns: [UInt64: Gender] = [key("he"): .male, key("she"): .female]
  static let pluralPronouns: Set<UInt64> = keys(["they", "we", "it", "i", "you"])

  /// Words that can stand between a speaker and the reporting verb ("Rutte on Thursday
  /// reiterated", "Okonkwo also said", "he has said").
  static let betweenSubjectAndVerb: Set<UInt64> = keys([
    "also", "again", "later", "then", "repeatedly", "previously", "once", "further", "separately", "earlier",
    "has", "had", "have", "will", "would", "on", "last", "this", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight", "morning",
    "afternoon", "evening", "night", "week", "privately", "publicly", "flatly", "firmly", "quickly", "bluntly",
    "recently", "already", "still", "often", "frequently", "simply", "just", "reportedly", "had", "did",
    "would", "could", "may", "might", "not", "never", "always", "initially", "angrily", "calmly",
  ])

  /// Lower-case words that may precede a title and name ("new NATO Secretary General Mark Rutte").
  static let nameModifiers: Set<UInt64> = keys([
    "new", "former", "newly", "appointed", "elected", "acting", "interim", "outgoing", "incoming", "veteran",
    "longtime", "deputy", "senior", "top", "local", "then", "retired", "embattled", "beleaguered", "current",
  ])

  /// Nouns for things that "say" in news ("the statement said", "the letter said"): a
  /// description with one of these heads is not a person.
  static let documentNouns: Set<UInt64> = keys([
    "statement", "report", "letter", "paper", "newspaper", "release", "document", "documents", "filing",
    "order", "study", "survey", "poll", "memo", "email", "post", "tweet", "website", "note", "notice",
    "ruling", "judgment", "indictment", "complaint", "lawsuit", "suit", "transcript", "recording", "video",
    "footage", "message", "text", "register", "monitor", "flyer", "poster", "banner", "sign", "chapter",
    "ministry", "company", "agency", "government", "department", "office", "board", "council", "police",
  ])

  /// Forms of "be": a reporting verb after one is passive ("was said to be"), and its
  /// subject is not the speaker.
  static let formsOfBe: Set<UInt64> = keys(["is", "are", "was", "were", "be", "been", "being", "'s"])

  /// Words that open a description of a person ("the mayor", "a spokesman", "its chief",
  /// "one official").
  static let determiners: Set<UInt64> = keys(["the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "one", "another"])
  /// Determiners of someone the text does not name ("a spokeswoman", "one medic", "another parent").
  static let indefiniteDeterminers: Set<UInt64> = keys(["a", "an", "one", "another"])
  /// Prepositions that tie a role to its organisation ("a spokeswoman for the ministry",
  /// "an official at the embassy", "the head of Orrin County Public Health").
  static let roleLinks: Set<UInt64> = keys(["for", "of", "at", "with"])

  /// Nouns that name a role: heads of descriptions and titles before names.
  static let roleWords: [String] = [
    "president", "vice-president", "mayor", "chief", "secretary", "secretary-general", "general", "director",
    "director-general", "governor", "minister", "premier", "chancellor", "senator", "sen", "representative", "rep",
    "gov", "mr", "mrs", "ms", "miss", "dr", "judge", "justice", "sheriff", "commissioner", "superintendent",
    "captain", "capt", "lt", "lieutenant", "sgt", "sergeant", "officer", "professor", "prof", "ambassador", "pope",
    "king", "queen", "prince", "princess", "ceo", "chairman", "chairwoman", "chair", "chairperson", "councillor",
    "councilor", "councilman", "councilwoman", "coach", "manager", "rev", "reverend", "bishop", "speaker",
    "leader", "head", "attorney", "detective", "inspector", "commander", "colonel", "col", "gen", "adm", "admiral",
    "marshal", "spokesman", "spokeswoman", "spokesperson", "official", "officials", "executive", "founder",
    "owner", "resident", "residents", "analyst", "economist", "researcher", "scientist", "expert", "lawyer",
    "doctor", "nurse", "teacher", "principal", "dean", "editor", "author", "adviser", "advisor", "aide", "envoy",
    "diplomat", "mp", "lawmaker", "congressman", "congresswoman", "deputy", "treasurer", "clerk", "engineer",
    "baker", "farmer", "worker", "witness", "survivor", "victim", "company", "agency", "ministry", "police",
    "authorities", "government", "department", "office", "board", "council", "spokespeople", "firm", "utility",
    "prosecutor", "prosecutors", "investigator", "investigators", "activist", "campaigner", "candidate",
    "boss", "emir", "sultan", "sheikh", "ayatollah", "imam", "rabbi", "father", "mother", "physician",
    "surgeon", "pilot", "soldier", "commissioner", "mayor-elect", "president-elect", "governor-elect",
    "operator", "organizer", "organiser", "player", "striker", "captain", "manager", "trainer", "chef",
    "historian", "professor", "student", "volunteer", "shopkeeper", "landlord", "tenant", "homeowner",
    "reporter", "correspondent", "medic", "paramedic", "parent", "runner", "competitor", "spectator",
    "passenger", "driver", "neighbour", "neighbor", "firefighter", "employee", "staffer", "paramedics",
  ]
  static let roles: Set<UInt64> = keys(roleWords)

  /// Role nouns that mean "the person at the top", so that "the NATO chief" can name the
  /// alliance's Secretary-General.
  static let leaderWords: Set<UInt64> = keys(["chief", "head", "leader", "boss"])
  static let topTitles: Set<UInt64> = keys([
    "president", "secretary-general", "director-general", "director", "chief", "head", "chairman",
    "chairwoman", "chair", "ceo", "leader", "commander", "mayor", "governor", "premier", "chancellor",
    "secretary", "general", "minister",
  ])

  /// Role nouns that belong to organisations rather than people (they can speak but are never "he" or "she").
  static let organizationRoles: Set<UInt64> = keys([
    "company", "agency", "ministry", "police", "authorities", "government", "department", "office", "board",
    "council", "firm", "utility", "group", "organization", "organisation", "union", "party", "committee",
    "commission", "service", "services", "operator",
  ])

  /// Role nouns of someone who speaks for an organisation.
  static let spokespeople: Set<UInt64> = keys(["spokesman", "spokeswoman", "spokesperson", "representative"])
  /// Head nouns of an organisation's name ("Serious Fraud Office", "Orrin County Public Health").
  static let institutionNouns: Set<UInt64> = keys([
    "office", "department", "ministry", "agency", "service", "services", "council", "board", "authority",
    "bureau", "commission", "committee", "police", "company", "corporation", "inc", "ltd", "group", "health",
    "administration", "institute", "association", "foundation", "union", "party", "court", "railroad",
    "railway", "airlines", "bank", "fund", "organization", "organisation", "directorate", "inspectorate",
  ])

  /// Gendered titles and nouns.
  static let maleTitles: Set<UInt64> = keys([
    "mr", "spokesman", "chairman", "congressman", "councilman", "king", "prince", "father", "husband", "sir",
    "businessman", "son", "brother", "grandfather", "actor", "policeman", "fireman",
  ])
  static let femaleTitles: Set<UInt64> = keys([
    "mrs", "ms", "miss", "spokeswoman", "chairwoman", "congresswoman", "councilwoman", "queen", "princess",
    "mother", "wife", "lady", "dame", "businesswoman", "daughter", "sister", "grandmother", "actress",
    "policewoman",
  ])

  /// Abbreviations whose full stop does not end a sentence.
  static let abbreviations: Set<UInt64> = keys([
    "mr", "mrs", "ms", "dr", "st", "gen", "gov", "sen", "rep", "lt", "col", "sgt", "capt", "prof", "rev", "jr",
    "sr", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt",
    "ft", "adm", "cmdr", "insp", "det", "hon", "amb", "vs", "inc", "corp", "co", "ltd", "dept", "approx",
  ])

  /// Capitalised words that open sentences or name days and months, and so are not names.
  static let notNames: Set<UInt64> = keys([
    "the", "a", "an", "but", "and", "or", "so", "yet", "if", "when", "while", "after", "before", "as", "since",
    "although", "however", "meanwhile", "still", "for", "from", "with", "by", "to", "of", "in", "on", "at",
    "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "my", "your", "this",
    "that", "these", "those", "there", "here", "what", "who", "why", "how", "where", "which", "some", "many",
    "most", "no", "not", "one", "all", "both", "each", "every", "more", "much", "now", "then", "also", "even",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "during", "until", "unless", "because", "instead", "despite", "according", "asked", "speaking", "about",
    "over", "under", "through", "into", "last", "next", "earlier", "later", "today", "yesterday", "tomorrow",
    "photo", "read", "related", "watch", "share", "home", "news", "source", "subscribe", "update", "updated",
    "breaking", "live", "q", "yes", "well", "oh", "thank", "thanks", "please", "let", "do", "does", "did",
    "is", "are", "was", "were", "will", "would", "can", "could", "should", "must", "has", "have", "had",
    "another", "i'd", "i'm", "i've", "i'll", "we're", "we've", "we'll", "we'd", "you're", "it's", "that's",
    "there's", "let's", "he's", "she's", "they're",
  ])

  /// Head nouns of places and institutions: a name ending in one is not a person.
  static let placeNouns: Set<UInt64> = keys([
    "hospital", "board", "center", "centre", "office", "department", "service", "services", "council",
    "agency", "ministry", "university", "college", "school", "base", "street", "avenue", "road", "river",
    "dam", "bank", "party", "court", "house", "committee", "commission", "union", "times", "news", "post",
    "herald", "gazette", "square", "airport", "station", "park", "bridge", "city", "county", "state", "states",
    "district", "region", "province", "republic", "kingdom", "federation", "alliance", "forces", "army",
    "navy", "police", "church", "museum", "hall", "building", "tower", "palace", "quay", "flats", "valley",
    "island", "islands", "sea", "ocean", "lake", "mountain", "mountains", "east", "west", "north", "south",
    "summit", "conference", "press", "network", "channel", "club", "team", "fund", "institute", "association",
    "foundation", "organization", "organisation", "group", "corporation", "company", "inc", "ltd", "llc",
    "fire", "rescue", "energy", "airlines", "motors", "media", "health", "ministry", "senate", "congress",
    "parliament", "assembly", "cabinet", "administration", "bureau", "authority", "court", "prison", "mall",
    "elementary", "academy", "clinic", "library", "stadium", "arena", "market",
  ])

  /// Nouns that make an apposition say what a person is ("Ray Dufresne, who heads …",
  /// "Harold Pruitt, 74, …"); places and things take other appositions ("Riverton, a town …").
  static let nonPersonAppositionHeads: Set<UInt64> = keys([
    "town", "city", "village", "country", "region", "river", "state", "district", "county", "capital", "area",
    "port", "province", "nation", "island", "plan", "program", "programme", "project", "building", "bill",
    "law", "treaty", "deal", "war", "conflict", "event", "storm", "day", "year", "week", "month",
  ])
}

/// A person's grammatical gender as the text shows it.
package enum Gender: String, Sendable {
  case male, female
}
