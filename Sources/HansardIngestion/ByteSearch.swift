extension String {
    /// A byte-wise substring test.
    ///
    /// The standard `contains(_:)` builds a search table (a dictionary) on every call, which cost more than the libxml2
    /// parse itself when it ran per contribution against the lists of office names. UTF-8 byte equality is the same
    /// test for the text these readers search.
    func includes(_ needle: String) -> Bool {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { hay in
            needle.withUTF8 { pin in
                guard !pin.isEmpty else { return true }
                guard hay.count >= pin.count else { return false }
                let first = pin[0]
                var start = 0
                let last = hay.count - pin.count
                while start <= last {
                    if hay[start] == first {
                        var offset = 1
                        while offset < pin.count && hay[start + offset] == pin[offset] { offset += 1 }
                        if offset == pin.count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }
}
