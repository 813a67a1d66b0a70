/// Escapes the characters a terminal acts on instead of showing: the C0 controls (ESC starts the sequences that clear
/// the screen, set the window title or write the clipboard; BEL rings), DEL, and the C1 controls U+0080–U+009F (U+009B
/// is a one-character CSI).
///
/// Text from a page, a file name, or a user's note or evidence reaches the terminal only through this: each control is
/// written visibly, as `\x1B` (C0 and DEL) or `\u009B` (C1), so nothing is lost and nothing is obeyed.
public enum ControlCharacters {
    /// What may stay as it is.
    public struct Kept: OptionSet, Sendable {
        /// The set's bits.
        public let rawValue: Int
        /// The set with these bits.
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// Line feed (U+000A).
        public static let lineFeed = Kept(rawValue: 1)
        /// Carriage return (U+000D): CSV's record separator is CR LF.
        public static let carriageReturn = Kept(rawValue: 2)
        /// Horizontal tab (U+0009).
        public static let tab = Kept(rawValue: 4)
        /// The line breaks and tabs of multi-line text.
        public static let layout: Kept = [.lineFeed, .carriageReturn, .tab]
    }

    /// `text` with every control character escaped but those in `kept`.
    public static func escaped(_ text: String, keeping kept: Kept = []) -> String {
        guard needsEscaping(text, keeping: kept) else { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if isControl(value) && !isKept(value, kept) {
                output += value < 0x80 ? "\\x" + hex(value) : "\\u00" + hex(value)
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// Whether `text` holds a control character not in `kept`: a byte scan, since nearly all text has none.
    public static func needsEscaping(_ text: String, keeping kept: Kept = []) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x20 || byte == 0x7F {
                    if !isKept(UInt32(byte), kept) { return true }
                } else if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) {
                    return true
                }
                index += 1
            }
            return false
        }
    }

    static func isControl(_ value: UInt32) -> Bool { value < 0x20 || (0x7F...0x9F).contains(value) }

    private static func isKept(_ value: UInt32, _ kept: Kept) -> Bool {
        switch value {
        case 0x0A: return kept.contains(.lineFeed)
        case 0x0D: return kept.contains(.carriageReturn)
        case 0x09: return kept.contains(.tab)
        default: return false
        }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return digits.count < 2 ? "0" + digits : digits
    }
}
