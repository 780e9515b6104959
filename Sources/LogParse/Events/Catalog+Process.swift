extension Catalog {
  /// Messages of the process: start, leader election, the loop, and Kubernetes events echoed into the log.
  static let processEntries: [CatalogEntry] = [
    CatalogEntry(
      "process.version", literal: "Cluster Autoscaler ", pattern: #"^Cluster Autoscaler (v?\d+\.\d+[0-9A-Za-z.+-]*)"#,
      v: 1, versions: "1.3+",
      examples: [
        CatalogExample(
          "1.3+", "I0313 12:00:01.000001       1 main.go:553] Cluster Autoscaler 1.28.0",
          .processStarted(version: "1.28.0"))
      ]
    ) { .processStarted(version: $0.text(1)) },
    CatalogEntry(
      "loop.scaleDownStatus", literal: "Scale down status: ",
      pattern:
        #"^Scale down status: .*?lastScaleUpTime=(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? [+-]\d{4}(?: \w+)?(?: m=[+-][0-9.]+)?)"#,
      structured: StructuredForm(
        "Recording scale down status",
        printf:
          "Scale down status: lastScaleUpTime=%v lastScaleDownDeleteTime=%v lastScaleDownFailTime=%v scaleDownForbidden=%v scaleDownInCooldown=%v",
        keys: [
          .time("lastScaleUpTime"), "lastScaleDownDeleteTime", "lastScaleDownFailTime", "scaleDownForbidden",
          "scaleDownInCooldown",
        ]), v: 4,
      versions:
        "1.3–1.20, 1.21–1.24 (`scaleDownInCooldown`), 1.25–1.37 (without `unneededOnly`, with `m=`), 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3–1.20",
          "I0313 12:00:00.000000       1 static_autoscaler.go:392] Scale down status: unneededOnly=false lastScaleUpTime=2024-03-13 11:00:00 +0000 UTC lastScaleDownDeleteTime=2024-03-13 11:00:00 +0000 UTC lastScaleDownFailTime=2024-03-13 11:00:00 +0000 UTC scaleDownForbidden=false isDeleteInProgress=false",
          .datedNote(id: "loop.scaleDownStatus", date: .example("2024-03-13T11:00:00Z"), processStart: nil)),
        CatalogExample(
          "1.21–1.24",
          "I0313 12:00:00.000000       1 static_autoscaler.go:502] Scale down status: unneededOnly=false lastScaleUpTime=2024-03-13 11:00:00 +0000 UTC lastScaleDownDeleteTime=2024-03-13 11:00:00 +0000 UTC lastScaleDownFailTime=2024-03-13 11:00:00 +0000 UTC scaleDownForbidden=false isDeleteInProgress=false scaleDownInCooldown=true",
          .datedNote(id: "loop.scaleDownStatus", date: .example("2024-03-13T11:00:00Z"), processStart: nil)),
        CatalogExample(
          "1.25+",
          "I0514 21:48:09.465974       1 static_autoscaler.go:589] Scale down status: lastScaleUpTime=2023-05-14 20:43:27.79390843 +0000 UTC m=-3578.293245296 lastScaleDownDeleteTime=2023-05-14 20:43:27.79390843 +0000 UTC m=-3578.293245296 lastScaleDownFailTime=2023-05-14 20:43:27.79390843 +0000 UTC m=-3578.293245296 scaleDownForbidden=false scaleDownInCooldown=false",
          .datedNote(
            id: "loop.scaleDownStatus", date: .example("2023-05-14T20:43:27.79390843Z"),
            processStart: .example("2023-05-14T21:43:06.087153Z"))),
      ]
        + CatalogExample.structured(
          "I0313 12:00:00.000000       1 static_autoscaler.go:829] ", caller: "core/static_autoscaler.go:829", v: 4,
          "Recording scale down status",
          [
            ("lastScaleUpTime", .string("2024-03-13 11:00:00 +0000 UTC m=-3578.293245296")),
            ("lastScaleDownDeleteTime", .string("2024-03-13 11:00:00 +0000 UTC m=-3578.293245296")),
            ("lastScaleDownFailTime", .string("2024-03-13 11:00:00 +0000 UTC m=-3578.293245296")),
            ("scaleDownForbidden", .bare("false")), ("scaleDownInCooldown", .bare("false")),
          ],
          .datedNote(
            id: "loop.scaleDownStatus", date: .example("2024-03-13T11:00:00Z"),
            processStart: .example("2024-03-13T11:59:38.293245Z")))
    ) { c in
      let time = c.text(1)
      return TimeText.goTime(time).map {
        .datedNote(id: "loop.scaleDownStatus", date: $0, processStart: TimeText.goProcessStart(time))
      }
    },
    CatalogEntry(
      "cloud.refreshedAsgList", literal: "Refreshed ASG list",
      pattern:
        #"^Refreshed ASG list, next refresh after (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? [+-]\d{4}(?: \w+)?(?: m=[+-][0-9.]+)?)"#,
      v: 2, versions: "1.3–1.8 (without `m=`), 1.9+ (AWS, Azure; with `m=`)",
      examples: [
        CatalogExample(
          "1.3–1.8",
          "I0313 12:00:00.000000       1 aws_manager.go:129] Refreshed ASG list, next refresh after 2024-03-13 12:01:00 +0000 UTC",
          .datedNote(id: "cloud.refreshedAsgList", date: .example("2024-03-13T12:01:00Z"), processStart: nil)),
        CatalogExample(
          "1.9+",
          "I0406 04:33:10.725416       1 aws_manager.go:269] Refreshed ASG list, next refresh after 2022-04-06 04:34:10.725408623 +0000 UTC m=+1728.317182965",
          .datedNote(
            id: "cloud.refreshedAsgList", date: .example("2022-04-06T04:34:10.725408623Z"),
            processStart: .example("2022-04-06T04:05:22.408225Z"))),
      ]
    ) { c in
      let time = c.text(1)
      return TimeText.goTime(time).map {
        .datedNote(id: "cloud.refreshedAsgList", date: $0, processStart: TimeText.goProcessStart(time))
      }
    },
    CatalogEntry(
      "process.mainLoop", literal: "Starting main loop", pattern: #"^Starting main loop"#,
      structured: StructuredForm("Starting main loop"), v: 4, versions: "1.3–1.37, 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.3+", "I0326 09:28:48.692475       1 static_autoscaler.go:147] Starting main loop",
          .mainLoopStarted)
      ]
        + CatalogExample.structured(
          "I0326 09:28:48.692475       1 static_autoscaler.go:319] ", caller: "core/static_autoscaler.go:319", v: 4,
          "Starting main loop", [], .mainLoopStarted)
    ) { _ in .mainLoopStarted },
    CatalogEntry(
      "process.podsFound", literal: "Found ",
      pattern: #"^Found (\d+) pods in the cluster: \d+ scheduled, (?:\d+ with nominated node, )?(\d+) unschedulable"#,
      structured: StructuredForm("Found pods in the cluster", keys: ["podsCount", "unschedulablePodsCount"]), v: 0,
      versions:
        "1.33–1.34, 1.35 (`ignored due to dissallowed schedulers`), 1.36–1.37 (`with nominated node`), 1.38+ (structured)",
      examples: [
        CatalogExample(
          "1.33–1.34",
          "I0313 12:34:33.900000       1 static_autoscaler.go:1180] Found 42 pods in the cluster: 38 scheduled, 3 unschedulable, 1 unprocessed by scheduler, 0 ignored (most likely using custom scheduler)",
          .podsFound(total: 42, unschedulable: 3)),
        CatalogExample(
          "1.35",
          "I0313 12:34:33.900000       1 static_autoscaler.go:1221] Found 42 pods in the cluster: 38 scheduled, 4 unschedulable, 0 unprocessed by scheduler, 0 ignored by allowed schedulers (most likely using custom scheduler), 0 ignored due to dissallowed schedulers",
          .podsFound(total: 42, unschedulable: 4)),
        CatalogExample(
          "1.36+",
          "I0313 12:34:33.900000       1 static_autoscaler.go:1403] Found 42 pods in the cluster: 37 scheduled, 1 with nominated node, 4 unschedulable, 0 unprocessed by scheduler, 0 ignored by allowed schedulers (most likely using custom scheduler), 0 ignored due to dissallowed schedulers",
          .podsFound(total: 42, unschedulable: 4)),
      ]
        + CatalogExample.structured(
          "I0313 12:34:33.900000       1 static_autoscaler.go:1443] ", caller: "core/static_autoscaler.go:1443", v: 0,
          "Found pods in the cluster",
          [
            ("podsCount", .bare("42")), ("scheduledPodsCount", .bare("37")), ("nominatedPodsCount", .bare("1")),
            ("unschedulablePodsCount", .bare("4")), ("unprocessedPodsCount", .bare("0")),
            ("ignoredByAllowedSchedulersPodsCount", .bare("0")),
            ("ignoredDueToDisallowedSchedulersPodsCount", .bare("0")),
          ], .podsFound(total: 42, unschedulable: 4))
    ) { c in
      guard let total = c.int(1), let unschedulable = c.int(2) else { return nil }
      return .podsFound(total: total, unschedulable: unschedulable)
    },
    CatalogEntry(
      "process.acquiringLease", literal: "ttempting to acquire leader lease", .anywhere,
      pattern: #"^"?[Aa]ttempting to acquire leader lease"#, v: 0,
      versions: "1.3–1.18 (two spaces), 1.19–1.34, 1.35+ (structured)",
      examples: [
        CatalogExample(
          "1.3–1.18",
          "I0313 12:00:03.100000       1 leaderelection.go:217] attempting to acquire leader lease  kube-system/cluster-autoscaler...",
          .leaseAcquiring),
        CatalogExample(
          "1.19–1.34",
          "I0313 12:00:03.100000       1 leaderelection.go:257] attempting to acquire leader lease kube-system/cluster-autoscaler...",
          .leaseAcquiring),
        CatalogExample(
          "1.35+",
          "I0313 12:00:03.100000       1 leaderelection.go:258] \"Attempting to acquire leader lease...\" lock=\"kube-system/cluster-autoscaler\"",
          .leaseAcquiring),
      ]
    ) { _ in .leaseAcquiring },
    CatalogEntry(
      "process.leaseAcquired", literal: "uccessfully acquired lease", .anywhere,
      pattern: #"^"?[Ss]uccessfully acquired lease"#, v: 0, versions: "1.3–1.34 (client-go), 1.35+ (structured)",
      examples: [
        CatalogExample(
          "1.3–1.34",
          "I0313 12:00:03.200000       1 leaderelection.go:268] successfully acquired lease kube-system/cluster-autoscaler",
          .leaderElection(acquired: true)),
        CatalogExample(
          "1.35+",
          "I0313 12:00:03.200000       1 leaderelection.go:272] \"Successfully acquired lease\" lock=\"kube-system/cluster-autoscaler\"",
          .leaderElection(acquired: true)),
      ]
    ) { _ in .leaderElection(acquired: true) },
    CatalogEntry(
      "process.leaseHeld", literal: "failed to acquire lease", .anywhere,
      pattern: #"^"?[Ff]ailed to acquire lease"#, v: 0, versions: "1.3+ (client-go)",
      examples: [
        CatalogExample(
          "1.3+",
          "I0313 12:00:03.200000       1 leaderelection.go:352] failed to acquire lease kube-system/cluster-autoscaler",
          .leaderElection(acquired: false))
      ]
    ) { _ in .leaderElection(acquired: false) },
    CatalogEntry(
      "process.leaseLost", literal: "ailed to renew lease", .anywhere, pattern: #"^"?[Ff]ailed to renew lease"#, v: 0,
      versions: "1.3–1.34 (client-go), 1.35+ (structured)",
      examples: [
        CatalogExample(
          "1.3–1.34",
          "I0313 13:00:03.200000       1 leaderelection.go:330] failed to renew lease kube-system/cluster-autoscaler: timed out waiting for the condition",
          .leadershipLost),
        CatalogExample(
          "1.35+",
          "I0313 13:00:03.200000       1 leaderelection.go:297] \"Failed to renew lease\" lock=\"kube-system/cluster-autoscaler\" err=\"context deadline exceeded\"",
          .leadershipLost),
      ]
    ) { _ in .leadershipLost },
    CatalogEntry(
      "process.lostMaster", literal: "lost master", pattern: #"^lost master"#, v: 0, versions: "1.3+",
      examples: [
        CatalogExample("1.3+", "F0313 13:00:03.300000       1 main.go:620] lost master", .leadershipLost)
      ]
    ) { _ in .leadershipLost },
    CatalogEntry(
      "kubernetes.event", literal: "Event(", pattern: EventText.pattern, v: 4,
      versions: "1.3+ (`event.go`/`factory.go` to 1.18, `event_sink_logging_wrapper.go` from 1.19)",
      examples: [
        CatalogExample(
          "1.3–1.18",
          "I0326 09:28:48.701082       1 event.go:209] Event(v1.ObjectReference{Kind:\"Pod\", Namespace:\"default\", Name:\"web-1\", UID:\"22babb52\", APIVersion:\"v1\", ResourceVersion:\"1977735\", FieldPath:\"\"}): type: 'Normal' reason: 'NotTriggerScaleUp' pod didn't trigger scale-up (it wouldn't fit if a new node is added): 1 max node group size reached",
          .kubernetesEvent(
            KubernetesEvent(
              kind: "Pod", namespace: "default", name: "web-1", type: "Normal", reason: "NotTriggerScaleUp",
              message:
                "pod didn't trigger scale-up (it wouldn't fit if a new node is added): 1 max node group size reached"))),
        CatalogExample(
          "1.19+",
          "I0313 12:34:34.722940       1 event_sink_logging_wrapper.go:48] Event(v1.ObjectReference{Kind:\"Pod\", Namespace:\"default\", Name:\"web-1\", UID:\"9f1e\", APIVersion:\"v1\", ResourceVersion:\"1\", FieldPath:\"\"}): type: 'Normal' reason: 'NotTriggerScaleUp' pod didn't trigger scale-up: 3 max node group size reached, 1 node(s) didn't match Pod's node affinity/selector",
          .kubernetesEvent(
            KubernetesEvent(
              kind: "Pod", namespace: "default", name: "web-1", type: "Normal", reason: "NotTriggerScaleUp",
              message:
                "pod didn't trigger scale-up: 3 max node group size reached, 1 node(s) didn't match Pod's node affinity/selector"
            ))),
        CatalogExample(
          "1.36+",
          "W0313 12:49:40.590000       1 event_sink_logging_wrapper.go:48] Event(v1.ObjectReference{Kind:\"ConfigMap\", Namespace:\"kube-system\", Name:\"cluster-autoscaler-status\", UID:\"1\", APIVersion:\"v1\", ResourceVersion:\"1\", FieldPath:\"\"}): type: 'Warning' reason: 'FailedToRevertScaleUp' Failed to decrease target size for group eks-ng-a after scale-up timeout: AccessDenied",
          .kubernetesEvent(
            KubernetesEvent(
              kind: "ConfigMap", namespace: "kube-system", name: "cluster-autoscaler-status", type: "Warning",
              reason: "FailedToRevertScaleUp",
              message: "Failed to decrease target size for group eks-ng-a after scale-up timeout: AccessDenied"))),
        CatalogExample(
          "1.37+",
          "W0313 12:00:00.000000       1 event_sink_logging_wrapper.go:48] Event(v1.ObjectReference{Kind:\"ConfigMap\", Namespace:\"kube-system\", Name:\"cluster-autoscaler-status\", UID:\"1\", APIVersion:\"v1\", ResourceVersion:\"1\", FieldPath:\"\"}): type: 'Warning' reason: 'GracefulDegradationStarted' Autoscaler is unable to handle the large amount of unschedulable pods. Consider reducing the rate of adding new pods, so autoscaler could auto recover.",
          .kubernetesEvent(
            KubernetesEvent(
              kind: "ConfigMap", namespace: "kube-system", name: "cluster-autoscaler-status", type: "Warning",
              reason: "GracefulDegradationStarted",
              message:
                "Autoscaler is unable to handle the large amount of unschedulable pods. Consider reducing the rate of adding new pods, so autoscaler could auto recover."
            ))),
        CatalogExample(
          "1.37+",
          "I0313 12:10:00.000000       1 event_sink_logging_wrapper.go:48] Event(v1.ObjectReference{Kind:\"ConfigMap\", Namespace:\"kube-system\", Name:\"cluster-autoscaler-status\", UID:\"1\", APIVersion:\"v1\", ResourceVersion:\"1\", FieldPath:\"\"}): type: 'Normal' reason: 'GracefulDegradationStopped' Autoscaler exited from GracefulDegradationMode and works normally.",
          .kubernetesEvent(
            KubernetesEvent(
              kind: "ConfigMap", namespace: "kube-system", name: "cluster-autoscaler-status", type: "Normal",
              reason: "GracefulDegradationStopped",
              message: "Autoscaler exited from GracefulDegradationMode and works normally."))),
      ]
    ) { c in
      .kubernetesEvent(
        KubernetesEvent(
          kind: c.text(1), namespace: c.text(2), name: c.text(3), type: c.text(4), reason: c.text(5),
          message: c.longText(6)))
    },
  ]
}
