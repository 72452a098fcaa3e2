#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension StringProtocol {
  /// Whether `needle`'s UTF-8 bytes occur in the string: an exact byte search, much cheaper
  /// than Foundation's locale-aware `contains` on the hot path of line classification.
  package func includes(_ needle: String) -> Bool {
    // Most needles are absent: look for their first byte with memchr before comparing.
    var pattern = needle
    return pattern.withUTF8 { needleBytes -> Bool in
      guard let first = needleBytes.first else { return true }
      let search = { (haystack: UnsafeBufferPointer<UInt8>) -> Bool in
        guard let base = haystack.baseAddress, haystack.count >= needleBytes.count else { return false }
        var start = 0
        while start + needleBytes.count <= haystack.count {
          guard let hit = memchr(base + start, Int32(first), haystack.count - start - needleBytes.count + 1) else { return false }
          let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
          if memcmp(base + offset, needleBytes.baseAddress!, needleBytes.count) == 0 { return true }
          start = offset + 1
        }
        return false
      }
      if let result = utf8.withContiguousStorageIfAvailable(search) { return result }
      return Array(utf8).withUnsafeBufferPointer(search)
    }
  }

  /// The byte offset just past the last occurrence of `needle`, or nil.
  package func byteOffset(afterLast needle: String) -> Int? {
    lastByteOffset(of: needle, from: 0, last: true).map { $0 + needle.utf8.count }
  }

  private func lastByteOffset(of needle: String, from start: Int, last: Bool) -> Int? {
    let pattern = Array(needle.utf8)
    guard !pattern.isEmpty else { return 0 }
    let search = { (haystack: UnsafeBufferPointer<UInt8>) -> Int? in
      guard haystack.count >= pattern.count else { return nil }
      var found: Int? = nil
      let first = pattern[0]
      var index = start
      let limit = haystack.count - pattern.count
      while index <= limit {
        if haystack[index] == first {
          var matched = true
          for offset in 1..<pattern.count where haystack[index + offset] != pattern[offset] {
            matched = false
            break
          }
          if matched {
            found = index
            if !last { return index }
          }
        }
        index += 1
      }
      return found
    }
    if let result = utf8.withContiguousStorageIfAvailable(search) { return result }
    return Array(utf8).withUnsafeBufferPointer(search)
  }
}
