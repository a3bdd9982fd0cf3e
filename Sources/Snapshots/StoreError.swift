import Foundation

/// Problems with the state folder or database, with the path concerned.
public enum StoreError: Error, CustomStringConvertible {
    case cannotCreateFolder(path: String, reason: String)
    case foreignDatabase(path: String)
    case newerSchema(path: String, version: Int)
    case damagedDatabase(path: String, detail: String)
    case database(path: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotCreateFolder(path, reason):
            return "cannot create the state folder \(path): \(reason)"
        case let .foreignDatabase(path):
            return "\(path) is not a CivicWatch state database; refusing to touch it (move it away or choose another --state folder)"
        case let .newerSchema(path, version):
            return "\(path) was written by a newer CivicWatch (schema \(version)); refusing to downgrade it"
        case let .damagedDatabase(path, detail):
            return "\(path) is damaged (\(detail)); refusing to write to it (restore a backup, or move it away to start afresh)"
        case let .database(path, reason):
            return "\(path): \(reason)"
        }
    }
}
