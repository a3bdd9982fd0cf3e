import Crypto
import Foundation
import Model

/// Our own webhook body (docs/alerts.md): `{"sink", "delivery", "count", "alerts": [alert JSON…]}`,
/// signed with HMAC-SHA256 over the exact body bytes when a secret is configured.
enum JSONFormat {
    static let maxBatch = 100

    static func body(_ alerts: [Alert], sink: String, idempotencyKey: String) -> Data {
        var out = Data("{\"alerts\":[".utf8)
        for (i, a) in alerts.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(AlertJSON.encode(a))
        }
        out.append(contentsOf: Data("],".utf8))
        // Fixed key order (sorted, like every alert object), built by hand so the bytes are stable.
        let tail = ChatText.json(["count": alerts.count, "delivery": idempotencyKey, "sink": sink])
        out.append(tail.dropFirst())
        return out
    }

    /// `sha256=<lower-case hex HMAC-SHA256 of the body>`.
    static func signature(_ body: Data, secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + Hex.encode(mac)
    }
}
