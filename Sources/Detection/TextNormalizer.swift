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

    /// Traditional → Simplified for one string, through ICU (reached via Foundation's transform).
    public static func simplify(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { u in
            u.value >= 0x3400 ? (simplified[u.value] ?? u) : u
        }))
    }

    /// Every CJK Unified Ideograph whose Simplified form differs, computed once per process by running
    /// ICU's Traditional-Simplified transliterator over the whole block. Calling ICU once per item
    /// would cost far more than the classification itself; a table lookup per character costs nothing.
    static let simplified: [UInt32: Unicode.Scalar] = {
        var table: [UInt32: Unicode.Scalar] = [:]
        let ranges: [ClosedRange<UInt32>] = [0x3400...0x4DBF, 0x4E00...0x9FFF]
        let transform = StringTransform("Traditional-Simplified")
        for range in ranges {
            // Chunks keep a rare multi-character mapping from shifting the rest of the block.
            for start in stride(from: range.lowerBound, through: range.upperBound, by: 512) {
                let end = min(start + 511, range.upperBound)
                let scalars = (start...end).compactMap(Unicode.Scalar.init)
                let input = String(String.UnicodeScalarView(scalars))
                guard let output = input.applyingTransform(transform, reverse: false) else { continue }
                let outScalars = Array(output.unicodeScalars)
                if outScalars.count == scalars.count {
                    for (a, b) in zip(scalars, outScalars) where a != b { table[a.value] = b }
                } else {
                    for a in scalars {
                        if let o = String(a).applyingTransform(transform, reverse: false),
                           o.unicodeScalars.count == 1, let b = o.unicodeScalars.first, b != a {
                            table[a.value] = b
                        }
                    }
                }
            }
        }
        return table
    }()
}
