/// How a catalogue message reads in the structured form of the contextual-logging core (CAS 1.38+).
///
/// The record's message text finds the entry (one table lookup); its key=value pairs then reach
/// the entry's build closure as the captures of its printf pattern would, in one of two ways:
///
/// - **keys**: capture group `i` is the value of key `i` (`StructuredForm("Scale-up: setting group
///   size", keys: ["nodeGroupId", "size"])`), adapted where the printf form showed a value
///   differently (a struct's field, a list's names);
/// - **printf**: the values are put into the printf text in the places of its `%v`s and the entry's
///   own pattern runs on the result (for messages whose meaning is read from the whole text, such
///   as failures classified from their error).
public struct StructuredForm: Sendable {
  /// The message text, unquoted (`Scale-up: setting group size`).
  let message: String
  /// The keys read, in capture-group order (keys form) or `%v` order (printf form).
  let keys: [StructuredKey]
  /// The printf text the values are put into, if the entry reads its pattern's captures from it.
  let printf: String?

  /// A form whose capture group `i` (from 1) is the value of `keys[i - 1]`.
  init(_ message: String, keys: [StructuredKey] = []) {
    self.message = message
    self.keys = keys
    self.printf = nil
  }

  /// A form rendered into `printf` (each `%v` replaced by the next key's value) and matched by the entry's pattern.
  init(_ message: String, printf: String, keys: [StructuredKey]) {
    self.message = message
    self.keys = keys
    self.printf = printf
  }

  /// `"message" key key…`, as `cas-logs catalog` shows it.
  public var description: String {
    (["\"\(message)\""] + keys.map(\.description)).joined(separator: " ")
  }
}

/// One value a structured form reads: a key's value, or a part of it the printf form showed.
struct StructuredKey: Sendable, ExpressibleByStringLiteral {
  /// How the value is taken from the record.
  enum Reading: Sendable {
    /// The value as written (unquoted).
    case value
    /// Field `name` of a `%+v` struct (`{… ErrorCode:timeout …}`) or a JSON object: up to the next space or brace.
    case field(String)
    /// The last field `name` of a `%+v` struct, which may hold spaces: up to the struct's closing braces.
    case lastField(String)
    /// A list (`[a b c]`, `["a","b"]` or `a, b`) as comma-separated names.
    case list
    /// A slice with its outer `[` `]` removed.
    case unbracketed
    /// A fixed text, for what the printf form said and the structured message states in its words.
    case constant
    /// A `time.Time`: Go's text form as written, or JSON logging's epoch milliseconds or RFC 3339, as Go's form.
    case time
  }

  /// The key (or, for a constant, the text).
  let name: String
  let reading: Reading

  /// The value of key `value`, as written.
  init(stringLiteral value: String) {
    self.init(value, .value)
  }

  init(_ name: String, _ reading: Reading) {
    self.name = name
    self.reading = reading
  }

  /// Field `field` of the struct in key `key`, up to the next space or closing brace.
  static func field(_ key: String, _ field: String) -> StructuredKey { StructuredKey(key, .field(field)) }

  /// The last field `field` of the struct in key `key` (it may hold spaces).
  static func lastField(_ key: String, _ field: String) -> StructuredKey {
    StructuredKey(key, .lastField(field))
  }

  /// The names of the list in key `key`, comma-separated.
  static func list(_ key: String) -> StructuredKey { StructuredKey(key, .list) }

  /// The slice in key `key` without its outer brackets.
  static func unbracketed(_ key: String) -> StructuredKey { StructuredKey(key, .unbracketed) }

  /// The time in key `key`, in Go's `time.Time.String()` form whatever the logging format wrote.
  static func time(_ key: String) -> StructuredKey { StructuredKey(key, .time) }

  /// The fixed text `text`.
  static func constant(_ text: String) -> StructuredKey { StructuredKey(text, .constant) }

  /// The key as the catalogue lists it (`backoffStatus.ErrorCode`, `"unhealthy"`).
  var description: String {
    switch reading {
    case .value, .list, .unbracketed, .time: name
    case .field(let field), .lastField(let field): "\(name).\(field)"
    case .constant: "(\(name))"
    }
  }
}
