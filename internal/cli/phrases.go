package cli

import "kanzen.dev/kanzen/lessons"

// The phrases kanzen list prints in the learner's language.
var (
	comingSoon = lessons.Text{lessons.English: "(lessons coming soon)", lessons.Japanese: "（レッスンは準備中です）"}
	quizLabel  = lessons.Text{lessons.English: "quiz", lessons.Japanese: "クイズ"}
)

// startOver follows a dead end in kanzen check.
var startOver = lessons.Text{
	lessons.English:  "%s starts the exercise over.",
	lessons.Japanese: "%s で演習を最初からやり直せます。",
}
