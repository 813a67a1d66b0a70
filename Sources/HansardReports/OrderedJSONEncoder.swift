// Foundation's JSONEncoder on Linux writes an object's keys in hash order, which differs from run to run;
// hansard promises keys in schema order and byte-identical output for the same input. This encoder keeps
// the order in which `encode(to:)` writes the keys and serialises straight to UTF-8 bytes.

/// Encodes `Encodable` values as JSON, keeping keys in the order they are encoded.
struct OrderedJSONEncoder {
    /// Indent nested values by two spaces a level and put each member on its own line.
    var prettyPrinted = false

    func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        let root = JSONSlot()
        try value.encode(to: TreeEncoder(slot: root, codingPath: []))
        var writer = JSONWriter(prettyPrinted: prettyPrinted)
        try writer.write(root.value)
        return writer.bytes
    }
}

// MARK: - Tree

private indirect enum JSONValue {
    case null
    case bool(Bool)
    case integer(Int64)
    case unsigned(UInt64)
    case double(Double)
    case string(String)
    case object(JSONObject)
    case array(JSONArray)
}

private final class JSONSlot {
    var value: JSONValue = .null
}

private final class JSONObject {
    var keys: [String] = []
    var slots: [JSONSlot] = []

    /// The slot for `key`: a key encoded twice keeps its first position, as a dictionary would keep one value.
    func slot(for key: String) -> JSONSlot {
        if let index = keys.firstIndex(of: key) { return slots[index] }
        let slot = JSONSlot()
        keys.append(key)
        slots.append(slot)
        return slot
    }
}

private final class JSONArray {
    var slots: [JSONSlot] = []

    func appendSlot() -> JSONSlot {
        let slot = JSONSlot()
        slots.append(slot)
        return slot
    }
}

