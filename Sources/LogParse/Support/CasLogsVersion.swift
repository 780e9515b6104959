/// The version of cas-logs.
public enum CasLogsVersion {
  /// The version string printed by `--version` and written in reports.
  public static let current = "0.1.0"
}
