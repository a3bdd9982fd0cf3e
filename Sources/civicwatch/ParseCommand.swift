import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif
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

    @Flag(help: "Only print what was parsed (format, encoding, items) and how long parsing took; for benchmarks.")
    var stats = false

    func run() throws {
        tuneAllocatorForParsing()
        // Mapped, not read: the parser copies the bytes once anyway.
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: file), options: .alwaysMapped) else {
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
            let start = DispatchTime.now().uptimeNanoseconds
            let doc = try parse(input, zone: zone)
            if stats {
                let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
                Swift.print("format: \(doc.format.rawValue), encoding: \(doc.encoding), well-formed: \(doc.wellFormed), "
                    + "items: \(doc.items.count), bytes: \(data.count), parse: \(String(format: "%.0f", ms)) ms")
                return
            }
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
            FileHandle.standardOutput.write(Data(DocumentJSON.render(doc)))
            return
        }
        Swift.print("format: \(doc.format.rawValue), encoding: \(doc.encoding), well-formed: \(doc.wellFormed ? "yes" : "no (recovered)")")
        if let t = doc.title { Swift.print("title: \(t)") }
        for (i, item) in doc.items.enumerated() {
            Swift.print("\(i + 1). \(item.title)")
            if let l = item.link { Swift.print("   \(l)") }
            if let d = item.published ?? item.updated { Swift.print("   \(DocumentJSON.iso8601(d))") }
        }
        if let text = doc.text {
            if !doc.contentMatched { Swift.print("(the content selector matched nothing)") }
            Swift.print(text)
        }
        for f in doc.feedLinks { Swift.print("feed: \(f)") }
    }

    static func printFeedLinks(_ links: [String], json: Bool) {
        if json {
            var out = "{\n  \"feed_links\": ["
            out += links.map { "\n    " + DocumentJSON.quote($0) }.joined(separator: ",")
            out += links.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
            FileHandle.standardOutput.write(Data(out.utf8))
        } else {
            for l in links { Swift.print(l) }
        }
    }
}

/// The stable JSON shape of `civicwatch parse --json` and `test-source --json` (docs/parse-json.md):
/// every key is always present (null when absent), in a fixed order; dates are ISO 8601 in UTC
/// (`2026-03-05T06:30:00Z`). Written by hand: Foundation's JSONEncoder and ISO8601DateFormatter
/// cost more than parsing on a 20 MB feed.
enum DocumentJSON {
    static func render(_ doc: ParsedDocument) -> [UInt8] {
        var o = Writer()
        o.bytes.reserveCapacity(doc.items.count * 700 + (doc.text?.utf8.count ?? 0) + 512)
        o.raw("{\n  \"format\": "); o.string(doc.format.rawValue)
        o.raw(",\n  \"well_formed\": "); o.raw(doc.wellFormed ? "true" : "false")
        o.raw(",\n  \"encoding\": "); o.string(doc.encoding)
        o.raw(",\n  \"title\": "); o.string(doc.title)
        o.raw(",\n  \"items\": [")
        for (i, item) in doc.items.enumerated() {
            o.raw(i == 0 ? "\n    {" : ",\n    {")
            o.raw("\n      \"id\": "); o.string(item.id)
            o.raw(",\n      \"title\": "); o.string(item.title)
            o.raw(",\n      \"link\": "); o.string(item.link)
            o.raw(",\n      \"published\": "); o.date(item.published)
            o.raw(",\n      \"updated\": "); o.date(item.updated)
            o.raw(",\n      \"summary\": "); o.string(item.summary)
            o.raw(",\n      \"content\": "); o.string(item.content)
            o.raw(",\n      \"author\": "); o.string(item.author)
            o.raw("\n    }")
        }
        o.raw(doc.items.isEmpty ? "]" : "\n  ]")
        o.raw(",\n  \"feed_links\": [")
        for (i, l) in doc.feedLinks.enumerated() { if i > 0 { o.raw(", ") }; o.string(l) }
        o.raw("]")
        o.raw(",\n  \"text\": "); o.string(doc.text)
        o.raw(",\n  \"content_matched\": "); o.raw(doc.contentMatched ? "true" : "false")
        o.raw("\n}\n")
        return o.bytes
    }

    static func quote(_ s: String?) -> String {
        var o = Writer()
        o.string(s)
        return String(decoding: o.bytes, as: UTF8.self)
    }

    struct Writer {
        var bytes = [UInt8]()
        private static let hex = Array("0123456789abcdef".utf8)

        mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

        /// `"yyyy-MM-ddTHH:mm:ssZ"` or null.
        mutating func date(_ d: Date?) {
            guard let d else { raw("null"); return }
            let (y, mo, day, h, mi, s) = DocumentJSON.civil(d)
            func digits(_ v: Int, _ n: Int) { var p = 1; for _ in 1..<n { p *= 10 }; var v = v; while p > 0 { bytes.append(UInt8(0x30 + v / p % 10)); v %= p; p /= 10 } }
            bytes.append(0x22)
            digits(max(0, min(y, 9999)), 4); bytes.append(0x2D); digits(mo, 2); bytes.append(0x2D); digits(day, 2)
            bytes.append(0x54); digits(h, 2); bytes.append(0x3A); digits(mi, 2); bytes.append(0x3A); digits(s, 2)
            bytes.append(0x5A); bytes.append(0x22)
        }

        /// A JSON string literal (or null), escaping quotes, backslashes and control characters.
        mutating func string(_ s: String?) {
            guard var s else { raw("null"); return }
            bytes.append(0x22)
            s.withUTF8 { u in
                var start = 0
                for (i, b) in u.enumerated() where b < 0x20 || b == 0x22 || b == 0x5C {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[start..<i]))
                    switch b {
                    case 0x22: bytes += [0x5C, 0x22]
                    case 0x5C: bytes += [0x5C, 0x5C]
                    case 0x0A: bytes += [0x5C, 0x6E]
                    case 0x0D: bytes += [0x5C, 0x72]
                    case 0x09: bytes += [0x5C, 0x74]
                    default: bytes += [0x5C, 0x75, 0x30, 0x30, Writer.hex[Int(b >> 4)], Writer.hex[Int(b & 0xF)]]
                    }
                    start = i + 1
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[start..<u.count]))
            }
            bytes.append(0x22)
        }
    }

    /// `yyyy-MM-ddTHH:mm:ssZ` in UTC.
    static func iso8601(_ date: Date) -> String {
        var w = Writer()
        w.date(date)
        return String(decoding: w.bytes.dropFirst().dropLast(), as: UTF8.self)
    }

    /// UTC calendar fields of an instant (civil-from-days, Howard Hinnant's algorithm).
    static func civil(_ date: Date) -> (Int, Int, Int, Int, Int, Int) {
        let t = Int(date.timeIntervalSince1970.rounded(.down))
        let days = t >= 0 ? t / 86400 : (t - 86399) / 86400
        let secs = t - days * 86400
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return (y, m, d, secs / 3600, secs % 3600 / 60, secs % 60)
    }
}
