import Foundation

/// What one `load` did: the documents read, and every file or record it did not take, with why.
package struct LoadReport: Sendable {
  /// A file or record that was not loaded.
  package struct Skip: Sendable, Equatable {
    package var path: String
    package var reason: String
  }
  /// A file or record whose text equals a document already loaded.
  package struct Duplicate: Sendable, Equatable {
    package var path: String
    package var duplicateOf: String
  }
  /// A remark about a document that was loaded (replaced bytes, a renamed id).
  package struct Warning: Sendable, Equatable {
    package var path: String
    package var message: String
  }

  package var loaded: [Document] = []
  package var skipped: [Skip] = []
  package var duplicates: [Duplicate] = []
  package var warnings: [Warning] = []
  /// Whether loading stopped early because it was cancelled.
  package var cancelled = false

  package init() {}
}

/// How far a load has got, for a progress line.
package struct LoadProgress: Sendable, Equatable {
  /// Documents loaded so far.
  package var documents: Int
  /// Bytes of input read so far.
  package var bytes: Int
  /// Bytes of input in all the files found, when known before reading them.
  package var totalBytes: Int
}

/// Reads documents from files and folders: `.txt`, `.md` with front matter, `.jsonl`/`.json`,
/// and `.html`/`.htm` pages (their main text, with metadata from `<meta>` tags and JSON-LD).
///
/// Folders are read recursively in name order. Hidden entries, documentation files
/// (README, LICENSE, …) and answer-key folders (`gold`) are passed over in folders, since
/// they are not articles; name such a file directly to load it.
///
/// Files, and batches of JSON Lines records, are read and analysed on `workers` threads at
/// once, a batch at a time; what each batch found is then taken in input order, so the
/// report is the same as a one-thread load's. Memory holds the documents loaded and one
/// batch of input, never a whole JSON Lines file.
package struct DocumentLoader: Sendable {
  /// Extensions read as plain text.
  static let textExtensions: Set<String> = ["txt", "text"]
  static let markdownExtensions: Set<String> = ["md", "markdown"]
  static let jsonExtensions: Set<String> = ["jsonl", "ndjson", "json"]
  static let htmlExtensions: Set<String> = ["html", "htm", "xhtml"]
  static let knownExtensions = textExtensions.union(markdownExtensions).union(jsonExtensions).union(htmlExtensions)
  /// Files that document a folder rather than report news.
  static let documentationStems: Set<String> = ["readme", "license", "licence", "notice", "changelog", "copying", "authors", "contributing"]
  /// Folders that hold annotations or tooling rather than articles.
  static let ignoredFolders: Set<String> = ["gold", "node_modules", "__pycache__"]
  /// Largest file read whole (and largest JSON Lines record), so that one huge file cannot
  /// exhaust memory. JSON Lines files are read record by record and may be larger.
  package static let maximumFileSize = 256 * 1024 * 1024
  /// Jobs handed to the workers at once: enough to keep them busy while one document is
  /// much longer than the others, few enough that a Ctrl-C stops the load at once.
  static let jobsPerWorker = 16
  /// Bytes of JSON Lines records in one job, and in one batch of jobs.
  static let recordJobBytes = 256 * 1024
  static let batchBytes = 32 * 1024 * 1024
  /// Largest text, Markdown or HTML file read: one article. A long book is under 4 MB; a
  /// larger file is a log or a dump, whose analysis would take minutes and gigabytes.
  package static let maximumDocumentFileSize = 16 * 1024 * 1024

  /// How many threads read and analyse documents.
  package let workers: Int

  /// A loader that uses `workers` threads (at least one; by default one per core).
  package init(workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
    self.workers = max(1, workers)
  }

  /// Loads `paths` into a report, skipping documents whose text is already in `existing`.
  /// - Parameters:
  ///   - paths: files and folders, as the user typed them.
  ///   - existing: documents already loaded (for duplicate texts and unique ids).
  ///   - isCancelled: polled before each file or batch of records is taken on, from the
  ///     worker threads too; when it returns true loading stops, keeping what was read.
  ///   - progress: called after each batch with the documents and bytes read so far.
  /// - Complexity: O(n) in the size of the input, spread over `workers` threads.
  package func load(
    _ paths: [String], existing: Corpus, isCancelled: @escaping @Sendable () -> Bool = { false }, progress: (LoadProgress) -> Void = { _ in }
  ) -> LoadReport {
    var entries: [Entry] = []
    for path in paths {
      var visited: Set<String> = []
      enumerate(path, explicit: true, into: &entries, visited: &visited)
    }
    var state = LoadState(existing: existing)
    var status = LoadProgress(documents: 0, bytes: 0, totalBytes: entries.reduce(0) { $0 + $1.size })
    var batch: [Job] = []
    var pendingBytes = 0
    func runBatch() {
      guard !batch.isEmpty else { return }
      let jobs = batch
      // A job taken on after Ctrl-C is not run; jobs are taken in order, so the ones that
      // ran are a prefix of the batch and what is kept is everything read before a point.
      // Texts are hashed on the workers too: hashing every text on this thread would hold up the load.
      let results = parallelMap(jobs, workers: workers, minimumPerWorker: 1) { job in
        isCancelled() ? nil : job.run().map { ($0, $0.textKey) }
      }
      for outcomes in results {
        guard let outcomes else {
          state.report.cancelled = true
          break
        }
        for (outcome, key) in outcomes { state.take(outcome, key: key) }
      }
      status.documents = state.report.loaded.count
      status.bytes += pendingBytes
      progress(status)
      batch.removeAll(keepingCapacity: true)
      pendingBytes = 0
    }
    func schedule(_ job: Job, bytes: Int) {
      batch.append(job)
      pendingBytes += bytes
      if batch.count >= workers * Self.jobsPerWorker || pendingBytes >= Self.batchBytes { runBatch() }
    }
    entries: for entry in entries {
      if isCancelled() { state.report.cancelled = true; break }
      switch entry {
      case .skip(let skip):
        schedule(.skip(skip), bytes: 0)
      case .file(let file):
        guard Self.jsonExtensions.contains(file.fileExtension), var lines = FileLines(path: file.path) else {
          schedule(.file(file), bytes: file.size)
          continue
        }
        // JSON Lines: records in jobs of about `recordJobBytes`, read as they are needed.
        if let reason = lines.unreadableReason {
          schedule(.skip(.init(path: file.path, reason: reason)), bytes: file.size)
          continue
        }
        var sawText = false
        while true {
          let records = lines.next(bytes: Self.recordJobBytes)
          if records.lines.isEmpty { break }
          sawText = sawText || records.lines.contains { line in line.bytes.contains { !FileLines.isSpaceByte($0) } }
          schedule(.records(path: file.path, stem: file.stem, lines: records.lines), bytes: records.bytes)
          if isCancelled() { state.report.cancelled = true; break entries }
        }
        if let error = lines.error {
          schedule(.skip(.init(path: file.path, reason: "cannot read file (\(error))")), bytes: 0)
        } else if !sawText {
          schedule(.skip(.init(path: file.path, reason: TextDecodingFailure.empty.description)), bytes: 0)
        }
      }
    }
    runBatch()
    return state.report
  }

  // MARK: - Finding the files

  /// A file to read, with what its name says.
  struct FileEntry: Sendable {
    var path: String
    var stem: String
    var fileExtension: String
    var size: Int
  }

  /// A file found, or a path that cannot be read, in input order.
  enum Entry: Sendable {
    case file(FileEntry)
    case skip(LoadReport.Skip)

    var size: Int {
      if case .file(let file) = self { return file.size }
      return 0
    }
  }

  /// What one path is: a folder to read, an entry, or nothing to list.
  enum Probe: Sendable {
    case folder(name: String)
    case entry(Entry)
    case passedOver
  }

  private func enumerate(_ path: String, explicit: Bool, into entries: inout [Entry], visited: inout Set<String>) {
    enumerate(path, probe: Self.probe(path, explicit: explicit), explicit: explicit, into: &entries, visited: &visited)
  }

  private func enumerate(_ path: String, probe: Probe, explicit: Bool, into entries: inout [Entry], visited: inout Set<String>) {
    switch probe {
    case .passedOver:
      return
    case .entry(let entry):
      entries.append(entry)
    case .folder(let name):
      let real = (path as NSString).resolvingSymlinksInPath
      guard visited.insert(real).inserted else {
        entries.append(.skip(.init(path: path, reason: "symbolic link loop (already visited \(real))")))
        return
      }
      defer { visited.remove(real) }
      if !explicit, name.hasPrefix(".") || Self.ignoredFolders.contains(name.lowercased()) { return }
      let names: [String]
      do {
        names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
      } catch {
        entries.append(.skip(.init(path: path, reason: "cannot read folder (permission denied or unreadable)")))
        return
      }
      // A folder of thousands of articles: its entries are looked at on the workers, and
      // taken (and subfolders entered) here in name order.
      let children = names.map { (path as NSString).appendingPathComponent($0) }
      let probes = parallelMap(children, workers: workers, minimumPerWorker: Self.probesPerWorker) { Self.probe($0, explicit: false) }
      for (child, probe) in zip(children, probes) {
        enumerate(child, probe: probe, explicit: false, into: &entries, visited: &visited)
      }
    }
  }

  /// Entries of one folder a worker should have before the folder is looked at on several threads.
  static let probesPerWorker = 256

  /// Looks at one path: whether it exists, is a folder, or is a file to read (a file that is
  /// not an article, found in a folder, is passed over).
  static func probe(_ path: String, explicit: Bool) -> Probe {
    var status = stat()
    guard stat(path, &status) == 0 else {
      var link = stat()
      let exists = lstat(path, &link) == 0
      return .entry(.skip(.init(path: path, reason: exists ? "broken symbolic link" : "no such file or folder")))
    }
    let name = (path as NSString).lastPathComponent
    if status.st_mode & S_IFMT == S_IFDIR { return .folder(name: name) }
    let fileExtension = (name as NSString).pathExtension.lowercased()
    let stem = (name as NSString).deletingPathExtension
    if !explicit {
      if name.hasPrefix(".") || documentationStems.contains(stem.lowercased()) { return .passedOver }
      guard knownExtensions.contains(fileExtension) else {
        return .entry(.skip(.init(path: path, reason: "not a supported file type (.txt, .md, .jsonl, .json, .html, .htm)")))
      }
    }
    // A device, pipe or socket could block or never end (`/dev/zero`).
    guard status.st_mode & S_IFMT == S_IFREG else {
      return .entry(.skip(.init(path: path, reason: "not a regular file (a device, pipe or socket)")))
    }
    return .entry(.file(FileEntry(path: path, stem: stem, fileExtension: fileExtension, size: Int(status.st_size))))
  }
}

