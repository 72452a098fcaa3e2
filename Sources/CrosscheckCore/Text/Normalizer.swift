import Foundation

/// Folds text into a form for comparison, kept apart from the original text: curly and
/// straight quotation marks alike, every dash a hyphen, lower case, no diacritics, one space
/// for any run of white space, and British spellings in their American form ("defence" →
/// "defense", "kilometres" → "kilometers", "organise" → "organize", "colour" → "color").
///
/// Spelling is folded by suffix rules with exception lists plus a short table of pairs
/// that no rule covers ("storey" → "story", "tyre" → "tire"). Both sides of a comparison are
/// folded the same way, so an over-eager fold only merges two spellings, never loses a word.
package struct Normalizer: Sendable {
  /// Which foldings to apply.
  package struct Options: OptionSet, Sendable {
    /// The bits of the set.
    package let rawValue: Int
    /// The set with these bits.
    package init(rawValue: Int) { self.rawValue = rawValue }
    /// Curly, low and angle quotation marks as straight ones.
    package static let quotes = Options(rawValue: 1)
    /// Every dash and minus sign as a hyphen.
    package static let dashes = Options(rawValue: 2)
    /// Lower case.
    package static let caseFolding = Options(rawValue: 4)
    /// Letters without accents ("é" → "e", "ł" → "l").
    package static let diacritics = Options(rawValue: 8)
    /// Any run of white space as one space, none at the ends.
    package static let whitespace = Options(rawValue: 16)
    /// British spellings in their American form.
    package static let spelling = Options(rawValue: 32)
    /// Everything above.
    package static let all: Options = [.quotes, .dashes, .caseFolding, .diacritics, .whitespace, .spelling]
  }

  /// The foldings applied.
  package let options: Options

  /// A normalizer applying `options` (all foldings by default).
  package init(options: Options = .all) {
    self.options = options
  }

  /// The folded form of `text`.
  /// - Complexity: O(n); ASCII words are folded byte by byte without allocating.
  package func normalized(_ text: String) -> String {
    var output: [UInt8] = []
    output.reserveCapacity(text.utf8.count)
    var text = text
    text.withUTF8 { bytes in fold(bytes, into: &output) }
    return String(decoding: output, as: UTF8.self)
  }

  /// The folded form of one token of a document, for matching words across outlets.
  package func normalized(_ token: Token, in buffer: TextBuffer) -> String {
    var output: [UInt8] = []
    output.reserveCapacity(token.range.count)
    buffer.bytes.withUnsafeBufferPointer { bytes in fold(UnsafeBufferPointer(rebasing: bytes[token.range]), into: &output) }
    return String(decoding: output, as: UTF8.self)
  }

  /// Appends the folded form of UTF-8 `bytes` to `output`.
  package func fold(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
    var index = 0
    var wordStart = output.count
    var inWord = false
    var pendingSpace = false
    let foldCase = options.contains(.caseFolding)
    func endWord(_ output: inout [UInt8]) {
      if inWord, options.contains(.spelling) { SpellingVariants.americanize(&output, from: wordStart) }
      inWord = false
    }
    while index < bytes.count {
      let byte = bytes[index]
      if byte < 0x80 {
        index += 1
        if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
          endWord(&output)
          if options.contains(.whitespace) { pendingSpace = !output.isEmpty } else { output.append(byte) }
          continue
        }
        if pendingSpace { output.append(0x20); pendingSpace = false }
        let isLetter = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        if isLetter {
          if !inWord { inWord = true; wordStart = output.count }
          output.append(foldCase && byte <= 0x5A ? byte + 0x20 : byte)
        } else {
          endWord(&output)
          output.append(byte)
        }
        continue
      }
      let (scalar, length) = Characters.scalar(in: bytes, at: index)
      index += length
      if Characters.isSpace(scalar) {
        endWord(&output)
        if options.contains(.whitespace) { pendingSpace = !output.isEmpty } else { output.append(contentsOf: Array(String(scalar).utf8)) }
        continue
      }
      if pendingSpace { output.append(0x20); pendingSpace = false }
      if let replacement = punctuation(scalar) {
        // An apostrophe inside a word keeps the word going ("Kyiv’s").
        if replacement == UInt8(ascii: "'"), inWord { output.append(replacement); continue }
        endWord(&output)
        output.append(replacement)
        continue
      }
      let folded = letters(scalar)
      if Characters.isLetter(scalar) {
        if !inWord { inWord = true; wordStart = output.count }
      } else {
        endWord(&output)
      }
      output.append(contentsOf: folded.utf8)
    }
    endWord(&output)
  }

  /// The ASCII mark a quotation mark or dash folds to, if it is one.
  func punctuation(_ scalar: Unicode.Scalar) -> UInt8? {
    if options.contains(.quotes) {
      switch scalar {
      case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{2032}", "\u{02BC}", "\u{2039}", "\u{203A}": return UInt8(ascii: "'")
      case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{2033}", "\u{00AB}", "\u{00BB}": return UInt8(ascii: "\"")
      default: break
      }
    }
    if options.contains(.dashes) {
      switch scalar {
      case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}", "\u{FE58}", "\u{FE63}", "\u{FF0D}":
        return UInt8(ascii: "-")
      default: break
      }
    }
    return nil
  }

  /// Letters that have no decomposition but a conventional ASCII spelling.
  static let specialLetters: [Unicode.Scalar: String] = [
    "ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
    "ð": "d", "þ": "th", "ı": "i",
  ]

  /// A non-ASCII scalar case-folded and without diacritics, as the options ask.
  func letters(_ scalar: Unicode.Scalar) -> String {
    var text = String(scalar)
    if options.contains(.diacritics) {
      if let special = Self.specialLetters[scalar] {
        text = special
      } else {
        let decomposed = text.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
          $0.properties.generalCategory != .nonspacingMark
        }
        if !decomposed.isEmpty { text = String(String.UnicodeScalarView(decomposed)) }
      }
    }
    return options.contains(.caseFolding) ? text.lowercased() : text
  }
}

