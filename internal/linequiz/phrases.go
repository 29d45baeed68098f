package linequiz

import "kanzen.dev/kanzen/lessons"

// The line-mode quiz's own phrases: its prompts, and how the command line
// reaches what the TUI shows with keys. What a verdict and a summary say
// is the quiz engine's (see quiz.VerdictLines).

var reviewHeader = lessons.Text{lessons.English: "Questions due for review: %d", lessons.Japanese: "復習：%d問"}

var chapterHeader = lessons.Text{
	lessons.English:  "Chapter %s · %s — %d questions, pass mark %d%%",
	lessons.Japanese: "第%s章 %s — %d問、合格ライン%d%%",
}

var commandPrompt = lessons.Text{
	lessons.English:  "  Type the kubectl command. After -f -, type the manifest and end it with a line holding only a dot.",
	lessons.Japanese: "  kubectlのコマンドを入力してください。-f - の後はマニフェストを入力し、ドットだけの行で終えます。",
}

var singlePrompt = lessons.Text{lessons.English: "answer (1-%d): ", lessons.Japanese: "答え (1-%d): "}

var typeOneNumber = lessons.Text{lessons.English: "Type one number.", lessons.Japanese: "番号を1つ入力してください。"}

var multiplePrompt = lessons.Text{lessons.English: "answers, such as 1 3: ", lessons.Japanese: "答え（例: 1 3）: "}

var typeRightNumbers = lessons.Text{
	lessons.English:  "Type the numbers of every right choice, such as 1 3.",
	lessons.Japanese: "正しい選択肢の番号をすべて入力してください（例: 1 3）。",
}

var orderPrompt = lessons.Text{lessons.English: "order, such as 2 3 1: ", lessons.Japanese: "順番（例: 2 3 1）: "}

var typeEachNumber = lessons.Text{
	lessons.English:  "Type each number from 1 to %d once, in order.",
	lessons.Japanese: "1から%dまでの番号を1回ずつ、順番に入力してください。",
}

var textPrompt = lessons.Text{lessons.English: "answer: ", lessons.Japanese: "答え: "}

var boolPrompt = lessons.Text{lessons.English: "true or false: ", lessons.Japanese: "true か false: "}

var typeTrueOrFalse = lessons.Text{lessons.English: "Type true or false.", lessons.Japanese: "true か false で答えてください。"}

var typeCategory = lessons.Text{
	lessons.English:  "Type a category number, 1 to %d.",
	lessons.Japanese: "カテゴリの番号（1から%d）を入力してください。",
}

// reviewCommand says how the command line takes the review.
var reviewCommand = lessons.Text{lessons.English: " (kanzen quiz --review)", lessons.Japanese: "（kanzen quiz --review）"}

var quizzesHeading = lessons.Text{
	lessons.English:  "Quizzes (kanzen quiz CHAPTER takes one):",
	lessons.Japanese: "クイズ（kanzen quiz 章番号 で開始）：",
}

var questionCount = lessons.Text{lessons.English: "%d questions", lessons.Japanese: "%d問"}

var lastAndBest = lessons.Text{
	lessons.English:  " · last %d/%d %s · best %d/%d",
	lessons.Japanese: "・前回 %d/%d %s・最高 %d/%d",
}

var toReviewCount = lessons.Text{lessons.English: " · %d to review", lessons.Japanese: "・復習%d問"}
