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
)

// broken is shown as have (or want) when its expression fails to evaluate;
// the failure is a content problem, not something the learner can read.
const broken = "—"
