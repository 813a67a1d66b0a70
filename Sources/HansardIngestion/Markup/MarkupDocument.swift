internal import CLibXML2

// With MarkupNode.swift and MarkupStream.swift, the only files that touch libxml2. Documents are parsed,
// read and freed inside one call, so no C pointer outlives the function that made it. The checks every
// parse ends with are here, shared by the tree parse and the streaming one, so both refuse the same input
// with the same error.

/// How a markup document ended up after a recovering parse.
struct MarkupParseReport {
    /// False when libxml2 had to recover from an error.
    var wellFormed: Bool
    /// The last error libxml2 recorded, if any.
    var lastErrorCode: Int32
    var lastErrorMessage: String?
    var lastErrorLine: Int

    /// True when libxml2 stopped because entities expand without bound (a "billion laughs" document).
    var entityExpansionRefused: Bool { lastErrorCode == Int32(XML_ERR_ENTITY_LOOP.rawValue) }

    /// True when the error is the one libxml2 gives for input that stops inside an open element.
    var endedInsideElement: Bool {
        lastErrorCode == Int32(XML_ERR_TAG_NOT_FINISHED.rawValue)
            || lastErrorCode == Int32(XML_ERR_DOCUMENT_END.rawValue)
            || (lastErrorMessage?.contains("Premature end of data") ?? false)
    }
}

/// One-time libxml2 set-up, done before any thread parses.
private let libxml2Initialised: Void = {
    xmlInitParser()
    hansard_installEntityLoader()
}()

/// Before each parse: libxml2 set up once, and its error messages silenced on this thread.
func prepareLibxml2() {
    _ = libxml2Initialised
    hansard_silenceGenericErrors()
}

// XML_PARSE_HUGE lifts libxml2's fixed limits, of which the one that bites is 10,000,000 characters in one
// text node: past it libxml2 stops and keeps the page so far, which would be a shorter debate read as a whole
// one. hansard's own limits (the 64 MB file size, 255 levels of nesting, 32-character entities) are the ones
// that hold; the entity guard in shim.h replaces the amplification checks HUGE turns off.
let xmlParseOptions: Int32 = {
    Int32(
        XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_HUGE.rawValue)
}()

/// Elements nested this deep end the read.
///
/// libxml2 itself stops building the tree at 256 levels (and silently drops what lies deeper in HTML), so a page that
/// reaches the limit would be read incomplete; debate pages nest about 30 levels. Readers may therefore recurse without
/// exhausting the stack.
let maximumMarkupDepth = 255

/// True when some element lies more than `limit` levels below `root`.
///
/// Iterative: the check itself must not overflow the stack on the input it is there to refuse.
private func nestsDeeperThan(_ limit: Int, _ root: xmlNodePtr, _ context: xmlParserCtxtPtr) -> Bool {
    // The parser's stack of open elements grew to hold the deepest nesting it met: when that stack
    // stayed small, no walk over the tree is needed.
    if Int(context.pointee.nodeMax) <= limit { return false }
    var node = root
    var depth = 0
    while true {
        // An entity reference's children are the entity's nodes, parented elsewhere: not followed.
        if node.pointee.type != XML_ENTITY_REF_NODE, let child = node.pointee.children {
            depth += 1
            if depth > limit { return true }
            node = child
            continue
        }
        while node.pointee.next == nil {
            guard depth > 0, let parent = node.pointee.parent else { return false }
            node = parent
            depth -= 1
        }
        if depth == 0 { return false }
        guard let next = node.pointee.next else { return false }
        node = next
    }
}

let htmlParseOptions: Int32 = {
    Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue) | Int32(XML_PARSE_HUGE.rawValue)
}()

/// Refuses a document libxml2 stopped reading before its end.
///
/// A recovering parse goes on past errors, so a stop means a limit or a failure; what was built is only part of the
/// page, and hansard keeps no part of one.
func requireReadToEnd(_ context: xmlParserCtxtPtr, path: String) throws(IngestionError) {
    guard context.pointee.disableSAX != 0 else { return }
    let report = makeReport(context)
    let message = report.lastErrorMessage.map { ": \($0)" } ?? ""
    let line = report.lastErrorLine > 0 ? " at line \(report.lastErrorLine)" : ""
    throw .incomplete(path: path, reason: "libxml2 stopped reading it\(line)\(message)")
}

