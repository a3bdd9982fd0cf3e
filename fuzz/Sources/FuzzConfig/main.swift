import Config
import Foundation
import FuzzDriver

/// Any text as feeds.yml: a configuration or an error with file:line:column, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? ConfigLoader.parse(yaml: text, file: "feeds.yml")
    return 0
}

runFuzzer(fuzzConfig)
