import Foundation
import StoryClustering

/// The plain TF-IDF reference (as in `dedup_eval.py baseline --method tfidf`): lowercase words, IDF from the
/// whole input, greedy single-pass clustering against cluster centroids (cosine >= 0.07) among clusters updated
/// within the window, candidates through an inverted index of centroid terms.
struct TFIDFReference {
    var windowHours: Double
    var threshold = 0.07

    func cluster(_ items: [StoryItem]) -> [Int64: Int64] {
        let docs = items.map { item -> [String: Int] in
            var tf: [String: Int] = [:]
            for w in (item.title + " " + item.text).lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
                tf[String(w), default: 0] += 1
            }
            return tf
        }
        var df: [String: Int] = [:]
        for d in docs { for t in d.keys { df[t, default: 0] += 1 } }
        let n = Double(items.count)
        var centroids: [[String: Double]] = [], norms: [Double] = [], last: [Double] = [], ids: [Int64] = []
        var inverted: [String: [Int]] = [:]
        var out: [Int64: Int64] = [:]
        for (item, d) in zip(items, docs) {
            var v: [String: Double] = [:]
            var norm = 0.0
            for (t, c) in d { let w = (1 + log(Double(c))) * (log((1 + n) / (1 + Double(df[t]!))) + 1); v[t] = w; norm += w * w }
            norm = norm.squareRoot()
            let time = item.published.timeIntervalSince1970
            var dots: [Int: Double] = [:]
            for (t, w) in v { for c in inverted[t] ?? [] where time - last[c] <= windowHours * 3600 { dots[c, default: 0] += w / norm * centroids[c][t]! } }
            var best = -1, bestScore = -1.0
            for (c, dot) in dots { let s = dot / norms[c]; if s > bestScore || (s == bestScore && c < best) { best = c; bestScore = s } }
            let c: Int
            if best >= 0 && bestScore >= threshold { c = best } else {
                c = centroids.count; centroids.append([:]); norms.append(0); last.append(time); ids.append(item.id)
            }
            for (t, w) in v {
                if centroids[c][t] == nil { inverted[t, default: []].append(c) }
                centroids[c][t, default: 0] += w / norm
            }
            norms[c] = centroids[c].values.reduce(0) { $0 + $1 * $1 }.squareRoot()
            last[c] = max(last[c], time)
            out[item.id] = ids[c]
        }
        return out
    }
}
