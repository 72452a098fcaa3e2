import CrosscheckWordDiff
import Foundation

/// `crosscheck-bench scan A B [RUNS]`: measures the preparation stage of a word diff of two
/// files alone (tokenizing and interning both texts with one `WordScanner`, as the diff
/// does), run RUNS times (default 1), and prints the median and fastest CPU time of a run.
enum ScanBenchmark {
  static func run(_ arguments: [String]) -> Int32 {
    guard arguments.count == 2 || arguments.count == 3, let runs = arguments.count == 3 ? Int(arguments[2]) : 1, runs >= 0 else {
      FileHandle.standardError.write(Data("usage: crosscheck-bench scan A B [RUNS]\n".utf8))
      return 2
    }
    let texts = arguments.prefix(2).map { FileManager.default.contents(atPath: $0).map { [UInt8]($0) } }
    guard let source = texts[0], let target = texts[1] else {
      FileHandle.standardError.write(Data("crosscheck-bench: cannot read \(arguments[0]) or \(arguments[1])\n".utf8))
      return 1
    }
    var times: [Double] = []
    var last: (WordScanner.Scan, WordScanner.Scan, Int)?
    for _ in 0..<runs {
      let start = TextBenchmark.threadCPUSeconds()
      var scanner = WordScanner()
      let a = source.withUnsafeBufferPointer { scanner.scan($0) }
      let b = target.withUnsafeBufferPointer { scanner.scan($0) }
      times.append(TextBenchmark.threadCPUSeconds() - start)
      last = (a, b, scanner.count)
    }
    times.sort()
    guard let (a, b, distinct) = last, let fastest = times.first else { return 0 }
    // A checksum of the ids and token ranges, to compare versions of the scanner.
    var checksum: UInt64 = 0
    for (token, id) in zip(a.tokens + b.tokens, a.ids + b.ids) {
      checksum = (checksum ^ UInt64(bitPattern: Int64(id)) ^ UInt64(token.start) << 20 ^ UInt64(token.end) << 42) &* 0x100_0000_01B3
    }
    let summary = "\(a.tokens.count) + \(b.tokens.count) tokens, \(distinct) distinct (checksum \(checksum))"
    print(String(format: "%@: median %.3f ms, fastest %.3f ms of %d runs", summary, times[times.count / 2] * 1000, fastest * 1000, runs))
    return 0
  }
}
