import Foundation
import Model

/// Line diffs of watched page text.
public enum LineDiff {
    /// Splits text into comparable units: lines, and Chinese sentences after 。；！？ — a law text
    /// often puts a whole article on one line, and a one-character amendment should show as the
    /// sentence that changed, not the whole article.
    public static func units(_ text: String) -> [String] {
        // Read as UTF-8 bytes: walking Characters (grapheme breaking, a Set<Character> lookup per
        // character) made this a seventh of a pass that compares changed pages.
        var text = text
        return text.withUTF8 { b in
            var result: [String] = []
            var start = 0, i = 0
            func cut(_ end: Int, next: Int) {
                if end > start {
                    let t = String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self).trimmedWhitespace()
                    if !t.isEmpty { result.append(t) }
                }
                start = next
            }
            while i < b.count {
                let x = b[i]
                if x == 0x0A || x == 0x0B || x == 0x0C || x == 0x0D {
                    cut(i, next: i + 1)
                    i += 1
                } else if x == 0xC2, i + 1 < b.count, b[i + 1] == 0x85 {  // NEL
                    cut(i, next: i + 2)
                    i += 2
                } else if x == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0xA8 || b[i + 2] == 0xA9 {  // LS, PS
                    cut(i, next: i + 3)
                    i += 3
                } else if i + 2 < b.count, isSentenceEnd(x, b[i + 1], b[i + 2]), !extendsGrapheme(b, at: i + 3) {
                    cut(i + 3, next: i + 3)
                    i += 3
                } else {
                    i += 1
                }
            }
            cut(b.count, next: b.count)
            return result
        }
    }

    /// 。 ； ！ ？ in UTF-8.
    @inline(__always)
    private static func isSentenceEnd(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool {
        (a == 0xE3 && b == 0x80 && c == 0x82) || (a == 0xEF && b == 0xBC && (c == 0x9B || c == 0x81 || c == 0x9F))
    }

    /// Whether the scalar at `i` joins the preceding character (a combining mark, a variation
    /// selector, a zero-width joiner): a sentence end followed by one is not a sentence end, as
    /// when comparing whole Characters.
    private static func extendsGrapheme(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i < b.count, b[i] >= 0x80 else { return false }
        var it = UnsafeBufferPointer(rebasing: b[i...]).makeIterator()
        var decoder = UTF8()
        guard case let .scalarValue(scalar) = decoder.decode(&it) else { return false }
        return scalar.properties.isGraphemeExtend || scalar.value == 0x200D
            || scalar.properties.generalCategory == .spacingMark
    }

    /// A unified diff (Myers, via the standard library) with `context` unchanged units around each change.
    public static func diff(old: String, new: String, context: Int = 1) -> [DiffLine] {
        let a = units(old), b = units(new)
        return diff(a, b, keysA: a, keysB: b, context: context)
    }

    /// Diffs units by their keys (e.g. with dates and counters masked) and shows the units themselves.
    public static func diff(_ a: [String], _ b: [String], keysA: [String], keysB: [String], context: Int = 1) -> [DiffLine] {
        diff(a, b, context: context) { keysA[$0] == keysB[$1] }
    }

    /// Diffs units by an equivalence of their positions (`equivalent(i, j)`: a[i] and b[j] count
    /// as the same), asked only for the pairs the diff compares, so keys can be made lazily.
    public static func diff(_ a: [String], _ b: [String], context: Int = 1, equivalent: (Int, Int) -> Bool) -> [DiffLine] {
        let changes = Array(b.indices).difference(from: Array(a.indices)) { i, j in equivalent(i, j) }
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in changes {
            switch change {
            case let .remove(offset, _, _): removed.insert(offset)
            case let .insert(offset, _, _): inserted.insert(offset)
            }
        }
        // Walk both sequences in step, emitting removals before insertions at each point.
        var ops: [DiffLine] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, removed.contains(i) {
                ops.append(DiffLine(.removed, a[i])); i += 1
            } else if j < b.count, inserted.contains(j) {
                ops.append(DiffLine(.added, b[j])); j += 1
            } else {
                if j < b.count { ops.append(DiffLine(.context, b[j])) } else if i < a.count { ops.append(DiffLine(.context, a[i])) }
                i += 1; j += 1
            }
        }
        guard context >= 0 else { return ops }
        var keep = Array(repeating: false, count: ops.count)
        for (k, op) in ops.enumerated() where op.op != .context {
            for m in max(0, k - context)...min(ops.count - 1, k + context) { keep[m] = true }
        }
        return ops.enumerated().filter { keep[$0.offset] }.map(\.element)
    }
}
