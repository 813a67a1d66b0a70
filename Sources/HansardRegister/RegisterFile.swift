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

    static let sqliteHeader = Array("SQLite format 3\0".utf8)

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

    static func describe(_ error: Int32) -> String { String(cString: strerror(error)) }
}

private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
