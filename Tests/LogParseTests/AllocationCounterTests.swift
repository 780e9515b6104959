import CAllocationCounter
import Testing

/// The allocation counter behind the no-allocation tests counts what it must, on its own thread.
struct AllocationCounterTests {
  @Test func countsAStringPerIteration() {
    allocation_counter_start()
    var strings: [String] = []
    strings.reserveCapacity(100)
    for index in 0..<100 { strings.append("a string too long to be held inline: \(index)") }
    let counted = allocation_counter_stop()
    #expect(counted >= 100)
    #expect(strings.count == 100)
  }

  @Test func countsNothingWithoutAllocations() {
    allocation_counter_start()
    var sum = 0
    for index in 0..<1000 { sum &+= index }
    let counted = allocation_counter_stop()
    #expect(counted == 0)
    #expect(sum == 499_500)
  }
}
