/// 64-bit SimHash over word 3-shingles: texts that share most of their wording get fingerprints a few bits apart,
/// whatever their headline (the title is left out), so wire copies and republications are found cheaply.
enum SimHash {
    /// Each bit is set when more shingles have it set than not. Counted eight bit positions at a time: byte lane
    /// k of `lanes[j]` counts bit 8k + j (flushed before a lane can overflow), the same counts as bit by bit.
    static func fingerprint(_ words: [UInt64]) -> UInt64? {
        guard words.count >= 3 else { return nil }
        let shingles = words.count - 2
        let shifts = SIMD8<UInt64>(0, 1, 2, 3, 4, 5, 6, 7)
        let lowBits = SIMD8<UInt64>(repeating: 0x0101_0101_0101_0101)
        var ones = [Int](repeating: 0, count: 64)
        var lanes = SIMD8<UInt64>(repeating: 0)
        var pending = 0
        // A static helper with inout arguments, not a nested function: the mutable locals a nested function
        // captures are boxed, and every access to them went through the runtime's exclusivity checks.
        words.withUnsafeBufferPointer { words in
            for i in 0..<shingles {
                let h = TermHash.pair(TermHash.pair(words[i], words[i + 1]), words[i + 2])
                lanes &+= (SIMD8(repeating: h) &>> shifts) & lowBits
                pending += 1
                if pending == 255 { flush(&lanes, into: &ones, pending: &pending) }
            }
        }
        flush(&lanes, into: &ones, pending: &pending)
        var result: UInt64 = 0
        for bit in 0..<64 where 2 * ones[bit] > shingles { result |= 1 << UInt64(bit) }
        return result
    }

    /// Adds the lanes' byte counters into `ones` and empties them.
    private static func flush(_ lanes: inout SIMD8<UInt64>, into ones: inout [Int], pending: inout Int) {
        for j in 0..<8 {
            for k in 0..<8 { ones[8 * k + j] += Int((lanes[j] >> UInt64(8 * k)) & 0xFF) }
        }
        lanes = SIMD8(repeating: 0)
        pending = 0
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