// MARK: - Work done on the worker threads

/// What one job found, in input order: a file or record skipped, or a document read and
/// analysed under the id it asks for.
enum LoadOutcome: Sendable {
  case skip(LoadReport.Skip)
  case document(Document)

  /// The document's text as a key for finding duplicates, or nil for a skip.
  var textKey: TextKey? {
    if case .document(let document) = self { return TextKey(document) }
    return nil
  }
}

/// A document's text as a dictionary key: its bytes, shared with the document rather than
/// copied, hashed once as one block (on the worker that read it).
struct TextKey: Hashable, Sendable {
  let bytes: [UInt8]
  let hash: Int

  init(_ document: Document) {
    bytes = document.buffer.bytes
    var hasher = Hasher()
    bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    hash = hasher.finalize()
  }

  static func == (a: TextKey, b: TextKey) -> Bool { a.hash == b.hash && a.bytes == b.bytes }

  func hash(into hasher: inout Hasher) { hasher.combine(hash) }
}

/// A piece of loading work that runs on any thread and touches no shared state.
enum Job: Sendable {
  case skip(LoadReport.Skip)
  case file(DocumentLoader.FileEntry)
  /// Lines of a JSON Lines file, with their 1-based line numbers.
  case records(path: String, stem: String, lines: [FileLines.Line])

