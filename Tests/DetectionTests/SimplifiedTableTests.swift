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
}
