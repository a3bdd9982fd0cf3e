import Foundation
import XCTest
@testable import Parsing
import Model

final class FeedParserTests: XCTestCase {
    func testRSS2Items() throws {
        let doc = try FeedParser.parse(ParseInput(data: try fixture("rss2.xml"), url: "https://www.example.gov.cn/rss/notices.xml"))
        XCTAssertEqual(doc.format, .rss)
        XCTAssertTrue(doc.wellFormed)
        XCTAssertEqual(doc.encoding, "utf-8")
        XCTAssertEqual(doc.title, "Ministry of Civil Affairs — Notices")
        XCTAssertEqual(doc.items.count, 2)
        let a = doc.items[0]
        XCTAssertEqual(a.title, "关于《慈善法》修正草案公开征求意见的通知")
        XCTAssertEqual(a.id, "notice-2026-0305")
        XCTAssertEqual(a.link, "https://www.example.gov.cn/notice/2026/0305.html")
        XCTAssertEqual(a.published, utc(2026, 3, 5, 6, 30))
        XCTAssertEqual(a.summary, "Comments are due by 5 April 2026. Second paragraph")
        XCTAssertEqual(a.content, "Full text & annexes")
        XCTAssertEqual(a.author, "Legal Affairs Office")
        let b = doc.items[1]
        XCTAssertEqual(b.title, "CN Full-width Title", "NFKC turns full-width letters and spaces into ASCII")
        XCTAssertEqual(b.link, "https://www.example.gov.cn/notice/2026/0301.html", "a permalink guid is the link")
        XCTAssertEqual(b.published, utc(2026, 3, 1, 9))
        XCTAssertEqual(b.author, "press@example.gov.cn (Press Office)")
        XCTAssertNil(b.summary)
    }

    func testRDF() throws {
        let doc = try FeedParser.parse(ParseInput(data: try fixture("rdf.xml"), url: "http://ngo.example.org/index.rdf"))
        XCTAssertEqual(doc.format, .rdf)
        XCTAssertEqual(doc.title, "NGO Monitor")
        XCTAssertEqual(doc.items.map(\.title), ["Registration rules amended", "Second item"])
        XCTAssertEqual(doc.items[0].id, "http://ngo.example.org/a")
        XCTAssertEqual(doc.items[0].link, "http://ngo.example.org/a")
        XCTAssertEqual(doc.items[0].summary, "Overseas NGOs must file annual plans.")
        XCTAssertEqual(doc.items[0].published, utc(2026, 2, 28, 2))
        XCTAssertEqual(doc.items[0].author, "Monitor Desk")
        XCTAssertEqual(doc.items[1].id, "http://ngo.example.org/b")
        XCTAssertEqual(doc.items[1].published, utc(2026, 2, 27), "a date without zone is UTC in feeds")
    }

    func testAtomWithXMLBaseAndAlternateLinks() throws {
        let doc = try FeedParser.parse(ParseInput(data: try fixture("atom.xml"), url: "https://observer.example.org/feed.atom"))
        XCTAssertEqual(doc.format, .atom)
        XCTAssertEqual(doc.title, "Law Observer")
        XCTAssertEqual(doc.items.count, 2)
        let e = doc.items[0]
        XCTAssertEqual(e.title, "Draft Charity Law amendment & comments")
        XCTAssertEqual(e.link, "https://observer.example.org/blog/posts/charity-law.html", "alternate link, nested xml:base")
        XCTAssertEqual(e.id, "tag:observer.example.org,2026:1")
        XCTAssertEqual(e.published!.timeIntervalSince1970, utc(2026, 3, 4, 15, 15, 30).timeIntervalSince1970 + 0.5, accuracy: 0.001)
        XCTAssertEqual(e.updated, utc(2026, 3, 5, 1))
        XCTAssertEqual(e.summary, "Plain <summary> text", "type=text keeps angle brackets as text")
        XCTAssertEqual(e.content, "First para. Second bold para.")
        XCTAssertEqual(e.author, "Jane Doe")
        XCTAssertEqual(doc.items[1].link, "https://observer.example.org/other/2.html", "link without rel is the alternate")
        XCTAssertEqual(doc.items[1].updated, utc(2026, 3, 1, 17))
    }

