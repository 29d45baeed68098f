package tui

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"kanzen.dev/kanzen/internal/check"
	"kanzen.dev/kanzen/internal/kube"
	"kanzen.dev/kanzen/internal/progress"
	"kanzen.dev/kanzen/internal/quiz"
	"kanzen.dev/kanzen/lessons"
)

// quizzes is the frozen quiz of testdata/course/quizzes: one question of
// each kind of answer, so that the golden views do not follow the content.
func quizzes(t testing.TB, c *lessons.Course) []*quiz.Quiz {
	t.Helper()
	qs, err := quiz.Load(os.DirFS("testdata/course"), c)
	if err != nil {
		t.Fatal(err)
	}
	return qs
}

// quizNow is the tests' clock, which also fixes the shuffles.
var quizNow = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

// quizModel is the TUI at chapter 2's quiz, the first question asked.
// With a cluster it has a local one and a grader for it (commands are
// not run: tests deliver the verdicts); without, the grader is nil.
func quizModel(t testing.TB, opts Options, w, h int) Model {
	t.Helper()
	opts.Now = func() time.Time { return quizNow }
	if opts.Cluster != nil && opts.Grader == nil {
		opts.Grader = &quiz.Grader{Target: opts.Cluster}
	}
	m := newModel(t, opts, w, h)
	next, _ := m.openQuiz(quiz.Find(m.opts.Quizzes, "2"))
	return next.(Model)
}

// drive delivers a message and then, for a model without a cluster, what
// its commands answer, as the program would: grading (which says why it
// cannot), saving and quitting. With a cluster, tests deliver verdicts
// themselves, and nothing runs kubectl.
func drive(t testing.TB, m Model, msg tea.Msg) Model {
	t.Helper()
	next, cmd := m.Update(msg)
	m = next.(Model)
	if m.grader != nil && m.grader.Target != nil || m.cluster.target != nil {
		return m
	}
	for _, msg := range run(cmd) {
		m = drive(t, m, msg)
	}
	return m
}

// run runs a command and those it batches or sequences.
func run(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if batch, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range batch {
			out = append(out, run(c)...)
		}
		return out
	}
	// A sequence is an unexported slice of commands.
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
		var out []tea.Msg
		for i := range v.Len() {
			out = append(out, run(v.Index(i).Interface().(tea.Cmd))...)
		}
		return out
	}
	if msg == nil {
		return nil
	}
	return []tea.Msg{msg}
}

func keys(t testing.TB, m Model, ks ...string) Model {
	t.Helper()
	for _, k := range ks {
		m = drive(t, m, quizKeyMsg(k))
	}
	return m
}

// quizKeyMsg is keyMsg with the keys the quiz adds.
func quizKeyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "shift+up":
		return tea.KeyPressMsg{Code: tea.KeyUp, Mod: tea.ModShift}
	case "shift+down":
		return tea.KeyPressMsg{Code: tea.KeyDown, Mod: tea.ModShift}
	case "alt+enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter, Mod: tea.ModAlt}
	case "ctrl+d":
		return tea.KeyPressMsg{Code: 'd', Mod: tea.ModCtrl}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	}
	return keyMsg(k)
}

