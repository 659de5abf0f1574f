/// Function words that say nothing about which event an item reports (English; other languages fall back on IDF,
/// which demotes their function words as the statistics grow).
enum Stopwords {
    static let words: [String] = """
    a about above after again against all almost also am among an and any are aren around as at be because been \
    before being below between both but by can cannot could couldn did didn do does doesn doing don down during \
    each either else ever every few for from further get gets got had hadn has hasn have haven having he her here \
    hers herself him himself his how however i if in into is isn it its itself just let ll me might more most much \
    must mustn my myself need no nor not now of off on once one only or other ought our ours ourselves out over own \
    per quite rather re really same say says said shall shan she should shouldn since so some still such than that \
    the their theirs them themselves then there these they this those though through thus to too under until up \
    upon us ve very via was wasn we were weren what when where whether which while who whom whose why will with \
    within without won would wouldn yet you your yours yourself yourselves s t d m o y new news
    """.split(separator: " ").map(String.init)

    /// Stable hashes of the stop words, as the tokenizer hashes terms.
    static let hashes: Set<UInt64> = Set(words.map { TermHash.of(Array($0.utf8)) })

    /// The same set as an open-addressing table probed with the hash's low bits (term hashes are mixed): the
    /// tokenizer asks about every word, and `Set` would run SipHash each time.
    private static let table: [UInt64] = {
        var table = [UInt64](repeating: 0, count: 1024)
        for hash in hashes {
            var i = Int(truncatingIfNeeded: hash) & (table.count - 1)
            while table[i] != 0 { i = (i + 1) & (table.count - 1) }
            table[i] = hash
        }
        return table
    }()

    /// Whether `hash` is a stop word's (a term hash of 0, never a stop word's, would end the probe at once).
    @inline(__always)
    static func contains(_ hash: UInt64) -> Bool {
        table.withUnsafeBufferPointer { table in
            var i = Int(truncatingIfNeeded: hash) & (table.count - 1)
            while true {
                let k = table[i]
                if k == hash { return k != 0 }
                if k == 0 { return false }
                i = (i + 1) & (table.count - 1)
            }
        }
    }
}
