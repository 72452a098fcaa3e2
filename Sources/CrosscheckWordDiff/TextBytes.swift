#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The UTF-8 bytes of a text a word diff compares: an array's, or a file's mapped into
/// memory.
///
/// A mapped file is read straight from the kernel's cache: no buffer is allocated, zeroed
/// and copied into, which for a file of a few megabytes is a good part of a diff's time.
/// The mapping lives as long as any copy of the value.
package struct TextBytes: RandomAccessCollection, @unchecked Sendable {
  // Unchecked: the bytes are never written once the value exists, and the owner keeps
  // them alive.

  /// What keeps the bytes alive: the array, or the mapping.
  private enum Storage {
    case array([UInt8])
    case mapped(Mapping)
  }

  /// A file mapped read-only, unmapped with the last reference.
  private final class Mapping {
    let base: UnsafeRawPointer
    let count: Int

    init(base: UnsafeRawPointer, count: Int) {
      self.base = base
      self.count = count
    }

    deinit {
      munmap(UnsafeMutableRawPointer(mutating: base), count)
    }
  }

  private let storage: Storage

  /// The bytes of an array.
  package init(_ bytes: [UInt8]) {
    storage = .array(bytes)
  }

  /// The bytes of a regular file mapped into memory, or `nil` when it cannot be (an empty
  /// file, or one the system will not map): read it instead.
  ///
  /// The file must not shrink while the value exists; reading a page cut off by the
  /// shrinking raises `SIGBUS` (the launcher reports that and stops).
  ///
  /// - Parameters:
  ///   - descriptor: An open descriptor of the file; it can be closed afterwards.
  ///   - count: The file's size in bytes.
  package init?(mapping descriptor: Int32, count: Int) {
    guard count > 0 else { return nil }
    #if os(Linux)
    // Pages read ahead and mapped together: the text is read front to back.
    let flags = MAP_PRIVATE | MAP_POPULATE
    #else
    let flags = MAP_PRIVATE
    #endif
    let address = mmap(nil, count, PROT_READ, flags, descriptor, 0)
    guard let address, address != MAP_FAILED else { return nil }
    storage = .mapped(Mapping(base: UnsafeRawPointer(address), count: count))
  }

  package var startIndex: Int { 0 }

  package var endIndex: Int {
    switch storage {
    case .array(let bytes): bytes.count
    case .mapped(let mapping): mapping.count
    }
  }

  package subscript(position: Int) -> UInt8 {
    precondition(position >= 0 && position < endIndex, "byte offset out of range")
    switch storage {
    case .array(let bytes): return bytes[position]
    case .mapped(let mapping): return mapping.base.load(fromByteOffset: position, as: UInt8.self)
    }
  }

  /// Calls `body` with a pointer to the bytes, valid during the call only.
  package func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
    switch storage {
    case .array(let bytes):
      return try bytes.withUnsafeBufferPointer(body)
    case .mapped(let mapping):
      return try body(UnsafeBufferPointer(start: mapping.base.assumingMemoryBound(to: UInt8.self), count: mapping.count))
    }
  }

  package func withContiguousStorageIfAvailable<Result>(
    _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
  ) rethrows -> Result? {
    try withUnsafeBufferPointer(body)
  }
}
