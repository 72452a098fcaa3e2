@testable import CrosscheckCore

/// A pair of token sequences for a property test.
struct RandomPair {
  /// The source ids.
  var source: [Int32]
  /// The target ids.
  var target: [Int32]

  /// Returns a random pair: alphabet of 2 to 50 tokens, lengths up to 200. A third of the
  /// pairs are unrelated, the rest are a sequence and an edited copy (substitutions,
  /// insertions and deletions at a rate of 1% to 50%). One pair in five uses scattered,
  /// possibly negative ids, which the engine must renumber.
  static func make(using generator: inout SeededGenerator) -> RandomPair {
    let alphabet = generator.inRange(2...50)
    func token() -> Int32 {
      Int32(generator.below(alphabet))
    }
    let source = (0..<generator.inRange(0...200)).map { _ in token() }
    var target: [Int32] = []
    if generator.below(3) == 0 {
      target = (0..<generator.inRange(0...200)).map { _ in token() }
    } else {
      let rate = Double(generator.inRange(1...50)) / 100
      for id in source {
        guard generator.chance(rate) else {
          target.append(id)
          continue
        }
        switch generator.below(4) {
        case 0: break  // deletion
        case 1: target.append(contentsOf: [token(), id])  // insertion
        default: target.append(token())  // substitution, possibly by the same token
        }
      }
    }
    var pair = RandomPair(source: source, target: target)
    if generator.below(5) == 0 {
      let scatter = { (id: Int32) -> Int32 in id &* 1_000_003 &- 500_000_000 }
      pair.source = pair.source.map(scatter)
      pair.target = pair.target.map(scatter)
    }
    return pair
  }
}

/// The length of a longest common subsequence, by the textbook O(*NM*) dynamic program:
/// the reference the minimal scripts are checked against.
func longestCommonSubsequenceLength(_ a: [Int32], _ b: [Int32]) -> Int {
  var previous = [Int](repeating: 0, count: b.count + 1)
  var current = previous
  for x in a.indices {
    for y in b.indices {
      current[y + 1] = a[x] == b[y] ? previous[y] + 1 : max(previous[y + 1], current[y])
    }
    swap(&previous, &current)
  }
  return previous[b.count]
}

// Checks used by the property tests.
extension EditScript {
  /// Applies the script to `source`: equal runs come from `source`, inserted and
  /// replacing runs from `target`.
  func applied(to source: [Int32], insertingFrom target: [Int32]) -> [Int32] {
    var result: [Int32] = []
    for operation in operations {
      switch operation.kind {
      case .equal:
        result.append(contentsOf: source[operation.sourceRange])
      case .insert, .replace:
        result.append(contentsOf: target[operation.targetRange])
      case .delete:
        break
      }
    }
    return result
  }

  /// Returns what is wrong with the script as a script from `source` to `target`, or
  /// `nil`: operations must be non-empty, of the kind their ranges say, contiguous from 0
  /// to the two ends, alternate between equal runs and changes, agree with the counts,
  /// and turn `source` into `target`.
  func violation(from source: [Int32], to target: [Int32]) -> String? {
    guard sourceCount == source.count, targetCount == target.count else {
      return "counts \(sourceCount), \(targetCount) for sequences of \(source.count), \(target.count)"
    }
    var x = 0
    var y = 0
    var deleted = 0
    var inserted = 0
    var previousWasEqual: Bool?
    for operation in operations {
      let s = operation.sourceRange
      let t = operation.targetRange
      guard s.lowerBound == x, t.lowerBound == y else {
        return "\(operation) does not start at \(x), \(y)"
      }
      let isEqual = operation.kind == .equal
      guard previousWasEqual != isEqual else {
        return "\(operation) follows an operation of the same class"
      }
      previousWasEqual = isEqual
      switch operation.kind {
      case .equal:
        guard !s.isEmpty, s.count == t.count, source[s].elementsEqual(target[t]) else {
          return "\(operation) is not an equal run"
        }
      case .insert:
        guard s.isEmpty, !t.isEmpty else { return "\(operation) is not an insertion" }
      case .delete:
        guard !s.isEmpty, t.isEmpty else { return "\(operation) is not a deletion" }
      case .replace:
        guard !s.isEmpty, !t.isEmpty else { return "\(operation) is not a replacement" }
      }
      if !isEqual {
        deleted += s.count
        inserted += t.count
      }
      x = s.upperBound
      y = t.upperBound
    }
    guard x == source.count, y == target.count else {
      return "operations end at \(x), \(y)"
    }
    guard deleted == deletedCount, inserted == insertedCount else {
      return "counts say \(deletedCount) deleted, \(insertedCount) inserted; operations \(deleted), \(inserted)"
    }
    guard applied(to: source, insertingFrom: target) == target else {
      return "applying the script does not give the target"
    }
    return nil
  }
}

