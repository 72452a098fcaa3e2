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

/// Reads documents from files and folders: `.txt`, `.md` with front matter, `.jsonl`/`.json`,
/// and `.html`/`.htm` pages (their main text, with metadata from `<meta>` tags and JSON-LD).
///
/// Folders are read recursively in name order. Hidden entries, documentation files
/// (README, LICENSE, …) and answer-key folders (`gold`) are passed over in folders, since
/// they are not articles; name such a file directly to load it.
package struct DocumentLoader: Sendable {
  /// Extensions read as plain text.
  static let textExtensions: Set<String> = ["txt", "text"]
  static let markdownExtensions: Set<String> = ["md", "markdown"]
  static let jsonExtensions: Set<String> = ["jsonl", "ndjson", "json"]
  static let htmlExtensions: Set<String> = ["html", "htm", "xhtml"]
  /// Files that document a folder rather than report news.
  static let documentationStems: Set<String> = ["readme", "license", "licence", "notice", "changelog", "copying", "authors", "contributing"]
  /// Folders that hold annotations or tooling rather than articles.
  static let ignoredFolders: Set<String> = ["gold", "node_modules", "__pycache__"]
  /// Largest JSON or JSON Lines file read (a feed of many articles), so that one huge file
  /// cannot exhaust memory.
  package static let maximumFileSize = 256 * 1024 * 1024
  /// Largest text, Markdown or HTML file read: one article. A long book is under 4 MB; a
  /// larger file is a log or a dump, whose analysis would take minutes and gigabytes.
  package static let maximumDocumentFileSize = 16 * 1024 * 1024

  package init() {}

  /// Loads `paths` into a report, skipping documents whose text is already in `existing`.
  /// - Parameters:
  ///   - paths: files and folders, as the user typed them.
  ///   - existing: documents already loaded (for duplicate texts and unique ids).
  ///   - isCancelled: polled between files; when it returns true loading stops, keeping what was read.
  package func load(_ paths: [String], existing: Corpus, isCancelled: () -> Bool = { false }) -> LoadReport {
    var state = LoadState(existing: existing)
    for path in paths {
      if isCancelled() { state.report.cancelled = true; break }
      var visited: Set<String> = []
      visit(path, explicit: true, state: &state, visited: &visited, isCancelled: isCancelled)
    }
    return state.report
  }

  private func visit(
    _ path: String, explicit: Bool, state: inout LoadState, visited: inout Set<String>, isCancelled: () -> Bool
  ) {
    let manager = FileManager.default
    var isFolder: ObjCBool = false
    guard manager.fileExists(atPath: path, isDirectory: &isFolder) else {
      let exists = (try? manager.destinationOfSymbolicLink(atPath: path)) != nil
      state.report.skipped.append(.init(path: path, reason: exists ? "broken symbolic link" : "no such file or folder"))
      return
    }
    let name = (path as NSString).lastPathComponent
    if isFolder.boolValue {
      let real = (path as NSString).resolvingSymlinksInPath
      guard visited.insert(real).inserted else {
        state.report.skipped.append(.init(path: path, reason: "symbolic link loop (already visited \(real))"))
        return
      }
      defer { visited.remove(real) }
      if !explicit, name.hasPrefix(".") || Self.ignoredFolders.contains(name.lowercased()) { return }
      let entries: [String]
      do {
        entries = try manager.contentsOfDirectory(atPath: path).sorted()
      } catch {
        state.report.skipped.append(.init(path: path, reason: "cannot read folder (permission denied or unreadable)"))
        return
      }
      for entry in entries {
        if isCancelled() { state.report.cancelled = true; return }
        visit((path as NSString).appendingPathComponent(entry), explicit: false, state: &state, visited: &visited, isCancelled: isCancelled)
      }
      return
    }
    let fileExtension = (name as NSString).pathExtension.lowercased()
    let stem = (name as NSString).deletingPathExtension
    if !explicit {
      if name.hasPrefix(".") || Self.documentationStems.contains(stem.lowercased()) { return }
      let known = Self.textExtensions.union(Self.markdownExtensions).union(Self.jsonExtensions).union(Self.htmlExtensions)
      guard known.contains(fileExtension) else {
        state.report.skipped.append(.init(path: path, reason: "not a supported file type (.txt, .md, .jsonl, .json, .html, .htm)"))
        return
      }
    }
    loadFile(path, stem: stem, fileExtension: fileExtension, state: &state)
  }

  private func loadFile(_ path: String, stem: String, fileExtension: String, state: inout LoadState) {
    let bytes: [UInt8]
    do {
      let attributes = try FileManager.default.attributesOfItem(atPath: path)
      // A device, pipe or socket could block or never end (`/dev/zero`).
      guard attributes[.type] as? FileAttributeType == .typeRegular else {
        state.report.skipped.append(.init(path: path, reason: "not a regular file (a device, pipe or socket)"))
        return
      }
      let limit = Self.jsonExtensions.contains(fileExtension) ? Self.maximumFileSize : Self.maximumDocumentFileSize
      if let size = attributes[.size] as? Int, size > limit {
        state.report.skipped.append(.init(path: path, reason: "file too large (\(size / 1_048_576) MB; the limit is \(limit / 1_048_576) MB)"))
        return
      }
      guard let handle = FileHandle(forReadingAtPath: path) else {
        state.report.skipped.append(.init(path: path, reason: "cannot read file (permission denied)"))
        return
      }
      defer { try? handle.close() }
      bytes = [UInt8](try handle.readToEnd() ?? Data())
    } catch {
      state.report.skipped.append(.init(path: path, reason: "cannot read file (\(error.localizedDescription))"))
      return
    }
    if Self.jsonExtensions.contains(fileExtension) {
      loadJSON(bytes, path: path, stem: stem, state: &state)
      return
    }
    let decoded: DecodedText
    do {
      decoded = try TextDecoder.decode(bytes)
    } catch {
      state.report.skipped.append(.init(path: path, reason: error.description))
      return
    }
    var notes = Self.notes(for: decoded)
    if Self.htmlExtensions.contains(fileExtension) {
      // A page that is not UTF-8 but names its character set is decoded by that name.
      var page: HTMLExtractor.Page?
      if decoded.replacedSequences > 0, let charset = HTMLExtractor.declaredCharset(bytes), !charset.hasPrefix("utf") {
        page = HTMLExtractor().extract(bytes: bytes, encoding: charset)
        notes.removeAll { $0.contains("replaced with U+FFFD") }
        notes.append("decoded as \(charset), as the page declares")
      } else {
        page = HTMLExtractor().extract(decoded.text)
      }
      guard let page else {
        state.report.skipped.append(.init(path: path, reason: "no article text found in the page"))
        return
      }
      notes.append("main text extracted from HTML; offsets refer to the extracted text")
      state.add(id: stem, origin: path, text: page.text, format: .html, metadata: page.metadata, excluded: [], notes: &notes)
      return
    }
    var metadata = DocumentMetadata()
    var excluded: [ExcludedSpan] = []
    let format: DocumentFormat = Self.markdownExtensions.contains(fileExtension) ? .markdown : .text
    if format == .markdown, let frontMatter = FrontMatter.parse(decoded.text) {
      metadata = frontMatter.metadata
      excluded.append(ExcludedSpan(range: frontMatter.range, reason: .frontMatter))
      if frontMatter.range.upperBound >= decoded.text.utf8.count {
        state.report.skipped.append(.init(path: path, reason: "front matter only, no text"))
        return
      }
    }
    state.add(
      id: stem, origin: path, text: decoded.text, format: format, metadata: metadata, excluded: excluded,
      notes: &notes)
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

  private func loadJSON(_ bytes: [UInt8], path: String, stem: String, state: inout LoadState) {
    let decoded: DecodedText
    do {
      decoded = try TextDecoder.decode(bytes)
    } catch {
      state.report.skipped.append(.init(path: path, reason: error.description))
      return
    }
    // A whole-file JSON array or object first; otherwise one object per line.
    let whole = decoded.text.trimmingSpaces()
    if whole.hasPrefix("["), let array = try? JSONSerialization.jsonObject(with: Data(whole.utf8)) as? [Any] {
      for (index, element) in array.enumerated() {
        loadRecord(element, origin: "\(path)[\(index)]", fallbackID: "\(stem)-\(index + 1)", state: &state)
      }
      return
    }
    var lineNumber = 0
    var loadedAny = false
    for line in decoded.text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      let content = line.trimmingSpaces()
      if content.isEmpty { continue }
      guard let object = try? JSONSerialization.jsonObject(with: Data(content.utf8)) else {
        state.report.skipped.append(.init(path: "\(path):\(lineNumber)", reason: "not valid JSON"))
        continue
      }
      loadedAny = loadRecord(object, origin: "\(path):\(lineNumber)", fallbackID: "\(stem)-\(lineNumber)", state: &state) || loadedAny
    }
    _ = loadedAny
  }

  @discardableResult
  private func loadRecord(_ object: Any, origin: String, fallbackID: String, state: inout LoadState) -> Bool {
    guard let record = object as? [String: Any] else {
      state.report.skipped.append(.init(path: origin, reason: "not a JSON object"))
      return false
    }
    guard let text = record["text"] as? String else {
      state.report.skipped.append(.init(path: origin, reason: "no \"text\" string field"))
      return false
    }
    func field(_ name: String) -> MetadataValue? {
      if let value = record[name] as? String, !value.trimmingSpaces().isEmpty { return MetadataValue(value) }
      if let value = record[name] as? NSNumber { return MetadataValue(value.stringValue) }
      return nil
    }
    let normalized = text.utf8.contains(0x0D) ? text.replacingCRLF() : text
    if normalized.unicodeScalars.allSatisfy(Characters.isSpace) {
      state.report.skipped.append(.init(path: origin, reason: "empty text"))
      return false
    }
    let metadata = DocumentMetadata(
      title: field("title"), outlet: field("outlet") ?? field("source"), date: field("date"),
      author: field("author"), url: field("url"))
    let id = field("id")?.value ?? fallbackID
    var notes: [String] = []
    return state.add(id: id, origin: origin, text: normalized, format: .jsonLines, metadata: metadata, excluded: [], notes: &notes)
  }
}

