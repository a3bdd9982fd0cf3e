import Foundation
import Model
import Parsing

/// Any bytes as an HTML list page and as a watched page, with typical selectors.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzHTML(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let input = ParseInput(data: Data(bytes: data, count: size), url: "http://example.org/list/index.html")
    let list = ListSelectors(items: "//li | //tr", title: ".//a", link: ".//a/@href", date: ".//span", summary: ".//p")
    _ = try? Parser.parse(input, as: .list, list: list)
    _ = try? Parser.parse(input, as: .page, content: "//body", ignore: ["//script", "//div[@class='ad']"])
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
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzHTML))
