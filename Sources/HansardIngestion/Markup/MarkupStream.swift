internal import CLibXML2

// Streaming reads: libxml2 parses with SAX callbacks and builds no tree; a handler sees each element, its
// attributes and its text once, in document order, and copies what it keeps straight into Swift values.
//
// The events are exactly the tree libxml2 would have built with the same options, so a streaming reader
// gives the same debate as a walk over that tree:
// - blank text: with keepBlanks (libxml2's default), white space between elements reaches `characters` in
//   tree and SAX mode alike; `ignorableWhitespace` only ever sees what the tree builder drops too;
// - HTML elements after the root has closed: the tree builder hangs them under the document's first child,
//   so they become children of the root when nothing (DOCTYPE, comment, processing instruction) came first,
//   and siblings of the root otherwise. The stream delivers them the same way;
// - XML entity references: with entities not substituted, libxml2 parses an entity's replacement text in
//   a parser context of its own, with these callbacks, and then reports the reference. That text is
//   gathered and delivered at the reference, as the tree reader reads an entity reference node's content;
// - start tags libxml2 gives up on ("Couldn't find end of Start Tag"): the element was reported, then
//   popped from the parser's stacks with no end reported, so the tree holds it empty and what follows goes
//   to its parent. The stream checks the parser's own count of open elements at every event and ends
//   such elements there;
// - attributes: HTML values as libxml2 decoded them (a bare boolean attribute's value is its name, any other
//   bare attribute is empty); XML values with their character and entity references decoded, and with the
//   defaults a DTD declares, which reading an attribute from the tree finds too.

/// What a handler wants after an element starts.
enum StreamDecision {
    /// Deliver the element's content and its end.
    case enter
    /// Deliver nothing more of this element: not its content, not its end.
    case skip
    /// Stop reading the document: the handler has seen what it needed, or that it cannot read this page.
    case stop
}

/// Receives a document's markup from ``MarkupStream``.
///
/// Handlers are classes: libxml2 calls back into C function pointers, which reach the handler through the stream.
protocol MarkupStreamHandler: AnyObject {
    /// An element starts; `element` is valid only during the call.
    func startElement(_ element: StreamElement) -> StreamDecision
    /// The element last entered ends.
    func endElement()
    /// Text: character data, CDATA, or (XML) an entity reference's replacement text. Valid only during the call.
    func text(_ bytes: UnsafeBufferPointer<UInt8>)
}

/// An element as it starts: its name, its depth below the root (the root is 0) and its attributes.
struct StreamElement {
    /// The element name's bytes as written (libxml2 lower-cases HTML names).
    let name: UnsafeBufferPointer<UInt8>
    let depth: Int
    fileprivate let attributes: Attributes

    fileprivate enum Attributes {
        /// HTML: name, value, name, value, …, NULL; a value may be NULL.
        case html(UnsafeMutablePointer<UnsafePointer<xmlChar>?>?)
        /// XML (SAX2): localname, prefix, URI, value, value end; `count` of them.
        case xml(UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, count: Int, document: xmlDocPtr?)
    }

