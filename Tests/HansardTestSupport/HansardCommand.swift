public import Foundation

/// Runs the built `hansard` executable as a child process, as a user would, in the package root.
public enum HansardCommand {
    /// What a finished run printed and how it exited.
    public struct Outcome: Sendable {
        /// The exit status, or the signal's number when a signal ended the run.
        public var status: Int32
        /// Everything written to standard output, as UTF-8.
        public var standardOutput: String
        /// Everything written to standard error, as UTF-8.
        public var standardError: String
        /// True when hansard was still running at the setting's deadline and was terminated.
        public var timedOut = false
    }

    /// The executable SwiftPM built next to the test bundle (`.build/<configuration>/hansard`).
    public static var executable: URL {
        get throws {
            var candidates: [URL] = [Bundle.main.bundleURL.appendingPathComponent("hansard")]
            for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
                candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("hansard"))
            }
            candidates.append(CorpusFile.packageRoot.appendingPathComponent(".build/debug/hansard"))
            guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) })
            else {
                throw CommandNotBuilt(looked: candidates.map(\.path))
            }
            return found
        }
    }

    /// How to start hansard, beyond its arguments and environment.
    public struct Setting: Sendable {
        /// The working directory (default: the package root).
        public var directory: String?
        /// Shell commands run by /bin/sh just before it execs hansard, for example `ulimit -d 400000`.
        public var prelude: String?
        /// Run as the unprivileged user `nobody` (via setpriv) when the tests run as root, so that file
        /// permissions apply to hansard as they do to a user.
        public var unprivileged: Bool
        /// Seconds after which a hansard still running is terminated (and the outcome says so).
        public var deadline: Double?

        /// A setting; the defaults run hansard directly, in the package root, with no deadline.
        public init(
            directory: String? = nil, prelude: String? = nil, unprivileged: Bool = false, deadline: Double? = nil
        ) {
            self.directory = directory
            self.prelude = prelude
            self.unprivileged = unprivileged
            self.deadline = deadline
        }
    }

    /// True when the tests run as root, for whom permission bits do not apply.
    public static var runningAsRoot: Bool { geteuid() == 0 }

    /// Runs hansard to the end and collects what it printed.
    public static func run(
        _ arguments: [String], environment: [String: String] = [:], setting: Setting = Setting()
    ) throws -> Outcome {
        try launch(arguments, environment: environment, setting: setting)()
    }

    /// Starts hansard now; the returned function waits for it and collects what it printed.
    ///
    /// Output goes to files rather than pipes, so a chatty child can never block on a full pipe.
    public static func launch(
        _ arguments: [String], environment: [String: String] = [:], setting: Setting = Setting()
    ) throws -> () throws -> Outcome {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("hansard-command-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let outputURL = folder.appendingPathComponent("stdout")
        let errorURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        let process = try makeProcess(arguments, environment: environment, setting: setting)
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardError = try FileHandle(forWritingTo: errorURL)
        try process.run()
        return {
            var timedOut = false
            if let deadline = setting.deadline {
                let end = Date().addingTimeInterval(deadline)
                while process.isRunning && Date() < end { Thread.sleep(forTimeInterval: 0.05) }
                if process.isRunning {
                    timedOut = true
                    process.terminate()
                }
            }
            process.waitUntilExit()
            defer { try? FileManager.default.removeItem(at: folder) }
            return Outcome(
                status: process.terminationStatus,
                standardOutput: try String(contentsOf: outputURL, encoding: .utf8),
                standardError: try String(contentsOf: errorURL, encoding: .utf8), timedOut: timedOut)
        }
    }

    /// Starts hansard with standard output as a pipe the caller reads line by line, for example to kill it mid-run.
    public static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> (Process, Pipe) {
        let process = try makeProcess(arguments, environment: environment)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, output)
    }

    private static func makeProcess(
        _ arguments: [String], environment: [String: String], setting: Setting = Setting()
    ) throws -> Process {
        let process = Process()
        var command = [try executable.path] + arguments
        if let prelude = setting.prelude {
            command = ["/bin/sh", "-c", prelude + "\nexec \"$0\" \"$@\""] + command
        }
        if setting.unprivileged && runningAsRoot {
            command = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + command
        }
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.currentDirectoryURL = setting.directory.map { URL(fileURLWithPath: $0) } ?? CorpusFile.packageRoot
        var merged = ProcessInfo.processInfo.environment
        merged["NO_COLOR"] = "1"
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        process.standardInput = FileHandle.nullDevice
        return process
    }
}

