import Foundation

/// Folds text so that one rule matches every way a source writes a word: NFKC (full-width Latin,
/// digits and punctuation → ASCII), case folding, and Traditional → Simplified Chinese, so a term
/// written once in Simplified matches Hong Kong and Taiwan sources too.
public enum TextNormalizer {
    /// NFKC, lower case, Traditional → Simplified, whitespace collapsed to single spaces.
    public static func fold(_ s: String) -> String {
        // NFKC through Foundation is most of folding, and text of ASCII and CJK ideographs (with
        // the common CJK punctuation) is already in NFKC: lower-casing is then all it would do.
        let nfkc = isNFKCStable(s) ? s.lowercased() : s.precomposedStringWithCompatibilityMapping.lowercased()
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

    /// True when every scalar is one NFKC leaves alone whatever surrounds it: ASCII, CJK
    /// ideographs (U+3400–U+4DBF, U+4E00–U+9FFF; no compatibility ideographs), and the CJK
    /// punctuation 、。《》「」『』【】 and curly quotes. No combining mark can follow, since none is allowed.
    static func isNFKCStable(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy { u in
            let v = u.value
            return v < 0x80 || (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF)
                || v == 0x3001 || v == 0x3002 || (v >= 0x300A && v <= 0x3011)
                || v == 0x2018 || v == 0x2019 || v == 0x201C || v == 0x201D
        }
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
