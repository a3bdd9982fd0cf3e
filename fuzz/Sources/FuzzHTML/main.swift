import Foundation
import FuzzDriver
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

runFuzzer(fuzzHTML)
