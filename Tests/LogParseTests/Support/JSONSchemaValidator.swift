import Foundation

/// A small, dependency-free JSON Schema (draft 2020-12) validator for test support.
///
/// It implements only the keywords `Schemas/report.schema.json` uses: `type`, `required`,
/// `properties`, `additionalProperties`, `items`, `enum`, `const`, `pattern`, `minimum`,
/// `maximum`, `$ref` (local `#/...` pointers only, typically `#/$defs/Name`), `anyOf` and
/// `oneOf`. Every other keyword (`$schema`, `title`, `description`, `allOf`, `format`, …) is
/// ignored. Boolean schemas (`true`/`false`) are honoured wherever a subschema may appear.
///
/// The schema is stored as a parsed ``Value`` tree (a value type), so the validator is
/// `Sendable` and holds no shared mutable state.
///
/// ```swift
/// let validator = try JSONSchemaValidator(schemaData: schemaData)
/// let errors = try validator.validate(reportData)
/// #expect(errors.isEmpty, "\(errors.joined(separator: "\n"))")
/// ```
struct JSONSchemaValidator: Sendable {
  /// A parsed JSON value, with booleans kept distinct from numbers.
  indirect enum Value: Sendable, Equatable {
    /// JSON `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// Any JSON number; integers are numbers with no fractional part.
    case number(Double)
    /// A JSON string.
    case string(String)
    /// A JSON array.
    case array([Value])
    /// A JSON object; member order is not kept.
    case object([String: Value])
  }

  /// An error raised when the schema or the instance cannot be used at all.
  enum SchemaError: Error, CustomStringConvertible {
    /// The data is not JSON, or holds a value JSON cannot represent.
    case invalidJSON(String)
    /// The schema is JSON but not a schema this validator can apply.
    case invalidSchema(String)

    /// A one-line explanation.
    var description: String {
      switch self {
      case .invalidJSON(let detail): return "invalid JSON: \(detail)"
      case .invalidSchema(let detail): return "invalid schema: \(detail)"
      }
    }
  }

  /// The root of the schema, against which `$ref` pointers are resolved.
  private let root: Value

  /// The deepest chain of nested subschema applications allowed before giving up (guards `$ref` cycles).
  private static let maxDepth = 512

  /// The type names the `type` keyword accepts.
  private static let typeNames: Set<String> = [
    "object", "array", "string", "integer", "number", "boolean", "null",
  ]

  /// Parses `schemaData` and checks that every `$ref` resolves, every `pattern` compiles and every `type` name is known.
  init(schemaData: Data) throws {
    let root = try Self.parse(schemaData)
    switch root {
    case .object, .bool: break
    default: throw SchemaError.invalidSchema("the root schema must be an object or a boolean")
    }
    self.root = root
    try checkSchema(root, at: "#")
  }

  /// Validates `instanceData` and returns one human-readable error per violation, each prefixed by its JSON pointer.
  ///
  /// An empty result means the instance is valid. The root is shown as `(root)`;
  /// other locations are JSON pointers such as `/scaleUps/0/outcome`.
  /// Throws ``SchemaError/invalidJSON(_:)`` when `instanceData` is not JSON.
  func validate(_ instanceData: Data) throws -> [String] {
    let instance = try Self.parse(instanceData)
    var errors: [String] = []
    check(instance, against: root, at: "", depth: 0, into: &errors)
    return errors
  }

  /// Validates an already-parsed value; see ``validate(_:)``.
  func validate(value instance: Value) -> [String] {
    var errors: [String] = []
    check(instance, against: root, at: "", depth: 0, into: &errors)
    return errors
  }

  // MARK: - Parsing