    /// Compares the name with ASCII upper case folded, as ``MarkupNode/isElement(_:)`` does.
    ///
    /// `lowercaseName` must be ASCII.
    func isNamed(_ lowercaseName: StaticString) -> Bool {
        guard lowercaseName.utf8CodeUnitCount == name.count else { return false }
        return lowercaseName.withUTF8Buffer { expected in
            for index in 0..<expected.count {
                let byte = name[index]
                let folded = (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte
                if folded != expected[index] { return false }
            }
            return true
        }
    }

    /// True when the element has the attribute, whatever its value.
    func hasAttribute(_ attributeName: StaticString) -> Bool {
        withAttribute(attributeName) { $0 != nil }
    }

    /// The attribute's value, or nil.
    func attribute(_ attributeName: StaticString) -> String? {
        withAttribute(attributeName) { bytes in bytes.map { String(decoding: $0, as: UTF8.self) } }
    }

    /// The values of the named attributes, in one pass over the element's attributes, nil where absent;
    /// the first attribute of a name counts, as `xmlHasProp` finds it.
    func attributeValues(_ names: [StaticString]) -> [String?] {
        var values = [String?](repeating: nil, count: names.count)
        forEachAttribute { attributeName, value in
            for slot in names.indices where values[slot] == nil && Self.equals(attributeName, names[slot]) {
                values[slot] = String(decoding: value, as: UTF8.self)
                break
            }
            return true
        }
        return values
    }

    /// Calls `body` with the value's UTF-8, or nil when the element lacks the attribute; no String is made.
    func withAttribute<Result>(_ attributeName: StaticString, _ body: (UnsafeBufferPointer<UInt8>?) -> Result)
        -> Result
    {
        var result: Result?
        forEachAttribute { candidate, value in
            guard Self.equals(candidate, attributeName) else { return true }
            result = body(value)
            return false
        }
        return result ?? body(nil)
    }

    /// Visits each attribute's name and value until `visit` returns false.
    private func forEachAttribute(
        _ visit: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Bool
    ) {
        switch attributes {
        case .html(let list):
            guard let list else { return }
            var index = 0
            while let attributeName = list[index] {
                let nameBytes = UnsafeBufferPointer(start: attributeName, count: Int(xmlStrlen(attributeName)))
                let keepGoing: Bool
                if let value = list[index + 1] {
                    keepGoing = visit(nameBytes, UnsafeBufferPointer(start: value, count: Int(xmlStrlen(value))))
                } else if htmlIsBooleanAttr(attributeName) != 0 {
                    // The tree builder gives `<input checked>` the value "checked".
                    keepGoing = visit(nameBytes, nameBytes)
                } else {
                    keepGoing = visit(nameBytes, UnsafeBufferPointer(start: nil, count: 0))
                }
                if !keepGoing { return }
                index += 2
            }
        case .xml(let list, let count, let document):
            guard let list else { return }
            for attribute in 0..<count {
                let base = attribute * 5
                guard let localName = list[base] else { continue }
                // An attribute whose prefix is not declared is named "prefix:name" in the tree: no plain name
                // matches it.
                if list[base + 1] != nil && list[base + 2] == nil { continue }
                guard let start = list[base + 3], let end = list[base + 4] else { continue }
                let nameBytes = UnsafeBufferPointer(start: localName, count: Int(xmlStrlen(localName)))
                let raw = UnsafeBufferPointer(start: start, count: end - start)
                let keepGoing: Bool
                if raw.contains(UInt8(ascii: "&")) {
                    let decoded = Self.decodeXMLAttribute(raw, document: document)
                    keepGoing = decoded.withUnsafeBufferPointer { visit(nameBytes, $0) }
                } else {
                    keepGoing = visit(nameBytes, raw)
                }
                if !keepGoing { return }
            }
        }
    }

    private static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ expected: StaticString) -> Bool {
        guard bytes.count == expected.utf8CodeUnitCount else { return false }
        return expected.withUTF8Buffer { wanted in
            for index in 0..<wanted.count where bytes[index] != wanted[index] { return false }
            return true
        }
    }

    /// A value libxml2 kept its references in (entities are not substituted): "&#38;" for an ampersand, "&#…;"
    /// characters, "&name;" entities.
    ///
    /// Decoded as the tree builder's text and entity nodes read: a predefined entity is its character, a declared
    /// internal one its replacement text.
    private static func decodeXMLAttribute(_ raw: UnsafeBufferPointer<UInt8>, document: xmlDocPtr?) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            guard byte == UInt8(ascii: "&"), let end = raw[index...].firstIndex(of: UInt8(ascii: ";")) else {
                output.append(byte)
                index += 1
                continue
            }
            let reference = raw[(index + 1)..<end]
            if reference.first == UInt8(ascii: "#") {
                if let scalar = characterReference(reference.dropFirst()) {
                    output.append(contentsOf: String(Character(scalar)).utf8)
                }
            } else {
                var nameBytes = Array(reference)
                nameBytes.append(0)
                if let entity = xmlGetDocEntity(document, nameBytes), let content = entity.pointee.content {
                    output.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
                } else if let predefined = xmlGetPredefinedEntity(nameBytes), let content = predefined.pointee.content {
                    output.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
                }
            }
            index = end + 1
        }
        return output
    }

    private static func characterReference(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> Unicode.Scalar? {
        var value: UInt32 = 0
        var rest = digits[...]
        var radix: UInt32 = 10
        if rest.first == UInt8(ascii: "x") {
            radix = 16
            rest = rest.dropFirst()
        }
        guard !rest.isEmpty else { return nil }
        for byte in rest {
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x61...0x66 where radix == 16: digit = UInt32(byte - 0x61 + 10)
            case 0x41...0x46 where radix == 16: digit = UInt32(byte - 0x41 + 10)
            default: return nil
            }
            value = value &* radix &+ digit
            if value > 0x10FFFF { return nil }
        }
        return Unicode.Scalar(value)
    }
}

