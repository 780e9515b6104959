import Glibc
import Testing

@testable import LogParse

/// The reorder buffer releases items in time order (equal times in input order) whatever the
/// arrival order, in bounded memory: runs written out to a temporary file come back merged.
struct ReorderBufferTests {
  /// An item with an identity and a payload whose size the buffer counts; its compact form is the
  /// identity alone, the payload made from it.
  struct Item: CompactlyHeld, Equatable {
    var id: Int
    var payload: String

    var retainedBytes: Int { payload.utf8.count + 32 }

    func spill(into writer: inout SpillWriter) {
      writer.int(id)
      writer.string(payload)
    }

    init(id: Int, payload: String) {
      self.id = id
      self.payload = payload
    }

    init?(unspilling reader: inout SpillReader) {
      guard let id = reader.int(), let payload = reader.string() else { return nil }
      self.init(id: id, payload: payload)
    }

    init(expanding id: __owned Int) {
      self.init(id: id, payload: "c\(id)")
    }

    static func retainedBytes(of id: Int) -> Int { Item(expanding: id).retainedBytes }
  }

  private static func time(_ second: Int) -> LogTime {
    LogTime(month: 1, day: 1 + second / 86_400, microsecondOfDay: Int64(second % 86_400) * 1_000_000)
  }

  /// Pushes `(time, id)` pairs in the order given and returns the released ids and the buffer.
  private static func run(
    _ arrivals: [(second: Int, id: Int)], window: Int = 64, memoryLimit: Int = 16 << 20, payload: Int = 8
  ) -> (ids: [Int], buffer: ReorderBuffer<Item>) {
    var buffer = ReorderBuffer<Item>(window: window, memoryLimit: memoryLimit)
    var released: [Int] = []
    let text = String(repeating: "p", count: payload)
    for arrival in arrivals {
      buffer.push(Item(id: arrival.id, payload: text + "\(arrival.id)"), at: time(arrival.second)) {
        released.append($0.id)
      }
    }
    buffer.drain { released.append($0.id) }
    return (released, buffer)
  }

  /// The ids of `arrivals` sorted by time, equal times in input order.
  private static func stableSorted(_ arrivals: [(second: Int, id: Int)]) -> [Int] {
    arrivals.enumerated().sorted { ($0.element.second, $0.offset) < ($1.element.second, $1.offset) }.map(\.element.id)
  }

  @Test(arguments: [10, 5_000])
  func inOrderAndReversedInputComeOutSorted(count: Int) {
    let forward = (0..<count).map { (second: $0 / 3, id: $0) }
    #expect(Self.run(forward).ids == Self.stableSorted(forward))
    let reversed = Array(forward.reversed())
    #expect(Self.run(reversed).ids == Self.stableSorted(reversed))
  }

  @Test func itemsDisplacedWithinTheWindowComeOutSorted() {
    var generator = SplitMix(seed: 7)
    var arrivals = (0..<4_000).map { (second: $0, id: $0) }
    for start in stride(from: 0, to: arrivals.count - 32, by: 32) {
      arrivals[start..<(start + 32)].shuffle(using: &generator)
    }
    #expect(Self.run(arrivals).ids == Self.stableSorted(arrivals))
  }

  /// A late item now and then, far apart: the buffer keys its waiting items for it, then goes back
  /// to the keyless queue once items come in order again; every late item still lands in place.
  @Test(arguments: [1, 16, 64])
  func occasionalLateItemsBetweenInOrderStretchesComeOutSorted(window: Int) {
    var arrivals = (0..<20_000).map { (second: $0 / 2, id: $0) }
    for start in stride(from: 500, to: arrivals.count - 8, by: 997) {
      arrivals.swapAt(start, start + min(window, 7))
    }
    let (ids, buffer) = Self.run(arrivals, window: window + 8)
    #expect(buffer.statistics.outOfOrder == 0)
    #expect(ids == Self.stableSorted(arrivals))
  }

  /// Released one by one (``ReorderBuffer/nextReleased()``) as through the closure: the same items, the same order.
  @Test func releasingOneByOneMatchesTheClosure() {
    var generator = SplitMix(seed: 11)
    var arrivals = (0..<3_000).map { (second: $0, id: $0) }
    for start in stride(from: 0, to: 2_000, by: 40) { arrivals[start..<(start + 40)].shuffle(using: &generator) }
    var buffer = ReorderBuffer<Item>(window: 16, memoryLimit: 4_000)
    var released: [Int] = []
    for arrival in arrivals {
      buffer.push(Item(id: arrival.id, payload: "pppppppp"), at: Self.time(arrival.second))
      while let item = buffer.nextReleased() { released.append(item.id) }
    }
    buffer.drain { released.append($0.id) }
    let (viaClosure, closureBuffer) = Self.run(arrivals, window: 16, memoryLimit: 4_000)
    #expect(released == viaClosure)
    #expect(buffer.statistics.releasedEarly == closureBuffer.statistics.releasedEarly)
    #expect(Set(released).count == arrivals.count)
  }

