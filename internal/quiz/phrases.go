package quiz

import (
	"errors"

	"kanzen.dev/kanzen/lessons"
)

// The engine's own phrases, as opposed to content: each is shown with
// .In(lang), or with .With(args...).In(lang) when it has arguments.

var unterminated = lessons.Text{
	lessons.English:  "a %s quote is not closed",
	lessons.Japanese: "%s の引用符が閉じていません",
}

var shellSyntax = lessons.Text{
	lessons.English:  "`%s` is %s, which only a shell understands; kanzen runs kubectl itself, without a shell: type one kubectl command",
	lessons.Japanese: "`%s` は%sで、シェルだけが解釈するものです。kanzenはシェルを使わずにkubectlを直接実行します。kubectlのコマンドを1つだけ入力してください",
}

var shellPipe = lessons.Text{lessons.English: "a pipe", lessons.Japanese: "パイプ"}

var shellRedirect = lessons.Text{lessons.English: "a redirection", lessons.Japanese: "リダイレクト"}

var shellList = lessons.Text{lessons.English: "a way to run several commands", lessons.Japanese: "複数のコマンドをつなぐ記号"}

var shellSubstitution = lessons.Text{lessons.English: "command substitution", lessons.Japanese: "コマンド置換"}

var shellVariable = lessons.Text{lessons.English: "a shell variable", lessons.Japanese: "シェル変数"}

var shellGrouping = lessons.Text{lessons.English: "grouping", lessons.Japanese: "グループ化"}

var emptyCommand = lessons.Text{
	lessons.English:  "type a kubectl command",
	lessons.Japanese: "kubectlのコマンドを入力してください",
}

var notKubectl = lessons.Text{
	lessons.English:  "the answer is a kubectl command, and this one starts with %q",
	lessons.Japanese: "答えはkubectlのコマンドですが、これは %q で始まっています",
}

var kubectlAlias = lessons.Text{
	lessons.English:  "type kubectl in full: %q is an alias of your shell, and kanzen runs no shell",
	lessons.Japanese: "kubectlと省略せずに入力してください。%q はシェルのエイリアスで、kanzenはシェルを使いません",
}

var kubectlPath = lessons.Text{
	lessons.English:  "type kubectl without a path: kanzen runs its own kubectl",
	lessons.Japanese: "パスを付けずにkubectlと入力してください。kanzenは自分のkubectlを実行します",
}

var noVerb = lessons.Text{
	lessons.English:  "kubectl needs a verb here: run, create, apply or expose",
	lessons.Japanese: "kubectlの後に動詞（run、create、apply、expose）が必要です",
}

var verbFirst = lessons.Text{
	lessons.English:  "put the verb right after kubectl (kubectl run|create|apply|expose ...), not %q",
	lessons.Japanese: "kubectlのすぐ後に動詞を書いてください（kubectl run|create|apply|expose ...）。%q ではありません",
}

var verbNotAllowed = lessons.Text{
	lessons.English:  "kubectl %s does not make an object; the answer here uses run, create, apply or expose",
	lessons.Japanese: "kubectl %s はオブジェクトを作りません。ここではrun、create、apply、exposeのどれかで答えます",
}

var flagNotAllowed = lessons.Text{
	lessons.English:  "leave out %s: kanzen chooses the cluster, the credentials and the namespace (its scratch namespace %s)",
	lessons.Japanese: "%s は外してください。クラスタ、認証情報、名前空間はkanzenが決めます（スクラッチ用の名前空間 %s）",
}

var fileNotAllowed = lessons.Text{
	lessons.English:  "leave out %s: kanzen reads no files or URLs for an answer; use -f - and type the manifest on the lines after the command",
	lessons.Japanese: "%s は外してください。kanzenは解答のためにファイルやURLを読みません。-f - を使い、コマンドの次の行からマニフェストを入力してください",
}

var kustomizeNotAllowed = lessons.Text{
	lessons.English:  "leave out %s: kanzen reads no directories for an answer; use -f - and type the manifest on the lines after the command",
	lessons.Japanese: "%s は外してください。kanzenは解答のためにディレクトリを読みません。-f - を使い、コマンドの次の行からマニフェストを入力してください",
}

