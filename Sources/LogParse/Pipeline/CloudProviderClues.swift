/// Which provider each clue names.
enum CloudProviderClues {
  /// Source file name prefixes of each provider (kubernetes/autoscaler `cloudprovider/<name>/`, 0.6 to 1.36).
  static let filePrefixes: [(String, String)] = [
    ("aws_", "aws"), ("auto_scaling", "aws"), ("ec2.go", "aws"), ("ec2_instance_types", "aws"),
    ("managed_nodegroup_cache", "aws"), ("instance_type_cache", "aws"), ("azure_", "azure"), ("gce_", "gce"),
    ("autoscaling_gce", "gce"), ("mig_", "gce"), ("kube_env.go", "gce"), ("machine_types.go", "gce"),
    ("os_reserved.go", "gce"), ("local_ssd_size_provider", "gce"), ("gke_", "gke"), ("autoscaling_gke", "gke"),
    ("alicloud_", "alicloud"), ("baiducloud_", "baiducloud"), ("bizflycloud_", "bizflycloud"),
    ("brightbox_", "brightbox"), ("cherry_", "cherryservers"), ("civo_", "civo"), ("cloudstack_", "cloudstack"),
    ("clusterapi_", "clusterapi"), ("coreweave_", "coreweave"), ("digitalocean_", "digitalocean"),
    ("exoscale_", "exoscale"), ("externalgrpc_", "externalgrpc"), ("hetzner_", "hetzner"),
    ("huaweicloud_", "huaweicloud"), ("ionoscloud_", "ionoscloud"), ("kamatera_", "kamatera"),
    ("kubemark_", "kubemark"), ("kwok_", "kwok"), ("linode_", "linode"), ("magnum_", "magnum"), ("oci_", "oci"),
    ("ovh_cloud_", "ovhcloud"), ("packet_", "packet"), ("rancher_", "rancher"), ("scaleway_", "scaleway"),
    ("tencentcloud_", "tencentcloud"), ("utho_", "utho"), ("volcengine_", "volcengine"), ("vultr_", "vultr"),
    ("manager_rest.go", "equinixmetal"),
  ]

  /// Directories of `dir/file.go` headers (`--add_dir_header`, JSON `caller`) that name a provider.
  static let directories: Set<String> = Set(filePrefixes.map(\.1)).union(["equinixmetal", "instancepools", "nodepools"])

  /// The provider a record's file (`aws_manager.go`, `aws/aws_manager.go`) belongs to, or nil.
  static func provider(file: UnsafeBufferPointer<UInt8>) -> String? {
    guard let start = file.baseAddress, !file.isEmpty else { return nil }
    // The usual file, without a directory and starting with a pair no prefix starts with, is
    // rejected after a search for `/` eight bytes at a time.
    if file.count >= 2, !holdsSlash(start, file.count) {
      let pair = Int(start[0]) << 8 | Int(start[1])
      guard filePrefixPairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0 else { return nil }
    }
    var base = file
    if let slash = file.lastIndex(of: UInt8(ascii: "/")) {
      base = UnsafeBufferPointer(rebasing: file[(slash + 1)...])
      let directory = file[..<slash].split(separator: UInt8(ascii: "/")).last.map {
        String(decoding: $0, as: UTF8.self)
      }
      if let directory, directories.contains(directory) {
        return directory == "instancepools" || directory == "nodepools" ? "oci" : directory
      }
    }
    // Most files start with two bytes no prefix starts with: one table test rejects them.
    guard base.count >= 2 else { return nil }
    let pair = Int(base[0]) << 8 | Int(base[1])
    guard filePrefixPairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0 else { return nil }
    for (prefix, provider) in filePrefixes where base.starts(with: prefix.utf8) { return provider }
    return nil
  }

  /// Whether the `count` bytes at `start` hold a `/`.
  @inline(__always)
  private static func holdsSlash(_ start: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    guard count >= 8 else {
      for index in 0..<count where start[index] == UInt8(ascii: "/") { return true }
      return false
    }
    let raw = UnsafeRawPointer(start)
    let slashes = WordScan.broadcast(UInt8(ascii: "/"))
    var offset = 0
    while true {
      // The last word overlaps the one before: every byte is tested.
      let word = raw.loadUnaligned(fromByteOffset: min(offset, count &- 8), as: UInt64.self)
      if WordScan.zeroBytes(word ^ slashes) != 0 { return true }
      offset &+= 8
      if offset >= count { return false }
    }
  }

  /// The first two bytes of every file name prefix, a bit per byte pair (every prefix has at least two).
  static let filePrefixPairs: [UInt64] = filePrefixes.reduce(into: [UInt64](repeating: 0, count: 1024)) {
    table, entry in
    let bytes = Array(entry.0.utf8)
    precondition(bytes.count >= 2, "a file name prefix has at least two bytes: \(entry.0)")
    let pair = Int(bytes[0]) << 8 | Int(bytes[1])
    table[pair >> 6] |= 1 << UInt64(pair & 63)
  }

