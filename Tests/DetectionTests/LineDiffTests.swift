import Detection
import Model
import XCTest

final class LineDiffTests: XCTestCase {
    func testChineseSentencesAreSplitSoOneAmendmentShowsAlone() {
        let old = "第一条 为了规范慈善活动，制定本法。第二条 本法适用于慈善组织。第三条 国家鼓励慈善。"
        let new = "第一条 为了规范慈善活动，制定本法。第二条 本法适用于慈善组织和个人。第三条 国家鼓励慈善。"
        XCTAssertEqual(LineDiff.units(old).count, 3)
        let diff = LineDiff.diff(old: old, new: new, context: 0)
        XCTAssertEqual(diff, [DiffLine(.removed, "第二条 本法适用于慈善组织。"), DiffLine(.added, "第二条 本法适用于慈善组织和个人。")])
    }

    func testLineDiffKeepsContextAndOrder() {
        let old = "a\nb\nc\nd\ne\nf"
        let new = "a\nb\nC\nd\ne\nf\ng"
        let diff = LineDiff.diff(old: old, new: new, context: 1)
        XCTAssertEqual(diff.map { "\($0.op.rawValue)\($0.text)" }, [" b", "-c", "+C", " d", " f", "+g"])
    }

    /// `units` reads bytes; it must split exactly where walking whole Characters splits.
    func testUnitsAgreeWithCharacterSplitting() {
        func reference(_ text: String) -> [String] {
            var result: [String] = []
            for line in text.split(whereSeparator: \.isNewline) {
                var current = ""
                for ch in line {
                    current.append(ch)
                    if ["。", "；", "！", "？"].contains(ch) {
                        let t = current.trimmedWhitespace()
                        if !t.isEmpty { result.append(t) }
                        current = ""
                    }
                }
                let t = current.trimmedWhitespace()
                if !t.isEmpty { result.append(t) }
            }
            return result
        }
        let samples = [
            "第一条 为了规范慈善活动，制定本法。第二条 本法适用于慈善组织；第三条！真的？是的",
            "a\r\nb\rc\u{0B}d\u{0C}e\u{85}f\u{2028}g\u{2029}h\n\n  \n",
            "末尾。\u{301}连在一起。\u{200D}也是。\u{FE0F}还有？ 空格后。",
            "　全角空格开头。　\t",
            "", "。。。", "；\n！\r\n？", "plain ascii line\nanother one. Not split at full stops.",
            "混合 text 。mixed；\u{00A0}nbsp！",
        ]
        for s in samples { XCTAssertEqual(LineDiff.units(s), reference(s), s.debugDescription) }
        // And on a generated mix of the separators and ordinary text.
        let pieces = ["a", "法", "。", "；", "！", "？", "\n", "\r\n", " ", "\u{3000}", "\u{301}", "\u{2028}", "b c"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let s = (0..<Int.random(in: 0...12, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            XCTAssertEqual(LineDiff.units(s), reference(s), s.debugDescription)
        }
    }

    func testIdenticalTextHasNoChanges() {
        XCTAssertEqual(LineDiff.diff(old: "x\ny", new: "x\ny"), [])
    }
}
