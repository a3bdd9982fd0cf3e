import Foundation
import XCTest
@testable import Detection

/// The shipped Traditional → Simplified table must be what ICU says, character for character
/// (regenerate it with scripts/gen-simplified-table.swift when this fails after an ICU update).
final class SimplifiedTableTests: XCTestCase {
    func testTableMatchesICU() {
        let table = TextNormalizer.simplified
        XCTAssertGreaterThan(table.count, 2_500)
        let transform = StringTransform("Traditional-Simplified")
        var checked = 0
        for range: ClosedRange<UInt32> in [0x3400...0x4DBF, 0x4E00...0x9FFF] {
            for start in stride(from: range.lowerBound, through: range.upperBound, by: 512) {
                let scalars = (start...min(start + 511, range.upperBound)).compactMap(Unicode.Scalar.init)
                let output = String(String.UnicodeScalarView(scalars)).applyingTransform(transform, reverse: false)
                let outScalars = output.map { Array($0.unicodeScalars) } ?? []
                guard outScalars.count == scalars.count else { continue }  // the generator's slow path
                for (a, b) in zip(scalars, outScalars) {
                    XCTAssertEqual(table[a.value] ?? a, b, String(format: "U+%04X", a.value))
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 20_000)
        XCTAssertEqual(TextNormalizer.simplify("國家安全法 尋釁滋事 勞工"), "国家安全法 寻衅滋事 劳工")
    }

    /// Folding skips NFKC for text it cannot change; every scalar the shortcut accepts must be
    /// left alone by NFKC (alone and after every other accepted scalar).
    func testNFKCShortcutOnlyTakesStableText() {
        var accepted: [Unicode.Scalar] = []
        for v in UInt32(0)...0x2FFFF {
            guard let u = Unicode.Scalar(v), TextNormalizer.isNFKCStable(String(u)) else { continue }
            accepted.append(u)
            XCTAssertEqual(String(u).precomposedStringWithCompatibilityMapping, String(u), String(format: "U+%04X", v))
        }
        XCTAssertGreaterThan(accepted.count, 27_000)
        XCTAssertTrue(accepted.allSatisfy { $0.properties.canonicalCombiningClass == .notReordered })
        let sample = "Draft 劳动法 《修正案》 「意见」 ‘quoted’ “text” 、。【通知】 ABC xyz 123"
        XCTAssertTrue(TextNormalizer.isNFKCStable(sample))
        XCTAssertEqual(TextNormalizer.fold(sample), TextNormalizer.fold(sample + "\u{3000}").trimmingCharacters(in: .whitespaces))
        XCTAssertFalse(TextNormalizer.isNFKCStable("ＡＢＣ"))
        XCTAssertFalse(TextNormalizer.isNFKCStable("e\u{301}"))
    }
}