private struct IndexKey: CodingKey {
    var stringValue: String { String(intValue!) }
    var intValue: Int?
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

/// Puts a value into a slot, taking the fast path for the scalar types the models use.
private func store<Value: Encodable>(_ value: Value, in slot: JSONSlot, codingPath: [any CodingKey]) throws {
    switch value {
    case let string as String: slot.value = .string(string)
    case let bool as Bool: slot.value = .bool(bool)
    case let integer as Int: slot.value = .integer(Int64(integer))
    case let double as Double: slot.value = .double(double)
    default: try value.encode(to: TreeEncoder(slot: slot, codingPath: codingPath))
    }
}

private struct TreeEncoder: Encoder {
    let slot: JSONSlot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let object: JSONObject
        if case .object(let existing) = slot.value {
            object = existing
        } else {
            object = JSONObject()
            slot.value = .object(object)
        }
        return KeyedEncodingContainer(KeyedContainer<Key>(object: object, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let array: JSONArray
        if case .array(let existing) = slot.value {
            array = existing
        } else {
            array = JSONArray()
            slot.value = .array(array)
        }
        return UnkeyedContainer(array: array, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(slot: slot, codingPath: codingPath)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: JSONObject
    let codingPath: [any CodingKey]

    private func slot(_ key: Key) -> JSONSlot { object.slot(for: key.stringValue) }

    mutating func encodeNil(forKey key: Key) throws { slot(key).value = .null }
    mutating func encode(_ value: Bool, forKey key: Key) throws { slot(key).value = .bool(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { slot(key).value = .string(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { slot(key).value = .double(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { slot(key).value = .double(Double(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { slot(key).value = .integer(Int64(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { slot(key).value = .integer(Int64(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { slot(key).value = .integer(Int64(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { slot(key).value = .integer(Int64(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { slot(key).value = .integer(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { slot(key).value = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { slot(key).value = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { slot(key).value = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { slot(key).value = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { slot(key).value = .unsigned(value) }

    mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws {
        try store(value, in: slot(key), codingPath: codingPath + [key])
    }

    // Synthesized `encode(to:)` writes an Optional through `encodeIfPresent`, which by default leaves the key out.
    // hansard's schemas keep every key and write an unknown value as `null` (docs/schemas/json.md), so these do.
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try encodeOrNull(value, forKey: key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try encodeOrNull(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try encodeOrNull(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try encodeOrNull(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try encodeOrNull(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try encodeOrNull(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try encodeOrNull(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try encodeOrNull(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try encodeOrNull(value, forKey: key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try encodeOrNull(value, forKey: key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try encodeOrNull(value, forKey: key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try encodeOrNull(value, forKey: key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try encodeOrNull(value, forKey: key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try encodeOrNull(value, forKey: key) }
    mutating func encodeIfPresent<Value: Encodable>(_ value: Value?, forKey key: Key) throws {
        try encodeOrNull(value, forKey: key)
    }

    private mutating func encodeOrNull<Value: Encodable>(_ value: Value?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        TreeEncoder(slot: slot(key), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        TreeEncoder(slot: slot(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        TreeEncoder(slot: object.slot(for: "super"), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        TreeEncoder(slot: slot(key), codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let array: JSONArray
    let codingPath: [any CodingKey]
    var count: Int { array.slots.count }

    private func next() -> JSONSlot { array.appendSlot() }

    mutating func encodeNil() throws { next().value = .null }
    mutating func encode(_ value: Bool) throws { next().value = .bool(value) }
    mutating func encode(_ value: String) throws { next().value = .string(value) }
    mutating func encode(_ value: Double) throws { next().value = .double(value) }
    mutating func encode(_ value: Float) throws { next().value = .double(Double(value)) }
    mutating func encode(_ value: Int) throws { next().value = .integer(Int64(value)) }
    mutating func encode(_ value: Int8) throws { next().value = .integer(Int64(value)) }
    mutating func encode(_ value: Int16) throws { next().value = .integer(Int64(value)) }
    mutating func encode(_ value: Int32) throws { next().value = .integer(Int64(value)) }
    mutating func encode(_ value: Int64) throws { next().value = .integer(value) }
    mutating func encode(_ value: UInt) throws { next().value = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { next().value = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { next().value = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { next().value = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { next().value = .unsigned(value) }

    mutating func encode<Value: Encodable>(_ value: Value) throws {
        let path = codingPath + [IndexKey(count)]
        try store(value, in: next(), codingPath: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        let path = codingPath + [IndexKey(count)]
        return TreeEncoder(slot: next(), codingPath: path).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = codingPath + [IndexKey(count)]
        return TreeEncoder(slot: next(), codingPath: path).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let path = codingPath + [IndexKey(count)]
        return TreeEncoder(slot: next(), codingPath: path)
    }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let slot: JSONSlot
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { slot.value = .null }
    mutating func encode(_ value: Bool) throws { slot.value = .bool(value) }
    mutating func encode(_ value: String) throws { slot.value = .string(value) }
    mutating func encode(_ value: Double) throws { slot.value = .double(value) }
    mutating func encode(_ value: Float) throws { slot.value = .double(Double(value)) }
    mutating func encode(_ value: Int) throws { slot.value = .integer(Int64(value)) }
    mutating func encode(_ value: Int8) throws { slot.value = .integer(Int64(value)) }
    mutating func encode(_ value: Int16) throws { slot.value = .integer(Int64(value)) }
    mutating func encode(_ value: Int32) throws { slot.value = .integer(Int64(value)) }
    mutating func encode(_ value: Int64) throws { slot.value = .integer(value) }
    mutating func encode(_ value: UInt) throws { slot.value = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { slot.value = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { slot.value = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { slot.value = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { slot.value = .unsigned(value) }

    mutating func encode<Value: Encodable>(_ value: Value) throws {
        try store(value, in: slot, codingPath: codingPath)
    }
}

// MARK: - Writer

private struct JSONWriter {
    let prettyPrinted: Bool
    var bytes: [UInt8] = []

    init(prettyPrinted: Bool) {
        self.prettyPrinted = prettyPrinted
        bytes.reserveCapacity(1 << 16)
    }

    mutating func write(_ value: JSONValue, depth: Int = 0) throws {
        switch value {
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .integer(let number): JSONBytes.appendInteger(number, to: &bytes)
        case .unsigned(let number): JSONBytes.appendInteger(number, to: &bytes)
        case .double(let number): try JSONBytes.appendDouble(number, to: &bytes)
        case .string(let text): JSONBytes.appendString(text, to: &bytes)
        case .object(let object):
            guard !object.keys.isEmpty else { return append("{}") }
            bytes.append(UInt8(ascii: "{"))
            for index in object.keys.indices {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(depth + 1)
                JSONBytes.appendString(object.keys[index], to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                if prettyPrinted { bytes.append(UInt8(ascii: " ")) }
                try write(object.slots[index].value, depth: depth + 1)
            }
            newline(depth)
            bytes.append(UInt8(ascii: "}"))
        case .array(let array):
            guard !array.slots.isEmpty else { return append("[]") }
            bytes.append(UInt8(ascii: "["))
            for index in array.slots.indices {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(depth + 1)
                try write(array.slots[index].value, depth: depth + 1)
            }
            newline(depth)
            bytes.append(UInt8(ascii: "]"))
        }
    }

    private mutating func newline(_ depth: Int) {
        guard prettyPrinted else { return }
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }
}
