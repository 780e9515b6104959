import Testing

@testable import LogParse

/// The bit queue behind the reorder buffer's lanes gives back its bits in order through growth and
/// wrap-around.
struct BitRingTests {
  @Test func bitsComeBackInOrderThroughGrowthAndWrapAround() {
    var generator = SplitMix(seed: 7)
    var ring = BitRing()
    var model: [Bool] = []
    var head = 0
    for step in 0..<200_000 {
      // Mostly appends in the first half, mostly removals in the second: the ring grows, wraps and drains.
      let appends = step < 100_000 ? generator.next() % 3 != 0 : generator.next() % 3 == 0
      if appends || model.count == head {
        let bit = generator.next() & 1 == 1
        ring.append(bit)
        model.append(bit)
      } else {
        #expect(ring.removeFirst() == model[head])
        head += 1
      }
      #expect(ring.count == model.count - head)
      #expect(ring.last == (model.count > head ? model.last : nil))
    }
    while head < model.count {
      #expect(ring.removeFirst() == model[head])
      head += 1
    }
    #expect(ring.count == 0)
  }
}