/// How a streamed document ended.
enum StreamOutcome {
    /// Read to its end and through every check.
    case read(MarkupParseReport)
    /// The handler stopped the read: the page is for another reader.
    case declined
}

/// Drives libxml2's SAX parser over one document for one handler.
///
/// Single use.
///
/// The counters libxml2's callbacks update on every event are `@exclusivity(unchecked)`: a stream belongs to one
/// parse on one thread and no callback runs inside another's access, so the runtime's dynamic check could never fire
/// and cost a few per cent of a ParlParse read.
final class MarkupStream {
    private let handler: any MarkupStreamHandler
    private var context: xmlParserCtxtPtr?
    private let isHTML: Bool

    /// Elements open in libxml2's sense (its name stack), whatever is delivered.
    @exclusivity(unchecked) private var openElements = 0
    /// Added to `openElements - 1` for the depth below the root: 1 while an element that came after the
    /// root closed is read as the root's child.
    @exclusivity(unchecked) private var depthOffset = 0
    /// When not 0: the `openElements` count of the element whose content is not delivered.
    @exclusivity(unchecked) private var skipFrom = 0
    /// Like `skipFrom`, for an element outside the root (a sibling of it): neither delivered nor checked.
    @exclusivity(unchecked) private var outsideFrom = 0
    private(set) var sawRoot = false
    /// A comment or processing instruction came before the root, at the document's level.
    private var documentNodeBeforeRoot = false
    /// Some node lies more than ``maximumMarkupDepth`` below the root.
    private(set) var nestsTooDeeply = false
    private(set) var stoppedByHandler = false
    /// An XML entity's replacement text, gathered while libxml2 parses it.
    private var entityText: [UInt8] = []

    init(handler: any MarkupStreamHandler, html: Bool) {
        self.handler = handler
        isHTML = html
    }

    // MARK: Parsing

