import Foundation
import Testing

@testable import LogParse

/// The same log wrapped in each envelope gives the same episodes.
struct EnvelopeTests {
  /// The blog's two logs together, as plain klog text.
  private func plain() throws -> String {
    let up = String(decoding: try Fixtures.sample("000-seed-blog-scaleup"), as: UTF8.self)
    let down = String(decoding: try Fixtures.sample("000-seed-blog-scaledown"), as: UTF8.self)
    return up + "\n" + down
  }

  /// A klog line's time as RFC 3339 in 2019, a little after the klog time (as the kubelet stamps it).
  private func stamp(_ line: String) -> String {
    let month = line.dropFirst(1).prefix(2)
    let day = line.dropFirst(3).prefix(2)
    let time = line.dropFirst(6).prefix(15)
    return "2019-\(month)-\(day)T\(time)120Z"
  }

  private func klogLines(_ text: String) -> [String] {
    text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  /// A summary of the episodes that must not depend on the envelope.
  private func summary(_ report: Report) -> [String] {
    report.scaleUps.map {
      "\($0.nodeGroup) \($0.from ?? -1)->\($0.to ?? -1) \($0.outcome) \($0.printedDurationSeconds ?? -1) \($0.triggeringPods)"
    }
      + report.scaleDowns.map {
        "\($0.node) \($0.kind) \($0.outcome) \($0.instanceId ?? "") \($0.unneededSeconds ?? -1) \($0.utilization ?? -1)"
      }
  }

  private func jsonString(_ text: String) throws -> String {
    String(decoding: try JSONSerialization.data(withJSONObject: [text], options: []), as: UTF8.self)
      .dropFirst().dropLast().description
  }

  private func wrap(_ envelope: InputFormat) throws -> String {
    var out: [String] = []
    for line in klogLines(try plain()) {
      guard line.count > 30 else {
        out.append(line)
        continue
      }
      switch envelope {
      case .kubectlPrefix: out.append("[pod/cluster-autoscaler-7d9f/cluster-autoscaler] " + line)
      case .kubectlTimestamps: out.append(stamp(line) + " " + line)
      case .cri:
        // Long lines are written as a partial (P) line and its end (F).
        let cut = line.index(line.startIndex, offsetBy: 40)
        out.append(stamp(line) + " stderr P " + line[..<cut])
        out.append(stamp(line) + " stderr F " + line[cut...])
      case .dockerJSON:
        out.append("{\"log\":\(try jsonString(line + "\n")),\"stream\":\"stderr\",\"time\":\"\(stamp(line))\"}")
      case .klogJSON:
        let header = line.prefix { $0 != "]" }
        let message = String(line[line.index(after: header.endIndex)...].dropFirst())
        let caller = "core/" + (header.split(separator: " ").last ?? "x.go:1")
        let time = try #require(TimeText.rfc3339(Array(stamp(line).utf8)))
        let milliseconds = Double(time.epochMicroseconds) / 1000
        out.append(
          "{\"ts\":\(milliseconds),\"caller\":\"\(caller)\",\"msg\":\(try jsonString(message)),\"v\":4}")
      case .jsonField:
        out.append(
          "{\"TimeGenerated\":\"\(stamp(line))\",\"Category\":\"cluster-autoscaler\",\"properties\":"
            + "{\"log\":\(try jsonString(line)),\"stream\":\"stderr\",\"pod\":\"cluster-autoscaler-1\"}}")
      case .pasted: out.append("> " + line)
      case .lineNumberPrefix: out.append("Line \(out.count + 1): " + line)
      case .boxBorderPrefix: out.append("│ " + line + " │")
      case .quotePrefix: out.append("\"" + line)
      case .timePrefix: out.append("    " + stamp(line) + " " + line)
      case .namePrefix: out.append("cluster-autoscaler-7d9f-x2b cluster-autoscaler " + line)
      case .klogText: out.append(line)
      default: out.append(line)  // The collectors' shapes: CollectorTests.
      }
    }
    return out.joined(separator: "\n") + "\n"
  }

  @Test(arguments: [
    InputFormat.kubectlPrefix, .kubectlTimestamps, .cri, .dockerJSON, .klogJSON, .jsonField, .pasted,
    .lineNumberPrefix, .boxBorderPrefix, .quotePrefix, .timePrefix, .namePrefix,
  ])
  func sameEpisodesInEveryEnvelope(envelope: InputFormat) throws {
    let expected = summary(Fixtures.analyze(try plain()))
    #expect(expected.count == 2)
    let wrapped = try wrap(envelope)
    let report = Fixtures.analyze(wrapped)
    #expect(summary(report) == expected)
    // A pod and container name before the header is stern's shape, named as stern.
    #expect(report.formats.contains(envelope) || (envelope == .namePrefix && report.formats.contains(.stern)))
    #expect(report.accounting.lines == wrapped.split(separator: "\n", omittingEmptySubsequences: false).count - 1)
  }

  @Test func anIndentedTimeBeforeTheHeaderGivesTheYear() throws {
    let report = Fixtures.analyze(try wrap(.timePrefix))
    #expect(report.year.source == .envelope && report.year.baseYear == 2019)
    #expect(report.accounting.malformed == 0)
  }

  @Test func prefixAndTimestampsTogether() throws {
    let expected = summary(Fixtures.analyze(try plain()))
    let both = try wrap(.kubectlTimestamps).split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.isEmpty ? "" : "[pod/ca-1/cluster-autoscaler] " + $0 }.joined(separator: "\n")
    let report = Fixtures.analyze(both)
    #expect(summary(report) == expected)
    #expect(report.formats.contains(.kubectlPrefix) && report.formats.contains(.kubectlTimestamps))
    #expect(report.year.source == .envelope && report.year.baseYear == 2019)
  }

  @Test func klogJSONWithoutVerbosityIsAnError() throws {
    let line =
      #"{"ts":1710333274512.101,"caller":"core/static_autoscaler.go:646","msg":"Failed to scale up: "#
      + #"failed to increase node group size: operation error Auto Scaling: SetDesiredCapacity, https response "#
      + #"error StatusCode: 403, RequestID: 0f1e, api error AccessDenied: User: arn:aws:sts::123456789012:"#
      + #"assumed-role/ca-role/i-0abc is not authorized to perform: autoscaling:SetDesiredCapacity on resource"}"#
    let report = Fixtures.analyze(line + "\n")
    try #require(report.failures.count == 1)
    #expect(report.failures[0].failureClass == .iam)
    #expect(report.failures[0].code == "AccessDenied")
    #expect(report.failures[0].action == "autoscaling:SetDesiredCapacity")
    #expect(report.year.source == .envelope && report.year.baseYear == 2024)
  }
}