  @Test func interleavedDescendingRunsComeOutSorted() {
    // One late and three early records at a time, each run newest first: most land inside the waiting run.
    var arrivals: [(second: Int, id: Int)] = []
    let count = 20_000
    for index in 0..<count {
      arrivals.append((second: 8 * count - index, id: arrivals.count))
      for step in 0..<3 { arrivals.append((second: 3 * count - 3 * index - step, id: arrivals.count)) }
    }
    #expect(Self.run(arrivals).ids == Self.stableSorted(arrivals))
  }

  /// 300,000 items of which a quarter land inside the waiting run: with insertions that move the
  /// waiting keys (O(n) each) this takes billions of moves, far beyond the limit; with the heap, seconds.
  @Test(.timeLimit(.minutes(1)))
  func insertionsInsideTheWaitingRunStayLogarithmic() {
    var buffer = ReorderBuffer<Item>(window: 64)
    var released = 0
    var previous: LogTime?
    var sorted = true
    let count = 75_000
    for index in 0..<count {
      var times = [8 * count - index]
      for step in 0..<3 { times.append(3 * count - 3 * index - step) }
      for second in times {
        buffer.push(Item(id: second, payload: ""), at: Self.time(second)) { _ in released += 1 }
      }
    }
    buffer.drain { item in
      let time = Self.time(item.id)
      if let previous, time < previous { sorted = false }
      previous = time
      released += 1
    }
    #expect(released == 4 * count)
    #expect(sorted)
  }

  @Test func twoNewestFirstRunsInterleavedOneToOneComeOutSorted() {
    // As many ascents as descents: the window alone would release the early run's first records too soon.
    var arrivals: [(second: Int, id: Int)] = []
    for index in 0..<20_000 {
      arrivals.append((second: 80_000 - index, id: arrivals.count))
      arrivals.append((second: 30_000 - index, id: arrivals.count))
    }
    let (ids, buffer) = Self.run(arrivals)
    #expect(buffer.statistics.outOfOrder == 0)
    #expect(ids == Self.stableSorted(arrivals))
  }

  @Test func anItemOlderThanOneReleasedIsCountedAsOutOfOrder() {
    let arrivals = (0..<100).map { (second: $0, id: $0) } + [(second: 5, id: 100)]
    let (ids, buffer) = Self.run(arrivals, window: 10)
    #expect(buffer.statistics.outOfOrder == 1)
    #expect(ids.count == 101)
  }

  @Test func anyOrderLosesAndRepeatsNothing() {
    var generator = SplitMix(seed: 11)
    var arrivals = (0..<3_000).map { (second: Int.random(in: 0..<500, using: &generator), id: $0) }
    arrivals.shuffle(using: &generator)
    let released = Self.run(arrivals, window: 16, memoryLimit: 2_000).ids
    #expect(released.sorted() == Array(0..<3_000))
  }

  @Test(arguments: [2_000, 50_000])
  func reversedInputBeyondTheMemoryLimitIsWrittenOutAndMergedBack(memoryLimit: Int) {
    let arrivals = (0..<60_000).map { (second: 60_000 - $0 / 2, id: $0) }
    let (ids, buffer) = Self.run(arrivals, memoryLimit: memoryLimit, payload: 40)
    #expect(buffer.statistics.spilled > 0)
    #expect(buffer.statistics.releasedEarly == 0)
    #expect(ids == Self.stableSorted(arrivals))
  }

  @Test func afterASpillLaterItemsInTimeOrderAreMergedWithTheRuns() {
    // Newest first, then a stretch in time order that overlaps it.
    let reversed = (0..<20_000).map { (second: 40_000 - 2 * $0, id: $0) }
    let forward = (0..<20_000).map { (second: 2 * $0 + 1, id: 20_000 + $0) }
    let arrivals = reversed + forward
    let (ids, buffer) = Self.run(arrivals, memoryLimit: 10_000)
    #expect(buffer.statistics.spilled > 0)
    #expect(ids == Self.stableSorted(arrivals))
  }

  @Test func hugeItemsInTimeOrderAreReleasedEarlyRatherThanHeld() {
    let arrivals = (0..<200).map { (second: $0, id: $0) }
    let (ids, buffer) = Self.run(arrivals, window: 4096, memoryLimit: 100_000, payload: 10_000)
    #expect(buffer.statistics.releasedEarly > 0)
    #expect(buffer.statistics.spilled == 0)
    #expect(ids == Array(0..<200))
  }