  func run() -> [LoadOutcome] {
    var outcomes: [LoadOutcome] = []
    switch self {
    case .skip(let skip):
      outcomes.append(.skip(skip))
    case .file(let file):
      Self.loadFile(file, into: &outcomes)
    case .records(let path, let stem, let lines):
      for line in lines {
        if line.oversized {
          outcomes.append(.skip(.init(path: "\(path):\(line.number)", reason: "record too large (the limit is \(DocumentLoader.maximumFileSize / 1_048_576) MB)")))
          continue
        }
        let content = String(decoding: line.bytes, as: UTF8.self).trimmingSpaces()
        if content.isEmpty { continue }
        Self.loadLine(content, path: path, stem: stem, number: line.number, into: &outcomes)
      }
    }
    return outcomes
  }

  private static func loadFile(_ file: DocumentLoader.FileEntry, into outcomes: inout [LoadOutcome]) {
    let path = file.path
    func skip(_ reason: String) { outcomes.append(.skip(.init(path: path, reason: reason))) }
    let limit = DocumentLoader.jsonExtensions.contains(file.fileExtension)
      ? DocumentLoader.maximumFileSize : DocumentLoader.maximumDocumentFileSize
    if file.size > limit {
      skip("file too large (\(file.size / 1_048_576) MB; the limit is \(limit / 1_048_576) MB)")
      return
    }
    let bytes: [UInt8]
    do {
      guard let handle = FileHandle(forReadingAtPath: path) else { return skip("cannot read file (permission denied)") }
      defer { try? handle.close() }
      bytes = [UInt8](try handle.readToEnd() ?? Data())
    } catch {
      return skip("cannot read file (\(error.localizedDescription))")
    }
    let decoded: DecodedText
    do {
      decoded = try TextDecoder.decode(bytes)
    } catch {
      return skip(error.description)
    }
    if DocumentLoader.jsonExtensions.contains(file.fileExtension) {
      loadJSON(decoded.text, path: path, stem: file.stem, into: &outcomes)
      return
    }
    var notes = notes(for: decoded)
    if DocumentLoader.htmlExtensions.contains(file.fileExtension) {
      // A page that is not UTF-8 but names its character set is decoded by that name.
      var page: HTMLExtractor.Page?
      if decoded.replacedSequences > 0, let charset = HTMLExtractor.declaredCharset(bytes), !charset.hasPrefix("utf") {
        page = HTMLExtractor().extract(bytes: bytes, encoding: charset)
        notes.removeAll { $0.contains("replaced with U+FFFD") }
        notes.append("decoded as \(charset), as the page declares")
      } else {
        page = HTMLExtractor().extract(decoded.text)
      }
      guard let page else { return skip("no article text found in the page") }
      notes.append("main text extracted from HTML; offsets refer to the extracted text")
      outcomes.append(.document(Document(id: file.stem, origin: path, text: page.text, format: .html, metadata: page.metadata, notes: notes)))
      return
    }
    var metadata = DocumentMetadata()
    var excluded: [ExcludedSpan] = []
    let format: DocumentFormat = DocumentLoader.markdownExtensions.contains(file.fileExtension) ? .markdown : .text
    if format == .markdown, let frontMatter = FrontMatter.parse(decoded.text) {
      metadata = frontMatter.metadata
      excluded.append(ExcludedSpan(range: frontMatter.range, reason: .frontMatter))
      if frontMatter.range.upperBound >= decoded.text.utf8.count { return skip("front matter only, no text") }
    }
    outcomes.append(.document(
      Document(id: file.stem, origin: path, text: decoded.text, format: format, metadata: metadata, excluded: excluded, notes: notes)))
  }

