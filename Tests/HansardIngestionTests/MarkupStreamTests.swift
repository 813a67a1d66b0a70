import Foundation
@testable import HansardIngestion
import HansardTestSupport
import Testing

/// The streaming readers see a page through `MarkupStream`; the other readers walk libxml2's tree.
///
/// Both must see the same page: every element in the same order and at the same depth, with the same attribute values
/// and the same folded text beneath it.
@Suite("Markup stream")
struct MarkupStreamTests {
    /// Each element as the stream delivers it: name, depth, some attributes, and the folded text of all the
    /// text beneath it (each text event is folded into every open element's buffer).
    final class Recorder: MarkupStreamHandler {
        struct Element: Equatable {
            var name: String
            var depth: Int
            var attributes: [String?]
            var text: String
        }

        let names: [StaticString]
        private var recorded: [Element] = []
        private var open: [(index: Int, text: FoldedText)] = []
        /// The root's text, kept open after its end: HTML elements after it may still be its children.
        private var root: FoldedText?

        init(names: [StaticString]) { self.names = names }

        /// The elements, once the document has been read.
        var elements: [Element] {
            var elements = recorded
            var rootText = root ?? open.first(where: { $0.index == 0 })?.text
            if rootText != nil, !elements.isEmpty { elements[0].text = rootText!.take() }
            return elements
        }

        func startElement(_ element: StreamElement) -> StreamDecision {
            if element.depth > 0, open.isEmpty, let root {
                open.append((0, root))
                self.root = nil
            }
            let name = String(decoding: element.name, as: UTF8.self)
            recorded.append(
                Element(name: name, depth: element.depth, attributes: element.attributeValues(names), text: ""))
            open.append((recorded.count - 1, FoldedText()))
            return .enter
        }

        func endElement() {
            guard var last = open.popLast() else { return }
            if last.index == 0 {
                root = last.text
            } else {
                recorded[last.index].text = last.text.take()
            }
        }

        func text(_ bytes: UnsafeBufferPointer<UInt8>) {
            for index in open.indices { open[index].text.fold(bytes) }
        }
    }

    /// The same, from the tree: elements in document order below the root and the root itself.
    static func treeElements(_ root: MarkupNode, names: [String]) throws -> [Recorder.Element] {
        var elements: [Recorder.Element] = []
        var stack: [(MarkupNode, Int)] = [(root, 0)]
        while let (node, depth) = stack.popLast() {
            elements.append(
                Recorder.Element(
                    name: node.name, depth: depth, attributes: names.map { node.attribute($0) }, text: node.foldedText))
            for child in node.elementChildren.reversed() { stack.append((child, depth + 1)) }
        }
        return elements
    }

    static let attributeNames: [StaticString] = ["id", "class", "href", "speakername", "colnum", "title", "missing"]
    static let attributeStrings = ["id", "class", "href", "speakername", "colnum", "title", "missing"]

