import Foundation
import FuzzDriver
import Parsing

/// Any text as a date, in UTC+8 (the zone most watched sources omit).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzDate(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = DateParser.parse(text, defaultZone: TimeZone(secondsFromGMT: 8 * 3600))
    return 0
}

runFuzzer(fuzzDate)
