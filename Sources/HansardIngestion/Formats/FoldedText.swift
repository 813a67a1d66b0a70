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
        let needed = count + buffer.count + 1
        if storage.count < needed {
            storage.append(contentsOf: repeatElement(0, count: max(needed, storage.count * 2, 256) - storage.count))
        }
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

    /// A line break or cell boundary: white space between words.
    mutating func appendSpace() {
        pendingSpace = count > 0
    }

    /// The folded text; the buffer is left empty for reuse.
    mutating func take() -> String {
        let text = string
        count = 0
        pendingSpace = false
        return text
    }

    var string: String { storage.withUnsafeBufferPointer { String(decoding: $0[0..<count], as: UTF8.self) } }
}
