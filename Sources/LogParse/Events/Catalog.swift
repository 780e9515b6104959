/// The message catalogue: every Cluster Autoscaler message cas-logs understands, as data.
///
/// Each entry names a literal (the cheap byte test), a PCRE2 pattern, the event it builds, the
/// verbosity CAS logs it at, the versions whose text it matches, and a rendered example line of
/// each version range whose text differs, with the exact event it means. Messages are
/// keyed on their text, never on `file:line`, which moved between versions.
public enum Catalog {
  /// All entries, in matching order (the first entry whose pattern matches wins).
  public static let entries: [CatalogEntry] =
    scaleUpEntries + scaleDownEntries + blockedEntries + quotaEntries + recentEntries + failureEntries
    + unregisteredFailureEntries + processEntries + sizeEvidenceEntries + notedEntries
}
