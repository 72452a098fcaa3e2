// Times the stages of `compare` on a folder of documents, for scripts/bench-compare.
//
// usage: compare-bench DIR [--method exact|lsh] [--pairs FILE] [--no-passages]
// Prints one JSON line of stage timings to standard output; with --pairs, writes the pairs
// judged to share text as "a<TAB>b<TAB>jaccard" lines.
import CrosscheckCore
import Foundation

func seconds(since start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

/// CPU seconds used by the process so far, all threads together.
func cpuSeconds() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
  guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
  let value = arguments[index + 1]
  arguments.removeSubrange(index...(index + 1))
  return value
}
let methodName = option("--method")
let pairsPath = option("--pairs")
let passages = !arguments.contains("--no-passages")
arguments.removeAll { $0 == "--no-passages" }
guard let folder = arguments.first else {
  FileHandle.standardError.write(Data("usage: compare-bench DIR [--method exact|lsh] [--pairs FILE] [--no-passages]\n".utf8))
  exit(2)
}
let method: CandidateMethod? = methodName.map { $0 == "lsh" ? .minHashLSH : .exactIndex }

var start = DispatchTime.now().uptimeNanoseconds
var cpu = cpuSeconds()
// The folder's .txt files only: a generated corpus keeps its answer key beside them.
let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
let report = DocumentLoader().load(names.isEmpty ? [folder] : names.map { folder + "/" + $0 }, existing: Corpus())
let documents = report.loaded
let loadSeconds = seconds(since: start)
let loadCPU = cpuSeconds() - cpu

start = DispatchTime.now().uptimeNanoseconds
cpu = cpuSeconds()
let fingerprints = parallelMap(documents) { Fingerprint($0) }
let shingleSeconds = seconds(since: start)
let shingleCPU = cpuSeconds() - cpu

start = DispatchTime.now().uptimeNanoseconds
cpu = cpuSeconds()
let finder = CandidateFinder(documentCount: documents.count, method: method)
let scored = finder.pairs(fingerprints)
let candidateSeconds = seconds(since: start)
let candidateCPU = cpuSeconds() - cpu

var analysisSeconds = 0.0
var reused: [(String, String, Double)] = []
if passages {
  start = DispatchTime.now().uptimeNanoseconds
  let analysis = ReuseAnalysis(documents, method: finder.method)
  analysisSeconds = seconds(since: start)
  for pair in analysis.pairs where pair.judgement == .reuse {
    reused.append((documents[pair.a].id, documents[pair.b].id, pair.score.jaccard))
  }
}
if let pairsPath {
  let lines = reused.map { "\($0.0)\t\($0.1)\t\(String(format: "%.4f", $0.2))\n" }.joined()
  _ = FileManager.default.createFile(atPath: pairsPath, contents: Data(lines.utf8))
}
let words = documents.reduce(0) { $0 + $1.wordCount }
print(
  """
  {"documents": \(documents.count), "words": \(words), "method": "\(finder.method.rawValue)", \
  "load_s": \(String(format: "%.3f", loadSeconds)), "shingle_s": \(String(format: "%.3f", shingleSeconds)), \
  "candidates_and_scores_s": \(String(format: "%.3f", candidateSeconds)), \
  "load_cpu_s": \(String(format: "%.3f", loadCPU)), "shingle_cpu_s": \(String(format: "%.3f", shingleCPU)), \
  "candidates_and_scores_cpu_s": \(String(format: "%.3f", candidateCPU)), "pairs_sharing_shingles": \(scored.count), \
  "full_analysis_s": \(String(format: "%.3f", analysisSeconds)), "pairs_judged_shared": \(reused.count)}
  """)
