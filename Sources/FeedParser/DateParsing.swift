import Foundation

/// Lenient feed dates: RFC 822/1123/2822 and their real-world variants (two-digit years, no seconds, no weekday,
/// named zones, any case, extra spaces, full month names, ctime order), ISO 8601/W3CDTF (date only, year-month,
/// space for `T`, fractions, `+hhmm`/`+hh:mm`/`+hh` zones, basic format). Anything else is nil — never "now".
public enum DateParsing {
    public static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var start = 0, end = bytes.count
        while start < end, bytes[start] <= 0x20 { start += 1 }
        while end > start, bytes[end - 1] <= 0x20 { end -= 1 }
        guard end - start >= 4, end - start < 120 else { return nil }
        let b = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if isDigit(b[0]), b.count >= 4, isDigit(b[1]), isDigit(b[2]), isDigit(b[3]) {
            if let date = parseISO(b) { return date }
        }
        return parseRFC(b)
    }

    // MARK: ISO 8601 / W3CDTF

    private static func parseISO(_ b: UnsafeBufferPointer<UInt8>) -> Date? {
        var i = 0
        func number(_ digits: Int) -> Int? {
            guard i + digits <= b.count else { return nil }
            var v = 0
            for k in 0..<digits {
                guard isDigit(b[i + k]) else { return nil }
                v = v * 10 + Int(b[i + k] - 48)
            }
            i += digits
            return v
        }
        func skip(_ c: UInt8) -> Bool {
            if i < b.count, b[i] == c { i += 1; return true }
            return false
        }
        guard let year = number(4) else { return nil }
        var month = 1, day = 1, hour = 0, minute = 0, second = 0
        var offset = 0
        if i == b.count { return civil(year, 1, 1, 0, 0, 0, 0) }
        let separator = b[i]
        if separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/") || separator == UInt8(ascii: ".") {
            i += 1
            guard let m = number(2) ?? number(1) else { return nil }
            month = m
            if skip(separator) {
                guard let d = number(2) ?? number(1) else { return nil }
                day = d
            }
        } else if isDigit(separator) {
            // Basic format: YYYYMMDD[Thhmmss]
            guard let m = number(2), let d = number(2) else { return nil }
            month = m
            day = d
        } else {
            return nil
        }
        // Time: "T", "t" or one or more spaces.
        if i < b.count, b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: "t") || b[i] == 0x20 {
            var j = i + 1
            while j < b.count, b[j] == 0x20 { j += 1 }
            if j + 1 < b.count, isDigit(b[j]), isDigit(b[j + 1]) {
                i = j
                guard let h = number(2) else { return nil }
                hour = h
                let colon = skip(UInt8(ascii: ":"))
                if let m = number(2) { minute = m } else if colon { return nil }
                if skip(UInt8(ascii: ":")) || (!colon && i + 1 < b.count && isDigit(b[i])) {
                    guard let s = number(2) else { return nil }
                    second = s
                }
                if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
                    i += 1
                    while i < b.count, isDigit(b[i]) { i += 1 }
                }
            }
        }
        while i < b.count, b[i] == 0x20 { i += 1 }
        if i < b.count {
            guard let zone = zoneOffset(UnsafeBufferPointer(rebasing: b[i...])) else { return nil }
            offset = zone
        }
        return civil(year, month, day, hour, minute, second, offset)
    }

    /// `Z`, `+hh:mm`, `+hhmm`, `+hh`, or a zone name; seconds east of UTC.
    private static func zoneOffset(_ z: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = z.first else { return 0 }
        if first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            var digits: [Int] = []
            for c in z.dropFirst() {
                if isDigit(c) { digits.append(Int(c - 48)) } else if c == UInt8(ascii: ":") { continue } else { break }
            }
            let hours: Int, minutes: Int
            switch digits.count {
            case 1: hours = digits[0]; minutes = 0
            case 2: hours = digits[0] * 10 + digits[1]; minutes = 0
            case 3: hours = digits[0]; minutes = digits[1] * 10 + digits[2]
            case 4: hours = digits[0] * 10 + digits[1]; minutes = digits[2] * 10 + digits[3]
            default: return nil
            }
            guard hours <= 14, minutes < 60 else { return nil }
            let seconds = hours * 3600 + minutes * 60
            return first == UInt8(ascii: "-") ? -seconds : seconds
        }
        let word = String(decoding: z.prefix(while: { isLetter($0) }), as: UTF8.self).lowercased()
        guard let hours = namedZones[word] else { return nil }
        // "GMT+2", "UTC-05:00"
        let rest = z.dropFirst(word.utf8.count)
        if let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            return zoneOffset(UnsafeBufferPointer(rebasing: rest)).map { $0 + Int(hours * 3600) }
        }
        return Int(hours * 3600)
    }

    // MARK: RFC 822 and friends

    private enum Token {
        case number(Int, digits: Int)
        case word(String)
        case time(Int, Int, Int)
        case offset(Int)
    }

    private static func parseRFC(_ b: UnsafeBufferPointer<UInt8>) -> Date? {
        var tokens: [Token] = []
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if isDigit(c) {
                var v = 0, digits = 0
                while i < n, isDigit(b[i]), digits < 9 { v = v * 10 + Int(b[i] - 48); i += 1; digits += 1 }
                if i < n, b[i] == UInt8(ascii: ":") {
                    // hh:mm[:ss][.fff]
                    var parts = [v]
                    while i < n, b[i] == UInt8(ascii: ":"), parts.count < 3 {
                        i += 1
                        var p = 0, pd = 0
                        while i < n, isDigit(b[i]), pd < 2 { p = p * 10 + Int(b[i] - 48); i += 1; pd += 1 }
                        guard pd > 0 else { return nil }
                        parts.append(p)
                    }
                    if i < n, b[i] == UInt8(ascii: ".") { i += 1; while i < n, isDigit(b[i]) { i += 1 } }
                    tokens.append(.time(parts[0], parts[1], parts.count > 2 ? parts[2] : 0))
                } else {
                    tokens.append(.number(v, digits: digits))
                }
            } else if (c == UInt8(ascii: "+") || c == UInt8(ascii: "-")), i + 1 < n, isDigit(b[i + 1]),
                      tokens.contains(where: { if case .time = $0 { return true } else { return false } }) {
                var j = i + 1
                while j < n, isDigit(b[j]) || b[j] == UInt8(ascii: ":") { j += 1 }
                guard let offset = zoneOffset(UnsafeBufferPointer(rebasing: b[i..<j])) else { return nil }
                tokens.append(.offset(offset))
                i = j
            } else if isLetter(c) {
                let s = i
                while i < n, isLetter(b[i]) { i += 1 }
                tokens.append(.word(String(decoding: UnsafeBufferPointer(rebasing: b[s..<i]), as: UTF8.self).lowercased()))
            } else {
                i += 1
            }
        }

        var day: Int?, month: Int?, year: Int?, time: (Int, Int, Int)?
        var offset: Int?
        var pm: Bool?
        var numbers: [(Int, Int)] = []
        for token in tokens {
            switch token {
            case .word(let w):
                if let m = monthNumber(w) { if month == nil { month = m } }
                else if weekdays.contains(where: { w.hasPrefix($0) }) { continue }
                else if w == "am" || w == "a" { pm = false }
                else if w == "pm" || w == "p" { pm = true }
                else if let hours = namedZones[w] { if offset == nil { offset = Int(hours * 3600) } }
                else if w == "t" || w == "at" || w == "of" || w == "th" || w == "st" || w == "nd" || w == "rd" { continue }
                else if w.count == 1 { continue }  // military zone letters: treated as UTC
                else { return nil }
            case .number(let v, let digits): numbers.append((v, digits))
            case .time(let h, let m, let s): if time == nil { time = (h, m, s) }
            case .offset(let o): offset = o
            }
        }
        for (v, digits) in numbers {
            if digits >= 3 || v > 31 {
                if year == nil { year = v } else { return nil }
            } else if day == nil, month != nil || numbers.count > 2 {
                day = v
            } else if day == nil {
                day = v
            } else if year == nil {
                year = v
            }
        }
        guard let d = day, let m = month, var y = year else { return nil }
        if y < 100 { y += y < 50 ? 2000 : 1900 }
        var (hh, mm, ss) = time ?? (0, 0, 0)
        if let pm {
            if pm, hh < 12 { hh += 12 } else if !pm, hh == 12 { hh = 0 }
        }
        return civil(y, m, d, hh, mm, ss, offset ?? 0)
    }

    private static func monthNumber(_ w: String) -> Int? {
        guard w.count >= 3 else { return nil }
        let prefix = w.prefix(3)
        guard let index = months.firstIndex(of: String(prefix)) else { return nil }
        // "mar" but not "march2" garbage; full names and "sept" are fine.
        return index + 1
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// Zone abbreviations seen in feeds, in hours east of UTC.
    private static let namedZones: [String: Double] = [
        "z": 0, "ut": 0, "utc": 0, "gmt": 0, "wet": 0, "bst": 1, "ist": 5.5, "cet": 1, "met": 1, "cest": 2,
        "mest": 2, "west": 1, "eet": 2, "eest": 3, "msk": 3, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7,
        "mdt": -6, "pst": -8, "pdt": -7, "akst": -9, "akdt": -8, "hst": -10, "ast": -4, "adt": -3, "nst": -3.5,
        "ndt": -2.5, "jst": 9, "kst": 9, "hkt": 8, "sgt": 8, "awst": 8, "acst": 9.5, "aest": 10, "aedt": 11,
        "nzst": 12, "nzdt": 13,
    ]

    // MARK: Calendar arithmetic

    /// Validates the fields and makes the instant (days-from-civil, proleptic Gregorian).
    static func civil(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int,
                      _ offset: Int) -> Date? {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1, day <= daysIn(month, year),
              (0...24).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        if hour == 24, minute != 0 || second != 0 { return nil }
        let days = daysFromCivil(year, month, day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + min(second, 59) - offset
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    private static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    @inline(__always) private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    @inline(__always) private static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
}

/// `2026-11-21T10:00:00Z`: the one date format feedd writes.
public enum ISO8601UTC {
    public static func string(from date: Date) -> String {
        let total = Int(floor(date.timeIntervalSince1970))
        var days = total / 86_400
        var rest = total % 86_400
        if rest < 0 { rest += 86_400; days -= 1 }
        // civil-from-days
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(rest / 3600, 2)):\(pad(rest % 3600 / 60, 2)):\(pad(rest % 60, 2))Z"
    }
}
