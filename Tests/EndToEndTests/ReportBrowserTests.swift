import CrosscheckTestSupport
import Foundation
import Testing

/// Headless Chromium, when it is installed: renders a page, takes a screenshot, and gives
/// the page's DOM after its script ran and what the page wrote to the console.
enum Chromium {
  /// The browser, from `CROSSCHECK_CHROMIUM` or the PATH.
  static let path: String? = {
    if let given = ProcessInfo.processInfo.environment["CROSSCHECK_CHROMIUM"], !given.isEmpty { return given }
    let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    for name in ["chromium", "chromium-browser", "google-chrome"] {
      for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") { return "\(folder)/\(name)" }
    }
    return nil
  }()

  /// A page's rendering is given this long; a first start of the browser takes a few seconds.
  static let timeout: TimeInterval = 120

  struct Page {
    /// The DOM serialized after the page's script ran.
    var dom: String
    /// The console messages of the page, as Chromium logs them.
    var console: [String]
    var screenshot: Data?
  }

  enum Failure: Error, CustomStringConvertible {
    case timedOut, failed(Int32, String)
    var description: String {
      switch self {
      case .timedOut: return "chromium did not finish within \(Int(Chromium.timeout)) s"
      case .failed(let status, let errors): return "chromium exited with status \(status): \(errors.suffix(2000))"
      }
    }
  }

  /// Renders the HTML file at `path` in a window `width` wide and `height` high.
  static func render(_ path: String, width: Int = 1280, height: Int = 1800, in folder: String) throws -> Page {
    let browser = try #require(Self.path)
    let screenshot = folder + "/screenshot.png"
    let output = folder + "/dom.html"
    let errors = folder + "/chromium.log"
    for file in [output, errors] { _ = FileManager.default.createFile(atPath: file, contents: nil) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: browser)
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-extensions",
      "--disable-background-networking", "--disable-sync", "--user-data-dir=\(folder)/profile",
      "--window-size=\(width),\(height)", "--enable-logging=stderr", "--v=0", "--screenshot=\(screenshot)", "--dump-dom",
      URL(fileURLWithPath: path).absoluteString,
    ]
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errors))
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    try process.run()
    if finished.wait(timeout: .now() + timeout) == .timedOut {
      process.terminate()
      _ = finished.wait(timeout: .now() + 10)
      throw Failure.timedOut
    }
    let log = String(decoding: FileManager.default.contents(atPath: errors) ?? Data(), as: UTF8.self)
    guard process.terminationStatus == 0 else { throw Failure.failed(process.terminationStatus, log) }
    // Chromium logs each console message as `…:CONSOLE(line)] "message", source: …`.
    let console = log.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
    return Page(
      dom: String(decoding: FileManager.default.contents(atPath: output) ?? Data(), as: UTF8.self), console: console,
      screenshot: FileManager.default.contents(atPath: screenshot))
  }
}

@Suite(.enabled(if: Chromium.path != nil, "Chromium is not installed (scripts/bootstrap --dev installs it)"), .serialized)
struct ReportBrowserTests {
  /// The corpus the screenshot shows: the real one beside the project when present.
  static var corpus: String { Crosscheck.hasSharedCorpus ? Crosscheck.sharedCorpus : Crosscheck.packageRoot + "/samples/riverton-flood" }

  /// Writes the report of `corpus` into `folder`; the report command's JSON.
  static func report(_ corpus: String, to folder: String, options: String = "") throws -> [String: Any] {
    let result = try Crosscheck.run([corpus, "-c", "report '\(folder)/report.html' \(options) --format json"])
    #expect(result.status == 0, "\(result.errors)")
    return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
  }

