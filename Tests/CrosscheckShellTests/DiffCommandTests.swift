import CrosscheckTestSupport
import Foundation
import Testing
@testable import CrosscheckShell

@Suite struct DiffCommandTests {
  static let first = "Rutte made a surprise visit to Ukraine on Thursday. He pledged $44.1 billion in aid. Zelensky thanked him."
  static let second = "Zelensky thanked him. Rutte made a surprise visit to Kyiv on Thursday. He pledged $44.1 billion in military aid."

  func run(_ line: String, terminal: Bool = false, columns: Int? = nil) -> TestConsole {
    let console = TestConsole(terminal: terminal, size: columns.map { ($0, 40) })
    let shell = Shell(console: console)
    shell.execute(line)
    return console
  }

  /// The views of one diff: marks without color, colors at a terminal, two columns.
  @Test func rendersTheDiffViews() {
    let text = "diff --text \"\(Self.first)\" \"\(Self.second)\""
    var transcript = "# marks\n" + run(text).output
    transcript += "# colors\n" + run(text, terminal: true).output
    transcript += "# side by side, 60 columns\n" + run(text + " --side-by-side", terminal: true, columns: 60).output
    transcript += "# stat\n" + run(text + " --stat").output
    #expect(Golden.mismatch(transcript, path: Golden.folder() + "/Golden/diff.txt") == nil)
  }

  @Test func marksChangesOnlyWithoutColor() {
    let plain = run("diff --text \"a b c\" \"a x c\"").output
    #expect(plain.contains("[-b-]{+x+}"))
    let colored = run("diff --text \"a b c\" \"a x c\"", terminal: true).output
    #expect(colored.contains("\u{1B}[31mb\u{1B}[0m") && colored.contains("\u{1B}[32mx\u{1B}[0m"))
    #expect(!colored.contains("[-"))
  }

  @Test func rejectsUnknownIgnoreValues() {
    let console = run("diff --text a b --ignore spellign")
    #expect(console.errors.contains("'spellign' is not something diff can ignore; did you mean 'spelling'?"))
  }

  /// Every operation's offsets are code point offsets: slicing each text by them gives
  /// the operation's text, non-ASCII characters included.
  @Test func jsonOffsetsAreCodePointOffsets() throws {
    let a = "Zelensky’s “victory plan” was discussed. Rutte — NATO’s new chief — said the path is “irreversible.” Aid: €1.2 billion."
    let b = "Rutte — NATO’s chief — called the path “irreversible.” Zelensky’s “victory plan” was discussed at length. Aid: €1.4 billion."
    let console = run("diff --text \"\(a.replacingOccurrences(of: "\"", with: "\\\""))\" \"\(b.replacingOccurrences(of: "\"", with: "\\\""))\" --format json")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(console.output.utf8)) as? [String: Any])
    let ops = try #require(object["ops"] as? [[String: Any]])
    #expect(!ops.isEmpty)
    let aScalars = Array(a.unicodeScalars)
    let bScalars = Array(b.unicodeScalars)
    func slice(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
      String(String.UnicodeScalarView(scalars[start..<end]))
    }
    for op in ops {
      let (aStart, aEnd, bStart, bEnd) = (op["a_start"] as! Int, op["a_end"] as! Int, op["b_start"] as! Int, op["b_end"] as! Int)
      #expect(slice(aScalars, aStart, aEnd) == op["a_text"] as? String)
      #expect(slice(bScalars, bStart, bEnd) == op["b_text"] as? String)
    }
  }
}
