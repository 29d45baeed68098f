package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"kanzen.dev/kanzen/lessons"
)

// where is a set of the screens, and stages of a quiz, a key works on.
type where uint16

const (
	onHome where = 1 << iota
	onStudy
	// onChoosing: a quiz question answered by choosing.
	onChoosing
	// onTyping: a quiz question answered by typing, where other keys type.
	onTyping
	onGrading
	onJudged
	onFinished

	onQuiz    = onChoosing | onTyping | onGrading | onJudged | onFinished
	onReading = onHome | onStudy
	// onCommands: everywhere keys are commands rather than typing.
	onCommands = onReading | onChoosing | onGrading | onJudged | onFinished
)

// binding is a key binding: its keys, what help and the footers call it
// in each language, and where it works. The table below is the only place
// keys are named: key handling, the footers and the help overlay all read
// it, so that help cannot drift from what the keys do.
type binding struct {
	key.Binding
	on where
	// help says what the keys do, in the help overlay under the keys'
	// help name; a binding without help is one of a group whose first
	// binding speaks for it.
	help lessons.Text
	// short is the footer's word for it, after footKeys (the help's name
	// for the keys when empty).
	short    lessons.Text
	footKeys string
}

// newBinding binds keys where they work; helpKeys names them in help,
// whose English text the key.Binding keeps too.
func newBinding(on where, keys []string, helpKeys string, help, short lessons.Text) *binding {
	return &binding{Binding: key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKeys, help.In(lessons.English))), on: on, help: help, short: short}
}

// footer names the keys and what they do as a footer shows them, in lang.
func (b *binding) footer(lang lessons.Lang, chapters int) string {
	return strings.TrimSpace(withChapters(b.footName(), chapters) + " " + b.short.In(lang))
}

// footName is the footer's name for the keys.
func (b *binding) footName() string {
	if b.footKeys != "" {
		return b.footKeys
	}
	return b.Help().Key
}

// withChapters puts the number keys' reach, 1 to the chapter count (at
// most 9), into a key name that has room for it.
func withChapters(keys string, chapters int) string {
	if !strings.Contains(keys, "%d") {
		return keys
	}
	return fmt.Sprintf(keys, min(chapters, 9))
}

// or names the binding's keys, or other keys, and what they do.
func (b *binding) or(other string, lang lessons.Lang) string {
	return orKeys.With(b.footName(), other, b.short).In(lang)
}

// numbers names the number keys from 1 to n.
func numbers(n int) string { return fmt.Sprintf("1–%d", n) }

// footing sets a binding's footer name for its keys.
func (b *binding) footing(keys string) *binding {
	b.footKeys = keys
	return b
}

