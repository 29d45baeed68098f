package session

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"k8s.io/apimachinery/pkg/runtime/schema"

	"kanzen.dev/kanzen/internal/watch"
	"kanzen.dev/kanzen/lessons"
)

func TestDeniedSaysWhatWasRefusedInEachLanguage(t *testing.T) {
	pods := fmt.Errorf("watch: %w", &watch.Forbidden{Kind: "Pod", Verb: "watch", Resource: schema.GroupResource{Resource: "pods"}, Namespace: "kz-2-1", Err: errors.New("403")})
	nodes := &watch.Forbidden{Kind: "Node", Verb: "list", Resource: schema.GroupResource{Resource: "nodes"}, Err: errors.New("403")}
	for _, c := range []struct {
		err  error
		lang lessons.Lang
		want string
	}{
		{pods, lessons.English, "The cluster does not allow your account to watch pods in namespace kz-2-1 (403 Forbidden). Exercise 2.1 watches pods"},
		{pods, lessons.Japanese, "クラスタは、このアカウントに Namespace kz-2-1 の pods の watch を許可していません"},
		{nodes, lessons.English, "to list nodes across the cluster (403 Forbidden)"},
		{nodes, lessons.Japanese, "`kubectl auth can-i list nodes` で確認できます"},
	} {
		if got := Denied(c.err, "2.1", c.lang); !strings.Contains(got, c.want) {
			t.Errorf("%s: %q, want it to contain %q", c.lang, got, c.want)
		}
	}
	if got := Denied(errors.New("timeout"), "2.1", lessons.English); got != "" {
		t.Errorf("an error that is no refusal was explained: %q", got)
	}
}
