/// Names in feeds.yml (source ids, sink, category and list names): `^[a-z0-9][a-z0-9-]*$`, with
/// `_` allowed too where `underscore` is set. Checked on bytes: a regular expression compiled
/// per source was a visible part of loading a config of thousands of sources.
enum Slug {
    static func isValid(_ s: String, underscore: Bool) -> Bool {
        var first = true
        for b in s.utf8 {
            let alnum = (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
            if first {
                guard alnum else { return false }
                first = false
            } else {
                guard alnum || b == UInt8(ascii: "-") || (underscore && b == UInt8(ascii: "_")) else { return false }
            }
        }
        return !first
    }
}
