/// How two alerts' story keys compare (shared by Detection, which makes keys, and Snapshots, which
/// groups stored alerts).
public enum StorySimilarity {
    /// A title key with what the comparison needs worked out once. Grouping compares each new
    /// alert with up to 5,000 recent ones, so preparing both sides on every comparison made a
    /// large pass quadratic in string work.
    public struct Title: Sendable {
        public let text: String
        let scalarCount: Int
        let numbers: [String]
        /// Character bigrams of the title without spaces, with their counts.
        let bigrams: [UInt64: Int]
        let bigramTotal: Int
        /// The title without spaces, for titles too short to have bigrams.
        let despaced: String
        let words: Set<String>

        public init(_ text: String) {
            self.text = text
            scalarCount = text.unicodeScalars.count
            numbers = StorySimilarity.numbers(text)
            let x = Array(text.unicodeScalars.filter { $0 != " " })
            despaced = String(String.UnicodeScalarView(x))
            var counts: [UInt64: Int] = [:]
            if x.count >= 2 {
                for i in 0..<(x.count - 1) { counts[UInt64(x[i].value) << 32 | UInt64(x[i + 1].value), default: 0] += 1 }
            }
            bigrams = counts
            bigramTotal = max(0, x.count - 1)
            words = StorySimilarity.words(text)
        }
    }

    /// Dice coefficient over character bigrams of two normalised title keys.
    public static func dice(_ a: String, _ b: String) -> Double {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        guard x.count >= 2, y.count >= 2 else { return a == b ? 1 : 0 }
        var counts: [UInt64: Int] = [:]
        for i in 0..<(x.count - 1) { counts[UInt64(x[i].value) << 32 | UInt64(x[i + 1].value), default: 0] += 1 }
        var shared = 0
        for i in 0..<(y.count - 1) {
            let k = UInt64(y[i].value) << 32 | UInt64(y[i + 1].value)
            if let c = counts[k], c > 0 { shared += 1; counts[k] = c - 1 }
        }
        return 2 * Double(shared) / Double(x.count - 1 + y.count - 1)
    }

    /// `dice` of the two titles without their spaces, from the prepared bigram counts.
    static func dice(_ a: Title, _ b: Title) -> Double {
        guard a.bigramTotal >= 1, b.bigramTotal >= 1 else { return a.despaced == b.despaced ? 1 : 0 }
        let (small, large) = a.bigrams.count <= b.bigrams.count ? (a.bigrams, b.bigrams) : (b.bigrams, a.bigrams)
        var shared = 0
        for (k, c) in small { if let d = large[k] { shared += min(c, d) } }
        return 2 * Double(shared) / Double(a.bigramTotal + b.bigramTotal)
    }

    /// Near-duplicate titles: long enough to be specific, and almost the same bigrams.
    /// Titles that differ in a number ("第十批" and "第十一批", "4 detained" and "5 detained") are
    /// different stories however similar the rest.
    public static func sameStory(_ a: String, _ b: String) -> Bool {
        sameStory(Title(a), Title(b))
    }

    public static func sameStory(_ a: Title, _ b: Title) -> Bool {
        if a.text == b.text { return a.scalarCount >= 6 }
        guard min(a.scalarCount, b.scalarCount) >= 12 else { return false }
        guard a.numbers == b.numbers else { return false }
        if dice(a, b) >= 0.85 { return true }
        // English headlines rewritten with the words in another order ("Shenzhen police detain four
        // labour activists" / "Four labour activists detained by Shenzhen police").
        let shared = a.words.intersection(b.words).count
        return shared >= 4 && Double(shared) / Double(a.words.union(b.words).count) >= 0.75
    }

    static let stopWords: Set<String> = ["the", "and", "for", "with", "from", "after", "over", "into", "has", "have",
                                         "are", "was", "were", "its", "his", "her", "their", "this", "that", "amid", "say", "says"]

    /// Content words of at least three letters, crudely stemmed (detained/detains/detaining → detain).
    static func words(_ s: String) -> Set<String> {
        var result = Set<String>()
        for w in s.split(separator: " ") where w.count >= 3 && w.unicodeScalars.allSatisfy({ $0.value < 0x2E80 }) {
            var word = String(w)
            if stopWords.contains(word) { continue }
            for suffix in ["ing", "ed", "es", "s"] where word.count > suffix.count + 3 && word.hasSuffix(suffix) {
                word.removeLast(suffix.count)
                break
            }
            result.insert(word)
        }
        return result
    }

    static func numbers(_ s: String) -> [String] {
        var result: [String] = []
        var current = ""
        for u in s.unicodeScalars {
            if u.properties.numericType != nil { current.unicodeScalars.append(u) } else if !current.isEmpty {
                result.append(current)
                current = ""
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