/// British spellings and their American forms, by suffix rules and a table of pairs.
enum SpellingVariants {
  /// Pairs no rule covers.
  static let pairs: [String: String] = [
    "storey": "story", "storeys": "stories", "tyre": "tire", "tyres": "tires", "kerb": "curb", "kerbs": "curbs",
    "programme": "program", "programmes": "programs", "grey": "gray", "aluminium": "aluminum", "cheque": "check",
    "cheques": "checks", "jewellery": "jewelry", "plough": "plow", "sceptic": "skeptic", "sceptical": "skeptical",
    "mould": "mold", "manoeuvre": "maneuver", "manoeuvres": "maneuvers", "catalogue": "catalog", "analogue": "analog",
    "enrol": "enroll", "enrolment": "enrollment", "fulfil": "fulfill", "fulfilment": "fulfillment", "instalment": "installment",
    "skilful": "skillful", "wilful": "willful", "ageing": "aging", "judgement": "judgment", "acknowledgement": "acknowledgment",
    "paediatric": "pediatric", "anaesthetic": "anesthetic", "oestrogen": "estrogen", "foetus": "fetus", "pyjamas": "pajamas",
    "moustache": "mustache", "cosy": "cozy", "artefact": "artifact", "defence": "defense", "defences": "defenses",
    "offence": "offense", "offences": "offenses", "licence": "license", "licences": "licenses", "pretence": "pretense",
    "practise": "practice", "practised": "practiced", "sulphur": "sulfur", "aeroplane": "airplane", "aeroplanes": "airplanes",
    "woollen": "woolen", "draughtsman": "draftsman", "gaol": "jail", "neighbouring": "neighboring",
  ]
  /// Stems spelled -our in Britain and -or in America ("colour", "neighbourhood", "unfavourable").
  static let ourStems = [
    "behavi", "col", "fav", "hon", "lab", "neighb", "harb", "hum", "rum", "vig", "arm", "endeav", "flav", "od", "rig",
    "savi", "splend", "tum", "val", "vap", "clam", "ferv", "ard", "cand", "demean", "parl", "ranc", "sav",
  ]
  static let ourPatterns = ourStems.map { $0 + "our" }
  /// Stems spelled -re in Britain and -er in America ("centre", "kilometres").
  static let reStems = ["cent", "met", "lit", "theat", "fib", "calib", "sab", "somb", "spect", "meag", "lust", "goit", "sepulch"]
  /// Verbs that double a final l in Britain ("travelled", "cancelling").
  static let doubledL = [
    "travel", "cancel", "label", "model", "fuel", "signal", "counsel", "level", "marshal", "channel", "tunnel", "total",
    "equal", "quarrel", "dial", "rival", "shovel", "spiral", "pedal", "libel", "duel", "panel", "jewel", "grovel", "marvel",
  ]
  /// Words in -ise that are spelled so in America too.
  static let iseExceptions: Set<String> = [
    "advise", "devise", "revise", "supervise", "surprise", "comprise", "compromise", "exercise", "enterprise", "franchise",
    "merchandise", "premise", "promise", "rise", "arise", "wise", "otherwise", "likewise", "clockwise", "precise", "concise",
    "expertise", "disguise", "despise", "televise", "improvise", "excise", "incise", "chastise", "circumcise", "noise",
    "poise", "praise", "raise", "cruise", "bruise", "guise", "treatise", "paradise", "anise", "mortise", "porpoise",
    "tortoise", "turquoise", "vise", "demise", "reprise", "apprise", "appraise", "sunrise", "uprise", "braise", "chemise",
    "cerise", "valise", "prise", "precise", "elise", "denise", "louise", "eloise", "maise", "reprise", "upraise",
  ]
  static let iseSuffixes = ["isations", "isation", "ising", "ised", "ises", "iser", "isers", "ise"]
  static let yseSuffixes = ["ysing", "ysed", "yses", "yse"]

