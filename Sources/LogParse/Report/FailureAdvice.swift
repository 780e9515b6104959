/// What a person should do about a failure: one sentence per class, with the details the log gave.
enum FailureAdvice {
  /// The advice for `failure`.
  static func advice(for failure: Failure) -> String {
    let identity = failure.principal.map { "the identity \($0)" } ?? "the autoscaler's identity"
    switch failure.failureClass {
    case .iam:
      let permission = failure.action.map { "the permission \($0)" } ?? "the missing permission"
      return "Grant \(permission) to \(identity) (IAM policy of the node or IRSA role)."
    case .credentials:
      if failure.action == "sts:AssumeRoleWithWebIdentity" || failure.code == "WebIdentityErr" {
        return "The service account cannot assume its role: check the IRSA role's trust policy (OIDC provider, "
          + "namespace and service account name) and the role ARN annotation."
      }
      return "The autoscaler has no usable cloud credentials: check its role, service account and credential chain."
    case .throttling:
      return "The cloud API is rate-limiting the autoscaler: reduce other callers or raise the API limits."
    case .capacity:
      return "The cloud had no instances of this type: allow other instance types or zones for the group."
    case .quota:
      return "An account or project quota stopped the scale-up: raise the quota or use another region or type."
    case .validation:
      return "The cloud rejected the request as invalid: check the group's min/max sizes and launch template."
    case .timeout:
      return "Nodes were requested but did not join in time: look at the node bootstrap (user data, AMI, "
        + "network, kubelet registration) and --max-node-provision-time."
    case .maxSize:
      return "A group or cluster limit stopped it: raise the group's max size or --max-nodes-total."
    case .kubernetesApi:
      return "The Kubernetes API refused the autoscaler: check its RBAC role and bindings."
    case .cloudProvider:
      return "The cloud provider call failed: the error above (or the cloud's activity history) names the cause."
    case .internal:
      return "An error inside the autoscaler: see the message; restarts or upgrades may be needed."
    case .network:
      return "The autoscaler could not reach the API: check DNS, the network path and proxies from its pod to the "
        + "endpoint the message names."
    case .other:
      return "See the message for the cause."
    }
  }
}
