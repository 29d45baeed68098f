package session_test

import (
	"fmt"

	"kanzen.dev/kanzen/internal/check"
)

// Manifests for the near misses below, each with one field a learner
// plausibly gets wrong; statefulSetWeb takes serviceName and
// podManagementPolicy.
const (
	daemonSetOnSSDNodes = `kubectl apply -f - <<'EOF'
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: node-exporter}
spec:
  selector: {matchLabels: {app: node-exporter}}
  template:
    metadata: {labels: {app: node-exporter}}
    spec:
      nodeSelector: {disktype: ssd}
      containers: [{name: node-exporter, image: "prom/node-exporter:v1.8.2"}]
EOF`
	statefulSetWeb = `kubectl create service clusterip web --clusterip=None --tcp=80:80
kubectl apply -f - <<'EOF'
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: %s
  podManagementPolicy: %s
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: nginx, image: "nginx:1.27"}]}
EOF`
	jobWithoutParallelism = `kubectl apply -f - <<'EOF'
apiVersion: batch/v1
kind: Job
metadata: {name: process}
spec:
  completions: 4
  template:
    spec:
      restartPolicy: Never
      containers: [{name: work, image: "busybox:1.36", command: [sh, -c, "echo processing one item"]}]
EOF`

	// job510 is exercise 5.10's Job with parallelism, the container's
	// name and image, and its command given by the caller.
	job510 = `kubectl apply -f - <<'EOF'
apiVersion: batch/v1
kind: Job
metadata: {name: process}
spec:
  completions: 4
  parallelism: %d
  template:
    spec:
      restartPolicy: Never
      containers: [{name: %s, image: "%s", command: %s}]
EOF`
)

