package session

import (
	"errors"
	"fmt"

	"kanzen.dev/kanzen/internal/watch"
	"kanzen.dev/kanzen/lessons"
)

// deniedText says what a refusal means, in each language: the verb and
// resource refused and where, the exercise that needs them, the resource
// again, and a kubectl command that checks the permission.
var deniedText = map[lessons.Lang]struct{ message, cluster, namespace string }{
	lessons.English: {
		message: "The cluster does not allow your account to %s %s %s (403 Forbidden). Exercise %s watches %s to judge its checks, so it cannot be judged here. " +
			"Ask whoever runs the cluster to let you get, list and watch them (`%s` says whether you may), or do this exercise on a cluster where you can, such as kanzen's sandbox (`kanzen sandbox up`).",
		cluster:   "across the cluster",
		namespace: "in namespace %s",
	},
	lessons.Japanese: {
		message: "クラスタは、このアカウントに %[3]s の %[2]s の %[1]s を許可していません（403 Forbidden）。演習%[4]sはチェックの判定に %[5]s を監視するため、ここでは判定できません。" +
			"クラスタの管理者に get、list、watch の権限を依頼するか（`%[6]s` で確認できます）、kanzenのサンドボックス（`kanzen sandbox up`）など権限のあるクラスタでこの演習を行ってください。",
		cluster:   "クラスタ全体",
		namespace: "Namespace %s",
	},
}

// Denied explains, in lang, the cluster's refusal of a list or watch that
// exercise exerciseID needs: which verb on which resource was denied, that
// the exercise needs it, and what to do. It is empty unless err holds such
// a refusal.
func Denied(err error, exerciseID string, lang lessons.Lang) string {
	var f *watch.Forbidden
	if !errors.As(err, &f) {
		return ""
	}
	t, ok := deniedText[lang]
	if !ok {
		t = deniedText[lessons.English]
	}
	where, canI := t.cluster, fmt.Sprintf("kubectl auth can-i %s %s", f.Verb, f.Resource)
	if f.Namespace != "" {
		where = fmt.Sprintf(t.namespace, f.Namespace)
		canI += " -n " + f.Namespace
	}
	return fmt.Sprintf(t.message, f.Verb, f.Resource, where, exerciseID, f.Resource, canI)
}
