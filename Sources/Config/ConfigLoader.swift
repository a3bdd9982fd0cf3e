import Foundation
import Model

/// Reads feeds.yml. Problems inside one source or sink leave that entry out and are reported;
/// problems that make the whole file unusable throw `ConfigFileError`.
public enum ConfigLoader {
    public static func load(path: String) throws -> LoadedConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigFileError([ConfigError(file: path, line: 0, column: 0, field: "",
                                               message: "cannot read the file (missing or not readable)")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigFileError([ConfigError(file: path, line: 0, column: 0, field: "",
                                               message: "is not UTF-8 text")])
        }
        return try parse(yaml: text, file: path)
    }

    public static func parse(yaml: String, file: String) throws -> LoadedConfiguration {
        let root: YAMLNode
        do {
            guard let node = try YAMLNode.compose(yaml) else {
                throw ConfigFileError([ConfigError(file: file, line: 0, column: 0, field: "", message: "is empty")])
            }
            root = node
        } catch let error as YAMLNode.SyntaxError {
            throw ConfigFileError([ConfigError(file: file, line: error.line, column: error.column, field: "",
                                               message: "YAML syntax: \(error.problem)")])
        }
        var problems: [ConfigError] = []
        var config = Configuration(file: file)
        let top = YAMLField(node: root, path: "", file: file)
        let fields: [(key: String, value: YAMLField)]
        do {
            fields = try top.mapping(allowed: ["defaults", "sources", "alerts", "sinks", "state", "detection"])
        } catch let e as ConfigError {
            throw ConfigFileError([e])
        }
        var defaults = SourceDefaults()
        if let d = fields.first(where: { $0.key == "defaults" })?.value {
            do { try defaults.read(d, into: &config) } catch let e as ConfigError { throw ConfigFileError([e]) }
        }
        if let s = fields.first(where: { $0.key == "state" })?.value {
            do { try readState(s, into: &config) } catch let e as ConfigError { throw ConfigFileError([e]) }
        }
        if let d = fields.first(where: { $0.key == "detection" })?.value {
            do { config.detection = try DetectionReader.read(d) } catch let e as ConfigError { throw ConfigFileError([e]) }
        }
        guard let sourcesField = fields.first(where: { $0.key == "sources" })?.value else {
            throw ConfigFileError([top.error("no `sources:` list")])
        }
        let entries: [YAMLField]
        do { entries = try sourcesField.sequence() } catch let e as ConfigError { throw ConfigFileError([e]) }
        var seen: [String: Int] = [:]
        for entry in entries {
            do {
                let spec = try SourceReader.read(entry, defaults: defaults)
                if let firstLine = seen[spec.id] {
                    throw entry.error("duplicate id `\(spec.id)` (first declared on line \(firstLine))")
                }
                seen[spec.id] = entry.line
                config.sources.append(spec)
            } catch let e as ConfigError {
                problems.append(e)
            }
        }
        // `sinks:` is accepted as another name for `alerts:`.
        for alerts in fields.filter({ $0.key == "alerts" || $0.key == "sinks" }).map(\.value) {
            do {
                for sinkField in try alerts.sequence() {
                    do {
                        let sink = try SinkReader.read(sinkField)
                        if config.sinks.contains(where: { $0.name == sink.name }) {
                            throw sinkField.error("two sinks are named `\(sink.name)`: give each a distinct `name`")
                        }
                        config.sinks.append(sink)
                    } catch let e as ConfigError { problems.append(e) }
                }
            } catch let e as ConfigError { problems.append(e) }
        }
        if config.sinks.isEmpty && problems.allSatisfy({ !$0.field.hasPrefix("alerts") && !$0.field.hasPrefix("sinks") }) {
            config.sinks = [.stdout(StdoutSink())]
        }
        problems += SinkRoutes.checkSourceSinks(config.sources, sinks: config.sinks, file: file)
        return LoadedConfiguration(configuration: config, problems: problems)
    }

    private static func readState(_ field: YAMLField, into config: inout Configuration) throws {
        for (key, value) in try field.mapping(allowed: ["dir", "keep_versions", "keep_days"]) {
            switch key {
            case "dir": config.stateDir = try value.nonEmptyString()
            case "keep_versions": config.keepVersions = try value.int(min: 1)
            case "keep_days": config.keepDays = try value.int(min: 1)
            default: break
            }
        }
    }
}
