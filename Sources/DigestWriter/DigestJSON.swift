import Foundation

/// The JSON file: keys sorted (a stable order scripts and diffs can rely on), pretty-printed, slashes unescaped.
/// Documented in docs/digest.schema.json.
public enum DigestJSON {
    /// Bumped when a field changes meaning or is removed; adding fields keeps the version.
    public static let schemaVersion = 1

    struct Document: Encodable {
        var schemaVersion: Int
        var digest: DailyDigest

        func encode(to encoder: any Encoder) throws {
            // Flatten: the digest's own keys plus schemaVersion at the top level.
            try digest.encode(to: encoder)
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(schemaVersion, forKey: .schemaVersion)
        }
        enum Key: String, CodingKey { case schemaVersion }
    }

    public static func encode(_ digest: DailyDigest) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(Document(schemaVersion: schemaVersion, digest: digest))
        data.append(0x0A)
        return data
    }

    public static func decode(_ data: Data) throws -> DailyDigest {
        try JSONDecoder().decode(DailyDigest.self, from: data)
    }
}
