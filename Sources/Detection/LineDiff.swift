import Foundation
import Model

/// Line diffs of watched page text.
public enum LineDiff {
    /// Splits text into comparable units: lines, and Chinese sentences after 。；！？ — a law text
    /// often puts a whole article on one line, and a one-character amendment should show as the
    /// sentence that changed, not the whole article.
    public static func units(_ text: String) -> [String] {
        var result: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            var current = ""
            for ch in line {
                current.append(ch)
                if sentenceEnds.contains(ch) {
                    let t = current.trimmedWhitespace()
                    if !t.isEmpty { result.append(t) }
                    current = ""
                }
            }
            let t = current.trimmedWhitespace()
            if !t.isEmpty { result.append(t) }
        }
        return result
    }

    static let sentenceEnds: Set<Character> = ["。", "；", "！", "？"]

    /// A unified diff (Myers, via the standard library) with `context` unchanged units around each change.
    public static func diff(old: String, new: String, context: Int = 1) -> [DiffLine] {
        let a = units(old), b = units(new)
        return diff(a, b, keysA: a, keysB: b, context: context)
    }

    /// Diffs units by their keys (e.g. with dates and counters masked) and shows the units themselves.
    public static func diff(_ a: [String], _ b: [String], keysA: [String], keysB: [String], context: Int = 1) -> [DiffLine] {
        let changes = keysB.difference(from: keysA)
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
