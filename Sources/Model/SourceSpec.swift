import Foundation

/// What kind of document a source is, which decides how it is parsed and compared.
public enum SourceType: String, Sendable, Codable, CaseIterable {
    /// RSS 0.9x/2.0, RSS 1.0 (RDF) or Atom: items come from the feed.
    case feed
    /// An HTML page that lists items (a ministry notice list): items come from XPath selectors.
    case list
    /// A document whose text is watched as a whole (a law text, a country page).
    case page
}

/// XPath expressions that turn an HTML list page into items. `title`, `link`, `date` and
/// `summary` are relative to each node matched by `items`.
public struct ListSelectors: Sendable, Equatable, Codable {
    public var items: String
    public var title: String
    public var link: String
    public var date: String?
    public var summary: String?

    public init(items: String, title: String = ".", link: String = ".//a/@href",
                date: String? = nil, summary: String? = nil) {
        self.items = items
        self.title = title
        self.link = link
        self.date = date
        self.summary = summary
    }
}

/// One watched source with every default already applied: the plain value the pass works from.
public struct SourceSpec: Sendable, Equatable {
    public var id: String
    public var title: String
    public var url: String
    public var type: SourceType
    public var tags: [String]
    /// Minimum time between two checks; a pass skips a source that is not due.
    public var interval: TimeInterval
    public var timeout: TimeInterval
    public var connectTimeout: TimeInterval
    public var maxBytes: Int
    public var userAgent: String
    public var proxy: String?
    /// Extra request headers ("Name: value").
    public var headers: [String]
    /// Charset to use when the source mislabels itself (overrides header, declaration and meta).
    public var encoding: String?
    /// Offset used for dates without a zone on `list` sources (China Standard Time by default).
    public var timezone: TimeZone
    public var list: ListSelectors?
    /// `page` sources: the part of the document whose text is watched (whole body when nil).
    public var content: String?
    /// `page` sources: parts removed before comparing (visit counters, clocks, related links).
    public var ignore: [String]
    /// Where the source was declared, for error messages ("feeds.yml:42").
    public var origin: String
    /// A `source_error` alert is raised when this many passes in a row failed (once per streak).
    public var failureAlertAfter: Int
    /// Raise `source_quiet` when nothing new appeared for this long (nil: never).
    public var expectUpdateWithin: TimeInterval?
    /// Categories every new item of this source belongs to (`category:`), e.g. a ministry's list of
    /// regulations; the rules still run for the other categories.
    public var categoryHints: [String] = []
    /// Which new items and page changes become alerts (`alert_on:`).
    public var alertOn: AlertPolicy = .all
    /// `page` sources: regular expressions whose matches are ignored when comparing (`ignore_patterns:`).
    public var ignorePatterns: [String] = []
    /// `page` sources: apply the built-in noise patterns (dates, times, counters, session tokens).
    public var builtInNoise = true
    /// `page` sources: fewer changed characters than this is not a change (`min_change:`).
    public var minChange = 0
    /// `page` sources: alert only when text was added (`only: added`).
    public var onlyAdded = false
    /// Sinks that get this source's alerts (names as in feeds.yml: `team` or `email:team`); nil: every sink
    /// whose own filters accept them. See SinkRoutes.
    public var sinks: [String]?

    public init(id: String, title: String, url: String, type: SourceType, tags: [String] = [],
                interval: TimeInterval = 3600, timeout: TimeInterval = 30, connectTimeout: TimeInterval = 10,
                maxBytes: Int = 10 << 20, userAgent: String = SourceSpec.defaultUserAgent,
                proxy: String? = nil, headers: [String] = [], encoding: String? = nil,
                timezone: TimeZone = TimeZone(secondsFromGMT: 8 * 3600)!, list: ListSelectors? = nil,
                content: String? = nil, ignore: [String] = [], origin: String = "", failureAlertAfter: Int = 2) {
        self.id = id
        self.title = title
        self.url = url
        self.type = type
        self.tags = tags
        self.interval = interval
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.maxBytes = maxBytes
        self.userAgent = userAgent
        self.proxy = proxy
        self.headers = headers
        self.encoding = encoding
        self.timezone = timezone
        self.list = list
        self.content = content
        self.ignore = ignore
        self.origin = origin
        self.failureAlertAfter = failureAlertAfter
        self.expectUpdateWithin = nil
        self.sinks = nil
    }

    public static let defaultUserAgent = "CivicWatch/\(CivicWatchVersion.string) (+https://github.com/civicwatch/civicwatch)"
}

public enum CivicWatchVersion {
    public static let string = "0.1.0"
}

extension SourceSpec {
    /// The URL without `user:password@`: what is shown, stored and put in alerts. Only the fetch
    /// itself uses `url`, whose credentials are a secret.
    public var displayURL: String { URLCredentials.strip(url) }
}

/// Credentials inside URLs (`scheme://user:pass@host/…`) never leave the fetcher.
public enum URLCredentials {
    /// The URL without `user:password@`, for anything a user or a log may see.
    /// Reads the UTF-8 bytes (every delimiter is ASCII): run for every source of a pass.
    public static func strip(_ raw: String) -> String {
        guard let schemeEnd = schemeSeparator(raw) else { return raw }
        let start = schemeEnd.upperBound
        let bytes = raw.utf8
        let end = authorityEnd(raw[start...])
        guard let at = bytes[start..<end].lastIndex(of: UInt8(ascii: "@")) else { return raw }
        return String(raw[..<start]) + String(raw[bytes.index(after: at)...])
    }

    /// Where the authority after "scheme://" ends: the first "/", "?" or "#", or the end.
    public static func authorityEnd(_ rest: Substring) -> String.Index {
        rest.utf8.firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) ?? rest.endIndex
    }

    /// The first "://", found on the UTF-8 bytes. Foundation's `range(of:)` goes through NSString,
    /// and the generic `firstRange(of:)` took 18 k instructions a call: either was percents of a
    /// nothing-changed pass.
    public static func schemeSeparator(_ s: String) -> Range<String.Index>? {
        let u = s.utf8
        var i = u.startIndex
        while i != u.endIndex {
            if u[i] == UInt8(ascii: ":") {
                let j = u.index(after: i)
                if j != u.endIndex, u[j] == UInt8(ascii: "/") {
                    let k = u.index(after: j)
                    if k != u.endIndex, u[k] == UInt8(ascii: "/") { return i..<u.index(after: k) }
                }
            }
            i = u.index(after: i)
        }
        return nil
    }
}
