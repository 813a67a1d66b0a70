import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What is at a path the user named as a register or snapshot, found with stat(2) so that nothing is opened
/// (opening a FIFO blocks; FileHandle crashes on a directory).
enum RegisterFile {
    enum Status: Equatable {
        case missing
        /// A regular file (or a symbolic link to one) of this many bytes.
        case file(size: Int)
        /// Anything else: "a directory", "a named pipe (FIFO)", "a character device" …
        case other(kind: String)
    }

    static func status(_ path: String) -> Status {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file(size: Int(info.st_size))
        case S_IFDIR: return .other(kind: "a directory")
        case S_IFIFO: return .other(kind: "a named pipe (FIFO)")
        case S_IFCHR: return .other(kind: "a character device")
        case S_IFBLK: return .other(kind: "a block device")
        case S_IFSOCK: return .other(kind: "a socket")
        default: return .other(kind: "not a regular file")
        }
    }

    /// Refuses anything at `path` that is not a regular file, naming what it is.
    static func requireRegularOrMissing(_ path: String, role: String) throws(RegisterError) -> Status {
        let status = status(path)
        if case .other(let kind) = status {
            throw .cannotOpen(path: path, reason: "is \(kind), not \(role)")
        }
        return status
    }

    /// The first `count` bytes of the file, read with read(2); nil when it cannot be opened.
    static func head(_ path: String, count: Int) -> (bytes: [UInt8]?, error: Int32) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return (nil, errno) }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let read = bytes.withUnsafeMutableBytes { buffer in
                systemRead(descriptor, buffer.baseAddress! + filled, count - filled)
            }
            if read < 0 {
                if errno == EINTR { continue }
                return (nil, errno)
            }
            if read == 0 { break }
            filled += read
        }
        return (Array(bytes.prefix(filled)), 0)
    }

    /// The folder that holds `path` (`.` for a bare file name).
    static func folder(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// Whether this process may write `path` (access(2), so root and read-only file systems count).
    static func isWritable(_ path: String) -> Bool { access(path, W_OK) == 0 }

    /// The absolute path with symbolic links, `.` and `..` resolved; the path made absolute when it no
    /// longer exists.
    static func resolved(_ path: String) -> String {
        if let real = realpath(path, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        if path.hasPrefix("/") { return path }
        return FileManager.default.currentDirectoryPath + "/" + path
    }

    /// The scheme of a location written as an address (`postgres://…`, `https://…`), lowercased; nil for a path.
    static func addressScheme(_ location: String) -> String? {
        guard let separator = location.range(of: "://") else { return nil }
        let scheme = location[..<separator.lowerBound]
        guard let first = scheme.first, first.isASCII, first.isLetter,
            scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) })
        else { return nil }
        return scheme.lowercased()
    }

    /// The location with the password of `user:password@` replaced by `***`, so that an error message never
    /// shows it.
    static func redacted(_ location: String) -> String {
        guard let start = location.range(of: "://") else { return location }
        let rest = location[start.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") else {
            return location
        }
        return String(location[..<authority.index(after: colon)]) + "***" + String(location[at...])
    }

    /// Refuses a location written as an address before anything could take it for a file name (and create
    /// `postgres:/…` folders): registers are SQLite files, and a server register must not be silently replaced
    /// by a new empty file.
    static func refuseServerLocation(_ location: String) throws(RegisterError) {
        if let scheme = addressScheme(location) {
            throw .serverLocation(location: redacted(location), scheme: scheme)
        }
    }

    static func describe(_ error: Int32) -> String { String(cString: strerror(error)) }
}

private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
