/// JSON string escaping for callers outside the report renderer (live NDJSON output).
public enum JSONText {
  /// `text` escaped for use inside a JSON string.
  public static func escape(_ text: String) -> String { JSONWriter.escape(text) }
}