/// Parses `bytes` (UTF-8) as HTML and hands the root element to `body`; the tree is freed on return.
func withParsedHTML<Result>(
    _ bytes: [UInt8], path: String,
    _ body: (MarkupNode, MarkupParseReport) throws(IngestionError) -> Result
) throws(IngestionError) -> Result {
    prepareLibxml2()
    guard let context = htmlNewParserCtxt() else {
        throw .unreadable(path: path, reason: "libxml2 could not allocate a parser")
    }
    defer { htmlFreeParserCtxt(context) }
    let document = bytes.withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { chars in
            htmlCtxtReadMemory(context, chars.baseAddress, Int32(chars.count), nil, "UTF-8", htmlParseOptions)
        }
    }
    guard let document else {
        throw .malformed(path: path, format: .hansardHTML, reason: "libxml2 could not build a document")
    }
    defer { xmlFreeDoc(document) }
    let report = makeReport(context)
    guard let root = xmlDocGetRootElement(document) else {
        throw .notADebate(path: path, reason: "the page has no elements")
    }
    if nestsDeeperThan(maximumMarkupDepth, root, context) {
        throw .nestedTooDeeply(path: path, limit: maximumMarkupDepth)
    }
    try requireReadToEnd(context, path: path)
    return try body(MarkupNode(root), report)
}

/// Parses `bytes` as XML in the encoding the document declares, refusing external DTDs and entities, and hands the root
/// element to `body`; the tree is freed on return.
///
/// `format` is the one errors name.
func withParsedXML<Result>(
    _ bytes: [UInt8], path: String, format: InputFormat = .parlParseXML,
    _ body: (MarkupNode, MarkupParseReport) throws(IngestionError) -> Result
) throws(IngestionError) -> Result {
    prepareLibxml2()
    guard let context = xmlNewParserCtxt() else {
        throw .unreadable(path: path, reason: "libxml2 could not allocate a parser")
    }
    defer { xmlFreeParserCtxt(context) }
    hansard_guardEntityDeclarations(context)
    let document = bytes.withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { chars in
            xmlCtxtReadMemory(context, chars.baseAddress, Int32(chars.count), nil, nil, xmlParseOptions)
        }
    }
    guard let document else {
        throw .malformed(path: path, format: format, reason: "libxml2 could not build a document")
    }
    defer { xmlFreeDoc(document) }
    // The entity guard stops the parse at the declaration, so this comes before any check on what was built.
    try refuseOversizedEntity(document, path: path, format: format)
    let report = makeReport(context)
    guard let root = xmlDocGetRootElement(document) else { throw rootlessXMLError(report, path: path) }
    try refuseExternalReference(document, path: path)
    if nestsDeeperThan(maximumMarkupDepth, root, context) {
        throw .nestedTooDeeply(path: path, limit: maximumMarkupDepth)
    }
    try requireReadToEnd(context, path: path)
    return try body(MarkupNode(root), report)
}

func makeReport(_ context: xmlParserCtxtPtr) -> MarkupParseReport {
    let error = context.pointee.lastError
    let message = error.message.map { String(cString: $0).trimmingASCIIWhitespace() }
    return MarkupParseReport(
        wellFormed: context.pointee.wellFormed != 0,
        lastErrorCode: error.code,
        lastErrorMessage: message,
        lastErrorLine: Int(error.line))
}

/// Refuses a document that declares an entity that could multiply its text (see `maximumEntityLength`).
func refuseOversizedEntity(_ document: xmlDocPtr, path: String, format: InputFormat) throws(IngestionError) {
    guard let (name, length) = oversizedEntity(in: document) else { return }
    throw .malformed(
        path: path, format: format,
        reason: "it declares an entity \(name) of \(length) characters; hansard expands only entities of up to"
            + " \(maximumEntityLength) characters (ParlParse declares single characters such as &mdash;), since"
            + " repeated references to a long entity can multiply a small file into gigabytes")
}