  /// FNV-1a hashes of the pair table's British words, to rule words out without allocating.
  static let pairHashes: Set<UInt64> = Set(pairs.keys.map { hash(Array($0.utf8)[...]) })

  static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return value
  }

  /// Rewrites the word in `output[start...]` (lower-case ASCII letters and apostrophes) in
  /// its American spelling, in place.
  static func americanize(_ output: inout [UInt8], from start: Int) {
    let length = output.count - start
    guard length >= 4, length <= 24 else { return }
    // Most words leave here, on byte tests, without allocating a string.
    let word = output[start...]
    guard pairHashes.contains(hash(word)) || mayHaveVariant(word) else { return }
    guard let american = american(String(decoding: word, as: UTF8.self)) else { return }
    output.removeSubrange(start...)
    output.append(contentsOf: american.utf8)
  }

  /// Whether a word has an ending or a part that a suffix rule rewrites: "our", "ll",
  /// "-ise…", "-yse…", "-re", "-res", "-red".
  static func mayHaveVariant(_ word: ArraySlice<UInt8>) -> Bool {
    word.withUnsafeBufferPointer { bytes in
      let count = bytes.count
      switch bytes[count - 1] {
      case UInt8(ascii: "e"), UInt8(ascii: "d"), UInt8(ascii: "s"), UInt8(ascii: "g"), UInt8(ascii: "r"), UInt8(ascii: "n"):
        for ending in variantEndings where count > ending.count {
          var matches = true
          var offset = 1
          while offset <= ending.count {
            if bytes[count - offset] != ending[ending.count - offset] { matches = false; break }
            offset += 1
          }
          guard matches else { continue }
          // "-re" words need a stem ending in t, b, g or h ("centre", "fibre", "meagre",
          // "sepulchre"), which rules out "there", "more" and "future".
          if ending.first == UInt8(ascii: "r") {
            let before = bytes[count - ending.count - 1]
            if before != UInt8(ascii: "t") && before != UInt8(ascii: "b") && before != UInt8(ascii: "g") && before != UInt8(ascii: "h") {
              continue
            }
          }
          return true
        }
      default:
        break
      }
      // "our" anywhere ("neighbourhood", "unfavourable").
      let o = UInt8(ascii: "o"), u = UInt8(ascii: "u"), r = UInt8(ascii: "r")
      var index = 0
      while index + 2 < count {
        if bytes[index] == o, bytes[index + 1] == u, bytes[index + 2] == r { return true }
        index += 1
      }
      return false
    }
  }

  /// Endings that a suffix rule may rewrite.
  static let variantEndings: [[UInt8]] = [
    "ise", "ised", "ises", "ising", "iser", "isers", "isation", "isations", "yse", "ysed", "yses", "ysing", "re", "res",
    "red", "lled", "lling", "ller", "llers", "llor", "llors",
  ].map { Array($0.utf8) }

  /// The American spelling of a lower-case British word, or nil when it needs none.
  static func american(_ word: String) -> String? {
    if let pair = pairs[word] { return pair }
    if word.includes("our") {
      for pattern in ourPatterns where word.includes(pattern) {
        let bytes = Array(word.utf8)
        guard let end = word.byteOffset(afterLast: pattern) else { continue }
        // "colour" → "color": drop the "u" of "our".
        var result = Array(bytes[..<(end - 2)])
        result.append(contentsOf: bytes[(end - 1)...])
        return String(decoding: result, as: UTF8.self)
      }
    }
    for suffix in iseSuffixes where word.hasSuffix(suffix) {
      let stem = word.dropLast(suffix.count)
      guard stem.count >= 3, !iseExceptions.contains(String(stem) + "ise"), !stem.hasSuffix("w") else { break }
      return String(stem) + "iz" + suffix.dropFirst(2)
    }
    for suffix in yseSuffixes where word.hasSuffix(suffix) {
      let stem = word.dropLast(suffix.count)
      guard stem.count >= 3 else { break }
      return String(stem) + "yz" + suffix.dropFirst(2)
    }
    for (british, american) in [("re", "er"), ("res", "ers"), ("red", "ered")] where word.hasSuffix(british) {
      let stem = word.dropLast(british.count)
      if reStems.contains(where: { stem.hasSuffix($0) }) { return String(stem) + american }
    }
    guard word.includes("ll") else { return nil }
    for verb in doubledL where word.hasPrefix(verb + "l") {
      let ending = word.dropFirst(verb.count + 1)
      if ["ed", "ing", "er", "ers", "or", "ors"].contains(String(ending)) { return verb + ending }
    }
    return nil
  }
}