// typeText types s one key at a time.
func typeText(t testing.TB, m Model, s string) Model {
	t.Helper()
	for _, r := range s {
		m = drive(t, m, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return m
}

// rightKeys are the keys that answer the current question right; a
// command or discovery answer is typed and sent.
func rightKeys(t testing.TB, m Model) Model {
	t.Helper()
	p := m.quiz
	a := p.asked
	switch widgetOf(a) {
	case pickOne:
		n := 1
		switch {
		case a.Type == quiz.Single:
			n = shown(m, a.Correct[0])
		case a.Type == quiz.TrueFalse && !a.Truth:
			n = 2
		case a.Type == quiz.Discovery:
			n = 2 // Nodes are not namespaced.
		}
		return keys(t, m, strconv.Itoa(n))
	case pickSome:
		for _, c := range a.Correct {
			m = keys(t, m, strconv.Itoa(shown(m, c)))
		}
		return keys(t, m, "enter")
	case ordering:
		// Move each item, in the right order, up to its place.
		for want := range len(a.Items) {
			at := slices.IndexFunc(m.quiz.order, func(pos int) bool { return a.Shown[pos] == want })
			for m.quiz.cursor < at {
				m = keys(t, m, "down")
			}
			for m.quiz.cursor > at {
				m = keys(t, m, "up")
			}
			for range at - want {
				m = keys(t, m, "K")
			}
		}
		return keys(t, m, "enter")
	case sorting:
		for _, i := range a.Shown {
			m = keys(t, m, strconv.Itoa(slices.Index(a.Categories, a.Sorted[i].Category)+1))
		}
		return keys(t, m, "enter")
	}
	if a.Type == quiz.Command {
		return keys(t, typeText(t, m, a.Examples[0]), "enter")
	}
	return keys(t, typeText(t, m, "deploy"), "enter")
}

// shown is the number shown for a choice, which the screen shuffles.
func shown(m Model, choice int) int { return slices.Index(m.quiz.asked.Shown, choice) + 1 }

// wrongKeys answer the current question wrong where the content judges it.
func wrongKeys(t testing.TB, m Model) Model {
	t.Helper()
	a := m.quiz.asked
	switch widgetOf(a) {
	case pickOne:
		n := 1
		switch {
		case a.Type == quiz.Single && shown(m, a.Correct[0]) == 1:
			n = 2
		case a.Type == quiz.TrueFalse && a.Truth:
			n = 2
		}
		return keys(t, m, strconv.Itoa(n))
	case pickSome:
		return keys(t, m, strconv.Itoa(shown(m, a.Correct[0])), "enter")
	case ordering:
		return keys(t, m, "enter") // Shown as shuffled, never in order.
	case sorting:
		return keys(t, m, append(slices.Repeat([]string{"1"}, len(a.Shown)), "enter")...)
	}
	return rightKeys(t, m)
}

// until answers right until the question with id is asked.
func until(t testing.TB, m Model, id string) Model {
	t.Helper()
	for m.quiz.asked.ID != id {
		if m.quiz.stage != answering {
			t.Fatalf("question %s: stage %d", m.quiz.asked.ID, m.quiz.stage)
		}
		m = rightKeys(t, m)
		if m.quiz.stage == grading {
			// Tests with a cluster deliver its verdict themselves.
			m = drive(t, m, quizGradedMsg{run: m.quiz.run, number: m.quiz.asked.Number, verdict: quiz.Verdict{Correct: true, Lesson: m.quiz.asked.Lesson}})
		}
		m = keys(t, m, "enter")
	}
	return m
}

func TestQuizGoldenViews(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {140, 40}} {
		for _, lang := range lessons.Langs {
			suffix := string(lang) + "-" + strconv.Itoa(size.w) + "x" + strconv.Itoa(size.h)
			// A run is shared by copies of the model, so each view starts
			// a sitting of its own.
			start := func() Model { return quizModel(t, Options{Lang: lang, Cluster: localCluster}, size.w, size.h) }
			// Views are drawn at once, before the next keys move the run.
			views := map[string]string{
				"single": viewText(keys(t, start(), "down")),
			}
			multiple := keys(t, until(t, start(), "control-plane"), "1", "down", "down", "space")
			views["multiple"] = viewText(multiple)
			views["verdict-multiple"] = viewText(keys(t, multiple, "enter"))
			views["order"] = viewText(keys(t, until(t, start(), "create-chain"), "down", "K"))
			views["verdict-order"] = viewText(keys(t, until(t, start(), "create-chain"), "enter"))
			sort := keys(t, until(t, start(), "sort-basics"), "1", "2", "right", "right")
			views["sort"] = viewText(sort)
			views["verdict-sort"] = viewText(keys(t, until(t, start(), "sort-basics"), "1", "1", "1", "1", "1", "enter"))
			command := typeText(t, until(t, start(), "create-myapp"), "kubectl create deployment myapp --image=nginx --replicas=2")
			views["command"] = viewText(command)
			checking := keys(t, command, "enter")
			views["checking"] = viewText(checking)
			views["verdict-command"] = viewText(drive(t, checking, quizGradedMsg{run: checking.quiz.run, number: checking.quiz.asked.Number, verdict: quiz.Verdict{
				Want: "for example: kubectl create deployment myapp --image=nginx --replicas=3",
				Results: []check.Result{
					{ID: "kind", Title: "it makes a Deployment", Status: check.Pass},
					{ID: "name", Title: "the Deployment is named myapp", Status: check.Pass},
					{ID: "replicas", Title: "it asks for 3 replicas", Status: check.Fail, Have: "2", Want: "3"},
				},
				Explain: checking.quiz.asked.Explain.In(lang), Lesson: checking.quiz.asked.Lesson,
			}}))
			views["discovery"] = viewText(typeText(t, until(t, start(), "shortnames-deployments"), "deploy"))
			manifest := typeText(t, until(t, start(), "create-myapp"), "kubectl apply -f -")
			manifest = keys(t, manifest, "enter")
			manifest = typeText(t, manifest, "kind: Deployment")
			manifest = keys(t, manifest, "enter")
			views["manifest"] = viewText(typeText(t, manifest, "metadata:"))
			end := start()
			for end.quiz.stage != finished {
				end = wrongKeys(t, end)
				if end.quiz.stage == grading {
					end = drive(t, end, quizGradedMsg{run: end.quiz.run, number: end.quiz.asked.Number, verdict: quiz.Verdict{Skipped: true, Reason: "not graded: the test says so"}})
				}
				end = keys(t, end, "enter")
			}
			views["score"] = viewText(end)
			views["home"] = viewText(keys(t, end, "enter"))
			for name, view := range views {
				t.Run("quiz-"+name+"-"+suffix, func(t *testing.T) { goldenText(t, "quiz-"+name+"-"+suffix, view) })
			}
		}
	}
	t.Run("quiz-help-en-80x24", func(t *testing.T) {
		golden(t, "quiz-help-en-80x24", keys(t, quizModel(t, Options{Cluster: localCluster}, 80, 24), "?"))
	})
}

// store is a progress file in a test's temporary directory.
func store(t testing.TB) *progress.Store {
	return &progress.Store{Path: filepath.Join(t.TempDir(), "progress.json")}
}

func TestAnsweringEveryQuestionRightPassesAndIsSaved(t *testing.T) {
	s := store(t)
	m := quizModel(t, Options{Store: s}, 100, 30)
	for m.quiz.stage != finished {
		a := m.quiz.asked
		m = rightKeys(t, m)
		if m.quiz.stage != judged {
			t.Fatalf("%s: stage %d after answering, problem %q", a.ID, m.quiz.stage, m.quiz.problem)
		}
		v := m.quiz.verdict
		if a.NeedsCluster() {
			// Without a cluster, these say why they are not graded.
			if !v.Skipped || !strings.Contains(viewText(m), "not graded") {
				t.Fatalf("%s: %+v\n%s", a.ID, v, viewText(m))
			}
		} else if !v.Correct {
			t.Fatalf("%s: the right answer was judged wrong: %+v\n%s", a.ID, v, viewText(m))
		}
		m = keys(t, m, "enter")
	}
	score := m.quiz.run.Score()
	if score.Correct != 5 || score.Judged != 5 || score.Skipped != 3 || !score.Passed() {
		t.Fatalf("score %+v", score)
	}
	screen := viewText(m)
	for _, want := range []string{"Score: 5 of 5 right (100%) · 3 not graded", "Pass mark 80%: passed ✓"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the score lacks %q:\n%s", want, screen)
		}
	}
	saved, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	r, ok := saved.QuizResults("2")
	if !ok || r.Best.Score != 5 || r.Best.Total != 5 || !r.Best.Passed || !r.Last.Time.Equal(quizNow) {
		t.Fatalf("saved results %+v (%v)", r, ok)
	}
	m = keys(t, m, "enter")
	if m.screen != homeScreen || !strings.Contains(viewText(m), "Quiz · 8 questions · best 100% ✓") {
		t.Fatalf("the chapter list does not show the best score:\n%s", viewText(m))
	}
}

