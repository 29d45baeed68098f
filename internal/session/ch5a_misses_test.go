package session_test

import (
	"fmt"
	"strings"

	"kanzen.dev/kanzen/internal/check"
)

// Chapter 5, first half: Pods, the multi-container patterns, ReplicaSets.

// pod52 is exercise 5.2's Pod with the sidecar's part given by the caller.
const pod52 = `kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
%s  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "while true; do date >> /var/log/app/app.log; sleep 5; done"]
    volumeMounts: [{name: logs, mountPath: /var/log/app}]
%s  volumes:
  - {name: logs, emptyDir: {}}
%sEOF`

// pod53 is exercise 5.3's Pod with the app's DB_ADDR and the ambassador's
// upstream given by the caller.
const pod53 = `kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "while true; do sleep 3600; done"]
    env: [{name: DB_ADDR, value: "%s"}]
  - name: ambassador
    image: alpine/socat:1.8.0.3
    args: ["TCP-LISTEN:6379,fork,reuseaddr", "TCP:%s"]
    ports: [{containerPort: 6379}]
EOF`

// pod54 replaces exercise 5.4's Pod: nginx's volumeMounts and the
// exporter's args are given by the caller.
const pod54 = `kubectl replace --force -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    ports: [{containerPort: 80}, {containerPort: 8080}]
%s
  - name: exporter
    image: nginx/nginx-prometheus-exporter:1.4.2
    args: ["%s"]
    ports: [{containerPort: 9113}]
  volumes: [{name: status-conf, configMap: {name: nginx-status}}]
EOF`

const status54 = `    volumeMounts: [{name: status-conf, mountPath: /etc/nginx/conf.d/status.conf, subPath: status.conf}]`

// rs55 is exercise 5.5's ReplicaSet with the replica count given.
const rs55 = `kubectl apply -f - <<'EOF'
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: web}
spec:
  replicas: %d
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: nginx, image: "nginx:1.27"}]}
EOF`

const rs55Ready = "\nkubectl wait --for=jsonpath='{.status.readyReplicas}'=3 replicaset/web --timeout=60s"

