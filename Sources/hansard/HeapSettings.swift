#if canImport(Glibc)
    import Glibc
#endif

/// How the C allocator keeps memory between pages, set once before any work.
///
/// hansard reads page after page, and each page allocates and frees buffers of about its own size (the file, the text,
/// the JSON). glibc serves a block over its mmap threshold (128 KB at first, raised only as such blocks are freed)
/// with fresh pages from the kernel and gives them back on free, and trims free memory off the top of the heap; the
/// next page then faults in and zeroes the same amount again: a tenth of `hansard parse`'s time on ParlParse files
/// (docs/performance.md). Serving blocks up to 32 MB (glibc's largest threshold) from the heap and keeping up to
/// 256 MB free in it lets the next page reuse those pages. Peak memory stays what the largest pages needed: it is kept
/// rather than returned.
enum HeapSettings {
    static func keepFreedMemoryForReuse() {
        #if canImport(Glibc)
            // mallopt is declared in <malloc.h>, which the Glibc module does not export; it is looked up instead.
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
            let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
            let trimThreshold: Int32 = -1  // M_TRIM_THRESHOLD
            let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD
            _ = mallopt(mmapThreshold, 32 << 20)
            _ = mallopt(trimThreshold, 256 << 20)
        #endif
    }
}
