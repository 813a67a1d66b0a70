import Foundation
public import HansardIngestion

/// A session of the UK Parliament, from the table that ships with hansard.
public struct ParliamentarySession: Sendable, Hashable, Codable {
    /// As published, for example "2022-23".
    public var label: String
    /// The Parliament the session belongs to, for example "58th".
    public var parliament: String
    /// ISO `yyyy-MM-dd`.
    public var start: SittingDate
    /// ISO `yyyy-MM-dd`; nil for the open session.
    public var end: SittingDate?

    /// Creates a session; `end` is nil for the session still sitting.
    public init(label: String, parliament: String, start: SittingDate, end: SittingDate?) {
        self.label = label
        self.parliament = parliament
        self.start = start
        self.end = end
    }

    /// Whether the sitting date falls within the session.
    public func contains(_ date: SittingDate) -> Bool {
        date >= start && (end.map { date <= $0 } ?? true)
    }
}

/// The sessions of Parliament since 1900 (`Resources/uk-parliament-sessions.csv`; see data/README.md).
public enum ParliamentarySessions {
    /// Every session, oldest first.
    public static let all: [ParliamentarySession] = {
        guard let url = Bundle.module.url(forResource: "uk-parliament-sessions", withExtension: "csv"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        return parse(text)
    }()

    /// The session with this label ("2022-23"; any case, spaces or an en dash accepted).
    public static func named(_ label: String) throws(RegisterError) -> ParliamentarySession {
        let wanted = normalise(label)
        guard let session = all.first(where: { normalise($0.label) == wanted }) else {
            throw .unknownSession(label)
        }
        return session
    }

    /// The session a sitting date falls in.
    public static func containing(_ date: SittingDate) -> ParliamentarySession? {
        all.last(where: { $0.contains(date) })
    }

    /// The Parliament a date falls in ("58th"): the session's, or between sessions the last one begun by then.
    public static func parliament(on date: SittingDate) -> String? {
        (containing(date) ?? all.last(where: { $0.start <= date }))?.parliament
    }

    /// When a Parliament ended, if it has: the end of its last session (prorogation before the dissolution, or the
    /// dissolution itself), once a later Parliament has begun by `date`.
    ///
    /// Nil while it sits, or before `date` sees its successor.
    public static func dissolution(of parliament: String, asOf date: SittingDate) -> SittingDate? {
        guard let last = all.lastIndex(where: { $0.parliament == parliament }), last + 1 < all.count,
            all[last + 1].start <= date
        else { return nil }
        return all[last].end
    }

    private static func normalise(_ label: String) -> String {
        label.lowercased().replacingOccurrences(of: "\u{2013}", with: "-").replacingOccurrences(of: "/", with: "-")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Parses the known file: a header row, then `session,parliament,start_date,end_date,source`.
    ///
    /// Fields may be quoted (RFC 4180), as the source column sometimes holds commas.
    static func parse(_ text: String) -> [ParliamentarySession] {
        var sessions: [ParliamentarySession] = []
        for (index, line) in text.split(whereSeparator: \.isNewline).enumerated() where index > 0 {
            let fields = splitCSVLine(String(line))
            guard fields.count >= 4, let start = SittingDate(fields[2]) else { continue }
            sessions.append(
                ParliamentarySession(
                    label: fields[0], parliament: fields[1], start: start, end: SittingDate(fields[3])))
        }
        return sessions
    }

    static func splitCSVLine(_ line: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var iterator = line.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
        }
        fields.append(field)
        return fields
    }
}
