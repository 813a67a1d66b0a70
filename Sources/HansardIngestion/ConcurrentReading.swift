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
    /// - Throws: what `handle` throws; no more files are read after it.
    public func read<Failure: Error>(
        _ paths: [String], maxConcurrentFiles: Int = DebateReader.defaultConcurrency,
        inOrder handle: (String, Result<Debate, IngestionError>) async throws(Failure) -> Void
    ) async throws(Failure) {
        try await read(paths, maxConcurrentFiles: maxConcurrentFiles, transform: { $0 }, inOrder: handle)
    }

    /// Reads many files on all cores, turns each debate into `Output` on the thread that read it, and
    /// hands the results to `handle` in the order of `paths`.
    ///
    /// Rendering in `transform` (JSON, say) keeps that work in parallel too, and frees each debate on
    /// the thread that built it; `handle` then only has to write.
    /// - Parameters:
    ///   - paths: the files to read.
    ///   - maxConcurrentFiles: how many files to read at once.
    ///   - transform: applied to each debate read, concurrently.
    ///   - handle: called once per path, in order, with the output or the reason the file could not be read.
    /// - Throws: what `handle` throws: then no more files are started, the files being read are waited for and
    ///   dropped, and the error is rethrown (`register add` stops so when the register cannot be written).
    public func read<Output: Sendable, Failure: Error>(
        _ paths: [String], maxConcurrentFiles: Int = DebateReader.defaultConcurrency,
        transform: @escaping @Sendable (Debate) -> Output,
        inOrder handle: (String, Result<Output, IngestionError>) async throws(Failure) -> Void
    ) async throws(Failure) {
        let width = max(1, maxConcurrentFiles)
        var failure: Failure?
        await withTaskGroup(of: (Int, Result<Output, IngestionError>).self) { group in
            var nextToStart = 0
            var nextToHandle = 0
            var running = 0
            var finished: [Int: Result<Output, IngestionError>] = [:]
            func start(_ index: Int) {
                running += 1
                let path = paths[index]
                group.addTask { [self] in
                    do throws(IngestionError) {
                        return (index, .success(transform(try read(contentsOf: path))))
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
                running -= 1
                finished[index] = result
                while let ready = finished.removeValue(forKey: nextToHandle) {
                    do throws(Failure) {
                        try await handle(paths[nextToHandle], ready)
                    } catch {
                        failure = error
                        group.cancelAll()
                        return
                    }
                    nextToHandle += 1
                }
                // Start a new file only when fewer than `width` are being read and the backlog of
                // finished-but-waiting results is small. (Counting only the backlog let a width of 1
                // read two files at once.)
                while nextToStart < paths.count, running < width, nextToStart - nextToHandle < width * 2 {
                    start(nextToStart)
                    nextToStart += 1
                }
            }
        }
        if let failure { throw failure }
    }
}
