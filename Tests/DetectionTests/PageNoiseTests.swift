import Detection
import Model
import XCTest

final class PageNoiseTests: XCTestCase {
    let noise = PageNoise()

    private func significant(_ old: String, _ new: String, _ n: PageNoise? = nil) -> Bool {
        let n = n ?? noise
        return n.isSignificant(n.diff(old: old, new: new))
    }

    func testCountersDatesAndTokensAreNotChanges() {
        XCTAssertFalse(significant("正文\n访问量：1234", "正文\n访问量：1240"))
        XCTAssertFalse(significant("Text\n1,234 views", "Text\n1,301 views"))
        XCTAssertFalse(significant("Last updated: September 29, 2025\nBody", "Last updated: October 3, 2025\nBody"))
        XCTAssertFalse(significant("Last updated: 13 June 2025\nBody", "Last updated: 2 July 2025\nBody"))
        XCTAssertFalse(significant("今天是2026年3月5日 星期四\n正文", "今天是2026年3月6日 星期五\n正文"))
        XCTAssertFalse(significant("发布时间：2026-03-05 10:22:31", "发布时间：2026-03-06 08:01:02"))
        XCTAssertFalse(significant("link ?sid=8f14e45fceea167a5a36dedd4bea2543", "link ?sid=c9f0f895fb98ab9159f51fd0297e236d"))
        XCTAssertFalse(significant("共 123 条 第 1/15 页", "共 131 条 第 1/16 页"))
        XCTAssertFalse(significant("© 2025 Example", "© 2026 Example"))
        XCTAssertFalse(significant("二〇二六年三月五日 本办法由民政部负责解释，自公布之日起施行，原办法同时废止。",
                                   "二〇二六年三月六日 本办法由民政部负责解释，自公布之日起施行，原办法同时废止。"))
        XCTAssertFalse(significant("Updated 5 hours ago. The association publishes its annual report here.",
                                   "Updated 2 days ago. The association publishes its annual report here."))
        XCTAssertFalse(significant("本文已被阅读 12345 次，欢迎转发。这里是一段很长的正文内容，用来确认长句中的计数器也会被忽略。",
                                   "本文已被阅读 12399 次，欢迎转发。这里是一段很长的正文内容，用来确认长句中的计数器也会被忽略。"))
    }

    func testRealChangesStillShowWithTheirText() {
        let diff = noise.diff(old: "访问量：1\n第一条 原文。", new: "访问量：2\n第一条 原文。第二条 新增的条文。")
        XCTAssertTrue(noise.isSignificant(diff))
        XCTAssertEqual(diff.filter { $0.op == .added }.map(\.text), ["第二条 新增的条文。"])
    }

    func testOnlyAddedIgnoresRemovals() {
        let n = PageNoise(onlyAdded: true)
        XCTAssertFalse(significant("a line\nanother line", "a line", n))
        XCTAssertTrue(significant("a line", "a line\na new line", n))
    }

    func testMinimumChangeCountsOnlyTheDifferingPart() {
        let n = PageNoise(minChange: 10)
        XCTAssertFalse(significant("The association has 40 member groups in the region.", "The association has 41 member groups in the region.", n))
        XCTAssertTrue(significant("One.", "One.\nA whole new paragraph was added here.", n))
    }

    func testUserPatternsAndSwitchingOffBuiltIns() {
        let n = PageNoise(patterns: ["Quote of the day: .*"])
        XCTAssertFalse(significant("Body\nQuote of the day: A", "Body\nQuote of the day: B", n))
        let raw = PageNoise(builtIn: false)
        XCTAssertTrue(significant("Updated 2026-03-05 and a long line of body text here", "Updated 2026-03-06 and a long line of body text here", raw))
    }
}

final class BuiltInPatternTests: XCTestCase {
    /// Built-in expressions that failed to compile would be skipped silently at run time.
    func testEveryBuiltInExpressionCompiles() {
        for p in PageNoise.builtInPatterns {
            XCTAssertNoThrow(try NSRegularExpression(pattern: p, options: [.caseInsensitive]), p)
        }
        for c in DetectionRules.builtIn.categories {
            for r in c.regexes {
                XCTAssertNoThrow(try NSRegularExpression(pattern: r.pattern, options: [.caseInsensitive]), r.pattern)
            }
        }
    }

    /// Masking skips the patterns that need a digit on units without one; the result must be the
    /// same as running every pattern, on Chinese and English page lines with and without digits
    /// (fullwidth ones included, which ICU's \d matches).
    func testMaskingSkipsOnlyPatternsThatCannotMatch() throws {
        let all = try PageNoise.builtInPatterns.map { try NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }
        func reference(_ unit: String) -> String {
            var s = unit
            for r in all {
                s = r.stringByReplacingMatches(in: s, range: NSRange(location: 0, length: (s as NSString).length), withTemplate: "§")
            }
            if s.count <= 40 { s = String(s.unicodeScalars.filter { !("0"..."9").contains($0) }.map(Character.init)) }
            return s
        }
        let pieces = ["访问量：", "１２３", "2026年3月5日", "星期三", "今天", "二〇二六年三月五日", "Monday", "wed", "sid=abc",
                      "deadbeefcafebabe0", "5 hours ago", "3分钟前", "views: 1,234", "© 2025", "法律", "草案征求意见",
                      "the State Council", " ", "。", "12:30", "visitor number 42", "٣", "abcdefghijklmnopqrstuvwx12",
                      "01234567-89ab-cdef-0123-456789abcdef", "共 123 条"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<1500 {
            let unit = (0..<Int.random(in: 1...8, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            XCTAssertEqual(PageNoise().mask(unit), reference(unit), unit)
        }
    }
}

