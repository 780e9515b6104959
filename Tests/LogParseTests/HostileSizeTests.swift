import Foundation
import Testing

@testable import LogParse

/// Input whose size or shape is hostile: no stack depth it controls, and no name kept longer than the cap.
struct HostileSizeTests {
  /// One line holding tens of thousands of klog headers: split iteratively, every record counted.
  @Test func lineOfManyMergedHeaders() throws {
    let headers = 25_000
    var line = ""
    line.reserveCapacity(headers * 42)
    for index in 0..<headers {
      line += "I0927 11:50:35.158572       1 a.go:1] x\(index % 7) "
    }
    let report = Fixtures.analyze(Array((line + "\n").utf8), chunkSizes: [65_536])
    #expect(report.accounting.lines == 1)
    #expect(report.accounting.records == headers)
    #expect(report.accounting.mergedRecords == headers - 1)
    try HostileNumberTests.renderAll(report, "merged headers")
  }

  /// Every string of a JSON value, recursively (the test's own data, of small depth).
  private static func strings(in value: Any, into result: inout [String]) {
    if let text = value as? String {
      result.append(text)
    } else if let array = value as? [Any] {
      for item in array { strings(in: item, into: &result) }
    } else if let object = value as? [String: Any] {
      for (key, item) in object {
        result.append(key)
        strings(in: item, into: &result)
      }
    }
  }

  /// Records with 1 MB names: every name kept is cut to 1 KiB plus the marker, and each cut is counted.
  @Test func megabyteNamesAreCutAndCounted() throws {
    let count = 20
    var log = ""
    for index in 0..<count {
      let name = "\(index)" + String(repeating: "p", count: 1_000_000)
      let group = "\(index)" + String(repeating: "g", count: 1_000_000)
      log += "I0927 11:50:\(10 + index).000000       1 scale_up.go:300] Pod default/\(name) is unschedulable\n"
      log += "I0927 11:50:\(10 + index).100000       1 scale_up.go:694] Scale-up: setting group \(group) size to 5\n"
      log += "I0927 11:50:\(10 + index).200000       1 scale_down.go:600] node-\(name) was unneeded for 10m0s\n"
    }
    let report = Fixtures.analyze(Array(log.utf8))
    #expect(report.accounting.truncated == 0)
    #expect(report.accounting.truncatedFields >= 3 * count)
    #expect(report.scaleUps.count == count)
    let limit = FieldLimit.maximumBytes + FieldLimit.marker.utf8.count
    for up in report.scaleUps {
      #expect(up.nodeGroup.utf8.count <= limit && up.nodeGroup.hasSuffix(FieldLimit.marker))
    }
    let json = try HostileNumberTests.renderAll(report, "names")
    var strings: [String] = []
    Self.strings(in: json, into: &strings)
    let longest = strings.map(\.utf8.count).max() ?? 0
    #expect(longest <= limit, "longest JSON string: \(longest) bytes")
  }

  /// The strings an event keeps (a failure's whole message left out: the line already is the message).
  static func names(in event: Event) -> [String] {
    let wholeMessage: Bool
    switch event {
    case .failure, .scaleUpRevertFailed: wholeMessage = true
    default: wholeMessage = false
    }
    var names: [String] = []
    func walk(_ value: Any, label: String?) {
      if let string = value as? String {
        if !(wholeMessage && label == "message") { names.append(string) }
        return
      }
      for child in Mirror(reflecting: value).children { walk(child.value, label: child.label) }
    }
    walk(event, label: nil)
    return names
  }

  /// Every catalogue example with each name its event keeps grown to 6 KB: nothing kept in the
  /// report is longer than a message's cap, and the cuts are counted.
  @Test func catalogueNamesGrownPastTheCaps() throws {
    var log = ""
    for entry in Catalog.entries {
      for example in entry.examples {
        guard let split = example.line.range(of: "] ") else { continue }
        var message = String(example.line[split.upperBound...])
        let names = Set(Self.names(in: example.event))
        for name in names where name.count >= 3 && name.contains(where: \.isLetter) {
          message = message.replacingOccurrences(
            of: name, with: String(repeating: String(name), count: 6_000 / name.count))
        }
        log += example.line[..<split.upperBound] + message + "\n"
      }
    }
    let report = Fixtures.analyze(Array(log.utf8))
    #expect(report.accounting.truncatedFields > 100)
    let json = try HostileNumberTests.renderAll(report, "grown words")
    var strings: [String] = []
    Self.strings(in: json, into: &strings)
    let limit = FieldLimit.maximumMessageBytes + FieldLimit.marker.utf8.count
    let longest = strings.map(\.utf8.count).max() ?? 0
    #expect(longest <= limit, "longest JSON string: \(longest) bytes")
  }

  /// A cut never splits a UTF-8 character.
  @Test func cutsFallOnCharacterBoundaries() throws {
    let name = String(repeating: "é", count: 2_000)
    let log = "I0927 11:50:35.000000       1 scale_up.go:694] Scale-up: setting group x\(name) size to 5\n"
    let report = Fixtures.analyze(Array(log.utf8))
    let group = try #require(report.scaleUps.first?.nodeGroup)
    #expect(!group.contains("\u{FFFD}"))
    #expect(group.utf8.count <= FieldLimit.maximumBytes + FieldLimit.marker.utf8.count)
    #expect(report.accounting.truncatedFields == 1)
  }
}
