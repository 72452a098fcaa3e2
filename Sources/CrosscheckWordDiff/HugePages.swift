#if canImport(Glibc)
import Glibc
#endif

/// Large buffers that are filled once, front to back (a file's bytes, a long text's tokens):
/// asking the kernel for 2 MiB pages there spares a page fault every 4 KiB, which otherwise
/// takes a fifth of a long diff's time.
enum HugePages {
  /// The size of a huge page on x86-64 and arm64 Linux.
  private static let size = 2 << 20

  /// Advises the kernel to back the whole huge pages inside `count` bytes from `start`
  /// with huge pages; does nothing for a buffer smaller than two of them, or where the
  /// advice is not available.
  static func advise(_ start: UnsafeMutableRawPointer, byteCount count: Int) {
    #if os(Linux)
    guard count >= 2 * size else { return }
    let address = Int(bitPattern: start)
    let first = (address + size - 1) & ~(size - 1)
    let end = (address + count) & ~(size - 1)
    guard end > first, let pointer = UnsafeMutableRawPointer(bitPattern: first) else { return }
    // Only advice: whatever the kernel answers, the buffer works.
    _ = madvise(pointer, end - first, MADV_HUGEPAGE)
    #endif
  }
}
