internal import CLibXML2

/// A borrowed view of a libxml2 node. Valid only inside the `withParsedHTML`/`withParsedXML`
/// closure that produced it; never store one.
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

    /// Compares the element name without making a String. `lowercaseName` must be ASCII.
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

    var parent: MarkupNode? { raw.pointee.parent.flatMap { $0.pointee.type == XML_ELEMENT_NODE ? MarkupNode($0) : nil } }
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
        var result = ""
        appendText(to: &result)
        return result
    }

    func appendText(to result: inout String) {
        if isText {
            if let content = raw.pointee.content { result += String(cString: content) }
            return
        }
        if isEntityReference {
            // Internal entities only: external ones are refused before any node is read.
            if let content = xmlNodeGetContent(raw) {
                defer { hansard_xmlFree(content) }
                result += String(cString: content)
            }
            return
        }
        var child = raw.pointee.children
        while let node = child {
            MarkupNode(node).appendText(to: &result)
            child = node.pointee.next
        }
    }

    /// All text beneath the node with runs of white space folded to one space and the ends trimmed,
    /// as a browser shows it.
    var foldedText: String { textContent.foldingWhitespace() }

    /// Visits the node and its descendants in document order. Return `false` from `visit`
    /// to skip a node's descendants.
    func walk(_ visit: (MarkupNode) throws(IngestionError) -> Bool) throws(IngestionError) {
        guard try visit(self) else { return }
        var child = raw.pointee.children
        while let node = child {
            try MarkupNode(node).walk(visit)
            child = node.pointee.next
        }
    }

    /// The first descendant element (or the node itself) that satisfies `predicate`.
    func firstElement(where predicate: (MarkupNode) -> Bool) -> MarkupNode? {
        if isElement && predicate(self) { return self }
        var child = raw.pointee.children
        while let node = child {
            if let found = MarkupNode(node).firstElement(where: predicate) { return found }
            child = node.pointee.next
        }
        return nil
    }

    /// Every descendant element (and the node itself) that satisfies `predicate`, in document order.
    /// Does not look inside a matching element.
    func elements(where predicate: (MarkupNode) -> Bool) -> [MarkupNode] {
        var found: [MarkupNode] = []
        collect(into: &found, where: predicate)
        return found
    }

    private func collect(into found: inout [MarkupNode], where predicate: (MarkupNode) -> Bool) {
        if isElement && predicate(self) {
            found.append(self)
            return
        }
        var child = raw.pointee.children
        while let node = child {
            MarkupNode(node).collect(into: &found, where: predicate)
            child = node.pointee.next
        }
    }

    /// The source line libxml2 recorded for the node.
    var line: Int { Int(xmlGetLineNo(raw)) }
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
    /// Non-breaking spaces are kept: the page printed them on purpose.
    func foldingWhitespace() -> String {
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count)
        var pendingSpace = false
        for byte in utf8 {
            if byte.isASCIIWhitespace {
                pendingSpace = !output.isEmpty
            } else {
                if pendingSpace {
                    output.append(0x20)
                    pendingSpace = false
                }
                output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
