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
  /// The PCRE2 pattern, run on the message in byte mode.
  public let pattern: String
  /// The lowest `--v` at which CAS writes the message (0 for `I`/`W`/`E` at V(0)).
  public let verbosity: Int
  /// The CAS versions that write it in this form.
  public let versions: String
  /// A rendered example line.
  public let example: String
  /// Builds the event from the captures; nil rejects the match.
  let build: @Sendable (Captures) -> Event?

  init(
    _ id: String, literal: String, _ position: Position = .prefix, pattern: String, v verbosity: Int,
    versions: String, example: String, build: @escaping @Sendable (Captures) -> Event?
  ) {
    self.id = id
    self.literal = literal
    self.position = position
    self.pattern = pattern
    self.verbosity = verbosity
    self.versions = versions
    self.example = example
    self.build = build
  }
}