  /// In time order, items wait until `window` newer ones came: each push past the window releases
  /// exactly the oldest, and only then.
  @Test(arguments: [1, 5, 64])
  func inOrderItemsWaitForTheWindowExactly(window: Int) {
    var buffer = ReorderBuffer<Item>(window: window)
    var released: [Int] = []
    for id in 0..<(3 * window + 7) {
      buffer.push(Item(id: id, payload: "p"), at: Self.time(id)) { released.append($0.id) }
      #expect(released == Array(0..<max(0, id + 1 - window)), "after item \(id)")
    }
    buffer.drain { released.append($0.id) }
    #expect(released == Array(0..<(3 * window + 7)))
  }

  /// An item passed over (``ReorderBuffer/passOver(at:_:_:)``) counts as an arrival: the items that
  /// wait are released at the same arrivals as when it waited too, on in-order input with equal
  /// times, whole and compact items mixed.
  @Test(arguments: [1, 5, 64])
  func passedItemsCountAsArrivalsOfTheWindow(window: Int) {
    var generator = SplitMix(seed: UInt64(window))
    var passing = ReorderBuffer<Item>(window: window)
    var waiting = ReorderBuffer<Item>(window: window)
    var fromPassing: [Int] = []
    var fromWaiting: [Int] = []
    var second = 0
    var passed = 0
    for id in 0..<(20 * window + 50) {
      second += Int(generator.next() % 3)
      let time = Self.time(second)
      let pass = generator.next() % 3 != 0 && passing.waitsInArrivalOrder(at: time)
      if pass {
        passed += 1
        passing.passOver(at: time) {
          fromPassing.append($0.id)
        } _: {
          fromPassing.append($0)
        }
        // Where it waits, it is released as nothing.
        waiting.push(Item(id: -1, payload: "p"), at: time) { if $0.id >= 0 { fromWaiting.append($0.id) } }
      } else if id % 2 == 0 {
        passing.push(compact: id, at: time) {
          fromPassing.append($0.id)
        } _: {
          fromPassing.append($0)
        }
        waiting.push(Item(id: id, payload: "c\(id)"), at: time) { if $0.id >= 0 { fromWaiting.append($0.id) } }
      } else {
        passing.push(Item(id: id, payload: "p"), at: time) { fromPassing.append($0.id) }
        waiting.push(Item(id: id, payload: "p"), at: time) { if $0.id >= 0 { fromWaiting.append($0.id) } }
      }
      #expect(fromPassing == fromWaiting, "window \(window), after arrival \(id)")
    }
    passing.drain { fromPassing.append($0.id) }
    waiting.drain { if $0.id >= 0 { fromWaiting.append($0.id) } }
    #expect(fromPassing == fromWaiting)
    #expect(passed > 5 * window, "items were passed over")
  }

  /// In time order past the memory limit, the closure's short path and ``ReorderBuffer/nextReleased()``
  /// release the same items at the same pushes, the early ones counted alike.
  @Test func inOrderPastTheMemoryLimitTheShortPathMatchesOneByOne() {
    var generator = SplitMix(seed: 5)
    let sizes = (0..<2_000).map { _ in Int.random(in: 0..<600, using: &generator) }
    var viaClosure = ReorderBuffer<Item>(window: 64, memoryLimit: 20_000)
    var oneByOne = ReorderBuffer<Item>(window: 64, memoryLimit: 20_000)
    var closureReleases: [[Int]] = []
    var oneByOneReleases: [[Int]] = []
    for (id, size) in sizes.enumerated() {
      let payload = String(repeating: "p", count: size)
      var released: [Int] = []
      viaClosure.push(Item(id: id, payload: payload), at: Self.time(id)) { released.append($0.id) }
      closureReleases.append(released)
      released = []
      oneByOne.push(Item(id: id, payload: payload), at: Self.time(id))
      while let item = oneByOne.nextReleased() { released.append(item.id) }
      oneByOneReleases.append(released)
    }
    #expect(closureReleases == oneByOneReleases)
    #expect(viaClosure.statistics.releasedEarly == oneByOne.statistics.releasedEarly)
    #expect(viaClosure.statistics.releasedEarly > 0)
    #expect(closureReleases.joined().elementsEqual(0..<closureReleases.joined().count))
  }

