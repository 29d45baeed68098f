package session_test

import (
	"strings"

	"kanzen.dev/kanzen/internal/check"
)

// capstone is exercise 5.20's reference solution, one command a line.
var capstone = []string{
	"kubectl create configmap shop-config --from-literal=MODE=production",
	"kubectl create deployment shop --image=nginx:1.27 --replicas=2",
	"kubectl set env deployment/shop --from=configmap/shop-config",
	"kubectl expose deployment shop --port=80",
	"kubectl rollout status deployment/shop --timeout=120s",
	"kubectl set image deployment/shop nginx=nginx:1.27-alpine",
	"kubectl rollout status deployment/shop --timeout=120s",
	"kubectl rollout undo deployment/shop",
}

// capstoneWith is the capstone's solution with line i replaced by step.
func capstoneWith(i int, step string) string {
	steps := append([]string{}, capstone...)
	steps[i] = step
	return strings.Join(steps, " && ")
}

// Chapter 5's scaling and capstone: the plausible mistakes.
func init() {
	nearMisses = append(nearMisses,
		nearMiss{exercise: "5.19", name: "the autoscaler's minimum left at 1",
			script: "kubectl scale deployment web --replicas=4 && kubectl autoscale deployment web --max=6 --cpu=70%",
			check:  "range", status: check.Fail, have: "1–6", want: "2–6"},
		nearMiss{exercise: "5.19", name: "a CPU quantity instead of a utilization",
			script: "kubectl scale deployment web --replicas=4 && kubectl autoscale deployment web --min=2 --max=6 --cpu=70m",
			check:  "cpu", status: check.Fail, have: "AverageValue", want: "70%"},
		nearMiss{exercise: "5.19", name: "the autoscaler without scaling by hand",
			script: "kubectl autoscale deployment web --min=2 --max=6 --cpu=70%",
			check:  "replicas", status: check.Fail, want: "4"},

		nearMiss{exercise: "5.20", name: "MODE written into the Deployment",
			script: capstoneWith(2, "kubectl set env deployment/shop MODE=production"),
			check:  "env", status: check.Fail, have: "MODE=production", want: "MODE ← configmap shop-config/MODE"},
		nearMiss{exercise: "5.20", name: "not rolled back",
			script: capstoneWith(7, "true"),
			check:  "rolled-back", status: check.Fail, have: "nginx:1.27-alpine", want: "nginx:1.27"},
		nearMiss{exercise: "5.20", name: "never updated",
			script: capstoneWith(5, "true"),
			check:  "updated", status: check.Fail, have: "no revision with nginx:1.27-alpine", want: "rolled out"},
	)
}
