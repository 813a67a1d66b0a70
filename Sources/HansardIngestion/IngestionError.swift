/// Why a file could not be read as a debate.
///
/// Each description names the file and says what to do.
public enum IngestionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No file at the path.
    case fileNotFound(path: String)
    /// The path is a directory.
    case isDirectory(path: String)
    /// The file exists but could not be read (permissions, I/O error).
    case unreadable(path: String, reason: String)
    /// The file has no bytes, or only white space.
    case empty(path: String)
    /// The file is binary data of a recognisable kind (PDF, PNG, gzip …), or unrecognisable binary.
    case binary(path: String, kind: String)
    /// The text is not UTF-8 (or not in the encoding the file declares).
    case encoding(path: String, reason: String)
    /// The page ends before its closing markup: the save was cut short.
    case truncated(path: String, reason: String)
    /// The page is well-formed but is not a debate hansard can read.
    case notADebate(path: String, reason: String)
    /// The XML declares a DTD or entity that points outside the file; it was not read.
    case externalReference(path: String, target: String)
    /// The file could not be parsed in the format it was read as.
    case malformed(path: String, format: InputFormat, reason: String)
    /// The file is larger than any debate page; it was not read, so memory stays bounded.
    case tooLarge(path: String, bytes: Int, limit: Int)
    /// The markup nests elements deeper than any debate page does.
    case nestedTooDeeply(path: String, limit: Int)
    /// The file has a NUL byte, which no saved page has: it is damaged, and the text around it may be lost.
    case containsNUL(path: String, offset: Int)
    /// The parser stopped before the end of the page, so only part of it could be read.
    case incomplete(path: String, reason: String)

    /// The path of the file the error is about.
    public var path: String {
        switch self {
        case .fileNotFound(let path), .isDirectory(let path), .unreadable(let path, _),
            .empty(let path), .binary(let path, _), .encoding(let path, _),
            .truncated(let path, _), .notADebate(let path, _),
            .externalReference(let path, _), .malformed(let path, _, _), .tooLarge(let path, _, _),
            .nestedTooDeeply(let path, _), .containsNUL(let path, _), .incomplete(let path, _):
            return path
        }
    }

    /// The one line printed on stderr: the file, what is wrong with it, and what to do.
    public var description: String {
        switch self {
        case .fileNotFound(let path):
            return "\(path): no such file"
        case .isDirectory(let path):
            return "\(path): is a directory; name the debate pages inside it"
        case .unreadable(let path, let reason):
            return "\(path): cannot be read: \(reason)"
        case .empty(let path):
            return "\(path): file is empty; save the debate page again"
        case .binary(let path, let kind):
            return "\(path): is \(kind), not a saved debate page (HTML, XML or text)"
        case .encoding(let path, let reason):
            return "\(path): \(reason)"
        case .truncated(let path, let reason):
            return "\(path): page is truncated (\(reason)); save the whole page again"
        case .notADebate(let path, let reason):
            return "\(path): not a debate page: \(reason)"
        case .externalReference(let path, let target):
            return
                "\(path): XML refers to an external file or URL (\(target)); hansard never loads those, remove the reference"
        case .malformed(let path, let format, let reason):
            return "\(path): cannot be read as \(format.rawValue): \(reason)"
        case .tooLarge(let path, let bytes, let limit):
            return
                "\(path): is \(bytes / 1_000_000) MB, more than the \(limit / 1_000_000) MB limit for one debate page;"
                + " it is not a single saved page (split it, or check that it is the file you meant)"
        case .nestedTooDeeply(let path, let limit):
            return
                "\(path): markup is nested more than \(limit) elements deep, which no debate page is;"
                + " the file is damaged or not a saved debate page"
        case .containsNUL(let path, let offset):
            return
                "\(path): has a NUL byte at offset \(offset), which no saved page has: the file is damaged (text"
                + " may be missing there), so none of it was read; save the page again"
        case .incomplete(let path, let reason):
            return "\(path): could not be read to its end (\(reason)); none of it was kept, since part of a page"
                + " would read as a shorter debate"
        }
    }
}