  /// Parses JSON bytes into a ``Value`` (top-level scalars allowed).
  static func parse(_ data: Data) throws -> Value {
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    } catch {
      throw SchemaError.invalidJSON("\(error)")
    }
    return try value(from: object)
  }

  /// Converts a `JSONSerialization` result into a ``Value``.
  ///
  /// On Linux, `JSONSerialization` returns `NSNumber` for both numbers and booleans, and
  /// `NSNumber(1) is Bool` is true there, so booleans are recognised by their Objective-C
  /// type encoding (`c`, as for `__NSCFBoolean`) rather than by casting.
  static func value(from any: Any) throws -> Value {
    if any is NSNull { return .null }
    if let string = any as? String { return .string(string) }
    if let number = any as? NSNumber {
      let encoding = String(cString: number.objCType)
      if encoding == "c" || encoding == "B" { return .bool(number.boolValue) }
      return .number(number.doubleValue)
    }
    if let array = any as? [Any] { return .array(try array.map { try value(from: $0) }) }
    if let object = any as? [String: Any] {
      var result: [String: Value] = [:]
      result.reserveCapacity(object.count)
      for (key, element) in object { result[key] = try value(from: element) }
      return .object(result)
    }
    throw SchemaError.invalidJSON("unsupported value of type \(type(of: any))")
  }

  // MARK: - Schema checks (at init)

  /// Walks the subschemas this validator applies and rejects what it could not apply later.
  private func checkSchema(_ schema: Value, at location: String) throws {
    guard case .object(let keywords) = schema else {
      if case .bool = schema { return }
      throw SchemaError.invalidSchema("\(location): a schema must be an object or a boolean")
    }
    if let ref = keywords["$ref"] {
      guard case .string(let pointer) = ref else {
        throw SchemaError.invalidSchema("\(location)/$ref: must be a string")
      }
      if resolve(pointer) == nil {
        throw SchemaError.invalidSchema(
          "\(location)/$ref: cannot resolve \"\(pointer)\" (only local #/... pointers are supported)")
      }
    }
    if let type = keywords["type"] {
      let names: [Value]
      switch type {
      case .string: names = [type]
      case .array(let list): names = list
      default: throw SchemaError.invalidSchema("\(location)/type: must be a string or an array of strings")
      }
      for name in names {
        guard case .string(let text) = name, Self.typeNames.contains(text) else {
          throw SchemaError.invalidSchema("\(location)/type: unknown type \(Self.render(name))")
        }
      }
    }
    if let pattern = keywords["pattern"] {
      guard case .string(let text) = pattern else {
        throw SchemaError.invalidSchema("\(location)/pattern: must be a string")
      }
      do {
        _ = try NSRegularExpression(pattern: text)
      } catch {
        throw SchemaError.invalidSchema("\(location)/pattern: \(text) does not compile: \(error)")
      }
    }
    if let required = keywords["required"] {
      guard case .array(let names) = required,
        names.allSatisfy({ if case .string = $0 { return true } else { return false } })
      else {
        throw SchemaError.invalidSchema("\(location)/required: must be an array of strings")
      }
    }
    if let list = keywords["enum"] {
      guard case .array = list else { throw SchemaError.invalidSchema("\(location)/enum: must be an array") }
    }
    for bound in ["minimum", "maximum"] {
      if let limit = keywords[bound] {
        guard case .number = limit else { throw SchemaError.invalidSchema("\(location)/\(bound): must be a number") }
      }
    }
    for mapKeyword in ["properties", "$defs"] {
      guard let map = keywords[mapKeyword] else { continue }
      guard case .object(let members) = map else {
        throw SchemaError.invalidSchema("\(location)/\(mapKeyword): must be an object")
      }
      for key in members.keys.sorted() {
        try checkSchema(members[key]!, at: "\(location)/\(mapKeyword)/\(Self.escape(key))")
      }
    }
    for single in ["additionalProperties", "items"] {
      if let subschema = keywords[single] { try checkSchema(subschema, at: "\(location)/\(single)") }
    }
    for combinator in ["anyOf", "oneOf"] {
      guard let list = keywords[combinator] else { continue }
      guard case .array(let alternatives) = list, !alternatives.isEmpty else {
        throw SchemaError.invalidSchema("\(location)/\(combinator): must be a non-empty array")
      }
      for (index, alternative) in alternatives.enumerated() {
        try checkSchema(alternative, at: "\(location)/\(combinator)/\(index)")
      }
    }
  }

  /// Resolves a local reference (`#`, `#/$defs/Name`, any `#/`-pointer) against the schema root.
  private func resolve(_ reference: String) -> Value? {
    guard reference.hasPrefix("#") else { return nil }
    let fragment = String(reference.dropFirst()).removingPercentEncoding ?? ""
    if fragment.isEmpty { return root }
    guard fragment.hasPrefix("/") else { return nil }
    var current = root
    for rawToken in fragment.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
      let token = rawToken.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
      switch current {
      case .object(let members):
        guard let next = members[token] else { return nil }
        current = next
      case .array(let elements):
        guard let index = Int(token), elements.indices.contains(index) else { return nil }
        current = elements[index]
      default:
        return nil
      }
    }
    return current
  }

  // MARK: - Validation

  /// Applies `schema` to `instance`, appending one message per violation to `errors`.
  private func check(_ instance: Value, against schema: Value, at path: String, depth: Int, into errors: inout [String])
  {
    let here = Self.display(path)
    guard case .object(let keywords) = schema else {
      if case .bool(false) = schema { errors.append("\(here): no value is allowed here") }
      return
    }
    guard depth < Self.maxDepth else {
      errors.append("\(here): schema nesting exceeds \(Self.maxDepth) levels (a $ref cycle?)")
      return
    }

    if case .string(let reference)? = keywords["$ref"] {
      if let target = resolve(reference) {
        check(instance, against: target, at: path, depth: depth + 1, into: &errors)
      } else {
        errors.append("\(here): cannot resolve $ref \"\(reference)\"")
      }
    }

    if let type = keywords["type"] {
      let allowed: [String]
      switch type {
      case .string(let name): allowed = [name]
      case .array(let names):
        allowed = names.compactMap { if case .string(let n) = $0 { return n } else { return nil } }
      default: allowed = []
      }
      if !allowed.isEmpty && !allowed.contains(where: { Self.matches(instance, type: $0) }) {
        errors.append("\(here): expected \(allowed.joined(separator: " or ")), got \(Self.describe(instance))")
      }
    }

    if case .array(let options)? = keywords["enum"], !options.contains(where: { Self.equal($0, instance) }) {
      let listed = options.map { Self.render($0) }.joined(separator: ", ")
      errors.append("\(here): \(Self.render(instance)) is not one of [\(listed)]")
    }

    if let constant = keywords["const"], !Self.equal(constant, instance) {
      errors.append("\(here): expected \(Self.render(constant)), got \(Self.render(instance))")
    }

    switch instance {
    case .string(let text):
      if case .string(let pattern)? = keywords["pattern"], !Self.search(pattern, in: text) {
        errors.append("\(here): \(Self.render(instance)) does not match pattern \(pattern)")
      }
    case .number(let number):
      if case .number(let minimum)? = keywords["minimum"], number < minimum {
        errors.append("\(here): \(Self.render(instance)) is less than the minimum \(Self.render(.number(minimum)))")
      }
      if case .number(let maximum)? = keywords["maximum"], number > maximum {
        errors.append("\(here): \(Self.render(instance)) is greater than the maximum \(Self.render(.number(maximum)))")
      }
    case .object(let members):
      if case .array(let required)? = keywords["required"] {
        for case .string(let name) in required where members[name] == nil {
          errors.append("\(here): missing required property \"\(name)\"")
        }
      }
      var declared: [String: Value] = [:]
      if case .object(let properties)? = keywords["properties"] { declared = properties }
      for key in members.keys.sorted() {
        let child = "\(path)/\(Self.escape(key))"
        if let propertySchema = declared[key] {
          check(members[key]!, against: propertySchema, at: child, depth: depth + 1, into: &errors)
        } else if let additional = keywords["additionalProperties"] {
          if case .bool(false) = additional {
            errors.append("\(Self.display(child)): property \"\(key)\" is not allowed")
          } else {
            check(members[key]!, against: additional, at: child, depth: depth + 1, into: &errors)
          }
        }
      }
    case .array(let elements):
      if let items = keywords["items"] {
        for (index, element) in elements.enumerated() {
          check(element, against: items, at: "\(path)/\(index)", depth: depth + 1, into: &errors)
        }
      }
    case .null, .bool:
      break
    }

    if case .array(let alternatives)? = keywords["anyOf"] {
      let results = alternatives.map { outcome(of: instance, against: $0, at: path, depth: depth + 1) }
      if !results.contains(where: \.isEmpty) {
        errors.append("\(here): matches none of the anyOf alternatives (\(Self.summarize(results)))")
      }
    }

    if case .array(let alternatives)? = keywords["oneOf"] {
      let results = alternatives.map { outcome(of: instance, against: $0, at: path, depth: depth + 1) }
      let passing = results.indices.filter { results[$0].isEmpty }
      if passing.isEmpty {
        errors.append("\(here): matches none of the oneOf alternatives (\(Self.summarize(results)))")
      } else if passing.count > 1 {
        let which = passing.map(String.init).joined(separator: ", ")
        errors.append("\(here): matches oneOf alternatives \(which); exactly one must match")
      }
    }
  }

  /// The errors `schema` alone reports for `instance`.
  private func outcome(of instance: Value, against schema: Value, at path: String, depth: Int) -> [String] {
    var errors: [String] = []
    check(instance, against: schema, at: path, depth: depth, into: &errors)
    return errors
  }

  // MARK: - Helpers

  /// Whether `value` is an instance of the JSON Schema type `name` (`integer` = a number with no fractional part).
  private static func matches(_ value: Value, type name: String) -> Bool {
    switch (name, value) {
    case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object),
      ("number", .number):
      return true
    case ("integer", .number(let number)):
      return number.isFinite && number.rounded(.towardZero) == number
    default:
      return false
    }
  }

  /// The JSON Schema type name of `value`, reporting integral numbers as `integer`.
  private static func typeName(of value: Value) -> String {
    switch value {
    case .null: return "null"
    case .bool: return "boolean"
    case .number: return matches(value, type: "integer") ? "integer" : "number"
    case .string: return "string"
    case .array: return "array"
    case .object: return "object"
    }
  }

  /// The type and value of `value` for messages (`string "4"`, `boolean true`, `null`).
  private static func describe(_ value: Value) -> String {
    if case .null = value { return "null" }
    return "\(typeName(of: value)) \(render(value))"
  }

  /// JSON equality as `enum` and `const` define it (`1` equals `1.0`, `true` never equals `1`).
  private static func equal(_ lhs: Value, _ rhs: Value) -> Bool { lhs == rhs }

  /// Whether the ECMA-style (unanchored) `pattern` finds a match anywhere in `text`.
  private static func search(_ pattern: String, in text: String) -> Bool {
    guard let expression = try? NSRegularExpression(pattern: pattern) else { return false }
    let range = NSRange(text.startIndex..<text.endIndex, in: text)
    return expression.firstMatch(in: text, options: [], range: range) != nil
  }

  /// Escapes one JSON pointer token (`~` as `~0`, `/` as `~1`).
  private static func escape(_ token: String) -> String {
    token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
  }

  /// Shows a JSON pointer in messages, naming the root `(root)`.
  private static func display(_ pointer: String) -> String { pointer.isEmpty ? "(root)" : pointer }

  /// Condenses each alternative's errors for an `anyOf`/`oneOf` message.
  private static func summarize(_ results: [[String]]) -> String {
    results.enumerated().map { index, errors in
      "#\(index): \(errors.joined(separator: "; "))"
    }.joined(separator: " | ")
  }

  /// A compact JSON rendering of `value` for messages, cut to about 80 characters.
  static func render(_ value: Value) -> String {
    let full = compact(value)
    return full.count > 80 ? String(full.prefix(77)) + "..." : full
  }

  /// A compact JSON rendering with sorted object keys.
  private static func compact(_ value: Value) -> String {
    switch value {
    case .null: return "null"
    case .bool(let flag): return flag ? "true" : "false"
    case .number(let number):
      if number.isFinite, number.rounded(.towardZero) == number, abs(number) < 1e15 {
        return String(Int64(number))
      }
      return "\(number)"
    case .string(let text): return quote(text)
    case .array(let elements): return "[" + elements.map(compact).joined(separator: ",") + "]"
    case .object(let members):
      return "{" + members.keys.sorted().map { quote($0) + ":" + compact(members[$0]!) }.joined(separator: ",") + "}"
    }
  }

  /// A JSON string literal for `text`.
  private static func quote(_ text: String) -> String {
    "\"" + JSONStringModel.escaped(text) + "\""
  }
}
