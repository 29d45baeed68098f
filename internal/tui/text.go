package tui

import "kanzen.dev/kanzen/lessons"

// words is the interface's own wording in one language.
type words struct {
	lessonTab, exerciseTab                                                   string
	noCluster, unreachable, reconnecting, connecting, comingSoon, notAllowed string
	noLessonExercise, startPrompt, starting, notStartedYet                   string
	offerSandbox, buildingSandbox, startingSandbox                           string
	solutionHeader, allPass, next, resetConfirm                              string
	confirmRemote, shellBanner, ownShellBanner, debrief, live, noObjects     string
	helpTitle, pending, notCheckableHere                                     string
	noClusterConfigured, resetting, namespaceGone                            string
	contextRemoved, contextRemovedSwitched, contextRemovedDangling           string
	keepTrying, progressSetAside, progressNewer, progressLang                string
	quiz                                                                     quizWords
}

var text = map[lessons.Lang]words{
	lessons.English: {
		lessonTab:              "lesson",
		exerciseTab:            "exercise",
		noCluster:              "no cluster",
		unreachable:            "unreachable",
		reconnecting:           "reconnecting",
		notAllowed:             "not allowed",
		keepTrying:             "kanzen keeps trying, and carries on by itself once the cluster answers.",
		progressSetAside:       "Your progress file %s could not be read (%v): it was moved to %s, and your progress starts afresh.",
		progressNewer:          "Your progress file %s was written by a newer kanzen (format version %d): kanzen leaves it as it is and saves nothing until you update kanzen.",
		progressLang:           "Your progress file %s names the language %q, which this kanzen does not know: it shows English instead.",
		connecting:             "connecting",
		comingSoon:             "lessons coming soon",
		noLessonExercise:       "This lesson has no exercise: read on, then → for the next step.",
		startPrompt:            "Press enter to start: kanzen creates namespace %s and sets up the exercise.",
		starting:               "Starting the exercise in namespace %s…",
		notStartedYet:          "not started",
		offerSandbox:           "Press S to start kanzen's sandbox, a local Kubernetes cluster (the first build takes about 10 minutes; lessons stay readable meanwhile).",
		buildingSandbox:        "Building the sandbox",
		startingSandbox:        "Starting the sandbox…",
		solutionHeader:         "Reference solution (run in namespace %s):",
		allPass:                "Every check passes.",
		next:                   "→ next step",
		resetConfirm:           "Reset exercise %s? This deletes namespace %s and everything in it, then sets it up again. y/n",
		confirmRemote:          "Context %q (%s) does not look like a local cluster. kanzen will create namespace %s there and touch nothing outside it. Continue?",
		shellBanner:            "kanzen: a shell in namespace %s (context %s). Type exit to return to kanzen.",
		ownShellBanner:         "kanzen: a shell with your own kubeconfig (context %[2]s): this exercise is about it. Its namespace is %[1]s. Type exit to return to kanzen.",
		debrief:                "debrief",
		live:                   "live",
		noObjects:              "nothing yet",
		helpTitle:              "keys",
		pending:                "waiting",
		notCheckableHere:       "not checkable here",
		resetting:              "Resetting: deleting namespace %s and setting the exercise up again…",
		namespaceGone:          "Namespace %s was deleted from outside kanzen's window (kubectl delete namespace, kanzen reset or kanzen clean), and everything in it with it.",
		noClusterConfigured:    "No cluster is configured (no kubeconfig with a current context). ",
		contextRemoved:         "The reset removed context %s, which the exercise had you add, from your kubeconfig.",
		contextRemovedSwitched: "The reset removed context %s, which the exercise had you add, from your kubeconfig; the current context is %s again.",
		contextRemovedDangling: "The reset removed context %s, which the exercise had you add, from your kubeconfig. %s was the current context: choose another with kubectl config use-context NAME.",
		quiz:                   quizEnglish,
	},
	lessons.Japanese: {
		lessonTab:              "レッスン",
		exerciseTab:            "演習",
		noCluster:              "クラスタなし",
		unreachable:            "接続できません",
		reconnecting:           "再接続中",
		notAllowed:             "権限がありません",
		keepTrying:             "kanzenは接続を試み続け、クラスタが応答すれば自動で再開します。",
		progressSetAside:       "進捗ファイル %s を読めませんでした（%v）。%s に移し、進捗は最初からになります。",
		progressNewer:          "進捗ファイル %s は新しいkanzen（形式バージョン%d）で書かれています。kanzenはこのファイルをそのままにし、kanzenを更新するまで何も保存しません。",
		progressLang:           "進捗ファイル %s の言語 %q はこのkanzenでは使えないため、日本語で表示します。",
		connecting:             "接続中",
		comingSoon:             "レッスンは準備中",
		noLessonExercise:       "このレッスンに演習はありません。読み終えたら → で次へ。",
		startPrompt:            "enterで開始: Namespace %s を作成し、演習を準備します。",
		starting:               "Namespace %s で演習を準備しています…",
		notStartedYet:          "未開始",
		offerSandbox:           "S で kanzen のサンドボックス（ローカルのKubernetesクラスタ）を起動します（初回のビルドは約10分。その間もレッスンは読めます）。",
		buildingSandbox:        "サンドボックスをビルド中",
		startingSandbox:        "サンドボックスを起動中…",
		solutionHeader:         "模範解答（Namespace %s で実行）:",
		allPass:                "すべてのチェックに合格しました。",
		next:                   "→ 次へ",
		resetConfirm:           "演習 %s をリセットしますか？ Namespace %s とその中身を削除し、準備し直します。y/n",
		confirmRemote:          "コンテキスト %q（%s）はローカルのクラスタに見えません。kanzen はそこに Namespace %s を作成し、その外には触れません。続けますか？",
		shellBanner:            "kanzen: Namespace %s（コンテキスト %s）のシェルです。exit で kanzen に戻ります。",
		ownShellBanner:         "kanzen: あなた自身のkubeconfig（コンテキスト %[2]s）のシェルです。この演習はkubeconfigを扱います。演習のNamespaceは %[1]s です。exit で kanzen に戻ります。",
		debrief:                "ふりかえり",
		live:                   "ライブ",
		noObjects:              "まだありません",
		helpTitle:              "キー操作",
		pending:                "待機中",
		notCheckableHere:       "ここでは確認できません",
		resetting:              "リセット中: Namespace %s を削除し、演習を準備し直しています…",
		namespaceGone:          "Namespace %s は、この画面の外（kubectl delete namespace、kanzen reset、kanzen clean）で削除されました。中にあったものもすべて消えています。",
		noClusterConfigured:    "クラスタが設定されていません（current-contextのあるkubeconfigがありません）。",
		contextRemoved:         "リセットにより、演習で追加したコンテキスト %s をkubeconfigから削除しました。",
		contextRemovedSwitched: "リセットにより、演習で追加したコンテキスト %s をkubeconfigから削除し、現在のコンテキストを %s に戻しました。",
		contextRemovedDangling: "リセットにより、演習で追加したコンテキスト %s をkubeconfigから削除しました。%s は現在のコンテキストだったので、kubectl config use-context 名前 で別のものを選んでください。",
		quiz:                   quizJapanese,
	},
}

