import Detection
import Model
import XCTest

final class ClassifierTests: XCTestCase {
    let builtIn = Classifier(rules: .builtIn)

    private func names(_ c: Classification) -> [String] { c.categories.map(\.name).sorted() }
    /// Only the test category (the built-in ones are always there too).
    private func test(_ c: Classification) -> [String] { names(c).filter { $0 == "test" } }

    private func custom(_ terms: [String], name: String = "test") -> Classifier {
        var spec = DetectionSpec()
        var c = CategorySpec(name: name)
        c.terms = terms.map { TermSpec($0) }
        spec.categories = [c]
        return Classifier(spec: spec)
    }

    func testEnglishTermsMatchWholeWordsOnly() {
        let c = custom(["arrest", "law"])
        XCTAssertEqual(test(c.classify(title: "Police arrest two")), ["test"])
        XCTAssertEqual(test(c.classify(title: "A new lightning arrestor was fitted")), [])
        XCTAssertEqual(test(c.classify(title: "Mowing the lawn")), [])
        XCTAssertEqual(test(c.classify(title: "The law, amended")), ["test"], "punctuation is a boundary")
        XCTAssertEqual(test(c.classify(title: "新法law生效")), ["test"], "Chinese characters are a boundary for English words")
    }

    func testStemsWithAStarMatchInflections() {
        let c = custom(["detain*"])
        for t in ["detained", "detains", "detaining", "detainee"] {
            XCTAssertEqual(test(c.classify(title: "Activist \(t) today")), ["test"], t)
        }
        XCTAssertEqual(test(c.classify(title: "predetained")), [], "a stem still needs a word start")
    }

    /// Equal weights used to come out in the order of a dictionary, which changes from one process
    /// to the next: the same alert's JSON then differed between two runs.
    func testMatchesOfEqualWeightComeInAFixedOrder() {
        let c = custom(["alpha", "beta", "gamma", "delta", "epsilon"])
        let result = c.classify(title: "Epsilon and delta", summary: "gamma, beta, alpha")
        XCTAssertEqual(result.matches.map { "\($0.field):\($0.term)" },
                       ["title:delta", "title:epsilon", "summary:alpha", "summary:beta", "summary:gamma"])
    }

    func testChineseTermsMatchAsSubstrings() {
        let c = custom(["拘留"])
        XCTAssertEqual(test(c.classify(title: "四名工人被刑事拘留")), ["test"])
    }

    func testTraditionalAndFullWidthTextIsFolded() {
        let c = custom(["社会组织登记管理条例", "ngo law"])
        XCTAssertEqual(test(c.classify(title: "《社會組織登記管理條例》修訂")), ["test"], "Traditional → Simplified")
        XCTAssertEqual(test(c.classify(title: "ＮＧＯ　Ｌａｗ passed")), ["test"], "full-width → ASCII, case folded")
        XCTAssertEqual(TextNormalizer.fold("繁體中文 臺灣 勞工 ＡＢＣ"), "繁体中文 台湾 劳工 abc")
    }

    func testBuiltInCategoriesOnTypicalHeadlines() {
        XCTAssertEqual(names(builtIn.classify(title: "慈善组织公开募捐管理办法（征求意见稿）")), ["regulation"])
        XCTAssertEqual(names(builtIn.classify(title: "Four labour activists criminally detained in Shenzhen")), ["crackdown"])
        XCTAssertEqual(names(builtIn.classify(title: "维权律师被以寻衅滋事罪刑事拘留")), ["crackdown"])
        XCTAssertEqual(names(builtIn.classify(title: "Lawyer placed under residential surveillance at a designated location")), ["crackdown"])
    }

    func testNegativeTermsKeepNoiseOut() {
        XCTAssertEqual(names(builtIn.classify(title: "Rovers win in regulation time")), [])
        XCTAssertEqual(names(builtIn.classify(title: "Three arrested in $20 million investment fraud")), [])
        XCTAssertEqual(names(builtIn.classify(title: "全省交通法规知识竞赛圆满落幕")), [])
        XCTAssertEqual(names(builtIn.classify(title: "市公安局：三名电信诈骗犯罪嫌疑人被刑事拘留")), [])
        let c = builtIn.classify(title: "Rovers win in regulation time")
        XCTAssertTrue(c.matches.contains { $0.term.contains("regulation") && $0.weight < 0 }, "\(c.matches)")
    }

    func testEveryAssignmentExplainsItself() {
        let c = builtIn.classify(title: "Activist sentenced", summary: "Charged with inciting subversion of state power")
        XCTAssertEqual(names(c), ["crackdown"])
        XCTAssertTrue(c.matches.contains { $0.term == "inciting subversion" && $0.field == "summary" }, "\(c.matches)")
        XCTAssertGreaterThanOrEqual(c.categories[0].score, 1)
    }

