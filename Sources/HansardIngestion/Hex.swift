/// Lower-case hexadecimal, two digits a byte.
///
/// How hansard writes SHA-256 digests, the ids made from them and JSON's `\u00XX` escapes; shared by the modules
/// (package access) so there is one spelling of it.
package enum Hex {
    /// The sixteen digits, as UTF-8 bytes.
    package static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    /// `bytes` as lower-case hex, two digits a byte.
    package static func string<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: output, as: UTF8.self)
    }
}