// quizWords are the quiz screen's words and the chapter list's quiz rows.
type quizWords struct {
	// Rows of the chapter list.
	row, best, review string
	// The screen's titles and header.
	title, reviewTitle, question, score, notGraded string
	// What each kind of answer takes, under the question.
	choiceKeys, multipleKeys, orderKeys, sortKeys, commandKeys, manifestKeys string
	commandHelp, noCluster, checking                                         string
	markOne, sortAll, typeSomething                                          string
	// The verdict.
	yours, forExample, declined string
	paused                      string
	// The end of a sitting.
	noQuiz, nothingDue string
}

var quizEnglish = quizWords{
	row:           "Quiz · %d questions",
	best:          " · best %d%%",
	review:        "Review · %d due",
	title:         "Quiz",
	reviewTitle:   "Review",
	question:      "question %d/%d",
	score:         "%d/%d right",
	notGraded:     "%d not graded",
	choiceKeys:    "↑/↓ choose · enter or 1–%d answer",
	multipleKeys:  "↑/↓ choose · space or 1–%d mark · enter answer",
	orderKeys:     "↑/↓ choose · shift+↑/↓ or K/J move the item · enter answer",
	sortKeys:      "↑/↓ item · ←/→ or 1–%d category · enter answer",
	commandKeys:   "enter check · alt+enter or ctrl+j new line · esc leave the quiz",
	manifestKeys:  "Type the manifest under the command: enter starts a new line; ctrl+d (or a line with only .) checks it.",
	commandHelp:   "Type the kubectl command. kanzen runs it as a server-side dry run in namespace %s: nothing is created. After -f -, type the manifest on the lines below.",
	noCluster:     "No cluster: this answer cannot be graded here, and the verdict will say why.",
	checking:      "checking with the cluster…",
	markOne:       "Mark at least one choice (space).",
	sortAll:       "Put every item in a category first: %d left.",
	typeSomething: "Type an answer.",
	yours:         "Your answer: ",
	forExample:    "for example: ",
	declined:      "not graded: you chose not to create namespace %s on context %q (kanzen quiz --yes agrees from the command line)",
	paused:        "The quiz waits where you were: Q returns to it.",
	noQuiz:        "Chapter %s has no quiz.",
	nothingDue:    "Nothing is due for review. Missed questions come back here.",
}

