internal import CLibXML2

/// A borrowed view of a libxml2 node.
///
/// Valid only inside the `withParsedHTML`/`withParsedXML` closure that produced it; never store one.
struct MarkupNode {
    fileprivate let raw: xmlNodePtr

    init(_ raw: xmlNodePtr) { self.raw = raw }

    var isElement: Bool { raw.pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { raw.pointee.type == XML_TEXT_NODE || raw.pointee.type == XML_CDATA_SECTION_NODE }
    var isEntityReference: Bool { raw.pointee.type == XML_ENTITY_REF_NODE }

    /// The element's local name as written (HTML names are lower-case).
    var name: String {
        guard let name = raw.pointee.name else { return "" }
        return String(cString: name)
    }

    /// Compares the element name without making a String.
    ///
    /// `lowercaseName` must be ASCII.
    func isElement(_ lowercaseName: StaticString) -> Bool {
        guard isElement, let name = raw.pointee.name else { return false }
        return lowercaseName.withUTF8Buffer { expected in
            var index = 0
            while index < expected.count {
                let byte = name[index]
                if byte == 0 { return false }
                let folded = (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte
                if folded != expected[index] { return false }
                index += 1
            }
            return name[index] == 0
        }
    }

    /// The value of an attribute, or nil.
    func attribute(_ attributeName: String) -> String? {
        guard let attribute = xmlHasProp(raw, attributeName) else { return nil }
        // The usual attribute is one text node: read it in place instead of through xmlGetProp's
        // copy-then-free, which ran for every element the readers look at.
        if attribute.pointee.type == XML_ATTRIBUTE_NODE, let child = attribute.pointee.children,
            child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE, let content = child.pointee.content
        {
            return String(cString: content)
        }
        guard let value = xmlGetProp(raw, attributeName) else { return nil }
        defer { hansard_xmlFree(value) }
        return String(cString: value)
    }

    /// True when the `class` attribute lists `className`.
    func hasClass(_ className: String) -> Bool {
        guard let classes = attribute("class") else { return false }
        return classes.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            .contains { $0 == className }
    }

    var parent: MarkupNode? {
        raw.pointee.parent.flatMap { $0.pointee.type == XML_ELEMENT_NODE ? MarkupNode($0) : nil }
    }
    var firstChild: MarkupNode? { raw.pointee.children.map(MarkupNode.init) }
    var nextSibling: MarkupNode? { raw.pointee.next.map(MarkupNode.init) }

    /// The direct children, text and elements alike.
    var children: MarkupChildren { MarkupChildren(first: raw.pointee.children) }

    /// The direct element children.
    var elementChildren: [MarkupNode] { children.filter(\.isElement) }

    /// The text of a text node, without allocation beyond the String itself.
    var ownText: String {
        guard let content = raw.pointee.content else { return "" }
        return String(cString: content)
    }

    /// Calls `body` with the UTF-8 bytes of a text node's content, without making a String.
    func withOwnTextBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard let content = raw.pointee.content else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return body(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
    }

    /// All text beneath the node, in document order, exactly as in the source (no white space folding).
    var textContent: String {
        var bytes: [UInt8] = []
        appendText(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the UTF-8 of all text beneath the node.
    ///
    /// Works on bytes, without a String per text node, and without recursion, so that a page nested 100,000 elements
    /// deep cannot overflow the stack.
    func appendText(to bytes: inout [UInt8]) {
        var cursor = TreeCursor(raw)
        while true {
            let node = cursor.node
            let type = node.pointee.type
            var descend = false
            if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE {
                if let content = node.pointee.content {
                    bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
                }
            } else if type == XML_ENTITY_REF_NODE {
                // Internal entities only: external ones are refused before any node is read.
                if let content = xmlNodeGetContent(node) {
                    defer { hansard_xmlFree(content) }
                    bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
                }
            } else {
                descend = true
            }
            guard cursor.advance(descend: descend) else { return }
        }
    }

    /// Appends all text beneath the node to a string.
    func appendText(to result: inout String) {
        if isText, let content = raw.pointee.content {
            // One text node: no intermediate buffer.
            result += String(cString: content)
            return
        }
        var bytes: [UInt8] = []
        appendText(to: &bytes)
        result += String(decoding: bytes, as: UTF8.self)
    }

    /// All text beneath the node with runs of white space folded to one space and the ends trimmed,
    /// as a browser shows it.
    var foldedText: String {
        // Text and CDATA only (the common case): measure, then fold each node's bytes straight into the
        // string's storage, with no buffer in between. Entity references take the general path.
        var total = 0
        var cursor = TreeCursor(raw)
        while true {
            let node = cursor.node
            let type = node.pointee.type
            if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE {
                if let content = node.pointee.content { total += Int(xmlStrlen(content)) }
            } else if type == XML_ENTITY_REF_NODE {
                var bytes: [UInt8] = []
                appendText(to: &bytes)
                return String.foldingWhitespace(bytes)
            }
            guard cursor.advance(descend: true) else { break }
        }
        if total == 0 { return "" }
        return String(unsafeUninitializedCapacity: total) { output in
            var folder = WhitespaceFolder(output)
            var cursor = TreeCursor(raw)
            while true {
                let node = cursor.node
                let type = node.pointee.type
                if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE, let content = node.pointee.content {
                    folder.fold(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
                }
                guard cursor.advance(descend: true) else { break }
            }
            return folder.count
        }
    }

    /// Visits the node and its descendants in document order.
    ///
    /// Return `false` from `visit` to skip a node's descendants. Iterative, so nesting depth costs no stack.
    func walk(_ visit: (MarkupNode) throws(IngestionError) -> Bool) throws(IngestionError) {
        var cursor = TreeCursor(raw)
        while true {
            let descend = try visit(MarkupNode(cursor.node))
            guard cursor.advance(descend: descend) else { return }
        }
    }

    /// The first descendant element (or the node itself) that satisfies `predicate`.
    func firstElement(where predicate: (MarkupNode) -> Bool) -> MarkupNode? {
        var cursor = TreeCursor(raw)
        while true {
            let candidate = MarkupNode(cursor.node)
            if candidate.isElement && predicate(candidate) { return candidate }
            guard cursor.advance(descend: true) else { return nil }
        }
    }

    /// Every descendant element (and the node itself) that satisfies `predicate`, in document order.
    ///
    /// Does not look inside a matching element.
    func elements(where predicate: (MarkupNode) -> Bool) -> [MarkupNode] {
        var found: [MarkupNode] = []
        var cursor = TreeCursor(raw)
        while true {
            let candidate = MarkupNode(cursor.node)
            let matches = candidate.isElement && predicate(candidate)
            if matches { found.append(candidate) }
            guard cursor.advance(descend: !matches) else { return found }
        }
    }

    /// The source line libxml2 recorded for the node.
    var line: Int { Int(xmlGetLineNo(raw)) }
}

/// A walk in document order beneath a root, without recursion, so that nesting depth costs no stack.
///
/// An entity reference's children are the entity's own nodes, whose parent is the entity declaration,
/// not the reference; the cursor remembers the references it entered to climb back out of them.
private struct TreeCursor {
    let root: xmlNodePtr
    private(set) var node: xmlNodePtr
    private var enteredReferences: [xmlNodePtr] = []

    init(_ root: xmlNodePtr) {
        self.root = root
        node = root
    }

    /// Moves to the next node, into the current node's children when `descend` is true.
    ///
    /// Returns false when the walk beneath the root is done.
    mutating func advance(descend: Bool) -> Bool {
        if descend, let child = node.pointee.children {
            if node.pointee.type == XML_ENTITY_REF_NODE { enteredReferences.append(node) }
            node = child
            return true
        }
        var current = node
        while current != root {
            if let sibling = current.pointee.next {
                node = sibling
                return true
            }
            if let parent = current.pointee.parent, parent.pointee.type != XML_ENTITY_DECL {
                current = parent
            } else if let reference = enteredReferences.popLast() {
                current = reference
            } else {
                return false
            }
        }
        return false
    }
}

/// The children of a node as a sequence.
struct MarkupChildren: Sequence {
    fileprivate let first: xmlNodePtr?

    struct Iterator: IteratorProtocol {
        fileprivate var upcoming: xmlNodePtr?
        mutating func next() -> MarkupNode? {
            guard let current = upcoming else { return nil }
            upcoming = current.pointee.next
            return MarkupNode(current)
        }
    }

    func makeIterator() -> Iterator { Iterator(upcoming: first) }
}

extension String {
    /// Folds each run of white space (ASCII white space and line breaks) into one space and trims both ends.
    ///
    /// Non-breaking spaces are kept: the page printed them on purpose.
    func foldingWhitespace() -> String {
        var text = self
        return text.withUTF8 { String.foldingWhitespace($0) }
    }

    /// `foldingWhitespace()` of UTF-8 bytes, written straight into the new string's storage.
    static func foldingWhitespace(_ input: [UInt8]) -> String {
        input.withUnsafeBufferPointer { foldingWhitespace($0) }
    }

    static func foldingWhitespace(_ input: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: input.count) { output in
            var folder = WhitespaceFolder(output)
            folder.fold(input)
            return folder.count
        }
    }
}

/// Folds white space while copying UTF-8 into a buffer with room for the input and one more byte.
struct WhitespaceFolder {
    private let start: UnsafeMutablePointer<UInt8>?
    private var end: UnsafeMutablePointer<UInt8>?
    /// A run of white space was met after some text and is held back until more text follows.
    private(set) var pendingSpace = false

    init(_ output: UnsafeMutableBufferPointer<UInt8>) {
        start = output.baseAddress
        end = output.baseAddress
    }

    /// Continues folding into `output`, whose first `written` bytes already hold folded text.
    init(_ output: UnsafeMutableBufferPointer<UInt8>, continuingAfter written: Int, pendingSpace: Bool) {
        start = output.baseAddress
        end = output.baseAddress.map { $0 + written }
        self.pendingSpace = pendingSpace
    }

    /// Bytes written so far.
    var count: Int {
        guard let start, let end else { return 0 }
        return end - start
    }

    /// Copies `input`, each run of white space (here or continuing from the last call) as one space, none at the start.
    ///
    /// A run at the end is held back until more text follows, so ends are trimmed.
    /// - Returns: how many bytes of text (not white space) were copied.
    @discardableResult
    mutating func fold(_ input: UnsafeBufferPointer<UInt8>) -> Int {
        guard let start, var end else { return 0 }
        var visible = 0
        for byte in input {
            // Every white-space byte is at most 0x20: one comparison settles most bytes.
            if byte > 0x20 || !byte.isASCIIWhitespace {
                if pendingSpace {
                    end.pointee = 0x20
                    end += 1
                    pendingSpace = false
                }
                end.pointee = byte
                end += 1
                visible += 1
            } else {
                pendingSpace = end != start
            }
        }
        self.end = end
        return visible
    }
}
