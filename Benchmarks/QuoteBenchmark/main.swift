// Times quote extraction with attribution, and cross-document grouping, on a folder of
// articles: `swift run -c release quote-benchmark FOLDER` (scripts/bench-quotes generates
// one and runs this). Loading is timed separately; only one core is used.
import CrosscheckCore
import Foundation

@main
enum QuoteBenchmark {
  /// Wall-clock and CPU seconds of `body`; on a shared machine the CPU time is the fair one.
  static func seconds(_ body: () -> Void) -> (wall: Double, cpu: Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let cpuStart = clock()
    body()
    let cpu = Double(clock() - cpuStart) / Double(CLOCKS_PER_SEC)
    return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, cpu)
  }

  static func main() {
    let arguments = CommandLine.arguments.dropFirst()
    guard let folder = arguments.first else {
      FileHandle.standardError.write(Data("usage: quote-benchmark FOLDER\n".utf8))
      exit(2)
    }
    var corpus = Corpus()
    let loadTime = seconds { corpus = Corpus(DocumentLoader().load([folder], existing: Corpus()).loaded) }
    let documents = corpus.documents
    let bytes = documents.reduce(0) { $0 + $1.buffer.bytes.count }

    var quotes: [[AttributedQuote]] = []
    var people: [DocumentPeople] = []
    quotes.reserveCapacity(documents.count)
    let extractTime = seconds {
      for document in documents {
        let (found, named) = QuoteAnalysis.quotes(in: document)
        quotes.append(found)
        people.append(named)
      }
    }
    var analysis: QuoteAnalysis? = nil
    let groupTime = seconds { analysis = QuoteAnalysis(documents: documents, quotes: quotes, people: people) }
    // The speaker directory alone, to show its share of the grouping time.
    let speaking = quotes.map { found in Set(found.compactMap { $0.attribution?.person }) }
    let directoryTime = seconds { _ = SpeakerDirectory(people.map(\.people), speaking: speaking) }
    let occurrences = analysis?.occurrences.count ?? 0
    let attributed = analysis?.occurrences.filter { $0.speaker != nil }.count ?? 0
    let megabytes = Double(bytes) / 1_000_000
    print(String(format: "documents: %d, %.1f MB, loaded in %.2f s", documents.count, megabytes, loadTime.wall))
    print(String(format: "extraction with attribution: %d quotes (%d attributed) in %.2f s CPU (%.2f s wall) = %.1f MB/s",
      occurrences, attributed, extractTime.cpu, extractTime.wall, megabytes / extractTime.cpu))
    print(String(format: "grouping %d documents' quotes: %d groups, %d speakers in %.2f s CPU (%.2f s wall)",
      documents.count, analysis?.groups.count ?? 0, analysis?.speakers.count ?? 0, groupTime.cpu, groupTime.wall))
    print(String(format: "  of which naming speakers across documents: %.2f s CPU", directoryTime.cpu))
  }
}