  private static func notes(for decoded: DecodedText) -> [String] {
    var notes: [String] = []
    if decoded.encoding != "UTF-8" { notes.append("decoded as \(decoded.encoding)") }
    if decoded.replacedSequences > 0 {
      notes.append("\(decoded.replacedSequences) invalid byte sequence\(decoded.replacedSequences == 1 ? "" : "s") replaced with U+FFFD")
    }
    if decoded.hadCRLF { notes.append("CRLF line endings read as LF") }
    return notes
  }

  /// A whole JSON file: an array or object of records, else one record per line.
  private static func loadJSON(_ text: String, path: String, stem: String, into outcomes: inout [LoadOutcome]) {
    let whole = text.trimmingSpaces()
    if whole.hasPrefix("["), let array = try? JSONSerialization.jsonObject(with: Data(whole.utf8)) as? [Any] {
      for (index, element) in array.enumerated() {
        loadRecord(element, origin: "\(path)[\(index)]", fallbackID: "\(stem)-\(index + 1)", into: &outcomes)
      }
      return
    }
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let content = line.trimmingSpaces()
      if content.isEmpty { continue }
      loadLine(content, path: path, stem: stem, number: index + 1, into: &outcomes)
    }
  }

  private static func loadLine(_ content: String, path: String, stem: String, number: Int, into outcomes: inout [LoadOutcome]) {
    guard let object = try? JSONSerialization.jsonObject(with: Data(content.utf8)) else {
      outcomes.append(.skip(.init(path: "\(path):\(number)", reason: "not valid JSON")))
      return
    }
    loadRecord(object, origin: "\(path):\(number)", fallbackID: "\(stem)-\(number)", into: &outcomes)
  }

  private static func loadRecord(_ object: Any, origin: String, fallbackID: String, into outcomes: inout [LoadOutcome]) {
    func skip(_ reason: String) { outcomes.append(.skip(.init(path: origin, reason: reason))) }
    guard let record = object as? [String: Any] else { return skip("not a JSON object") }
    guard let text = record["text"] as? String else { return skip("no \"text\" string field") }
    func field(_ name: String) -> MetadataValue? {
      if let value = record[name] as? String, !value.trimmingSpaces().isEmpty { return MetadataValue(value) }
      if let value = record[name] as? NSNumber { return MetadataValue(value.stringValue) }
      return nil
    }
    let normalized = text.utf8.contains(0x0D) ? text.replacingCRLF() : text
    if normalized.unicodeScalars.allSatisfy(Characters.isSpace) { return skip("empty text") }
    let metadata = DocumentMetadata(
      title: field("title"), outlet: field("outlet") ?? field("source"), date: field("date"),
      author: field("author"), url: field("url"))
    let id = field("id")?.value ?? fallbackID
    outcomes.append(.document(Document(id: id, origin: origin, text: normalized, format: .jsonLines, metadata: metadata)))
  }
}

