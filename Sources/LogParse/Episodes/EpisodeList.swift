/// A list of episodes or findings that keeps at most a bounded number, addressed by stable indices.
///
/// Indices count every element ever appended, so an index held in a lookup table stays valid until
/// its element is dropped. When the list grows past ``capacity``, the oldest quarter is dropped
/// (counted in ``droppedCount``) so that memory stays flat on endless input.
struct EpisodeList<Element: Sendable>: Sendable {
  /// The most elements kept.
  let capacity: Int
  /// The kept elements, oldest first.
  private(set) var elements: [Element] = []
  /// How many of the oldest elements were dropped.
  private(set) var droppedCount = 0

  /// An empty list keeping at most `capacity` elements.
  init(capacity: Int) {
    self.capacity = max(4, capacity)
  }

  /// Every element ever appended, dropped ones included.
  var totalCount: Int { droppedCount + elements.count }

  /// The index the next appended element will get.
  var endIndex: Int { totalCount }

  /// Whether `index` names a kept element.
  func isKept(_ index: Int) -> Bool { index >= droppedCount && index < totalCount }

  /// The element at a stable index (which must be kept).
  subscript(index: Int) -> Element {
    get { elements[index - droppedCount] }
    // In place: `list[index].count += 1` neither copies the element out nor writes it back.
    _modify { yield &elements[index - droppedCount] }
  }

  /// Appends `element` and returns its index; drops the oldest quarter first when full.
  ///
  /// `onDrop` sees each element dropped, to keep counts of what it held.
  @discardableResult
  mutating func append(_ element: Element, onDrop: (Element) -> Void = { _ in }) -> Int {
    if elements.count >= capacity {
      let dropping = capacity / 4
      for dropped in elements.prefix(dropping) { onDrop(dropped) }
      elements.removeFirst(dropping)
      droppedCount += dropping
    }
    if elements.count == elements.capacity, elements.count >= 1024 {
      // Grow straight to the cap: doubling past it would hold two buffers, the larger one above the cap.
      elements.reserveCapacity(capacity)
    }
    elements.append(element)
    return totalCount - 1
  }

  /// The kept elements.
  var last: Element? { elements.last }
}
