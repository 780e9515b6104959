/// One message of the catalogue: how to find it cheaply, match it, and what event it means.
public struct CatalogEntry: Sendable {
  /// Where the literal must occur for the pattern to be worth running.
  public enum Position: Sendable, Hashable {
    /// The message starts with the literal (after an optional `"` of structured lines).
    case prefix
    /// The literal occurs anywhere in the message's first line.
    case anywhere
  }

  /// A stable identifier such as `scaleUp.requested`.
  public let id: String
  /// A literal every matching message contains: the cheap byte test before the regex.
  public let literal: String
  /// Where the literal sits.
  public let position: Position
  /// The PCRE2 pattern, run on the message in byte mode (empty: the literal alone decides).
  public let pattern: String
  /// The message's structured form (CAS 1.38+), when the contextual-logging core reworded it.
  public let structured: StructuredForm?
  /// The lowest `--v` at which CAS writes the message (0 for `I`/`W`/`E` at V(0)).
  public let verbosity: Int
  /// The CAS versions that write it, and how the forms differ between them.
  public let versions: String
  /// A rendered line of each version range whose text differs, with the fields its event carries.
  public let examples: [CatalogExample]
  /// Builds the event from the captures; nil rejects the match.
  let build: @Sendable (Captures) -> Event?

  /// The first example line (empty when the entry has none).
  public var example: String { examples.first?.line ?? "" }

  init(
    _ id: String, literal: String, _ position: Position = .prefix, pattern: String,
    structured: StructuredForm? = nil, v verbosity: Int, versions: String, examples: [CatalogExample],
    build: @escaping @Sendable (Captures) -> Event?
  ) {
    self.id = id
    self.literal = literal
    self.position = position
    self.pattern = pattern
    self.structured = structured
    self.verbosity = verbosity
    self.versions = versions
    self.examples = examples
    self.build = build
  }
}

/// A rendered catalogue line of some CAS versions, and the fields its event must carry.
public struct CatalogExample: Sendable {
  /// The versions that write the line in this form (`1.3–1.24`, `1.29+`, `1.38+` and `1.38+ (JSON)` for
  /// the structured form in text and JSON logging).
  public let versions: String
  /// The whole klog line, header included.
  public let line: String
  /// Every field of the event the line means, as ``Event/fields`` gives them.
  public let fields: [String: String]

  /// An example of `versions`: `line` means an event with exactly `fields`.
  public init(_ versions: String, _ line: String, _ fields: [String: String] = [:]) {
    self.versions = versions
    self.line = line
    self.fields = fields
  }
}