func init() {
	nearMisses = append(nearMisses,
		nearMiss{exercise: "5.1", name: "client calls nginx by its container name",
			script: `kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - {name: nginx, image: "nginx:1.27", ports: [{containerPort: 80}]}
  - name: client
    image: busybox:1.36
    command: ["sh", "-c", "while true; do wget -qO- http://nginx:80; sleep 5; done"]
EOF`,
			check: "localhost", status: check.Fail,
			have: "sh -c while true; do wget -qO- http://nginx:80; sleep 5; done",
			want: "a command that fetches http://localhost:80"},
		nearMiss{exercise: "5.1", name: "client fetches once, then exits",
			script: `kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - {name: nginx, image: "nginx:1.27", ports: [{containerPort: 80}]}
  - name: client
    image: busybox:1.36
    command: ["sh", "-c", "wget -qO- http://localhost:80"]
EOF`,
			check: "ready", status: check.Fail, have: "not ready yet, or restarted", want: "both ready, no restarts"},
		nearMiss{exercise: "5.1", name: "one container from kubectl run",
			script: "kubectl run web --image=nginx:1.27 --port=80",
			check:  "containers", status: check.Fail, have: "web", want: "nginx, client"},

		nearMiss{exercise: "5.2", name: "each container has its own emptyDir",
			script: fmt.Sprintf(pod52, "", `  - name: log-shipper
    image: busybox:1.36
    command: ["tail", "-F", "/var/log/app/app.log"]
    volumeMounts: [{name: shipper-logs, mountPath: /var/log/app}]
`, "  - {name: shipper-logs, emptyDir: {}}\n"),
			check: "shared", status: check.Fail,
			have: "app → logs, log-shipper → shipper-logs",
			want: "app → logs, log-shipper → logs (one volume name in both)"},
		nearMiss{exercise: "5.2", name: "an init container without restartPolicy Always",
			script: fmt.Sprintf(pod52, `  initContainers:
  - name: log-shipper
    image: busybox:1.36
    command: ["tail", "-F", "/var/log/app/app.log"]
    volumeMounts: [{name: logs, mountPath: /var/log/app}]
`, "", ""),
			check: "containers", status: check.Fail, have: "app", want: "app, log-shipper"},
		nearMiss{exercise: "5.2", name: "app writes one line and exits",
			script: fmt.Sprintf(strings.Replace(pod52, "while true; do date >> /var/log/app/app.log; sleep 5; done", "date >> /var/log/app/app.log", 1), "", `  - name: log-shipper
    image: busybox:1.36
    command: ["tail", "-F", "/var/log/app/app.log"]
    volumeMounts: [{name: logs, mountPath: /var/log/app}]
`, ""),
			check: "app-running", status: check.Fail, have: "not running yet, or restarted", want: "running, never restarted"},
		nearMiss{exercise: "5.2", name: "the sidecar mounts the volume elsewhere",
			script: fmt.Sprintf(pod52, "", `  - name: log-shipper
    image: busybox:1.36
    command: ["tail", "-F", "/logs/app.log"]
    volumeMounts: [{name: logs, mountPath: /logs}]
`, ""),
			check: "mount-path", status: check.Fail,
			have: "app → /var/log/app, log-shipper → /logs",
			want: "app → /var/log/app, log-shipper → /var/log/app"},

		nearMiss{exercise: "5.3", name: "the app talks to db directly",
			script: fmt.Sprintf(pod53, "db:6379", "db:6379"),
			check:  "app-addr", status: check.Fail, have: "db:6379", want: "localhost:6379"},
		nearMiss{exercise: "5.3", name: "the ambassador bypasses the Service",
			script: fmt.Sprintf(pod53, "localhost:6379", "redis.example.com:6379"),
			check:  "forwards", status: check.Fail,
			have: "TCP-LISTEN:6379,fork,reuseaddr TCP:redis.example.com:6379",
			want: "TCP-LISTEN:6379,fork,reuseaddr TCP:db:6379"},

		nearMiss{exercise: "5.4", name: "the exporter scrapes the Pod's name",
			script: fmt.Sprintf(pod54, status54, "--nginx.scrape-uri=http://web:8080/stub_status"),
			check:  "scrape", status: check.Fail,
			have: "http://web:8080/stub_status", want: "http://localhost:8080/stub_status"},
		nearMiss{exercise: "5.4", name: "nginx rewritten without its ConfigMap",
			script: fmt.Sprintf(pod54, "", "--nginx.scrape-uri=http://localhost:8080/stub_status"),
			check:  "nginx-config", status: check.Fail, have: "none", want: "nginx-status"},
		nearMiss{exercise: "5.4", name: "apply refused on the running Pod",
			// The API server refuses a new container on a live Pod; the
			// learner's shell carries on.
			script: strings.Replace(fmt.Sprintf(pod54, status54, "--nginx.scrape-uri=http://localhost:8080/stub_status"),
				"kubectl replace --force -f - <<'EOF'", "kubectl apply -f - <<'EOF' || true", 1),
			check: "containers", status: check.Fail, have: "nginx", want: "nginx, exporter"},

		nearMiss{exercise: "5.5", name: "extra without the app=web label",
			script: fmt.Sprintf(rs55, 3) + rs55Ready + "\nkubectl run extra --image=nginx:1.27",
			check:  "extra", status: check.Fail, have: "run=extra", want: "Pod extra with app=web"},
		nearMiss{exercise: "5.5", name: "extra before the ReplicaSet",
			script: "kubectl run extra --image=nginx:1.27 --labels=app=web\nkubectl wait --for=condition=Ready pod/extra --timeout=60s\n" +
				fmt.Sprintf(rs55, 3) + rs55Ready,
			check: "surplus", status: check.Fail, have: "none", want: "one Pod deleted by the ReplicaSet"},
		nearMiss{exercise: "5.5", name: "two replicas",
			script: fmt.Sprintf(rs55, 2),
			check:  "replicas", status: check.Fail, have: "2", want: "3"},
	)
}