// The bindings, in the order help lists them.
var (
	// Reading: the chapter list and a lesson with its exercise.
	prevStepKey = newBinding(onStudy, []string{"left", "p"}, "←/→ p/n",
		lessons.Text{lessons.English: "previous / next step (a lesson with its exercise)", lessons.Japanese: "前 / 次のステップ（レッスンと演習）"},
		lessons.Text{lessons.English: "step", lessons.Japanese: "移動"}).footing("←/→")
	nextStepKey = newBinding(onStudy, []string{"right", "n"}, "", nil, nil)
	upKey       = newBinding(onReading, []string{"up", "k"}, "↑/↓ pgup/pgdn",
		lessons.Text{lessons.English: "scroll the focused pane", lessons.Japanese: "フォーカス中のペインをスクロール"},
		chooseWord).footing("↑/↓")
	downKey     = newBinding(onReading, []string{"down", "j"}, "", nil, nil)
	pageUpKey   = newBinding(onReading, []string{"pgup", "b"}, "", nil, nil)
	pageDownKey = newBinding(onReading, []string{"pgdown", "space", "f"}, "", nil, nil)
	focusKey    = newBinding(onStudy, []string{"tab", "shift+tab"}, "tab",
		lessons.Text{lessons.English: "switch focus: lesson / exercise", lessons.Japanese: "フォーカス切替: レッスン / 演習"},
		lessons.Text{lessons.English: "focus", lessons.Japanese: "切替"})
	startKey = newBinding(onStudy, []string{"enter"}, "enter",
		lessons.Text{lessons.English: "start the exercise (creates its namespace)", lessons.Japanese: "演習を開始（Namespaceを作成）"},
		lessons.Text{lessons.English: "start", lessons.Japanese: "開始"})
	hintKey = newBinding(onStudy, []string{"h"}, "h",
		lessons.Text{lessons.English: "reveal the next hint (three levels)", lessons.Japanese: "次のヒントを表示（3段階）"},
		lessons.Text{lessons.English: "hint", lessons.Japanese: "ヒント"})
	solutionKey = newBinding(onStudy, []string{"s"}, "s",
		lessons.Text{lessons.English: "show the reference solution", lessons.Japanese: "模範解答を表示"},
		lessons.Text{lessons.English: "solution", lessons.Japanese: "解答"})
	resetKey = newBinding(onStudy, []string{"r"}, "r",
		lessons.Text{lessons.English: "reset the exercise (asks first)", lessons.Japanese: "演習をリセット（確認あり）"},
		lessons.Text{lessons.English: "reset", lessons.Japanese: "リセット"})
	shellKey = newBinding(onStudy, []string{"!"}, "!",
		lessons.Text{lessons.English: "a shell whose kubectl works in the exercise namespace", lessons.Japanese: "演習のNamespaceを設定したシェルを開く"},
		lessons.Text{lessons.English: "shell", lessons.Japanese: "シェル"})
	quizKey = newBinding(onStudy, []string{"Q"}, "Q",
		lessons.Text{lessons.English: "this chapter's quiz (back to one under way)", lessons.Japanese: "この章のクイズ（途中のクイズに戻る）"},
		lessons.Text{lessons.English: "quiz", lessons.Japanese: "クイズ"})
	chaptersKey = newBinding(onStudy, []string{"c", "esc"}, "c / esc",
		lessons.Text{lessons.English: "chapters", lessons.Japanese: "章の一覧"}, nil)
	chapterKey = newBinding(onHome, []string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}, "1–%d g G",
		lessons.Text{lessons.English: "in the chapters: a chapter, the top, the bottom", lessons.Japanese: "章の一覧で: 各章、先頭、末尾へ"},
		lessons.Text{lessons.English: "chapter", lessons.Japanese: "章"}).footing("1–%d")
	topKey    = newBinding(onReading|onChoosing|onJudged|onFinished, []string{"home", "g"}, "", nil, nil)
	bottomKey = newBinding(onReading|onChoosing|onJudged|onFinished, []string{"end", "G"}, "", nil, nil)
	openKey   = newBinding(onHome, []string{"enter", "right", "l"}, "enter", nil,
		lessons.Text{lessons.English: "open", lessons.Japanese: "開く"})
	backKey = newBinding(onHome, []string{"esc"}, "", nil, nil)

	// The quiz.
	quizUpKey = newBinding(onChoosing, []string{"up", "k"}, "↑/↓",
		lessons.Text{lessons.English: "choose a choice or an item; scroll a verdict", lessons.Japanese: "選択肢や項目を選ぶ・判定をスクロール"},
		chooseWord)
	quizDownKey   = newBinding(onChoosing, []string{"down", "j"}, "", nil, nil)
	prevChoiceKey = newBinding(onChoosing, []string{"shift+tab"}, "", nil, nil)
	nextChoiceKey = newBinding(onChoosing, []string{"tab"}, "", nil, nil)
	answerKey     = newBinding(onChoosing|onTyping, []string{"enter"}, "enter",
		lessons.Text{lessons.English: "answer; then the next question", lessons.Japanese: "回答する・次の問題へ"},
		lessons.Text{lessons.English: "answer", lessons.Japanese: "回答"})
	numberKey = newBinding(onChoosing, []string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}, "1–9",
		lessons.Text{lessons.English: "answer, mark or sort by number", lessons.Japanese: "番号で回答・印付け・分類"}, nil)
	markKey = newBinding(onChoosing, []string{"space", "x"}, "space x",
		lessons.Text{lessons.English: "mark a choice (several answers)", lessons.Japanese: "選択肢に印を付ける（複数回答）"},
		lessons.Text{lessons.English: "mark", lessons.Japanese: "印を付ける"}).footing("space")
	moveUpKey = newBinding(onChoosing, []string{"shift+up", "K"}, "shift+↑/↓ K/J",
		lessons.Text{lessons.English: "move the chosen item (order)", lessons.Japanese: "選んだ項目を移動（並べ替え）"},
		lessons.Text{lessons.English: "move the item", lessons.Japanese: "項目を移動"}).footing("shift+↑/↓")
	moveDownKey  = newBinding(onChoosing, []string{"shift+down", "J"}, "", nil, nil)
	nextCategory = newBinding(onChoosing, []string{"right", "l"}, "←/→",
		lessons.Text{lessons.English: "the chosen item's category (sort)", lessons.Japanese: "選んだ項目のカテゴリ（分類）"},
		lessons.Text{lessons.English: "category", lessons.Japanese: "カテゴリ"})
	prevCategory = newBinding(onChoosing, []string{"left", "h"}, "", nil, nil)
	newLineKey   = newBinding(onTyping, []string{"alt+enter", "ctrl+j", "shift+enter"}, "alt+enter",
		lessons.Text{lessons.English: "a new line in a command (also ctrl+j or shift+enter)", lessons.Japanese: "コマンドの改行（ctrl+j や shift+enter でも可）"},
		newLineWord)
	checkKey = newBinding(onTyping, []string{"ctrl+d", "ctrl+s"}, "ctrl+d ctrl+s",
		lessons.Text{lessons.English: "check a command with its manifest (-f -)", lessons.Japanese: "マニフェスト付きのコマンドを確認（-f -）"},
		checkWord).footing("ctrl+d")
	sendKey = newBinding(onTyping, []string{"enter"}, "enter", nil,
		checkWord)
	lineKey = newBinding(onTyping, []string{"enter"}, "enter", nil,
		newLineWord)
	indentKey = newBinding(onTyping, []string{"tab"}, "", nil, nil)
	nextKey   = newBinding(onJudged, []string{"enter", "n", "right"}, "enter", nil,
		lessons.Text{lessons.English: "next", lessons.Japanese: "次へ"})
	// lastKey is enter's footer name on the last question's verdict.
	lastKey = newBinding(onJudged, []string{"enter", "n", "right"}, "enter", nil,
		lessons.Text{lessons.English: "see the score", lessons.Japanese: "スコアを見る"})
	lessonKey = newBinding(onJudged, []string{"l"}, "l",
		lessons.Text{lessons.English: "open the lesson behind the answer (Q returns)", lessons.Japanese: "答えを教えるレッスンを開く（Q で戻る）"},
		lessonTab)
	scrollUpKey = newBinding(onJudged|onFinished, []string{"up", "k"}, "↑/↓", nil,
		scrollWord)
	scrollDownKey = newBinding(onJudged|onFinished, []string{"down", "j"}, "", nil, nil)
	quizPageUpKey = newBinding(onQuiz&^onTyping, []string{"pgup", "b"}, "pgup/pgdn",
		scrollWord, nil)
	quizPageDownKey = newBinding(onQuiz&^onTyping, []string{"pgdown", "space", "f"}, "", nil, nil)
	// While typing, only the keys that type nothing scroll.
	typingPageUpKey   = newBinding(onTyping, []string{"pgup"}, "", nil, nil)
	typingPageDownKey = newBinding(onTyping, []string{"pgdown"}, "", nil, nil)
	toChaptersKey     = newBinding(onFinished, []string{"enter"}, "enter", nil,
		lessons.Text{lessons.English: "chapters", lessons.Japanese: "章の一覧へ"})
	leaveKey = newBinding(onQuiz, []string{"esc"}, "esc",
		lessons.Text{lessons.English: "leave the quiz (answers so far are saved)", lessons.Japanese: "クイズを終える（それまでの答えは保存）"},
		lessons.Text{lessons.English: "leave", lessons.Japanese: "終える"})
	// leaveQuizKey is esc's longer name, where a line has room for it.
	leaveQuizKey = newBinding(onTyping|onJudged, []string{"esc"}, "esc", nil,
		lessons.Text{lessons.English: "leave the quiz", lessons.Japanese: "クイズを終える"})

	// Everywhere but where keys type.
	sandboxKey = newBinding(onCommands, []string{"S"}, "S",
		lessons.Text{lessons.English: "start kanzen's sandbox cluster", lessons.Japanese: "kanzen のサンドボックスを起動"}, nil)
	langKey = newBinding(onCommands, []string{"L"}, "L",
		lessons.Text{lessons.English: "English / 日本語", lessons.Japanese: "English / 日本語"},
		lessons.Text{lessons.English: "日本語", lessons.Japanese: "English"})
	helpKey = newBinding(onCommands, []string{"?"}, "?",
		lessons.Text{lessons.English: "this help", lessons.Japanese: "このヘルプ"},
		lessons.Text{lessons.English: "help", lessons.Japanese: "ヘルプ"})
	quitKey = newBinding(onReading, []string{"q"}, "q",
		lessons.Text{lessons.English: "quit (progress is saved)", lessons.Japanese: "終了（進捗は保存されます）"},
		quitWord)
	quitQuizKey = newBinding(onQuiz&^onTyping, []string{"q"}, "q",
		lessons.Text{lessons.English: "quit (answers so far are saved)", lessons.Japanese: "終了（それまでの答えは保存）"},
		quitWord)
	// interruptKey quits from anywhere, typing included.
	interruptKey = newBinding(onReading|onQuiz, []string{"ctrl+c"}, "", nil, nil)

	// A question in an overlay.
	yesKey = newBinding(onReading|onQuiz, []string{"y", "Y"}, "y", nil,
		lessons.Text{lessons.English: "yes", lessons.Japanese: "はい"})
	noKey = newBinding(onReading|onQuiz, []string{"n", "N", "esc", "q"}, "n", nil,
		lessons.Text{lessons.English: "no", lessons.Japanese: "いいえ"})
)

