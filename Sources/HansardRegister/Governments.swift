import Foundation
public import HansardIngestion

/// A UK government (an administration): a Prime Minister's time in office, split where the governing party or
/// coalition changed without a new Prime Minister (Asquith's coalition of 1915, the National Government of 1931,
/// Churchill's caretaker government, the 2010 coalition's end).
public struct Administration: Sendable, Hashable, Codable {
    /// A short key, for example "sunak-2022".
    public var id: String
    /// As a reader says it, for example "Sunak government", "Cameron–Clegg coalition".
    public var name: String
    /// The Prime Minister, as the sources name them.
    public var primeMinister: String
    /// The governing party or coalition.
    public var party: String
    /// The day the Prime Minister took office, ISO `yyyy-MM-dd`.
    public var start: SittingDate
    /// The day the successor took office; nil for the government in office.
    public var end: SittingDate?

    /// A government with every field given.
    public init(
        id: String, name: String, primeMinister: String, party: String, start: SittingDate, end: SittingDate?
    ) {
        self.id = id
        self.name = name
        self.primeMinister = primeMinister
        self.party = party
        self.start = start
        self.end = end
    }

    /// Whether the government was in office on `date`.
    ///
    /// A sitting on the day of a change is the new government's.
    public func contains(_ date: SittingDate) -> Bool {
        date >= start && (end.map { date < $0 } ?? true)
    }

    /// "Sunak government (2022–2024)".
    public var label: String {
        "\(name) (\(start.year)–\(end.map { String($0.year) } ?? ""))"
    }
}

/// The governments since 1895 (`Resources/uk-administrations.csv`, a copy of data/uk-administrations.csv; see
/// data/README.md for the sources).
public enum Administrations {
    /// Every government, oldest first.
    public static let all: [Administration] = {
        guard let url = Bundle.module.url(forResource: "uk-administrations", withExtension: "csv"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        return parse(text)
    }()

    /// The government in office on `date`.
    public static func containing(_ date: SittingDate) -> Administration? {
        all.last(where: { $0.contains(date) })
    }

    /// The government with this id, or the one government whose id, name or Prime Minister contains the text (any
    /// case): "sunak", "Thatcher", "cameron-2010".
    ///
    /// Nil when none or several fit.
    public static func named(_ text: String) -> Administration? {
        let wanted = text.lowercased().trimmingCharacters(in: .whitespaces)
        if let exact = all.first(where: { $0.id == wanted }) { return exact }
        let fitting = all.filter {
            $0.id.contains(wanted) || $0.name.lowercased().contains(wanted)
                || $0.primeMinister.lowercased().contains(wanted)
        }
        return fitting.count == 1 ? fitting[0] : nil
    }

    /// The governments whose id, name or Prime Minister contains the text, for an error that lists them.
    public static func matching(_ text: String) -> [Administration] {
        let wanted = text.lowercased().trimmingCharacters(in: .whitespaces)
        return all.filter {
            $0.id.contains(wanted) || $0.name.lowercased().contains(wanted)
                || $0.primeMinister.lowercased().contains(wanted)
        }
    }

    /// The government with this id.
    public static func byId(_ id: String?) -> Administration? {
        guard let id else { return nil }
        return all.first { $0.id == id }
    }

    /// Parses `id,name,prime_minister,party,start_date,end_date,source` after a header row.
    static func parse(_ text: String) -> [Administration] {
        var result: [Administration] = []
        for (index, line) in text.split(whereSeparator: \.isNewline).enumerated() where index > 0 {
            let fields = ParliamentarySessions.splitCSVLine(String(line))
            guard fields.count >= 6, let start = SittingDate(fields[4]) else { continue }
            result.append(
                Administration(
                    id: fields[0], name: fields[1], primeMinister: fields[2], party: fields[3], start: start,
                    end: SittingDate(fields[5])))
        }
        return result
    }
}