    /// Parses `bytes` (UTF-8) as HTML.
    ///
    /// Refuses what the tree parse refuses, in the same order.
    static func readHTML(_ bytes: [UInt8], path: String, into handler: any MarkupStreamHandler)
        throws(IngestionError) -> StreamOutcome
    {
        prepareLibxml2()
        guard let context = htmlNewParserCtxt() else {
            throw .unreadable(path: path, reason: "libxml2 could not allocate a parser")
        }
        defer { htmlFreeParserCtxt(context) }
        let stream = MarkupStream(handler: handler, html: true)
        stream.context = context
        stream.installHTMLCallbacks(context)
        let document = withExtendedLifetime(stream) {
            context.pointee._private = Unmanaged.passUnretained(stream).toOpaque()
            return bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    htmlCtxtReadMemory(context, chars.baseAddress, Int32(chars.count), nil, "UTF-8", htmlParseOptions)
                }
            }
        }
        defer { if let document { xmlFreeDoc(document) } }
        if stream.stoppedByHandler { return .declined }
        guard document != nil else {
            throw .malformed(path: path, format: .hansardHTML, reason: "libxml2 could not build a document")
        }
        let report = makeReport(context)
        guard stream.sawRoot else { throw .notADebate(path: path, reason: "the page has no elements") }
        if stream.nestsTooDeeply { throw .nestedTooDeeply(path: path, limit: maximumMarkupDepth) }
        try requireReadToEnd(context, path: path)
        return .read(report)
    }

    /// Parses `bytes` as XML in the encoding the document declares, refusing external DTDs and entities and entities
    /// that multiply, as the tree parse does and in the same order.
    ///
    /// `format` is the one errors name.
    static func readXML(
        _ bytes: [UInt8], path: String, format: InputFormat, into handler: any MarkupStreamHandler
    ) throws(IngestionError) -> StreamOutcome {
        prepareLibxml2()
        guard let context = xmlNewParserCtxt() else {
            throw .unreadable(path: path, reason: "libxml2 could not allocate a parser")
        }
        defer { xmlFreeParserCtxt(context) }
        hansard_guardEntityDeclarations(context)
        let stream = MarkupStream(handler: handler, html: false)
        stream.context = context
        stream.installXMLCallbacks(context)
        let document = withExtendedLifetime(stream) {
            context.pointee._private = Unmanaged.passUnretained(stream).toOpaque()
            return bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    xmlCtxtReadMemory(context, chars.baseAddress, Int32(chars.count), nil, nil, xmlParseOptions)
                }
            }
        }
        defer { if let document { xmlFreeDoc(document) } }
        if stream.stoppedByHandler { return .declined }
        guard let document else {
            throw .malformed(path: path, format: format, reason: "libxml2 could not build a document")
        }
        try refuseOversizedEntity(document, path: path, format: format)
        let report = makeReport(context)
        guard stream.sawRoot else { throw rootlessXMLError(report, path: path) }
        try refuseExternalReference(document, path: path)
        if stream.nestsTooDeeply { throw .nestedTooDeeply(path: path, limit: maximumMarkupDepth) }
        try requireReadToEnd(context, path: path)
        return .read(report)
    }

    // MARK: Events

    /// Calls `body` with the stream a callback's context belongs to, and whether the context is the document's: libxml2
    /// copies `_private` into the context it parses an entity's text in.
    ///
    /// The stream is borrowed, not retained: it outlives the parse that calls back.
    private static func withStream(_ context: UnsafeMutableRawPointer?, _ body: (MarkupStream, Bool) -> Void) {
        guard let context else { return }
        let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let opaque = parser.pointee._private else { return }
        Unmanaged<MarkupStream>.fromOpaque(opaque)._withUnsafeGuaranteedRef { body($0, parser == $0.context) }
    }

    /// Ends the elements libxml2 closed without saying so: `open` is how many elements its name stack says
    /// are open at this event.
    private func keepInStep(open: Int) {
        while openElements > max(open, 0) { elementEnded() }
    }

    /// The parser's count of open elements.
    private var parserOpenElements: Int { Int(context?.pointee.nameNr ?? 0) }

    private func elementStarted(_ name: UnsafePointer<xmlChar>, attributes: StreamElement.Attributes) {
        openElements += 1
        if outsideFrom != 0 { return }
        if openElements == 1 {
            if !sawRoot {
                sawRoot = true
                depthOffset = 0
            } else if isHTML && !documentNodeBeforeRoot && context?.pointee.myDoc?.pointee.intSubset == nil {
                // The tree builder makes it a child of the document's first child: the root.
                depthOffset = 1
            } else {
                outsideFrom = openElements
                return
            }
        }
        let depth = openElements - 1 + depthOffset
        if depth > maximumMarkupDepth {
            refuseDepth()
            return
        }
        if skipFrom != 0 { return }
        let element = StreamElement(
            name: UnsafeBufferPointer(start: name, count: Int(xmlStrlen(name))), depth: depth, attributes: attributes)
        switch handler.startElement(element) {
        case .enter: break
        case .skip: skipFrom = openElements
        case .stop:
            stoppedByHandler = true
            xmlStopParser(context)
        }
    }

    private func elementEnded() {
        guard openElements > 0 else { return }
        defer { openElements -= 1 }
        if outsideFrom != 0 {
            if outsideFrom == openElements { outsideFrom = 0 }
            return
        }
        if skipFrom != 0 {
            if skipFrom == openElements { skipFrom = 0 }
            return
        }
        handler.endElement()
    }

    /// A node that is not an element (text, CDATA, comment, processing instruction, entity reference) was
    /// added inside the current element: true when it is to be delivered.
    private func childNodeAdded() -> Bool {
        guard openElements > 0, outsideFrom == 0 else { return false }
        if openElements + depthOffset > maximumMarkupDepth {
            refuseDepth()
            return false
        }
        return skipFrom == 0
    }

    private func textAdded(_ bytes: UnsafePointer<xmlChar>?, _ count: Int32) {
        guard let bytes, count > 0, childNodeAdded() else { return }
        handler.text(UnsafeBufferPointer(start: bytes, count: Int(count)))
    }

    private func documentLevelNodeAdded() {
        if openElements == 0 && !sawRoot { documentNodeBeforeRoot = true }
    }

    private func refuseDepth() {
        // The read is refused whatever follows, so nothing after this needs parsing.
        nestsTooDeeply = true
        xmlStopParser(context)
    }

    // MARK: Callbacks

    private func installHTMLCallbacks(_ context: htmlParserCtxtPtr) {
        guard let sax = context.pointee.sax else { return }
        // The HTML parser pushes an element's name before reporting its start and pops it after its end.
        sax.pointee.startElement = { context, name, attributes in
            guard let name else { return }
            MarkupStream.withStream(context) { stream, _ in
                stream.keepInStep(open: stream.parserOpenElements - 1)
                stream.elementStarted(name, attributes: .html(attributes))
            }
        }
        sax.pointee.endElement = { context, _ in
            MarkupStream.withStream(context) { stream, _ in
                stream.keepInStep(open: stream.parserOpenElements)
                stream.elementEnded()
            }
        }
        let characters: charactersSAXFunc = { context, bytes, count in
            MarkupStream.withStream(context) { stream, _ in
                stream.keepInStep(open: stream.parserOpenElements)
                stream.textAdded(bytes, count)
            }
        }
        sax.pointee.characters = characters
        // Script and style content: a CDATA node in the tree, text to every reader.
        sax.pointee.cdataBlock = characters
        sax.pointee.comment = { context, _ in
            MarkupStream.withStream(context) { stream, _ in stream.nodeAdded() }
        }
        sax.pointee.processingInstruction = { context, _, _ in
            MarkupStream.withStream(context) { stream, _ in stream.nodeAdded() }
        }
        // Left as libxml2 has them: startDocument makes the document (which the blank-text rule for a strict
        // DTD's <body> consults), internalSubset its DTD; ignorableWhitespace drops, as in the tree.
    }

    private func installXMLCallbacks(_ context: xmlParserCtxtPtr) {
        guard let sax = context.pointee.sax else { return }
        // The XML parser pushes an element's name after reporting its start and pops it after its end.
        sax.pointee.startElementNs = { context, name, _, _, _, _, count, _, attributes in
            guard let name else { return }
            MarkupStream.withStream(context) { stream, isDocument in
                // An entity's own elements are part of its text only.
                guard isDocument else { return }
                stream.keepInStep(open: stream.parserOpenElements)
                // Defaults from the DTD come last. The tree builder leaves them out of the element, but reading
                // an attribute from the tree (`xmlHasProp`, `xmlGetProp`) finds them in the DTD: they count.
                let document = stream.context?.pointee.myDoc
                stream.elementStarted(
                    name, attributes: .xml(attributes, count: Int(max(0, count)), document: document))
            }
        }
        sax.pointee.endElementNs = { context, _, _, _ in
            MarkupStream.withStream(context) { stream, isDocument in
                guard isDocument else { return }
                stream.keepInStep(open: stream.parserOpenElements)
                stream.elementEnded()
            }
        }
        let characters: charactersSAXFunc = { context, bytes, count in
            MarkupStream.withStream(context) { stream, isDocument in
                if isDocument {
                    stream.keepInStep(open: stream.parserOpenElements)
                    stream.textAdded(bytes, count)
                } else if let bytes, count > 0 {
                    stream.entityText.append(contentsOf: UnsafeBufferPointer(start: bytes, count: Int(count)))
                }
            }
        }
        sax.pointee.characters = characters
        // The same function, as in the tree builder's keepBlanks: libxml2 then never tells blanks apart.
        sax.pointee.ignorableWhitespace = characters
        sax.pointee.cdataBlock = characters
        sax.pointee.reference = { context, _ in
            MarkupStream.withStream(context) { stream, isDocument in
                guard isDocument else { return }
                stream.keepInStep(open: stream.parserOpenElements)
                // libxml2 has just parsed the entity's text with these callbacks (into `entityText`).
                defer { stream.entityText.removeAll(keepingCapacity: true) }
                guard stream.childNodeAdded(), !stream.entityText.isEmpty else { return }
                stream.entityText.withUnsafeBufferPointer { stream.handler.text($0) }
            }
        }
        sax.pointee.comment = { context, _ in
            MarkupStream.withStream(context) { stream, isDocument in if isDocument { stream.nodeAdded() } }
        }
        sax.pointee.processingInstruction = { context, _, _ in
            MarkupStream.withStream(context) { stream, isDocument in if isDocument { stream.nodeAdded() } }
        }
    }

    /// A comment or processing instruction: a node in the tree, at the document's level or in an element.
    private func nodeAdded() {
        keepInStep(open: parserOpenElements)
        if openElements == 0 { documentLevelNodeAdded() } else { _ = childNodeAdded() }
    }
}
