/// A JSON value as text, for comparing two encoders' output: scalars keep their exact source text
/// (escapes and number formatting included) and objects keep their keys in the order written.
indirect enum JSONTree: Equatable {
    case scalar(String)
    case array([JSONTree])
    case object([(key: String, value: JSONTree)])

    static func == (lhs: JSONTree, rhs: JSONTree) -> Bool {
        switch (lhs, rhs) {
        case (.scalar(let a), .scalar(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.map(\.key) == b.map(\.key) && zip(a, b).allSatisfy { $0.value == $1.value }
        default: return false
        }
    }

    /// The same value with every object's keys sorted: equal for two encodings that differ only in key order.
    var sortingKeys: JSONTree {
        switch self {
        case .scalar: return self
        case .array(let items): return .array(items.map(\.sortingKeys))
        case .object(let members):
            return .object(members.map { ($0.key, $0.value.sortingKeys) }.sorted { $0.key < $1.key })
        }
    }

    /// The same value with every object member whose value is `null` left out: how Foundation's JSONEncoder writes
    /// an absent value through synthesized Codable, where hansard writes `null` (docs/schemas/json.md).
    var droppingNulls: JSONTree {
        switch self {
        case .scalar: return self
        case .array(let items): return .array(items.map(\.droppingNulls))
        case .object(let members):
            return .object(members.filter { $0.value != .scalar("null") }.map { ($0.key, $0.value.droppingNulls) })
        }
    }

    /// The keys of this object, in written order.
    var keys: [String] {
        if case .object(let members) = self { return members.map(\.key) }
        return []
    }

    subscript(key: String) -> JSONTree? {
        if case .object(let members) = self { return members.first { $0.key == key }?.value }
        return nil
    }

    var items: [JSONTree] {
        if case .array(let items) = self { return items }
        return []
    }

    var isNull: Bool { self == .scalar("null") }

    /// Parses JSON text; nil when it is not valid JSON.
    init?(parsing text: String) {
        var parser = Parser(bytes: Array(text.utf8))
        guard let value = parser.value() else { return nil }
        parser.skipSpace()
        guard parser.index == parser.bytes.count else { return nil }
        self = value
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }

        mutating func value() -> JSONTree? {
            skipSpace()
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var members: [(key: String, value: JSONTree)] = []
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return .object(members)
                }
                while true {
                    skipSpace()
                    guard let key = stringText() else { return nil }
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
                    index += 1
                    guard let member = value() else { return nil }
                    members.append((String(key.dropFirst().dropLast()), member))
                    skipSpace()
                    guard index < bytes.count else { return nil }
                    if bytes[index] == UInt8(ascii: ",") {
                        index += 1
                    } else if bytes[index] == UInt8(ascii: "}") {
                        index += 1
                        return .object(members)
                    } else {
                        return nil
                    }
                }
            case UInt8(ascii: "["):
                index += 1
                var items: [JSONTree] = []
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return .array(items)
                }
                while true {
                    guard let item = value() else { return nil }
                    items.append(item)
                    skipSpace()
                    guard index < bytes.count else { return nil }
                    if bytes[index] == UInt8(ascii: ",") {
                        index += 1
                    } else if bytes[index] == UInt8(ascii: "]") {
                        index += 1
                        return .array(items)
                    } else {
                        return nil
                    }
                }
            case UInt8(ascii: "\""):
                return stringText().map(JSONTree.scalar)
            default:
                let start = index
                while index < bytes.count, !",]} \n\r\t".utf8.contains(bytes[index]) { index += 1 }
                return index > start ? .scalar(String(decoding: bytes[start..<index], as: UTF8.self)) : nil
            }
        }

        /// A string token's source text, quotes and escapes included.
        mutating func stringText() -> String? {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            let start = index
            index += 1
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "\\") {
                    index += 2
                    continue
                }
                if bytes[index] == UInt8(ascii: "\"") {
                    index += 1
                    return String(decoding: bytes[start..<index], as: UTF8.self)
                }
                index += 1
            }
            return nil
        }
    }
}
