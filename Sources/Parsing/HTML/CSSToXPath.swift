import Foundation
import Model

/// CSS selectors (the subset list pages need) → XPath 1.0.
enum CSSToXPath {
    static func translate(_ css: String) throws -> String {
        throw ParseError.invalidSelector(expression: "css:" + css, reason: "CSS selectors are not supported yet")
    }
}
