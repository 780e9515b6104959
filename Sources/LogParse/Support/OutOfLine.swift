/// An optional value kept out of line: its holder pays one pointer for it, not the whole value.
///
/// For large fields that are rarely set, of values kept by the thousand: an episode's failure is
/// 240 bytes inline, and an episode list that passes 1,024 reserves room for 10,000 episodes
/// (``EpisodeList``), most of which never fail. Reflection (`Mirror`) sees the optional itself,
/// under the storage's label (`_error` for `error`).
@propertyWrapper
public struct OutOfLine<Value: Hashable & Sendable>: Hashable, Sendable, CustomReflectable {
  /// The value, when set: an empty array holds no buffer.
  private var storage: [Value]

  /// Holds `wrappedValue`.
  public init(wrappedValue: Value?) {
    storage = wrappedValue.map { [$0] } ?? []
  }

  /// The value held, if any; a change of a set value reuses its buffer when no copy shares it.
  public var wrappedValue: Value? {
    get { storage.first }
    set {
      if let newValue {
        if storage.isEmpty { storage = [newValue] } else { storage[0] = newValue }
      } else {
        storage = []
      }
    }
  }

  /// The optional value, as a stored optional would show.
  public var customMirror: Mirror { Mirror(reflecting: wrappedValue as Any) }
}
