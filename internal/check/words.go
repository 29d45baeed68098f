package check

import "kanzen.dev/kanzen/lessons"

// word is a fixed phrase the engine itself shows, as opposed to content.
type word int

const (
	notFound word = iota
	none
	simulated
)

// words holds every fixed phrase in every language, so a new language is
// one column here.
var words = map[word]lessons.Text{
	notFound: {lessons.English: "not found", lessons.Japanese: "見つかりません"},
	none:     {lessons.English: "none", lessons.Japanese: "なし"},
	simulated: {
		lessons.English:  "not checkable here: this cluster's nodes are simulated and run no processes",
		lessons.Japanese: "ここでは確認できません：このクラスタのノードは模擬でプロセスを実行しません",
	},
}

func (w word) in(lang lessons.Lang) string { return words[w].In(lang) }

// broken is shown as have (or want) when its expression fails to evaluate;
// the failure is a content problem, not something the learner can read.
const broken = "—"
