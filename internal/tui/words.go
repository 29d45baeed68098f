package tui

import "kanzen.dev/kanzen/lessons"

// The interface's own phrases. Each is shown with .In(lang), or with
// .With(args...).In(lang) when it has arguments.

var lessonTab = lessons.Text{lessons.English: "lesson", lessons.Japanese: "レッスン"}

var exerciseTab = lessons.Text{lessons.English: "exercise", lessons.Japanese: "演習"}

var noClusterStatus = lessons.Text{lessons.English: "no cluster", lessons.Japanese: "クラスタなし"}

var unreachableStatus = lessons.Text{lessons.English: "unreachable", lessons.Japanese: "接続できません"}

var reconnectingStatus = lessons.Text{lessons.English: "reconnecting", lessons.Japanese: "再接続中"}

var connectingStatus = lessons.Text{lessons.English: "connecting", lessons.Japanese: "接続中"}

var comingSoon = lessons.Text{lessons.English: "lessons coming soon", lessons.Japanese: "レッスンは準備中"}

var notAllowedStatus = lessons.Text{lessons.English: "not allowed", lessons.Japanese: "権限がありません"}

var noLessonExercise = lessons.Text{
	lessons.English:  "This lesson has no exercise: read on, then → for the next step.",
	lessons.Japanese: "このレッスンに演習はありません。読み終えたら → で次へ。",
}

var startPrompt = lessons.Text{
	lessons.English:  "Press enter to start: kanzen creates namespace %s and sets up the exercise.",
	lessons.Japanese: "enterで開始: Namespace %s を作成し、演習を準備します。",
}

var startingExercise = lessons.Text{lessons.English: "Starting the exercise in namespace %s…", lessons.Japanese: "Namespace %s で演習を準備しています…"}

var offerSandbox = lessons.Text{
	lessons.English:  "Press S to start kanzen's sandbox, a local Kubernetes cluster (the first build takes about 10 minutes; lessons stay readable meanwhile).",
	lessons.Japanese: "S で kanzen のサンドボックス（ローカルのKubernetesクラスタ）を起動します（初回のビルドは約10分。その間もレッスンは読めます）。",
}

var buildingSandbox = lessons.Text{lessons.English: "Building the sandbox", lessons.Japanese: "サンドボックスをビルド中"}

var startingSandbox = lessons.Text{lessons.English: "Starting the sandbox…", lessons.Japanese: "サンドボックスを起動中…"}

var solutionHeader = lessons.Text{lessons.English: "Reference solution (run in namespace %s):", lessons.Japanese: "模範解答（Namespace %s で実行）:"}

var allPass = lessons.Text{lessons.English: "Every check passes.", lessons.Japanese: "すべてのチェックに合格しました。"}

var nextStep = lessons.Text{lessons.English: "→ next step", lessons.Japanese: "→ 次へ"}

var resetConfirm = lessons.Text{
	lessons.English:  "Reset exercise %s? This deletes namespace %s and everything in it, then sets it up again. y/n",
	lessons.Japanese: "演習 %s をリセットしますか？ Namespace %s とその中身を削除し、準備し直します。y/n",
}

var confirmRemote = lessons.Text{
	lessons.English:  "Context %q (%s) does not look like a local cluster. kanzen will create namespace %s there and touch nothing outside it. Continue?",
	lessons.Japanese: "コンテキスト %q（%s）はローカルのクラスタに見えません。kanzen はそこに Namespace %s を作成し、その外には触れません。続けますか？",
}

var shellBanner = lessons.Text{
	lessons.English:  "kanzen: a shell in namespace %s (context %s). Type exit to return to kanzen.",
	lessons.Japanese: "kanzen: Namespace %s（コンテキスト %s）のシェルです。exit で kanzen に戻ります。",
}

var ownShellBanner = lessons.Text{
	lessons.English:  "kanzen: a shell with your own kubeconfig (context %[2]s): this exercise is about it. Its namespace is %[1]s. Type exit to return to kanzen.",
	lessons.Japanese: "kanzen: あなた自身のkubeconfig（コンテキスト %[2]s）のシェルです。この演習はkubeconfigを扱います。演習のNamespaceは %[1]s です。exit で kanzen に戻ります。",
}

