/// Small logs written by the tests themselves, each showing one thing the sample logs do not.
enum CraftedLogs {
  /// A single V(0) line: a scale-up decision, but nothing that proves a verbosity above 0.
  static let verbosityZero = [
    "I0927 11:50:35.158572       1 scale_up.go:694] Scale-up: setting group ASG_NAME size to 5"
  ]

  /// A standby replica's log: it tries to take the leader lease and fails, so it never scales anything.
  static let standby = [
    "I0313 12:00:03.100000       1 leaderelection.go:257] attempting to acquire leader lease "
      + "kube-system/cluster-autoscaler...",
    "I0313 12:00:03.200000       1 leaderelection.go:352] failed to acquire lease kube-system/cluster-autoscaler",
  ]

  /// A scale-up decision for a node group whose name is `group` (to see how odd characters are rendered).
  static func scaleUp(group: String) -> [String] {
    ["I0927 11:50:35.158572       1 scale_up.go:694] Scale-up: setting group \(group) size to 5"]
  }

  /// `count` IAM failures on `autoscaling:SetDesiredCapacity`, each for another node group (`group-10`, …),
  /// one second apart: as many distinct classified failures as asked for.
  static func accessDenied(count: Int) -> [String] {
    (0..<count).map { index in
      let second = 10 + index
      return "I0405 08:52:\(second).797003       1 factory.go:33] Event(v1.ObjectReference{Kind:\"ConfigMap\", "
        + "Namespace:\"kube-system\", Name:\"cluster-autoscaler-status\"}): type: 'Warning' "
        + "reason: 'FailedToScaleUpGroup' Scale-up failed for group group-\(second): AccessDenied: User: "
        + "arn:aws:sts::123456789012:assumed-role/node-role/i-0123456789abcdef0 is not authorized to perform: "
        + "autoscaling:SetDesiredCapacity on resource: arn:aws:autoscaling:eu-west-1:123456789012:"
        + "autoScalingGroup:*:autoScalingGroupName/group-\(second)"
    }
  }
}
