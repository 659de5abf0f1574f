/// Stable 64-bit term identities (FNV-1a over the term's bytes): the same in every process, unlike `Hasher`,
/// so statistics persist and results never depend on a per-process seed.
enum TermHash {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    @inline(__always)
    static func of<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        finalize(bytes.reduce(offset, step))
    }

    /// One FNV-1a step: a word's hash so far, with its next byte (the tokenizer hashes long words as it reads).
    @inline(__always)
    static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* prime }

    /// A bigram's identity, distinct from any unigram's.
    @inline(__always)
    static func pair(_ a: UInt64, _ b: UInt64) -> UInt64 {
        finalize(a &* 0x9E37_79B9_7F4A_7C15 ^ (b &+ 0x632B_E59B_D9B4_E019))
    }

    /// SplitMix64 finaliser: spreads FNV's weak low bits so bit positions (SimHash) and bands are uniform.
    @inline(__always)
    static func finalize(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
