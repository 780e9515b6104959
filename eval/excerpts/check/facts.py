# 101 kops old AccessDenied DescribeAutoScalingGroups
fact(101,'i','cloud aws',lambda j:cloud(j)=='aws')
fact(101,'d','failure iam/AccessDenied detected (I aws_manager.go:194 "Failed ASG info request")',lambda j:fails(j,**{'class':'iam','code':'AccessDenied'}),'I0120 16:59:30.376198 aws_manager.go:194] Failed ASG info request for nodes.domain.net: AccessDenied ...')
fact(101,'d','failure action autoscaling:DescribeAutoScalingGroups',lambda j:fails(j,action='autoscaling:DescribeAutoScalingGroups'))
fact(101,'d','failure principal assumed-role/nodes.domain.net/i-03101bf33ee2702bb',lambda j:fails(j,principal='assumed-role/nodes.domain.net/i-03101bf33ee2702bb'))
fact(101,'f','no scaling episodes invented',noep)
# 102
fact(102,'d','failure iam AccessDenied autoscaling:DescribeTags (E aws_manager.go:259)',lambda j:fails(j,**{'class':'iam'},action='autoscaling:DescribeTags',fatal=False))
fact(102,'e','fatal F aws_cloud_provider.go:351 reported as fatal failure',lambda j:fails(j,fatal=True,action='DescribeTags'))
fact(102,'d','principal eksctl-gara-int-cluster-nodegroup-NodeInstanceRole-19QKQO25WZ3M9',lambda j:fails(j,principal='NodeInstanceRole-19QKQO25WZ3M9'))
fact(102,'i','cloud aws',lambda j:cloud(j)=='aws')
fact(102,'f','no episodes',noep)
# 103 prefix + wrap
fact(103,'a','4 CAS records parsed after stripping "<pod> <container> " prefix',lambda j:j['input']['records']>=4,'auto-scaler-aws-cluster-autoscaler-5f78688568-6q4hn aws-cluster-autoscaler I1002 11:03:26.503432 ...')
fact(103,'a','noScaleUp pod production/myapp-server-0 (NotTriggerScaleUp event)',lambda j:nsu(j,'myapp-server-0'))
fact(103,'c','wrapped record line1+2 ("...cannot put produ" / "ction/...") joined: predicate "node(s) didn\'t match node selector" for nodes.prod.example.com',lambda j:any('node selector' in r for x in j['noScaleUps'] for r in x['reasons']) or j['input']['continuationLines']>=2,'L1-2')
# 104
fact(104,'f','noScaleUp pod test/test-69c4886596-pssfj',lambda j:nsu(j,'test/test-69c4886596-pssfj'))
fact(104,'f','reason node selector',lambda j:nsu(j,'test-69c4886596-pssfj','node selector'))
fact(104,'f','no episodes',noep)
# 105
fact(105,'f','noScaleUp pod restic-2r6cr (predicate NodeAffinity on eks-d6bf7003..., "No pod can fit", "No expansion optiions")',lambda j:nsu(j,'restic-2r6cr'),'I0211 15:35:46.498813 scale_up.go:288] Pod restic-2r6cr can\'t be scheduled on eks-d6bf7003-... predicateName=NodeAffinity')
fact(105,'j','"No expansion optiions" (typo of 1.2x) recognised',lambda j:j['input']['unrecognized']==0,'I0211 15:35:46.498872 scale_up.go:441] No expansion optiions')
fact(105,'f','no episodes',noep)
# 106 gardener
fact(106,'a','JSON envelope {"log":...,"severity":"I","source":"scale_up.go:288"} after "2020-12-09 17:07:14" parsed',lambda j:j['input']['records']>=1 and j['input']['malformed']<2,'2020-12-09 17:07:14{"log":"Pod devspace-node-overprovisioner-pause-58bbd85ddf-pbkx9 can\'t be scheduled on shoot--devx-eldor--balan2-system-z1, ...","pid":"1","severity":"I","source":"scale_up.go:288"}')
fact(106,'a','year 2020 from envelope',lambda j:j['input']['year']==2020)
fact(106,'b','header-less event "pod didn\'t trigger scale-up (...): 2 node(s) didn\'t match node selector, 1 not ready for scale-up" -> noScaleUp',lambda j:nsu(j,None,'node selector'),"cluster-autoscaler  pod didn't trigger scale-up (it wouldn't fit if a new node is added): 2 node(s) didn't match node selector, 1 not ready for scale-up")
# 107
fact(107,'d','failure quota OperationNotAllowed (E azure_scale_set.go:256 CreateOrUpdate)',lambda j:fails(j,**{'class':'quota'}),'E1203 10:35:27.111510 azure_scale_set.go:256] virtualMachineScaleSetsClient.CreateOrUpdate for scale set "k8s-workers-x-vmss" failed: ... Code="OperationNotAllowed" ... exceeding quota limit of standardDSv3Family Cores')
fact(107,'d','failure code OperationNotAllowed',lambda j:fails(j,code='OperationNotAllowed'))
fact(107,'d','failure nodeGroup k8s-workers-x-vmss',lambda j:fails(j,nodeGroup='k8s-workers-x-vmss'))
fact(107,'i','cloud azure',lambda j:cloud(j)=='azure')
# 108 kubectl get events
fact(108,'b','kubectl-get-events row FailedToScaleUpGroup -> failure quota',lambda j:fails(j,**{'class':'quota'}),'89s         Warning   FailedToScaleUpGroup   ConfigMap   Scale-up failed for group aks-default-21938529-vmss: ... Code="OperationNotAllowed" ... quota limits of Core')
fact(108,'b','failure nodeGroup aks-default-21938529-vmss',lambda j:fails(j,nodeGroup='aks-default-21938529-vmss'))
fact(108,'b','cloud azure',lambda j:cloud(j)=='azure')
# 109 describe
fact(109,'b','kubectl-describe event FailedToScaleUpGroup -> failure for group agentpool',lambda j:fails(j,nodeGroup='agentpool'),'Warning  FailedToScaleUpGroup  29m   cluster-autoscaler  Scale-up failed for group agentpool: containerservice.ManagedClustersClient#CreateOrUpdate: ... StatusCode=409')
fact(109,'b','failure code 409 / conflict',lambda j:fails(j,message='409'))
fact(109,'b','cloud azure',lambda j:cloud(j)=='azure')
# 110 gce 1.1 single space
fact(110,'i','cloud gce (googleapis instanceGroups URLs)',lambda j:cloud(j)=='gce','I0127 04:52:37.565409 5 scale_up.go:110] Skipping node group https://content.googleapis.com/compute/v1/projects/global-snow-193212/zones/europe-west1-b/instanceGroups/kubernetes-minion-group - max size reached')
fact(110,'f','group europe-west1-b reported at max size (no scale-up possible)',lambda j:'europe-west1-b' in json.dumps(j['noScaleUps']+j['backoffs']) ,'... - max size reached')
fact(110,'f','groups europe-west1-d / -c reported not ready for scale-up',lambda j:'europe-west1-d' in json.dumps(j['noScaleUps']+j['backoffs']),'W0127 04:52:37.566044 5 scale_up.go:99] Node group .../europe-west1-d/instanceGroups/kubernetes-minion-group is not ready for scaleup')
# 111 wrapped
fact(111,'c','email-wrapped records joined (3 records, no malformed)',lambda j:j['input']['malformed']==0,'L1-4')
fact(111,'c','max-size group europe-west1-b reported',lambda j:'europe-west1-b' in json.dumps(j['noScaleUps']+j['backoffs']),'L1-4')
fact(111,'i','cloud gce',lambda j:cloud(j)=='gce')
# 112 gce event only
fact(112,'f','scale-up episode for .../kt2-6a7d0aef-4f19-minion-group from TriggeredScaleUp event',lambda j:ups(j,'kt2-6a7d0aef-4f19-minion-group'),"I0409 14:09:45.882519 event_sink_logging_wrapper.go:48] Event(...Kind:\"Pod\"... 'TriggeredScaleUp' pod triggered scale-up: [{https://www.googleapis.com/.../instanceGroups/kt2-6a7d0aef-4f19-minion-group 3->5 (max: 6)}]")
fact(112,'f','3->5 (max 6)',lambda j:any(s['from']==3 and s['to']==5 and s['max']==6 for s in ups(j,'kt2-')))
fact(112,'f','triggering pod autoscaling-5580/increase-size-pod-wmxd9',lambda j:any('increase-size-pod-wmxd9' in str(s['triggeringPods']) for s in ups(j)))
fact(112,'i','cloud gce',lambda j:cloud(j)=='gce')
# 113
fact(113,'f','no episodes invented (only unschedulable pods + Upcoming 0)',noep)
# 114
fact(114,'a','backtick-quoted W line parsed',lambda j:j['input']['records']>=1 and j['input']['malformed']==0,'`W0824 14:01:35.660707       1 scale_up.go:105] Node group cr-k8s-dev-team-CASE20180822120533398900000002 is not ready for scaleup')
fact(114,'a','group cr-k8s-dev-team-CASE2018... reported not ready for scale-up',lambda j:'cr-k8s-dev-team' in json.dumps(j))
# 115 hetzner
fact(115,'f','one scale-up win-worker ->1',lambda j:len(j['scaleUps'])==1 and ups(j,'win-worker') and ups(j,'win-worker')[0]['to']==1)
fact(115,'f','decided 10:49:04.601780, pending',lambda j:ups(j,'win-worker')[0]['outcome']=='pending' and '10:49:04.60178' in ups(j,'win-worker')[0]['decidedAt'])
fact(115,'i','cloud hetzner',lambda j:cloud(j)=='hetzner')
# 116 k9s
fact(116,'a','"│ ... │" k9s frame stripped: version 1.26.2',lambda j:'1.26.2' in j['autoscaler']['versions'],'│ I0522 09:04:11.339007       1 main.go:474] Cluster Autoscaler 1.26.2          ...          │')
fact(116,'a','leader true',lambda j:j['autoscaler']['isLeader'] is True)
fact(116,'a','cloud hetzner',lambda j:cloud(j)=='hetzner')
# 117
fact(117,'g','leader true',lambda j:j['autoscaler']['isLeader'] is True)
fact(117,'i','cloud hetzner',lambda j:cloud(j)=='hetzner')
fact(117,'f','no episodes ("Set node group pool1 size from 1 to 1" is not a scale-up)',noep)
# 118
fact(118,'a','version 1.27.3 (first line starts with a backtick)',lambda j:'1.27.3' in j['autoscaler']['versions'],'`I0917 20:17:18.193930       1 main.go:534] Cluster Autoscaler 1.27.3')
fact(118,'g','not leader (lock held by cluster-autoscaler-7c45954d75-65fxc)',lambda j:j['autoscaler']['isLeader'] is False)
fact(118,'f','no episodes',noep)
# 119
fact(119,'d','capacity failure compute-1 placeholder-cannot-be-fulfilled',lambda j:fails(j,nodeGroup='compute-1-AutoScalingGroup',code='placeholder-cannot-be-fulfilled',**{'class':'capacity'}))
fact(119,'d','backoff compute-1 until 21:34:04.970892339 OutOfResource',lambda j:bo(j,'compute-1',errorClass='OutOfResource',until='21:34:04.97'))
fact(119,'f','failed scale-up episode for compute-1 (68 nodes could not be added)',lambda j:any(s['outcome']=='failed' for s in ups(j,'compute-1')),'I0511 21:29:05.854410 clusterstate.go:1084] Failed adding 68 nodes (68 unseen previously) to group compute-1-AutoScalingGroup due to OutOfResource.placeholder-cannot-be-fulfilled')
fact(119,'d','compute-2 capacity problem ("Instance group compute-2-AutoScalingGroup cannot provision any more nodes!")',lambda j:fails(j,nodeGroup='compute-2'),'W0511 21:30:33.170140 auto_scaling_groups.go:453] Instance group compute-2-AutoScalingGroup cannot provision any more nodes!')
fact(119,'h','year 2023 (message)',lambda j:j['input']['year']==2023)
fact(119,'i','cloud aws',lambda j:cloud(j)=='aws')
# 120 headerless
fact(120,'b','header-less "Scale-up timed out for node group ng-1-9af2fac after 15m5.826849861s" -> timeout failure',lambda j:fails(j,nodeGroup='ng-1-9af2fac',**{'class':'timeout'}),'Scale-up timed out for node group ng-1-9af2fac after 15m5.826849861s')
fact(120,'b','backoff ng-1-9af2fac until 2024-02-11 10:47:42.875469718, timeout',lambda j:bo(j,'ng-1-9af2fac',errorCode='timeout'),'Disabling scale-up for node group ng-1-9af2fac until 2024-02-11 10:47:42.875469718 +0000 UTC m=+1232.844506453; errorClass=Other; errorCode=timeout')
fact(120,'b','year 2024 (message)',lambda j:j['input']['year']==2024)
# 121
fact(121,'f','unregistered node removal episode aws:///eu-west-1c/i-XXXXXXX',lambda j:downs(j,'i-XXXXXXX'))
fact(121,'f','its removal failed/skipped: node group min size reached',lambda j:any(s['outcome'] in ('failed','blocked','skipped') for s in downs(j,'i-XXXXXX')),'W0417 10:50:13.835734 utils.go:340] Failed to remove node aws:///eu-west-1c/i-XXXXXX: node group min size reached, skipping unregistered node removal')
fact(121,'i','cloud aws (aws:/// provider IDs)',lambda j:cloud(j)=='aws','I0417 10:50:13.797744 utils.go:324] Removing unregistered node aws:///eu-west-1c/i-XXXXXXX')
# 122
fact(122,'a','backtick-quoted W line parsed ("Cluster is not ready for autoscaling: wrong number of nodes for node group: k8s-worker expected: 3 actual: 2")',lambda j:j['input']['records']>=1,'`W1018 14:50:46.022562       1 cluster_autoscaler.go:191] Cluster is not ready for autoscaling: wrong number of nodes for node group: k8s-worker expected: 3 actual: 2`')
# 123
fact(123,'d','capacity failure eks-iv-prod-gpu-01 placeholder-cannot-be-fulfilled',lambda j:fails(j,nodeGroup='eks-iv-prod-gpu-01',**{'class':'capacity'}))
fact(123,'f','failed scale-up episode eks-iv-prod-gpu-01 (39 nodes)',lambda j:any(s['outcome']=='failed' for s in ups(j,'eks-iv-prod-gpu-01')),'I0111 13:51:27.430029 clusterstate.go:1145] Failed adding 39 nodes (39 unseen previously) to group eks-iv-prod-gpu-01-... due to OutOfResource.placeholder-cannot-be-fulfilled')
fact(123,'a','collector timestamp lines "2026-01-11 19:21:27.430 " taken as envelope (not malformed garbage), year from envelope',lambda j:j['input']['malformed']==0 and j['input']['yearSource']!='assumed','2026-01-11 19:21:27.430 ')
fact(123,'i','cloud aws',lambda j:cloud(j)=='aws')
# 124
fact(124,'f','scale-up C ->2 failed',lambda j:any(s['outcome']=='failed' and s['to']==2 for s in ups(j,'C')))
fact(124,'d','failure "failed to increase node group size: TEST ERROR", scaleUp, group C',lambda j:fails(j,operation='scaleUp',nodeGroup='C'))
fact(124,'d','backoff C until 2017-08-04 13:51:36.71927704 (old format without errorClass)',lambda j:bo(j,'C'),'W0804 13:46:36.719290 clusterstate.go:238] Disabling scale-up for node group C until 2017-08-04 13:51:36.71927704 +0000 UTC')
fact(124,'h','year 2017 (from backoff message)',lambda j:j['input']['year']==2017)
# 125
fact(125,'b','kubectl-describe event ScaleDownFailed -> scale-down failure',lambda j:fails(j,operation='scaleDown'),"  Warning  ScaleDownFailed  12m                  cluster-autoscaler  failed to drain and delete node: Failed to drain node /kube-system-e3d1bdf6-5d6bb-z7mss, ... violate the pod's disruption budget.)]")
fact(125,'b','node kube-system-e3d1bdf6-5d6bb-z7mss named',lambda j:'kube-system-e3d1bdf6-5d6bb-z7mss' in json.dumps(j['failures']+j['scaleDowns']))
# 126
fact(126,'f','blocked scale-down thebox-worker-d061fb62-85d7b-64c24 PDB',lambda j:bsd(j,'thebox-worker-d061fb62-85d7b-64c24','podDisruptionBudget'))
fact(126,'f','blocking pod default/nginx-deployment-7b7f558fc8-llt62',lambda j:any('nginx-deployment-7b7f558fc8-llt62' in str(b['pod']) for b in j['blockedScaleDowns']),'I1113 23:27:12.172285 cluster.go:170] node thebox-worker-d061fb62-85d7b-64c24 cannot be removed: not enough pod disruption budget to move default/nginx-deployment-7b7f558fc8-llt62')
# 127
fact(127,'f','scale-down ip-10-0-0-142 failed (drain)',lambda j:any(s['outcome']=='failed' for s in downs(j,'ip-10-0-0-142')))
fact(127,'d','failure scaleDown names node',lambda j:fails(j,operation='scaleDown',node='ip-10-0-0-142'))
# 128
fact(128,'a','"│ ... │" frame stripped: 4 records',lambda j:j['input']['records']>=4,'│ I0107 11:19:28.672632       1 scale_down.go:444] Node ip-10-110-39-169.ap-southeast-3.compute.internal is not suitable for removal - memory utilization too big (0.636824)    │')
fact(128,'a','ip-10-110-39-169 / ip-10-110-21-161 not removable: utilization too big',lambda j:'ip-10-110-39-169' in json.dumps(j))
# 129
fact(129,'d','failure 400 ManagedClustersClient#CreateOrUpdate during scale-up',lambda j:fails(j,message='StatusCode=400'),"E0803 09:32:09.235468 1 azure_container_service_pool.go:262] containerservice.ManagedClustersClient#CreateOrUpdate: Failure sending request: StatusCode=400 -- Original Error: Code='' Message=''")
fact(129,'d','backoff nodepool1 until 2018-08-03 09:37:09.235697049 (no errorClass)',lambda j:bo(j,'nodepool1'),'W0803 09:32:09.235703 1 clusterstate.go:223] Disabling scale-up for node group nodepool1 until 2018-08-03 09:37:09.235697049 +0000 UTC m=+332.407663323')
fact(129,'f','scale-up nodepool1 1->4 failed (Current size: 1, Target size requested: 4)',lambda j:any(s['outcome']=='failed' for s in ups(j,'nodepool1')),'I0803 09:32:09.104373 1 azure_container_service_pool.go:241] Current size: 1, Target size requested: 4')
fact(129,'h','year 2018 (backoff message)',lambda j:j['input']['year']==2018)
fact(129,'i','cloud azure',lambda j:cloud(j)=='azure')
# 130
fact(130,'f','version 0.4.0',lambda j:'0.4.0' in j['autoscaler']['versions'])
fact(130,'g','not leader (repeated "failed to renew lease kube-system/cluster-autoscaler")',lambda j:j['autoscaler']['isLeader'] is False,'I0302 14:36:51.220822       5 leaderelection.go:210] failed to renew lease kube-system/cluster-autoscaler')
# 131
fact(131,'b','kubectl-describe pod event TriggeredScaleUp -> scale-up ibm://acc///cluster1/nodegroup1',lambda j:ups(j,'nodegroup1'),' Normal  TriggeredScaleUp    18m        cluster-autoscaler pod triggered scale-up: [{ibm://acc///cluster1/nodegroup1 1->2 (max: 8)}]')
fact(131,'b','1->2 (max 8)',lambda j:any(s['from']==1 and s['to']==2 for s in ups(j,'nodegroup1')))
# 132
fact(132,'b','header-less "static_autoscaler.go:427] Failed to scale up: Could not compute total resources: No node info for: ..." -> scaleUp failure',lambda j:fails(j,operation='scaleUp'),'static_autoscaler.go:427] Failed to scale up: Could not compute total resources: No node info for: 48cc4907-5650-4d42-b385-293f5ada1d8d')
# 133
fact(133,'b','header-less "Failed to create Hetzner manager: ..." -> startup failure',lambda j:len(j['failures'])>=1,'Failed to create Hetzner manager: `HCLOUD_CLOUD_INIT` is not specified')
fact(133,'e','fatal',lambda j:fails(j,fatal=True))
fact(133,'i','cloud hetzner',lambda j:cloud(j)=='hetzner')
# 134
fact(134,'a','"cluster-autoscaler " container prefix stripped; scale-up timeout failure detected',lambda j:fails(j,**{'class':'timeout'}),'cluster-autoscaler W1123 11:14:33.519660       1 clusterstate.go:200] Scale-up timed out for node')
fact(134,'a','backoff/not-ready-backoff for .../instanceGroups/$GROUP',lambda j:'instanceGroups/$GROUP' in json.dumps(j['backoffs']),'cluster-autoscaler W1115... scale_up.go:325] Node group https://content.googleapis.com/compute/v1/projects/$PROJECT/zones/us-central1-X/instanceGroups/$GROUP is not ready for scaleup - backoff')
fact(134,'b','damaged header "I112311:15:56.191019 1" -> min size reached for $NODE',lambda j:bsd(j,'$NODE'),'cluster-autoscaler I112311:15:56.191019 1 utils.go:521] Skipping $NODE - node group min size reached')
fact(134,'i','cloud gce',lambda j:cloud(j)=='gce')
# 135
fact(135,'a','AKS diagnostic JSON: min size reached aks-default-21938529-vmss000000',lambda j:bsd(j,'aks-default-21938529-vmss000000','minSize'))
fact(135,'h','year 2019 (envelope time)',lambda j:j['input']['year']==2019)
fact(135,'i','cloud azure (Microsoft.ContainerService envelope, vmss node)',lambda j:cloud(j)=='azure')
# 136
fact(136,'a','"<RFC3339> [Normal] pod didn\'t trigger scale-up: ..." spawner event -> noScaleUp with backoff reason',lambda j:nsu(j,None,'backoff'),"2023-02-08T18:24:48Z [Normal] pod didn't trigger scale-up: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had taint {k8s.dask.org_dedicated: worker}, that the pod didn't tolerate, 1 in backoff after failed scale-up")
fact(136,'a','year 2023 from timestamps',lambda j:j['input']['year']==2023)
# 137
fact(137,'a','backtick-prefixed E line parsed -> iam failure (AuthorizationFailed 403)',lambda j:fails(j,**{'class':'iam'}),'`E0208 08:54:43.057787       1 azure_scale_set.go:199] VirtualMachineScaleSetVMsClient.List failed for k8s-agentpool1-39472669-vmss: ... autorest/azure: Serv')
fact(137,'c','wrapped continuation joined: action Microsoft.Compute/virtualMachineScaleSets/virtualMachines/read',lambda j:fails(j,action='virtualMachines/read'),'L1-3')
fact(137,'a','cloud azure',lambda j:cloud(j)=='azure')
# 138
fact(138,'d','credentials failure (adal token refresh failed) for vmss k8s-agentpool1-19133377-vmss',lambda j:fails(j,**{'class':'credentials'}),'E0316 18:57:29.925863 azure_scale_set.go:569] Failed to get current size for vmss "k8s-agentpool1-19133377-vmss": azure.BearerAuthorizer#WithAuthorization: Failed to refresh the Token ... dial tcp: i/o timeout')
fact(138,'d','failure nodeGroup k8s-agentpool1-19133377-vmss',lambda j:fails(j,nodeGroup='k8s-agentpool1-19133377-vmss'))
fact(138,'i','cloud azure',lambda j:cloud(j)=='azure')
# 139
fact(139,'a','stern "<pod> <container> " prefix stripped (4 records)',lambda j:j['input']['records']>=4,'cluster-autoscaler-76fdd8b4d-tb49v cluster-autoscaler I0223 15:21:51.479724       1 expendable.go:41] Pod compute-node-ep-falling-sound-830915-5b687b957-5vsvb will be scheduled after low priority pods are preempted on ... Ignoring in scale up.')
fact(139,'f','no episodes',noep)
# 140
fact(140,'a','"ns/pod[container]: " prefix stripped (4 records)',lambda j:j['input']['records']>=4,'default/cbzzz-capl-cluster-autoscaler-7dfd67c69d-dbhwh[cluster-autoscaler]: I0417 14:19:59.258406       1 clusterapi_provider.go:68] discovered node group: MachineDeployment/default/cbzzz-capl-md-0 (min: 1, max: 10, replicas: 2)')
fact(140,'a','cloud clusterapi',lambda j:cloud(j) in ('clusterapi','cluster-api'))
# 141
fact(141,'d','scale-down failure (empty node deletion; Unable to update MachineDeployment)',lambda j:fails(j,operation='scaleDown'))
fact(141,'d','failure names node shoot--jaas--jaask8sos-worker-unfpk-z1-88cbf4966-vg5fg',lambda j:fails(j,node='88cbf4966-vg5fg'),'E1025 07:39:07.131582 scale_down.go:641] Problem with empty node deletion: failed to delete shoot--jaas--jaask8sos-worker-unfpk-z1-88cbf4966-vg5fg: Unable to update MachineDeployment object ...')
fact(141,'f','failed empty scale-down episode for ...-vg5fg',lambda j:any(s['outcome']=='failed' for s in downs(j,'vg5fg')))
# 142
fact(142,'f','2 empty scale-downs .62 and .64',lambda j:downs(j,'192.168.161.62') and downs(j,'192.168.161.64'))
fact(142,'f','.64 succeeded (node removed event); .62 pending',lambda j:downs(j,'192.168.161.64')[0]['outcome']=='succeeded' and downs(j,'192.168.161.62')[0]['outcome']=='pending')
# 143
fact(143,'f','no scale-down (unneeded 9m52s, No candidates)',noep)
fact(143,'h','year 2020 (message)',lambda j:j['input']['year']==2020)
# 144
fact(144,'f','2 empty scale-downs ip-172-31-61-210 & ip-172-31-58-228',lambda j:downs(j,'ip-172-31-61-210') and downs(j,'ip-172-31-58-228'))
fact(144,'f','both pending (no deletion result in excerpt)',lambda j:all(s['outcome']=='pending' for s in j['scaleDowns']))
# 145
fact(145,'f','no scale-up invented (best option only, no plan)',lambda j:not j['scaleUps'] and not j['failures'])
# 146
fact(146,'f','no scale-up invented and no failure',lambda j:not j['scaleUps'] and not j['failures'])
# 147
fact(147,'f','scale-up xxxx-xxx-spot-... 15->16 (max 500)',lambda j:any(s['from']==15 and s['to']==16 and s['max']==500 for s in ups(j,'xxxx-xxx-spot')))
fact(147,'f','pending, estimated 1',lambda j:ups(j,'xxxx-xxx-spot')[0]['outcome']=='pending' and ups(j,'xxxx-xxx-spot')[0]['estimatedNodes']==1)
fact(147,'h','year 2020',lambda j:j['input']['year']==2020)
fact(147,'i','cloud aws',lambda j:cloud(j)=='aws')
# 148
fact(148,'f','blocked minSize ip-.....eu-central-1.compute.internal',lambda j:bsd(j,'eu-central-1','minSize'))
fact(148,'f','no scale-up / noScaleUp for daemonset pod promtail',lambda j:not j['scaleUps'] and not j['noScaleUps'])
# 149
fact(149,'f','no scale-up / noScaleUp (pod fits existing node)',lambda j:not j['scaleUps'] and not j['noScaleUps'])
# 150
fact(150,'h','year 2025 (message)',lambda j:j['input']['year']==2025)
fact(150,'f','no episodes',noep)
# 151
fact(151,'f','3 blocked kubeSystemPod with pods',lambda j:len([b for b in j['blockedScaleDowns'] if b['reason']=='kubeSystemPod' and b['pod']])==3)
# 152
fact(152,'d','failure "could not find vmss: flexible6ek89d2-mp-0"',lambda j:fails(j,nodeGroup='flexible6ek89d2-mp-0'),'E0615 17:54:59.253123 azure_scale_set.go:155] failed to get information for VMSS: flexible6ek89d2-mp-0, error: could not find vmss: flexible6ek89d2-mp-0')
fact(152,'i','cloud azure',lambda j:cloud(j)=='azure')
# 153
fact(153,'d','credentials NoCredentialProviders failure',lambda j:fails(j,**{'class':'credentials'},fatal=False))
fact(153,'e','fatal F aws_cloud_provider.go:376',lambda j:fails(j,fatal=True,**{'class':'credentials'}))
fact(153,'i','cloud aws',lambda j:cloud(j)=='aws')
# 154
fact(154,'d','credentials failure from I-level "Failed to describe ASG tags ... NoCredentialProviders"',lambda j:fails(j,**{'class':'credentials'}),'I0523 13:41:00.590344       1 auto_scaling.go:133] Failed to describe ASG tags for keys [...] : NoCredentialProviders: no valid providers in chain. Deprecated.')
fact(154,'e','fatal F cloud_provider_builder.go:91 "Failed to create AWS cloud provider: Failed to get ASGs: NoCredentialProviders"',lambda j:fails(j,fatal=True),'F0523 13:41:00.590414       1 cloud_provider_builder.go:91] Failed to create AWS cloud provider: Failed to get ASGs: NoCredentialProviders: no valid providers in chain. Deprecated.')
fact(154,'i','cloud aws',lambda j:cloud(j)=='aws')
# 155
fact(155,'d','credentials failure (E aws_manager.go:128)',lambda j:fails(j,**{'class':'credentials'},fatal=False))
fact(155,'e','fatal F aws_cloud_provider.go:455',lambda j:fails(j,fatal=True))
fact(155,'i','cloud aws',lambda j:cloud(j)=='aws')
# 156
fact(156,'b','partial-header "static_autoscaler.go:275] Failed to scale up: max node total count already reached" -> scale-up failure',lambda j:fails(j,operation='scaleUp'),'static_autoscaler.go:275] Failed to scale up: max node total count already reached')
fact(156,'b','group openshift-cluster-api/amcdermo-ca-worker-us-east-2b named (best option, estimated 18, capped to cluster total 23)',lambda j:'amcdermo-ca-worker-us-east-2b' in json.dumps(j['scaleUps']+j['failures']+j['noScaleUps']),'scale_up.go:432] Capping size to max cluster total size (23)')
# 157
fact(157,'b','kubectl get events (wide, columns wrapped "cl"/"uster-autoscaler") ScaledUpGroup -> scale-up [groupname] ->1',lambda j:ups(j,'[groupname]'),'L3-4')
fact(157,'b','ScaleDownEmpty -> empty scale-down of [nodename]',lambda j:downs(j,'[nodename]'))
# 158
fact(158,'f','2 blocked minSize vk-dh-system-... and vk-dh-worker-...',lambda j:bsd(j,'vk-dh-system-f2800271-5585f-npr7q','minSize') and bsd(j,'vk-dh-worker-f2800271-68c7c-b7lfp','minSize'))
fact(158,'h','year 2024',lambda j:j['input']['year']==2024)
fact(158,'f','no episodes',noep)
# 159
fact(159,'b','"HH:MM:SS.mmm - <message>" lines recognised (not ready: wrong number of nodes for mig, expected 9 actual 10 ...)',lambda j:j['input']['records']>=4,'12:06:28.000 - Cluster is not ready for autoscaling: wrong number of nodes for mig: https://content.googleapis.com/compute/v1/projects/XXXXX/zones/europe-west1-d/instanceGroups/kubernetes-minion-group expected: 9 actual: 10')
fact(159,'i','cloud gce',lambda j:cloud(j)=='gce')
# 160
fact(160,'a','"<pod> <container> " prefix stripped from both lines (2 records, two containers of one pod)',lambda j:j['input']['records']>=2,'cluster-scaler-azc-126014070-t3ky3 cluster-scaler-gen-azc I1216 17:18:27.235205       1 leaderelection.go:295] lock is held by cluster-scaler-azb-3625505393-a3n2b and has not yet expired')
fact(160,'a','not leader: lease held by another replica cluster-scaler-azb-3625505393-a3n2b / failed to renew lease',lambda j:j['autoscaler']['isLeader'] is False)
# 161
fact(161,'b','mangled fragment "lock is held by ... |leaderelection.go:255] failed to acquire lease cluster/cluster-autoscaler" -> standby replica',lambda j:j['autoscaler']['isLeader'] is False,'`lock is held by cluster-autoscaler-xxxxxx and has not yet expired      ...      |leaderelection.go:255] failed to acquire lease cluster/cluster-autoscaler`')
# 162
fact(162,'f','scale-up on-demand-large.k8s.example.com 0->1 (max 5) from TriggeredScaleUp events only',lambda j:any(s['from']==0 and s['to']==1 for s in ups(j,'on-demand-large.k8s.example.com')),"I0413 07:04:34.380770 factory.go:33] Event(...Kind:\"Pod\", Namespace:\"default\", Name:\"ubuntu-7dd49546bf-mdnks\"...): type: 'Normal' reason: 'TriggeredScaleUp' pod triggered scale-up: [{on-demand-large.k8s.example.com 0->1 (max: 5)}]")
fact(162,'f','3 triggering pods (default/ubuntu-7dd49546bf-mdnks, kube-addons/aws-autoscaling-exporter-77ff5cdb-nddgr, ingress-nginx-internal/nginx-ingress-controller-5cc89f6c64-x9kbq)',lambda j:any(s['triggeringPodCount']>=3 for s in ups(j)))
# 163
fact(163,'b','kubectl-describe Events rows: scale-up MachineDeployment/tkg-ns-3/tkg-cluster-3-auto-md-0-fhrws 1->2 (max 4)',lambda j:any(s['to']==2 for s in ups(j,'tkg-cluster-3-auto-md-0-fhrws')),'  Normal  ScaledUpGroup   27m   cluster-autoscaler  Scale-up: setting group MachineDeployment/tkg-ns-3/tkg-cluster-3-auto-md-0-fhrws size to 2 instead of 1 (max: 4)')
fact(163,'b','empty scale-down of ...-q6fqc, succeeded ("empty node ... removed")',lambda j:any(s['outcome']=='succeeded' for s in downs(j,'q6fqc')),'  Normal  ScaleDownEmpty  55s   cluster-autoscaler  Scale-down: empty node tkg-cluster-3-auto-md-0-fhrws-757648f59cxq4hlz-q6fqc removed')
fact(163,'b','cloud clusterapi (MachineDeployment/ group id)',lambda j:cloud(j) in ('clusterapi','cluster-api'))
# 164
fact(164,'b','kubectl-describe Events row: scale-up 606ac80ef9253182e9bc8f64 to 3',lambda j:any(s['to']==3 for s in ups(j,'606ac80ef9253182e9bc8f64')),'  Normal  ScaledUpGroup  6m49s  cluster-autoscaler  Scale-up: setting group 606ac80ef9253182e9bc8f64 size to 3')
# 165
fact(165,'a','4-space indent stripped; scale-up eks-eks-node-group-bad02f24-... to 3',lambda j:any(s['to']==3 for s in ups(j,'eks-eks-node-group-bad02f24')))
fact(165,'f','from 1 and max 3 taken from the TriggeredScaleUp event (1->3 (max: 3))',lambda j:any(s['from']==1 and s['max']==3 for s in ups(j,'eks-eks-node-group-bad02f24')),"    I0902 12:04:34.087353 event_sink_logging_wrapper.go:48] Event(v1.ObjectReference{Kind:\"Pod\", Namespace:\"default\", Name:\"nginx-5cf8dc6bc5-k9k52\" ... reason: 'TriggeredScaleUp' pod triggered scale-up: [{eks-eks-node-group-bad02f24-... 1->3 (max: 3)}]")
fact(165,'f','triggering pod default/nginx-5cf8dc6bc5-k9k52 (event with "..." elision inside the line)',lambda j:any('nginx-5cf8dc6bc5-k9k52' in str(s['triggeringPods']) for s in ups(j)))
# 166
fact(166,'i','cloud cloudstack (cloudstack_manager.go)',lambda j:cloud(j)=='cloudstack','I0313 15:45:26.022450       1 cloudstack_manager.go:88] Got cluster : &{7c06e610-145c-4806-be2b-99f37a2b2b75 voyager 1 3 1 1 [...]}')
fact(166,'f','no scale-up / scale-down episode invented ("2 unregistered nodes present" is not a removal)',noep)
