/// Structure-aware mutations of a log: its numbers, names, envelopes and headers, not only its bytes.
///
/// Raw byte mutations rarely turn `2m0.5s` into `999999999999999999999s` or a JSON `ts` into
/// `1e400`; these do it on purpose, starting from catalogue examples and sample logs, so that the
/// range checks of every number, the caps on every name and the handling of merged headers are
/// exercised. ``mutate(_:maxSize:seed:)`` is pure and deterministic in its seed; in a fuzzing
/// build `LLVMFuzzerCustomMutator` calls it for most mutations and libFuzzer's own otherwise.
enum StructuredMutator {
  /// Numbers that break conversions: beyond `Int`, `Double` and the supported years, negative, odd forms.
  static let hostileNumbers: [String] = [
    "999999999999999999999", "9223372036854775807", "9223372036854775808", "18446744073709551616", "-1", "0",
    "-9223372036854775808", "1e400", "1e308", "1e30", "-1e30", "9.3e15", "nan", "inf", "-0", "0000", "99999",
    "4294967296", "2147483648", "1.7976931348623157e308", String(repeating: "9", count: 400),
  ]
  /// Words after which logs put a name.
  static let nameMarkers: [String] = [
    "group ", "node ", "pod ", "Pod ", "Node ", "for ", "in group ", "scale set ", "removing ", "name ",
  ]
  /// Durations in Go's form that break conversions.
  static let hostileDurations: [String] = [
    "999999999999999999999s", "9223372036854775807ns", "-5s", "-999999999999999999999h",
    String(repeating: "9", count: 330) + "h", "0s", "1.5e3s", "9999999999999999h",
  ]
  /// Envelope times outside the supported years, or at their edges.
  static let hostileTimes: [String] = [
    "0000-01-01T00:00:00.000000000Z", "1969-12-31T23:59:59.999999Z", "9999-12-31T23:59:59.999999999-23:59",
    "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "2024-02-29T12:00:00+14:00",
  ]

