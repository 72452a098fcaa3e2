import Foundation

/// The processor time this process has used, for `set timing on`: on a busy machine a
/// truer measure of a command's cost than the time on the clock.
enum ProcessorTime {
  /// User and system time so far, in milliseconds.
  static func milliseconds() -> Double {
    var usage = rusage()
    guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
    func milliseconds(_ time: timeval) -> Double { Double(time.tv_sec) * 1000 + Double(time.tv_usec) / 1000 }
    return milliseconds(usage.ru_utime) + milliseconds(usage.ru_stime)
  }
}
