/// Why a word typed for a document does not name exactly one.
package enum DocumentLookupError: Error, Sendable, Equatable {
  case empty
  case notFound(String, suggestion: String?)
  case ambiguous(String, candidates: [String])

  /// A sentence for the user.
  package var description: String {
    switch self {
    case .empty:
      return "no documents are loaded (use 'load PATH')"
    case .notFound(let word, let suggestion):
      let hint = suggestion.map { "; did you mean '\($0)'?" } ?? " (see 'sources')"
      return "no document '\(word)'\(hint)"
    case .ambiguous(let word, let candidates):
      let shown = candidates.prefix(5).joined(separator: ", ")
      let more = candidates.count > 5 ? ", …" : ""
      return "'\(word)' matches \(candidates.count) documents (\(shown)\(more)); type more of the id"
    }
  }
}

/// The documents of a session, in load order.
package struct Corpus: Sendable {
  package private(set) var documents: [Document] = []
  private var positions: [String: Int] = [:]

  package init(_ documents: [Document] = []) {
    for document in documents { append(document) }
  }

  package var isEmpty: Bool { documents.isEmpty }
  package var count: Int { documents.count }

  /// Adds a document (its id must be new).
  package mutating func append(_ document: Document) {
    precondition(positions[document.id] == nil, "document ids are unique by construction in DocumentLoader")
    positions[document.id] = documents.count
    documents.append(document)
  }

  /// Removes the documents with these ids.
  package mutating func remove(ids: Set<String>) {
    documents.removeAll { ids.contains($0.id) }
    positions = Dictionary(uniqueKeysWithValues: documents.enumerated().map { ($1.id, $0) })
  }

  /// The document with this exact id.
  package func document(id: String) -> Document? {
    positions[id].map { documents[$0] }
  }

  /// Finds the document a user means: an exact id, else a unique id prefix, else its
  /// 1-based number in the `sources` listing.
  package func resolve(_ word: String) throws(DocumentLookupError) -> Document {
    guard !documents.isEmpty else { throw .empty }
    if let index = positions[word] { return documents[index] }
    // A document is its id and a reference to its storage: the scan reads only the ids.
    let prefixed = documents.indices.filter { documents[$0].id.hasPrefix(word) }
    if prefixed.count == 1 { return documents[prefixed[0]] }
    if prefixed.count > 1 { throw .ambiguous(word, candidates: prefixed.map { documents[$0].id }) }
    if let number = Int(word), number >= 1, number <= documents.count { return documents[number - 1] }
    let suggestion = EditDistance.closest(to: word, among: documents.map(\.id))
    throw .notFound(word, suggestion: suggestion)
  }
}
