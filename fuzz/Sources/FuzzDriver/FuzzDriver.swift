import Foundation

/// libFuzzer's entry into a target: bytes in, 0 out.
public typealias FuzzTarget = @convention(c) (UnsafePointer<UInt8>, Int) -> Int32

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>,
                                 _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                                 _ callback: FuzzTarget) -> Int32

/// SwiftPM makes each target's main.swift the program's entry point, so libFuzzer's own main is
/// not used: this hands control to its driver with `target` as the function under test.
public func runFuzzer(_ target: FuzzTarget) -> Never {
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, target))
}
