import Foundation

/// Runs one of the `scripts/eval-*` scorers with the binary built for these tests and reads
/// the figures of its last lines (`name=value`).
enum EvaluationScript {
  /// The script's standard output.
  static func run(_ script: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", Crosscheck.packageRoot + "/scripts/" + script] + arguments
    var environment = ProcessInfo.processInfo.environment
    environment["CROSSCHECK_BIN"] = Crosscheck.binary
    environment["CROSSCHECK"] = Crosscheck.binary
    process.environment = environment
    let output = Pipe()
    process.standardOutput = output
    process.standardError = Pipe()
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  /// The number after `name=` in the last line that has one, or -1.
  static func figure(_ name: String, in output: String) -> Double {
    for line in output.split(separator: "\n").reversed() {
      guard let range = line.range(of: name + "=") else { continue }
      return Double(line[range.upperBound...].prefix { $0.isNumber || $0 == "." }) ?? -1
    }
    return -1
  }
}
