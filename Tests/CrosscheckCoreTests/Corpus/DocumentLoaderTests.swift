import Foundation
import Testing
@testable import CrosscheckCore

/// A temporary folder removed at the end of a test.
final class TemporaryFolder {
  let path: String

  init() {
    path = NSTemporaryDirectory() + "crosscheck-tests-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  @discardableResult
  func write(_ name: String, _ bytes: [UInt8]) -> String {
    let file = (path as NSString).appendingPathComponent(name)
    try! FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: file, contents: Data(bytes))
    return file
  }

  @discardableResult
  func write(_ name: String, _ text: String) -> String { write(name, Array(text.utf8)) }
}

@Suite struct DocumentLoaderTests {
  let folder = TemporaryFolder()

  func load(_ paths: [String], into corpus: Corpus = Corpus()) -> LoadReport {
    DocumentLoader().load(paths, existing: corpus)
  }

  @Test func loadsPlainTextWithAHeadline() throws {
    let file = folder.write("story.txt", "Flood waters rise in Riverton\n\nThe river rose overnight. Residents fled.")
    let report = load([file])
    let document = try #require(report.loaded.first)
    #expect(document.id == "story")
    #expect(document.metadata.title?.value == "Flood waters rise in Riverton")
    #expect(document.metadata.title?.inferred == true)
    #expect(document.sentences.count == 2)
    #expect(document.wordCount == 6)  // the headline is not body text
  }

  @Test func dropsTheByteOrderMarkAndReadsCRLFAsLF() throws {
    let file = folder.write("bom.txt", [0xEF, 0xBB, 0xBF] + Array("First line.\r\nSecond line.\r\n".utf8))
    let document = try #require(load([file]).loaded.first)
    #expect(document.text == "First line.\nSecond line.\n")
    #expect(document.notes.contains("CRLF line endings read as LF"))
    #expect(document.paragraphs.count == 2)
  }

  @Test func replacesAndReportsInvalidBytes() throws {
    let file = folder.write("bad.txt", Array("Caf".utf8) + [0xE9] + Array(" au lait and more \u{201C}text\u{201D}.".utf8) + [0xFF, 0xFE])
    let report = load([file])
    let document = try #require(report.loaded.first)
    #expect(document.text.hasPrefix("Caf\u{FFFD} au lait"))
    #expect(report.warnings.contains { $0.message.contains("3 invalid byte sequences replaced") })
  }

  @Test func readsUTF16WithAByteOrderMark() throws {
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in "Kyiv’s “bid”.".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    let document = try #require(load([folder.write("wide.txt", bytes)]).loaded.first)
    #expect(document.text == "Kyiv’s “bid”.")
  }

