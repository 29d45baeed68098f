package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"kanzen.dev/kanzen/content"
	"kanzen.dev/kanzen/internal/progress"
	"kanzen.dev/kanzen/lessons"
)

// withProgress gives the command a fresh state directory whose progress
// file says the learner passed 2.1 and started 2.2.
func withProgress(t *testing.T, lang string) {
	t.Helper()
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	p := progress.New()
	p.Lang = lang
	started := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	p.MarkStarted("2.1", started)
	p.MarkPassed("2.1", started.Add(time.Minute))
	p.MarkStarted("2.2", started.Add(2*time.Minute))
	p.RecordQuiz("2", progress.QuizRun{Score: 15, Total: 20, Time: started})
	p.RecordQuiz("2", progress.QuizRun{Score: 18, Total: 20, Passed: true, Time: started.Add(time.Hour)})
	p.SetQuizCard("2/orchestrator", progress.QuizCard{Box: 1, Due: started, Last: progress.Missed, Answered: started})
	path, err := progress.DefaultPath()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := (progress.Store{Path: path}).Update(func(q *progress.Progress) { *q = *p }); err != nil {
		t.Fatal(err)
	}
}

func TestListShowsEveryExerciseWithProgress(t *testing.T) {
	withProgress(t, "")
	code, stdout, stderr := kanzen(t, "list", "-o", "json", "--lang", "en")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var o courseOutline
	if err := json.Unmarshal([]byte(stdout), &o); err != nil {
		t.Fatal(err)
	}
	course, err := lessons.Load(content.FS)
	if err != nil {
		t.Fatal(err)
	}
	status := map[string]string{}
	for _, ch := range o.Chapters {
		for _, l := range ch.Lessons {
			for _, ex := range l.Exercises {
				status[ex.ID] = ex.Status
			}
		}
	}
	if len(o.Chapters) != len(course.Chapters) || len(status) != len(course.AllExercises()) {
		t.Fatalf("%d chapters and %d exercises listed; the course has %d and %d", len(o.Chapters), len(status), len(course.Chapters), len(course.AllExercises()))
	}
	if status["2.1"] != "passed" || status["2.2"] != "started" || status["2.3"] != "new" {
		t.Errorf("statuses %v", status)
	}
	if o.Chapters[1].Passed != 1 {
		t.Errorf("chapter 2 counts %d passed, want 1", o.Chapters[1].Passed)
	}
	q := o.Chapters[1].Quiz
	if q == nil || q.Questions == 0 || q.PassMark != 0.8 || q.Due != 1 || q.Last == nil || q.Last.Score != 18 || q.Best.Score != 18 {
		t.Errorf("chapter 2's quiz: %+v", q)
	}
	if q := o.Chapters[0].Quiz; q == nil || q.Last != nil || q.Due != 0 {
		t.Errorf("chapter 1's quiz, never sat: %+v", q)
	}
}

func TestListSpeaksTheLearnersLanguage(t *testing.T) {
	withProgress(t, "ja")
	code, stdout, _ := kanzen(t, "list")
	if code != 0 || !strings.Contains(stdout, "✓ 2.1") || !strings.Contains(stdout, "› 2.2") || !strings.Contains(stdout, "・前回 18/20 合格・最高 18/20・復習1問") {
		t.Fatalf("exit %d:\n%s", code, stdout)
	}
	course, _ := lessons.Load(content.FS)
	if want := course.Chapters[1].Title.In(lessons.Japanese); !strings.Contains(stdout, want) {
		t.Errorf("the list is not in the language saved with L: no %q in\n%s", want, stdout)
	}
	if code, _, stderr := kanzen(t, "list", "-o", "yaml"); code != exitUsage || !strings.Contains(stderr, "want json") {
		t.Errorf("-o yaml: exit %d, %s", code, stderr)
	}
}

func TestLessonPrintsPlainMarkdownToAPipe(t *testing.T) {
	withProgress(t, "")
	course, _ := lessons.Load(content.FS)
	_, l := course.Find("2.3")
	for _, lang := range lessons.Langs {
		code, stdout, stderr := kanzen(t, "lesson", "2.3", "--lang", string(lang))
		if code != 0 || stdout != strings.TrimRight(l.Body.In(lang), "\n")+"\n" {
			t.Errorf("lesson 2.3 in %s: exit %d %s\n%s", lang, code, stderr, stdout)
		}
	}
	if code, _, stderr := kanzen(t, "lesson", "no-such-lesson"); code != exitUsage || !strings.Contains(stderr, `no lesson or exercise "no-such-lesson"`) {
		t.Errorf("unknown lesson: exit %d, %s", code, stderr)
	}
}

// TestLessonOnATerminalAsksItNothing prints a lesson to a terminal that
// answers no queries, as some do not: kanzen must write the lesson and no
// query, which would hold it back for seconds waiting for an answer.
func TestLessonOnATerminalAsksItNothing(t *testing.T) {
	terminal, learner := openPTY(t)
	screen := make(chan []byte)
	go func() {
		all, _ := io.ReadAll(terminal) // Ends with EIO once the learner's side closes.
		screen <- all
	}()
	code := Run([]string{"lesson", "2.1", "--lang", "en", "--width", "60"}, learner, learner, learner)
	learner.Close()
	shown := string(<-screen)
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, shown)
	}
	if !strings.Contains(shown, "kubectl") {
		t.Errorf("the lesson was not shown:\n%q", shown)
	}
	for _, query := range []string{"\x1b]11;?", "\x1b[c"} {
		if strings.Contains(shown, query) {
			t.Errorf("kanzen asked the terminal %q", query)
		}
	}
}

func TestBackgroundIsDarkUnlessCOLORFGBGSaysLight(t *testing.T) {
	for env, dark := range map[string]bool{"": true, "15;0": true, "0;15": false, "0;7": false, "0;default;15": false, "7;8": true, "junk": true} {
		if got := backgroundIsDark(env); got != dark {
			t.Errorf("COLORFGBG=%q: dark %v, want %v", env, got, dark)
		}
	}
}

// openPTY opens a pseudo-terminal: the terminal's side and the program's.
func openPTY(t *testing.T) (terminal, program *os.File) {
	t.Helper()
	terminal, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	t.Cleanup(func() { terminal.Close() })
	if err := unix.IoctlSetPointerInt(int(terminal.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Fatal(err)
	}
	n, err := unix.IoctlGetInt(int(terminal.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Fatal(err)
	}
	program, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { program.Close() })
	return terminal, program
}
