@testable import Detection
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
                      "SATURDAY", "Sun", "token: x", "礼拜天", "前天", "周日", "ſat", "\u{212A}", "年", "-", "csrf-token=q",
                      "deadbeefcafebabe0", "5 hours ago", "3分钟前", "views: 1,234", "© 2025", "法律", "草案征求意见",
                      "the State Council", " ", "。", "12:30", "visitor number 42", "٣", "abcdefghijklmnopqrstuvwx12",
                      "01234567-89ab-cdef-0123-456789abcdef", "共 123 条", "a1B2c3D4e5F6", "-_+/", "QWERTYUIOPASDFGHJKLZXCVB",
                      "x9y8z7w6v5u4t3s2r1q0p9o8", "=="]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<1500 {
            let unit = (0..<Int.random(in: 1...8, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            XCTAssertEqual(PageNoise().mask(unit), reference(unit), unit)
        }
    }

    /// Every screening entry names a built-in pattern (an entry whose pattern was edited would
    /// silently stop screening).
    func testScreeningLiteralsBelongToBuiltInPatterns() {
        for key in NoiseRegex.builtInLiterals.keys {
            XCTAssertTrue(PageNoise.builtInPatterns.contains(key), key)
            XCTAssertFalse(NoiseRegex.requiresDigit(key), "\(key) is screened by its digit already")
        }
        for key in NoiseRegex.builtInTokenRuns.keys {
            XCTAssertTrue(PageNoise.builtInPatterns.contains(key), key)
        }
    }

    /// `diff` masks units only when the diff compares them with a different unit; every answer
    /// must equal the diff with every key made up front (common prefix and suffix positional, the
    /// rest masked).
    func testLazyMaskingGivesTheSameDiffs() {
        let noise = PageNoise()
        func reference(_ old: String, _ new: String) -> [DiffLine] {
            let a = LineDiff.units(old), b = LineDiff.units(new)
            var prefix = 0
            while prefix < min(a.count, b.count), a[prefix] == b[prefix] { prefix += 1 }
            var suffix = 0
            while suffix < min(a.count, b.count) - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
            func keys(_ units: [String]) -> [String] {
                units.indices.map { i in
                    i < prefix ? "p\(i)" : i >= units.count - suffix ? "s\(units.count - i)" : "m" + noise.mask(units[i])
                }
            }
            return LineDiff.diff(a, b, keysA: keys(a), keysB: keys(b), context: 1)
        }
        let lines = ["访问量：123", "访问量：456", "更新于 2026-03-05", "更新于 2026-03-06", "第一条 本法适用于慈善组织。",
                     "第二条 国家鼓励慈善。", "Views: 12", "Views: 99", "Notice on the draft regulation", "星期三", "星期四",
                     "发布时间：10:30", "发布时间：11:45", "共 12 条", "共 13 条", "A new law was adopted"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let old = (0..<Int.random(in: 0...8, using: &rng)).map { _ in lines.randomElement(using: &rng)! }
            var new = old
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                switch Int.random(in: 0..<4, using: &rng) {
                case 0 where !new.isEmpty: new[Int.random(in: 0..<new.count, using: &rng)] = lines.randomElement(using: &rng)!
                case 1: new.insert(lines.randomElement(using: &rng)!, at: Int.random(in: 0...new.count, using: &rng))
                case 2 where !new.isEmpty: new.remove(at: Int.random(in: 0..<new.count, using: &rng))
                case 3 where new.count > 1: new.swapAt(Int.random(in: 0..<new.count, using: &rng), Int.random(in: 0..<new.count, using: &rng))
                default: break
                }
            }
            let o = old.joined(separator: "\n"), n = new.joined(separator: "\n")
            XCTAssertEqual(noise.diff(old: o, new: n), reference(o, n), "\(old) -> \(new)")
        }
    }
}