var debriefHeading = lessons.Text{lessons.English: "debrief", lessons.Japanese: "ふりかえり"}

var liveHeading = lessons.Text{lessons.English: "live", lessons.Japanese: "ライブ"}

var noObjects = lessons.Text{lessons.English: "nothing yet", lessons.Japanese: "まだありません"}

var helpTitle = lessons.Text{lessons.English: "keys", lessons.Japanese: "キー操作"}

var pendingCheck = lessons.Text{lessons.English: "waiting", lessons.Japanese: "待機中"}

var noClusterConfigured = lessons.Text{
	lessons.English:  "No cluster is configured (no kubeconfig with a current context). ",
	lessons.Japanese: "クラスタが設定されていません（current-contextのあるkubeconfigがありません）。",
}

var resettingExercise = lessons.Text{
	lessons.English:  "Resetting: deleting namespace %s and setting the exercise up again…",
	lessons.Japanese: "リセット中: Namespace %s を削除し、演習を準備し直しています…",
}

var namespaceGone = lessons.Text{
	lessons.English:  "Namespace %s was deleted from outside kanzen's window (kubectl delete namespace, kanzen reset or kanzen clean), and everything in it with it.",
	lessons.Japanese: "Namespace %s は、この画面の外（kubectl delete namespace、kanzen reset、kanzen clean）で削除されました。中にあったものもすべて消えています。",
}

var contextRemoved = lessons.Text{
	lessons.English:  "The reset removed context %s, which the exercise had you add, from your kubeconfig.",
	lessons.Japanese: "リセットにより、演習で追加したコンテキスト %s をkubeconfigから削除しました。",
}

var contextRemovedSwitched = lessons.Text{
	lessons.English:  "The reset removed context %s, which the exercise had you add, from your kubeconfig; the current context is %s again.",
	lessons.Japanese: "リセットにより、演習で追加したコンテキスト %s をkubeconfigから削除し、現在のコンテキストを %s に戻しました。",
}

var contextRemovedDangling = lessons.Text{
	lessons.English:  "The reset removed context %s, which the exercise had you add, from your kubeconfig. %s was the current context: choose another with kubectl config use-context NAME.",
	lessons.Japanese: "リセットにより、演習で追加したコンテキスト %s をkubeconfigから削除しました。%s は現在のコンテキストだったので、kubectl config use-context 名前 で別のものを選んでください。",
}

var keepTrying = lessons.Text{
	lessons.English:  "kanzen keeps trying, and carries on by itself once the cluster answers.",
	lessons.Japanese: "kanzenは接続を試み続け、クラスタが応答すれば自動で再開します。",
}

var progressSetAside = lessons.Text{
	lessons.English:  "Your progress file %s could not be read (%v): it was moved to %s, and your progress starts afresh.",
	lessons.Japanese: "進捗ファイル %s を読めませんでした（%v）。%s に移し、進捗は最初からになります。",
}

var progressNewer = lessons.Text{
	lessons.English:  "Your progress file %s was written by a newer kanzen (format version %d): kanzen leaves it as it is and saves nothing until you update kanzen.",
	lessons.Japanese: "進捗ファイル %s は新しいkanzen（形式バージョン%d）で書かれています。kanzenはこのファイルをそのままにし、kanzenを更新するまで何も保存しません。",
}

var progressLang = lessons.Text{
	lessons.English:  "Your progress file %s names the language %q, which this kanzen does not know: it shows English instead.",
	lessons.Japanese: "進捗ファイル %s の言語 %q はこのkanzenでは使えないため、日本語で表示します。",
}

var quizRow = lessons.Text{lessons.English: "Quiz · %d questions", lessons.Japanese: "クイズ · %d問"}

var quizBest = lessons.Text{lessons.English: " · best %d%%", lessons.Japanese: " · 最高 %d%%"}

var reviewRow = lessons.Text{lessons.English: "Review · %d due", lessons.Japanese: "復習 · %d問"}

