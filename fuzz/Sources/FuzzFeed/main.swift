import Foundation
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

// SwiftPM makes this file the program's entry point, so libFuzzer's own main is not used: hand
// control to its driver with the function above as the target.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32
var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzFeed))