var quizJapanese = quizWords{
	row:           "クイズ · %d問",
	best:          " · 最高 %d%%",
	review:        "復習 · %d問",
	title:         "クイズ",
	reviewTitle:   "復習",
	question:      "問題 %d/%d",
	score:         "%d/%d問正解",
	notGraded:     "採点なし%d問",
	choiceKeys:    "↑/↓ 選択 · enter か 1–%d で回答",
	multipleKeys:  "↑/↓ 選択 · space か 1–%d で印を付ける · enter 回答",
	orderKeys:     "↑/↓ 選択 · shift+↑/↓ か K/J で項目を移動 · enter 回答",
	sortKeys:      "↑/↓ 項目 · ←/→ か 1–%d でカテゴリ · enter 回答",
	commandKeys:   "enter 確認 · alt+enter か ctrl+j 改行 · esc クイズを終える",
	manifestKeys:  "コマンドの下にマニフェストを入力してください。enter で改行、ctrl+d（またはドットだけの行）で確認します。",
	commandHelp:   "kubectlのコマンドを入力してください。kanzenはNamespace %s でサーバー側のドライランとして実行するので、何も作成されません。-f - の場合は、次の行からマニフェストを入力します。",
	noCluster:     "クラスタがないため、この答えはここでは採点できません。理由は判定に表示されます。",
	checking:      "クラスタで確認しています…",
	markOne:       "少なくとも1つ印を付けてください（space）。",
	sortAll:       "先にすべての項目をカテゴリに分けてください。残り%d個です。",
	typeSomething: "答えを入力してください。",
	yours:         "あなたの答え：",
	forExample:    "例：",
	declined:      "採点なし：コンテキスト %[2]q に Namespace %[1]s を作成しないことを選びました（コマンドラインでは kanzen quiz --yes で同意できます）",
	paused:        "クイズは途中のまま待っています。Q で戻れます。",
	noQuiz:        "第%s章にはクイズがありません。",
	nothingDue:    "復習する問題はありません。間違えた問題がここに戻ってきます。",
}

// reviewPlace says where the chapter list keeps the questions missed.
var reviewPlace = lessons.Text{lessons.English: " (the Review row)", lessons.Japanese: "（「復習」の行）"}

// opensLesson says which key opens a verdict's lesson.
var opensLesson = lessons.Text{lessons.English: "%s opens it", lessons.Japanese: "%s で開く"}
