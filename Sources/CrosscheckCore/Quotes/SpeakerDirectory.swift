/// One real person (or organisation) across the corpus, with every name the sources use.
package struct CanonicalSpeaker: Sendable, Equatable {
  /// The fullest name most sources use ("Volodymyr Zelensky").
  package var name: String
  /// The other forms: surname alone, other spellings, titles ("Zelenskyy", "Vladimir Zelensky").
  package var aliases: [String]
  /// Titles and appositions the sources give.
  package var roles: [String]
  /// Why each document's name for the person joined them, in the order they were read.
  package var joins: [SpeakerJoin] = []
}

/// One document's name for a person, and the rule that made it that person.
package struct SpeakerJoin: Sendable, Equatable {
  /// The document's position in the corpus.
  package var document: Int
  /// The name as that document gives it in full.
  package var name: String
  /// In plain words: the first mention, or what it shares with a name already joined.
  package var reason: String
}

/// Decides which names in different documents are the same person, from the corpus alone.
///
/// Two names are one person when their surnames agree after folding the usual
/// transliteration variants (Zelenskyy, Zelenskiy → zelensky) and their first names are
/// compatible (the same, one missing, or the same initial with a shared title:
/// Vladimir/Volodymyr, both "Ukrainian President"); or when the surnames differ by one
/// letter (Okonkwo/Okonqwo) and the first name or a title is shared. A surname alone joins
/// the person with that surname. A speaker the sources only describe ("spokeswoman for the
/// ministry") joins only the same description. The canonical name is the full form used most often.
///
/// Candidates are found through an index of each surname's one-letter deletions, the
/// symmetric-delete method of spelling correction (Garbe, SymSpell, 2012): two strings one
/// edit apart always share a deletion key.
package struct SpeakerDirectory: Sendable {
  /// The people, in order of first appearance.
  package private(set) var speakers: [CanonicalSpeaker] = []
  /// For each document, for each of its people, the index in `speakers`.
  package private(set) var members: [[Int]] = []

  private struct Entry {
    /// The fullest form of the name in its document, as written.
    var name: String
    var first: String?
    var surname: String
    var folded: String
    var roles: Set<String>
    var forms: [String]
    var isOrganization: Bool
    var isDescription: Bool
  }

  /// Clusters the people of every document.
  /// - Parameters:
  ///   - people: each document's people, in corpus order.
  ///   - speaking: for each document, which of its people are credited with a quotation;
  ///     only they are clustered (the others map to -1), which keeps the work to the speakers.
  /// - Complexity: about linear in the number of people: candidates come from an index of
  ///   folded surnames and their one-letter deletions, never from every cluster.
  package init(_ people: [[NamedPerson]], speaking: [Set<Int>]? = nil) {
    var clusters: [(entries: [Entry], nameCounts: [String: Int], order: [String], roles: [String], joins: [SpeakerJoin])] = []
    var index: [UInt64: [Int]] = [:]
    for (documentIndex, documentPeople) in people.enumerated() {
      var map: [Int] = []
      for (personIndex, person) in documentPeople.enumerated() {
        if let speaking, !speaking[documentIndex].contains(personIndex) {
          map.append(-1)
          continue
        }
        let entry = Self.entry(person)
        let keys = Self.keys(entry)
        var candidates = Set<Int>()
        for key in keys { for cluster in index[key] ?? [] { candidates.insert(cluster) } }
        var target: Int? = nil
        var bestScore = 0
        var matched: Entry? = nil
        for candidate in candidates.sorted() {
          // A cluster's first entries decide; a long tail of the same name adds nothing.
          for other in clusters[candidate].entries.prefix(Self.comparedEntries) {
            let score = Self.match(entry, other)
            if score > bestScore { bestScore = score; target = candidate; matched = other }
          }
        }
        if let target, let matched {
          clusters[target].joins.append(SpeakerJoin(document: documentIndex, name: person.name, reason: Self.reason(entry, matched)))
          clusters[target].entries.append(entry)
          clusters[target].nameCounts[person.name, default: 0] += 1
          for form in person.forms where !clusters[target].order.contains(form) { clusters[target].order.append(form) }
          for role in person.roles where !clusters[target].roles.contains(role) && !role.isEmpty { clusters[target].roles.append(role) }
          map.append(target)
          if clusters[target].entries.count <= Self.comparedEntries {
            for key in keys where !(index[key]?.contains(target) ?? false) { index[key, default: []].append(target) }
          }
        } else {
          map.append(clusters.count)
          for key in keys { index[key, default: []].append(clusters.count) }
          let first = SpeakerJoin(document: documentIndex, name: person.name, reason: "the first source to quote this person names them “\(person.name)”")
          clusters.append(([entry], [person.name: 1], person.forms, person.roles.filter { !$0.isEmpty }, [first]))
        }
      }
      members.append(map)
    }
    speakers = clusters.map { cluster in
      // The most used full name; ties go to the form seen first.
      let full = cluster.order.filter { $0.contains(" ") }
      let candidates = full.isEmpty ? cluster.order : full
      var best = candidates[0]
      var bestCount = -1
      for form in candidates {
        let count = cluster.entries.filter { $0.forms.contains(form) }.count
        if count > bestCount { best = form; bestCount = count }
      }
      return CanonicalSpeaker(name: best, aliases: cluster.order.filter { $0 != best }, roles: cluster.roles, joins: cluster.joins)
    }
  }

  /// How many of a cluster's entries a new name is compared with.
  static let comparedEntries = 24

  /// Index keys: the folded surname, its one-letter deletions (to find one-letter spelling
  /// differences), and the first word of an organisation's name; hashed.
  private static func keys(_ entry: Entry) -> [UInt64] {
    var keys = [hash(entry.folded.unicodeScalars, skipping: nil, tag: 0)]
    let letters = Array(entry.folded.unicodeScalars)
    if letters.count >= 5 {
      for skip in letters.indices { keys.append(hash(letters, skipping: skip, tag: 1)) }
      keys.append(hash(letters, skipping: nil, tag: 1))
    }
    if entry.first == nil { keys.append(hash(entry.surname.unicodeScalars, skipping: nil, tag: 2)) }
    if entry.isOrganization {
      for form in entry.forms {
        if let first = form.lowercased().split(separator: " ").first { keys.append(hash(first.unicodeScalars, skipping: nil, tag: 2)) }
      }
    }
    return keys
  }

  private static func hash<S: Collection>(_ scalars: S, skipping: Int?, tag: UInt64) -> UInt64 where S.Element == Unicode.Scalar {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ tag
    for (offset, scalar) in scalars.enumerated() where offset != skipping {
      hash = (hash ^ UInt64(scalar.value)) &* 0x100_0000_01b3
    }
    return hash
  }

  private static func entry(_ person: NamedPerson) -> Entry {
    let parts = person.name.split(separator: " ").map(String.init)
    let surname = parts.last?.lowercased() ?? ""
    var roles = Set<String>()
    for role in person.roles {
      for word in role.split(whereSeparator: { $0 == " " || $0 == "-" }) where word.count > 2 {
        let lower = word.lowercased()
        if ["the", "and", "new", "newly", "for", "who", "has", "of", "its"].contains(lower) { continue }
        roles.insert(lower)
      }
    }
    return Entry(
      name: person.name, first: parts.count > 1 ? parts[0].lowercased() : nil, surname: surname, folded: fold(surname), roles: roles,
      forms: person.forms, isOrganization: person.isOrganization, isDescription: person.isDescription)
  }

  /// Folds transliteration variants of a surname: doubled and -iy/-ij endings become -y
  /// (Zelenskyy, Zelenskiy → zelensky), "kh" becomes "h" and "ph" "f"; letters only.
  static func fold(_ name: String) -> String {
    var result = String.UnicodeScalarView()
    var previous: Unicode.Scalar? = nil
    for scalar in name.lowercased().unicodeScalars where scalar.properties.isAlphabetic {
      switch (previous, scalar) {
      case ("y", "y"), ("i", "y"), ("i", "j"), ("i", "i"):
        result.removeLast()
        result.append(scalar == "i" ? "i" : "y")
        previous = nil
        continue
      case ("k", "h"):
        result.removeLast()
        result.append("h")
        previous = nil
        continue
      case ("p", "h"):
        result.removeLast()
        result.append("f")
        previous = nil
        continue
      default:
        result.append(scalar)
        previous = scalar
      }
    }
    return String(result)
  }

  private static func sharesRole(_ a: Entry, _ b: Entry) -> Bool {
    a.roles.contains { word in b.roles.contains { DocumentPeople.sameWord($0, word) } }
  }

  /// Why `match` found two names to be one person, in plain words (the same cases, in the same order).
  private static func reason(_ a: Entry, _ b: Entry) -> String {
    let shared = a.roles.sorted().first { word in b.roles.contains { DocumentPeople.sameWord($0, word) } }
    let title = shared.map { ", and both are called “\($0)”" } ?? ""
    if a.folded == b.folded {
      let surnameA = a.name.split(separator: " ").last.map(String.init) ?? a.name
      let surnameB = b.name.split(separator: " ").last.map(String.init) ?? b.name
      let spelling = a.surname == b.surname ? "" : " (“\(surnameA)” and “\(surnameB)” are spellings of one surname)"
      switch (a.first, b.first) {
      case (nil, _), (_, nil): return "“\(a.name)” has the same surname as “\(b.name)”\(spelling)\(title)"
      case (let x?, let y?):
        if x == y { return a.name == b.name ? "uses the same name, “\(b.name)”" : "“\(a.name)” is “\(b.name)” spelled another way\(spelling)" }
        return "“\(a.name)” has the same surname as “\(b.name)”\(spelling) and a first name with the same initial\(title)"
      }
    }
    if a.first == nil || b.first == nil {
      let single = a.first == nil ? a : b
      let full = a.first == nil ? b : a
      if full.isOrganization || single.isOrganization, full.forms.contains(where: { $0.lowercased().split(separator: " ").first.map(String.init) == single.surname }) {
        return "“\(single.name)” is the first word of the organisation “\(full.name)”"
      }
    }
    let first = a.first != nil && a.first == b.first ? ", the same first name" : ""
    return "“\(a.name)” and “\(b.name)” have surnames one letter apart\(first)\(title), so one looks like a misspelling"
  }


  /// How strongly two names are the same person: 0 not at all; higher is stronger.
  private static func match(_ a: Entry, _ b: Entry) -> Int {
    guard !a.surname.isEmpty, !b.surname.isEmpty else { return 0 }
    // A speaker known only by a description is the same speaker only under the same description.
    if a.isDescription || b.isDescription {
      return a.isDescription && b.isDescription && a.name.lowercased() == b.name.lowercased() ? 5 : 0
    }
    let role = sharesRole(a, b)
    if a.folded == b.folded {
      switch (a.first, b.first) {
      case (nil, _), (_, nil): return role ? 4 : 3
      case (let x?, let y?):
        if x == y { return 5 }
        if x.first == y.first, role || EditDistance.distance(x, y) <= 2 { return 4 }
        return 0
      }
    }
    // An organisation named in full in one source and by its first word in another.
    if a.first == nil || b.first == nil {
      let single = a.first == nil ? a : b
      let full = a.first == nil ? b : a
      if full.isOrganization || single.isOrganization, full.forms.contains(where: { $0.lowercased().split(separator: " ").first.map(String.init) == single.surname }) {
        return 2
      }
    }
    guard min(a.folded.count, b.folded.count) >= 5, EditDistance.distance(a.folded, b.folded) <= 1 else { return 0 }
    if let x = a.first, let y = b.first {
      return x == y || (x.first == y.first && role) ? 2 : 0
    }
    return role ? 1 : 0
  }
}