func TestWrongAnswersGoToReviewAndTheReviewAsksThem(t *testing.T) {
	s := store(t)
	m := quizModel(t, Options{Store: s}, 100, 30)
	for m.quiz.stage != finished {
		a := m.quiz.asked
		m = wrongKeys(t, m)
		if v := m.quiz.verdict; !a.NeedsCluster() && (v.Correct || m.quiz.stage != judged) {
			t.Fatalf("%s: a wrong answer was not judged wrong: %+v", a.ID, v)
		}
		if !a.NeedsCluster() && !strings.Contains(viewText(m), "✗ Not quite.") {
			t.Fatalf("%s: no ✗:\n%s", a.ID, viewText(m))
		}
		m = keys(t, m, "enter")
	}
	if s := m.quiz.run.Score(); s.Correct != 0 || s.Judged != 5 || s.Passed() {
		t.Fatalf("score %+v", s)
	}
	if screen := viewText(m); !strings.Contains(screen, "not passed") || !strings.Contains(screen, "5 missed went to review") {
		t.Fatalf("the score does not say what went to review:\n%s", screen)
	}
	saved, _ := s.Load()
	if r, _ := saved.QuizResults("2"); r.Last.Passed || r.Last.Score != 0 || r.Last.Total != 5 {
		t.Fatalf("saved results %+v", r)
	}
	if c := saved.QuizCard("2/scheduler"); c.Box != 1 || c.Last != progress.Missed {
		t.Fatalf("the missed question's card is %+v", c)
	}

	m = keys(t, m, "enter")
	home := viewText(m)
	if !strings.Contains(home, "Review · 5 due") || m.homeCursor != len(m.homeEntries())-1 {
		t.Fatalf("no review row, or the cursor (%d) is not on the quiz:\n%s", m.homeCursor, home)
	}
	for m.homeCursor > 0 {
		m = keys(t, m, "up")
	}
	m = keys(t, m, "enter")
	if m.screen != quizScreen || !m.quiz.run.Review() || len(m.quiz.run.Questions()) != 5 {
		t.Fatalf("enter on the review row did not start a review of 5: screen %d", m.screen)
	}
	if top := strings.Split(viewText(m), "\n")[0]; !strings.Contains(top, "kanzen · Review · 2 What Kubernetes is") {
		t.Fatalf("header %q", top)
	}
	for m.quiz.stage != finished {
		m = keys(t, rightKeys(t, m), "enter")
	}
	if screen := viewText(m); !strings.Contains(screen, "Review finished") || strings.Contains(screen, "Pass mark") {
		t.Fatalf("the end of a review:\n%s", screen)
	}
	saved, _ = s.Load()
	// A right answer to a due question moves it up a box, due tomorrow.
	if c := saved.QuizCard("2/scheduler"); c.Box != 2 || !c.Due.After(quizNow) {
		t.Fatalf("the reviewed card is %+v", c)
	}
	if m = keys(t, m, "enter"); strings.Contains(viewText(m), "Review ·") {
		t.Fatalf("the review row stays after everything was reviewed:\n%s", viewText(m))
	}
}