  /// Clues inside messages: the literal, the provider, and the clue's strength.
  static let messageClues: [(literal: String, provider: String, strength: Int)] =
    [
      // Messages and names only one provider writes.
      ("Refreshed ASG list", "aws", 2), ("Regenerating instance to ASG map", "aws", 2), ("Registering ASG ", "aws", 2),
      ("AWS SDK Version", "aws", 2), ("EC2 Instance Types", "aws", 2), ("Setting asg ", "aws", 2),
      ("Terminating EC2 instance", "aws", 2), ("autoScalingGroupName/", "aws", 2), ("arn:aws:", "aws", 2),
      ("Failed to regenerate ASG cache", "aws", 2), ("AWS Manager", "aws", 2), ("DescribeAutoScalingGroups", "aws", 2),
      ("googleapis.com/compute", "gce", 2), ("Spotted following instance creation error codes", "gce", 2),
      ("Mig cache", "gce", 2), ("GCE Manager", "gce", 2), ("googleapi: ", "gce", 2),
      ("instanceGroupManagers", "gce", 2),
      ("virtualMachineScaleSets", "azure", 2), ("Microsoft.Compute", "azure", 2), ("management.azure.com", "azure", 2),
      ("Azure Manager", "azure", 2), ("for vmss ", "azure", 2), ("for scale set ", "azure", 2),
      // Azure SDK for Go clients and its autorest errors (`containerservice.ManagedClustersClient#CreateOrUpdate`).
      ("ManagedClustersClient#", "azure", 2), ("VirtualMachineScaleSetsClient#", "azure", 2),
      ("VirtualMachineScaleSetVMsClient#", "azure", 2), ("autorest/azure", "azure", 2),
      ("aliyuncs.com", "alicloud", 2), ("api.hetzner.cloud", "hetzner", 2), ("api.digitalocean.com", "digitalocean", 2),
      ("cluster.x-k8s.io", "clusterapi", 2), ("MachineDeployment/", "clusterapi", 2), ("MachineSet/", "clusterapi", 2),
      ("MachinePool/", "clusterapi", 2), ("oraclecloud.com", "oci", 2), ("api.linode.com", "linode", 2),
      ("api.vultr.com", "vultr", 2), ("Magnum", "magnum", 2),
      // Providers' own names, as their start-up messages write them (`Failed to create Hetzner manager: …`).
      ("Hetzner", "hetzner", 2), ("HCLOUD_", "hetzner", 2), ("DigitalOcean", "digitalocean", 2),
      ("CloudStack", "cloudstack", 2), ("Civo ", "civo", 2), ("Vultr", "vultr", 2), ("OVHcloud", "ovhcloud", 2),
      ("Tencentcloud", "tencentcloud", 2), ("Baiducloud", "baiducloud", 2), ("Bizflycloud", "bizflycloud", 2),
      ("IonosCloud", "ionoscloud", 2), ("Kubemark", "kubemark", 2), ("Scaleway", "scaleway", 2),
      ("scaleway cloud provider", "scaleway", 2), ("volcengine", "volcengine", 2), ("equinix metal", "equinixmetal", 2),
      ("Utho ", "utho", 2), ("Linode", "linode", 2), ("Exoscale", "exoscale", 2),
      // Provider ids, weaker: another provider (Cluster API) may run on that cloud. Node names like
      // `ip-….compute.internal` name no provider: any provider's nodes on that cloud are named so.
      ("aws:///", "aws", 1), ("gce://", "gce", 1), ("azure:///", "azure", 1), ("hcloud://", "hetzner", 1),
      // Scale sets and their nodes (`aks-pool-1-vmss`, `aks-pool-1-vmss000000`) exist only on Azure.
      ("-vmss", "azure", 1),
      ("digitalocean://", "digitalocean", 1), ("linode://", "linode", 1), ("vultr://", "vultr", 1),
      ("scaleway://", "scaleway", 1), ("civo://", "civo", 1), ("exoscale://", "exoscale", 1),
      ("ionos://", "ionoscloud", 1), ("equinixmetal://", "equinixmetal", 1), ("brightbox://", "brightbox", 1),
      ("ocid1.instance", "oci", 1),
    ]

  /// The clues grouped by provider and strength (one prefilter group each, at most 64), in order of first listing.
  static let clueGroups: [(provider: String, strength: Int, literals: [String])] = messageClues.reduce(into: []) {
    groups, clue in
    if let index = groups.firstIndex(where: { $0.provider == clue.provider && $0.strength == clue.strength }) {
      groups[index].literals.append(clue.literal)
    } else {
      groups.append((clue.provider, clue.strength, [clue.literal]))
    }
  }

  /// The message clues' literals, one group per provider and strength.
  static let messagePrefilter = LiteralPrefilter(groups: clueGroups.map(\.literals))
}
