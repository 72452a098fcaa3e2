import CrosscheckFuzzing
import Foundation

#if FUZZING
  import CFuzzing
#endif

/// `crosscheck-fuzz`: runs one fuzz target.
///
/// Built with `-DFUZZING` and `-sanitize=fuzzer` (see scripts/fuzz), `crosscheck-fuzz TARGET
/// [libFuzzer options] [CORPUS…]` hands the target to libFuzzer. Built normally, it replays
/// files through a target (`crosscheck-fuzz TARGET FILE…`), to reproduce a crash without the
/// fuzzer. `crosscheck-fuzz --list` lists the targets.
@main
enum FuzzCommand {
  static func main() {
    var arguments = CommandLine.arguments
    guard arguments.count >= 2 else { fail(usage) }
    if arguments[1] == "--list" {
      for target in FuzzTarget.all {
        print(target.name.padding(toLength: 14, withPad: " ", startingAt: 0), target.maximumInputLength, target.summary)
      }
      return
    }
    // libFuzzer runs this program again for -merge, -fork and -jobs with its own options
    // only; the target travels in the environment.
    let inherited = ProcessInfo.processInfo.environment[targetVariable]
    let name = arguments[1].hasPrefix("-") ? inherited ?? arguments[1] : arguments[1]
    guard let target = FuzzTarget.named(name) else {
      fail("no fuzz target '\(name)'; `crosscheck-fuzz --list` lists them")
    }
    if name == arguments[1] { arguments.remove(at: 1) }
    #if FUZZING
      setenv(targetVariable, name, 1)
      selected = target
      var argc = Int32(arguments.count)
      var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
      let status = argv.withUnsafeMutableBufferPointer { buffer in
        var base = buffer.baseAddress
        return LLVMFuzzerRunDriver(&argc, &base) { data, size in
          guard let target = selected else { return 0 }
          target.run(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
          return 0
        }
      }
      exit(status)
    #else
      for path in arguments.dropFirst() {
        guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read '\(path)'") }
        target.run([UInt8](data))
        print("ran \(path)")
      }
    #endif
  }

  static let targetVariable = "CROSSCHECK_FUZZ_TARGET"

  static let usage = """
    usage: crosscheck-fuzz TARGET FILE…    run files through a target
           crosscheck-fuzz --list          list the targets
    """

  static func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
  }
}

#if FUZZING
  /// The target libFuzzer's callback runs: a C callback cannot capture it.
  nonisolated(unsafe) private var selected: FuzzTarget?
#endif
