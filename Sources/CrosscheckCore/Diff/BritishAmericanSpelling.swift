/// A small rule set that maps British spellings to American ones, so that a diff can
/// overlook "defence"/"defense", "colour"/"color", "organise"/"organize" or
/// "kilometres"/"kilometers".
///
/// It is deliberately small and self-contained: a handful of suffix rules, each with the
/// common words it must leave alone, and a short list of words no rule covers. It is not a
/// general text normalizer; it only decides which spellings a diff treats as the same word.
package enum BritishAmericanSpelling {
  /// Words no suffix rule covers, British form first.
  static let pairs: [String: String] = [
    "defence": "defense", "defences": "defenses", "offence": "offense", "offences": "offenses",
    "licence": "license", "licences": "licenses", "pretence": "pretense", "grey": "gray",
    "programme": "program", "programmes": "programs", "tyre": "tire", "tyres": "tires",
    "aluminium": "aluminum", "jewellery": "jewelry", "manoeuvre": "maneuver", "manoeuvres": "maneuvers",
    "paediatric": "pediatric", "oestrogen": "estrogen", "anaemia": "anemia", "haemorrhage": "hemorrhage",
    "draught": "draft", "plough": "plow", "sceptical": "skeptical", "cosy": "cozy", "mould": "mold",
    "judgement": "judgment", "ageing": "aging", "enrol": "enroll", "fulfil": "fulfill", "catalogue": "catalog",
    "dialogue": "dialog", "analogue": "analog",
  ]

  /// Stems that take British "-our" where American has "-or" ("colour", "favourite").
  static let ourStems: Set<String> = [
    "col", "hon", "lab", "neighb", "fav", "behavi", "harb", "hum", "rum", "vap", "vig", "val",
    "arm", "ard", "cand", "clam", "ferv", "flav", "glam", "parl", "rig", "sav", "splend", "tum",
    "odo", "endeav", "dishon",
  ]
  /// Endings after "our" ("colours", "honoured", "favourite").
  static let ourEndings = ["", "s", "ed", "ing", "ite", "ites", "able", "ably", "ful", "er", "ers", "ation"]

  /// Stems that take British "-re" where American has "-er" ("centre", "kilometres").
  static let reStems = ["cent", "met", "lit", "theat", "fib", "calib", "sab", "spect", "lust", "meag", "somb", "scept"]

  /// Words whose "-ise" is not a British "-ize" ("advise", "exercise", "promise").
  static let iseKeepers: [String] = [
    "advis", "compris", "compromis", "despis", "devis", "exercis", "franchis", "improvis",
    "revis", "supervis", "surpris", "televis", "wis", "sunris", "upris", "precis", "concis", "premis", "promis",
    "expertis", "merchandis", "enterpris", "disguis", "chastis", "nois", "pois", "prais", "cruis",
    "bruis", "treatis", "paradis", "demis", "incis", "excis", "circumcis", "clockwis",
  ]
  /// Endings of the "-ise" family, with their American forms.
  static let iseEndings: [(String, String)] = [
    ("isations", "izations"), ("isation", "ization"), ("ising", "izing"), ("ised", "ized"),
    ("iser", "izer"), ("isers", "izers"), ("ises", "izes"), ("ise", "ize"),
    ("ysing", "yzing"), ("ysed", "yzed"), ("yses", "yzes"), ("yse", "yze"),
  ]

  /// Stems that double the final "l" in British English before a suffix ("travelled").
  static let doubledLStems: Set<String> = [
    "travel", "cancel", "label", "model", "fuel", "level", "signal", "total", "channel", "counsel",
    "jewel", "marvel", "tunnel", "dial", "duel", "equal", "quarrel", "rival", "shovel", "snorkel",
  ]
  /// Endings after a doubled "l".
  static let doubledLEndings = ["led", "ling", "ler", "lers"]

  /// The American spelling of a lower-case word, or the word itself when no rule applies.
  /// - Complexity: O(n) in the length of the word.
  package static func american(_ word: String) -> String {
    if let pair = pairs[word] { return pair }
    for ending in ourEndings where word.hasSuffix("our" + ending) {
      let stem = String(word.dropLast(3 + ending.count))
      if ourStems.contains(stem) { return stem + "or" + ending }
    }
    for stem in reStems {
      for (british, american) in [("re", "er"), ("res", "ers"), ("red", "ered")] where word.hasSuffix(stem + british) && !word.hasSuffix("er" + british) {
        return String(word.dropLast(british.count)) + american
      }
    }
    for ending in doubledLEndings where word.hasSuffix(ending) {
      let stem = String(word.dropLast(ending.count))
      if doubledLStems.contains(stem) { return stem + ending.dropFirst() }
    }
    for (british, american) in iseEndings where word.hasSuffix(british) {
      let stem = String(word.dropLast(british.count))
      // Short words ("rise", "wise") and the "-ise" words that are not "-ize" stay.
      guard stem.count >= 3 else { return word }
      let base = stem + "is"
      if british.hasPrefix("i"), iseKeepers.contains(where: { base.hasSuffix($0) }) { return word }
      return stem + american
    }
    return word
  }
}
