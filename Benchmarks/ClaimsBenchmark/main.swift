// Measures the claims pipeline on a folder of articles: quantity and date recognition
// throughput on one core, then claim extraction and grouping of the whole corpus.
// Usage: ClaimsBenchmark FOLDER   (see scripts/bench-claims)
import CrosscheckCore
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 2 else {
  FileHandle.standardError.write(Data("usage: ClaimsBenchmark FOLDER\n".utf8))
  exit(2)
}

func seconds(_ work: () -> Void) -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  work()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

var corpus = Corpus()
let loading = seconds {
  corpus = Corpus(DocumentLoader().load([arguments[1]], existing: Corpus()).loaded)
}
let bytes = corpus.documents.reduce(0) { $0 + $1.buffer.bytes.count }
print("loaded \(corpus.count) documents, \(String(format: "%.1f", Double(bytes) / 1e6)) MB in \(String(format: "%.2f", loading)) s (tokenizing included)")

// Recognition: every document against a fixed reference day, on this thread only.
let reference = CivilDate(year: 2024, month: 10, day: 3)
let recognizer = QuantityRecognizer()
var quantities = 0
var best = Double.infinity
for _ in 0..<3 {
  var found = 0
  let time = seconds {
    for document in corpus.documents { found += recognizer.quantities(in: document, reference: reference).count }
  }
  quantities = found
  best = min(best, time)
}
print("recognition: \(quantities) quantities in \(String(format: "%.3f", best)) s = \(String(format: "%.1f", Double(bytes) / 1e6 / best)) MB/s (best of 3, one core)")

var claims: [Claim] = []
let extraction = seconds { claims = ClaimExtractor().claims(in: corpus) }
var groups: [ClaimGroup] = []
let grouping = seconds { groups = ClaimGrouper().groups(of: claims) }
let conflicts = groups.filter { $0.agreement == .conflict }.count
print("extraction (dates, topics, asserters): \(claims.count) claims in \(String(format: "%.2f", extraction)) s")
print("grouping: \(groups.count) groups, \(conflicts) conflicts in \(String(format: "%.2f", grouping)) s")
