import Foundation
public import HansardIngestion

/// A speaker's printed name taken apart, so that the labels one person goes by can be merged.
///
/// "Sir D. Eccles" and "Sir David Eccles", "Mr. Freeth" and "Mr. Denzil Freeth", "The Earl of Listowel" and "Earl of
/// Listowel". Used within a page and across the register.
public struct PersonName: Sendable, Hashable {
    /// "mr", "mrs", "miss", "ms", "dr", "sir", "dame", "lady" …; nil when the label has none ("Dominic Raab").
    public var honorific: String?
    /// Given names and initials in order, lower case without full stops: ["denzil"], ["d"], ["j", "h"].
    public var given: [String]
    /// The surname, lower case, with its particles: "freeth", "boyd-carpenter", "du cann".
    public var surname: String
    /// For a peer or bishop, the whole title without "the": "lord davies of oldham", "earl of listowel".
    public var title: String?

    private static let honorifics: Set<String> = [
        "mr", "mrs", "miss", "ms", "mx", "dr", "sir", "dame", "lady", "rev", "professor", "prof", "captain", "major",
        "colonel", "lieut", "commander", "hon",
    ]
    private static let peerages: Set<String> = [
        "lord", "baroness", "baron", "earl", "viscount", "viscountess", "marquess", "marchioness", "duke", "duchess",
        "countess", "bishop", "archbishop",
    ]
    private static let suffixes: Set<String> = ["jnr", "junior", "snr", "senior", "qc", "kc", "mp", "bt", "kt"]
    private static let particles: Set<String> = [
        "du", "de", "van", "von", "le", "la", "di", "da", "ap", "st", "del", "der",
    ]

    /// Reads a printed label; nil for labels that name no one person.
    ///
    /// "Several hon. Members" and "Noble Lords" give nil. Peers' styles are kept whole in the Lords and wherever the
    /// label starts with a peerage.
    public init?(_ label: String, house: House? = nil) {
        var text = label
        if let open = text.firstIndex(of: "(") { text = String(text[..<open]) }
        var raw: [Substring] = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\u{00A0}" })
        raw = raw.filter { !$0.isEmpty }
        // Full stops dropped scalar by scalar, as `replacingOccurrences(of: ".", with: "")` did, without Foundation.
        var words = raw.map { String(String.UnicodeScalarView($0.lowercased().unicodeScalars.filter { $0 != "." })) }
            .filter { !$0.isEmpty }
        if words.first == "the" { words.removeFirst(); raw.removeFirst() }
        guard !words.isEmpty else { return nil }
        if words.contains(where: { ["members", "member", "lords", "peers", "noble"].contains($0) }) && words.count > 1
            && (words.contains("members") || words.contains("lords") || words.contains("peers"))
        {
            return nil
        }
        if Self.peerages.contains(words[0]) || (house == .lords && words[0] == "lady") {
            title = words.joined(separator: " ")
            honorific = words[0]
            given = []
            surname = words.count > 1 ? words[1] : words[0]
            return
        }
        title = nil
        var start = 0
        if let index = words.firstIndex(where: { Self.honorifics.contains($0) }), index < words.count - 1 {
            honorific = words[index]
            start = index + 1
        } else {
            honorific = nil
        }
        var rest = Array(words[start...])
        var original = Array(raw[(raw.count - words.count + start)...])
        while rest.count > 1, let last = rest.last, Self.suffixes.contains(last) {
            rest.removeLast()
            original.removeLast()
        }
        guard let last = rest.last else { return nil }
        // Lower-case particles ("du Cann", "de Freitas") belong to the surname.
        var surnameWords = [last]
        var index = rest.count - 2
        while index >= 0, Self.particles.contains(rest[index]), index < original.count,
            original[index].first?.isLowercase == true
        {
            surnameWords.insert(rest[index], at: 0)
            index -= 1
        }
        surname = surnameWords.joined(separator: " ")
        given = Array(rest[0..<(index + 1)])
    }

    /// A peer, bishop or other titled member, named by the whole title.
    public var isTitled: Bool { title != nil }

    /// True when the two could be the same person: the same title, or the same surname and honorific (where
    /// both give one) with given names that agree as far as both go ("D." agrees with "David").
    public func isCompatible(with other: PersonName) -> Bool {
        if let title, let otherTitle = other.title { return title == otherTitle }
        if title != nil || other.title != nil { return false }
        guard surname == other.surname else { return false }
        if let a = honorific, let b = other.honorific, Self.honorificClass(a) != Self.honorificClass(b) { return false }
        for (a, b) in zip(given, other.given) {
            if a.count == 1 || b.count == 1 {
                if a.first != b.first { return false }
            } else if a != b {
                return false
            }
        }
        return true
    }

    /// How much of the name the label gives: longer given names and more of them make a fuller name.
    public var fullness: Int { given.reduce(0) { $0 + $1.count } + (honorific == nil ? 0 : 1) }

    /// Orders a person's labels for display, so that the name chosen is the best and always the same.
    ///
    /// The fullest name comes first; then one printed in ordinary case ("Mr. McKenna" before the historic pages'
    /// "Mr. McKENNA"); then the longest; then alphabetical, so the choice is stable.
    public static func displayOrder(_ a: (label: String, name: PersonName?), _ b: (label: String, name: PersonName?))
        -> Bool
    {
        let (fa, fb) = (a.name?.fullness ?? 0, b.name?.fullness ?? 0)
        if fa != fb { return fa > fb }
        let (sa, sb) = (shouts(a.label), shouts(b.label))
        if sa != sb { return !sa }
        if a.label.count != b.label.count { return a.label.count > b.label.count }
        return a.label < b.label
    }

    /// A word of three or more letters printed in capitals ("McKENNA", "LORD").
    private static func shouts(_ label: String) -> Bool {
        label.split(separator: " ").contains { word in
            word.filter(\.isLetter).count >= 3 && word.dropFirst(2).allSatisfy { !$0.isLetter || $0.isUppercase }
        }
    }

    /// "Mr" and "Sir" can be one man at different dates; a Mrs and a Miss, a Dr and a Mr, are kept apart.
    private static func honorificClass(_ honorific: String) -> String {
        switch honorific {
        case "mr", "sir", "captain", "major", "colonel", "lieut", "commander", "hon": return "m"
        case "mrs", "dame", "lady": return "f"
        default: return honorific
        }
    }

    /// The key of a titled name, or of a surname with its first given initial: the part every compatible label shares.
    var stem: String {
        if let title { return "peer:" + title }
        return "name:" + surname
    }
}
