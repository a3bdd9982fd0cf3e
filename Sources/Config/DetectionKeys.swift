import Foundation
import Model

/// The per-source keys of detection: `category:` (hint), `alert_on:`, and for page sources the
/// noise controls `ignore_patterns:`, `noise:`, `min_change:` and `only: added`.
enum DetectionKeys {
    static func read(_ key: String, _ value: YAMLField, into spec: inout SourceSpec) throws {
        switch key {
        case "category":
            spec.categoryHints = try value.stringList().map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        case "alert_on":
            let s = try value.string()
            guard let p = AlertPolicy(rawValue: s) else { throw value.error("`\(s)` is not one of all, categorized") }
            spec.alertOn = p
        case "ignore_patterns":
            spec.ignorePatterns = try value.stringList()
            for p in spec.ignorePatterns {
                do { _ = try NSRegularExpression(pattern: p) } catch {
                    throw value.error("not a valid regular expression: \(p)")
                }
            }
        case "noise":
            // `noise: off` switches off the built-in date/counter/token patterns.
            spec.builtInNoise = try value.bool()
        case "min_change": spec.minChange = try value.int(min: 0)
        case "only":
            let s = try value.string()
            guard s == "added" else { throw value.error("`\(s)`: the only value is `added`") }
            spec.onlyAdded = true
        default: break
        }
    }
}
