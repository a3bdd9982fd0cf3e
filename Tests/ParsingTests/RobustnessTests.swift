import Foundation
import XCTest
@testable import Parsing
import Model

/// Issue 3 points 2, 3, 5 and 6 as a user would check them: charset precedence, ill-formed
/// feeds, identities and links, feed discovery.
final class RobustnessTests: XCTestCase {
    private func feed(_ bytes: [UInt8], contentType: String? = nil, url: String = "http://example.cn/feed.xml") throws -> ParsedDocument {
        try FeedParser.parse(ParseInput(data: Data(bytes), url: url, contentType: contentType))
    }

    private func rss(_ items: String, prolog: String = #"<?xml version="1.0" encoding="utf-8"?>"#) -> [UInt8] {
        Array((prolog + "<rss version=\"2.0\"><channel><title>T</title>" + items + "</channel></rss>").utf8)
    }

    // MARK: Point 2: encodings

    func testByteOrderMarkWinsOverHeaderAndDeclaration() throws {
        let xml = #"<?xml version="1.0" encoding="gb2312"?><rss><channel><item><title>劳动法</title></item></channel></rss>"#
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in xml.utf16 { bytes += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        let doc = try feed(bytes, contentType: "text/xml; charset=iso-8859-1")
        XCTAssertEqual(doc.encoding, "utf-16le")
        XCTAssertEqual(doc.items.first?.title, "劳动法")
    }

    func testUTF32() throws {
        let xml = #"<?xml version="1.0"?><rss><channel><item><title>工会</title></item></channel></rss>"#
        var bytes: [UInt8] = [0x00, 0x00, 0xFE, 0xFF]
        for u in xml.unicodeScalars { let v = u.value; bytes += [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        let doc = try feed(bytes)
        XCTAssertEqual(doc.encoding, "utf-32be")
        XCTAssertEqual(doc.items.first?.title, "工会")
    }

    func testHeaderCharsetWinsOverXMLDeclaration() throws {
        // GBK bytes for 社会组织, declared ISO-8859-1 in the document, GBK in the header.
        let title: [UInt8] = [0xC9, 0xE7, 0xBB, 0xE1, 0xD7, 0xE9, 0xD6, 0xAF]
        let bytes = Array(#"<?xml version="1.0" encoding="iso-8859-1"?><rss><channel><item><title>"#.utf8) + title
            + Array("</title></item></channel></rss>".utf8)
        let doc = try feed(bytes, contentType: "application/rss+xml; charset=GBK")
        XCTAssertEqual(doc.encoding, "gb18030")
        XCTAssertEqual(doc.items.first?.title, "社会组织")
    }

    func testUndeclaredGBKIsDetected() throws {
        let title: [UInt8] = [0xB9, 0xD8, 0xD3, 0xDA, 0xBC, 0xD3, 0xC7, 0xBF, 0xC9, 0xE7, 0xBB, 0xE1, 0xD7, 0xE9, 0xD6, 0xAF,
                              0xB9, 0xDC, 0xC0, 0xED, 0xB5, 0xC4, 0xCD, 0xA8, 0xD6, 0xAA]  // 关于加强社会组织管理的通知
        let bytes = Array("<?xml version=\"1.0\"?><rss><channel><item><title>".utf8) + title + Array("</title></item></channel></rss>".utf8)
        let doc = try feed(bytes)
        XCTAssertEqual(doc.encoding, "gb18030")
        XCTAssertEqual(doc.items.first?.title, "关于加强社会组织管理的通知")
        XCTAssertFalse(doc.wellFormed, "a guessed charset is reported")
    }

    func testMojibakeIsRepaired() throws {
        // "…" and "’" written as UTF-8, read as Windows-1252 and written again as UTF-8.
        let doc = try feed(rss("<item><title>Wait\u{E2}\u{20AC}\u{A6} it\u{E2}\u{20AC}\u{2122}s here</title></item>"))
        XCTAssertEqual(doc.items.first?.title, "Wait… it’s here")
        let latin = try feed(rss("<item><title>Café CAFÉ\u{A0}crème</title></item>"))
        XCTAssertEqual(latin.items.first?.title, "Café CAFÉ crème", "real Latin-1 text is left alone")
    }

    // MARK: Point 3: ill-formed input

    func testUnclosedCDATAKeepsTheItemsBeforeIt() throws {
        let doc = try feed(rss("<item><title>One</title><link>http://a.cn/1</link></item>"
            + "<item><title>Two</title><link>http://a.cn/2</link></item>"
            + "<item><title>Three</title><description><![CDATA[<p>never closed"))
        XCTAssertFalse(doc.wellFormed)
        XCTAssertEqual(Array(doc.items.prefix(2).map(\.title)), ["One", "Two"])
        XCTAssertEqual(Array(doc.items.prefix(2).map(\.link)), ["http://a.cn/1", "http://a.cn/2"])
    }

    func testTruncatedFeedKeepsEveryCompleteItem() throws {
        let full = rss((1...5).map { "<item><title>第\($0)号公告</title><link>http://a.cn/\($0)</link></item>" }.joined())
        let cut = Array(full.prefix(full.count - 60))  // inside the last item
        let doc = try feed(cut)
        XCTAssertFalse(doc.wellFormed)
        XCTAssertEqual(doc.items.map(\.title), ["第1号公告", "第2号公告", "第3号公告", "第4号公告"])
    }

    func testHTMLEntitiesAndBareAmpersands() throws {
        let doc = try feed(rss("<item><title>A&nbsp;B &amp; C & D &eacute;t&eacute; &#X41;</title></item>"))
        XCTAssertFalse(doc.wellFormed)
        XCTAssertEqual(doc.items.first?.title, "A B & C & D été A")
    }

    // MARK: Point 5: links and identities

    func testGuidIsPermaLink() throws {
        let doc = try feed(rss("""
            <item><title>a</title><guid>http://a.cn/perma</guid></item>
            <item><title>b</title><guid isPermaLink="false">http://a.cn/not-a-link</guid></item>
            <item><title>c</title><guid isPermaLink="false">c-1</guid><link>/rel/c</link></item>
            """))
        XCTAssertEqual(doc.items.map(\.id), ["http://a.cn/perma", "http://a.cn/not-a-link", "c-1"])
        XCTAssertEqual(doc.items.map(\.link), ["http://a.cn/perma", nil, "http://example.cn/rel/c"])
    }

    func testXMLBaseNestsAndAtomChoosesTheAlternateLink() throws {
        let xml = """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://a.cn/base/">
            <entry xml:base="sub/"><id>/entries/1</id><title>t</title>
            <link rel="self" href="self.xml"/><link rel="enclosure" href="x.mp3"/>
            <link href="page.html"/><link rel="alternate" type="text/html" href="other.html"/></entry>
            </feed>
            """
        let doc = try feed(Array(xml.utf8))
        XCTAssertEqual(doc.items.first?.link, "http://a.cn/base/sub/page.html")
        XCTAssertEqual(doc.items.first?.id, "http://a.cn/entries/1", "an absolute-path id is resolved")
    }

    func testItemWithoutIdKeepsTheSameFieldsWhenOnlyItsSummaryChanges() throws {
        let one = try feed(rss("<item><title>通知</title><link>http://a.cn/1</link><description>v1</description></item>"))
        let two = try feed(rss("<item><title>通知</title><link>http://a.cn/1</link><description>v2, edited</description></item>"))
        XCTAssertNil(one.items[0].id)
        // What the watcher's identity is made of (link, else title + date) does not change.
        XCTAssertEqual(one.items[0].link, two.items[0].link)
        XCTAssertEqual(one.items[0].title, two.items[0].title)
        XCTAssertEqual(one.items[0].published, two.items[0].published)
    }

    func testCDFAndAtomEntryDocuments() throws {
        let cdf = try feed(Array(#"<CHANNEL HREF="http://a.cn/"><TITLE>C</TITLE><ITEM HREF="http://a.cn/1" LASTMOD="2026-03-05T10:00:00+08:00"><TITLE>One</TITLE><ABSTRACT>Sum</ABSTRACT></ITEM></CHANNEL>"#.utf8))
        XCTAssertEqual(cdf.format, .cdf)
        XCTAssertEqual(cdf.items.first?.link, "http://a.cn/1")
        XCTAssertEqual(cdf.items.first?.updated, utc(2026, 3, 5, 2))
        XCTAssertEqual(cdf.items.first?.summary, "Sum")
        let entry = try feed(Array(#"<entry xmlns="http://www.w3.org/2005/Atom"><id>urn:x</id><title>Solo</title></entry>"#.utf8))
        XCTAssertEqual(entry.items.map(\.title), ["Solo"])
    }

    // MARK: Point 6: feed discovery

    func testFeedDiscovery() throws {
        let html = """
            <html><head><base href="http://ngo.example.org/news/">
            <LINK REL="Alternate" TYPE="application/RSS+XML" HREF="feed.xml">
            <link rel="alternate stylesheet" type="text/css" href="x.css">
            <link rel="alternate" type="application/atom+xml" href="/atom.xml">
            <link rel="alternate" type="application/rss+xml" href="feed.xml">
            <link rel="alternate" type="text/html" hreflang="zh" href="/zh/">
            </head><body>x</body></html>
            """
        let doc = try PageExtractor.extract(ParseInput(data: Data(html.utf8), url: "http://ngo.example.org/"), content: nil, ignore: [])
        XCTAssertEqual(doc.feedLinks, ["http://ngo.example.org/news/feed.xml", "http://ngo.example.org/atom.xml"])
    }
}
