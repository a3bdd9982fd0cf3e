import ArgumentParser
import Foundation
import Model
import Parsing

struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Extract items (or page text) from a saved file, to debug a source offline.",
        discussion: """
        Example:
          civicwatch parse notices.xml --json
          civicwatch parse drafts.html --type list --items "//ul[@class='list']/li" --title a --link a/@href
          civicwatch parse law.html --type page --content "//div[@id='content']"
        """
    )

    @Argument(help: "The saved file.")
    var file: String

    @Option(help: "feed, list or page.")
    var type: SourceType = .feed

    @Option(help: "The URL the file came from (resolves relative links).")
    var url: String = "http://localhost/"

    @Option(help: "The Content-Type the server sent (its charset wins over the file's own).")
    var contentType: String?

    @Option(help: "list: XPath to each item.") var items: String?
    @Option(help: "list: XPath of the title, relative to the item.") var title: String = "."
    @Option(help: "list: XPath of the link, relative to the item.") var link: String = ".//a/@href"
    @Option(help: "list: XPath of the date, relative to the item.") var date: String?
    @Option(help: "page: XPath of the watched content.") var content: String?
    @Option(help: "page: XPath of a part to leave out (repeatable).") var ignore: [String] = []
    @Option(help: "Zone for dates without one (default +08:00).") var timezone: String?

    @Flag(help: "Print the parsed document as JSON.") var json = false

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw fail("cannot read \(file)", status: Status.usage)
        }
        if type == .list && items == nil { throw fail("--type list needs --items", status: Status.usage) }
        let list = items.map { ListSelectors(items: $0, title: title, link: link, date: date) }
        var zone = TimeZone(secondsFromGMT: 8 * 3600)!
        if let timezone {
            guard let z = TimeZone(identifier: timezone) ?? TimeZone(abbreviation: timezone) else {
                throw fail("cannot read time zone \(timezone)", status: Status.usage)
            }
            zone = z
        }
        do {
            let doc = try Parser.parse(ParseInput(data: data, url: url, contentType: contentType), as: type, list: list,
                                       content: content, ignore: ignore, timezone: zone)
            DocumentPrinter.print(doc, json: json)
        } catch {
            throw fail("\(file): \(error)", status: Status.someFailed)
        }
    }
}

extension SourceType: ExpressibleByArgument {}

enum DocumentPrinter {
    static func print(_ doc: ParsedDocument, json: Bool) {
        if json {
            let e = JSONEncoder()
            e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            e.keyEncodingStrategy = .convertToSnakeCase
            e.dateEncodingStrategy = .custom { d, enc in var c = enc.singleValueContainer(); try c.encode(ISO8601.string(d)) }
            if let data = try? e.encode(doc) { Swift.print(String(decoding: data, as: UTF8.self)) }
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
}
