/// 64-bit SimHash over word 3-shingles: texts that share most of their wording get fingerprints a few bits apart,
/// whatever their headline (the title is left out), so wire copies and republications are found cheaply.
enum SimHash {
    static func fingerprint(_ words: [UInt64]) -> UInt64? {
        guard words.count >= 3 else { return nil }
        var counters = [Int32](repeating: 0, count: 64)
        counters.withUnsafeMutableBufferPointer { v in
            for i in 0..<(words.count - 2) {
                let h = TermHash.pair(TermHash.pair(words[i], words[i + 1]), words[i + 2])
                for bit in 0..<64 {
                    v[bit] &+= Int32(truncatingIfNeeded: Int64((h >> UInt64(bit)) & 1) * 2 - 1)
                }
            }
        }
        var result: UInt64 = 0
        for bit in 0..<64 where counters[bit] > 0 { result |= 1 << UInt64(bit) }
        return result
    }

    static func distance(_ a: UInt64, _ b: UInt64) -> Int { (a ^ b).nonzeroBitCount }

    /// Four 16-bit bands: two fingerprints within 3 bits agree exactly on at least one band (pigeonhole).
    static func bands(_ fingerprint: UInt64) -> [UInt64] {
        (0..<4).map { band(fingerprint, $0) }
    }

    /// One band's key, below `bandKeys` (the band number above its 16 bits): a direct index, no hashing.
    @inline(__always)
    static func band(_ fingerprint: UInt64, _ band: Int) -> UInt64 {
        UInt64(band) << 16 | (fingerprint >> UInt64(band * 16)) & 0xFFFF
    }
    static let bandCount = 4
    static let bandKeys = 4 << 16
}
