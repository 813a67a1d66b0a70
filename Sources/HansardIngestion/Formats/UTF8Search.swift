extension String {
    /// Whether `needle`'s UTF-8 bytes occur in the string's UTF-8 bytes.
    ///
    /// The readers test short names and ids against fixed phrases many times per page; the
    /// standard `contains(_:)` builds a search table for every call, which cost more than the parse.
    func containsUTF8(_ needle: String) -> Bool {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { text in
            needle.withUTF8 { pattern in
                guard let first = pattern.first else { return true }
                guard text.count >= pattern.count else { return false }
                var start = 0
                let last = text.count - pattern.count
                while start <= last {
                    if text[start] == first {
                        var offset = 1
                        while offset < pattern.count && text[start + offset] == pattern[offset] { offset += 1 }
                        if offset == pattern.count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }
}