    func testWatchListsNameTheEntryAndTheAliasFound() {
        var spec = DetectionSpec()
        spec.watchlists = [WatchListSpec(name: "ngos", entries: [.init(name: "China Labour Bulletin", aliases: ["中国劳工通讯", "CLB"])])]
        let c = Classifier(spec: spec)
        let hit = c.classify(title: "香港「中國勞工通訊」發表報告").watchlist
        XCTAssertEqual(hit, [WatchHit(list: "ngos", name: "China Labour Bulletin", alias: "中国劳工通讯")])
        XCTAssertEqual(c.classify(title: "clb says").watchlist.first?.alias, "clb")
        XCTAssertEqual(c.classify(title: "CLBS report").watchlist, [], "English aliases are whole words")
    }

    func testSourceHintAssignsItsCategoryAndRulesStillRun() {
        let c = builtIn.classify(title: "第二批名单公布", sourceCategory: ["regulation"])
        XCTAssertEqual(names(c), ["regulation"])
        XCTAssertTrue(c.matches.contains { $0.field == "source" })
        let both = builtIn.classify(title: "律师被刑事拘留", sourceCategory: ["regulation"])
        XCTAssertEqual(names(both), ["crackdown", "regulation"])
    }

    func testUserCategoriesExtendAndReplace() {
        var spec = DetectionSpec()
        var labour = CategorySpec(name: "labour")
        labour.terms = [TermSpec("罢工"), TermSpec("wage arrears")]
        var reg = CategorySpec(name: "regulation")
        reg.terms = [TermSpec("white paper", 1.0)]
        var crack = CategorySpec(name: "crackdown")
        crack.enabled = false
        spec.categories = [labour, reg, crack]
        let c = Classifier(spec: spec)
        XCTAssertEqual(names(c.classify(title: "工人罢工讨薪")), ["labour"])
        XCTAssertEqual(names(c.classify(title: "Government publishes white paper")), ["regulation"])
        XCTAssertEqual(names(c.classify(title: "征求意见稿")), ["regulation"], "the built-in vocabulary is kept")
        XCTAssertEqual(names(c.classify(title: "Activists detained")), [], "a disabled category is gone")
        reg.replaceBuiltIn = true
        spec.categories = [reg]
        XCTAssertEqual(names(Classifier(spec: spec).classify(title: "征求意见稿")), [])
    }

    func testShippedEvaluationSetMeetsTheTargets() throws {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "eval", withExtension: "jsonl", subdirectory: "Fixtures"))
        let items = try Evaluation.load(path: url.path)
        XCTAssertGreaterThanOrEqual(items.count, 300)
        XCTAssertTrue(items.contains { $0.item.lang == "zh" } && items.contains { $0.item.lang == "en" })
        let report = Evaluation.run(items, classifier: builtIn)
        for name in ["regulation", "crackdown"] {
            let c = try XCTUnwrap(report.counts[name])
            XCTAssertGreaterThanOrEqual(c.precision, 0.9, "\(name)\n\(report.text())")
            XCTAssertGreaterThanOrEqual(c.recall, 0.95, "\(name)\n\(report.text())")
        }
    }

    /// The held-out sets and the sets written independently: tuning for one must not break the others.
    func testHeldOutAndIndependentSetsMeetTheTargets() throws {
        for set in ["holdout", "independent", "round3"] {
            let url = try XCTUnwrap(Bundle.module.url(forResource: set, withExtension: "jsonl", subdirectory: "Fixtures"))
            let report = Evaluation.run(try Evaluation.load(path: url.path), classifier: builtIn)
            for name in ["regulation", "crackdown"] {
                let c = try XCTUnwrap(report.counts[name])
                XCTAssertGreaterThanOrEqual(c.precision, 0.9, "\(set) \(name)\n\(report.text())")
                XCTAssertGreaterThanOrEqual(c.recall, 0.95, "\(set) \(name)\n\(report.text())")
            }
        }
    }

    /// A headline that reports both a new law and who was acted on keeps both categories: the
    /// law's words do not cancel the event, while words inside a named instrument do not count as one.
    func testAnItemCanReportANewLawAndACrackdown() {
        XCTAssertEqual(Set(names(builtIn.classify(title: "新修订的条例草案通过 警方同日拘捕三名工人"))), ["regulation", "crackdown"])
        XCTAssertEqual(names(builtIn.classify(title: "关于印发《社会组织登记管理机关行政执法约谈工作规定》的通知")), ["regulation"])
        XCTAssertEqual(names(builtIn.classify(title: "最高法发布关于办理寻衅滋事刑事案件适用法律若干问题的解释")), ["regulation"])
    }
}

final class ClassifierLazyBuildTests: XCTestCase {
    /// Many threads classifying at once with a classifier nobody has used yet all get the rules
    /// (built once, behind a lock) and the same answers.
    func testConcurrentFirstUseGivesTheSameAnswers() {
        let classifier = Classifier(rules: .builtIn)
        let titles = ["公民记者张展再被以寻衅滋事罪起诉", "國務院公布《社會組織登記管理條例》", "Lakers win in overtime"]
        var results = Array(repeating: [String](), count: 24)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: results.count) { i in
            let names = classifier.classify(title: titles[i % titles.count]).categories.map(\.name)
            lock.lock(); results[i] = names; lock.unlock()
        }
        for (i, names) in results.enumerated() {
            XCTAssertEqual(names, [["crackdown"], ["regulation"], []][i % titles.count], titles[i % titles.count])
        }
    }
}
