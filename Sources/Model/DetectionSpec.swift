import Foundation

/// One term, regular expression or negative term of a category, as written in feeds.yml or shipped.
public struct TermSpec: Sendable, Equatable {
    public var text: String
    public var weight: Double
    /// Terms of one group do not add up: a group scores its best term only (so "arrested and
    /// detained" is one enforcement action, not two). nil: the term is its own group.
    public var group: String?
    public init(_ text: String, _ weight: Double = 1.0, group: String? = nil) {
        self.text = text
        self.weight = weight
        self.group = group
    }
}

/// A category as configured under `detection.categories` (extending or replacing a built-in one,
/// or a new user category).
public struct CategorySpec: Sendable, Equatable {
    public var name: String
    public var terms: [TermSpec] = []
    public var regexes: [TermSpec] = []
    public var negative: [TermSpec] = []
    public var threshold: Double?
    /// Drop the shipped vocabulary of a built-in category and use only these terms.
    public var replaceBuiltIn = false
    public var enabled = true
    public init(name: String) { self.name = name }
}

/// A named watch-list: people or organisations, each with aliases in any script.
public struct WatchListSpec: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var aliases: [String]
        public init(name: String, aliases: [String]) {
            self.name = name
            self.aliases = aliases
        }
    }
    public var name: String
    public var entries: [Entry]
    public init(name: String, entries: [Entry]) {
        self.name = name
        self.entries = entries
    }
}

/// The `detection:` section of feeds.yml.
public struct DetectionSpec: Sendable, Equatable {
    public var categories: [CategorySpec] = []
    public var watchlists: [WatchListSpec] = []
    /// Alerts for the same story within this window are grouped into one.
    public var groupWindow: TimeInterval = 72 * 3600
    public var grouping = true
    public init() {}
}

/// Which new items and page changes become alerts.
public enum AlertPolicy: String, Sendable, Equatable, CaseIterable {
    /// Every new item and every (non-noise) page change, with whatever categories it got.
    case all
    /// Only those that matched at least one category or watch-list entry.
    case categorized
}

/// How two alerts' story keys compare (shared by Detection, which makes keys, and Snapshots, which
/// groups stored alerts).
public enum StorySimilarity {
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

    /// Near-duplicate titles: long enough to be specific, and almost the same bigrams.
    /// Titles that differ in a number ("第十批" and "第十一批", "4 detained" and "5 detained") are
    /// different stories however similar the rest.
    public static func sameStory(_ a: String, _ b: String) -> Bool {
        if a == b { return a.unicodeScalars.count >= 6 }
        guard min(a.unicodeScalars.count, b.unicodeScalars.count) >= 12 else { return false }
        guard numbers(a) == numbers(b) else { return false }
        if dice(a.replacingOccurrences(of: " ", with: ""), b.replacingOccurrences(of: " ", with: "")) >= 0.85 { return true }
        // English headlines rewritten with the words in another order ("Shenzhen police detain four
        // labour activists" / "Four labour activists detained by Shenzhen police").
        let x = words(a), y = words(b)
        let shared = x.intersection(y).count
        return shared >= 4 && Double(shared) / Double(x.union(y).count) >= 0.75
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
