package session

import "kanzen.dev/kanzen/lessons"

// deniedMessage says what a refusal means: the verb and resource refused
// and where (deniedAcrossCluster or deniedInNamespace), the exercise that
// needs them, the resource again, and a kubectl command that checks the
// permission.
var deniedMessage = lessons.Text{
	lessons.English: "The cluster does not allow your account to %s %s %s (403 Forbidden). Exercise %s watches %s to judge its checks, so it cannot be judged here. " +
		"Ask whoever runs the cluster to let you get, list and watch them (`%s` says whether you may), or do this exercise on a cluster where you can, such as kanzen's sandbox (`kanzen sandbox up`).",
	lessons.Japanese: "クラスタは、このアカウントに %[3]s の %[2]s の %[1]s を許可していません（403 Forbidden）。演習%[4]sはチェックの判定に %[5]s を監視するため、ここでは判定できません。" +
		"クラスタの管理者に get、list、watch の権限を依頼するか（`%[6]s` で確認できます）、kanzenのサンドボックス（`kanzen sandbox up`）など権限のあるクラスタでこの演習を行ってください。",
}

var (
	deniedAcrossCluster = lessons.Text{lessons.English: "across the cluster", lessons.Japanese: "クラスタ全体"}
	deniedInNamespace   = lessons.Text{lessons.English: "in namespace %s", lessons.Japanese: "Namespace %s"}
)