// The second half of chapter 5's plausible mistakes: Deployments,
// DaemonSets, StatefulSets, Jobs and CronJobs.
func init() {
	nearMisses = append(nearMisses,
		nearMiss{exercise: "5.6", name: "latest instead of 1.27",
			script: "kubectl set image deployment/web nginx=nginx:latest",
			check:  "image", status: check.Fail, have: "nginx:latest", want: "nginx:1.27"},
		nearMiss{exercise: "5.6", name: "recreated instead of updated",
			script: "kubectl delete deployment web && kubectl create deployment web --image=nginx:1.27 --replicas=3",
			check:  "revision", status: check.Fail, have: "1", want: "2"},
		nearMiss{exercise: "5.6", name: "recreated, so no old ReplicaSet",
			script: "kubectl delete deployment web && kubectl create deployment web --image=nginx:1.27 --replicas=3",
			check:  "old-scaled-down", status: check.Fail, have: "none", want: "0"},
		nearMiss{exercise: "5.6", name: "Recreate instead of a rolling update",
			script: `kubectl patch deployment web --type=merge -p '{"spec":{"strategy":{"type":"Recreate","rollingUpdate":null}}}'
kubectl set image deployment/web nginx=nginx:1.27`,
			check: "rolling", status: check.Fail, have: "the old ReplicaSet was emptied first (Recreate)", want: "a rolling update"},
		nearMiss{exercise: "5.6", name: "no change cause",
			script: "kubectl set image deployment/web nginx=nginx:1.27 && kubectl rollout status deployment/web",
			check:  "change-cause", status: check.Fail, have: "none", want: "a kubernetes.io/change-cause annotation"},

		nearMiss{exercise: "5.7", name: "image typed back instead of undo",
			script: "kubectl set image deployment/shop nginx=nginx:1.27 && kubectl rollout status deployment/shop",
			check:  "undo", status: check.Fail, have: "kubectl-set", want: "written by kubectl rollout undo"},
		nearMiss{exercise: "5.7", name: "back to the wrong version",
			script: "kubectl set image deployment/shop nginx=nginx:1.26",
			check:  "image", status: check.Fail, have: "nginx:1.26", want: "nginx:1.27"},

		nearMiss{exercise: "5.8", name: "a Deployment with one replica per node",
			script: "kubectl create deployment node-exporter --image=prom/node-exporter:v1.8.2 --replicas=2",
			check:  "exists", status: check.Fail, have: "not found", want: "node-exporter"},
		nearMiss{exercise: "5.8", name: "a nodeSelector no node matches",
			script: daemonSetOnSSDNodes,
			check:  "one-per-node", status: check.Fail, have: "none"},

		nearMiss{exercise: "5.9", name: "an ordinary ClusterIP Service",
			script: "kubectl create service clusterip web --tcp=80:80",
			check:  "headless", status: check.Fail, want: "None"},
		nearMiss{exercise: "5.9", name: "serviceName naming another Service",
			script: fmt.Sprintf(statefulSetWeb, "nginx", "OrderedReady"),
			check:  "service-name", status: check.Fail, have: "nginx", want: "web"},
		nearMiss{exercise: "5.9", name: "Parallel Pod management",
			script: fmt.Sprintf(statefulSetWeb, "web", "Parallel"),
			check:  "ordered", status: check.Fail, have: "podManagementPolicy: Parallel, so web-1 does not wait", want: "web-1 made once web-0 was Ready"},

		nearMiss{exercise: "5.10", name: "kubectl create job, one completion",
			script: `kubectl create job process --image=busybox:1.36 -- sh -c "echo processing one item"`,
			check:  "completions", status: check.Fail, have: "1", want: "4"},
		nearMiss{exercise: "5.10", name: "no parallelism",
			script: jobWithoutParallelism,
			check:  "parallelism", status: check.Fail, have: "1", want: "2"},
		nearMiss{exercise: "5.10", name: "a container named worker",
			script: fmt.Sprintf(job510, 2, "worker", "busybox", `[sh, -c, "echo processing one item"]`),
			check:  "container", status: check.Fail, have: "worker", want: "work"},
		nearMiss{exercise: "5.10", name: "busybox without a tag",
			script: fmt.Sprintf(job510, 2, "worker", "busybox", `[sh, -c, "echo processing one item"]`),
			check:  "image", status: check.Fail, have: "busybox", want: "busybox:1.36"},
		nearMiss{exercise: "5.10", name: "another message",
			script: fmt.Sprintf(job510, 2, "work", "busybox:1.36", `[sh, -c, "echo processing"]`),
			check:  "command", status: check.Fail, have: "echo processing", want: "echo processing one item"},
		// The same command without a shell passes its check; parallelism 1
		// keeps the whole from passing.
		nearMiss{exercise: "5.10", name: "echo without a shell",
			script: fmt.Sprintf(job510, 1, "work", "busybox:1.36", `[/bin/echo, "processing one item"]`),
			check:  "command", status: check.Pass, have: "echo processing one item"},

		nearMiss{exercise: "5.11", name: "every five minutes",
			script: `kubectl create cronjob hello --image=busybox:1.36 --schedule="*/5 * * * *" -- date`,
			check:  "schedule", status: check.Fail, have: "*/5 * * * *", want: "*/1 * * * *"},
		nearMiss{exercise: "5.11", name: "no command, so the image's shell runs",
			script: `kubectl create cronjob hello --image=busybox:1.36 --schedule="*/1 * * * *"`,
			check:  "command", status: check.Fail, have: "not set (the image's default runs)", want: "date"},
		nearMiss{exercise: "5.11", name: "concurrencyPolicy left at Allow",
			script: `kubectl create cronjob hello --image=busybox:1.36 --schedule="*/1 * * * *" -- date`,
			check:  "concurrency", status: check.Fail, have: "Allow", want: "Forbid"},

		nearMiss{exercise: "5.12", name: "a Job from an image, not from the CronJob",
			script: `kubectl create job report-manual --image=busybox:1.36 -- sh -c "echo building the report"`,
			check:  "owned", status: check.Fail, have: "no owner", want: "CronJob/report"},
		nearMiss{exercise: "5.12", name: "unsuspended the CronJob",
			script: `kubectl patch cronjob report -p '{"spec":{"suspend":false}}'`,
			check:  "still-suspended", status: check.Fail, have: "not suspended", want: "suspended"},
	)
}
