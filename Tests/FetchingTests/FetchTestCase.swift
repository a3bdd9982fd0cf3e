import Fetching
import Foundation
import TestSupport
import XCTest

/// Base class: a fresh folder served by a real loopback server for every test.
class FetchTestCase: XCTestCase {
    var root: URL!
    var server: TestHTTPServer!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("cw-fetch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try write("a.xml", "<rss version=\"2.0\"><channel><title>A</title></channel></rss>\n")
        try write("b.xml", "<rss version=\"2.0\"><channel><title>B</title></channel></rss>\n")
        server = try TestHTTPServer(root: root)
    }

    override func tearDownWithError() throws {
        server?.stop()
        server = nil
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    func write(_ name: String, _ text: String, modified: Date? = nil) throws {
        let url = root.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        if let modified {
            try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: url.path)
        }
    }

    func url(_ path: String) -> String { server.baseURL + path }

    func request(_ path: String, key: String? = nil, timeout: TimeInterval = 10, maxBytes: Int = 10 << 20,
                 etag: String? = nil, lastModified: String? = nil) -> FetchRequest {
        FetchRequest(key: key ?? path, url: path.hasPrefix("/") ? url(path) : path, timeout: timeout,
                     connectTimeout: 5, maxBytes: maxBytes, userAgent: "CivicWatchTests/1.0",
                     etag: etag, lastModified: lastModified)
    }

    /// Runs a batch and returns the results by request key, checking each request got exactly one.
    func fetch(_ requests: [FetchRequest], limits: FetchLimits = FetchLimits(),
               fetcher: Fetcher? = nil) -> [String: Result<FetchResponse, FetchError>] {
        var results: [String: Result<FetchResponse, FetchError>] = [:]
        var count = 0
        (fetcher ?? Fetcher(limits: limits)).fetchAll(requests) { r, result in
            count += 1
            results[r.key] = result
        }
        XCTAssertEqual(count, requests.count, "every request gets exactly one result")
        return results
    }

    func fetchOne(_ r: FetchRequest, fetcher: Fetcher? = nil) -> Result<FetchResponse, FetchError> {
        fetch([r], fetcher: fetcher)[r.key]!
    }

    func success(_ result: Result<FetchResponse, FetchError>?, file: StaticString = #filePath, line: UInt = #line) throws -> FetchResponse {
        switch result {
        case .success(let r)?: return r
        case .failure(let e)?: XCTFail("expected success, got \(e)", file: file, line: line); throw e
        case nil: XCTFail("no result", file: file, line: line); throw Unexpected()
        }
    }

    func failure(_ result: Result<FetchResponse, FetchError>?, file: StaticString = #filePath, line: UInt = #line) throws -> FetchError {
        switch result {
        case .failure(let e)?: return e
        case .success(let r)?:
            XCTFail("expected failure, got HTTP \(r.status) with \(r.body.count) bytes", file: file, line: line)
            throw Unexpected()
        case nil: XCTFail("no result", file: file, line: line); throw Unexpected()
        }
    }
}

struct Unexpected: Error {}