// MARK: - Taking the results in order

/// Bookkeeping while loading: ids in use and texts already seen.
private struct LoadState {
  var report = LoadReport()
  var ids: Set<String>
  var textOwners: [TextKey: String]

  init(existing: Corpus) {
    ids = Set(existing.documents.map(\.id))
    // The texts already loaded are hashed on every core, as the new ones are.
    let keys = parallelMap(existing.documents, minimumPerWorker: 64) { TextKey($0) }
    textOwners = Dictionary(zip(keys, existing.documents.map(\.id)), uniquingKeysWith: { first, _ in first })
  }

  /// Takes one outcome: a skip is reported; a document is kept unless its text is already
  /// loaded, under a new id when its own is taken.
  /// - Parameter key: the document's `textKey`.
  mutating func take(_ outcome: LoadOutcome, key: TextKey?) {
    switch outcome {
    case .skip(let skip):
      report.skipped.append(skip)
    case .document(let document):
      let id = document.id
      let key = key ?? TextKey(document)
      if let owner = textOwners[key] {
        report.duplicates.append(.init(path: document.origin, duplicateOf: owner))
        return
      }
      var unique = id.isEmpty ? "doc" : id
      if ids.contains(unique) {
        var suffix = 2
        while ids.contains("\(id)-\(suffix)") { suffix += 1 }
        unique = "\(id)-\(suffix)"
        report.warnings.append(.init(path: document.origin, message: "id '\(id)' is taken; loaded as '\(unique)'"))
      }
      for note in document.notes where note.contains("replaced") || note.contains("decoded as") {
        report.warnings.append(.init(path: document.origin, message: note))
      }
      if let date = document.metadata.date?.value, let day = CivilDate(iso: date), !day.isValid {
        report.warnings.append(.init(path: document.origin, message: "date '\(date)' is not a day of the calendar; kept as written, not used to resolve dates"))
      }
      ids.insert(unique)
      textOwners[key] = unique
      report.loaded.append(unique == id ? document : document.renamed(unique))
    }
  }
}
