import Foundation

/// Finds every occurrence of many terms in one scan (Aho–Corasick over UTF-8 bytes), so the cost of
/// classifying an item grows with its length, not with the size of the vocabulary.
///
/// Terms are matched against folded text (`TextNormalizer.fold`). A term edge that is a Latin letter
/// or digit must sit on a word boundary ("arrest" does not match "arrestor", "law" not "lawn");
/// a term ending in `*` is a stem ("detain*" matches detained, detains, detaining). Chinese edges
/// need no boundary: Chinese is written without spaces and matches as a substring.
struct TermMatcher: Sendable {
    struct Hit: Equatable {
        var term: Int
        var start: Int
        var end: Int
    }

    private struct Pattern: Sendable {
        var bytes: [UInt8]
        var boundaryStart: Bool
        var boundaryEnd: Bool
    }

    private var next: [Int: Int32] = [:]   // (state << 8 | byte) → state
    private var fail: [Int32] = [0]
    private var output: [[Int32]] = [[]]
    private var patterns: [Pattern] = []

    /// `terms` must already be folded; their index in the array identifies them in hits. Terms whose
    /// index is in `substrings` match anywhere, without word boundaries.
    init(terms: [String], substrings: Set<Int> = []) {
        for (i, term) in terms.enumerated() {
            var text = term
            var stem = substrings.contains(i)
            if text.hasSuffix("*") { text.removeLast(); stem = true }
            let bytes = Array(text.utf8)
            let bounded = !substrings.contains(i)
            patterns.append(Pattern(bytes: bytes, boundaryStart: bounded && (bytes.first.map(Self.isASCIIWordByte) ?? false),
                                    boundaryEnd: !stem && (bytes.last.map(Self.isASCIIWordByte) ?? false)))
        }
        for (index, p) in patterns.enumerated() where !p.bytes.isEmpty {
            var state = 0
            for b in p.bytes {
                if let s = next[state << 8 | Int(b)] {
                    state = Int(s)
                } else {
                    fail.append(0)
                    output.append([])
                    let s = fail.count - 1
                    next[state << 8 | Int(b)] = Int32(s)
                    state = s
                }
            }
            output[state].append(Int32(index))
        }
        // Breadth-first failure links; outputs of the failure state are inherited.
        var children: [[(UInt8, Int)]] = Array(repeating: [], count: fail.count)
        for (key, s) in next { children[key >> 8].append((UInt8(key & 0xFF), Int(s))) }
        var queue = children[0].map(\.1)
        var head = 0
        while head < queue.count {
            let r = queue[head]; head += 1
            for (b, s) in children[r] {
                queue.append(s)
                var f = Int(fail[r])
                while f != 0, next[f << 8 | Int(b)] == nil { f = Int(fail[f]) }
                let target = next[f << 8 | Int(b)].map(Int.init) ?? 0
                fail[s] = Int32(target == s ? 0 : target)
                output[s] += output[Int(fail[s])]
            }
        }
    }

    /// Every hit in `text` (folded) that respects the word boundaries.
    func hits(in text: [UInt8]) -> [Hit] {
        var result: [Hit] = []
        var state = 0
        for (i, b) in text.enumerated() {
            while true {
                if let s = next[state << 8 | Int(b)] { state = Int(s); break }
                if state == 0 { break }
                state = Int(fail[state])
            }
            for t in output[state] {
                let p = patterns[Int(t)]
                let start = i + 1 - p.bytes.count
                if p.boundaryStart, Self.isWordChar(before: start, in: text) { continue }
                if p.boundaryEnd, Self.isWordChar(at: i + 1, in: text) { continue }
                result.append(Hit(term: Int(t), start: start, end: i + 1))
            }
        }
        return result
    }

    static func isASCIIWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A)
    }

    /// A letter of an alphabetic script: ASCII alphanumerics, and two-byte UTF-8 sequences (accented
    /// Latin, Greek, Cyrillic). CJK and punctuation (three bytes and more) are not word characters.
    private static func isWordLead(_ b: UInt8) -> Bool {
        isASCIIWordByte(b) || (b >= 0xC2 && b <= 0xDF)
    }

    private static func isWordChar(at index: Int, in text: [UInt8]) -> Bool {
        index < text.count && isWordLead(text[index])
    }

    private static func isWordChar(before index: Int, in text: [UInt8]) -> Bool {
        var i = index - 1
        while i >= 0, text[i] & 0xC0 == 0x80 { i -= 1 }
        return i >= 0 && isWordLead(text[i])
    }
}
