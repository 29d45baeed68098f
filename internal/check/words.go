package check

import "kanzen.dev/kanzen/lessons"

// The fixed phrases the engine itself shows, as opposed to content; each is
// shown with .In(lang), so a new language is one more entry per phrase.
var (
	notFound  = lessons.Text{lessons.English: "not found", lessons.Japanese: "見つかりません"}
	none      = lessons.Text{lessons.English: "none", lessons.Japanese: "なし"}
	simulated = lessons.Text{
		lessons.English:  "not checkable here: this cluster's nodes are simulated and run no processes",
		lessons.Japanese: "ここでは確認できません：このクラスタのノードは模擬でプロセスを実行しません",
	}
	waitingForEarlier = lessons.Text{lessons.English: "(waiting for an earlier check)", lessons.Japanese: "（先のチェックを待っています）"}
	didYouMean        = lessons.Text{
		lessons.English:  "There is no %[1]s %[2]s, but there is a %[1]s %[3]s: did you mean %[2]s? A name cannot be changed: create %[2]s, then delete %[3]s.",
		lessons.Japanese: "%[1]s %[2]sはありませんが、%[1]s %[3]sがあります。%[2]sのつもりでしたか？ 名前は変更できないので、%[2]sを作ってから%[3]sを削除してください。",
	}
)

// HaveLabel and WantLabel word a failing check's have and want, the same in
// every front end; Detail puts them on one line.
var (
	HaveLabel = lessons.Text{lessons.English: "have %s", lessons.Japanese: "現在 %s"}
	WantLabel = lessons.Text{lessons.English: "want %s", lessons.Japanese: "目標 %s"}
)

// broken is shown as have (or want) when its expression fails to evaluate;
// the failure is a content problem, not something the learner can read.
const broken = "—"