var quizHeading = lessons.Text{lessons.English: "Quiz", lessons.Japanese: "クイズ"}

var reviewHeading = lessons.Text{lessons.English: "Review", lessons.Japanese: "復習"}

var questionCount = lessons.Text{lessons.English: "question %d/%d", lessons.Japanese: "問題 %d/%d"}

var scoreSoFar = lessons.Text{lessons.English: "%d/%d right", lessons.Japanese: "%d/%d問正解"}

var notGradedSoFar = lessons.Text{lessons.English: "%d not graded", lessons.Japanese: "採点なし%d問"}

var manifestKeysHint = lessons.Text{
	lessons.English:  "Type the manifest under the command: %s starts a new line; %s (or a line with only .) checks it.",
	lessons.Japanese: "コマンドの下にマニフェストを入力してください。%s で改行、%s（またはドットだけの行）で確認します。",
}

// sortItem is what the cursor keys choose in a sort question.
var sortItem = lessons.Text{lessons.English: "item", lessons.Japanese: "項目"}

var commandHelp = lessons.Text{
	lessons.English:  "Type the kubectl command. kanzen runs it as a server-side dry run in namespace %s: nothing is created. After -f -, type the manifest on the lines below.",
	lessons.Japanese: "kubectlのコマンドを入力してください。kanzenはNamespace %s でサーバー側のドライランとして実行するので、何も作成されません。-f - の場合は、次の行からマニフェストを入力します。",
}

var quizNoCluster = lessons.Text{
	lessons.English:  "No cluster: this answer cannot be graded here, and the verdict will say why.",
	lessons.Japanese: "クラスタがないため、この答えはここでは採点できません。理由は判定に表示されます。",
}

var checkingAnswer = lessons.Text{lessons.English: "checking with the cluster…", lessons.Japanese: "クラスタで確認しています…"}

var markOne = lessons.Text{lessons.English: "Mark at least one choice (space).", lessons.Japanese: "少なくとも1つ印を付けてください（space）。"}

var sortAll = lessons.Text{
	lessons.English:  "Put every item in a category first: %d left.",
	lessons.Japanese: "先にすべての項目をカテゴリに分けてください。残り%d個です。",
}

var yourAnswer = lessons.Text{lessons.English: "Your answer: ", lessons.Japanese: "あなたの答え："}

var declinedScratch = lessons.Text{
	lessons.English:  "not graded: you chose not to create namespace %s on context %q (kanzen quiz --yes agrees from the command line)",
	lessons.Japanese: "採点なし：コンテキスト %[2]q に Namespace %[1]s を作成しないことを選びました（コマンドラインでは kanzen quiz --yes で同意できます）",
}

var quizPaused = lessons.Text{
	lessons.English:  "The quiz waits where you were: Q returns to it.",
	lessons.Japanese: "クイズは途中のまま待っています。Q で戻れます。",
}

var noQuiz = lessons.Text{lessons.English: "Chapter %s has no quiz.", lessons.Japanese: "第%s章にはクイズがありません。"}

// reviewPlace says where the chapter list keeps the questions missed.
var reviewPlace = lessons.Text{lessons.English: " (the Review row)", lessons.Japanese: "（「復習」の行）"}

// opensLesson says which key opens a verdict's lesson.
var opensLesson = lessons.Text{lessons.English: "%s opens it", lessons.Japanese: "%s で開く"}

// orKeys names two ways to do one thing: "space or 1–4 mark".
var orKeys = lessons.Text{lessons.English: "%s or %s %s", lessons.Japanese: "%s か %s で%s"}

// Words the footers share between keys that do alike on different screens.
var (
	chooseWord  = lessons.Text{lessons.English: "choose", lessons.Japanese: "選択"}
	newLineWord = lessons.Text{lessons.English: "new line", lessons.Japanese: "改行"}
	checkWord   = lessons.Text{lessons.English: "check", lessons.Japanese: "確認"}
	scrollWord  = lessons.Text{lessons.English: "scroll", lessons.Japanese: "スクロール"}
	quitWord    = lessons.Text{lessons.English: "quit", lessons.Japanese: "終了"}
)