/// Bookkeeping while loading: ids in use and texts already seen.
private struct LoadState {
  var report = LoadReport()
  var ids: Set<String>
  var textOwners: [String: String]

  init(existing: Corpus) {
    ids = Set(existing.documents.map(\.id))
    textOwners = [:]
    for document in existing.documents { textOwners[document.text] = document.id }
  }

  @discardableResult
  mutating func add(
    id: String, origin: String, text: String, format: DocumentFormat, metadata: DocumentMetadata,
    excluded: [ExcludedSpan], notes: inout [String]
  ) -> Bool {
    if let owner = textOwners[text] {
      report.duplicates.append(.init(path: origin, duplicateOf: owner))
      return false
    }
    var unique = id.isEmpty ? "doc" : id
    if ids.contains(unique) {
      var suffix = 2
      while ids.contains("\(id)-\(suffix)") { suffix += 1 }
      unique = "\(id)-\(suffix)"
      report.warnings.append(.init(path: origin, message: "id '\(id)' is taken; loaded as '\(unique)'"))
    }
    for note in notes where note.contains("replaced") || note.contains("decoded as") {
      report.warnings.append(.init(path: origin, message: note))
    }
    if let date = metadata.date?.value, let day = CivilDate(iso: date), !day.isValid {
      report.warnings.append(.init(path: origin, message: "date '\(date)' is not a day of the calendar; kept as written, not used to resolve dates"))
    }
    ids.insert(unique)
    textOwners[text] = unique
    report.loaded.append(
      Document(id: unique, origin: origin, text: text, format: format, metadata: metadata, excluded: excluded, notes: notes))
    return true
  }
}
