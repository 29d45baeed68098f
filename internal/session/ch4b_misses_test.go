package session_test

import (
	"fmt"

	"kanzen.dev/kanzen/internal/check"
)

// externalDB is exercise 4.11's Service and EndpointSlice with the
// Service's selector and port name, and the slice's labels, given by the
// caller.
const externalDB = `kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Service
metadata: {name: external-db}
spec:
  %s
  ports: [{name: "%s", port: 5432}]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: external-db-1
  labels: {%s}
addressType: IPv4
ports: [{port: 5432}]
endpoints: [{addresses: ["192.0.2.10"]}]
EOF`

// Chapter 4's Service types and Ingress: the plausible mistakes.
func init() {
	nearMisses = append(nearMisses,
		nearMiss{exercise: "4.9", name: "a ClusterIP Service",
			script: "kubectl expose deployment web --port=80",
			check:  "type", status: check.Fail, have: "ClusterIP", want: "NodePort"},
		nearMiss{exercise: "4.9", name: "the wrong target port",
			script: "kubectl expose deployment web --type=NodePort --port=80 --target-port=8080",
			check:  "port", status: check.Fail, have: "80→8080", want: "80→80"},
		nearMiss{exercise: "4.9", name: "the Service port recorded as the node port",
			script: "kubectl expose deployment web --type=NodePort --port=80 && kubectl annotate service web kanzen.dev/node-port=80",
			check:  "recorded", status: check.Fail, have: "80"},

		nearMiss{exercise: "4.10", name: "exact paths",
			script: `kubectl create ingress web --rule="/shop=shop:80" --rule="/blog=blog:80"`,
			check:  "prefix", status: check.Fail, have: "/shop Exact, /blog Exact", want: "/blog Prefix, /shop Prefix"},
		nearMiss{exercise: "4.10", name: "the Pods' port instead of the Service's",
			script: `kubectl create ingress web --rule="/shop*=shop:8080" --rule="/blog*=blog:80"`,
			check:  "shop", status: check.Fail, have: "shop:8080", want: "shop:80"},
		nearMiss{exercise: "4.10", name: "a Service that does not exist",
			script: `kubectl create ingress web --rule="/shop*=shop:80" --rule="/blog*=blogs:80"`,
			check:  "blog", status: check.Fail, have: "blogs:80", want: "blog:80"},

		nearMiss{exercise: "4.11", name: "a selector, so the cluster owns the endpoints",
			script: fmt.Sprintf(externalDB, "selector: {app: db}", "", "kubernetes.io/service-name: external-db"),
			check:  "no-selector", status: check.Fail, have: "app=db", want: "none"},
		nearMiss{exercise: "4.11", name: "a slice without the service-name label",
			script: fmt.Sprintf(externalDB, "", "", "app: external-db"),
			check:  "belongs", status: check.Fail, have: "no kubernetes.io/service-name label", want: "external-db"},
		nearMiss{exercise: "4.11", name: "a named Service port and an unnamed slice port",
			script: fmt.Sprintf(externalDB, "", "postgres", "kubernetes.io/service-name: external-db"),
			check:  "slice-port", status: check.Fail, have: "5432", want: "postgres:5432"},
	)
}