// keyTable lists the bindings in the order help shows them.
var keyTable = []*binding{
	prevStepKey, nextStepKey, upKey, downKey, pageUpKey, pageDownKey, focusKey, startKey, hintKey,
	solutionKey, resetKey, shellKey, quizKey, chaptersKey, chapterKey, topKey, bottomKey,
	openKey, backKey,
	quizUpKey, quizDownKey, prevChoiceKey, nextChoiceKey, answerKey, numberKey, markKey, moveUpKey, moveDownKey, nextCategory,
	prevCategory, newLineKey, checkKey, sendKey, lineKey, indentKey, nextKey, lastKey, lessonKey, scrollUpKey,
	scrollDownKey, quizPageUpKey, quizPageDownKey, typingPageUpKey, typingPageDownKey, toChaptersKey, leaveKey, leaveQuizKey,
	sandboxKey, langKey, helpKey, quitKey, quitQuizKey, interruptKey, yesKey, noKey,
}

// The footers: which bindings each screen names, in order.
var (
	homeFooter     = []*binding{upKey, chapterKey, openKey, langKey, helpKey, quitKey}
	studyFooter    = []*binding{helpKey, focusKey, prevStepKey, startKey, hintKey, shellKey, quizKey, langKey, quitKey}
	choosingFooter = []*binding{helpKey, quizUpKey, answerKey, leaveKey, langKey, quitQuizKey}
	commandFooter  = []*binding{sendKey, newLineKey, leaveQuizKey}
	textFooter     = []*binding{answerKey, leaveQuizKey}
	manifestFooter = []*binding{checkKey, lineKey, leaveQuizKey}
	gradingFooter  = []*binding{helpKey, leaveKey, langKey, quitQuizKey}
	judgedFooter   = []*binding{helpKey, nextKey, lessonKey, scrollUpKey, leaveKey, langKey, quitQuizKey}
	finishedFooter = []*binding{helpKey, toChaptersKey, langKey, quitQuizKey}
	yesNoFooter    = []*binding{yesKey, noKey}
	// exerciseFooter follows the hint key in the exercise pane.
	exerciseFooter = []*binding{solutionKey, resetKey, shellKey}
	// Under a question: the keys that go on from a verdict or the score.
	judgedKeys   = []*binding{nextKey, lessonKey, leaveQuizKey}
	lastKeys     = []*binding{lastKey, lessonKey}
	finishedKeys = []*binding{toChaptersKey}
)

