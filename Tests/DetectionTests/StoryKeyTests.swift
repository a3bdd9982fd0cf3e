import Detection
import Foundation
@testable import Model
import XCTest

final class StoryKeyTests: XCTestCase {
    func testSameHeadlineFromTwoSitesGivesOneKey() {
        let a = StoryKey.titleKey("Four labour activists detained in Shenzhen | China Labour Bulletin")
        let b = StoryKey.titleKey("Four Labour Activists Detained in Shenzhen - Hong Kong Free Press")
        XCTAssertNotNil(a)
        XCTAssertEqual(a, b)
        XCTAssertEqual(StoryKey.titleKey("【快讯】社會組織登記管理條例（徵求意見稿）"), StoryKey.titleKey("社会组织登记管理条例(征求意见稿)"))
        XCTAssertNil(StoryKey.titleKey("通知"), "too short to name a story")
    }

    func testNearDuplicatesAndDistinctStories() {
        let a = StoryKey.titleKey("China: Release detained labour activists now, rights groups say")!
        let b = StoryKey.titleKey("China: release detained labour activists now, rights group says")!
        XCTAssertTrue(StorySimilarity.sameStory(a, b))
        let c = StoryKey.titleKey("关于印发《社会组织登记管理办法》的通知")!
        let d = StoryKey.titleKey("关于印发《慈善组织信息公开管理办法》的通知")!
        XCTAssertFalse(StorySimilarity.sameStory(c, d))
        let e = StoryKey.titleKey("民政部公布第十批涉嫌非法社会组织名单")!
        let g = StoryKey.titleKey("民政部公布第十一批涉嫌非法社会组织名单")!
        XCTAssertFalse(StorySimilarity.sameStory(e, g), "a different number is a different story")
        let h = StoryKey.titleKey("Shenzhen police detain four labour activists")!
        let i = StoryKey.titleKey("Four labour activists detained by Shenzhen police")!
        XCTAssertTrue(StorySimilarity.sameStory(h, i), "the same words in another order")
        let j = StoryKey.titleKey("Four labour activists detained by Guangzhou police")!
        XCTAssertFalse(StorySimilarity.sameStory(h, j), "another city is another story")
    }

    /// Grouping compares prepared titles; their bigram score must be the plain one of the titles
    /// without spaces.
    func testPreparedTitlesScoreAsThePlainStrings() {
        let titles = ["China: Release detained labour activists now, rights groups say",
                      "China: release detained labour activists now, rights group says",
                      "关于印发《社会组织登记管理办法》的通知", "关于印发《慈善组织信息公开管理办法》的通知",
                      "a a a a", "ab", "x", "", "Shenzhen police detain four labour activists"]
        for a in titles {
            for b in titles {
                let plain = StorySimilarity.dice(a.replacingOccurrences(of: " ", with: ""), b.replacingOccurrences(of: " ", with: ""))
                let prepared = StorySimilarity.dice(.init(a), .init(b))
                XCTAssertEqual(plain, prepared, accuracy: 1e-12, "\(a) / \(b)")
            }
        }
    }

    func testLinkKeysIgnoreSchemeWwwAndTracking() {
        XCTAssertEqual(StoryKey.linkKey("https://www.example.org/news/1.html?utm_source=x"),
                       StoryKey.linkKey("http://example.org/news/1.html"))
        XCTAssertNil(StoryKey.linkKey("https://example.org/"), "a front page is not a story")
    }
}
