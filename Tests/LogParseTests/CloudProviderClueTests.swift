import Testing

@testable import LogParse

/// The cloud provider from every clue a log holds: source files, provider-only messages, provider ids and names.
struct CloudProviderClueTests {
  @Test(arguments: [
    ("aws_manager.go", "aws"), ("auto_scaling_groups.go", "aws"), ("ec2.go", "aws"), ("aws/aws_manager.go", "aws"),
    ("gce_manager.go", "gce"), ("autoscaling_gce_client.go", "gce"), ("mig_info_provider.go", "gce"),
    ("azure_scale_set.go", "azure"), ("azure/azure_vmss_delete_client.go", "azure"),
    ("hetzner_node_group.go", "hetzner"),
    ("magnum_manager_impl.go", "magnum"), ("clusterapi_controller.go", "clusterapi"),
    ("cloudstack_manager.go", "cloudstack"), ("alicloud_auto_scaling_group.go", "alicloud"),
    ("digitalocean_node_group.go", "digitalocean"), ("ovh_cloud_manager.go", "ovhcloud"),
    ("nodepools/oci_manager.go", "oci"), ("cherry_manager.go", "cherryservers"), ("vultr_node_group.go", "vultr"),
    ("kwok_provider.go", "kwok"), ("linode_manager.go", "linode"), ("huaweicloud_auto_scaling_group.go", "huaweicloud"),
    // A `/` in the first word, the second, the last (overlapping) one, and in a name under eight bytes.
    ("ab/aws_x.go", "aws"), ("bbcdefgh/ec2.go", "aws"), ("bbcdefghijklmn/mig_x.go", "gce"),
    ("bbcdefghijklmnop/gce_x.go", "gce"), ("ab/nodepools/x.go", "oci"), ("b/ec2.go", "aws"), ("gce/x", "gce"),
  ])
  func fileNamesItsProvider(_ file: String, _ provider: String) {
    var name = file
    #expect(name.withUTF8 { CloudProviderClues.provider(file: $0) } == provider)
  }

  @Test(arguments: [
    "static_autoscaler.go", "orchestrator.go", "klogx.go", "core/static_autoscaler.go", "cache.go", "", "a", "/",
    "bbcdefghijklmn/x.go",
  ])
  func coreFileNamesNone(_ file: String) {
    var name = file
    #expect(name.withUTF8 { CloudProviderClues.provider(file: $0) } == nil)
  }

  /// The line with the given file and message, and the provider the report names for it alone.
  @Test(arguments: [
    ("utils.go", "Refreshed ASG list, next refresh after 2024-04-01 08:01:00 +0000 UTC", "aws"),
    (
      "utils.go",
      "Regenerating MIG information for https://www.googleapis.com/compute/v1/projects/p/zones/z/instanceGroups/ig-1",
      "gce"
    ),
    ("utils.go", "instance azure:///subscriptions/1/resourceGroups/rg/providers/x/virtualMachines/0 is gone", "azure"),
    ("utils.go", "node aws:///us-east-1a/i-0123456789abcdef0 is gone", "aws"),
    ("utils.go", "provider id gce://p/us-central1-a/gke-a-b-c is registered", "gce"),
    ("utils.go", "node with provider id hcloud://123456 is gone", "hetzner"),
    ("utils.go", "Skipping aks-default-2193-vmss000000 - node group min size reached", "azure"),
    ("builder.go", "Failed to create Hetzner manager: `HCLOUD_TOKEN` is not specified", "hetzner"),
    ("builder.go", "Failed to create CloudStack Manager: no config", "cloudstack"),
    ("utils.go", "MachineDeployment md-0 of machinedeployments.cluster.x-k8s.io scaled", "clusterapi"),
    ("utils.go", "Scale-up: setting group MachineDeployment/ns-1/md-blue size to 3", "clusterapi"),
    ("utils.go", "node group MachineSet/ns-1/ms-green has 2 nodes", "clusterapi"),
    (
      "utils.go", "Failed to increase: containerservice.ManagedClustersClient#CreateOrUpdate: StatusCode=409",
      "azure"
    ),
    ("utils.go", "Failed: compute.VirtualMachineScaleSetsClient#Get: Failure responding to request", "azure"),
  ])
  func messageNamesItsProvider(_ file: String, _ message: String, _ provider: String) {
    let report = Fixtures.analyze("I0401 08:00:00.000000       1 \(file):10] \(message)\n")
    #expect(report.autoscaler.cloudProvider == provider)
  }

  /// A stronger clue replaces a weaker one; an equal one does not.
  @Test func strongerClueWins() {
    let log = """
      I0401 08:00:00.000000       1 utils.go:10] node aws:///us-east-1a/i-0123456789abcdef0 is gone
      I0401 08:00:01.000000       1 utils.go:10] provider id gce://p/z/n is registered
      I0401 08:00:02.000000       1 clusterapi_controller.go:300] node group md-0 has 3 replicas
      I0401 08:00:03.000000       1 azure_manager.go:300] something else

      """
    #expect(Fixtures.analyze(log).autoscaler.cloudProvider == "clusterapi")
    let weakOnly = log.split(separator: "\n").prefix(2).joined(separator: "\n") + "\n"
    #expect(Fixtures.analyze(weakOnly).autoscaler.cloudProvider == "aws")
  }

  @Test(arguments: [
    "I0401 08:00:00.000000       1 static_autoscaler.go:300] Starting main loop",
    "I0401 08:00:00.000000       1 klogx.go:87] Node ip-10-0-1-2.eu-west-1.compute.internal - cpu requested is 10% of allocatable",
  ])
  func noClueNoProvider(_ line: String) {
    #expect(Fixtures.analyze(line + "\n").autoscaler.cloudProvider == nil)
  }

  /// A `kubectl describe` event row without a klog header gives its clue too.
  @Test func describeEventRowNamesItsProvider() {
    let row =
      "  Warning  FailedToScaleUpGroup  3m   cluster-autoscaler  Scale-up failed for group pool-x: containerservice.ManagedClustersClient#CreateOrUpdate: Failure sending request: StatusCode=409\n"
    #expect(Fixtures.analyze(row).autoscaler.cloudProvider == "azure")
  }
}
