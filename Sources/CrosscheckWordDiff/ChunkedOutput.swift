#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Output gathered in a buffer and handed to a sink in large chunks, so that a long diff is
/// written with few system calls and never held whole in memory.
///
/// The buffer is one fixed allocation filled with plain copies: a word diff appends a run
/// or a mark for every change, and an array's uniqueness check and growth path on every
/// append cost more than the copy itself.
package struct ChunkedOutput {
  /// The buffer's memory, freed with the last copy of the output.
  private final class Storage {
    let base: UnsafeMutablePointer<UInt8>

    init(capacity: Int) {
      base = .allocate(capacity: capacity)
    }

    deinit {
      base.deallocate()
    }
  }

  /// The size of the chunks handed to the sink: large enough that the calls cost nothing
  /// next to the diff, small enough to stay in the cache.
  package static let chunkSize = 1 << 15

  private let storage = Storage(capacity: chunkSize)
  /// How many bytes of the buffer are gathered.
  private var count = 0
  /// Where full chunks go.
  private let sink: (UnsafeBufferPointer<UInt8>) -> Void

  /// Output that hands its bytes to `sink` in chunks.
  package init(sink: @escaping ([UInt8]) -> Void) {
    self.sink = { sink(Array($0)) }
  }

  /// Output written to a file descriptor (standard output, for instance), straight from
  /// the buffer.
  package init(descriptor: Int32) {
    sink = { Self.writeAll(UnsafeRawBufferPointer($0), to: descriptor) }
  }

  /// The bytes gathered and not yet handed to the sink.
  package var pending: UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(start: storage.base, count: count)
  }

  /// Hands what is gathered to the sink.
  package mutating func flush() {
    if count > 0 { sink(pending) }
    count = 0
  }

  /// Adds bytes, handing a chunk to the sink whenever the buffer fills; a run longer than
  /// a chunk goes to the sink as it is, after what was gathered.
  @inline(__always)
  package mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let start = bytes.baseAddress else { return }
    if count + bytes.count > Self.chunkSize {
      flush()
      if bytes.count > Self.chunkSize {
        sink(bytes)
        return
      }
    }
    (storage.base + count).update(from: start, count: bytes.count)
    count += bytes.count
  }

  /// Adds bytes, handing a chunk to the sink whenever the buffer fills.
  package mutating func append(_ bytes: some Collection<UInt8>) {
    if let done: Void = bytes.withContiguousStorageIfAvailable({ append($0) }) { return done }
    for byte in bytes { appendByte(byte) }
  }

  /// Adds a string's UTF-8 bytes.
  package mutating func append(_ text: String) {
    var text = text
    text.withUTF8 { append($0) }
  }

  /// Adds the bytes of a literal without decoding anything.
  @inline(__always)
  package mutating func append(_ text: StaticString) {
    append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  /// Adds `bytes` between two marks of two bytes each (`[-` and `-]`, say), with one check
  /// of the room left for the three.
  @inline(__always)
  package mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, between opening: StaticString, and closing: StaticString) {
    precondition(opening.utf8CodeUnitCount == 2 && closing.utf8CodeUnitCount == 2, "marks of two bytes")
    guard let start = bytes.baseAddress, count + bytes.count + 4 <= Self.chunkSize else {
      append(opening)
      append(bytes)
      append(closing)
      return
    }
    let base = storage.base + count
    UnsafeMutableRawPointer(base).storeBytes(of: UnsafeRawPointer(opening.utf8Start).loadUnaligned(as: UInt16.self), as: UInt16.self)
    (base + 2).update(from: start, count: bytes.count)
    UnsafeMutableRawPointer(base + 2 + bytes.count).storeBytes(
      of: UnsafeRawPointer(closing.utf8Start).loadUnaligned(as: UInt16.self), as: UInt16.self)
    count += bytes.count + 4
  }

  /// Adds one byte, handing a chunk to the sink first if the buffer is full.
  @inline(__always)
  package mutating func appendByte(_ byte: UInt8) {
    if count == Self.chunkSize { flush() }
    storage.base[count] = byte
    count += 1
  }

  /// Writes all of `bytes` to a file descriptor, however many calls it takes; stops at the
  /// first error other than an interruption (a closed pipe, a full disk).
  package static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
    bytes.withUnsafeBytes { writeAll($0, to: descriptor) }
  }

  /// Writes all of `bytes` to a file descriptor, however many calls it takes; stops at the
  /// first error other than an interruption.
  package static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) {
    var offset = 0
    while offset < buffer.count {
      // The buffer is not empty here, so it has a base address.
      let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        return
      }
      offset += written
    }
  }
}
