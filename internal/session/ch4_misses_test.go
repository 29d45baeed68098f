package session_test

import (
	"fmt"

	"kanzen.dev/kanzen/internal/check"
)

// webManifest is exercise 4.1's file: a Deployment web with %d replicas
// and a Service web, applied with the kubectl verb %s.
const webManifest = `kubectl %s -f - <<'EOF'
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {app: web}}
spec:
  replicas: %d
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: nginx, image: "nginx:1.27"}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 80}]
EOF`

// webPod is exercise 4.3's Pod web with the container fields %s.
const webPod = `kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  volumes: [{name: html, configMap: {name: app-config}}]
  containers:
  - name: nginx
    image: nginx
%s
EOF`

const appConfig = "kubectl create configmap app-config --from-literal=GREETING=hello --from-literal=COLOR=blue --from-literal=index.html='<h1>hi</h1>'"

const limitRange = `kubectl apply -f - <<'EOF'
apiVersion: v1
kind: LimitRange
metadata: {name: defaults}
spec:
  limits:
  - type: Container
%s
EOF`

const quota = "kubectl create quota compute --hard=pods=5,requests.cpu=1,requests.memory=1Gi,limits.cpu=2,limits.memory=2Gi"

func init() {
	nearMisses = append(nearMisses,
		// 4.1 Apply, change, apply again
		nearMiss{exercise: "4.1", name: "applied 3 replicas straight away",
			script: fmt.Sprintf(webManifest, "apply", 3),
			check:  "reapplied", status: check.Fail, have: "3", want: "2 replicas, then 3"},
		nearMiss{exercise: "4.1", name: "scaled instead of re-applying",
			script: fmt.Sprintf(webManifest, "apply", 2) + "\nkubectl scale deployment web --replicas=3",
			check:  "replicas-owner", status: check.Fail, have: "kubectl (scale)", want: "spec.replicas set by kubectl apply"},
		nearMiss{exercise: "4.1", name: "created instead of applied",
			script: fmt.Sprintf(webManifest, "create", 2),
			check:  "applied", status: check.Fail, have: "kubectl-create", want: "written by kubectl apply"},

		// 4.2 Relabel and annotate Pods
		nearMiss{exercise: "4.2", name: "changed env without --overwrite",
			script: "kubectl label pods -l app=web env=prod || true",
			check:  "web-env", status: check.Fail, have: "web-1: env=dev, web-2: env=dev", want: "web-1: env=prod, web-2: env=prod"},
		nearMiss{exercise: "4.2", name: "tier on every Pod",
			script: "kubectl label pods --all tier=frontend",
			check:  "tier-selector", status: check.Fail, have: "3", want: "2 (web-1 and web-2)"},
		nearMiss{exercise: "4.2", name: "owner as a label",
			script: "kubectl label pod db owner=team-data",
			check:  "annotated", status: check.Fail, have: "no owner annotation", want: "team-data"},
		nearMiss{exercise: "4.2", name: "legacy set to false instead of removed",
			script: "kubectl label pod db legacy=false --overwrite",
			check:  "legacy-removed", status: check.Fail, have: "app=db, env=dev, legacy=false", want: "no legacy label"},

		// 4.3 Configure nginx with a ConfigMap
		nearMiss{exercise: "4.3", name: "COLOR copied as a literal value",
			script: appConfig + "\n" + fmt.Sprintf(webPod, "    env: [{name: COLOR, value: blue}]\n    volumeMounts: [{name: html, mountPath: /usr/share/nginx/html}]"),
			check:  "env", status: check.Fail, have: "COLOR ← value blue", want: "COLOR ← configMapKeyRef app-config/COLOR"},
		nearMiss{exercise: "4.3", name: "mounted at the wrong path",
			script: appConfig + "\n" + fmt.Sprintf(webPod, "    envFrom: [{configMapRef: {name: app-config}}]\n    volumeMounts: [{name: html, mountPath: /etc/app}]"),
			check:  "volume", status: check.Fail, have: "/etc/app ← configMap app-config", want: "/usr/share/nginx/html ← configMap app-config"},
		nearMiss{exercise: "4.3", name: "lowercase key",
			script: "kubectl create configmap app-config --from-literal=greeting=hello --from-literal=COLOR=blue",
			check:  "literals", status: check.Fail, have: "COLOR=blue, greeting=hello", want: "COLOR=blue, GREETING=hello"},

		// 4.4 Hand a password to a Pod with a Secret
		nearMiss{exercise: "4.4", name: "password written into the Pod",
			script: `kubectl create secret generic db-cred --from-literal=username=admin --from-literal=password=s3cr3t
kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata: {name: app}
spec:
  containers:
  - name: app
    image: busybox
    command: [sleep, "3600"]
    env:
    - {name: DB_USER, valueFrom: {secretKeyRef: {name: db-cred, key: username}}}
    - {name: DB_PASSWORD, value: s3cr3t}
EOF`,
			check: "env", status: check.Fail, have: "DB_USER ← secretKeyRef db-cred/username, DB_PASSWORD ← value",
			want: "DB_USER ← secretKeyRef db-cred/username, DB_PASSWORD ← secretKeyRef db-cred/password"},
		nearMiss{exercise: "4.4", name: "password from a file with a newline",
			script: `kubectl create secret generic db-cred --from-literal=username=admin --from-file=password=/dev/stdin <<'EOF'
s3cr3t
EOF`,
			check: "password", status: check.Fail, have: "czNjcjN0Cg==", want: "czNjcjN0 (s3cr3t in base64)"},

		// 4.5 A budget and defaults for the namespace
		nearMiss{exercise: "4.5", name: "Pod before the LimitRange",
			script: "kubectl run app --image=nginx:1.27",
			check:  "pod-defaults", status: check.Fail, have: "none",
			want: "limits={cpu=200m, memory=256Mi}, requests={cpu=100m, memory=128Mi}"},
		nearMiss{exercise: "4.5", name: "LimitRange without defaultRequest",
			script: quota + "\n" + fmt.Sprintf(limitRange, "    default: {cpu: 200m, memory: 256Mi}"),
			check:  "default-request", status: check.Fail, have: "cpu=200m, memory=256Mi", want: "cpu=100m, memory=128Mi"},
		nearMiss{exercise: "4.5", name: "resources written into the Pod",
			script: quota + "\n" + fmt.Sprintf(limitRange, "    defaultRequest: {cpu: 100m, memory: 128Mi}\n    default: {cpu: 200m, memory: 256Mi}") +
				"\n" + `kubectl run app --image=nginx:1.27 --overrides='{"spec":{"containers":[{"name":"app","image":"nginx:1.27","resources":{"requests":{"cpu":"100m","memory":"128Mi"},"limits":{"cpu":"200m","memory":"256Mi"}}}]}}'`,
			check: "admission", status: check.Fail, have: "no kubernetes.io/limit-ranger annotation",
			want: "an annotation kubernetes.io/limit-ranger: LimitRanger plugin set…"},

		// 4.6 Look it up with kubectl explain
		nearMiss{exercise: "4.6", name: "wrong restart policy",
			script: "kubectl create configmap answers --from-literal=restart-policy=OnFailure --from-literal=history-field=revisionHistoryLimit --from-literal=history-default=10",
			check:  "restart-policy", status: check.Fail, have: "OnFailure", want: "Always"},
		nearMiss{exercise: "4.6", name: "lean without the field",
			script: "kubectl create deployment lean --image=nginx:1.27",
			check:  "lean", status: check.Fail, have: "10", want: "2"},
		nearMiss{exercise: "4.6", name: "lean without a tag",
			script: `kubectl create deployment lean --image=nginx && kubectl patch deployment lean -p '{"spec":{"revisionHistoryLimit":2}}'`,
			check:  "lean-image", status: check.Fail, have: "nginx", want: "nginx:1.27"},

		// 4.7 Ask the server what it serves
		nearMiss{exercise: "4.7", name: "the book's autoscaling/v1",
			script: "kubectl create configmap answers --from-literal=statefulsets-short=sts --from-literal=roles-group=rbac.authorization.k8s.io --from-literal=storageclasses-namespaced=false --from-literal=hpa-apiversion=autoscaling/v1",
			check:  "apiversion", status: check.Fail, have: "autoscaling/v1", want: "autoscaling/v2"},
		nearMiss{exercise: "4.7", name: "group with its version",
			script: "kubectl create configmap answers --from-literal=statefulsets-short=sts --from-literal=roles-group=rbac.authorization.k8s.io/v1 --from-literal=storageclasses-namespaced=false --from-literal=hpa-apiversion=autoscaling/v2",
			check:  "group", status: check.Fail, have: "rbac.authorization.k8s.io/v1", want: "rbac.authorization.k8s.io"},

		// 4.8 Generate, edit, apply server-side
		nearMiss{exercise: "4.8", name: "client-side apply",
			script: "kubectl create deployment api --image=nginx:1.27 --replicas=2 --dry-run=client -o yaml | kubectl label --local -f - tier=backend -o yaml | kubectl apply -f -",
			check:  "server-side", status: check.Fail, have: "kubectl-client-side-apply (Update)", want: "kubectl (Apply): kubectl apply --server-side"},
		nearMiss{exercise: "4.8", name: "created for real, then applied",
			script: "kubectl create deployment api --image=nginx:1.27 --replicas=2\nkubectl label deployment api tier=backend",
			check:  "dry-run", status: check.Fail, have: "kubectl-create, kubectl-label", want: "no kubectl-create"},
	)
}
