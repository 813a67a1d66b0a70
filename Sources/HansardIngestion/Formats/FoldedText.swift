/// Text folded as a browser shows it (runs of white space to one space, ends trimmed), built as it is
/// read: one pass over libxml2's bytes instead of a String per text node and a second folding pass.
struct FoldedText {
    /// Bytes `0..<count` hold the text; the rest is room to grow, so appending writes through one
    /// pointer instead of growing an array byte by byte.
    private var storage: [UInt8] = []
    private var count = 0
    private var pendingSpace = false

    /// True while no visible character has been added.
    var isEmpty: Bool { count == 0 }

    /// Adds bytes, folding white space; returns how many visible bytes were added.
    @discardableResult
    mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
        reserve(count + buffer.count + 1)
        var visible = 0
        storage.withUnsafeMutableBufferPointer { output in
            var folder = WhitespaceFolder(output, continuingAfter: count, pendingSpace: pendingSpace)
            visible = folder.fold(buffer)
            count = folder.count
            pendingSpace = folder.pendingSpace
        }
        return visible
    }

    @discardableResult
    mutating func append(_ string: String) -> Int {
        var string = string
        return string.withUTF8 { append($0) }
    }

    /// Adds the text of a text node straight from the tree.
    @discardableResult
    mutating func append(textOf node: MarkupNode) -> Int {
        node.withOwnTextBytes { append($0) }
    }

    /// Adds bytes as `append` does, without counting them: for streaming readers, which fold every byte of a page's
    /// text.
    ///
    /// Text that is folded already but for its ends (most of it) is copied whole; the rest is folded up to eight bytes
    /// a step.
    mutating func fold(_ input: UnsafeBufferPointer<UInt8>) {
        guard let bytes = input.baseAddress, !input.isEmpty else { return }
        let length = input.count
        var first = 0
        while first < length && Self.isFoldable(bytes[first]) { first += 1 }
        if first == length {
            pendingSpace = pendingSpace || count > 0
            return
        }
        var end = length
        while Self.isFoldable(bytes[end - 1]) { end -= 1 }
        if first > 0 && count > 0 { pendingSpace = true }
        // Room for every byte, a pending space, and 8 bytes of slack for the word-wide stores below.
        reserve(count + length + 9)
        var written = count
        var pending = pendingSpace
        storage.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            if pending {
                base[written] = 0x20
                written += 1
                pending = false
            }
            let middle = end - first
            if Self.isFolded(bytes + first, count: middle) {
                (base + written).update(from: bytes + first, count: middle)
                written += middle
                return
            }
            let source = UnsafeRawPointer(bytes)
            let target = UnsafeMutableRawPointer(base)
            var index = first
            while index < end {
                if index + 8 <= end {
                    // Copy the run of bytes above 0x20 up to eight at a time: the lowest byte the
                    // test flags is the first one at or below 0x20 (higher flags may be borrows).
                    let raw = source.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    let word = UInt64(littleEndian: raw)
                    let low = (word &- 0x2121_2121_2121_2121) & ~word & 0x8080_8080_8080_8080
                    let run = low == 0 ? 8 : low.trailingZeroBitCount / 8
                    if run > 0 {
                        if pending {
                            base[written] = 0x20
                            written += 1
                            pending = false
                        }
                        target.storeBytes(of: raw, toByteOffset: written, as: UInt64.self)
                        written += run
                        index += run
                        continue
                    }
                }
                let byte = bytes[index]
                if Self.isFoldable(byte) {
                    pending = true
                } else {
                    if pending {
                        base[written] = 0x20
                        written += 1
                        pending = false
                    }
                    base[written] = byte
                    written += 1
                }
                index += 1
            }
        }
        count = written
        pendingSpace = end < length
    }

    /// A line break or cell boundary: white space between words.
    mutating func appendSpace() {
        pendingSpace = count > 0
    }

    /// The folded text; the buffer is left empty for reuse.
    mutating func take() -> String {
        let text = string
        clear()
        return text
    }

    /// Empties the buffer, keeping its room.
    mutating func clear() {
        count = 0
        pendingSpace = false
    }

    var string: String { storage.withUnsafeBufferPointer { String(decoding: $0[0..<count], as: UTF8.self) } }

    private mutating func reserve(_ needed: Int) {
        if storage.count < needed {
            storage.append(contentsOf: repeatElement(0, count: max(needed, storage.count * 2, 256) - storage.count))
        }
    }

    /// Space, tab, LF, FF, CR: the bytes `foldingWhitespace` folds.
    private static func isFoldable(_ byte: UInt8) -> Bool {
        byte <= 0x20 && (0x1_0000_3600 as UInt64) >> UInt64(byte) & 1 == 1
    }

    /// True when the bytes hold no control character and no two spaces in a row, so folding leaves them as they are.
    ///
    /// Checks eight bytes at a time (SWAR).
    private static func isFolded(_ bytes: UnsafePointer<UInt8>, count: Int) -> Bool {
        let raw = UnsafeRawPointer(bytes)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        var index = 0
        // The high bit of the lowest byte is set when the byte before this word was a space.
        var spaceBefore: UInt64 = 0
        while index + 8 <= count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            // Some byte is below 0x20 (exact as a yes/no test).
            if (word &- ones &* 0x20) & ~word & highs != 0 { return false }
            // The high bit of each byte that is a space, exactly (no borrows between bytes).
            let x = word ^ (ones &* 0x20)
            let spaces = ~(((x & lows) &+ lows) | x) & highs
            if spaces & ((spaces << 8) | spaceBefore) != 0 { return false }
            spaceBefore = spaces >> 56
            index += 8
        }
        var previousWasSpace = spaceBefore != 0
        while index < count {
            let byte = bytes[index]
            if byte < 0x20 || (byte == 0x20 && previousWasSpace) { return false }
            previousWasSpace = byte == 0x20
            index += 1
        }
        return true
    }
}