func TestEscLeavesTheQuizWithTheAnswersSoFar(t *testing.T) {
	s := store(t)
	m := quizModel(t, Options{Store: s}, 100, 30)
	m = keys(t, wrongKeys(t, m), "enter")
	m = keys(t, m, "esc")
	if m.screen != homeScreen || m.quiz.open() {
		t.Fatalf("esc did not return to the chapter list: screen %d", m.screen)
	}
	saved, _ := s.Load()
	if c := saved.QuizCard("2/scheduler"); c.Box != 1 {
		t.Fatalf("the answer given before esc was not saved: %+v", c)
	}
	if _, ok := saved.QuizResults("2"); ok {
		t.Fatal("a sitting left half-done recorded a score")
	}
}

func TestTheRightAnswerIsShownWithTheExplanationAndTheLesson(t *testing.T) {
	m := quizModel(t, Options{}, 100, 30)
	m = wrongKeys(t, m)
	screen := viewText(m)
	said := m.quiz.asked.Choices[m.quiz.answer.Choices[0]].In(lessons.English)
	for _, want := range []string{"Your answer: " + said, "✗ Not quite.", "Answer", "kube-scheduler", "The scheduler watches", "Lesson: What Kubernetes is · l opens it"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the verdict lacks %q:\n%s", want, screen)
		}
	}
	m = keys(t, m, "l")
	if m.screen != studyScreen || m.steps[m.pos].lesson.ID != "what-kubernetes-is" {
		t.Fatalf("l did not open the lesson: screen %d", m.screen)
	}
	m = keys(t, m, "Q")
	if m.screen != quizScreen || m.quiz.stage != judged || m.quiz.asked.ID != "scheduler" {
		t.Fatalf("Q did not return to the sitting under way: screen %d, stage %d", m.screen, m.quiz.stage)
	}
	m = keys(t, m, "L")
	if screen := viewText(m); !strings.Contains(screen, "不正解です。") || !strings.Contains(screen, "スケジューラは") {
		t.Fatalf("L did not switch the verdict to Japanese:\n%s", screen)
	}
}

