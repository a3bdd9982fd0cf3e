import Foundation
import Model

extension SinkRoutes {
    /// A source naming a sink that does not exist would silently lose its alerts: report it.
    static func checkSourceSinks(_ sources: [SourceSpec], sinks: [SinkSpec], file: String) -> [ConfigError] {
        var problems: [ConfigError] = []
        for source in sources {
            for ref in source.sinks ?? [] where !sinks.contains(where: { matches(ref, $0.name) }) {
                let line = Int(source.origin.split(separator: ":").last ?? "") ?? 0
                problems.append(ConfigError(file: file, line: line, column: 0, field: "sources[\(source.id)].sinks",
                                            message: "no alert sink is named `\(ref)` (sinks: \(sinks.map(\.name).joined(separator: ", ")))"))
            }
        }
        return problems
    }
}
