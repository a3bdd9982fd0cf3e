/// Whitespace trimming without Foundation's NSString bridge, which showed up in profiles of a pass
/// (every response header line and item field went through it).
extension StringProtocol {
    /// The string without leading and trailing Unicode whitespace (spaces, tabs, line breaks,
    /// U+00A0, U+3000 …), as `trimmingCharacters(in: .whitespacesAndNewlines)` but native.
    public func trimmedWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[first...last])
        return String(out)
    }
}
