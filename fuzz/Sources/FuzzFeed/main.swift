import Foundation
import FuzzDriver
import Model
import Parsing

/// Any bytes as a feed body, with and without a declared charset: must never crash or hang.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzFeed(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let body = Data(bytes: data, count: size)
    let contentType = size > 0 && data[0] & 1 == 1 ? "application/rss+xml; charset=gb2312" : nil
    _ = try? Parser.parse(ParseInput(data: body, url: "http://example.org/feed", contentType: contentType), as: .feed)
    return 0
}

runFuzzer(fuzzFeed)
