import Foundation
import Testing
@testable import CrosscheckCore

@Suite struct HTMLExtractorTests {
  static let fixtures = GoldCorpus.packageRoot + "/Tests/CrosscheckCoreTests/Fixtures/html/"
  let folder = TemporaryFolder()

  func load(_ path: String) throws -> Document {
    try #require(DocumentLoader().load([path], existing: Corpus()).loaded.first)
  }

  @Test(arguments: ["harbour-article", "ferry-divs", "mill-jsonld", "school-amp"])
  func extractsTheArticleTextOfPagesShapedLikeNewsSites(page: String) throws {
    let document = try load(Self.fixtures + page + ".html")
    let expected = try String(contentsOfFile: Self.fixtures + page + ".txt", encoding: .utf8)
    #expect(document.text == expected)
    #expect(document.format == .html)
  }

  @Test func readsMetadataFromMetaTagsAndJSONLD() throws {
    let article = try load(Self.fixtures + "harbour-article.html")
    #expect(article.metadata.title?.value == "Crane collapses at Pier 4")
    #expect(article.metadata.outlet?.value == "Portville Post")
    #expect(article.metadata.date?.value == "2031-03-04")
    #expect(article.metadata.author?.value == "Ana Kim")
    let linked = try load(Self.fixtures + "mill-jsonld.html")
    #expect(linked.metadata.title?.value == "Startup hub opens in former textile mill")
    #expect(linked.metadata.outlet?.value == "Valley Tech")
    #expect(linked.metadata.date?.value == "2031-06-02")
    #expect(linked.metadata.author?.value == "Jonas Berg, Sofia Lind")
    // The headline inside the page is the title, not body text.
    #expect(linked.excluded.first?.reason == .headline)
    let amp = try load(Self.fixtures + "school-amp.html")
    #expect(amp.metadata.outlet?.value == "River Radio")
    #expect(amp.metadata.date?.value == "2032-01-09")
    let divs = try load(Self.fixtures + "ferry-divs.html")
    #expect(divs.metadata.title?.value == "Ferry fares to rise in May")  // "<title>" without " - Bayport Daily"
  }

  @Test(arguments: [
    "<p>Unclosed paragraph <b>bold <i>both</p><div>Next block &bogus; &#xFFFFFFF; &amp</div>",
    "<html><body><p>Text</body></html></html></p><p>after the end",
    "<<<>>> <p>angle < brackets > everywhere</p> <!-- unclosed comment",
    "<script>never closed; var x = '<p>not text</p>'",
    "\u{0}\u{1}<p>control characters</p>",
  ])
  func survivesMalformedMarkup(html: String) {
    let page = HTMLExtractor().extract(html)
    if let page { #expect(!page.text.contains("not text")) }
  }

  @Test func survivesTenThousandNestedElements() throws {
    let html = "<html><body>" + String(repeating: "<div>", count: 10_000) + "<p>Deep text.</p>" + String(repeating: "</div>", count: 10_000)
      + "<p>After the nest.</p></body></html>"
    #expect(HTMLExtractor().extract(html)?.text == "Deep text.\n\nAfter the nest.")
    let unclosed = "<html><body>" + String(repeating: "<span><div>", count: 10_000) + "tail"
    #expect(HTMLExtractor().extract(unclosed)?.text == "tail")
  }

  @Test func readsAFiveMegabytePage() throws {
    var html = "<html><head><title>Big page</title></head><body><article>"
    var index = 0
    while html.utf8.count < 5_000_000 {
      html += "<p>Paragraph \(index) of a very long generated page, with <a href=\"#\">a link</a> and &amp; an entity.</p>\n"
      index += 1
    }
    html += "</article></body></html>"
    let file = folder.write("big.html", html)
    let document = try load(file)
    #expect(document.paragraphs.count >= index - 2)
    #expect(document.text.hasPrefix("Paragraph 0 of a very long generated page, with a link and & an entity."))
  }

  @Test func foldersLoadHTMLPages() {
    folder.write("a/page.html", "<html><body><article><p>An article about the harbour crane.</p></article></body></html>")
    folder.write("a/page2.htm", "<html><body><main><p>Another page about the crane.</p></main></body></html>")
    folder.write("a/empty.html", "<html><body><nav>Home</nav></body></html>")
    let report = DocumentLoader().load([folder.path + "/a"], existing: Corpus())
    #expect(report.loaded.map(\.id).sorted() == ["page", "page2"])
    #expect(report.skipped.map(\.reason) == ["no article text found in the page"])
  }

  @Test func decodesAPageInTheCharacterSetItDeclares() throws {
    let html = "<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\u{E9} owners say the storm \u{2014} the worst in years.</p></body></html>"
    var bytes: [UInt8] = []
    for scalar in html.unicodeScalars {
      switch scalar.value {
      case 0x2014: bytes.append(0x97)  // the em dash in windows-1252
      case 0..<0x100: bytes.append(UInt8(scalar.value))
      default: Issue.record("not in windows-1252")
      }
    }
    #expect(HTMLExtractor.declaredCharset(bytes) == "windows-1252")
    let document = try load(folder.write("latin.html", bytes))
    #expect(document.text == "Café owners say the storm — the worst in years.")
    #expect(document.notes.contains("decoded as windows-1252, as the page declares"))
  }
}
