/// Lower-case hexadecimal, for digests. `String(format: "%02x")` per byte goes through Foundation's
/// formatter and cost a fifth of a whole pass's CPU when every item identity was hashed with it.
public enum Hex {
    /// The first `limit` bytes (all by default) written straight into the string's storage:
    /// iterating a digest as a `Sequence` went through its generic iterator, 3 % of a baseline pass.
    public static func encode(_ bytes: UnsafeRawBufferPointer, limit: Int = .max) -> String {
        let count = min(bytes.count, max(0, limit))
        return String(unsafeUninitializedCapacity: count * 2) { out in
            for i in 0..<count {
                let b = bytes[i]
                out[2 * i] = digit(b >> 4)
                out[2 * i + 1] = digit(b & 0x0F)
            }
            return count * 2
        }
    }

    public static func encode<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        let array = Array(bytes)
        return array.withUnsafeBytes { encode($0) }
    }

    @inline(__always)
    private static func digit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? 0x30 + nibble : 0x57 + nibble
    }
}