/// The tests ran before `swift build` made the executable.
struct CommandNotBuilt: Error, CustomStringConvertible {
    var looked: [String]
    var description: String { "build the hansard executable first (swift build); looked in \(looked)" }
}

#if os(Linux)
    import Glibc

    extension HansardCommand {
        /// Runs hansard with standard output on a pseudo-terminal `columns` wide, as in a terminal window (colour on:
        /// `NO_COLOR` empty, `TERM=xterm-256color`), and returns what it wrote there and on standard error.
        ///
        /// The terminal turns each line feed into CR LF.
        public static func runOnTerminal(
            _ arguments: [String], columns: UInt16 = 1000, environment: [String: String] = [:]
        ) throws -> Outcome {
            // /dev/ptmx with the two ioctls posix_openpt, unlockpt and ptsname make (Glibc's module lacks them).
            let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
            guard master >= 0 else { throw TerminalUnavailable() }
            defer { close(master) }
            var unlock: Int32 = 0
            var number: UInt32 = 0
            let setLock: UInt = 0x4004_5431  // TIOCSPTLCK
            let getNumber: UInt = 0x8004_5430  // TIOCGPTN
            guard ioctl(master, setLock, &unlock) == 0, ioctl(master, getNumber, &number) == 0 else {
                throw TerminalUnavailable()
            }
            let slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
            guard slave >= 0 else { throw TerminalUnavailable() }
            var size = winsize(ws_row: 50, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
            _ = ioctl(slave, UInt(TIOCSWINSZ), &size)

            let errorURL = FileManager.default.temporaryDirectory.appendingPathComponent(
                "hansard-tty-\(UUID().uuidString)")
            _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
            defer { try? FileManager.default.removeItem(at: errorURL) }
            var merged = environment
            merged["NO_COLOR"] = merged["NO_COLOR"] ?? ""
            merged["TERM"] = merged["TERM"] ?? "xterm-256color"
            let process = try makeProcess(arguments, environment: merged)
            process.standardOutput = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
            process.standardError = try FileHandle(forWritingTo: errorURL)

            // Read the terminal while hansard writes, or a long output would fill it and block the child.
            let collected = TerminalOutput()
            let reader = Thread {
                var buffer = [UInt8](repeating: 0, count: 65536)
                while true {
                    let count = read(master, &buffer, buffer.count)
                    if count <= 0 { break }
                    collected.append(buffer[0..<count])
                }
                collected.finish()
            }
            try process.run()
            close(slave)
            reader.start()
            process.waitUntilExit()
            collected.wait()
            return Outcome(
                status: process.terminationStatus, standardOutput: String(decoding: collected.bytes, as: UTF8.self),
                standardError: try String(contentsOf: errorURL, encoding: .utf8))
        }
    }

    /// The bytes read from a pseudo-terminal, and when reading ended.
    private final class TerminalOutput: @unchecked Sendable {
        private let lock = NSCondition()
        private var data: [UInt8] = []
        private var done = false

        func append(_ bytes: ArraySlice<UInt8>) {
            lock.lock()
            data.append(contentsOf: bytes)
            lock.unlock()
        }

        func finish() {
            lock.lock()
            done = true
            lock.broadcast()
            lock.unlock()
        }

        func wait() {
            lock.lock()
            while !done { lock.wait() }
            lock.unlock()
        }

        var bytes: [UInt8] {
            lock.lock()
            defer { lock.unlock() }
            return data
        }
    }

    /// No pseudo-terminal could be opened.
    struct TerminalUnavailable: Error {}
#endif