    @Test(
        "Streamed HTML elements carry the tree's names, depths, attributes and folded text",
        arguments: [
            "hansard-modern-html/commons-2022-06-15-oral-answers-to-questions.html",
            "hansard-modern-html/commons-1997-05-21-engagements.html",
            "historic-hansard-html/commons-1915-03-03-aliens.html",
            "publications-html/lords-2011-01-11-publications-daily-part1-TRIMMED.html",
        ])
    func html(_ file: String) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: CorpusFile.path(file))))
        let recorder = Recorder(names: Self.attributeNames)
        guard case .read = try MarkupStream.readHTML(bytes, path: file, into: recorder) else {
            Issue.record("the stream stopped")
            return
        }
        let tree = try withParsedHTML(bytes, path: file) { root, _ throws(IngestionError) in
            try? Self.treeElements(root, names: Self.attributeStrings)
        }
        #expect(recorder.elements.count > 100)
        #expect(recorder.elements == tree)
    }

    @Test(
        "Streamed XML elements carry the tree's names, depths, attributes and folded text, entities included",
        arguments: [
            "parlparse-xml/westminster-hall-2009-10-28-parlparse.xml",
            "parlparse-xml/commons-2023-03-28-debates-parlparse.xml",
            "historic-hansard-xml/commons-1985-12-16-millbank-writtenanswers.xml",
        ])
    func xml(_ file: String) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: CorpusFile.path(file))))
        let recorder = Recorder(names: Self.attributeNames)
        guard case .read = try MarkupStream.readXML(bytes, path: file, format: .parlParseXML, into: recorder) else {
            Issue.record("the stream stopped")
            return
        }
        let tree = try withParsedXML(bytes, path: file) { root, _ throws(IngestionError) in
            try? Self.treeElements(root, names: Self.attributeStrings)
        }
        #expect(recorder.elements.count > 400)
        #expect(recorder.elements == tree)
    }

    @Test("Entity references in text and attributes, CDATA, comments and declared defaults read as in the tree")
    func xmlEdges() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY mdash "&#8212;"> <!ENTITY who "Mr O&#8217;Brien"> <!ATTLIST s kind CDATA "said">]>
            <r><s id="a&amp;b &mdash; &#x41;" speakername="&who;">one&mdash;two &amp; <![CDATA[three <four>]]><!-- no -->five&who;</s>
            <s id="plain">x<?pi data?>y</s></r>
            """
        let bytes = Array(xml.utf8)
        let recorder = Recorder(names: ["id", "speakername", "kind"])
        _ = try MarkupStream.readXML(bytes, path: "edges.xml", format: .parlParseXML, into: recorder)
        let tree = try withParsedXML(bytes, path: "edges.xml") { root, _ throws(IngestionError) in
            try? Self.treeElements(root, names: ["id", "speakername", "kind"])
        }
        #expect(recorder.elements == tree)
        #expect(recorder.elements.count == 3)
        #expect(recorder.elements[1].attributes == ["a&b \u{2014} A", "Mr O\u{2019}Brien", "said"])
        #expect(recorder.elements[1].text == "one\u{2014}two & three <four>fiveMr O\u{2019}Brien")
        #expect(recorder.elements[2].text == "xy")
    }

    @Test("HTML elements after the root has closed belong where the tree puts them")
    func lateElements() throws {
        // Without a DOCTYPE the tree builder hangs them under the root; with one, beside it, out of the page.
        for html in [
            "<html><head><title>t</title></head><body><p>a</p></body></html><div class=\"x\">late</div>",
            "<!DOCTYPE html><html><body><p>a</p></body></html><div class=\"x\">late</div>",
            "<!-- c --><html><body><p>a<br>  <b>b</b></p></body></html><p>late</p>",
        ] {
            let bytes = Array(html.utf8)
            let recorder = Recorder(names: ["class"])
            _ = try MarkupStream.readHTML(bytes, path: "late.html", into: recorder)
            let tree = try withParsedHTML(bytes, path: "late.html") { root, _ throws(IngestionError) in
                try? Self.treeElements(root, names: ["class"])
            }
            #expect(recorder.elements == tree, "\(html)")
        }
    }

    @Test("Start tags libxml2 gives up on hold nothing, in HTML and XML, however many there are")
    func unfinishedStartTags() throws {
        // "<i<i…": libxml2 reports each element, finds no end to its start tag and drops it from its stacks
        // without reporting an end; the tree holds each empty, and the text after them goes to their parent.
        let run = String(repeating: "<i", count: 300)
        let html = "<html><body><p>a\(run)<b>bold</b> after</p><div x=\"1\"<p>b</p></div></body></html>"
        let htmlBytes = Array(html.utf8)
        let htmlRecorder = Recorder(names: ["x"])
        _ = try MarkupStream.readHTML(htmlBytes, path: "tags.html", into: htmlRecorder)
        let htmlTree = try withParsedHTML(htmlBytes, path: "tags.html") { root, _ throws(IngestionError) in
            try? Self.treeElements(root, names: ["x"])
        }
        #expect(htmlRecorder.elements == htmlTree)
        #expect(htmlRecorder.elements.allSatisfy { $0.depth < 10 })
        let xml =
            "<?xml version=\"1.0\"?><publicwhip><speech>\(run)<p>one</p></speech><speech><p>two</p></speech></publicwhip>"
        let xmlBytes = Array(xml.utf8)
        let xmlRecorder = Recorder(names: [])
        _ = try MarkupStream.readXML(xmlBytes, path: "tags.xml", format: .parlParseXML, into: xmlRecorder)
        let xmlTree = try withParsedXML(xmlBytes, path: "tags.xml") { root, _ throws(IngestionError) in
            try? Self.treeElements(root, names: [])
        }
        #expect(xmlRecorder.elements == xmlTree)
        #expect(xmlRecorder.elements.allSatisfy { $0.depth < 10 })
    }

    @Test("Folding trims, joins runs of white space across pieces and keeps no-break spaces")
    func edges() {
        let text = "\n\t  one\r\n  two  three \u{A0}four_ \u{2014}__fivesix  seven_eight\n "
        let expected = "one two three \u{A0}four_ \u{2014}__fivesix seven_eight"
        let bytes = Array(text.utf8)
        // Every way of cutting the text in two folds to the same string.
        for cut in 0...bytes.count {
            var folded = FoldedText()
            bytes[..<cut].withUnsafeBufferPointer { folded.fold($0) }
            bytes[cut...].withUnsafeBufferPointer { folded.fold($0) }
            #expect(folded.take() == expected, "cut at \(cut)")
        }
        #expect(text.foldingWhitespace() == expected)
    }

    @Test(
        "Double spaces are folded wherever they fall in a long piece of text",
        arguments: [
            ("abcdefghijklmnop  qrstuvwxyz0123456789", "abcdefghijklmnop qrstuvwxyz0123456789"),
            ("abcdefghijklmno  pqrstuvwxyz0123456789", "abcdefghijklmno pqrstuvwxyz0123456789"),
            ("abcdefghijklmnopqrstuvwxyz0123456  789", "abcdefghijklmnopqrstuvwxyz0123456 789"),
            ("  abcdefghijklmnopqrstuvwxyz 0123456789 ", "abcdefghijklmnopqrstuvwxyz 0123456789"),
            ("abc\u{B}def\tghi\u{C}jkl\r\nmnopqrstuvwxyz", "abc\u{B}def ghi jkl mnopqrstuvwxyz"),
        ])
    func doubleSpaces(text: String, folded: String) {
        var buffer = FoldedText()
        var copy = text
        copy.withUTF8 { buffer.fold($0) }
        "x".utf8CString.withUnsafeBufferPointer { pointer in
            pointer.withMemoryRebound(to: UInt8.self) { buffer.fold(UnsafeBufferPointer(rebasing: $0.dropLast())) }
        }
        #expect(buffer.take() == folded + (text.hasSuffix(" ") ? " x" : "x"))
        #expect((text + "x").foldingWhitespace() == folded + (text.hasSuffix(" ") ? " x" : "x"))
    }
}
