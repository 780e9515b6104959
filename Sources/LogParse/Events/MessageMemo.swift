import Glibc

/// What the catalogue made of recent messages that name nothing, so that a message seen again is
/// not matched again.
///
/// A one-line record's meaning depends only on its severity and message when the event it gives
/// holds no name, no pattern gave up, no field was cut or out of range, and no failure shape had
/// to be searched for (``RecordHandler``): then the same severity and message always give the same
/// event, or always none. CAS repeats such messages every loop (`Starting main loop`, `No
/// unschedulable pods`, `Filtering out schedulables`, informer lines no entry knows).
///
/// Direct-mapped by a hash of the message: a new message takes the slot of any it collides with,
/// so memory stays bounded (``slotCount`` messages of at most ``maximumLength`` bytes).
struct MessageMemo {
  /// What a remembered message means.
  struct Outcome {
    /// The event and its catalogue entry; nil for a message no entry recognises.
    var event: Event?
    var entry: Int
    /// Whether the message holds a date (``TimeText/firstDate(in:)``).
    var holdsDate: Bool
  }

  /// How many messages are remembered at most.
  static let slotCount = 256
  /// The longest message remembered: the loop's `Scale down status` line, about 330 bytes with its
  /// three times, is the longest that CAS repeats unchanged loop after loop.
  static let maximumLength = 512

  // The slots, in parallel arrays so that a lookup compares in place and copies nothing but the
  // outcome it returns. A slot is empty while its message is.
  private var hashes = [UInt64](repeating: 0, count: MessageMemo.slotCount)
  private var severities = [Severity](repeating: .info, count: MessageMemo.slotCount)
  private var messages = [[UInt8]](repeating: [], count: MessageMemo.slotCount)
  private var outcomes = [Outcome?](repeating: nil, count: MessageMemo.slotCount)

  /// What `message` of a record with `severity` was found to mean before, if it is remembered.
  @inline(__always)
  mutating func outcome(_ severity: Severity, _ message: UnsafeBufferPointer<UInt8>) -> Outcome? {
    guard message.count <= MessageMemo.maximumLength, let base = message.baseAddress else { return nil }
    let hash = NameGeneration.hash(message)
    let index = Int(truncatingIfNeeded: hash) & (MessageMemo.slotCount - 1)
    guard hashes[index] == hash, severities[index] == severity else { return nil }
    let same = messages.withUnsafeBufferPointer { messages in
      messages[index].withUnsafeBufferPointer { stored in
        stored.count == message.count && stored.baseAddress.map { memcmp($0, base, message.count) == 0 } == true
      }
    }
    return same ? outcomes[index] : nil
  }

  /// Remembers what `message` of a record with `severity` means, in place of any message in its slot.
  mutating func remember(_ severity: Severity, _ message: UnsafeBufferPointer<UInt8>, _ outcome: Outcome) {
    guard message.count <= MessageMemo.maximumLength, !message.isEmpty else { return }
    let hash = NameGeneration.hash(message)
    let index = Int(truncatingIfNeeded: hash) & (MessageMemo.slotCount - 1)
    hashes[index] = hash
    severities[index] = severity
    messages[index] = Array(message)
    outcomes[index] = outcome
  }
}

extension EventOf {
  /// Whether the event holds a name (a node, group, pod or instance id).
  var holdsName: Bool {
    var found = false
    _ = mapNames { name -> Name in
      found = true
      return name
    }
    return found
  }
}
