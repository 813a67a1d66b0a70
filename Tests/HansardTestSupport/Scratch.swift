public import Foundation

/// Files the command tests make: a fresh folder, corpus pages as bytes, edited copies.
public enum Scratch {
    /// A fresh folder under the system's temporary directory.
    public static func folder(_ name: String = #function) throws -> String {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hansard-\(safe)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    /// The bytes of `corpus/<relative>`.
    public static func corpusBytes(_ relative: String) throws -> [UInt8] {
        try Array(Data(contentsOf: URL(fileURLWithPath: CorpusFile.path(relative))))
    }

    /// Writes `bytes` to `path`.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// `bytes` with `insertion` put in front of the first occurrence of `marker` at or after `from`.
    public static func inserting(_ insertion: [UInt8], before marker: String, in bytes: [UInt8], from: Int = 0)
        -> [UInt8]?
    {
        let needle = Array(marker.utf8)
        var index = from
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) {
                return Array(bytes[..<index]) + insertion + Array(bytes[index...])
            }
            index += 1
        }
        return nil
    }

    /// The number of turns and of paragraph bytes in `hansard parse` JSON output (one debate).
    public static func turnsAndCharacters(ofJSON json: String) -> (turns: Int, characters: Int)? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
            let turns = object["turns"] as? [[String: Any]]
        else { return nil }
        let characters = turns.reduce(0) { total, turn in
            total + ((turn["paragraphs"] as? [String]) ?? []).reduce(0) { $0 + $1.utf8.count }
        }
        return (turns.count, characters)
    }

    /// The turns of `hansard parse` JSON output (one debate), as JSON objects.
    public static func turns(ofJSON json: String) -> [NSDictionary]? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            return nil
        }
        return (object["turns"] as? [NSDictionary])
    }
}