/// The error for XML with no root element.
func rootlessXMLError(_ report: MarkupParseReport, path: String) -> IngestionError {
    // Cut short inside its DOCTYPE, say, the file has no element: what libxml2 made of the DOCTYPE so far
    // (a public identifier cut in two reads as an external DTD) says nothing about the page.
    if !report.wellFormed {
        return .truncated(path: path, reason: "the XML ends before its first element, inside its DOCTYPE or prolog")
    }
    return .notADebate(path: path, reason: "the document has no root element")
}

/// Refuses a document that declares an external DTD or entity.
func refuseExternalReference(_ document: xmlDocPtr, path: String) throws(IngestionError) {
    if let target = externalReference(in: document) { throw .externalReference(path: path, target: target) }
}

/// The longest replacement text an internal entity may have.
///
/// ParlParse's entities are character references ("&#8212;"); reading text expands an entity at every reference, so a
/// long one referenced often (or one built from others) would make time and memory grow with the product of the two.
let maximumEntityLength = 32

/// The first internal entity whose replacement text is long or refers to another general entity.
private func oversizedEntity(in document: xmlDocPtr) -> (name: String, length: Int)? {
    for dtd in [document.pointee.intSubset, document.pointee.extSubset] {
        guard let dtd else { continue }
        var child = dtd.pointee.children
        while let node = child {
            child = node.pointee.next
            guard node.pointee.type == XML_ENTITY_DECL else { continue }
            let entity = UnsafeMutableRawPointer(node).assumingMemoryBound(to: xmlEntity.self)
            let type = entity.pointee.etype
            guard type == XML_INTERNAL_GENERAL_ENTITY || type == XML_INTERNAL_PARAMETER_ENTITY else { continue }
            let length = Int(entity.pointee.length)
            let name = entity.pointee.name.map { String(cString: $0) } ?? "?"
            if length > maximumEntityLength { return (name, length) }
            // "&name;" or "%name;" inside the text refers to another entity; "&#…;" is a character.
            if let content = entity.pointee.content {
                for index in 0..<length {
                    if content[index] == UInt8(ascii: "%") { return (name, length) }
                    let isReference = index + 1 >= length || content[index + 1] != UInt8(ascii: "#")
                    if content[index] == UInt8(ascii: "&"), isReference { return (name, length) }
                }
            }
        }
    }
    return nil
}

/// The first external DTD or entity a document declares, as "SYSTEM target".
private func externalReference(in document: xmlDocPtr) -> String? {
    for dtd in [document.pointee.intSubset, document.pointee.extSubset] {
        guard let dtd else { continue }
        if let systemID = dtd.pointee.SystemID {
            return "DTD \(String(cString: systemID))"
        }
        if let externalID = dtd.pointee.ExternalID {
            return "DTD \(String(cString: externalID))"
        }
        var child = dtd.pointee.children
        while let node = child {
            if node.pointee.type == XML_ENTITY_DECL {
                let entity = UnsafeMutableRawPointer(node).assumingMemoryBound(to: xmlEntity.self)
                switch entity.pointee.etype {
                case XML_EXTERNAL_GENERAL_PARSED_ENTITY, XML_EXTERNAL_GENERAL_UNPARSED_ENTITY,
                    XML_EXTERNAL_PARAMETER_ENTITY:
                    let name = entity.pointee.name.map { String(cString: $0) } ?? "?"
                    let target = entity.pointee.SystemID.map { String(cString: $0) } ?? "?"
                    return "entity \(name) -> \(target)"
                default:
                    break
                }
            }
            child = node.pointee.next
        }
    }
    return nil
}

extension String {
    /// The string without leading and trailing ASCII white space.
    func trimmingASCIIWhitespace() -> String {
        var utf8 = Substring(self).utf8[...]
        while let first = utf8.first, first.isASCIIWhitespace { utf8 = utf8.dropFirst() }
        while let last = utf8.last, last.isASCIIWhitespace { utf8 = utf8.dropLast() }
        return String(Substring(utf8))
    }
}

extension UInt8 {
    var isASCIIWhitespace: Bool { self == 0x20 || self == 0x0A || self == 0x09 || self == 0x0D || self == 0x0C }
}
