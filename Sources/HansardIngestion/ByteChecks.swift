#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Checks on a file's raw bytes, made before any parser sees them, so that binary data,
/// wrong encodings and cut-short saves get an error that says what the file is.
package enum ByteChecks {
    /// Rejects empty files, known binary formats, UTF-16 (but for XML, which libxml2 decodes) and files with
    /// NUL bytes.
    static func rejectUnusable(_ bytes: [UInt8], path: String) throws(IngestionError) {
        guard bytes.contains(where: { !$0.isASCIIWhitespace }) else { throw .empty(path: path) }
        try rejectBinaryStart(bytes, path: path)
        if isUTF16XML(bytes) { return }
        // A NUL anywhere: a browser never saves one, and parsers stop at it or drop what follows, so reading
        // on would keep part of the page. (The start was checked above: binary data has them from the first
        // kilobytes on.)
        if let offset = firstNUL(bytes) { throw .containsNUL(path: path, offset: offset) }
    }

    /// Rejects what the first bytes already show is not a page: a known binary format, UTF-16 that is not XML, or NUL
    /// bytes in the first 8 KB (more than one: binary data; a single NUL is a damaged page).
    ///
    /// Enough for a stream (a pipe, /dev/urandom) to be refused from its first block rather than read to the size
    /// limit.
    static func rejectBinaryStart(_ bytes: [UInt8], path: String) throws(IngestionError) {
        if let kind = binaryKind(bytes) { throw .binary(path: path, kind: kind) }
        if isUTF16XML(bytes) { return }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || looksLikeBOMlessUTF16(bytes) {
            throw .encoding(
                path: path,
                reason: "is UTF-16 text; convert it to UTF-8 first (iconv -f UTF-16 -t UTF-8)")
        }
        // memchr, not a byte-wise count: this runs on every page.
        if let first = firstNUL(bytes, before: 8192), firstNUL(bytes, from: first + 1, before: 8192) != nil {
            throw .binary(path: path, kind: "binary data (it contains NUL bytes)")
        }
    }

    /// The offset of the first NUL byte at or after `start` and before `end` (memchr), or nil.
    private static func firstNUL(_ bytes: [UInt8], from start: Int = 0, before end: Int = .max) -> Int? {
        bytes.withUnsafeBytes { raw -> Int? in
            let end = min(end, raw.count)
            guard let base = raw.baseAddress, start < end, let found = memchr(base + start, 0, end - start) else {
                return nil
            }
            return base.distance(to: UnsafeRawPointer(found))
        }
    }

    /// XML in UTF-16, with a byte-order mark or a declaration libxml2 recognises (`<?xml` in UTF-16).
    ///
    /// The XML specification allows it and libxml2 decodes it; HTML and text in UTF-16 are still refused.
    static func isUTF16XML(_ bytes: [UInt8]) -> Bool {
        guard let (head, hasBOM) = utf16Head(bytes) else { return false }
        var start = 0
        while start < head.count, head[start].isASCIIWhitespace { start += 1 }
        let rest = head[start...]
        if containsIgnoringCase(rest, "<html") { return false }
        return rest.starts(with: Array("<?xml".utf8)) || (hasBOM && rest.starts(with: Array("<publicwhip".utf8)))
    }

    /// The first characters of UTF-16 text, ASCII kept and anything else as `?`, and whether it had a
    /// byte-order mark; nil when the bytes are not UTF-16 (by BOM, or `<` and `?` with NUL high bytes).
    private static func utf16Head(_ bytes: [UInt8]) -> (head: [UInt8], hasBOM: Bool)? {
        var littleEndian: Bool
        var offset = 0
        var hasBOM = false
        if bytes.starts(with: [0xFF, 0xFE]) {
            (littleEndian, offset, hasBOM) = (true, 2, true)
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            (littleEndian, offset, hasBOM) = (false, 2, true)
        } else if bytes.starts(with: [0x3C, 0x00, 0x3F, 0x00]) {
            littleEndian = true
        } else if bytes.starts(with: [0x00, 0x3C, 0x00, 0x3F]) {
            littleEndian = false
        } else {
            return nil
        }
        var head: [UInt8] = []
        while offset + 1 < bytes.count, head.count < 256 {
            let unit =
                littleEndian
                ? UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
                : UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
            head.append(unit < 0x80 ? UInt8(unit) : UInt8(ascii: "?"))
            offset += 2
        }
        return (head, hasBOM)
    }

    /// The first 16 bytes of every SQLite database file: how a page that is a register is refused here, and how
    /// HansardRegister tells a register file from a JSON snapshot.
    package static let sqliteHeader = Array("SQLite format 3\0".utf8)

    private static let signatures: [(bytes: [UInt8], kind: String)] = [
        (Array("%PDF".utf8), "a PDF document"),
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        ([0x1F, 0x8B], "gzip-compressed data; decompress it first (gunzip)"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive"),
        (Array("GIF8".utf8), "a GIF image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        (Array("BZh".utf8), "bzip2-compressed data; decompress it first (bunzip2)"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz-compressed data; decompress it first (unxz)"),
        ([0x28, 0xB5, 0x2F, 0xFD], "zstd-compressed data; decompress it first (unzstd)"),
        (sqliteHeader, "an SQLite database (a register?), not a debate page"),
        ([0x7F, 0x45, 0x4C, 0x46], "an executable (ELF)"),
        ([0xD0, 0xCF, 0x11, 0xE0], "a Microsoft Office document"),
    ]

    private static func binaryKind(_ bytes: [UInt8]) -> String? {
        signatures.first { bytes.starts(with: $0.bytes) }?.kind
    }

    /// UTF-16 without a byte-order mark shows as ASCII letters alternating with NUL bytes.
    private static func looksLikeBOMlessUTF16(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(512)
        guard sample.count >= 16 else { return false }
        var evenNULs = 0
        var oddNULs = 0
        for (offset, byte) in sample.enumerated() where byte == 0 {
            if offset % 2 == 0 { evenNULs += 1 } else { oddNULs += 1 }
        }
        let half = sample.count / 2
        return evenNULs > half * 3 / 4 || oddNULs > half * 3 / 4
    }

    /// Decides between HTML, XML and plain text from the first bytes.
    static func markupKind(of bytes: [UInt8]) -> MarkupKind {
        if isUTF16XML(bytes) { return .xml }
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < bytes.count, bytes[start].isASCIIWhitespace { start += 1 }
        guard start < bytes.count, bytes[start] == UInt8(ascii: "<") else { return .text }
        let head = bytes[start..<min(bytes.count, start + 4096)]
        if contains(head, "<publicwhip") { return .xml }
        if head.starts(with: Array("<?xml".utf8)) && !containsIgnoringCase(head, "<html") { return .xml }
        // Historic Hansard XML often has no declaration: its root element says what it is.
        if let root = firstElementName(head), isHistoricHansardRoot(root) { return .xml }
        return .html
    }

    /// The XML format a file's first element names: historic Hansard's roots, else ParlParse.
    static func xmlFormat(of bytes: [UInt8]) -> InputFormat {
        let head = bytes.prefix(4096)
        if let root = firstElementName(head), isHistoricHansardRoot(root) { return .historicHansardXML }
        return .parlParseXML
    }

    /// The name of the first element in `head`, past the XML declaration, comments and a DOCTYPE.
    private static func firstElementName(_ head: ArraySlice<UInt8>) -> String? {
        var index = head.startIndex
        while index < head.endIndex {
            guard head[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            let rest = head[(index + 1)...]
            guard let first = rest.first else { return nil }
            if first == UInt8(ascii: "?") || first == UInt8(ascii: "!") {
                // A declaration, processing instruction, comment or DOCTYPE: skip to its end.
                let closing: [UInt8] =
                    rest.starts(with: Array("!--".utf8))
                    ? Array("-->".utf8) : first == UInt8(ascii: "?") ? Array("?>".utf8) : Array(">".utf8)
                guard let end = firstIndex(of: closing, in: rest) else { return nil }
                index = end + closing.count
                continue
            }
            let name = rest.prefix {
                (0x61...0x7A).contains($0) || (0x41...0x5A).contains($0) || (0x30...0x39).contains($0)
                    || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ":")
            }
            return name.isEmpty ? nil : String(decoding: name, as: UTF8.self)
        }
        return nil
    }

    /// Requires valid UTF-8, and says what the bytes look like when they are not.
    static func requireUTF8(_ bytes: [UInt8], path: String) throws(IngestionError) {
        guard let offset = firstInvalidUTF8Offset(bytes) else { return }
        let byte = bytes[offset]
        let hex = "0x" + String(byte, radix: 16, uppercase: true)
        let declared = declaredCharset(bytes).map { ", though the page declares \($0)" } ?? ""
        let guess =
            (0x80...0xFF).contains(byte)
            ? "; it looks like Windows-1252 or ISO-8859-1: convert it with iconv -f WINDOWS-1252 -t UTF-8"
            : ""
        throw .encoding(path: path, reason: "is not UTF-8 (byte \(hex) at offset \(offset)\(declared))\(guess)")
    }

    /// XML may declare another encoding, which libxml2 decodes; otherwise it must be UTF-8.
    static func requireDeclaredEncoding(_ bytes: [UInt8], path: String) throws(IngestionError) {
        if isUTF16XML(bytes) { return }
        if let declared = xmlDeclaredEncoding(bytes), declared.uppercased() != "UTF-8", declared.uppercased() != "UTF8"
        {
            return
        }
        try requireUTF8(bytes, path: path)
    }

    /// A browser save always ends with `</html>`; a page that does not was cut short.
    ///
    /// Only what follows the last `</html>` is looked at: white space, or stray bytes that hold no markup (a control
    /// character, say), may follow it. A file that does not begin as an HTML page (an SVG image saved as .xhtml) is
    /// left to the readers, which say what it is not.
    static func requireHTMLEnd(_ bytes: [UInt8], path: String) throws(IngestionError) {
        guard beginsAsHTML(bytes) else { return }
        guard let close = lastIndexIgnoringCase(of: Array("</html".utf8), in: bytes) else {
            throw .truncated(path: path, reason: "it does not end with </html>")
        }
        var index = close + 6
        while index < bytes.count, bytes[index].isASCIIWhitespace { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ">"),
            !bytes[(index + 1)...].contains(UInt8(ascii: "<"))
        else {
            throw .truncated(path: path, reason: "it does not end with </html>")
        }
    }

    /// Whether the file is an HTML page at all: an `<html` tag anywhere (a page cut short still has its opening tag) or
    /// an HTML DOCTYPE.
    ///
    /// An SVG image or other markup has neither.
    private static func beginsAsHTML(_ bytes: [UInt8]) -> Bool {
        firstIndexIgnoringCase(of: Array("<html".utf8), in: bytes) != nil
            || firstIndexIgnoringCase(of: Array("<!doctype html".utf8), in: bytes.prefix(4096)) != nil
    }

    /// The start of the first occurrence of `needle` (lower-case ASCII) in `bytes`, in any case, without
    /// copying the bytes.
    private static func firstIndexIgnoringCase<Bytes: RandomAccessCollection>(
        of needle: [UInt8], in bytes: Bytes
    ) -> Int? where Bytes.Element == UInt8, Bytes.Index == Int {
        guard bytes.count >= needle.count else { return nil }
        var start = bytes.startIndex
        let last = bytes.endIndex - needle.count
        while start <= last {
            if lowercased(bytes[start]) == needle[0] {
                var offset = 1
                while offset < needle.count, lowercased(bytes[start + offset]) == needle[offset] { offset += 1 }
                if offset == needle.count { return start }
            }
            start += 1
        }
        return nil
    }

    /// The start of the last occurrence of `needle` (lower-case ASCII) in `bytes`, in any case.
    private static func lastIndexIgnoringCase(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        var start = bytes.count - needle.count
        while start >= 0 {
            if lowercased(bytes[start]) == needle[0] {
                var offset = 1
                while offset < needle.count, lowercased(bytes[start + offset]) == needle[offset] { offset += 1 }
                if offset == needle.count { return start }
            }
            start -= 1
        }
        return nil
    }

    /// The offset of the first byte that breaks UTF-8, or nil when the bytes are valid.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            var index = 0
            let count = buffer.count
            guard let base = buffer.baseAddress else { return nil }
            let raw = UnsafeRawPointer(base)
            while index < count {
                // Pages are mostly ASCII: clear eight bytes at a time while no high bit is set.
                while index + 8 <= count,
                    raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                {
                    index += 8
                }
                guard index < count else { break }
                let lead = buffer[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                let length: Int
                let minimum: UInt32
                if lead & 0xE0 == 0xC0 {
                    length = 2
                    minimum = 0x80
                } else if lead & 0xF0 == 0xE0 {
                    length = 3
                    minimum = 0x800
                } else if lead & 0xF8 == 0xF0 {
                    length = 4
                    minimum = 0x10000
                } else {
                    return index
                }
                guard index + length <= count else { return index }
                var scalar = UInt32(lead) & (0xFF >> (length + 1))
                for offset in 1..<length {
                    let next = buffer[index + offset]
                    guard next & 0xC0 == 0x80 else { return index }
                    scalar = scalar << 6 | UInt32(next & 0x3F)
                }
                if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
                index += length
            }
            return nil
        }
    }

    /// The `encoding` of an XML declaration, read from the declaration's own bytes.
    private static func xmlDeclaredEncoding(_ bytes: [UInt8]) -> String? {
        guard let declarationEnd = firstIndex(of: Array("?>".utf8), in: bytes.prefix(256)) else { return nil }
        let declaration = bytes[0..<declarationEnd]
        guard let start = firstIndex(of: Array("encoding=".utf8), in: declaration) else { return nil }
        let rest = declaration[(start + 9)...]
        guard let quote = rest.first, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
        return String(decoding: rest.dropFirst().prefix { $0 != quote }, as: UTF8.self)
    }

    /// The charset a page's `<meta>` declares, found by a byte search of its head.
    private static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = Array(bytes.prefix(4096)).map(lowercased)
        guard let start = firstIndex(of: Array("charset=".utf8), in: head[...]) else { return nil }
        let value = head[(start + 8)...].drop { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }
            .prefix {
                $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "'") && $0 != UInt8(ascii: ">") && $0 != 0x20
                    && $0 != UInt8(ascii: ";") && $0 != UInt8(ascii: "/")
            }
        return value.isEmpty ? nil : String(decoding: value, as: UTF8.self)
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }

    private static func contains(_ haystack: ArraySlice<UInt8>, _ needle: String) -> Bool {
        firstIndex(of: Array(needle.utf8), in: haystack) != nil
    }

    private static func containsIgnoringCase(_ haystack: ArraySlice<UInt8>, _ needle: String) -> Bool {
        firstIndex(of: Array(needle.lowercased().utf8), in: ArraySlice(haystack.map(lowercased))) != nil
    }

    private static func firstIndex(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        let offset = haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { firstByteOffset(of: $0, in: hay) }
        }
        return offset.map { haystack.startIndex + $0 }
    }
}
