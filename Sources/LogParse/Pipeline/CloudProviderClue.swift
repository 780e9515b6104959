/// The cloud provider a log shows, from the strongest clue seen: events only one provider's code
/// logs, then the provider's source files, then messages only that provider writes, then provider
/// ids and node names.
///
/// A clue is kept until a stronger one comes; among equally strong clues the first wins, so a
/// segmented read (``absorb(_:)`` in file order) names the provider a sequential read names.
struct CloudProviderClue: Hashable, Sendable {
  /// The provider (as `--cloud-provider` names it), or nil.
  private(set) var provider: String?
  /// How strong the clue is: 0 none, 1 an id or node name, 2 a provider-only message, 3 a source
  /// file, 4 an event only that provider's code logs.
  private(set) var strength = 0

  /// Notes the event a record meant: one only a provider's code logs names it.
  mutating func note(_ event: Event) {
    guard strength < 4 else { return }
    let shown: String?
    switch event {
    case .cloudResize, .instanceTerminated: shown = "aws"
    case .scaleSetInstancesDeleting, .cloudResizeDone: shown = "azure"
    default: shown = nil
    }
    if let shown {
      provider = shown
      strength = 4
    }
  }

  /// Notes the clues of one record.
  mutating func note(file: UnsafeBufferPointer<UInt8>, message: UnsafeBufferPointer<UInt8>) {
    guard strength < 3 else { return }
    if let named = CloudProviderClues.provider(file: file) {
      provider = named
      strength = 3
      return
    }
    // A provider-only message is as good as a message gets: only a source file can say more.
    guard strength < 2 else { return }
    let found = CloudProviderClues.messagePrefilter.groups(in: message)
    guard found != 0 else { return }
    // The strongest clue in the message, the first listed among equals.
    var best: (provider: String, strength: Int)?
    var groups = found
    while groups != 0 {
      let clue = CloudProviderClues.clueGroups[groups.trailingZeroBitCount]
      groups &= groups - 1
      if best == nil || clue.strength > best!.strength { best = (clue.provider, clue.strength) }
    }
    if let best, best.strength > strength {
      provider = best.provider
      strength = best.strength
    }
  }

  /// Takes in the clue of the next stretch of the input.
  mutating func absorb(_ later: CloudProviderClue) {
    if later.strength > strength { self = later }
  }
}