  /// The in-order queue keeps arrival order across its ring's end and through growth (by move when
  /// it is the only owner, by copy when a copy shares it).
  @Test func theInOrderQueueKeepsOrderAroundItsRingAndThroughGrowth() {
    var queue = InOrderQueue<Item>()
    var expected: [Int] = []
    var next = 0
    var taken: [Int] = []
    // Take some before adding more, so the oldest entry sits past the ring's start when it grows.
    for round in 0..<6 {
      for _ in 0..<(50 + 40 * round) {
        queue.append(Item(id: next, payload: "x\(next)"), time: Self.time(next), bytes: 1, sequence: next)
        expected.append(next)
        next += 1
      }
      let shared = queue
      for _ in 0..<30 {
        let entry = queue.takeFirst()
        #expect(entry.item.payload == "x\(entry.item.id)")
        taken.append(entry.item.id)
      }
      #expect(shared.count == queue.count + 30, "the copy kept its items")
      #expect(queue.lastTime == Self.time(next - 1))
    }
    while let entry = queue.popFirst() { taken.append(entry.item.id) }
    #expect(taken == expected)
    #expect(queue.isEmpty && queue.lastTime == nil)
  }

  @Test func aRunThatCannotBeReadBackCountsItsItemsAsLost() throws {
    let file = try #require(SpillFile.create())
    #expect(file.append([0xFF, 0x00, 0x00, 0x00, 0x01, 0x02]))
    var merge = RunMerge<Item>(runs: [SpilledRun(file: file, count: 5)])
    #expect(merge.next() == nil)
    #expect(merge.lost == 5)
  }

  @Test func spillFilesAreUnlinkedAtOnce() throws {
    let before = try Self.spillEntries()
    let file = try #require(SpillFile.create())
    #expect(file.append(Array(repeating: 7, count: 4096)))
    #expect(try Self.spillEntries() == before)
  }

  /// Spill files in the directories they may go to.
  private static func spillEntries() throws -> Int {
    var count = 0
    for directory in SpillFile.directories {
      guard let handle = opendir(directory) else { continue }
      defer { closedir(handle) }
      while let entry = readdir(handle) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        if name.hasPrefix("cas-logs-spill-") { count += 1 }
      }
    }
    return count
  }

  @Test func aWindowOfZeroReleasesAtOnce() {
    var buffer = ReorderBuffer<Item>(window: 0)
    var released: [Int] = []
    buffer.push(Item(id: 2, payload: ""), at: Self.time(2)) { released.append($0.id) }
    buffer.push(Item(id: 1, payload: ""), at: Self.time(1)) { released.append($0.id) }
    #expect(released == [2, 1])
  }

  /// Items pushed in their compact form come out where their whole items would, in every arrival
  /// order the buffer handles (in order, local disorder, newest first, shuffled, late items), with
  /// every window and memory limit (a spill, releasing early), and with the same statistics.
  @Test(arguments: [0, 1, 5, 64])
  func compactFormsAreReleasedAsTheirItemsWouldBe(window: Int) {
    var generator = SplitMix(seed: UInt64(window + 3))
    for shape in 0..<6 {
      var seconds = Array(0..<3_000)
      switch shape {
      case 1:
        for start in stride(from: 0, to: 2_900, by: 97) { seconds[start..<(start + 30)].shuffle(using: &generator) }
      case 2: seconds.reverse()
      case 3: seconds.shuffle(using: &generator)
      case 4:
        // Late items: a stretch that comes again after the window has moved on.
        seconds = Array(0..<1_500) + Array(200..<400) + Array(1_500..<3_000)
      case 5:
        for start in stride(from: 0, to: 2_800, by: 300) { seconds[start..<(start + 150)].reverse() }
      default: break
      }
      for memoryLimit in [16 << 20, 3_000] {
        var whole = ReorderBuffer<Item>(window: window, memoryLimit: memoryLimit)
        var mixed = ReorderBuffer<Item>(window: window, memoryLimit: memoryLimit)
        var fromWhole: [Int] = []
        var fromMixed: [Int] = []
        var compactReleases = 0
        for (id, second) in seconds.enumerated() {
          let time = Self.time(second / 2)
          whole.push(Item(expanding: id), at: time) { fromWhole.append($0.id) }
          if Bool.random(using: &generator) || id % 7 < 3 {
            mixed.push(compact: id, at: time) {
              fromMixed.append($0.id)
            } _: {
              fromMixed.append($0)
              compactReleases += 1
            }
          } else {
            mixed.push(Item(expanding: id), at: time) {
              fromMixed.append($0.id)
            } _: {
              fromMixed.append($0)
              compactReleases += 1
            }
          }
        }
        whole.drain { fromWhole.append($0.id) }
        mixed.drain { fromMixed.append($0.id) }
        #expect(fromMixed == fromWhole, "shape \(shape), limit \(memoryLimit)")
        #expect(mixed.statistics == whole.statistics, "shape \(shape), limit \(memoryLimit)")
        #expect(fromMixed.count == seconds.count)
        if shape == 0, window > 0, memoryLimit > 3_000 { #expect(compactReleases > seconds.count / 3) }
      }
    }
  }
}

/// A small deterministic random number generator for reproducible test inputs.
struct SplitMix: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}
