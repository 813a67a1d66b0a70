#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension DebateReader {
    /// The number of files read at once by default: one per processor.
    public static var defaultConcurrency: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// Reads many files on all cores and hands each result to `handle` in the order of `paths`.
    ///
    /// At most `maxConcurrentFiles` files are being read at once and results wait only for the files
    /// before them, so memory stays flat however many paths there are.
    /// - Parameters:
    ///   - paths: the files to read.
    ///   - maxConcurrentFiles: how many files to read at once.
    ///   - handle: called once per path, in order, with the debate or the reason it could not be read.
    public func read(
        _ paths: [String], maxConcurrentFiles: Int = DebateReader.defaultConcurrency,
        inOrder handle: (String, Result<Debate, IngestionError>) async -> Void
    ) async {
        let width = max(1, maxConcurrentFiles)
        await withTaskGroup(of: (Int, Result<Debate, IngestionError>).self) { group in
            var nextToStart = 0
            var nextToHandle = 0
            var finished: [Int: Result<Debate, IngestionError>] = [:]
            func start(_ index: Int) {
                let path = paths[index]
                group.addTask { [self] in
                    do throws(IngestionError) {
                        return (index, .success(try read(contentsOf: path)))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            while nextToStart < min(width, paths.count) {
                start(nextToStart)
                nextToStart += 1
            }
            while let (index, result) = await group.next() {
                finished[index] = result
                while let ready = finished.removeValue(forKey: nextToHandle) {
                    await handle(paths[nextToHandle], ready)
                    nextToHandle += 1
                }
                // Start a new file only when the backlog of finished-but-waiting results is small.
                while nextToStart < paths.count, nextToStart - nextToHandle < width * 2 {
                    start(nextToStart)
                    nextToStart += 1
                }
            }
        }
    }
}
