import Foundation

/// Runs the built `crosscheck` binary.
enum Crosscheck {
  /// The package's root folder.
  static let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  /// The shared corpus beside the clone, when present.
  static let sharedCorpus = packageRoot + "/../shared/corpus/rutte-kyiv"
  static var hasSharedCorpus: Bool { FileManager.default.fileExists(atPath: sharedCorpus) }

  /// The binary built with the tests (same folder as the test bundle).
  static let binary: String = {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("crosscheck").path
    if FileManager.default.isExecutableFile(atPath: beside) { return beside }
    for configuration in ["debug", "release"] {
      let path = packageRoot + "/.build/\(configuration)/crosscheck"
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return beside
  }()

  /// The full program the `crosscheck` launcher hands command lines to, built beside it.
  static var shellBinary: String {
    URL(fileURLWithPath: binary).deletingLastPathComponent().appendingPathComponent("crosscheck-shell").path
  }

  struct Result {
    var status: Int32
    var output: String
    var errors: String
  }

  /// Runs crosscheck with `arguments` in `folder`, feeding `input` to standard input.
  /// - Parameter program: The binary to run: the `crosscheck` launcher unless told.
  static func run(
    _ arguments: [String], input: String = "", in folder: String = packageRoot, environment: [String: String] = [:],
    program: String = binary
  ) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    // Read both pipes before waiting, so that a full pipe cannot block the child.
    let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
    let errorData = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
      errors: String(decoding: errorData, as: UTF8.self))
  }

  /// A new empty temporary folder.
  static func temporaryFolder() -> String {
    let path = NSTemporaryDirectory() + "crosscheck-e2e-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }
}