var fromFileNotAllowed = lessons.Text{
	lessons.English:  "leave out %s: kanzen reads no files from your disk for an answer; give the values on the command line, such as with --from-literal",
	lessons.Japanese: "%s は外してください。kanzenは解答のためにディスク上のファイルを読みません。--from-literal などで値をコマンドラインに書いてください",
}

var editNotAllowed = lessons.Text{
	lessons.English:  "leave out %s: it opens an editor",
	lessons.Japanese: "%s は外してください。エディタが開きます",
}

var subcommandNotAllowed = lessons.Text{
	lessons.English:  "kubectl %s %s is not an answer here: kanzen runs only the commands the quizzes teach",
	lessons.Japanese: "kubectl %s %s はここでの答えになりません。kanzenはクイズで学ぶコマンドだけを実行します",
}

var kindNotAllowed = lessons.Text{
	lessons.English:  "kanzen runs kubectl create with a kind the quizzes teach (%[2]s), not %[1]q",
	lessons.Japanese: "kanzenがkubectl createで実行するのはクイズで学ぶ種類（%[2]s）だけで、%[1]q は実行しません",
}

var typeMissing = lessons.Text{
	lessons.English:  "kubectl %s needs its type next, such as clusterip or generic",
	lessons.Japanese: "kubectl %s の後には種類（clusteripやgenericなど）が必要です",
}

var spellWithDashes = lessons.Text{
	lessons.English:  "write %s as %s: kanzen takes flags only as kubectl spells them",
	lessons.Japanese: "%s は %s と書いてください。kanzenはkubectlの表記どおりのフラグだけを受け付けます",
}

var writesFiles = lessons.Text{
	lessons.English:  "leave out %s: it writes files, and kanzen writes nothing on your disk for an answer",
	lessons.Japanese: "%s は外してください。ファイルを書き込みますが、kanzenは解答のためにディスクへ何も書きません",
}

var flagNotTaken = lessons.Text{
	lessons.English:  "leave out %s: kanzen runs kubectl %s with only these flags: %s",
	lessons.Japanese: "%s は外してください。kanzenがkubectl %s に渡すのは次のフラグだけです：%s",
}

var oneCommand = lessons.Text{
	lessons.English:  "type one command; lines after it are read only as the manifest of -f -",
	lessons.Japanese: "コマンドは1つだけ入力してください。2行目以降は -f - のマニフェストとしてだけ読みます",
}

var stdinMissing = lessons.Text{
	lessons.English:  "-f - reads a manifest: type it on the lines after the command",
	lessons.Japanese: "-f - はマニフェストを読みます。コマンドの次の行から入力してください",
}

var noCluster = lessons.Text{
	lessons.English:  "not graded: this question needs a cluster, and there is none (%v)",
	lessons.Japanese: "採点なし：この問題にはクラスタが必要ですが、ありません（%v）",
}

var noClusterConfigured = lessons.Text{lessons.English: "no cluster configured", lessons.Japanese: "クラスタが設定されていません"}

var scratchProblem = lessons.Text{
	lessons.English:  "not graded: kanzen cannot use its scratch namespace %s: %v",
	lessons.Japanese: "採点なし：kanzenはスクラッチ用の名前空間 %s を使えません：%v",
}

var clusterUnreachable = lessons.Text{
	lessons.English:  "not graded: the cluster does not answer: %s",
	lessons.Japanese: "採点なし：クラスタが応答しません：%s",
}

var clusterError = lessons.Text{
	lessons.English:  "not graded: the cluster could not grade this answer: %s",
	lessons.Japanese: "採点なし：クラスタがこの解答を採点できませんでした：%s",
}

var answerTooLong = lessons.Text{
	lessons.English:  "not graded: the answer is %d bytes, and kanzen grades answers of up to %d",
	lessons.Japanese: "採点なし：解答が%dバイトあります。kanzenが採点するのは%dバイトまでです",
}

var controlCharacter = lessons.Text{
	lessons.English:  "not graded: the answer holds a control character (%q), which no command has",
	lessons.Japanese: "採点なし：解答に制御文字（%q）が含まれています。コマンドには含まれない文字です",
}

var kanzenFailed = lessons.Text{
	lessons.English:  "not graded: kanzen failed while grading: %v",
	lessons.Japanese: "採点なし：kanzenが採点中に失敗しました：%v",
}

