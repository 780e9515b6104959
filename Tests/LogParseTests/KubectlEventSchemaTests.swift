import Foundation
import LogParse
import Testing

/// Reports of kubectl events, whose records have no time, follow the contract's JSON Schema.
struct KubectlEventSchemaTests {
  @Test func reportWithNullTimesValidates() throws {
    let url = Fixtures.root.appendingPathComponent("Schemas/report.schema.json")
    let validator = try JSONSchemaValidator(schemaData: try Data(contentsOf: url))
    let text = """
      Events:
        Type     Reason                Age              From                Message
        ----     ------                ----             ----                -------
        Warning  FailedToScaleUpGroup  29m              cluster-autoscaler  Scale-up failed for group ng-blue: AccessDenied
        Normal   NotTriggerScaleUp     4m (x9 over 1h)  cluster-autoscaler  pod didn't trigger scale-up: 2 max node group size reached
      LAST SEEN   TYPE     REASON           OBJECT                                MESSAGE
      2m          Normal   ScaleDownEmpty   configmap/cluster-autoscaler-status   Scale-down: removing empty node ip-10-0-1-7
      08:15:02.125 - Disabling scale-up for node group ng-blue until 2024-03-13 08:20:02.125 +0000 UTC m=+10.0; errorClass=Other; errorCode=timeout
      """
    let report = Fixtures.analyze(text)
    #expect(
      !report.failures.isEmpty && !report.noScaleUps.isEmpty && !report.scaleDowns.isEmpty && !report.backoffs.isEmpty)
    let json = JSONReportRenderer.render(report)
    #expect(json.contains("\"firstAt\": null"))
    let errors = try validator.validate(Data(json.utf8))
    #expect(errors == [], "\(errors.prefix(5))")
    #expect(
      report.formats == [.kubectlEvents, .kubectlDescribeEvents, .timeAndText],
      "\(report.formats)")
  }
}
