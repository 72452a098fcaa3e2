import Foundation
import Testing
@testable import CrosscheckShell

#if canImport(Glibc)
  import Glibc
#endif

/// Hostile and broken input, each loaded into a session that already holds an article: a
/// clear message, no crash, and the article already loaded is still there afterwards.
///
/// Big inputs are made at run time in a temporary folder (a sparse file stands in for a
/// 200 MB one: the size limit must act before anything is read).
@Suite(.timeLimit(.minutes(2))) struct BadInputTests {
  let scratch = DisposableFolder("bad-input")
  var folder: String { scratch.path }

  @discardableResult
  func write(_ name: String, _ bytes: [UInt8]) -> String {
    let path = folder + "/" + name
    try! FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    return path
  }

  @discardableResult
  func write(_ name: String, _ text: String) -> String { write(name, Array(text.utf8)) }

  /// A shell holding one article, `kept`, and its console.
  func shellWithAnArticle() -> (Shell, TestConsole) {
    let console = TestConsole()
    let shell = Shell(console: console)
    let kept = write("kept/kept.txt", "The levee held overnight, the mayor said. Crews worked until dawn.")
    #expect(shell.execute("load '\(kept)'"))
    console.output = ""
    return (shell, console)
  }

  /// Loads `path` into a shell that holds one article; returns what `load` printed.
  func load(_ path: String, expectSuccess: Bool = true) -> (output: String, errors: String, ids: [String]) {
    let (shell, console) = shellWithAnArticle()
    #expect(shell.execute("load '\(path)'") == expectSuccess, "\(console.errors)")
    let ids = shell.corpus.documents.map(\.id)
    #expect(ids.first == "kept", "the article loaded before was lost")
    return (console.output, console.errors, ids)
  }

  @Test func invalidUTF8IsReplacedAndReported() {
    // Five maximal invalid sequences: E9, C3 (before an ASCII byte), and ED A0 80 (an
    // encoded surrogate) as three.
    let path = write("invalid.txt", Array("Caf".utf8) + [0xE9, 0xC3, 0x28] + Array(" crème and \u{201C}text\u{201D}.".utf8) + [0xED, 0xA0, 0x80])
    let result = load(path)
    #expect(result.ids == ["kept", "invalid"])
    #expect(result.output.contains("invalid.txt: 5 invalid byte sequences replaced with U+FFFD"))
  }

  @Test(arguments: [true, false]) func utf16WithAByteOrderMarkIsDecoded(littleEndian: Bool) {
    var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
    for unit in "Kyiv’s “bid” — 𝐍𝐀𝐓𝐎.".utf16 {
      bytes += littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
    }
    let result = load(write("wide-\(littleEndian).txt", bytes))
    #expect(result.ids == ["kept", "wide-\(littleEndian)"])
    #expect(result.output.contains("decoded as UTF-16\(littleEndian ? "LE" : "BE")"))
  }

  @Test func nulBytesMarkABinaryFile() {
    let result = load(write("nul.txt", Array("Some text".utf8) + [0, 0, 0] + Array(" and more.".utf8)))
    #expect(result.ids == ["kept"])
    #expect(result.output.contains("skipped \(folder)/nul.txt: binary file (contains NUL bytes)"))
  }

  @Test func aHugeFileIsRefusedBeforeItIsRead() throws {
    let path = write("huge.txt", "A headline\n\nThe start of a very long file.")
    // 200 MB without writing 200 MB: the rest of the file is a hole.
    let handle = try #require(FileHandle(forWritingAtPath: path))
    try handle.truncate(atOffset: 200 * 1_048_576)
    try handle.close()
    let result = load(path)
    #expect(result.ids == ["kept"])
    #expect(result.output.contains("huge.txt: file too large (200 MB; the limit is 16 MB)"))
  }

  @Test func aOneMegabyteLineLoads() throws {
    var line = ""
    var sentence = 0
    while line.utf8.count < 1_048_576 {
      sentence += 1
      line += "Sentence \(sentence) of the line says that “the levee held” for \(sentence * 3) hours, "
    }
    let (shell, console) = shellWithAnArticle()
    #expect(shell.execute("load '\(write("one-line.txt", line))'"))
    #expect(shell.corpus.documents.map(\.id) == ["kept", "one-line"])
    #expect(shell.execute("sources one-line"))
    #expect(console.output.contains("one-line"))
  }

  @Test func fiftyThousandFilesInAFolder() {
    let count = 50_000
    // In memory when the machine has a tmpfs: 50,000 files on a busy disk take minutes.
    let memory = "/dev/shm"
    let root = access(memory, W_OK) == 0 ? memory : folder
    let corpus = root + "/crosscheck-many-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: corpus) }
    // The same short report filed 50,000 times: the folder walk and duplicate check are
    // what is measured, not the analysis of 50,000 articles.
    let text = Data("The council met on Tuesday and approved the budget.".utf8)
    for index in 0..<count {
      _ = FileManager.default.createFile(atPath: corpus + "/report-" + String(index + 100_000) + ".txt", contents: text)
    }
    let result = load(corpus)
    #expect(result.ids == ["kept", "report-100000"])
    #expect(result.output.hasPrefix("Loaded 1 document (9 words); skipped 0; \((count - 1).grouped) duplicates"))
    // The first duplicates are named, the rest counted.
    #expect(result.output.split(separator: "\n").count == 2 + LoadCommand.detailLines)
  }

  @Test func aSymbolicLinkLoopIsReportedOnce() throws {
    write("loop/story.txt", "A story about the loop.")
    try FileManager.default.createSymbolicLink(atPath: folder + "/loop/inner", withDestinationPath: folder + "/loop")
    try FileManager.default.createSymbolicLink(atPath: folder + "/loop/self.txt", withDestinationPath: folder + "/loop/self.txt")
    let result = load(folder + "/loop")
    #expect(result.ids == ["kept", "story"])
    #expect(result.output.contains("skipped \(folder)/loop/inner: symbolic link loop"))
    #expect(result.output.contains("skipped \(folder)/loop/self.txt: broken symbolic link"))
  }

  @Test func unreadableFilesAreSkippedWithTheReason() throws {
    // A named pipe would block a reader forever, and a device never ends: neither is read.
    let pipe = folder + "/pipe.txt"
    #expect(mkfifo(pipe, 0o644) == 0)
    var result = load(pipe)
    #expect(result.output.contains("pipe.txt: not a regular file (a device, pipe or socket)"))
    result = load("/dev/zero")
    #expect(result.output.contains("/dev/zero: not a regular file"))
    // Permissions do not stop root, so the unreadable file is made only for other users.
    if getuid() != 0 {
      let locked = write("locked.txt", "Some text.")
      chmod(locked, 0)
      result = load(locked)
      #expect(result.output.contains("locked.txt: cannot read file"))
    }
    // A folder that cannot be listed: a file in the way of a path.
    result = load(write("plain.txt", "Plain text here.") + "/inside.txt")
    #expect(result.output.contains("inside.txt: no such file or folder"))
  }

  @Test func brokenJSONLinesAreReportedByNumberAndTheRestLoads() {
    let lines = [
      #"{"id": "first", "text": "The first article of the feed."}"#,
      #"{"id": "second", "text": "A second article, cut off"#,
      "\u{FF}\u{FE} not even text",
      #"{"id": "third", "text": "The third article of the feed.", "date": "2024-02-30"}"#,
      #"{"text": 42}"#,
      "[1, 2",
    ]
    let result = load(write("feed.jsonl", lines.joined(separator: "\n")))
    #expect(result.ids == ["kept", "first", "third"])
    #expect(result.output.contains("feed.jsonl:2: not valid JSON"))
    #expect(result.output.contains("feed.jsonl:3: not valid JSON"))
    #expect(result.output.contains("feed.jsonl:5: no \"text\" string field"))
    #expect(result.output.contains("feed.jsonl:6: not valid JSON"))
  }

  @Test func htmlNestedTenThousandDeepLoads() {
    let html = "<html><body>" + String(repeating: "<div><span>", count: 10_000) + "<p>The deep paragraph says the levee held.</p>"
      + String(repeating: "</span></div>", count: 10_000) + "</body></html>"
    let result = load(write("deep.html", html))
    #expect(result.ids == ["kept", "deep"])
  }

  @Test func aQuotationLeftOpenForAWholeBook() {
    // A single opening mark, then a book's worth of paragraphs that never close it.
    var book = "The Long Quotation\n\n“It began on a Tuesday,” the narrator said, “"
    for chapter in 1...2_000 {
      book += "and in chapter \(chapter) the river rose again while the town waited and watched the levee.\n\n"
    }
    let (shell, console) = shellWithAnArticle()
    #expect(shell.execute("load '\(write("book.txt", book))'"))
    #expect(shell.execute("quotes --all --format csv"))
    #expect(shell.execute("claims --format csv"))
    #expect(console.output.contains("It began on a Tuesday,"))
    #expect(shell.corpus.documents.map(\.id) == ["kept", "book"])
  }

  @Test func numbersWithFiveHundredDigits() {
    let digits = String(repeating: "9", count: 500)
    let grouped = (0..<166).map { _ in "999" }.joined(separator: ",")
    let text = "The fund holds $\(digits) billion, or \(grouped) euros, and \(digits)% of \(digits).\(digits) km were flooded on February \(digits)."
    let (shell, console) = shellWithAnArticle()
    #expect(shell.execute("load '\(write("digits.txt", text))'"))
    #expect(shell.execute("claims --all --format json"))
    #expect(shell.execute("diff --text '\(digits)' '\(digits)9'"))
    #expect(console.output.contains("\"doc\": \"digits\""))
  }

  @Test func aDeviceOrAPipeIsNeitherRunNorSavedOver() {
    let pipe = folder + "/commands.ccs"
    #expect(mkfifo(pipe, 0o644) == 0)
    let console = TestConsole()
    let shell = Shell(console: console)
    #expect(!shell.execute("run /dev/zero"))
    #expect(!shell.execute("run '\(pipe)'"))
    // Saving over the pipe would rename a file over it; opening it would wait for a writer.
    #expect(!shell.execute("save '\(pipe)'"))
    #expect(!shell.execute("open '\(pipe)'"))
    #expect(console.errors == """
      error: cannot run '/dev/zero': not a regular file (a device, pipe or socket)
      error: cannot run '\(pipe)': not a regular file (a device, pipe or socket)
      error: '\(pipe)' is not a regular file (a device, pipe or socket)
      error: '\(pipe)' is not a regular file (a device, pipe or socket), not a crosscheck session

      """)
    var info = stat()
    #expect(lstat(pipe, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the pipe was replaced")
  }

  @Test func redirectionWritesThroughALinkInsteadOfReplacingIt() throws {
    let target = write("out/target.txt", "old")
    let link = folder + "/out/link.txt"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    let shell = Shell(console: TestConsole())
    #expect(shell.execute("echo first > '\(link)'"))
    #expect(shell.execute("echo second >> '\(link)'"))
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "first\nsecond\n")
    #expect(!shell.execute("echo x > '\(folder)/no/such/folder.txt'"))
  }

  @Test func datesThatDoNotExist() throws {
    let markdown = "---\ntitle: Impossible dates\ndate: 2024-02-30\n---\nThe storm hit on February 30, 2024, and again on 31 April. It ended on 2023-02-29."
    let (shell, console) = shellWithAnArticle()
    let path = write("dates.md", markdown)
    #expect(shell.execute("load '\(path)'"))
    #expect(console.output.contains("note \(path): date '2024-02-30' is not a day of the calendar; kept as written, not used to resolve dates"))
    console.output = ""
    #expect(shell.execute("claims --all --format csv"))
    // No impossible day becomes a full date: February 30 is not read as a date at all.
    #expect(!console.output.contains("2024-02-30") && !console.output.contains("2024-03-01"))
    #expect(shell.corpus.documents.map(\.id) == ["kept", "dates"])
    let feed = write("dates.jsonl", #"{"id": "feb", "text": "A report.", "date": "2023-02-29"}"#)
    #expect(shell.execute("load '\(feed)'"))
    #expect(console.output.contains("date '2023-02-29' is not a day of the calendar"))
  }
}

/// A temporary folder, removed with everything in it when the test that made it ends.
final class DisposableFolder: Sendable {
  let path: String

  init(_ name: String) {
    path = NSTemporaryDirectory() + "crosscheck-\(name)-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }
}
