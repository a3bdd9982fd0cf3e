import Foundation

/// Which sanitizer the test process (and the civicwatch binary built beside it) was built with,
/// read from the runtime's own symbols rather than from build paths.
public enum Sanitizers {
    public static let address = defined("__asan_init")
    public static let thread = defined("__tsan_init")
    public static var any: Bool { address || thread }

    private static func defined(_ symbol: String) -> Bool {
        guard let handle = dlopen(nil, RTLD_NOW) else { return false }
        return dlsym(handle, symbol) != nil
    }
}
