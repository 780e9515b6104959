/// A binary min-heap of keys: O(log n) to add or take the earliest.
struct KeyHeap {
  private var keys: [ReorderKey] = []

  /// How many keys the heap holds.
  var count: Int { keys.count }
  /// The earliest key.
  var first: ReorderKey? { keys.first }

  /// Adds a key.
  mutating func push(_ key: ReorderKey) {
    keys.append(key)
    var child = keys.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard keys[child] < keys[parent] else { break }
      keys.swapAt(child, parent)
      child = parent
    }
  }

  /// The earliest key, removed.
  mutating func popFirst() -> ReorderKey? {
    guard let top = keys.first else { return nil }
    let last = keys.removeLast()
    guard !keys.isEmpty else { return top }
    keys[0] = last
    var parent = 0
    while true {
      let left = 2 * parent + 1
      guard left < keys.count else { break }
      let right = left + 1
      let child = right < keys.count && keys[right] < keys[left] ? right : left
      guard keys[child] < keys[parent] else { break }
      keys.swapAt(child, parent)
      parent = child
    }
    return top
  }

  /// Every key, in no particular order; the heap is left empty.
  mutating func takeAll() -> [ReorderKey] {
    defer { keys = [] }
    return keys
  }
}
