import CrosscheckCore
import Foundation

/// `crosscheck-bench text FOLDER`: measures segmentation, normalization and boilerplate
/// detection over every `.txt` file in a folder, on one thread, and prints MB/s by the wall
/// clock and by the thread's CPU time.
@main
struct TextBenchmark {
  static func main() {
    let arguments = CommandLine.arguments
    if arguments.count > 1, arguments[1] == "scan" {
      exit(ScanBenchmark.run(Array(arguments.dropFirst(2))))
    }
    guard arguments.count == 3, arguments[1] == "text" else {
      FileHandle.standardError.write(Data("usage: crosscheck-bench text FOLDER | scan A B [RUNS]\n".utf8))
      exit(2)
    }
    let folder = arguments[2]
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
    let texts = names.compactMap { try? String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }
    guard !texts.isEmpty else {
      FileHandle.standardError.write(Data("crosscheck-bench: no .txt files in \(folder)\n".utf8))
      exit(1)
    }
    let bytes = texts.reduce(0) { $0 + $1.utf8.count }
    let normalizer = Normalizer()
    var checksum = 0
    let clock = ContinuousClock()
    let cpuStart = threadCPUSeconds()
    let elapsed = clock.measure {
      for (index, text) in texts.enumerated() {
        // Document analyses the text: paragraphs, headline, boilerplate, tokens, sentences.
        let document = Document(id: "\(index)", origin: "bench", text: text, format: .text)
        var folded: [UInt8] = []
        document.buffer.bytes.withUnsafeBufferPointer { buffer in
          for paragraph in document.paragraphs {
            normalizer.fold(UnsafeBufferPointer(rebasing: buffer[paragraph.range]), into: &folded)
          }
        }
        checksum &+= document.sentences.count &+ document.boilerplate.count &+ folded.count
      }
    }
    let cpu = threadCPUSeconds() - cpuStart
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let megabytes = Double(bytes) / 1_000_000
    // On a shared machine the wall clock counts time spent waiting for a core; the thread's
    // CPU time is what one core needs.
    print(String(format: "%d documents, %.1f MB: wall %.2f s (%.1f MB/s), one core's CPU time %.2f s (%.1f MB/s) (checksum %d)",
      texts.count, megabytes, seconds, megabytes / seconds, cpu, megabytes / cpu, checksum))
  }

  /// CPU time used by the calling thread, in seconds.
  static func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}
