/// The one escaping every Markdown hansard writes goes through: `hansard analyse --format md`,
/// `hansard commitments --format md`, `hansard diff --format md` and the report's `commitments.md`.
///
/// Text from pages and users is data, never markup: a page title `<script>…</script>` or a
/// `[click](javascript:…)` must print as those characters, not as an element or a live link.
public enum Markdown {
    /// `value` on one line, with Markdown's and inline HTML's active characters backslash-escaped (`&` as
    /// `&amp;`) and control characters written visibly (see ``ControlCharacters``).
    public static func escape(_ value: String) -> String {
        var output = ""
        for character in TextTable.oneLine(value) {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "#", "|", "<", ">", "~": output += "\\" + String(character)
            case "&": output += "&amp;"
            default: output.append(character)
            }
        }
        return output
    }

    /// An autolink `<url>` when `url` is a plain http or https URL, else the URL as escaped text: a
    /// `javascript:` or `data:` target never becomes a link.
    public static func link(_ url: String) -> String {
        let lower = url.lowercased()
        let plain = url.unicodeScalars.allSatisfy {
            $0.value > 0x20 && $0.value < 0x7F && !"<>\"`\\".unicodeScalars.contains($0)
        }
        if plain && (lower.hasPrefix("https://") || lower.hasPrefix("http://")) { return "<\(url)>" }
        return escape(url)
    }
}
