import Foundation
import Model

/// The categories and watch-lists an item is classified against: the two built-in bilingual
/// categories (`regulation`, `crackdown`, in `BuiltInVocabulary+*.swift`), merged with what
/// feeds.yml's `detection:` section adds, overrides or defines.
public struct DetectionRules: Sendable {
    public struct Category: Sendable, Equatable {
        public var name: String
        /// A category is assigned when its score reaches this.
        public var threshold: Double
        public var terms: [TermSpec]
        /// Regular expressions, matched against folded text (lower case, NFKC, Simplified Chinese).
        public var regexes: [RegexRule]
        /// Terms that lower the score ("regulation time", 诈骗): their weight is subtracted.
        public var negative: [TermSpec]
        /// Negative groups that only speak against weak evidence: they are not subtracted when the
        /// title alone matches two independent positive groups. A headline that itself says who was
        /// acted on ("… as police detain four activists") reports an event, even when the same item
        /// reports a new law (whose words are `crackdown`'s `legislative-news` negatives).
        public var weakEvidenceNegatives: Set<String>

        public init(name: String, threshold: Double = 1.0, terms: [TermSpec] = [], regexes: [RegexRule] = [],
                    negative: [TermSpec] = [], weakEvidenceNegatives: Set<String> = []) {
            self.name = name
            self.threshold = threshold
            self.terms = terms
            self.regexes = regexes
            self.negative = negative
            self.weakEvidenceNegatives = weakEvidenceNegatives
        }
    }

    public struct RegexRule: Sendable, Equatable {
        public var pattern: String
        public var weight: Double
        public var group: String?
        /// Literals of which one must occur in the text for the expression to be tried (a cheap
        /// pre-check: running every expression on every field would cost more than the term scan).
        public var triggers: [String]
        /// What the match is reported as in `matches` (the pattern itself when nil).
        public var label: String?
        public init(_ pattern: String, _ weight: Double, group: String? = nil, triggers: [String] = [], label: String? = nil) {
            self.pattern = pattern
            self.weight = weight
            self.group = group
            self.triggers = triggers
            self.label = label
        }
    }

    public var categories: [Category]
    public var watchlists: [WatchListSpec]
    /// How much each field counts: a term in the title says more about the item than one deep in its body.
    public var fieldFactors: [String: Double] = ["title": 1.0, "summary": 0.9, "content": 0.6, "added": 1.0]

    public init(categories: [Category], watchlists: [WatchListSpec] = []) {
        self.categories = categories
        self.watchlists = watchlists
    }

    /// The shipped categories only.
    public static var builtIn: DetectionRules {
        DetectionRules(categories: [BuiltInVocabulary.regulation, BuiltInVocabulary.crackdown])
    }

    /// The built-in categories with feeds.yml's `detection:` applied: a spec naming a built-in
    /// category extends it (or replaces its vocabulary with `replace: true`, or switches it off with
    /// `enabled: false`); any other name defines a user category.
    public init(spec: DetectionSpec) {
        var categories = Self.builtIn.categories
        for c in spec.categories {
            let regexes = c.regexes.map { RegexRule($0.text, $0.weight, group: $0.group) }
            if let i = categories.firstIndex(where: { $0.name == c.name }) {
                if !c.enabled { categories.remove(at: i); continue }
                if c.replaceBuiltIn {
                    categories[i].terms = []
                    categories[i].regexes = []
                    categories[i].negative = []
                }
                categories[i].terms += c.terms
                categories[i].regexes += regexes
                categories[i].negative += c.negative
                if let t = c.threshold { categories[i].threshold = t }
            } else if c.enabled {
                categories.append(Category(name: c.name, threshold: c.threshold ?? 1.0, terms: c.terms,
                                           regexes: regexes, negative: c.negative))
            }
        }
        self.init(categories: categories, watchlists: spec.watchlists)
    }
}
