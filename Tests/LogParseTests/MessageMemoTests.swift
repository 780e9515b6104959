import Testing

@testable import LogParse

/// The memo of name-free messages recalls what it was told, for the same severity and bytes only.
struct MessageMemoTests {
  static func outcome(_ memo: inout MessageMemo, _ severity: Severity, _ text: String) -> MessageMemo.Outcome? {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { memo.outcome(severity, $0) }
  }

  static func remember(_ memo: inout MessageMemo, _ severity: Severity, _ text: String, _ event: Event?) {
    let bytes = Array(text.utf8)
    bytes.withUnsafeBufferPointer {
      memo.remember(severity, $0, MessageMemo.Outcome(event: event, entry: 7, holdsDate: false))
    }
  }

  @Test func recallsTheSameMessageOnly() throws {
    var memo = MessageMemo()
    #expect(Self.outcome(&memo, .info, "Starting main loop") == nil)
    Self.remember(&memo, .info, "Starting main loop", .mainLoopStarted)
    let found = try #require(Self.outcome(&memo, .info, "Starting main loop"))
    #expect(found.event == .mainLoopStarted && found.entry == 7)
    #expect(Self.outcome(&memo, .warning, "Starting main loop") == nil)
    #expect(Self.outcome(&memo, .info, "Starting main loop!") == nil)
    #expect(Self.outcome(&memo, .info, "Starting main loo") == nil)
  }

  @Test func remembersThatAMessageMeansNothing() throws {
    var memo = MessageMemo()
    Self.remember(&memo, .info, "Listing and watching *v1.Pod", nil)
    let found = try #require(Self.outcome(&memo, .info, "Listing and watching *v1.Pod"))
    #expect(found.event == nil)
  }

  @Test func staysBoundedAndKeepsTheNewest() {
    var memo = MessageMemo()
    let messages = (0..<(MessageMemo.slotCount * 4)).map { "No unschedulable pods \($0)" }
    for message in messages { Self.remember(&memo, .info, message, .noted(id: message)) }
    let kept = messages.filter { Self.outcome(&memo, .info, $0) != nil }
    #expect(kept.count <= MessageMemo.slotCount)
    #expect(Self.outcome(&memo, .info, messages.last!)?.event == .noted(id: messages.last!))
    let long = String(repeating: "x", count: MessageMemo.maximumLength + 1)
    Self.remember(&memo, .info, long, .mainLoopStarted)
    #expect(Self.outcome(&memo, .info, long) == nil)
  }

  /// The handler remembers only what depends on the message alone: not an event that names a node.
  @Test func namesAreNeverRemembered() {
    let node: ParsedEvent = .nodeUtilization(node: NameId(rawValue: 1), utilization: 0.5)
    #expect(node.holdsName)
    #expect(!ParsedEvent.mainLoopStarted.holdsName)
    #expect(!ParsedEvent.upcomingNodes(count: 2).holdsName)
  }
}