var kubectlFailed = lessons.Text{
	lessons.English:  "kubectl says: %s",
	lessons.Japanese: "kubectlのエラー：%s",
}

var wrongKind = lessons.Text{
	lessons.English:  "this command makes a %s; the question asks for a %s",
	lessons.Japanese: "このコマンドが作るのは%sです。問題が求めているのは%sです",
}

var makesKind = lessons.Text{
	lessons.English:  "it makes a %s",
	lessons.Japanese: "%sを作る",
}

var noObject = lessons.Text{
	lessons.English:  "kubectl returned no object",
	lessons.Japanese: "kubectlはオブジェクトを返しませんでした",
}

// ForExample gives one right answer of several.
var ForExample = lessons.Text{
	lessons.English:  "for example: %s",
	lessons.Japanese: "例：%s",
}

var resourceUnknown = lessons.Text{
	lessons.English:  "not graded: this cluster serves no resource %q",
	lessons.Japanese: "採点なし：このクラスタにはリソース %q がありません",
}

var discoveryFailed = lessons.Text{
	lessons.English:  "not graded: cannot read the cluster's resources: %v",
	lessons.Japanese: "採点なし：クラスタのリソース一覧を読めません：%v",
}

var isVersionNotGroup = lessons.Text{
	lessons.English:  "%q is an API version; the group is the part before the slash, and the core group has no name",
	lessons.Japanese: "%q はAPIバージョンです。グループはスラッシュの前の部分で、コアグループには名前がありません",
}

var coreGroup = lessons.Text{
	lessons.English:  `core ("")`,
	lessons.Japanese: `コア（""）`,
}

var noShortNames = lessons.Text{
	lessons.English:  "none",
	lessons.Japanese: "なし",
}

var answerTrue = lessons.Text{lessons.English: "true", lessons.Japanese: "正しい"}

var answerFalse = lessons.Text{lessons.English: "false", lessons.Japanese: "誤り"}

var chooseOne = lessons.Text{
	lessons.English:  "choose exactly one",
	lessons.Japanese: "1つだけ選んでください",
}

var choiceOutOfRange = lessons.Text{
	lessons.English:  "there is no choice %d",
	lessons.Japanese: "選択肢 %d はありません",
}

var notAPermutation = lessons.Text{
	lessons.English:  "put every item in the order once",
	lessons.Japanese: "すべての項目を1回ずつ並べてください",
}

var misplacedItems = lessons.Text{
	lessons.English:  "misplaced: %s",
	lessons.Japanese: "分類が違うもの：%s",
}

var unsorted = lessons.Text{
	lessons.English:  "not sorted",
	lessons.Japanese: "未分類",
}

var answerTrueFalse = lessons.Text{
	lessons.English:  "answer true or false",
	lessons.Japanese: "trueかfalseで答えてください",
}

var promptNamespaced = lessons.Text{
	lessons.English:  "Is the resource `%s` namespaced? (true or false)",
	lessons.Japanese: "リソース `%s` はNamespaceに属しますか？（trueかfalse）",
}

var promptShortNames = lessons.Text{
	lessons.English:  "What is the short name of the resource `%s`?",
	lessons.Japanese: "リソース `%s` の短縮名は何ですか？",
}

var promptGroup = lessons.Text{
	lessons.English:  "Which API group serves the resource `%s`? (type core for the core group)",
	lessons.Japanese: "リソース `%s` はどのAPIグループに属しますか？（コアグループならcoreと入力）",
}

var promptVersion = lessons.Text{
	lessons.English:  "Which version of its API group does this cluster prefer for the resource `%s`?",
	lessons.Japanese: "このクラスタはリソース `%s` にどのAPIバージョンを使いますか？",
}

var promptKind = lessons.Text{
	lessons.English:  "What is the kind of the objects of the resource `%s`?",
	lessons.Japanese: "リソース `%s` のオブジェクトのkindは何ですか？",
}

// Refusal is an answer kanzen will not run, such as one that is not a
// kubectl command or picks its own namespace. It is not a wrong answer: the
// learner may type the command again.
type Refusal struct{ msg lessons.Message }

func refuse(t lessons.Text, args ...any) *Refusal { return &Refusal{t.With(args...)} }