func TestMultipleAndSortWantEverythingBeforeSending(t *testing.T) {
	m := until(t, quizModel(t, Options{}, 100, 30), "control-plane")
	if m = keys(t, m, "enter"); m.quiz.stage != answering || !strings.Contains(viewText(m), "Mark at least one choice") {
		t.Fatalf("an empty multiple answer was sent:\n%s", viewText(m))
	}
	m = keys(t, m, "1", "2", "2", "enter")
	if m.quiz.stage != judged || m.quiz.verdict.Correct || !slices.Equal(m.quiz.answer.Choices, m.quiz.asked.Shown[:1]) {
		t.Fatalf("space and numbers toggle: answer %+v", m.quiz.answer)
	}
	m = until(t, keys(t, m, "enter"), "sort-basics")
	m = keys(t, m, "2", "enter")
	if m.quiz.stage != answering || !strings.Contains(viewText(m), "Put every item in a category first: 4 left.") {
		t.Fatalf("a half-sorted answer was sent:\n%s", viewText(m))
	}
	// ←/→ cycle the category of the item under the cursor.
	m = keys(t, m, "up", "left")
	if got := m.quiz.sorted[0]; got != 0 {
		t.Fatalf("left from Discovery & LB gave category %d", got)
	}
	m = keys(t, m, "left")
	if got := m.quiz.sorted[0]; got != 4 {
		t.Fatalf("left from the first category gave %d, want the last", got)
	}
}

func TestACommandKanzenWillNotRunIsAskedAgain(t *testing.T) {
	m := until(t, quizModel(t, Options{}, 100, 30), "create-myapp")
	if m = keys(t, m, "enter"); !strings.Contains(viewText(m), "Type an answer.") {
		t.Fatalf("an empty command was sent:\n%s", viewText(m))
	}
	m = keys(t, typeText(t, m, "kubectl get pods | grep web"), "enter")
	screen := viewText(m)
	if m.quiz.stage != answering || len(m.quiz.run.Outcomes()) != 5 || !strings.Contains(screen, "Type it again.") || !strings.Contains(screen, "$ kubectl get pods | grep web") {
		t.Fatalf("a refused command was recorded, or its text lost:\n%s", screen)
	}
}

