import Testing

@testable import LogParse

/// A node group set back to a smaller size is a size decrease, never a scale-up.
struct SizeDecreaseTests {
  @Test func aCloudResizeBelowTheKnownSizeIsADecreaseNotAScaleUp() throws {
    let builder = Reducer.apply([
      .scaleUpPlan([PlannedResize(group: "ng-red", from: 4, to: 6, max: 9)]),
      .cloudResize(group: "ng-red", size: 6),
      .scaleUpFinished(group: "ng-red", seconds: 80),
      .cloudResize(group: "ng-red", size: 5),
    ])
    #expect(builder.scaleUps.elements.count == 1)
    let decreases = builder.sizeDecreases.elements
    try #require(decreases.count == 1)
    #expect(decreases[0].nodeGroup == "ng-red")
    #expect(decreases[0].from == 6 && decreases[0].to == 5)
    #expect(decreases[0].reason == nil)
  }

  @Test func decreasingSizeAndItsCloudCallAreOneDecreaseInEveryOrder() throws {
    let events: [Event] = [
      .groupSizeDecreasing(group: "ng-red", from: 5, to: 3),
      .cloudResize(group: "ng-red", size: 3),
    ]
    for order in Reducer.permutations(events) {
      // The log showed the group at 5 before (a scale-up that never registered its nodes).
      let builder = Reducer.apply([.scaleUpRequested(group: "ng-red", size: 5)] + order)
      #expect(builder.scaleUps.elements.count == 1, "\(order)")
      let decreases = builder.sizeDecreases.elements
      try #require(decreases.count == 1, "\(order)")
      #expect(decreases[0].from == 5 && decreases[0].to == 3, "\(order)")
      #expect(decreases[0].reason == .fixNodeGroupSizes, "\(order)")
    }
  }

  @Test func aRevertOfATimedOutScaleUpIsADecreaseOfItsSize() throws {
    let builder = Reducer.apply([
      .scaleUpRequested(group: "ng-red", size: 7),
      .scaleUpTimedOut(group: "ng-red", seconds: 900),
      .scaleUpReverted(group: "ng-red", delta: 2),
      .cloudResize(group: "ng-red", size: 5),
    ])
    #expect(builder.scaleUps.elements.count == 1)
    #expect(builder.scaleUps.elements[0].revertedNodes == 2)
    let decreases = builder.sizeDecreases.elements
    try #require(decreases.count == 1)
    #expect(decreases[0].from == 7 && decreases[0].to == 5 && decreases[0].reason == .scaleUpRevert)
  }

  @Test func theLogLinesOfADecreaseGiveADecreaseInTheReport() throws {
    let report = Fixtures.analyze(
      """
      I0313 12:00:00.000000       1 auto_scaling_groups.go:265] Setting asg ng-red size to 5
      I0313 12:20:00.000000       1 static_autoscaler.go:709] Decreasing size of ng-red, expected=5 current=3 delta=-2
      I0313 12:20:00.100000       1 auto_scaling_groups.go:265] Setting asg ng-red size to 3

      """)
    #expect(report.scaleUps.count == 1)
    try #require(report.sizeDecreases.count == 1)
    #expect(report.sizeDecreases[0].from == 5 && report.sizeDecreases[0].to == 3)
    #expect(report.sizeDecreases[0].evidence.lines == [2, 3])
    #expect(JSONReportRenderer.render(report).contains("\"reason\": \"fixNodeGroupSizes\""))
  }

  @Test func aFirstResizeWithNothingKnownStaysAScaleUp() {
    let builder = Reducer.apply([.cloudResize(group: "ng-red", size: 2)])
    #expect(builder.scaleUps.elements.count == 1)
    #expect(builder.sizeDecreases.elements.isEmpty)
  }
}
