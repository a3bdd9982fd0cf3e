import Foundation

/// Human units used in feeds.yml: durations ("90s", "15m", "1h", "7d", "2w") and sizes ("512KB", "10MB").
public enum Units {
    public static func duration(_ text: String) -> TimeInterval? {
        let s = text.trimmedWhitespace().lowercased()
        guard !s.isEmpty else { return nil }
        let table: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400), ("w", 604800)]
        for (suffix, factor) in table where s.hasSuffix(suffix) {
            let number = s.dropLast(suffix.count).trimmedWhitespace()
            if let v = Double(number), v >= 0, v.isFinite { return v * factor }
            return nil
        }
        if let v = Double(s), v >= 0, v.isFinite { return v }  // bare number: seconds
        return nil
    }

    public static func bytes(_ text: String) -> Int? {
        let s = text.trimmedWhitespace().uppercased()
        // KB/MB/GB are binary units here (as in curl's --max-filesize): 10MB = 10 × 1024 × 1024.
        let kib = 1024.0, mib = kib * 1024, gib = mib * 1024
        let table: [(String, Double)] = [("KIB", kib), ("MIB", mib), ("GIB", gib), ("KB", kib), ("MB", mib),
                                         ("GB", gib), ("K", kib), ("M", mib), ("G", gib), ("B", 1)]
        for (suffix, factor) in table where s.hasSuffix(suffix) {
            let number = s.dropLast(suffix.count).trimmedWhitespace()
            if let v = Double(number), v >= 0, v * factor < Double(Int.max) { return Int(v * factor) }
            return nil
        }
        if let v = Int(s), v >= 0 { return v }
        return nil
    }
}
