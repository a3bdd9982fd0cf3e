import ArgumentParser
import Fetching
import Foundation
import Model
import Parsing

struct TestSourceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test-source",
        abstract: "Fetch one source and show what would be extracted; stores nothing.",
        discussion: "Example:\n  civicwatch test-source moj-drafts --json"
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: "The source id.")
    var id: String

    @Flag(help: "Print the parsed document as JSON.")
    var json = false

    func run() throws {
        let logger = common.makeLogger()
        let loaded = try common.loadConfig(logger: logger)
        guard let spec = loaded.configuration.sources.first(where: { $0.id == id }) else {
            throw fail("no source `\(id)` in \(common.config)", status: Status.usage)
        }
        let request = FetchRequest(key: spec.id, url: spec.url, timeout: spec.timeout, connectTimeout: spec.connectTimeout,
                                   maxBytes: spec.maxBytes, userAgent: spec.userAgent, proxy: spec.proxy, headers: spec.headers)
        var outcome: Result<FetchResponse, FetchError>?
        Fetcher(limits: FetchLimits(concurrency: 1, perHost: 1)).fetchAll([request]) { _, r in outcome = r }
        switch outcome {
        case let .success(response)?:
            if !json {
                print("fetched \(response.effectiveURL): HTTP \(response.status), \(response.body.count) bytes, \(response.contentType ?? "no content type")")
            }
            let input = ParseInput(data: response.body, url: response.effectiveURL, contentType: response.contentType,
                                   encodingOverride: spec.encoding)
            do {
                let doc = try Parser.parse(input, as: spec.type, list: spec.list, content: spec.content, ignore: spec.ignore,
                                           timezone: spec.timezone)
                DocumentPrinter.print(doc, json: json)
                if !json { DetectionPreview.print(doc, spec: spec, detection: loaded.configuration.detection) }
            } catch {
                throw fail("\(spec.id): \(error)", status: Status.someFailed)
            }
        case let .failure(error)?:
            throw fail("\(spec.id): \(error)", status: Status.someFailed)
        case nil:
            throw fail("\(spec.id): no result", status: Status.someFailed)
        }
    }
}