  @Test func theReportOpensInABrowserWithItsScriptAndNoConsoleMessages() throws {
    let folder = Crosscheck.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let summary = try Self.report(Self.corpus, to: folder)
    let page = try Chromium.render(folder + "/report.html", in: folder)
    #expect(page.console.isEmpty, "console: \(page.console.joined(separator: "\n"))")
    let dom = page.dom
    #expect(dom.contains("<html lang=\"en\" class=\"js\">"), "the page's script ran")
    #expect(dom.contains("<table class=\"heatmap\">"))
    #expect(dom.contains("<table class=\"matrix\">"))
    let groups = try #require(summary["quote_groups"] as? Int)
    #expect(groups > 0)
    #expect(dom.components(separatedBy: "<tr class=\"group-row\" id=\"quote-group-Q").count - 1 == groups)
    #expect(dom.components(separatedBy: "<tr class=\"detail\" id=\"renderings-Q").count - 1 == groups)
    #expect(dom.components(separatedBy: "\" hidden=\"\">").count - 1 == groups, "the script folded every quote's renderings")
    for heading in ["Sources", "Shared text", "Quotes", "Numbers and dates", "Side by side", "The texts"] {
      #expect(dom.contains("<h2>\(heading)</h2>"))
    }
    let documents = try #require(summary["documents"] as? Int)
    #expect(dom.components(separatedBy: "<article class=\"document\"").count - 1 == documents)
    let png = try #require(page.screenshot)
    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "a PNG")
    // The width in the PNG header, and enough bytes for a page of tables rather than a blank one.
    #expect(png.count > 40_000)
    #expect(png[16..<20].reduce(0) { $0 << 8 | Int($1) } == 1280)
    if Golden.isRecording, Crosscheck.hasSharedCorpus {
      try png.write(to: URL(fileURLWithPath: Crosscheck.packageRoot + "/docs/report.png"))
    }
  }

  @Test func nothingInADocumentRunsInTheBrowser() throws {
    let corpus = Crosscheck.temporaryFolder()
    let folder = Crosscheck.temporaryFolder()
    defer {
      try? FileManager.default.removeItem(atPath: corpus)
      try? FileManager.default.removeItem(atPath: folder)
    }
    // Each payload, if it ran, would mark the page.
    let mark = "document.documentElement.setAttribute('data-pwned','1')"
    let payloads = [
      "<script>\(mark)</script>", "<img src=x onerror=\"\(mark)\">", "<svg onload=\"\(mark)\"></svg>",
      "</script><script>\(mark)</script>", "\"><img src=x onerror=\(mark)>", "<a href=\"javascript:\(mark)\">link</a>",
      "<iframe src=\"javascript:\(mark)\"></iframe>", "<style>body{display:none}</style>",
    ].joined(separator: " ")
    let hostile = """
      ---
      title: \(payloads)
      outlet: <script>\(mark)</script>
      ---
      A crane fell on 12 March and injured 3 workers \(payloads).

      "We are lucky nobody was hurt \(payloads)," said port director Elena Marsh.
      """
    let copy = "A crane fell on 12 March and injured 4 workers.\n\n\"We are lucky nobody was hurt,\" said port director Elena Marsh.\n"
    _ = FileManager.default.createFile(atPath: corpus + "/<img src=x onerror=\(mark)>.md", contents: Data(hostile.utf8))
    _ = FileManager.default.createFile(atPath: corpus + "/copy.txt", contents: Data(copy.utf8))
    _ = try Self.report(corpus, to: folder, options: "--pair 1,2")
    let page = try Chromium.render(folder + "/report.html", height: 900, in: folder)
    #expect(page.console.isEmpty, "console: \(page.console.joined(separator: "\n"))")
    #expect(!page.dom.contains("data-pwned=\""), "a payload ran")
    #expect(page.dom.contains("<html lang=\"en\" class=\"js\">"))
    for element in ["<img", "<svg", "<iframe", "<script>document"] { #expect(!page.dom.contains(element)) }
    #expect(page.dom.contains("&lt;script&gt;document.documentElement.setAttribute"), "the payloads are shown as text")
  }
}
