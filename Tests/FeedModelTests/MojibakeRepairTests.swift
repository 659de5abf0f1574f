import FeedModel
import Testing

@Suite struct MojibakeRepairTests {
    /// What an upstream system makes of UTF-8 text when it decodes it as windows-1252 and encodes the result
    /// as UTF-8 again (the five bytes windows-1252 leaves undefined come through as C1 controls).
    static func doubleEncoded(_ text: String) -> String {
        String(String.UnicodeScalarView(text.utf8.map { byte in
            Unicode.Scalar(byte < 0x80 ? UInt32(byte) : Windows1252.scalar(byte))!
        }))
    }

    static let repairable = [
        "It’s “official” – so…", "Sådan får Brøndby", "Fórmula, aquí, ¿qué?", "Zürich, Straße", "£67 · 20 °C ©",
        "Łódź, Čapek, Œuvre", "România, Timișoara, Țara", "Ελλάδα", "Привет, мир; Київ, ї", "€5 ™ •", "Idea 💡 💥",
        "à la carte", "ÀÉÎÕÜ Å Æ Ø",
    ]

    static func mayNeedRepair(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer(MojibakeRepair.mayNeedRepair)
    }

    @Test(arguments: repairable)
    func doubleEncodedTextIsRestored(_ text: String) {
        let broken = Self.doubleEncoded(text)
        #expect(broken != text)
        #expect(MojibakeRepair.repair(broken) == text)
        // Encoded twice over, repaired twice over.
        #expect(MojibakeRepair.repair(Self.doubleEncoded(broken)) == text)
    }

    @Test(arguments: [
        "plain ASCII", "SÃO PAULO", "„Spaß“", "«\u{00A0}café\u{00A0}» ; « voilà\u{00A0}»", "ÄRGER“", "AQUÍ”", "ÉTÉ»", "Ðóttir",
        "Ã la fin", "it is â€", "Ñ¿", "ß€", "naïve café Ö°",
    ])
    func realTextIsLeftAlone(_ text: String) {
        #expect(MojibakeRepair.repair(text) == text)
    }

    @Test func theQuickLookPassesAccentedTextAndSeesEveryRepair() {
        // Text the repair would leave as it is, accented or not, is passed over without the repair's pass.
        for text in ["naïve café, Zürich, Straße, señor, Ærø", "Ελλάδα, Київ", "plain", "Ã la fin", "ÄRGER“"] {
            #expect(!Self.mayNeedRepair(text), "\(text)")
        }
        for text in Self.repairable {
            #expect(Self.mayNeedRepair(Self.doubleEncoded(text)), "\(text)")
            #expect(Self.mayNeedRepair(Self.doubleEncoded(Self.doubleEncoded(text))), "\(text)")
        }
    }

    @Test func onlyWholeSequencesAreRestored() {
        // A lost third byte ("â€" then a space) leaves the pair; repaired text around it still is repaired.
        #expect(MojibakeRepair.repair("Ã¥r â€ ok â€™") == "år â€ ok ’")
    }
}
