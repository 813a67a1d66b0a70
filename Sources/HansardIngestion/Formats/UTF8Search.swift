#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Byte-wise text search for the readers. They test short names, ids and class lists against fixed
// phrases many times per page; the standard `contains(_:)` builds a search table on every call, which
// cost more than the libxml2 parse itself.

extension StringProtocol {
    /// True when the UTF-8 bytes of `needle` occur in the string.
    func containsBytes(_ needle: String) -> Bool { rangeOfBytes(needle) != nil }

    /// The first occurrence of `needle`'s UTF-8 bytes, or nil.
    func rangeOfBytes(_ needle: String) -> Range<Index>? {
        let found: Int?? = utf8.withContiguousStorageIfAvailable { hay in
            needle.utf8.withContiguousStorageIfAvailable { pattern in firstByteOffset(of: pattern, in: hay) } ?? nil
        }
        let offset: Int?
        if let found {
            offset = found
        } else {
            offset = Array(utf8).withUnsafeBufferPointer { hay in
                Array(needle.utf8).withUnsafeBufferPointer { firstByteOffset(of: $0, in: hay) }
            }
        }
        guard let offset else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        return start..<utf8.index(start, offsetBy: needle.utf8.count)
    }
}

/// The offset of the first occurrence of `pattern` in `hay`, or nil.
///
/// `memchr` finds each candidate first byte and `memcmp` checks the rest (memmem is a GNU extension that
/// Glibc's module does not export). The analysis's rule pre-test uses it too, hence `package`.
package func firstByteOffset(of pattern: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let first = pattern.first else { return 0 }
    guard hay.count >= pattern.count, let base = hay.baseAddress, let wanted = pattern.baseAddress else { return nil }
    let lastStart = hay.count - pattern.count
    var start = 0
    while start <= lastStart {
        guard let found = memchr(base + start, Int32(first), lastStart - start + 1) else { return nil }
        let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        if memcmp(base + offset, wanted, pattern.count) == 0 { return offset }
        start = offset + 1
    }
    return nil
}

extension String {
    /// Lower-cases ASCII letters only: office names are English, and this is far cheaper than `lowercased()`.
    func asciiLowercased() -> String {
        String(decoding: utf8.map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 + 0x20 : $0 }, as: UTF8.self)
    }
}
