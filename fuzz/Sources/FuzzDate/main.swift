import Foundation
import Parsing

/// Any text as a date, in UTC+8 (the zone most watched sources omit).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzDate(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = DateParser.parse(text, defaultZone: TimeZone(secondsFromGMT: 8 * 3600))
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
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzDate))
