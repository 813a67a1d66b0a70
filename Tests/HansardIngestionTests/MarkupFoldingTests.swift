import Foundation
@testable import HansardIngestion
import HansardTestSupport
import Testing

/// The one-pass folding and attribute helpers the ParlParse reader uses must agree with the
/// plain `foldedText` and `attribute(_:)` on every element of real files.
@Suite("Markup one-pass helpers")
struct MarkupFoldingTests {
    @Test(
        "foldedText(reusing:) equals foldedText and attributeValues equals attribute(_:)",
        arguments: [
            "parlparse-xml/westminster-hall-2009-10-28-parlparse.xml",
            "parlparse-xml/commons-2023-03-28-debates-parlparse.xml",
        ])
    func agree(_ file: String) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: CorpusFile.path(file))))
        let mismatches = try withParsedXML(bytes, path: file) { root, _ throws(IngestionError) -> Int in
            var scratch: [UInt8] = []
            var mismatches = 0
            var checked = 0
            try root.walk { node throws(IngestionError) in
                guard node.isElement else { return true }
                checked += 1
                if node.foldedText(reusing: &scratch) != node.foldedText { mismatches += 1 }
                let names: [StaticString] = ["id", "speakername", "colnum", "pid", "missing"]
                let values = node.attributeValues(names)
                let expected = ["id", "speakername", "colnum", "pid", "missing"].map { node.attribute($0) }
                if values != expected { mismatches += 1 }
                return true
            }
            #expect(checked > 400)
            return mismatches
        }
        #expect(mismatches == 0)
    }

    @Test("Folding trims, joins runs of white space across nodes and keeps no-break spaces")
    func edges() throws {
        let xml = "<?xml version=\"1.0\"?><r a=\"x\">\n\t  one\r\n  two<i>  three </i>\u{A0}four_ \u{2014}__fivesix  seven_eight\n </r>"
        let text = try withParsedXML(Array(xml.utf8), path: "edges.xml") { root, _ throws(IngestionError) in
            var scratch: [UInt8] = [1, 2, 3]
            return root.foldedText(reusing: &scratch)
        }
        #expect(text == "one two three \u{A0}four_ \u{2014}__fivesix seven_eight")
    }

    @Test(
        "Double spaces are folded wherever they fall in a long text node",
        arguments: [
            ("abcdefghijklmnop  qrstuvwxyz0123456789", "abcdefghijklmnop qrstuvwxyz0123456789"),
            ("abcdefghijklmno  pqrstuvwxyz0123456789", "abcdefghijklmno pqrstuvwxyz0123456789"),
            ("abcdefghijklmnopqrstuvwxyz0123456  789", "abcdefghijklmnopqrstuvwxyz0123456 789"),
            ("  abcdefghijklmnopqrstuvwxyz 0123456789 ", "abcdefghijklmnopqrstuvwxyz 0123456789"),
        ])
    func doubleSpaces(text: String, folded: String) throws {
        let xml = "<r>\(text)<i>x</i></r>"
        let result = try withParsedXML(Array(xml.utf8), path: "spaces.xml") { root, _ throws(IngestionError) in
            var scratch: [UInt8] = []
            return (root.foldedText(reusing: &scratch), root.foldedText)
        }
        #expect(result.0 == folded + (text.hasSuffix(" ") ? " x" : "x"))
        #expect(result.0 == result.1)
    }
}
