package session_test

import (
	"kanzen.dev/kanzen/internal/check"
)

// Chapter 5, troubleshooting: the plausible wrong fixes for a workload
// that does not run.

func init() {
	nearMisses = append(nearMisses,
		nearMiss{exercise: "5.13", name: "restarted instead of fixing the tag",
			script: "kubectl rollout restart deployment/web",
			check:  "image", status: check.Fail, have: "nginx:1.72", want: "nginx:1.27"},
		nearMiss{exercise: "5.13", name: "another tag that does not exist",
			script: "kubectl set image deployment/web nginx=nginx:1.277",
			check:  "image", status: check.Fail, have: "nginx:1.277", want: "nginx:1.27"},
		nearMiss{exercise: "5.13", name: "deleted and created again",
			script: "kubectl delete deployment web && kubectl create deployment web --image=nginx:1.27 --replicas=3",
			check:  "in-place", status: check.Fail, have: "1", want: "2"},

		nearMiss{exercise: "5.14", name: "the password written into the Deployment",
			script: "kubectl set env deployment/db POSTGRES_PASSWORD=kanzen",
			check:  "from-secret", status: check.Fail,
			have: "POSTGRES_DB=shop, POSTGRES_PASSWORD=kanzen",
			want: "POSTGRES_PASSWORD ← secret db-credentials/password"},
		nearMiss{exercise: "5.14", name: "the variable named after the key",
			script: "kubectl set env deployment/db --from=secret/db-credentials",
			check:  "from-secret", status: check.Fail,
			have: "POSTGRES_DB=shop, PASSWORD ← secret db-credentials/password",
			want: "POSTGRES_PASSWORD ← secret db-credentials/password"},
		nearMiss{exercise: "5.14", name: "deleted the crashing Pod",
			script: "kubectl delete pod -l app=db",
			check:  "from-secret", status: check.Fail,
			have: "POSTGRES_DB=shop",
			want: "POSTGRES_PASSWORD ← secret db-credentials/password"},

		nearMiss{exercise: "5.15", name: "a new Job under another name",
			script: `kubectl create job report-2 --image=busybox:1.36 -- sh -c "echo building the report"`,
			check:  "fresh", status: check.Fail,
			have: "the failing Job from before the exercise", want: "created during this exercise"},
		nearMiss{exercise: "5.15", name: "created again with the same command",
			script: `kubectl delete job report && kubectl create job report --image=busybox:1.36 -- sh -c "echo building the report; exit 3"`,
			check:  "command", status: check.Fail,
			have: "sh -c echo building the report; exit 3", want: "sh -c echo building the report"},
		nearMiss{exercise: "5.15", name: "deleted only its Pods",
			script: "kubectl delete pods -l job-name=report",
			check:  "fresh", status: check.Fail,
			have: "the failing Job from before the exercise", want: "created during this exercise"},

		nearMiss{exercise: "5.16", name: "the probe removed",
			script: `kubectl patch deployment web --type=json -p '[{"op": "remove", "path": "/spec/template/spec/containers/0/readinessProbe"}]'`,
			check:  "probe-port", status: check.Fail, have: "no readiness probe", want: "80"},
		nearMiss{exercise: "5.16", name: "the Service pointed at the probe's port",
			script: `kubectl patch service web -p '{"spec":{"ports":[{"port":80,"targetPort":8080}]}}'`,
			check:  "service-port", status: check.Fail, have: "8080", want: "80"},
		nearMiss{exercise: "5.16", name: "restarted instead of fixing the probe",
			script: "kubectl rollout restart deployment/web",
			check:  "probe-port", status: check.Fail, have: "8080", want: "80"},

		nearMiss{exercise: "5.17", name: "the nodeSelector removed",
			script: `kubectl patch deployment api --type=json -p '[{"op": "remove", "path": "/spec/template/spec/nodeSelector"}]'`,
			check:  "linux", status: check.Fail, have: "none", want: "kubernetes.io/os=linux"},
		nearMiss{exercise: "5.17", name: "restarted instead of fixing the selector",
			script: "kubectl rollout restart deployment/api",
			check:  "linux", status: check.Fail, have: "kubernetes.io/os=Linux", want: "kubernetes.io/os=linux"},
		nearMiss{exercise: "5.17", name: "a label no node has, added beside linux",
			script: `kubectl patch deployment api -p '{"spec":{"template":{"spec":{"nodeSelector":{"kubernetes.io/os":"linux","disktype":"ssd"}}}}}'`,
			check:  "fits", status: check.Fail, have: "none", want: "at least one node"},

		nearMiss{exercise: "5.18", name: "the Pods relabelled to match",
			script: "kubectl label pods -l app=shop app=shop-web --overwrite",
			check:  "selects", status: check.Fail, have: "0", want: "the 2 Pods of Deployment shop"},
		nearMiss{exercise: "5.18", name: "a selector with another typo",
			script: "kubectl set selector service shop app=shops",
			check:  "selects", status: check.Fail, have: "0", want: "the 2 Pods of Deployment shop"},
		nearMiss{exercise: "5.18", name: "the Deployment made again with the Service's label",
			script: `kubectl delete deployment shop && kubectl apply -f - <<'EOF'
apiVersion: apps/v1
kind: Deployment
metadata: {name: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: shop-web}}
  template:
    metadata: {labels: {app: shop-web}}
    spec: {containers: [{name: nginx, image: "nginx:1.27", ports: [{containerPort: 80}]}]}
EOF`,
			check: "labels-kept", status: check.Fail, have: "app=shop-web", want: "app=shop"},
	)
}
