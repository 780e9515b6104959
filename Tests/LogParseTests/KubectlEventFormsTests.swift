import Foundation
import Testing

@testable import LogParse

/// Every klog event recorder line of every sample and of the catalogue, rewritten into each layout
/// kubectl prints events in, gives the event of the klog line.
struct KubectlEventFormsTests {
  /// The klog event recorder lines of the samples and of the catalogue's examples.
  private func recorderLines() throws -> [String] {
    var lines: [String] = []
    for name in try Fixtures.sampleNames() {
      let text = String(decoding: try Fixtures.sample(String(name.dropLast(4))), as: UTF8.self)
      lines += text.split(separator: "\n").map(String.init).filter { isRecorderLine($0) }
    }
    for entry in Catalog.entries {
      lines += entry.examples.map(\.line).filter { isRecorderLine($0) }
    }
    return lines
  }

  /// A klog line (header at column 0) whose message is the recorder's `Event(v1.ObjectReference{…`.
  private func isRecorderLine(_ line: String) -> Bool {
    guard let first = line.first, "IWEF".contains(first), let close = line.range(of: "] ") else { return false }
    return line[close.upperBound...].hasPrefix("Event(v1.ObjectReference{")
  }

  /// The one Kubernetes event `text` gives, or nil.
  private func event(_ text: String) -> KubernetesEvent? {
    var seen: [KubernetesEvent] = []
    _ = Fixtures.analyze(Array(text.utf8)) { event, _ in
      if case .kubernetesEvent(let kubernetes) = event { seen.append(kubernetes) }
    }
    return seen.count == 1 ? seen[0] : nil
  }

  /// One layout: its header row, and the row (or lines) it prints for an event.
  private struct Form {
    var name: String
    var header: String?
    /// Whether the layout shows the object's name and namespace.
    var showsName: Bool
    var showsNamespace: Bool
    var row: (KubernetesEvent) -> String
  }

  private static func resource(_ event: KubernetesEvent) -> String { event.kind.lowercased() + "/" + event.name }

  private let forms: [Form] = [
    Form(
      name: "get events", header: "LAST SEEN   TYPE      REASON   OBJECT   MESSAGE", showsName: true,
      showsNamespace: false
    ) {
      "89s         \($0.type)    \($0.reason)    \(resource($0))    \($0.message)"
    },
    Form(
      name: "get events -A", header: "NAMESPACE   LAST SEEN   TYPE   REASON   OBJECT   MESSAGE", showsName: true,
      showsNamespace: true
    ) {
      "\($0.namespace)   12m (x3 over 1h)   \($0.type)   \($0.reason)   \(resource($0))   \($0.message)"
    },
    Form(
      name: "get events before 1.16", header: "LAST SEEN   TYPE   REASON   KIND   MESSAGE", showsName: false,
      showsNamespace: false
    ) {
      "3h12m   \($0.type)   \($0.reason)   \($0.kind)   \($0.message)"
    },
    Form(
      name: "get events -o wide",
      header: "LAST SEEN   TYPE   REASON   OBJECT   SUBOBJECT   SOURCE   MESSAGE   FIRST SEEN   COUNT   NAME",
      showsName: true, showsNamespace: false
    ) {
      "<unknown>   \($0.type)   \($0.reason)   \(resource($0))      cluster-autoscaler   \($0.message)   5m   2   \($0.name).17a2b3c4d5e6f708"
    },
    Form(
      name: "old get events",
      header: "LASTSEEN   FIRSTSEEN   COUNT   NAME   KIND   SUBOBJECT   TYPE   REASON   SOURCE   MESSAGE",
      showsName: true, showsNamespace: false
    ) {
      "1m   6m   4   \($0.name).17a2b3c4d5e6f708   \($0.kind)      \($0.type)   \($0.reason)   cluster-autoscaler   \($0.message)"
    },
    Form(name: "describe", header: nil, showsName: true, showsNamespace: true) {
      let landmark =
        ["Pod": "Containers:", "Node": "Taints:             <none>", "ConfigMap": "Data\n===="][$0.kind] ?? ""
      return """
        Name:         \($0.name)
        Namespace:    \($0.namespace)
        \(landmark)
        Events:
          Type    Reason    Age   From                Message
          ----    ------    ----  ----                -------
          \($0.type)  \($0.reason)  6m49s  cluster-autoscaler  \($0.message)
        """
    },
  ]

  @Test func everyRecorderLineInEveryLayoutGivesItsEvent() throws {
    let lines = try recorderLines()
    #expect(lines.count >= 10)
    var checked = 0
    for line in lines {
      let klog = try #require(event(line), "\(line)")
      for form in forms {
        let row = form.row(klog)
        for text in [form.header.map { $0 + "\n" + row }, row].compactMap({ $0 }) {
          let read = event(text)
          // What a form does not show is missing from the event and from what its reason names.
          let expected = KubernetesEvent(
            kind: klog.kind, namespace: form.showsNamespace ? klog.namespace : "",
            name: form.showsName ? klog.name : "",
            type: klog.type, reason: klog.reason, message: klog.message)
          #expect(read == expected, "\(form.name): \(text)")
          checked += 1
        }
      }
      // Without the describe output's own lines, a row's object is what its reason shows.
      let bare = "  \(klog.type)  \(klog.reason)  29m  cluster-autoscaler  \(klog.message)"
      let read = event(bare)
      #expect(read?.reason == klog.reason && read?.type == klog.type && read?.message == klog.message, "\(bare)")
      #expect(read?.kind == klog.kind, "\(bare)")
    }
    #expect(checked == lines.count * 11)
  }

  @Test func everyOldLayoutRowCutBeforeItsMessageJoinsAgain() throws {
    for line in try recorderLines() {
      let klog = try #require(event(line))
      let pad = String(repeating: " ", count: 20)
      let row =
        "1m          6m           4         \(klog.name).17a2b3c4d5e6f708\(pad)\(klog.kind)\(pad)\(klog.type)    "
        + "\(klog.reason)    cluster-autoscaler    \(klog.message)"
      // A terminal at any width from 60 columns to the end of the SOURCE column.
      let source = try #require(row.range(of: "cluster-autoscaler    "))
      let expected = KubernetesEvent(
        kind: klog.kind, namespace: "", name: klog.name, type: klog.type, reason: klog.reason, message: klog.message)
      for width in 60...row.distance(from: row.startIndex, to: source.upperBound) {
        let cut = row.index(row.startIndex, offsetBy: width)
        let wrapped = row[..<cut] + "\n" + row[cut...]
        #expect(event(String(wrapped)) == expected, "\(wrapped)")
      }
    }
  }

}
