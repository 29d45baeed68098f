package cli

import "kanzen.dev/kanzen/lessons"

// The phrases kanzen list prints in the learner's language.
var (
	comingSoon = lessons.Text{lessons.English: "(lessons coming soon)", lessons.Japanese: "（レッスンは準備中です）"}
	quizLabel  = lessons.Text{lessons.English: "quiz", lessons.Japanese: "クイズ"}
)
