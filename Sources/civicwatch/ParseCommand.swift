import ArgumentParser
import Foundation
import Model
import Parsing

struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Extract items (or page text, or advertised feeds) from a saved file, to debug a source offline.",
        discussion: """
        Without --type, a feed (RSS, RDF, Atom, CDF) is read as a feed and anything else as an HTML
        page, whose advertised feeds are listed. The --json output is described in docs/parse-json.md.

        Examples:
          civicwatch parse notices.xml --json
          civicwatch parse index.html --discover
          civicwatch parse drafts.html --type list --items "ul.list > li" --title a --link a/@href
          civicwatch parse law.html --type page --content "//div[@id='content']"
        """
    )

    @Argument(help: "The saved file.")
    var file: String

    @Option(help: "feed, list or page (default: feed if the file is one, else page).")
    var type: SourceType?

    @Option(help: "The URL the file came from (resolves relative links; without it they stay relative unless the document has xml:base or <base>).")
    var url: String?

    @Option(help: "The Content-Type the server sent (its charset wins over the file's own).")
    var contentType: String?

    @Option(help: "list: XPath or CSS selector of each item.") var items: String?
    @Option(help: "list: XPath of the title, relative to the item.") var title: String = "."
    @Option(help: "list: XPath of the link, relative to the item.") var link: String = ".//a/@href"
    @Option(help: "list: XPath of the date, relative to the item.") var date: String?
    @Option(help: "page: XPath of the watched content.") var content: String?
    @Option(help: "page: XPath of a part to leave out (repeatable).") var ignore: [String] = []
    @Option(help: "Zone for dates without one (default +08:00 for lists).") var timezone: String?

    @Flag(help: "Only list the feeds the page advertises (<link rel=\"alternate\">), one URL per line.")
    var discover = false

    @Flag(help: "Print the parsed document as JSON (docs/parse-json.md).") var json = false

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw fail("cannot read \(file)", status: Status.usage)
        }
        if type == .list && items == nil { throw fail("--type list needs --items", status: Status.usage) }
        var zone = TimeZone(secondsFromGMT: 8 * 3600)!
        if let timezone {
            guard let z = TimeZone(identifier: timezone) ?? TimeZone(abbreviation: timezone) else {
                throw fail("cannot read time zone \(timezone)", status: Status.usage)
            }
            zone = z
        }
        let input = ParseInput(data: data, url: url ?? "", contentType: contentType)
        do {
            if discover {
                let doc = try PageExtractor.extract(input, content: nil, ignore: [])
                DocumentPrinter.printFeedLinks(doc.feedLinks, json: json)
                return
            }
            let doc = try parse(input, zone: zone)
            DocumentPrinter.print(doc, json: json)
        } catch {
            throw fail("\(file): \(error)", status: Status.someFailed)
        }
    }

    private func parse(_ input: ParseInput, zone: TimeZone) throws -> ParsedDocument {
        let list = items.map { ListSelectors(items: $0, title: title, link: link, date: date) }
        if let type {
            return try Parser.parse(input, as: type, list: list, content: content, ignore: ignore, timezone: zone)
        }
        if list != nil { return try Parser.parse(input, as: .list, list: list, timezone: zone) }
        if content != nil { return try Parser.parse(input, as: .page, content: content, ignore: ignore, timezone: zone) }
        do {
            return try Parser.parse(input, as: .feed)
        } catch ParseError.notAFeed {
            // An HTML page (or other XML): its text and the feeds it advertises.
            return try Parser.parse(input, as: .page, ignore: ignore)
        }
    }
}

extension SourceType: ExpressibleByArgument {}

/// Prints a `ParsedDocument` for people, or as the JSON documented in docs/parse-json.md.
enum DocumentPrinter {
    static func print(_ doc: ParsedDocument, json: Bool) {
        if json {
            Swift.print(encode(DocumentJSON(doc)))
            return
        }
        Swift.print("format: \(doc.format.rawValue), encoding: \(doc.encoding), well-formed: \(doc.wellFormed ? "yes" : "no (recovered)")")
        if let t = doc.title { Swift.print("title: \(t)") }
        for (i, item) in doc.items.enumerated() {
            Swift.print("\(i + 1). \(item.title)")
            if let l = item.link { Swift.print("   \(l)") }
            if let d = item.published ?? item.updated { Swift.print("   \(ISO8601.string(d))") }
        }
        if let text = doc.text {
            if !doc.contentMatched { Swift.print("(the content selector matched nothing)") }
            Swift.print(text)
        }
        for f in doc.feedLinks { Swift.print("feed: \(f)") }
    }

    static func printFeedLinks(_ links: [String], json: Bool) {
        if json {
            struct Links: Encodable { let feed_links: [String] }
            Swift.print(encode(Links(feed_links: links)))
        } else {
            for l in links { Swift.print(l) }
        }
    }

    private static func encode<T: Encodable>(_ value: T) -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? e.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// The stable JSON shape of `civicwatch parse --json` and `test-source --json`: every key is
/// always present (null when absent), dates are ISO 8601 in UTC.
struct DocumentJSON: Encodable {
    let doc: ParsedDocument
    init(_ doc: ParsedDocument) { self.doc = doc }

    struct Item: Encodable {
        let item: FeedItem
        enum CodingKeys: String, CodingKey { case id, title, link, published, updated, summary, content, author }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(item.id, forKey: .id)
            try c.encode(item.title, forKey: .title)
            try c.encode(item.link, forKey: .link)
            try c.encode(item.published.map(ISO8601.string), forKey: .published)
            try c.encode(item.updated.map(ISO8601.string), forKey: .updated)
            try c.encode(item.summary, forKey: .summary)
            try c.encode(item.content, forKey: .content)
            try c.encode(item.author, forKey: .author)
        }
    }

    enum CodingKeys: String, CodingKey {
        case format, wellFormed = "well_formed", encoding, title, items, feedLinks = "feed_links", text, contentMatched = "content_matched"
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(doc.format.rawValue, forKey: .format)
        try c.encode(doc.wellFormed, forKey: .wellFormed)
        try c.encode(doc.encoding, forKey: .encoding)
        try c.encode(doc.title, forKey: .title)
        try c.encode(doc.items.map(Item.init), forKey: .items)
        try c.encode(doc.feedLinks, forKey: .feedLinks)
        try c.encode(doc.text, forKey: .text)
        try c.encode(doc.contentMatched, forKey: .contentMatched)
    }
}