// footerText names bindings as a footer does: "? help · q quit".
func footerText(bs []*binding, lang lessons.Lang, chapters int) string {
	var parts []string
	for _, b := range bs {
		parts = append(parts, b.footer(lang, chapters))
	}
	return strings.Join(parts, " · ")
}

// helpRows are the help overlay's rows for the screens in on: the keys'
// help name and what they do.
func helpRows(on where, lang lessons.Lang, chapters int) [][2]string {
	var rows [][2]string
	for _, b := range keyTable {
		if b.on&on != 0 && b.help != nil {
			rows = append(rows, [2]string{withChapters(b.Help().Key, chapters), b.help.In(lang)})
		}
	}
	return rows
}

// where is the screen, or the quiz's stage, keys work on now.
func (m Model) where() where {
	switch {
	case m.screen == homeScreen:
		return onHome
	case m.screen != quizScreen || !m.quiz.open():
		return onStudy
	case m.quiz.stage == grading:
		return onGrading
	case m.quiz.stage == judged:
		return onJudged
	case m.quiz.stage == finished:
		return onFinished
	case m.quiz.typing():
		return onTyping
	}
	return onChoosing
}

// pressed reports whether msg is one of the bindings that work here.
func (m Model) pressed(msg tea.KeyPressMsg, bs ...*binding) bool {
	here := m.where()
	for _, b := range bs {
		if b.on&here != 0 && key.Matches(msg, b.Binding) {
			return true
		}
	}
	return false
}
