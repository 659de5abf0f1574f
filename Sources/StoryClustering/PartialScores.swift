/// Scratch for the candidate scan of `StoryClusterer.storyScores`, kept between queries: partial scores by window
/// position, which positions the current query touched (a bitset, a bit per position), and those positions in
/// first-touch order.
///
/// The bitset is small enough (16 KiB per 128k positions) to stay in L1/L2, so telling a first touch from a repeat
/// costs no cache miss; a first touch then only stores its score (no load of a cold line to wait on). The
/// former layout, an epoch beside each score, made every posting wait on a load from a column larger than L2.
struct PartialScores {
    private var scores: [Float] = []
    private var seen: [UInt64] = []
    /// Touched positions, `touched[0 ..< touchedCount]` (a fixed buffer: no append checks in the scan).
    private var touchedBuffer: [Int32] = []
    private(set) var touchedCount = 0

    /// Starts a query over positions `0 ..< span`: clears what the previous query left.
    mutating func begin(span: Int) {
        precondition(span < Int(Int32.max), "window too large for 32-bit positions")
        if scores.count < span { scores.append(contentsOf: repeatElement(0, count: span - scores.count)) }
        let words = span / 64 + 1
        if seen.count < words { seen.append(contentsOf: repeatElement(0, count: words - seen.count)) }
        let count = touchedCount
        touchedBuffer.withUnsafeBufferPointer { touched in
            seen.withUnsafeMutableBufferPointer { seen in
                for k in 0..<count { seen[Int(touched[k]) >> 6] = 0 }
            }
        }
        touchedCount = 0
    }

    /// Adds `weight x posting weight` to the position of each of the newest `limit` postings (newest first),
    /// positions shifted down by `shift` (those falling below 0 are skipped: evicted items). A position's first
    /// touch stores `0 + product`, as accumulating from zero did: every partial score is the same float.
    mutating func add(_ postings: borrowing [StoryClusterer.Posting], limit: Int, weight: Float, shift: Int) {
        let n = min(limit, postings.count)
        if touchedBuffer.count < touchedCount + n {
            touchedBuffer.append(contentsOf: repeatElement(0, count: touchedCount + n - touchedBuffer.count))
        }
        var count = touchedCount
        postings.withUnsafeBufferPointer { postings in
            scores.withUnsafeMutableBufferPointer { scores in
                seen.withUnsafeMutableBufferPointer { seen in
                    touchedBuffer.withUnsafeMutableBufferPointer { touched in
                        var k = postings.count - 1
                        let stop = postings.count - n
                        while k >= stop {
                            let posting = postings[k]
                            k -= 1
                            let i = Int(posting.position) - shift
                            guard i >= 0 else { continue }
                            let product = weight * posting.weight
                            let word = i >> 6, bit = UInt64(1) << UInt64(i & 63)
                            if seen[word] & bit == 0 {
                                seen[word] |= bit
                                scores[i] = 0 + product
                                touched[count] = Int32(truncatingIfNeeded: i)
                                count += 1
                            } else {
                                scores[i] += product
                            }
                        }
                    }
                }
            }
        }
        touchedCount = count
    }

    /// Calls `body` with each touched position and its partial score, in first-touch order.
    @inline(__always)
    func forEachTouched(_ body: (Int, Float) -> Void) {
        let count = touchedCount
        touchedBuffer.withUnsafeBufferPointer { touched in
            scores.withUnsafeBufferPointer { scores in
                for k in 0..<count {
                    let i = Int(touched[k])
                    body(i, scores[i])
                }
            }
        }
    }
}
