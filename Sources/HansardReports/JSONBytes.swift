import HansardIngestion

/// The bytes of JSON's scalars, shared by ``OrderedJSONEncoder`` and ``DebateJSONWriter`` so that both write the
/// same string escapes and number forms: one place decides how hansard's JSON looks at the byte level.
enum JSONBytes {
    /// A decimal integer.
    ///
    /// Short decimal strings are stored inline, so this allocates nothing.
    static func appendInteger<Integer: BinaryInteger>(_ value: Integer, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A Double: a whole number below 10^15 without a fraction (1, not 1.0, as JSONEncoder writes it), anything
    /// else in Swift's shortest form that reads back to the same value.
    /// - Throws: ``ReportError/nonFiniteNumber(_:)`` for NaN and infinities, which JSON cannot hold.
    static func appendDouble(_ value: Double, to bytes: inout [UInt8]) throws(ReportError) {
        guard value.isFinite else { throw .nonFiniteNumber(value) }
        if value == value.rounded(), abs(value) < 1e15 {
            bytes.append(contentsOf: String(Int64(value)).utf8)
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
    }

    /// A JSON string, quoted and escaped.
    ///
    /// Quotes, backslashes and control characters are escaped — C0 as JSON requires, and DEL and the
    /// C1 controls (U+0080–U+009F, which a terminal may obey: U+009B is CSI) as `\u007f` … `\u009f`, so that JSON
    /// printed on a terminal cannot drive it. Slashes are not escaped. The decoded value is the same.
    static func appendString(_ value: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var runStart = 0
            var index = 0
            let count = utf8.count
            while index < count {
                // Skip eight bytes at a time while none is a control character, a quote or a backslash.
                while index + 8 <= count,
                    let base = utf8.baseAddress,
                    !Self.needsEscape(UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt64.self))
                {
                    index += 8
                }
                guard index < count else { break }
                let byte = utf8[index]
                index += 1
                // DEL and the C1 controls (C2 80 … C2 9F) are escaped too.
                let isC1 = byte == 0xC2 && index < count && (0x80...0x9F).contains(utf8[index])
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F || isC1
                else { continue }
                let at = index - 1
                if runStart < at { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<at])) }
                if isC1 {
                    appendEscape(utf8[index], to: &bytes)
                    index += 1
                } else {
                    appendEscape(byte, to: &bytes)
                }
                runStart = index
            }
            if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// True when one of the eight bytes is below 0x20, a quote, a backslash, DEL or 0xC2 (which leads the C1
    /// controls, and also U+00A0–U+00BF, so a few words go the slow way) — a SWAR test: a byte is zero in
    /// `x ^ pattern` exactly where it equals the pattern's byte.
    private static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let below20 = (word &- ones &* 0x20) & ~word & highs
        func has(_ byte: UInt64) -> UInt64 {
            let masked = word ^ (ones &* byte)
            return (masked &- ones) & ~masked & highs
        }
        return (below20 | has(0x22) | has(0x5C) | has(0x7F) | has(0xC2)) != 0
    }

    private static func appendEscape(_ byte: UInt8, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
            bytes.append(Hex.digits[Int(byte >> 4)])
            bytes.append(Hex.digits[Int(byte & 0x0F)])
        }
    }
}