  @Test func skipsBinaryAndEmptyFilesWithAReason() {
    let binary = folder.write("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A])
    let empty = folder.write("empty.txt", "  \n\n ")
    let report = load([binary, empty])
    #expect(report.loaded.isEmpty)
    #expect(report.skipped.map(\.reason) == ["binary file (contains NUL bytes)", "empty file"])
  }

  @Test func reportsMissingPathsAndUnreadableFiles() {
    let report = load([folder.path + "/nothing-here.txt"])
    #expect(report.skipped.first?.reason == "no such file or folder")
    if getuid() != 0 {
      let locked = folder.write("locked.txt", "Some text.")
      chmod(locked, 0)
      #expect(load([locked]).skipped.first?.reason.contains("cannot read") == true)
    }
  }

  @Test func skipsExactDuplicates() {
    let a = folder.write("a.txt", "The same story, word for word.")
    let b = folder.write("b.txt", "The same story, word for word.")
    let report = load([a, b])
    #expect(report.loaded.map(\.id) == ["a"])
    #expect(report.duplicates == [.init(path: b, duplicateOf: "a")])
    let again = load([b], into: Corpus(report.loaded))
    #expect(again.loaded.isEmpty && again.duplicates.count == 1)
  }

  @Test func readsMarkdownFrontMatter() throws {
    let text = "---\ntitle: \"Levee holds\"\noutlet: Metro Herald\ndate: 2025-11-14\nauthor: A. Writer\nurl: https://example.org/x\n---\nThe levee held. Crews worked all night.\n"
    let document = try #require(load([folder.write("story.md", text)]).loaded.first)
    #expect(document.metadata.title == MetadataValue("Levee holds"))
    #expect(document.metadata.outlet == MetadataValue("Metro Herald"))
    #expect(document.metadata.date?.value == "2025-11-14")
    #expect(document.metadata.author?.value == "A. Writer")
    #expect(document.excluded.first?.reason == .frontMatter)
    #expect(document.sentences.map { document.string($0.range) } == ["The levee held.", "Crews worked all night."])
    // Offsets still count from the start of the file.
    #expect(document.scalarRange(document.sentences[0].range).lowerBound == text.distance(of: "The levee"))
  }

  @Test func loadsJSONLinesAndReportsBrokenLinesByNumber() {
    let lines = [
      #"{"id": "one", "text": "First article text.", "outlet": "Wire"}"#,
      #"{"text": "Second article text."}"#,
      #"{not json"#,
      "",
      #"{"title": "no text here"}"#,
      #"["an", "array"]"#,
      #"{"id": "six", "text": "Sixth article text.", "date": "2025-01-02"}"#,
    ]
    let file = folder.write("feed.jsonl", lines.joined(separator: "\n"))
    let report = load([file])
    #expect(report.loaded.map(\.id) == ["one", "feed-2", "six"])
    #expect(report.loaded[0].metadata.outlet == MetadataValue("Wire"))
    #expect(report.skipped == [
      .init(path: file + ":3", reason: "not valid JSON"),
      .init(path: file + ":5", reason: "no \"text\" string field"),
      .init(path: file + ":6", reason: "not a JSON object"),
    ])
  }

  @Test func loadsFoldersRecursivelyInNameOrderPassingOverAnnotations() {
    folder.write("corpus/b.txt", "Story B is here.")
    folder.write("corpus/a.txt", "Story A is here.")
    folder.write("corpus/sub/c.md", "Story C is here.")
    folder.write("corpus/README.md", "About this corpus.")
    folder.write("corpus/gold/quotes.jsonl", #"{"text": "a quote"}"#)
    folder.write("corpus/.hidden.txt", "Hidden.")
    folder.write("corpus/notes.pdf", "Not an article.")
    let report = load([folder.path + "/corpus"])
    #expect(report.loaded.map(\.id) == ["a", "b", "c"])
    #expect(report.skipped.map(\.reason) == ["not a supported file type (.txt, .md, .jsonl, .json, .html, .htm)"])
  }

  @Test func survivesASymbolicLinkLoop() throws {
    folder.write("loop/a.txt", "Story A is here.")
    try FileManager.default.createSymbolicLink(atPath: folder.path + "/loop/again", withDestinationPath: folder.path + "/loop")
    let report = load([folder.path + "/loop"])
    #expect(report.loaded.map(\.id) == ["a"])
    #expect(report.skipped.contains { $0.reason.hasPrefix("symbolic link loop") })
  }

  @Test func renamesATakenIDAndSaysSo() {
    let first = folder.write("x/story.txt", "One story.")
    let second = folder.write("y/story.txt", "Another story.")
    let report = load([first, second])
    #expect(report.loaded.map(\.id) == ["story", "story-2"])
    #expect(report.warnings.contains { $0.message == "id 'story' is taken; loaded as 'story-2'" })
  }

  @Test func stopsWhenCancelledKeepingWhatWasRead() {
    let a = folder.write("c/a.txt", "Story A.")
    let b = folder.write("c/b.txt", "Story B.")
    let calls = CallCounter()
    let report = DocumentLoader().load([a, b], existing: Corpus(), isCancelled: { calls.next() > 1 })
    #expect(report.loaded.isEmpty)
    #expect(report.cancelled)
  }

  /// Ctrl-C in the middle of a batch: the jobs not yet taken on are not run, and what was
  /// read is a prefix of the input.
  @Test func stopsInTheMiddleOfABatch() {
    let paths = ["a", "b", "c"].map { folder.write("m/\($0).txt", "Story \($0).") }
    // One poll per file while scheduling, then one per job as it is taken on.
    let calls = CallCounter()
    let report = DocumentLoader(workers: 1).load(paths, existing: Corpus(), isCancelled: { calls.next() > 4 })
    #expect(report.loaded.map(\.id) == ["a"])
    #expect(report.cancelled)
  }

  @Test func infersTheOutletOfADateline() throws {
    let file = folder.write("wire.txt", "Oct. 3 (UPI) — NATO's chief visited Kyiv on Thursday. He spoke.")
    let document = try #require(load([file]).loaded.first)
    #expect(document.metadata.outlet == MetadataValue("UPI", inferred: true, evidence: "Oct. 3 (UPI) —"))
    #expect(document.metadata.title == nil)
  }
}

@Suite struct CorpusTests {
  let corpus = Corpus([
    Document(id: "000_b917", origin: "a", text: "A.", format: .text),
    Document(id: "001_99a1", origin: "b", text: "B.", format: .text),
    Document(id: "coastwire", origin: "c", text: "C.", format: .text),
  ])

  @Test func resolvesIDsPrefixesAndNumbers() throws {
    #expect(try corpus.resolve("coastwire").id == "coastwire")
    #expect(try corpus.resolve("001").id == "001_99a1")
    #expect(try corpus.resolve("coast").id == "coastwire")
    #expect(try corpus.resolve("1").id == "000_b917")
    #expect(try corpus.resolve("3").id == "coastwire")
  }

  @Test func explainsAmbiguousAndUnknownWords() {
    #expect(throws: DocumentLookupError.ambiguous("0", candidates: ["000_b917", "001_99a1"])) { try corpus.resolve("0") }
    #expect(throws: DocumentLookupError.notFound("coastwier", suggestion: "coastwire")) { try corpus.resolve("coastwier") }
    #expect(throws: DocumentLookupError.empty) { try Corpus().resolve("1") }
  }
}

extension String {
  /// The code point offset of the first occurrence of `target`.
  func distance(of target: String) -> Int? {
    guard let range = range(of: target) else { return nil }
    return unicodeScalars.distance(from: unicodeScalars.startIndex, to: range.lowerBound)
  }
}

/// Counts calls from any thread.
final class CallCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0

  /// The number of this call, from 1.
  func next() -> Int {
    lock.lock()
    defer { lock.unlock() }
    count += 1
    return count
  }
}
