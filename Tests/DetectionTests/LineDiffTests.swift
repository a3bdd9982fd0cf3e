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

    func testIdenticalTextHasNoChanges() {
        XCTAssertEqual(LineDiff.diff(old: "x\ny", new: "x\ny"), [])
    }
}