  /// A deterministic generator (SplitMix64) seeded by libFuzzer's seed.
  struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(next() % UInt64(bound)) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
  }

  /// `data` mutated by one structural change chosen by `seed`, at most `maxSize` bytes; nil when none applies.
  static func mutate(_ data: [UInt8], maxSize: Int, seed: UInt32) -> [UInt8]? {
    var random = Generator(state: UInt64(seed) &* 0x2545_F491_4F6C_DD1D)
    var result: [UInt8]?
    for _ in 0..<4 where result == nil {
      switch random.below(8) {
      case 0, 1: result = replaceNumber(data, &random)
      case 2: result = replaceDuration(data, &random)
      case 3: result = replaceName(data, &random)
      case 4: result = wrapInEnvelope(data, &random)
      case 5: result = wrapInJSONLogging(data, &random)
      case 6: result = repeatHeaders(data, &random)
      default: result = addNewYears(data, &random)
      }
    }
    guard var result else { return nil }
    if result.count > maxSize { result.removeLast(result.count - maxSize) }
    return result
  }

  /// The ranges of ASCII digit runs in `data`.
  private static func digitRuns(_ data: [UInt8]) -> [Range<Int>] {
    var runs: [Range<Int>] = []
    var index = 0
    while index < data.count {
      guard isDigit(data[index]) else {
        index += 1
        continue
      }
      let start = index
      while index < data.count, isDigit(data[index]) || data[index] == UInt8(ascii: ".") { index += 1 }
      runs.append(start..<index)
    }
    return runs
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

  /// One number (or, now and then, every number) replaced by a hostile one.
  private static func replaceNumber(_ data: [UInt8], _ random: inout Generator) -> [UInt8]? {
    let runs = digitRuns(data)
    guard !runs.isEmpty else { return nil }
    let replacement = Array(random.pick(hostileNumbers).utf8)
    if random.below(4) == 0 {
      var result = data
      for run in runs.reversed() { result.replaceSubrange(run, with: replacement) }
      return result
    }
    var result = data
    result.replaceSubrange(random.pick(runs), with: replacement)
    return result
  }

  /// A duration (digits followed by a Go unit) replaced by a hostile one.
  private static func replaceDuration(_ data: [UInt8], _ random: inout Generator) -> [UInt8]? {
    let runs = digitRuns(data).filter { run in
      guard run.upperBound < data.count else { return false }
      let unit = data[run.upperBound]
      return unit == UInt8(ascii: "s") || unit == UInt8(ascii: "m") || unit == UInt8(ascii: "h")
    }
    guard !runs.isEmpty else { return nil }
    var run = random.pick(runs)
    // Take in the whole duration (`2m0.5s`): digits, dots and unit letters.
    var end = run.upperBound
    while end < data.count,
      isDigit(data[end]) || data[end] == UInt8(ascii: ".") || data[end] == UInt8(ascii: "s")
        || data[end] == UInt8(ascii: "m") || data[end] == UInt8(ascii: "h") || data[end] == UInt8(ascii: "n")
    {
      end += 1
    }
    run = run.lowerBound..<end
    var result = data
    result.replaceSubrange(run, with: Array(random.pick(hostileDurations).utf8))
    return result
  }

  /// The name after a marker word replaced by a long, empty or odd one.
  private static func replaceName(_ data: [UInt8], _ random: inout Generator) -> [UInt8]? {
    var starts: [Int] = []
    for marker in nameMarkers.map({ Array($0.utf8) }) {
      var index = 0
      while index + marker.count <= data.count {
        if data[index..<(index + marker.count)].elementsEqual(marker) { starts.append(index + marker.count) }
        index += 1
      }
    }
    guard !starts.isEmpty else { return nil }
    let start = random.pick(starts)
    var end = start
    while end < data.count, data[end] != 0x20, data[end] != 0x0A, data[end] != UInt8(ascii: "\"") { end += 1 }
    let names: [[UInt8]] = [
      Array(repeating: UInt8(ascii: "n"), count: 1024 + random.below(4096)),
      Array(String(repeating: "é", count: 600).utf8), [], Array("a,b,,c".utf8),
      Array("{x 1->2 (max: 3)}".utf8),
    ]
    var result = data
    result.replaceSubrange(start..<end, with: random.pick(names))
    return result
  }

  /// The line ranges of `data` (without their newlines).
  private static func lines(_ data: [UInt8]) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var start = 0
    for (index, byte) in data.enumerated() where byte == 0x0A {
      result.append(start..<index)
      start = index + 1
    }
    if start < data.count { result.append(start..<data.count) }
    return result
  }

  /// A line given a kubectl `--timestamps`, CRI or Docker envelope with a hostile time.
  private static func wrapInEnvelope(_ data: [UInt8], _ random: inout Generator) -> [UInt8]? {
    let all = lines(data)
    guard !all.isEmpty else { return nil }
    let line = random.pick(all)
    let time = random.pick(hostileTimes)
    let content = Array(data[line])
    var wrapped: [UInt8]
    switch random.below(3) {
    case 0: wrapped = Array((time + " ").utf8) + content
    case 1: wrapped = Array((time + " stderr F ").utf8) + content
    default:
      wrapped = Array(#"{"log":""#.utf8) + jsonEscaped(content) + Array(#"\n","stream":"stderr","time":""#.utf8)
      wrapped += Array(time.utf8) + Array(#""}"#.utf8)
    }
    var result = data
    result.replaceSubrange(line, with: wrapped)
    return result
  }

  /// A klog line rewritten as CAS JSON logging with a hostile `ts` or `v`.
  private static func wrapInJSONLogging(_ data: [UInt8], _ random: inout Generator) -> [UInt8]? {
    let all = lines(data)
    guard !all.isEmpty else { return nil }
    let line = random.pick(all)
    let content = Array(data[line])
    let bracket = content.firstIndex(of: UInt8(ascii: "]")) ?? -1
    let message = Array(content[min(content.count, bracket + 2)...])
    let goodTime = "1700000000000.5"
    let ts = random.below(2) == 0 ? random.pick(hostileNumbers) : goodTime
    let level = random.below(2) == 0 ? random.pick(hostileNumbers) : "4"
    var record = Array(#"{"ts":\#(ts),"caller":"scale_up.go:\#(random.pick(hostileNumbers))","msg":""#.utf8)
    record += jsonEscaped(message) + Array(#"","v":\#(level)}"#.utf8)
    var result = data
    result.replaceSubrange(line, with: record)
    return result
  }

  /// A line holding many klog headers (records merged by a paste that lost its line breaks).
  private static func repeatHeaders(_ data: [UInt8], _ random: inout Generator) -> [UInt8]? {
    let all = lines(data).filter { data[$0].contains(UInt8(ascii: "]")) }
    guard !all.isEmpty else { return nil }
    let line = random.pick(all)
    let content = Array(data[line])
    guard let bracket = content.firstIndex(of: UInt8(ascii: "]")) else { return nil }
    let header = Array(content[...bracket]) + [0x20, UInt8(ascii: "x"), 0x20]
    var merged = content + [0x20]
    for _ in 0..<(50 + random.below(400)) { merged += header }
    var result = data
    result.replaceSubrange(line, with: merged)
    return result
  }

  /// December and January records alternating before the input: many New Years crossed.
  private static func addNewYears(_ data: [UInt8], _ random: inout Generator) -> [UInt8]? {
    let pair = Array(
      "I1231 23:59:59.000000       1 a.go:1] d\nI0101 00:00:01.000000       1 a.go:1] j\n".utf8)
    var result: [UInt8] = []
    for _ in 0..<(1 + random.below(150)) { result += pair }
    return result + data
  }

  /// `bytes` escaped for a JSON string.
  private static func jsonEscaped(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    for byte in bytes {
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { out.append(UInt8(ascii: "\\")) }
      if byte < 0x20 {
        out += Array("\\u00".utf8) + [hexDigit(byte >> 4), hexDigit(byte & 0xF)]
      } else {
        out.append(byte)
      }
    }
    return out
  }

  private static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 0x30 + value : 0x61 + value - 10 }
}

#if CASLOGS_FUZZING
  /// libFuzzer's own mutation, from the fuzzer runtime.
  @_silgen_name("LLVMFuzzerMutate")
  func libFuzzerMutate(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int) -> Int

  /// libFuzzer's custom mutator hook: a structural mutation three times in four, a byte mutation otherwise.
  @_cdecl("LLVMFuzzerCustomMutator")
  public func customMutator(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: UInt32) -> Int {
    if seed % 4 != 0,
      let mutated = StructuredMutator.mutate(
        Array(UnsafeBufferPointer(start: data, count: size)), maxSize: maxSize, seed: seed / 4)
    {
      mutated.withUnsafeBufferPointer { buffer in
        if let base = buffer.baseAddress { data.update(from: base, count: buffer.count) }
      }
      return mutated.count
    }
    return libFuzzerMutate(data, size, maxSize)
  }
#endif
