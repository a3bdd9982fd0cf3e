import Foundation

/// Folds text so that one rule matches every way a source writes a word: NFKC (full-width Latin,
/// digits and punctuation → ASCII), case folding, and Traditional → Simplified Chinese, so a term
/// written once in Simplified matches Hong Kong and Taiwan sources too.
public enum TextNormalizer {
    /// NFKC, lower case, Traditional → Simplified, whitespace collapsed to single spaces.
    public static func fold(_ s: String) -> String {
        let nfkc = s.precomposedStringWithCompatibilityMapping.lowercased()
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        let table = simplified
        for u in nfkc.unicodeScalars {
            if u.properties.isWhitespace || u == "\u{200B}" || u == "\u{FEFF}" {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            if u.value >= 0x3400, let s = table[u.value] { out.append(s) } else { out.append(u) }
        }
        return String(out)
    }

    /// Traditional → Simplified for one string (the table below, taken from ICU).
    public static func simplify(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { u in
            u.value >= 0x3400 ? (simplified[u.value] ?? u) : u
        }))
    }

    /// Every CJK Unified Ideograph whose Simplified form differs. The pairs were computed once with
    /// ICU's Traditional-Simplified transliterator (scripts/gen-simplified-table.swift): building
    /// them at run time took a tenth of a second of every pass that classified anything.
    static let simplified: [UInt32: Unicode.Scalar] = {
        var table: [UInt32: Unicode.Scalar] = [:]
        table.reserveCapacity(3200)
        var from: Unicode.Scalar?
        for u in simplifiedPairs.unicodeScalars where u.value >= 0x3400 {
            if let f = from { table[f.value] = u; from = nil } else { from = u }
        }
        return table
    }()
}
