import Foundation

/// A small JSON Schema checker for the subset docs/digest.schema.json uses: type (incl. type lists), required,
/// properties, additionalProperties: false, items, minItems, minimum, const, pattern and local `$ref`s.
/// Returns every violation with its JSON path, so a failing test says what is wrong.
struct SchemaCheck {
    let root: [String: Any]

    init(schemaURL: URL) throws {
        root = try JSONSerialization.jsonObject(with: Data(contentsOf: schemaURL)) as! [String: Any]
    }

    func violations(of value: Any) -> [String] {
        var found: [String] = []
        check(value, against: root, path: "$", into: &found)
        return found
    }

    private func resolve(_ schema: [String: Any]) -> [String: Any] {
        guard let ref = schema["$ref"] as? String, ref.hasPrefix("#/") else { return schema }
        var node: Any = root
        for part in ref.dropFirst(2).split(separator: "/") {
            node = (node as? [String: Any])?[String(part)] as Any
        }
        return node as? [String: Any] ?? [:]
    }

    private func typeName(_ value: Any) -> String {
        switch value {
        case is NSNull: return "null"
        case let n as NSNumber:
            // JSONSerialization makes booleans NSNumbers of C type char.
            let type = String(cString: n.objCType)
            if type == "c" || type == "B" { return "boolean" }
            return n.doubleValue == n.doubleValue.rounded() ? "integer" : "number"
        case is String: return "string"
        case is [Any]: return "array"
        case is [String: Any]: return "object"
        default: return "unknown"
        }
    }

    private func check(_ value: Any, against raw: [String: Any], path: String, into found: inout [String]) {
        let schema = resolve(raw)
        let actual = typeName(value)
        if let type = schema["type"] {
            let allowed = (type as? [String]) ?? [type as! String]
            let ok = allowed.contains(actual) || (actual == "integer" && allowed.contains("number"))
            if !ok { found.append("\(path): \(actual), expected \(allowed)"); return }
        }
        if let constant = schema["const"] as? NSNumber, (value as? NSNumber) != constant {
            found.append("\(path): expected \(constant)")
        }
        if let minimum = schema["minimum"] as? Double, let n = value as? NSNumber, n.doubleValue < minimum {
            found.append("\(path): \(n) < \(minimum)")
        }
        if let pattern = schema["pattern"] as? String, let s = value as? String,
           s.range(of: pattern, options: .regularExpression) == nil {
            found.append("\(path): \"\(s)\" does not match \(pattern)")
        }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                found.append("\(path): missing required key \(key)")
            }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, child) in object {
                if let sub = properties[key] as? [String: Any] {
                    check(child, against: sub, path: "\(path).\(key)", into: &found)
                } else if schema["additionalProperties"] as? Bool == false {
                    found.append("\(path): undocumented key \(key)")
                }
            }
        }
        if let array = value as? [Any] {
            if let min = schema["minItems"] as? Int, array.count < min { found.append("\(path): fewer than \(min) items") }
            if let items = schema["items"] as? [String: Any] {
                for (i, child) in array.enumerated() { check(child, against: items, path: "\(path)[\(i)]", into: &found) }
            }
        }
    }
}
