/// One message of the catalogue: how to find it cheaply, match it, and what event it means.
public struct CatalogEntry: Sendable {
  /// Where the literal must occur for the pattern to be worth running.
  enum Position: Sendable, Hashable {
    /// The message starts with the literal (after an optional `"` of structured lines).
    case prefix
    /// The literal occurs anywhere in the message's first line.
    case anywhere
  }

  /// A stable identifier such as `scaleUp.requested`.
  public let id: String
  /// A literal every matching message contains: the cheap byte test before the regex.
  let literal: String
  /// Where the literal sits.
  let position: Position
  /// The PCRE2 pattern, run on the message in byte mode (empty: the literal alone decides).
  let pattern: String
  /// The message's structured form (CAS 1.38+), when the contextual-logging core reworded it.
  public let structured: StructuredForm?
  /// The lowest `--v` at which CAS writes the message (0 for `I`/`W`/`E` at V(0)).
  public let verbosity: Int
  /// The CAS versions that write it, and how the forms differ between them.
  public let versions: String
  /// Whether CAS writes the message with `klog.Fatalf`, so the process exits after it whatever the
  /// record's header shows (a line that lost its header, a copy at another severity).
  ///
  /// One of the two sources of ``FailureDetail/fatal``: ``EventExtractor`` marks a failure event
  /// fatal when its entry says so here or its record's severity is `F`; builders never set it.
  let fatal: Bool
  /// Whether every message the entry matches holds only names and numbers, whatever its event's
  /// kind allows (``EventOf/isClosedMessage``): its records are not searched for failure shapes.
  let closedMessage: Bool
  /// A rendered line of each version range whose text differs, with the event it means.
  public let examples: [CatalogExample]
  /// Builds the event from the captures; nil rejects the match.
  let build: @Sendable (Captures) -> ParsedEvent?

  /// The first example line (empty when the entry has none).
  var example: String { examples.first?.line ?? "" }

  init(
    _ id: String, literal: String, _ position: Position = .prefix, pattern: String,
    structured: StructuredForm? = nil, v verbosity: Int, versions: String, fatal: Bool = false,
    closedMessage: Bool = false, examples: [CatalogExample], build: @escaping @Sendable (Captures) -> ParsedEvent?
  ) {
    self.id = id
    self.literal = literal
    self.position = position
    self.pattern = pattern
    self.structured = structured
    self.verbosity = verbosity
    self.versions = versions
    self.fatal = fatal
    self.closedMessage = closedMessage
    self.examples = examples
    self.build = build
  }
}

/// A rendered catalogue line of some CAS versions, and the event it means.
public struct CatalogExample: Sendable {
  /// The versions that write the line in this form (`1.3–1.24`, `1.29+`, `1.38+` and `1.38+ (JSON)` for
  /// the structured form in text and JSON logging).
  public let versions: String
  /// The whole klog line, header included (a record's continuation lines after `\n`), or a JSON logging record.
  public let line: String
  /// The event the line means, exactly: a failure's `fatal` as ``EventExtractor`` sets it.
  let event: Event

  /// An example of `versions`: `line` means exactly `event`.
  init(_ versions: String, _ line: String, _ event: Event) {
    self.versions = versions
    self.line = line
    self.event = event
  }
}

extension FullTime {
  /// The time an RFC 3339 text such as `2019-09-27T11:57:07.773690521Z` gives, for stating an
  /// example's event (the epoch when the text is not one: the example then fails its test).
  static func example(_ rfc3339: String) -> FullTime {
    TimeText.rfc3339(Array(rfc3339.utf8)) ?? FullTime(epochMicroseconds: 0)
  }
}