func TestAManifestIsTypedUnderItsCommand(t *testing.T) {
	m := until(t, quizModel(t, Options{}, 100, 30), "create-myapp")
	m = keys(t, typeText(t, m, "kubectl apply -f -"), "enter")
	if m.quiz.stage != answering || !strings.Contains(viewText(m), "ctrl+d") {
		t.Fatalf("enter after -f - did not start the manifest:\n%s", viewText(m))
	}
	m = typeText(t, m, "metadata:")
	m = keys(t, m, "enter", "space", "space")
	m = typeText(t, m, "name: myapp")
	m = keys(t, m, "enter", "space", "space")
	m = typeText(t, m, "labels:")
	m = keys(t, m, "enter", "space", "space", "space", "space")
	m = typeText(t, m, "app: myapp")
	m = keys(t, m, "enter")
	m = typeText(t, m, "x")
	m = keys(t, m, "backspace", "backspace")
	if got, want := m.quiz.input.Value(), "kubectl apply -f -\nmetadata:\n  name: myapp\n  labels:\n    app: myapp"; got != want {
		t.Fatalf("typed %q, want %q (each line indented as typed, as in a here-document)", got, want)
	}
	m = keys(t, m, "enter")
	m = typeText(t, m, ".")
	m = keys(t, m, "enter")
	if m.quiz.stage != judged || !strings.HasSuffix(m.quiz.answer.Text, "\n.") {
		t.Fatalf("a last line with only a dot did not send it: stage %d, %q", m.quiz.stage, m.quiz.answer.Text)
	}
	// Blank lines typed after the manifest are not part of the answer.
	m = until(t, quizModel(t, Options{}, 100, 30), "create-myapp")
	m = keys(t, typeText(t, m, "kubectl apply -f -"), "enter")
	m = keys(t, typeText(t, m, "kind: Pod"), "enter", "enter", "ctrl+d")
	if m.quiz.stage != judged || m.quiz.answer.Text != "kubectl apply -f -\nkind: Pod" {
		t.Fatalf("stage %d, answer %q", m.quiz.stage, m.quiz.answer.Text)
	}
	// A backslash continues a command on the next line, as in a shell;
	// alt+enter starts a line anywhere; ctrl+d sends.
	m = until(t, quizModel(t, Options{}, 100, 30), "create-myapp")
	m = keys(t, typeText(t, m, `kubectl create deployment myapp \`), "enter")
	m = keys(t, typeText(t, m, `--image=nginx \`), "alt+enter")
	m = keys(t, typeText(t, m, "--replicas=3"), "ctrl+d")
	if m.quiz.stage != judged || m.quiz.answer.Text != "kubectl create deployment myapp \\\n--image=nginx \\\n--replicas=3" {
		t.Fatalf("stage %d, answer %q, problem %q", m.quiz.stage, m.quiz.answer.Text, m.quiz.problem)
	}
}

func TestPasteTypesIntoTheAnswer(t *testing.T) {
	m := until(t, quizModel(t, Options{}, 100, 30), "create-myapp")
	m = drive(t, m, tea.PasteMsg{Content: "kubectl apply -f -\r\nkind: Deployment\tx"})
	if got := m.quiz.input.Value(); got != "kubectl apply -f -\nkind: Deployment  x" {
		t.Fatalf("pasted %q", got)
	}
}

func TestCommandAnswersAreGradedOffTheLoopAndLateVerdictsIgnored(t *testing.T) {
	m := until(t, quizModel(t, Options{Cluster: localCluster}, 100, 30), "create-myapp")
	m = typeText(t, m, "kubectl create deployment myapp --image=nginx --replicas=3")
	next, cmd := m.Update(keyMsg("enter"))
	m = next.(Model)
	if cmd == nil || m.quiz.stage != grading || !strings.Contains(viewText(m), "checking with the cluster…") {
		t.Fatalf("no grading command, or no word of it:\n%s", viewText(m))
	}
	stale := quizGradedMsg{run: m.quiz.run, number: m.quiz.asked.Number - 1, verdict: quiz.Verdict{Correct: true}}
	if m = drive(t, m, stale); m.quiz.stage != grading {
		t.Fatal("a verdict for another question was taken")
	}
	m = drive(t, m, quizGradedMsg{run: m.quiz.run, number: m.quiz.asked.Number, verdict: quiz.Verdict{Correct: true}})
	if m.quiz.stage != judged || m.quiz.run.Score().Correct != 6 {
		t.Fatalf("stage %d, score %+v", m.quiz.stage, m.quiz.run.Score())
	}
}

func TestTheScratchNamespaceOnARemoteClusterIsConfirmedFirst(t *testing.T) {
	remote := &kube.Target{Context: "prod", Server: "https://k8s.example.com:6443"}
	start := until(t, quizModel(t, Options{Grader: &quiz.Grader{Target: remote}}, 100, 30), "create-myapp")
	start = typeText(t, start, "kubectl create deployment myapp --image=nginx --replicas=3")
	m := keys(t, start, "enter")
	if m.overlay != confirmRemoteOverlay || !strings.Contains(viewText(m), "kz-quiz") {
		t.Fatalf("no question before creating the scratch namespace:\n%s", viewText(m))
	}
	no := keys(t, m, "n")
	if no.quiz.stage != judged || !no.quiz.verdict.Skipped || !strings.Contains(viewText(no), "you chose not to create namespace kz-quiz") {
		t.Fatalf("no did not skip the question with why:\n%s", viewText(no))
	}
	next, cmd := m.Update(keyMsg("y"))
	yes := next.(Model)
	if cmd == nil || yes.quiz.stage != grading || !yes.progress.Trusts("prod") {
		t.Fatalf("yes did not send the answer (stage %d, trusted %v)", yes.quiz.stage, yes.progress.Trusts("prod"))
	}
}

func TestClickingAChoiceAnswersIt(t *testing.T) {
	m := quizModel(t, Options{}, 100, 30)
	rows := strings.Split(viewText(m), "\n")
	y := slices.IndexFunc(rows, func(r string) bool { return strings.Contains(r, "kube-scheduler") })
	m = drive(t, m, tea.MouseClickMsg{X: 10, Y: y, Button: tea.MouseLeft})
	if m.quiz.stage != judged || !m.quiz.verdict.Correct {
		t.Fatalf("clicking row %d did not answer kube-scheduler:\n%s", y, strings.Join(rows, "\n"))
	}
}

func TestClickingTheQuizRowOpensIt(t *testing.T) {
	m := newModel(t, Options{}, 100, 30)
	rows := strings.Split(viewText(m), "\n")
	y := slices.IndexFunc(rows, func(r string) bool { return strings.Contains(r, "Quiz · 8 questions") })
	m = drive(t, m, tea.MouseClickMsg{X: 5, Y: y, Button: tea.MouseLeft})
	if m.screen != quizScreen || m.quiz.run.Quiz.Chapter != "2" {
		t.Fatalf("clicking row %d did not open the quiz:\n%s", y, strings.Join(rows, "\n"))
	}
}

func TestTheQuizKeyOpensTheChaptersQuiz(t *testing.T) {
	m := newModel(t, Options{}, 100, 30)
	m = keys(t, m, "enter", "Q")
	if m.screen != quizScreen || m.quiz.run.Quiz.Chapter != "2" {
		t.Fatalf("Q did not open chapter 2's quiz: screen %d", m.screen)
	}
	if top := strings.Split(viewText(m), "\n")[0]; !strings.Contains(top, "kanzen · 2 What Kubernetes is › Quiz") {
		t.Fatalf("header %q", top)
	}
	if foot := viewText(m); !strings.Contains(foot, "esc leave") {
		t.Fatalf("the footer does not say how to leave:\n%s", foot)
	}
}

// TestEachAnswerIsSavedAsItIsJudged: a terminal closed in the middle of a
// quiz loses no answer.
func TestEachAnswerIsSavedAsItIsJudged(t *testing.T) {
	s := store(t)
	m := quizModel(t, Options{Store: s}, 100, 30)
	m = wrongKeys(t, m)
	saved, _ := s.Load()
	if c := saved.QuizCard("2/scheduler"); c.Box != 1 {
		t.Fatalf("the judged answer is not saved: %+v", c)
	}
	_, cmd := m.Update(keyMsg("q"))
	if msgs := run(cmd); len(msgs) == 0 {
		t.Fatal("q returned nothing")
	} else if _, ok := msgs[len(msgs)-1].(tea.QuitMsg); !ok {
		t.Fatalf("q did not quit: %#v", msgs)
	}
	saved, _ = s.Load()
	if c := saved.QuizCard("2/scheduler"); c.Box != 1 {
		t.Fatalf("quitting moved the card again: %+v", c)
	}
}

func TestQuizFitsTinyTerminals(t *testing.T) {
	for _, size := range []struct{ w, h int }{{20, 5}, {1, 1}, {10, 2}, {40, 8}} {
		start := func() Model { return quizModel(t, Options{Lang: lessons.Japanese}, size.w, size.h) }
		for _, m := range []Model{
			start(),
			until(t, start(), "sort-basics"),
			wrongKeys(t, until(t, start(), "create-chain")),
			typeText(t, until(t, start(), "create-myapp"), "kubectl create deployment myapp --image=nginx --replicas=3"),
			keys(t, start(), "?"),
		} {
			assertFits(t, m, size.w, size.h)
		}
	}
}

func TestQuizKeysMashedAThousandTimes(t *testing.T) {
	ks := []string{"up", "down", "left", "right", "enter", "enter", "tab", "space", "1", "2", "3", "5", "9", "K", "J",
		"shift+up", "shift+down", "l", "n", "x", "k", "j", "g", "G", "L", "?", "esc", "alt+enter", "ctrl+d", "backspace", "日", "-", "Q"}
	rng := rand.New(rand.NewPCG(3, 4))
	m := quizModel(t, Options{}, 100, 30)
	for i := range 1000 {
		k := ks[rng.IntN(len(ks))]
		m = drive(t, m, quizKeyMsg(k))
		if m.screen != quizScreen {
			// Back to the quiz, wherever the keys went.
			m = keys(t, m, "esc")
			next, _ := m.openQuiz(quiz.Find(m.opts.Quizzes, "2"))
			m = next.(Model)
		}
		if lines := strings.Split(viewText(m), "\n"); len(lines) > 30 {
			t.Fatalf("key %d %q: the view has %d lines", i, k, len(lines))
		}
	}
}

func TestLanguageSwitchRewordsTheClustersVerdict(t *testing.T) {
	m := until(t, quizModel(t, Options{Cluster: localCluster}, 100, 30), "create-myapp")
	m = keys(t, typeText(t, m, "kubectl create deployment myapp --image=nginx --replicas=3"), "enter")
	m = drive(t, m, quizGradedMsg{run: m.quiz.run, number: m.quiz.asked.Number, verdict: quiz.Verdict{Correct: true, Explain: "in English"}})
	next, cmd := m.Update(keyMsg("L"))
	m = next.(Model)
	if cmd == nil {
		t.Fatal("L asked the cluster for no verdict in Japanese")
	}
	wrong := quizRewordedMsg{run: m.quiz.run, number: m.quiz.asked.Number, verdict: quiz.Verdict{Skipped: true, Explain: "採点なし"}}
	if m = drive(t, m, wrong); m.quiz.verdict.Explain != "in English" {
		t.Fatal("a reworded verdict that judges otherwise replaced the one recorded")
	}
	m = drive(t, m, quizRewordedMsg{run: m.quiz.run, number: m.quiz.asked.Number, verdict: quiz.Verdict{Correct: true, Explain: "日本語で"}})
	if !strings.Contains(viewText(m), "日本語で") {
		t.Fatalf("the verdict was not reworded:\n%s", viewText(m))
	}
}

// A scroll or a click reads the layout View drew; it does not lay the quiz
// out again in Update.
func TestScrollingTheQuizReadsTheLayoutViewDrew(t *testing.T) {
	m := quizModel(t, Options{Lang: lessons.English, Cluster: localCluster}, 80, 24)
	m.View()
	drawn := m.drawn.quiz
	if drawn == nil {
		t.Fatal("View kept no layout of the quiz")
	}
	// A layout far longer than the question's, so that where the scroll
	// stops tells which layout it read.
	drawn.lines, drawn.targets, drawn.focus = make([]string, 1000), slices.Repeat([]int{-1}, 1000), -1
	m = keys(t, m, "G")
	if want := 1000 - (drawn.h - 2); m.quiz.offset != want {
		t.Fatalf("G scrolled to %d, want %d from the layout View drew", m.quiz.offset, want)
	}
	if m.drawn.quiz != nil {
		t.Fatal("the next model shares the layout of the one View drew")
	}
}