// In says why, in lang.
func (r *Refusal) In(lang lessons.Lang) string { return r.msg.In(lang) }

func (r *Refusal) Error() string { return r.In(lessons.English) }

// IsRefusal reports whether err is a *Refusal.
func IsRefusal(err error) bool {
	var r *Refusal
	return errors.As(err, &r)
}

// categoryNames are the book's names of its categories of resources.
var categoryNames = map[Category]lessons.Text{
	Workloads:     {lessons.English: "Workloads", lessons.Japanese: "Workloadsリソース"},
	DiscoveryLB:   {lessons.English: "Discovery & LB", lessons.Japanese: "Discovery & LBリソース"},
	ConfigStorage: {lessons.English: "Config & Storage", lessons.Japanese: "Config & Storageリソース"},
	ClusterRes:    {lessons.English: "Cluster", lessons.Japanese: "Clusterリソース"},
	Metadata:      {lessons.English: "Metadata", lessons.Japanese: "Metadataリソース"},
}

// The phrases of a verdict and of a sitting's summary, which every front
// end shows (see present.go).

// NothingDue says the review is empty, and what fills it.
var NothingDue = lessons.Text{
	lessons.English:  "Nothing is due for review. Missed questions come back here.",
	lessons.Japanese: "復習する問題はありません。間違えた問題がここに戻ってきます。",
}

// TypeAnAnswer asks for an answer where none was typed.
var TypeAnAnswer = lessons.Text{lessons.English: "Type an answer.", lessons.Japanese: "答えを入力してください。"}

// TypeAgain asks for an answer kanzen refused to be typed again.
var TypeAgain = lessons.Text{lessons.English: "Type it again.", lessons.Japanese: "もう一度入力してください。"}

var rightVerdict = lessons.Text{lessons.English: "Right.", lessons.Japanese: "正解です。"}

var wrongVerdict = lessons.Text{lessons.English: "Not quite.", lessons.Japanese: "不正解です。"}

var notGradedVerdict = lessons.Text{lessons.English: "Not graded.", lessons.Japanese: "採点なし。"}

var misplacedHeading = lessons.Text{
	lessons.English:  "Misplaced, with where you put them:",
	lessons.Japanese: "分類が違うもの（括弧内はあなたの分類）：",
}

var answerHeading = lessons.Text{lessons.English: "Answer:", lessons.Japanese: "正解："}

var lessonLine = lessons.Text{lessons.English: "Lesson: %s", lessons.Japanese: "レッスン：%s"}

var answerNamespaced = lessons.Text{lessons.English: "true: namespaced", lessons.Japanese: "true: Namespaceに属する"}

var answerClusterScoped = lessons.Text{lessons.English: "false: cluster-scoped", lessons.Japanese: "false: クラスタ全体のリソース"}

var quizFinished = lessons.Text{lessons.English: "Quiz of chapter %s finished", lessons.Japanese: "第%s章のクイズが終わりました"}

var reviewFinished = lessons.Text{lessons.English: "Review finished", lessons.Japanese: "復習が終わりました"}

var scoreLine = lessons.Text{
	lessons.English:  "Score: %d of %d right (%d%%)",
	lessons.Japanese: "スコア：%[2]d問中%[1]d問正解（%[3]d%%）",
}

var notGradedCount = lessons.Text{lessons.English: " · %d not graded", lessons.Japanese: " · 採点なし%d問"}

var passMark = lessons.Text{lessons.English: "Pass mark %d%%: ", lessons.Japanese: "合格ライン%d%%："}

// PassedWord and NotPassedWord say whether a score reaches the pass mark.
var PassedWord = lessons.Text{lessons.English: "passed", lessons.Japanese: "合格"}

var NotPassedWord = lessons.Text{lessons.English: "not passed", lessons.Japanese: "不合格"}

var toReview = lessons.Text{
	lessons.English:  "%d missed went to review%s: they come back today, then after 1, 3, 7 and 16 days.",
	lessons.Japanese: "間違えた%d問は復習%sに回りました。今日のうちに、その後は1日、3日、7日、16日後にまた出題されます。",
}

var dueNow = lessons.Text{lessons.English: "Questions due for review now: %d", lessons.Japanese: "今復習できる問題：%d問"}
