/// windows-1252, the fallback for bytes that are not valid in the encoding they claim (and ISO-8859-1's superset).
public enum Windows1252 {
    /// Code points of 0x80...0x9F; the rest of the high half is Latin-1.
    @usableFromInline static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]

    @inlinable
    public static func scalar(_ byte: UInt8) -> UInt32 {
        byte >= 0x80 && byte < 0xA0 ? high[Int(byte - 0x80)] : UInt32(byte)
    }

    /// The byte that decodes to `scalar` (ASCII aside), nil when none does. C1 controls give their own byte, as
    /// a decoder that took the text for ISO-8859-1 left them.
    public static func byte(for scalar: UInt32) -> UInt8? {
        if scalar < 0x100 { return scalar >= 0x80 ? UInt8(scalar) : nil }
        return high.firstIndex(of: scalar).map { UInt8(0x80 + $0) }
    }
}
