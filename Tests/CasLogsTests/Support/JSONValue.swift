import Foundation

/// Small accessors over `JSONSerialization` output, so tests read like the JSON contract.
enum JSON {
  /// Why a JSON document or value did not have the expected shape.
  struct ShapeError: Error, CustomStringConvertible {
    /// What was expected, and what was found.
    let description: String
  }

  /// Parses `text` as a JSON object.
  static func object(_ text: String) throws -> [String: Any] {
    try object(Data(text.utf8))
  }

  /// Parses `data` as a JSON object.
  static func object(_ data: Data) throws -> [String: Any] {
    let value = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    guard let object = value as? [String: Any] else {
      throw ShapeError(description: "expected a JSON object, got \(type(of: value)): \(value)")
    }
    return object
  }

  /// The array of objects under `key` in `object`.
  static func objects(_ object: [String: Any], _ key: String) throws -> [[String: Any]] {
    guard let array = object[key] as? [Any] else {
      throw ShapeError(description: "expected an array under '\(key)', got \(String(describing: object[key]))")
    }
    return try array.map { element in
      guard let item = element as? [String: Any] else {
        throw ShapeError(description: "expected objects in '\(key)', got \(element)")
      }
      return item
    }
  }

  /// The object under `key` in `object`.
  static func child(_ object: [String: Any], _ key: String) throws -> [String: Any] {
    guard let child = object[key] as? [String: Any] else {
      throw ShapeError(description: "expected an object under '\(key)', got \(String(describing: object[key]))")
    }
    return child
  }

  /// Whether `value` is JSON `null`.
  static func isNull(_ value: Any?) -> Bool {
    value is NSNull
  }
}