    func testUTF16WithBOMAndWithout() throws {
        for name in ["feed_utf16le_bom.xml", "feed_utf16be_nobom.xml"] {
            let doc = try FeedParser.parse(ParseInput(data: try fixture(name), url: "http://example.cn/u16.xml"))
            XCTAssertEqual(doc.items.count, 1, name)
            XCTAssertEqual(doc.items.first?.title, "统一战线工作条例", name)
            XCTAssertEqual(doc.items.first?.link, "http://example.cn/u16/1", name)
            XCTAssertEqual(doc.items.first?.published, utc(2026, 3, 3, 10), name)
            XCTAssertTrue(doc.encoding.hasPrefix("utf-16"), doc.encoding)
        }
    }

    func testIllFormedFeedKeepsEveryCompleteItem() throws {
        let doc = try FeedParser.parse(ParseInput(data: try fixture("illformed.xml"), url: "http://example.org/feed"))
        XCTAssertFalse(doc.wellFormed)
        XCTAssertEqual(doc.title, "Broken Feed")
        XCTAssertEqual(doc.items.map(\.title), ["Tom & Jerry law", "Second & bare ampersand", "Third item"])
        XCTAssertEqual(doc.items.map(\.link), ["http://example.org/a?x=1&y=2", "http://example.org/b", "http://example.org/c"])
        XCTAssertEqual(doc.items[0].summary, "A — B © 2026")
    }

    func testHTMLErrorPageIsNotAFeed() throws {
        XCTAssertThrowsError(try FeedParser.parse(ParseInput(data: try fixture("not_a_feed.html"), url: "http://x.org/feed"))) { error in
            guard case ParseError.notAFeed(let url, let root) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(url, "http://x.org/feed")
            XCTAssertEqual(root, "html")
        }
    }

    func testInvalidBytesBecomeReplacementCharacters() throws {
        var bytes = Array(#"<?xml version="1.0" encoding="utf-8"?><rss><channel><item><title>关于社会组织"#.utf8)
        bytes += [0xFF, 0xFE, 0x41]
        bytes += Array("</title></item></channel></rss>".utf8)
        let doc = try FeedParser.parse(ParseInput(data: Data(bytes), url: "http://x.org/"))
        XCTAssertEqual(doc.items.first?.title, "关于社会组织\u{FFFD}\u{FFFD}A")
        XCTAssertFalse(doc.wellFormed)
    }

    /// Declarations the bytes contradict are overruled (and the document flagged).
    func testDeclarationsContradictedByTheBytes() throws {
        func parse(_ prolog: String, _ middle: [UInt8]) throws -> ParsedDocument {
            let bytes = Array("<?xml version=\"1.0\" encoding=\"\(prolog)\"?><rss><channel><item><title>".utf8) + middle
                + Array("</title></item></channel></rss>".utf8)
            return try FeedParser.parse(ParseInput(data: Data(bytes), url: "http://x.org/"))
        }
        // Latin-1 bytes under a UTF-8 declaration.
        let latin = try parse("utf-8", Array("J".utf8) + [0xFC] + Array("rgen Ana".utf8) + [0xEF] + Array("s".utf8))
        XCTAssertEqual(latin.items.first?.title, "Jürgen Anaïs")
        XCTAssertEqual(latin.encoding, "windows-1252")
        XCTAssertFalse(latin.wellFormed)
        // UTF-8 bytes under an ISO-8859-1 declaration.
        let utf8 = try parse("ISO-8859-1", Array("Euro € Café".utf8))
        XCTAssertEqual(utf8.items.first?.title, "Euro € Café")
        XCTAssertFalse(utf8.wellFormed)
        // GBK bytes under a UTF-8 declaration (an old CMS template).
        let gbk = try parse("utf-8", [0xB9, 0xD8, 0xD3, 0xDA, 0xC9, 0xE7, 0xBB, 0xE1, 0xD7, 0xE9, 0xD6, 0xAF])
        XCTAssertEqual(gbk.items.first?.title, "关于社会组织")
        XCTAssertEqual(gbk.encoding, "gb18030")
    }

    func testHeaderCharsetWinsOverDeclaration() throws {
        let xml = #"<?xml version="1.0" encoding="utf-8"?><rss><channel><item><title>Gr"#
        let data = Data(Array(xml.utf8) + [0xFC] + Array("n</title></item></channel></rss>".utf8))
        let doc = try FeedParser.parse(ParseInput(data: data, url: "http://x.org/", contentType: "text/xml; charset=ISO-8859-1"))
        XCTAssertEqual(doc.encoding, "windows-1252")
        XCTAssertEqual(doc.items.first?.title, "Grün")
        let forced = try FeedParser.parse(ParseInput(data: data, url: "http://x.org/", contentType: "text/xml; charset=utf-8",
                                                     encodingOverride: "latin1"))
        XCTAssertEqual(forced.items.first?.title, "Grün", "the user's override wins over the header")
    }
}
