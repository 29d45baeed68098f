package tui

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"image/color"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"k8s.io/apimachinery/pkg/runtime/schema"

	"kanzen.dev/kanzen/internal/check"
	"kanzen.dev/kanzen/internal/kube"
	"kanzen.dev/kanzen/internal/progress"
	"kanzen.dev/kanzen/internal/session"
	"kanzen.dev/kanzen/internal/watch"
	"kanzen.dev/kanzen/internal/workspace"
	"kanzen.dev/kanzen/lessons"
)

var update = flag.Bool("update", false, "rewrite the golden files")

var localCluster = &kube.Target{Context: "kind-kind", Server: "https://127.0.0.1:40001"}

// course is a frozen copy of chapter 2, so that golden views change only
// when the views do, not whenever the course grows.
func course(t testing.TB) *lessons.Course {
	t.Helper()
	c, err := lessons.Load(os.DirFS("testdata/course"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// newModel is the TUI on a terminal of w×h, its cluster answering.
func newModel(t testing.TB, opts Options, w, h int) Model {
	t.Helper()
	if opts.Course == nil {
		opts.Course = course(t)
	}
	if opts.Quizzes == nil {
		opts.Quizzes = quizzes(t, opts.Course)
	}
	m := New(opts)
	next, _ := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	if opts.Cluster != nil {
		next, _ = next.Update(clusterProbedMsg{target: opts.Cluster, version: "v1.37.2"})
	}
	return next.(Model)
}

// namedKeys are the keys tests press by name.
var namedKeys = map[string]rune{
	"down": tea.KeyDown, "up": tea.KeyUp, "left": tea.KeyLeft, "right": tea.KeyRight,
	"enter": tea.KeyEnter, "tab": tea.KeyTab, "esc": tea.KeyEscape,
}

func keyMsg(k string) tea.KeyPressMsg {
	if code, ok := namedKeys[k]; ok {
		return tea.KeyPressMsg{Code: code}
	}
	return tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
}

func press(m Model, keys ...string) Model {
	for _, k := range keys {
		next, _ := m.Update(keyMsg(k))
		m = next.(Model)
	}
	return m
}

func viewText(m Model) string { return ansi.Strip(m.View().Content) }

// golden compares a view, ANSI stripped, with testdata/name.golden.
func golden(t *testing.T, name string, m Model) {
	t.Helper()
	goldenText(t, name, viewText(m))
}

// goldenText compares a view already drawn with testdata/name.golden.
func goldenText(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/tui -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("view differs from %s (go test ./internal/tui -update rewrites it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// object turns a small YAML-ish literal into a live object.
func object(kind, name string, fields map[string]any) watch.Object {
	obj := map[string]any{"kind": kind, "metadata": map[string]any{"name": name}}
	for k, v := range fields {
		obj[k] = v
	}
	return obj
}

// midExercise is exercise 2.1 half done: the Deployment asks for 2 replicas.
func midExercise(t testing.TB, lang lessons.Lang, w, h int) Model {
	t.Helper()
	p := &progress.Progress{Version: 1, Last: progress.Position{Lesson: "shortest-intro", Exercise: "2.1"}}
	p.MarkStarted("2.1", time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
	p.UseHint("2.1", 1)
	m := newModel(t, Options{Lang: lang, Cluster: localCluster, Progress: p}, w, h)
	ex := m.exercise.ex
	if ex == nil || ex.ID != "2.1" {
		t.Fatalf("did not resume at 2.1: %+v", m.exercise.ex)
	}
	m.exercise.phase = watching
	m.exercise.snapshot = watch.Snapshot{Namespace: "kz-2-1", Synced: true, Objects: map[string][]watch.Object{
		"Deployment": {object("Deployment", "myapp", map[string]any{"spec": map[string]any{"replicas": int64(2)}, "status": map[string]any{"readyReplicas": int64(2)}})},
		"Pod": {
			object("Pod", "myapp-7c5d-abcde", map[string]any{"spec": map[string]any{"nodeName": "node-000000", "containers": []any{map[string]any{"name": "nginx"}}}, "status": map[string]any{"phase": "Running", "containerStatuses": []any{map[string]any{"ready": true}}}}),
			object("Pod", "myapp-7c5d-fghij", map[string]any{"spec": map[string]any{"nodeName": "node-000001", "containers": []any{map[string]any{"name": "nginx"}}}, "status": map[string]any{"phase": "Pending"}}),
		},
	}}
	// The verdicts are written out here so that the view test does not
	// depend on the engine; the engine has its own tests.
	var results []check.Result
	for i, c := range ex.Checks {
		r := check.Result{ID: c.ID, Title: c.Title.In(lang), Status: check.Pass}
		switch {
		case c.ID == "replicas":
			r.Status, r.Have, r.Want = check.Fail, "2", "3"
		case i == len(ex.Checks)-1:
			r.Status = check.Pending
		}
		results = append(results, r)
	}
	m.exercise.results = results
	return m
}

func TestGoldenViews(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {140, 40}} {
		for _, lang := range lessons.Langs {
			suffix := string(lang) + "-" + strconv.Itoa(size.w) + "x" + strconv.Itoa(size.h)
			home := press(newModel(t, Options{Lang: lang, Cluster: localCluster}, size.w, size.h), "down")
			t.Run("home-"+suffix, func(t *testing.T) { golden(t, "home-"+suffix, home) })
			study := midExercise(t, lang, size.w, size.h)
			if size.w < twoColumnsFrom {
				study = press(study, "tab")
			}
			t.Run("study-"+suffix, func(t *testing.T) { golden(t, "study-"+suffix, study) })
		}
	}
	t.Run("help-en-80x24", func(t *testing.T) { golden(t, "help-en-80x24", press(midExercise(t, lessons.English, 80, 24), "?")) })
}

func TestStudyViewShowsHaveWantHintAndLiveObjects(t *testing.T) {
	m := midExercise(t, lessons.English, 140, 40)
	s := viewText(m)
	for _, want := range []string{"✗ ", "have 2 · want 3", "hint 1/3:", "Pod myapp-7c5d-abcde  Running 1/1 node-000000", "Deployment myapp  2/2 ready", "ns kz-2-1"} {
		if !strings.Contains(s, want) {
			t.Errorf("screen lacks %q:\n%s", want, s)
		}
	}
	m = press(m, "L")
	if s := viewText(m); !strings.Contains(s, "ヒント 1/3:") {
		t.Errorf("L did not switch the exercise pane to Japanese:\n%s", s)
	}
}

func TestViewFitsTinyTerminals(t *testing.T) {
	for _, size := range []struct{ w, h int }{{20, 5}, {1, 1}, {10, 2}, {99, 12}, {100, 8}} {
		for _, m := range []Model{
			newModel(t, Options{Cluster: localCluster}, size.w, size.h),
			midExercise(t, lessons.Japanese, size.w, size.h),
			press(midExercise(t, lessons.English, size.w, size.h), "?"),
		} {
			assertFits(t, m, size.w, size.h)
		}
	}
}

func TestKeysMashedAThousandTimes(t *testing.T) {
	keys := []string{"up", "down", "left", "right", "enter", "tab", "esc", "h", "s", "r", "n", "y", "?", "L", "j", "k", "g", "G", "c", "x", "日"}
	rng := rand.New(rand.NewPCG(1, 2))
	m := midExercise(t, lessons.English, 100, 30)
	m.opts.Store = nil
	for range 1000 {
		k := keys[rng.IntN(len(keys))]
		next, _ := m.Update(keyMsg(k))
		m = next.(Model)
		if lines := strings.Split(viewText(m), "\n"); len(lines) > 30 {
			t.Fatalf("after %q the view has %d lines", k, len(lines))
		}
	}
	if m.progress.Exercises["2.1"] != nil && m.progress.Exercises["2.1"].HintsUsed > 3 {
		t.Fatalf("hints went past three: %d", m.progress.Exercises["2.1"].HintsUsed)
	}
}

func TestArrowsWalkTheStepsAndEscReturnsToChapters(t *testing.T) {
	m := newModel(t, Options{Cluster: localCluster}, 140, 40)
	if m.screen != homeScreen {
		t.Fatal("a new learner should start at the chapter list")
	}
	m = press(m, "enter")
	first := m.steps[m.pos]
	m = press(m, "right")
	if m.pos != 1 || m.steps[m.pos].lesson == nil {
		t.Fatalf("right moved to step %d", m.pos)
	}
	m = press(m, "left", "left")
	if m.steps[m.pos] != first {
		t.Fatal("left did not come back to the first step")
	}
	if m.progress.Last.Lesson != first.lesson.ID {
		t.Fatalf("the position was not remembered: %+v", m.progress.Last)
	}
	m = press(m, "esc")
	if m.screen != homeScreen {
		t.Fatal("esc did not return to the chapter list")
	}
}

func TestStartingOnARemoteClusterAsksOnce(t *testing.T) {
	remote := &kube.Target{Context: "prod", Server: "https://k8s.example.com:6443"}
	p := &progress.Progress{Version: 1, Last: progress.Position{Lesson: "shortest-intro", Exercise: "2.1"}}
	m := newModel(t, Options{Cluster: remote, Progress: p}, 140, 40)
	next, _ := m.Update(sessionMsg{ex: m.exercise.ex, err: fmt.Errorf("lookup: %w", workspace.ErrNotStarted)})
	m = press(next.(Model), "enter")
	if m.overlay != confirmRemoteOverlay || !strings.Contains(viewText(m), "does not look like") {
		t.Fatalf("no question before creating a namespace on %s:\n%s", remote.Server, viewText(m))
	}
	m = press(m, "n")
	if m.overlay != noOverlay || m.exercise.phase != notStarted || p.Trusts("prod") {
		t.Fatal("answering no still started the exercise")
	}
	next, cmd := press(m, "enter").Update(keyMsg("y"))
	m = next.(Model)
	if cmd == nil || m.exercise.phase != starting || !m.progress.Trusts("prod") {
		t.Fatalf("answering yes did not start (phase %d, trusted %v)", m.exercise.phase, m.progress.Trusts("prod"))
	}
	m.exercise.phase = notStarted
	if m = press(m, "enter"); m.overlay != noOverlay {
		t.Fatal("asked twice for the same context")
	}
}

func TestEnterWhileLookingStartsOnceTheNamespaceIsKnownMissing(t *testing.T) {
	p := &progress.Progress{Version: 1, Last: progress.Position{Lesson: "shortest-intro", Exercise: "2.1"}}
	m := newModel(t, Options{Cluster: localCluster, Progress: p}, 140, 40)
	if m = press(m, "enter"); m.exercise.phase != looking {
		t.Fatalf("phase %d, want looking", m.exercise.phase)
	}
	next, cmd := m.Update(sessionMsg{ex: m.exercise.ex, err: workspace.ErrNotStarted})
	if m = next.(Model); m.exercise.phase != starting || cmd == nil {
		t.Fatalf("the early enter was lost: phase %d", m.exercise.phase)
	}
}

func TestWithoutAClusterTheLessonStillOpensAndTheSandboxIsOffered(t *testing.T) {
	unused := func(context.Context, func(int, int)) (*kube.Target, error) { return nil, errors.New("unused") }
	m := newModel(t, Options{StartSandbox: unused}, 140, 40)
	m = press(m, "down", "enter")
	s := viewText(m)
	if !strings.Contains(s, "no cluster") || !strings.Contains(s, "Press S to start kanzen's sandbox") {
		t.Fatalf("no offer of the sandbox:\n%s", s)
	}
	next, cmd := m.Update(keyMsg("S"))
	m = next.(Model)
	if cmd == nil || !m.sandbox.running {
		t.Fatal("S did not start the sandbox")
	}
	next, _ = m.Update(sandboxBuildMsg{compiled: 500, total: 1000})
	if s := viewText(next.(Model)); !strings.Contains(s, "Building the sandbox■■■■■■□□□□□□") {
		t.Fatalf("no build progress:\n%s", s)
	}
	next, _ = next.Update(sandboxDoneMsg{err: errors.New("go: not found")})
	if s := viewText(next.(Model)); !strings.Contains(s, "go: not found") {
		t.Fatalf("the build failure is not shown:\n%s", s)
	}
}

func TestStatusBarSaysWhenTheClusterIsUnreachable(t *testing.T) {
	m := New(Options{Course: course(t), Cluster: localCluster})
	next, _ := m.Update(clusterProbedMsg{target: localCluster, err: errors.New("connection refused")})
	top := strings.Split(viewText(next.(Model)), "\n")[0]
	if !strings.Contains(top, "kind-kind ● unreachable") {
		t.Fatalf("status line %q", top)
	}
	none := New(Options{Course: course(t)})
	if top := strings.Split(viewText(none), "\n")[0]; !strings.Contains(top, "no cluster") {
		t.Fatalf("status line without a cluster %q", top)
	}
}

func TestQuitKey(t *testing.T) {
	m := newModel(t, Options{Cluster: localCluster}, 80, 24)
	if _, cmd := m.Update(keyMsg("q")); cmd == nil {
		t.Fatal("q returned no command")
	} else if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("q did not quit")
	}
}

func TestMouseOpensALessonAndScrolls(t *testing.T) {
	m := newModel(t, Options{StartSandbox: func(context.Context, func(int, int)) (*kube.Target, error) { return nil, nil }}, 100, 30)
	rows := strings.Split(viewText(m), "\n")
	y := -1
	for i, row := range rows {
		if strings.Contains(row, "Self-healing") {
			y = i
		}
	}
	next, _ := m.Update(tea.MouseClickMsg{X: 5, Y: y, Button: tea.MouseLeft})
	m = next.(Model)
	if m.screen != studyScreen || m.steps[m.pos].lesson.ID != "self-healing" {
		t.Fatalf("clicking row %d did not open Self-healing:\n%s", y, strings.Join(rows, "\n"))
	}
	next, _ = m.Update(tea.MouseWheelMsg{X: 5, Y: 10, Button: tea.MouseWheelDown})
	if got := next.(Model).lesson.offset; got != 3 {
		t.Fatalf("the wheel scrolled the lesson to %d, want 3", got)
	}
}

func TestLightAndDarkTerminalsGetTheirOwnPalette(t *testing.T) {
	m := midExercise(t, lessons.English, 140, 40)
	dark := m.View().Content
	next, _ := m.Update(tea.BackgroundColorMsg{Color: color.White})
	light := next.(Model).View().Content
	if dark == light {
		t.Fatal("a light background got the dark palette")
	}
	if ansi.Strip(dark) != ansi.Strip(light) {
		t.Fatal("the palette changed the text, not only its colours")
	}
}

func TestACheckThisClusterCannotJudgeSaysWhy(t *testing.T) {
	r := check.Result{ID: "runs", Title: "the sidecar keeps running", Status: check.Unavailable,
		Have: "not checkable here: this cluster's nodes are simulated and run no containers"}
	got := ansi.Strip(strings.Join(resultLines(r, 50, newStyles(true), lessons.English), "\n"))
	if !strings.HasPrefix(got, "○ the sidecar keeps running") || !strings.Contains(got, "not checkable here") || strings.Contains(got, "✗") {
		t.Fatalf("got\n%s", got)
	}
}

func TestReflowJoinsParagraphsButKeepsListItems(t *testing.T) {
	got := reflow("Label the Pods:\n- web-1 with\n  tier=frontend\n- web-2 too\n\n日本語の\n文です。")
	want := "Label the Pods:\n- web-1 with tier=frontend\n- web-2 too\n\n日本語の文です。"
	if got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// assertFits fails the test if the view overflows a w×h terminal.
func assertFits(t *testing.T, m Model, w, h int) {
	t.Helper()
	lines := strings.Split(viewText(m), "\n")
	if len(lines) > h {
		t.Errorf("%dx%d: %d lines", w, h, len(lines))
	}
	for _, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("%dx%d: line %q is %d wide", w, h, l, lw)
		}
	}
}

func TestATitleAndAGoalsListItemsWrapUnderTheirText(t *testing.T) {
	m := midExercise(t, lessons.English, 120, 40)
	m.exercise.ex.Goal = lessons.Text{lessons.English: "Make:\n- a ResourceQuota `compute` with hard limits\n  pods=5 and requests.cpu=1;\n- a LimitRange."}
	got := ansi.Strip(strings.Join(exerciseLines(m, 30), "\n"))
	want := "2.1 Run myapp with three\n    replicas\nMake:\n- a ResourceQuota compute\n  with hard limits pods=5 and\n  requests.cpu=1;\n- a LimitRange.\n"
	if !strings.Contains(got, want) {
		t.Fatalf("got\n%s\nwant it to contain\n%s", got, want)
	}
}

func TestTheChapterListJumpsByChapterPageAndEnd(t *testing.T) {
	m := newModel(t, Options{Lang: lessons.English, Cluster: localCluster}, 80, 6)
	entries := m.homeEntries()
	m = press(m, "G")
	if m.homeCursor != len(entries)-1 {
		t.Errorf("G: cursor %d of %d entries", m.homeCursor, len(entries))
	}
	m = press(m, "g")
	if m.homeCursor != 0 {
		t.Errorf("g: cursor %d", m.homeCursor)
	}
	m = press(m, "pgdown")
	if m.homeCursor != 3 {
		t.Errorf("pgdown on a 6-line terminal: cursor %d, want 3", m.homeCursor)
	}
	m = press(m, "G", "2")
	ch := m.course.Chapters[1]
	if e := m.homeEntries()[m.homeCursor]; ch.ID != "2" || e.lesson != &ch.Lessons[0] {
		t.Errorf("2: cursor on %+v, want chapter 2's first lesson", e)
	}
	if !strings.Contains(viewText(m), "› "+ch.Lessons[0].Title.In(lessons.English)) {
		t.Errorf("chapter 2's first lesson is not chosen on screen:\n%s", viewText(m))
	}
	for _, k := range []string{"1", "9"} {
		if before := m.homeCursor; press(m, k).homeCursor != before {
			t.Errorf("%s, a chapter without lessons or none at all, moved the cursor", k)
		}
	}
}

func TestLessonCodeAsWideAsLintAllowsFitsFrom108Columns(t *testing.T) {
	code := "  backoffLimit: 3   # retries before failing" + strings.Repeat("-", lessons.MaxCodeWidth-44)
	for _, lang := range lessons.Langs {
		c := course(t)
		first := &c.Chapters[1].Lessons[0]
		first.Body = lessons.Text{lang: "# Jobs\n\n```yaml\n" + code + "\n```\n"}
		m := newModel(t, Options{Course: c, Lang: lang, Cluster: localCluster}, 108, 30)
		m = press(m, "2", "enter")
		if !strings.Contains(viewText(m), code) {
			t.Errorf("%s: the %d-column code line wrapped at 108 columns:\n%s", lang, len(code), viewText(m))
		}
		assertFits(t, m, 108, 30)
	}
}

func TestANamespaceDeletedElsewhereAsksToStartAgain(t *testing.T) {
	for _, lang := range lessons.Langs {
		m := midExercise(t, lang, 120, 40)
		next, _ := m.Update(changedMsg{update: session.Update{Snapshot: watch.Snapshot{Namespace: "kz-2-1", Gone: true}}})
		m = next.(Model)
		screen := viewText(m)
		if m.exercise.phase != notStarted || len(m.exercise.results) != 0 {
			t.Fatalf("%s: phase %d with %d results after the namespace went", lang, m.exercise.phase, len(m.exercise.results))
		}
		gone := namespaceGone.With("kz-2-1").In(lang)
		start := startPrompt.With("kz-2-1").In(lang)
		for _, want := range []string{gone[:20], start[:20]} {
			if !strings.Contains(strings.ReplaceAll(screen, "\n", ""), want) {
				t.Errorf("%s: the screen lacks %q:\n%s", lang, want, screen)
			}
		}
		if strings.Contains(screen, "✓") {
			t.Errorf("%s: checks still shown:\n%s", lang, screen)
		}
	}
}

func TestAForbiddenKindIsExplainedNotRetriedInSilence(t *testing.T) {
	denied := fmt.Errorf("watch Pod: %w", &watch.Forbidden{Kind: "Pod", Verb: "list",
		Resource: schema.GroupResource{Resource: "pods"}, Namespace: "kz-2-1", Err: errors.New("pods is forbidden")})
	for lang, want := range map[lessons.Lang][]string{
		lessons.English:  {"kind-kind ● not allowed", "to list pods in namespace kz-2-1", "Exercise 2.1", "kubectl auth can-i list pods -n kz-2-1"},
		lessons.Japanese: {"kind-kind ● 権限がありません", "Namespace kz-2-1 の pods の list", "演習2.1", "kubectl auth can-i list pods -n kz-2-1"},
	} {
		m := midExercise(t, lang, 140, 40)
		next, _ := m.Update(changedMsg{update: session.Update{Snapshot: m.exercise.snapshot, Err: denied}})
		m = next.(Model)
		// The status line, and the pane drawn wide enough not to wrap.
		screen := strings.Split(viewText(m), "\n")[0] + ansi.Strip(strings.Join(exerciseLines(m, 1000), "\n"))
		for _, w := range want {
			if !strings.Contains(screen, w) {
				t.Errorf("%s: the screen lacks %q:\n%s", lang, w, screen)
			}
		}
		if strings.Contains(screen, reconnectingStatus.In(lang)) {
			t.Errorf("%s: a refusal reads as reconnecting", lang)
		}
	}
}

// exerciseLines is the exercise pane's content drawn w cells wide.
func exerciseLines(m Model, w int) []string {
	return m.exercise.text(m.frame(w, m.height), m.clusterProblem(), exerciseRecord(m.progress, m.exercise.ex.ID)).lines
}

func TestLongSolutionsAndObjectsWrapUnderTheirStartInsteadOfBeingCut(t *testing.T) {
	for _, lang := range lessons.Langs {
		m := midExercise(t, lang, 120, 40)
		cmd := "kubectl annotate deployment/web kubernetes.io/change-cause='scale to five replicas for the launch' --overwrite"
		m.exercise.ex.Solution = []string{cmd}
		m.progress.ShowSolution("2.1")
		long := "myapp-with-a-name-long-enough-to-need-a-second-line-7c5d-abcde"
		m.exercise.snapshot.Objects["Pod"][0]["metadata"] = map[string]any{"name": long}
		lines := exerciseLines(m, 40)
		got := ansi.Strip(strings.Join(lines, "\n"))
		if strings.Contains(got, "…") {
			t.Errorf("%s: the pane cut a line:\n%s", lang, got)
		}
		var solution []string
		for i, l := range lines {
			if l := ansi.Strip(l); strings.HasPrefix(l, "  kubectl annotate") {
				for _, c := range lines[i:] {
					if c := ansi.Strip(c); strings.HasPrefix(c, "  ") {
						solution = append(solution, c)
					}
				}
				break
			}
		}
		if len(solution) < 3 || !strings.HasPrefix(solution[1], "      ") {
			t.Fatalf("%s: the command is not wrapped under itself:\n%s", lang, got)
		}
		joined := ""
		for _, l := range solution {
			joined += " " + strings.TrimSpace(l)
		}
		if !strings.Contains(joined, cmd) {
			t.Errorf("%s: the wrapped command reads %q", lang, joined)
		}
		for _, l := range lines {
			if w := ansi.StringWidth(l); w > 40 {
				t.Errorf("%s: line %q is %d wide", lang, ansi.Strip(l), w)
			}
		}
		if !strings.Contains(strings.ReplaceAll(got, "\n  ", ""), long) {
			t.Errorf("%s: the long Pod name was not kept whole:\n%s", lang, got)
		}
	}
}

func TestYCopiesTheSolutionToTheClipboard(t *testing.T) {
	m := midExercise(t, lessons.English, 120, 40)
	next, cmd := m.Update(keyMsg("y"))
	m = next.(Model)
	if cmd == nil || !exerciseRecord(m.progress, "2.1").SolutionShown {
		t.Fatal("y neither copied nor showed the solution")
	}
	msgs := []tea.Msg{cmd()}
	if batch, ok := msgs[0].(tea.BatchMsg); ok {
		msgs = nil
		for _, c := range batch {
			if c != nil {
				msgs = append(msgs, c())
			}
		}
	}
	want := strings.Join(m.exercise.ex.Solution, "\n") + "\n"
	found := false
	for _, msg := range msgs {
		if fmt.Sprint(msg) == want && fmt.Sprintf("%T", msg) == "tea.setClipboardMsg" {
			found = true
		}
	}
	if !found {
		t.Errorf("no clipboard message with the solution among %#v", msgs)
	}
	if !strings.Contains(viewText(m), "Copied the reference solution") {
		t.Errorf("no confirmation:\n%s", viewText(m))
	}
}

func TestTheExercisePaneScrollsShowsWhereAndBringsARevealIntoView(t *testing.T) {
	for _, lang := range lessons.Langs {
		m := midExercise(t, lang, 120, 24)
		m = press(m, "h", "h")
		third := hintKey.short.In(lang) + " 3/3:"
		screen := viewText(m)
		if !strings.Contains(screen, third) {
			t.Fatalf("%s: the third hint is not in view:\n%s", lang, screen)
		}
		if next := hintKey.footer(lang, 0) + " 3/3"; strings.Contains(screen, next) {
			t.Errorf("%s: with every hint shown, the key line still offers %q:\n%s", lang, next, screen)
		}
		title := regexp.MustCompile(exerciseTab.In(lang) + ` (\d+)–(\d+)/(\d+)`)
		if !title.MatchString(screen) {
			t.Fatalf("%s: the exercise pane does not say where it is:\n%s", lang, screen)
		}
		m = press(m, "s")
		if screen := viewText(m); !strings.Contains(screen, solutionHeader.With("kz-2-1").In(lang)[:12]) {
			t.Fatalf("%s: the solution is not in view:\n%s", lang, screen)
		}
		m = press(m, "g")
		if m.exercise.offset != 0 || !strings.Contains(viewText(m), "2.1 ") {
			t.Fatalf("%s: g did not scroll the exercise pane to its top", lang)
		}
		m = press(m, "G", "k")
		top := m.exercise.offset
		m = press(m, "j", "j")
		if m.exercise.offset != top+1 {
			t.Errorf("%s: the pane scrolled past its end: offset %d after %d", lang, m.exercise.offset, top)
		}
	}
}

func TestAWrappedCheckTitleKeepsHaveAndWantOnALineOfTheirOwn(t *testing.T) {
	for lang, detail := range map[lessons.Lang]string{lessons.English: "have 1 · want 3", lessons.Japanese: "現在 1 · 目標 3"} {
		r := check.Result{ID: "replicas", Title: "the Deployment web runs three replicas after the rollout is overwritten", Status: check.Fail, Have: "1", Want: "3"}
		lines := resultLines(r, 40, newStyles(true), lang)
		last := ansi.Strip(lines[len(lines)-1])
		if len(lines) < 3 || strings.TrimSpace(last) != detail {
			t.Errorf("%s: have/want joined the wrapped title:\n%s", lang, ansi.Strip(strings.Join(lines, "\n")))
		}
		r.Title = "three replicas"
		if lines := resultLines(r, 40, newStyles(true), lang); len(lines) != 1 || !strings.HasSuffix(ansi.Strip(lines[0]), detail) {
			t.Errorf("%s: a short title lost have/want beside it: %q", lang, lines)
		}
	}
}

func TestADeadEndIsShownAboveTheChecksWithTheWayToStartOver(t *testing.T) {
	for lang, want := range map[lessons.Lang]string{lessons.English: " Press r to start the exercise over.", lessons.Japanese: "r で演習を最初からやり直せます。"} {
		m := midExercise(t, lang, 200, 50)
		m.exercise.deadEnds = []string{"There is no Deployment myapp, but there is a Deployment myap."}
		got := ansi.Strip(strings.Join(exerciseLines(m, 100), "\n"))
		dead := strings.Index(got, "There is no Deployment myapp, but there is a Deployment myap."+want)
		first := strings.Index(got, m.exercise.results[0].Title)
		if dead < 0 || first < dead {
			t.Errorf("%s: the dead end is missing or below the checks:\n%s", lang, got)
		}
	}
}

func TestHeaderAndFooterFollowTheExercisesState(t *testing.T) {
	p := &progress.Progress{Version: 1, Last: progress.Position{Lesson: "shortest-intro", Exercise: "2.1"}}
	m := newModel(t, Options{Cluster: localCluster, Progress: p}, 140, 40)
	next, _ := m.Update(sessionMsg{ex: m.exercise.ex, err: workspace.ErrNotStarted})
	m = next.(Model)
	lines := strings.Split(viewText(m), "\n")
	if strings.Contains(lines[0], "ns kz-2-1") {
		t.Errorf("the header names a namespace not yet created: %q", lines[0])
	}
	if foot := lines[len(lines)-1]; !strings.Contains(foot, "enter start") {
		t.Errorf("the footer of an exercise not started lacks enter: %q", foot)
	}
	m = midExercise(t, lessons.English, 140, 40)
	if top := strings.Split(viewText(m), "\n")[0]; !strings.Contains(top, "ns kz-2-1") {
		t.Errorf("the header lacks the namespace of a started exercise: %q", top)
	}
	for i := range m.exercise.results {
		m.exercise.results[i].Status = check.Pass
	}
	lines = strings.Split(viewText(m), "\n")
	if foot := lines[len(lines)-1]; strings.Contains(foot, "enter start") || strings.Contains(foot, "h hint") {
		t.Errorf("the footer of a passed exercise offers to start it or a hint: %q", foot)
	}
	if press(m, "enter").exercise.phase != watching {
		t.Error("enter did something to a passed exercise")
	}
}

// troubledExercise is exercise 2.1 gone wrong: a check with a long title
// fails, a dead end holds, two hints are used and the solution is long.
func troubledExercise(t testing.TB, lang lessons.Lang, w, h int) Model {
	t.Helper()
	m := midExercise(t, lang, w, h)
	m.exercise.ex.Solution = []string{
		"kubectl create deployment myapp --image=nginx --replicas=3",
		"kubectl annotate deployment/myapp kubernetes.io/change-cause='create myapp with three replicas of nginx for the first lesson' --overwrite",
	}
	m.progress.UseHint("2.1", 2)
	long := map[lessons.Lang]string{
		lessons.English:  "every Pod of the Deployment myapp runs the nginx image and carries the label app=myapp, as the template says",
		lessons.Japanese: "Deployment myappのすべてのPodがnginxイメージで動き、テンプレートのとおりapp=myappのラベルが付いている",
	}[lang]
	m.exercise.results = append([]check.Result{{ID: "template", Title: long, Status: check.Fail, Have: "1", Want: "3"}}, m.exercise.results...)
	m.exercise.deadEnds = []string{map[lessons.Lang]string{
		lessons.English:  "There is no Deployment myapp, but there is a Deployment myap: did you mean myapp? A name cannot be changed: create myapp, then delete myap.",
		lessons.Japanese: "Deployment myappはありませんが、Deployment myapがあります。myappのつもりでしたか？ 名前は変更できないので、myappを作ってからmyapを削除してください。",
	}[lang]}
	if w < twoColumnsFrom {
		m = press(m, "tab")
	}
	return m
}

func TestExerciseGoldenViews(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}, {200, 50}} {
		for _, lang := range lessons.Langs {
			suffix := string(lang) + "-" + strconv.Itoa(size.w) + "x" + strconv.Itoa(size.h)
			// The top: the dead end above the checks, one with a wrapped title.
			top := troubledExercise(t, lang, size.w, size.h)
			t.Run("exercise-top-"+suffix, func(t *testing.T) { golden(t, "exercise-top-"+suffix, top) })
			// The third hint and the solution, brought into view.
			solved := press(troubledExercise(t, lang, size.w, size.h), "h", "s")
			t.Run("exercise-solution-"+suffix, func(t *testing.T) { golden(t, "exercise-solution-"+suffix, solved) })
			plain := troubledExercise(t, lang, size.w, size.h)
			plain.opts.NoColor = true
			plain = press(plain, "h", "s")
			t.Run("exercise-nocolor-"+suffix, func(t *testing.T) { golden(t, "exercise-nocolor-"+suffix, plain) })
		}
	}
}

func TestADeadEndSeveralChecksReportIsShownOnce(t *testing.T) {
	got := distinct([]string{"no myapp, but myap", "gone", "no myapp, but myap", "gone", "other"})
	if want := []string{"no myapp, but myap", "gone", "other"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestHaveAndWantTooLongForOneLineStartLinesOfTheirOwn(t *testing.T) {
	for lang, want := range map[lessons.Lang][2]string{lessons.English: {"have web-1: env=dev", "want web-1: env=prod"}, lessons.Japanese: {"現在 web-1: env=dev", "目標 web-1: env=prod"}} {
		r := check.Result{ID: "env", Title: "both web Pods are labelled env=prod", Status: check.Fail, Have: "web-1: env=dev, web-2: env=dev", Want: "web-1: env=prod, web-2: env=prod"}
		lines := resultLines(r, 50, newStyles(true), lang)
		got := ansi.Strip(strings.Join(lines, "\n"))
		if !strings.Contains(got, "\n    "+want[0]) || !strings.Contains(got, "\n    "+want[1]) {
			t.Errorf("%s: have and want do not start lines of their own:\n%s", lang, got)
		}
	}
}

func TestTheShellKeyOffersToStartAnExerciseNotStarted(t *testing.T) {
	p := &progress.Progress{Version: 1, Last: progress.Position{Lesson: "shortest-intro", Exercise: "2.1"}}
	m := newModel(t, Options{Cluster: localCluster, Progress: p}, 140, 40)
	next, _ := m.Update(sessionMsg{ex: m.exercise.ex, err: workspace.ErrNotStarted})
	next, cmd := next.Update(keyMsg("!"))
	m = next.(Model)
	if m.overlay != confirmShellOverlay || cmd != nil || !strings.Contains(viewText(m), "namespace kz-2-1 does not exist yet") {
		t.Fatalf("! on an exercise not started did not ask to start it:\n%s", viewText(m))
	}
	if m = press(m, "n"); m.overlay != noOverlay || m.exercise.phase != notStarted || m.shellFor != nil {
		t.Fatal("answering no still started the exercise")
	}
	next, cmd = press(m, "!").Update(keyMsg("y"))
	m = next.(Model)
	if cmd == nil || m.exercise.phase != starting || m.shellFor != m.exercise.ex {
		t.Fatalf("answering yes did not start the exercise for the shell (phase %d)", m.exercise.phase)
	}
	// A start that fails opens no shell, now or at a later start.
	next, _ = m.Update(sessionMsg{ex: m.exercise.ex, started: true, err: errors.New("forbidden")})
	if m = next.(Model); m.shellFor != nil || m.exercise.phase != failed {
		t.Fatal("a failed start kept the shell waiting")
	}
}

func TestWithoutColourTheFocusedPaneIsDrawnHeavy(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}} {
		name := fmt.Sprintf("study-nocolor-%dx%d", size.w, size.h)
		m := midExercise(t, lessons.English, size.w, size.h)
		m.opts.NoColor = true
		lesson := viewText(m)
		if !strings.Contains(lesson, "┏━ ▶ lesson") {
			t.Errorf("%s: the focused lesson is not marked:\n%s", name, lesson)
		}
		m = press(m, "tab")
		t.Run(name, func(t *testing.T) { golden(t, name, m) })
		if s := viewText(m); !strings.Contains(s, "┏━ ▶ exercise") || strings.Contains(s, "▶ lesson") {
			t.Errorf("%s: after tab, the exercise is not the pane marked:\n%s", name, s)
		}
	}
}

func TestTheHelpOverWideCharactersCutsNoLine(t *testing.T) {
	m := press(midExercise(t, lessons.Japanese, 120, 40), "?")
	golden(t, "help-ja-120x40", m)
	for i, l := range strings.Split(viewText(m), "\n") {
		if strings.HasSuffix(l, "…") || ansi.StringWidth(l) != 120 {
			t.Errorf("line %d is cut or not 120 cells wide: %q", i, l)
		}
	}
}

func TestTheSandboxOfferReadsApartFromTheErrorAndKnowsABuiltSandbox(t *testing.T) {
	unused := func(context.Context, func(int, int)) (*kube.Target, error) { return nil, errors.New("unused") }
	m := newModel(t, Options{StartSandbox: unused}, 140, 40)
	next, _ := m.Update(sandboxDoneMsg{err: errors.New("dial tcp 127.0.0.1:6443: connect: connection refused")})
	s := viewText(next.(Model))
	if strings.Contains(s, "refused Press") || !strings.Contains(s, "connection refused.") {
		t.Fatalf("the error and the offer run together:\n%s", s)
	}
	if !strings.Contains(s, "about 10 minutes") {
		t.Fatalf("a sandbox not built does not say its build is long:\n%s", s)
	}
	built := newModel(t, Options{StartSandbox: unused, SandboxBuilt: true}, 140, 40)
	if s := viewText(built); strings.Contains(s, "10 minutes") || !strings.Contains(s, "built already") {
		t.Fatalf("a built sandbox is offered as if it had to be built:\n%s", s)
	}
}
