import CrosscheckTestSupport
import Foundation
import Testing
@testable import CrosscheckShell
import CrosscheckCore

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

  /// `--words`: A's text with the changed words marked in place, or colored at a terminal.
  @Test func wordsMarksChangesInPlace() {
    let line = "diff --text \"Rutte visited Ukraine on Thursday.\" \"Rutte visited Kyiv on Thursday, again.\" --words"
    #expect(run(line).output == "Rutte visited [-Ukraine-]{+Kyiv+} on Thursday{+, again+}.\n")
    #expect(run(line, terminal: true).output == "Rutte visited \u{1B}[31mUkraine\u{1B}[0m\u{1B}[32mKyiv\u{1B}[0m on Thursday\u{1B}[32m, again\u{1B}[0m.\n")
    #expect(run(line + " --stat").output.hasPrefix("words changed: 3 (1 deleted, 2 inserted)"))
  }

  @Test func wordsRejectsSentenceLayoutOptions() {
    let console = run("diff --text a b --words --side-by-side")
    #expect(console.errors.contains("--side-by-side does not combine with --words"))
    #expect(run("diff --text a b --files").errors.contains("--text and --files contradict each other"))
  }

  /// The streamed text and JSON of `crosscheck diff FILE FILE` are exactly what the
  /// renderers make of the command's output, escaping included, short and long.
  @Test func streamedWordDiffMatchesTheRenderedOutput() {
    let pieces = ["Rutte", "said", "“aid”", "—", "Kyiv’s", "44.1", "\u{7}", "\u{202E}", "\u{85}", "quote\"s", "back\\slash", "tab\t", "é", "\n", ".", ","]
    var texts: [(String, String)] = [("", ""), ("same text\n", "same text\n"), ("a b\n", "")]
    var state: UInt64 = 7
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    for count in [12, 60, 4_000] {
      let a = (0..<count).map { _ in pieces[next(pieces.count)] }
      let b = a.map { next(8) == 0 ? pieces[next(pieces.count)] : $0 }
      texts.append((a.joined(separator: " "), b.joined(separator: " ")))
    }
    for (a, b) in texts {
      let diff = WordDiff(source: Array(a.utf8), target: Array(b.utf8))
      for format in [OutputFormat.table, .json] {
        for color in [false, true] where !(format == .json && color) {
          let output = DiffCommand.wordsOutput(diff, names: ("a.txt", "b.txt"), ignoring: [], stat: false, format: format)
          let rendered = Renderers.render(output, options: RenderOptions(format: format, color: color, width: nil, terminal: color))
          var streamed: [UInt8] = []
          var writer = WordDiffWriter { streamed += $0 }
          if format == .json {
            writer.writeJSON(diff, names: ("a.txt", "b.txt"), ignoring: [])
          } else {
            writer.writeText(diff, color: color)
          }
          #expect(String(decoding: streamed, as: UTF8.self) == rendered, "\(format) color \(color), \(a.count) bytes")
        }
      }
    }
  }
}