/// A kind for every id, for property tests of the clean-up on random ids.
func arbitraryKind(of id: Int32) -> DiffTokenKind {
  switch id.magnitude % 7 {
  case 0: .whitespace
  case 1: .punctuation
  case 2: .sentenceEnd
  case 3: .lineBreak
  default: .word
  }
}

/// A word tokenizer for tests: runs of letters and digits are words, runs of whitespace
/// are whitespace (or line breaks), and every other character is punctuation on its own.
/// The real tokenizer lives elsewhere; the engine only sees ids.
struct TestWordTokenizer {
  /// Returns the tokens of `text` with their kinds.
  static func tokens(of text: String) -> [(text: Substring, kind: DiffTokenKind)] {
    var tokens: [(text: Substring, kind: DiffTokenKind)] = []
    var start = text.startIndex
    while start < text.endIndex {
      let first = text[start]
      var end = text.index(after: start)
      let kind: DiffTokenKind
      if first.isLetter || first.isNumber {
        while end < text.endIndex && (text[end].isLetter || text[end].isNumber) {
          end = text.index(after: end)
        }
        kind = .word
      } else if first.isWhitespace {
        while end < text.endIndex && text[end].isWhitespace {
          end = text.index(after: end)
        }
        kind = text[start..<end].contains(where: \.isNewline) ? .lineBreak : .whitespace
      } else {
        kind = ".!?".contains(first) ? .sentenceEnd : .punctuation
      }
      tokens.append((text[start..<end], kind))
      start = end
    }
    return tokens
  }
}

/// Two texts tokenized and interned together, with helpers to diff and render them.
struct WordDiffFixture {
  /// The source tokens.
  let sourceTokens: [Substring]
  /// The target tokens.
  let targetTokens: [Substring]
  /// The source ids.
  let source: [Int32]
  /// The target ids.
  let target: [Int32]
  /// The kind of each id.
  let kinds: [DiffTokenKind]

  /// Tokenizes and interns `old` and `new`.
  init(_ old: String, _ new: String) {
    var interner = TokenInterner<Substring>()
    var kinds: [DiffTokenKind] = []
    func ids(_ text: String) -> ([Substring], [Int32]) {
      let tokens = TestWordTokenizer.tokens(of: text)
      let ids = tokens.map { token in
        let id = interner.intern(token.text)
        if Int(id) == kinds.count {
          kinds.append(token.kind)
        }
        return id
      }
      return (tokens.map(\.text), ids)
    }
    (sourceTokens, source) = ids(old)
    (targetTokens, target) = ids(new)
    self.kinds = kinds
  }

  /// The raw script.
  func script(_ algorithm: DiffAlgorithm = .myers) -> EditScript {
    EditScript(from: source, to: target, algorithm: algorithm)
  }

  /// The script cleaned up for display.
  func cleanedScript(_ algorithm: DiffAlgorithm = .myers) -> EditScript {
    script(algorithm).cleanedUp(from: source, to: target, kinds: kinds)
  }

  /// Renders `script` like `git diff --word-diff`: `[-deleted-]{+inserted+}`.
  func render(_ script: EditScript) -> String {
    var text = ""
    for operation in script.operations {
      let deleted = sourceTokens[operation.sourceRange].joined()
      let inserted = targetTokens[operation.targetRange].joined()
      switch operation.kind {
      case .equal: text += deleted
      case .delete: text += "[-\(deleted)-]"
      case .insert: text += "{+\(inserted)+}"
      case .replace: text += "[-\(deleted)-]{+\(inserted)+}"
      }
    }
    return text
  }
}
