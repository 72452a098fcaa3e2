import GRDB

/// A row of `documents`: one loaded article, its text and metadata.
///
/// `key` orders documents by load (new documents get a larger key) and is what the other
/// tables refer to; `id` is the document id the commands show.
struct DocumentRecord: StoredRecord, Equatable {
  static let databaseTableName = "documents"

  var key: Int64
  var id: String
  var path: String
  var format: String
  var text: String
  var title: String?
  var titleInferred: Bool
  var titleEvidence: String?
  var outlet: String?
  var outletInferred: Bool
  var outletEvidence: String?
  var date: String?
  var dateInferred: Bool
  var dateEvidence: String?
  var author: String?
  var authorInferred: Bool
  var authorEvidence: String?
  var url: String?
  var urlInferred: Bool
  var urlEvidence: String?
  var words: Int
  var characters: Int
  /// Remarks from loading, one per line.
  var notes: String
  var credit: String? = nil
  var creditInferred = false
  var creditEvidence: String? = nil
  var truncated = false
  /// Byte ranges of paragraphs cut off mid-sentence, as `start-end` pairs joined by commas.
  var internalTruncations = ""

  static let insertedColumns = [
    "key", "id", "path", "format", "text",
    "title", "title_inferred", "title_evidence", "outlet", "outlet_inferred", "outlet_evidence",
    "date", "date_inferred", "date_evidence", "author", "author_inferred", "author_evidence",
    "url", "url_inferred", "url_evidence", "words", "characters", "notes",
    "credit", "credit_inferred", "credit_evidence", "truncated", "internal_truncations",
  ]

  var insertedValues: [(any DatabaseValueConvertible)?] {
    [
      key, id, path, format, text, title, titleInferred, titleEvidence, outlet, outletInferred, outletEvidence,
      date, dateInferred, dateEvidence, author, authorInferred, authorEvidence, url, urlInferred, urlEvidence,
      words, characters, notes, credit, creditInferred, creditEvidence, truncated, internalTruncations,
    ]
  }

  init(
    key: Int64, id: String, path: String, format: String, text: String, title: String?, titleInferred: Bool,
    titleEvidence: String?, outlet: String?, outletInferred: Bool, outletEvidence: String?, date: String?,
    dateInferred: Bool, dateEvidence: String?, author: String?, authorInferred: Bool, authorEvidence: String?,
    url: String?, urlInferred: Bool, urlEvidence: String?, words: Int, characters: Int, notes: String
  ) {
    self.key = key
    self.id = id
    self.path = path
    self.format = format
    self.text = text
    self.title = title
    self.titleInferred = titleInferred
    self.titleEvidence = titleEvidence
    self.outlet = outlet
    self.outletInferred = outletInferred
    self.outletEvidence = outletEvidence
    self.date = date
    self.dateInferred = dateInferred
    self.dateEvidence = dateEvidence
    self.author = author
    self.authorInferred = authorInferred
    self.authorEvidence = authorEvidence
    self.url = url
    self.urlInferred = urlInferred
    self.urlEvidence = urlEvidence
    self.words = words
    self.characters = characters
    self.notes = notes
  }

  init(row: Row) throws {
    self.init(
      key: row["key"], id: row["id"], path: row["path"], format: row["format"], text: row["text"],
      title: row["title"], titleInferred: row["title_inferred"], titleEvidence: row["title_evidence"],
      outlet: row["outlet"], outletInferred: row["outlet_inferred"], outletEvidence: row["outlet_evidence"],
      date: row["date"], dateInferred: row["date_inferred"], dateEvidence: row["date_evidence"],
      author: row["author"], authorInferred: row["author_inferred"], authorEvidence: row["author_evidence"],
      url: row["url"], urlInferred: row["url_inferred"], urlEvidence: row["url_evidence"],
      words: row["words"], characters: row["characters"], notes: row["notes"])
    credit = row["credit"]
    creditInferred = row["credit_inferred"]
    creditEvidence = row["credit_evidence"]
    truncated = row["truncated"]
    internalTruncations = row["internal_truncations"]
  }
}
