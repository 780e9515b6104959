/// The cloud provider a log shows, from the strongest clue seen: a failure only one provider's API
/// gives, then events only one provider's code logs, then the provider's source files, then
/// messages only that provider writes, then provider ids and node names.
///
/// A clue is kept until a stronger one comes; among equally strong clues the first wins, so a
/// segmented read (``absorb(_:)`` in file order) names the provider a sequential read names. This
/// is the one place the provider is inferred: the report's `autoscaler.cloudProvider` is ``provider``.
struct CloudProviderClue: Hashable, Sendable {
  /// The provider (as `--cloud-provider` names it), or nil.
  private(set) var provider: String?
  /// How strong the clue is: 0 none, 1 an id or node name, 2 a provider-only message, 3 a source
  /// file, 4 an event only that provider's code logs, 5 a failure's AWS principal or action.
  private(set) var strength = 0

  /// Notes the event a record meant: a failure classified at extraction with an AWS principal or
  /// action (``FailureReading``) names AWS; an event only one provider's code logs names that one.
  @inline(__always)
  mutating func note(_ event: Event) {
    guard strength < 5 else { return }
    if let failure = Self.failure(carriedBy: event), let shown = Self.provider(shownBy: failure.reading) {
      provider = shown
      strength = 5
      return
    }
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

  /// The AWS services whose IAM actions (`autoscaling:SetDesiredCapacity`) name the provider.
  private static let awsServices = ["autoscaling:", "ec2:", "sts:", "iam:", "eks:"]

  /// The cloud provider a failure can only come from (an AWS ARN or IAM action), if any.
  static func provider(shownBy reading: FailureReading) -> String? {
    if reading.principal?.hasPrefix("arn:aws") == true { return "aws" }
    if let action = reading.action, awsServices.contains(where: { action.hasPrefix($0) }) { return "aws" }
    return nil
  }

  /// The failure an event carries (each becomes a failure of the report), if any.
  @inline(__always)
  static func failure(carriedBy event: Event) -> FailureDetail? {
    switch event {
    case .failure(let detail), .scaleUpRevertFailed(_, let detail): return detail
    case .groupInBackoff(_, _, let detail): return detail
    case .kubernetesEvent(let kubernetesEvent):
      switch kubernetesEvent.meaning {
      case .unregisteredNodeRemovalFailed(_, let detail), .scaleUpFailed(_, let detail), .revertFailed(_, let detail),
        .scaleDown(.nodeFailed(_, let detail)):
        return detail
      default: return nil
      }
    default: return nil
    }
  }

  /// Notes the clues of one record.
  ///
  /// In line up to the test most records stop at: once a source file named the provider, no
  /// record's file or message can say more.
  @inline(__always)
  mutating func note(file: UnsafeBufferPointer<UInt8>, message: UnsafeBufferPointer<UInt8>) {
    guard strength < 3 else { return }
    noteClues(file: file, message: message)
  }

  /// ``note(file:message:)`` past its first test.
  @inline(never)
  private mutating func noteClues(file: UnsafeBufferPointer<UInt8>, message: UnsafeBufferPointer<UInt8>) {
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
