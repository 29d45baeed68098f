package cli

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"kanzen.dev/kanzen/content"
	"kanzen.dev/kanzen/internal/check"
	"kanzen.dev/kanzen/internal/kube"
	"kanzen.dev/kanzen/internal/kubetest"
	"kanzen.dev/kanzen/internal/progress"
	"kanzen.dev/kanzen/internal/quiz"
	"kanzen.dev/kanzen/internal/workspace"
	"kanzen.dev/kanzen/lessons"
)

// kanzenWithInput runs one command line in-process with stdin.
func kanzenWithInput(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// chapterRun is the run kanzen quiz CHAPTER --seed seed makes.
func chapterRun(t *testing.T, chapter string, seed uint64) *quiz.Run {
	t.Helper()
	course, err := lessons.Load(content.FS)
	if err != nil {
		t.Fatal(err)
	}
	quizzes, err := quiz.Load(content.FS, course)
	if err != nil {
		t.Fatal(err)
	}
	z := quiz.Find(quizzes, chapter)
	if z == nil {
		t.Fatalf("chapter %s has no quiz", chapter)
	}
	return quiz.NewRun(z, seed)
}

// rightInput is what a learner who knows the answer types for a question,
// line by line. api answers discovery questions; without it they get a
// placeholder, since they are skipped.
func rightInput(a quiz.Asked, api func(string) check.APIResource) string {
	switch a.Type {
	case quiz.Single, quiz.Multiple:
		// Choices are shown shuffled: type where each right one is shown.
		var n []string
		for _, c := range a.Correct {
			n = append(n, fmt.Sprint(slices.Index(a.Shown, c)+1))
		}
		return strings.Join(n, " ") + "\n"
	case quiz.TrueFalse:
		return fmt.Sprintln(a.Truth)
	case quiz.Order:
		// Item i is shown at position pos: type the positions of items 0, 1, ...
		at := make([]string, len(a.Shown))
		for pos, item := range a.Shown {
			at[item] = fmt.Sprint(pos + 1)
		}
		return strings.Join(at, " ") + "\n"
	case quiz.Sort:
		var lines strings.Builder
		for _, i := range a.Shown {
			for c, cat := range a.Categories {
				if cat == a.Sorted[i].Category {
					fmt.Fprintln(&lines, c+1)
				}
			}
		}
		return lines.String()
	case quiz.Command:
		ex := strings.TrimRight(a.Examples[0], "\n") + "\n"
		if quiz.NeedsManifest(ex) {
			ex += ".\n"
		}
		return ex
	}
	if api == nil {
		return "x\n"
	}
	r := api(a.Resource)
	switch a.Ask {
	case quiz.AskNamespaced:
		return fmt.Sprintln(r.Namespaced)
	case quiz.AskShortNames:
		if len(r.ShortNames) == 0 {
			return "none\n"
		}
		return r.ShortNames[0] + "\n"
	case quiz.AskGroup:
		if r.Group == "" {
			return "core\n"
		}
		return r.Group + "\n"
	case quiz.AskVersion:
		return r.Version + "\n"
	}
	return r.Kind + "\n"
}

// wrongInput answers a choice question wrongly.
func wrongInput(a quiz.Asked) string {
	right := strings.Fields(rightInput(a, nil))
	for i := range a.Choices {
		if !slices.Contains(right, fmt.Sprint(i+1)) {
			return fmt.Sprintln(i + 1)
		}
	}
	panic("no wrong choice")
}

// noCluster points kanzen at a kubeconfig that does not exist and a state
// directory of the test's own, where no sandbox runs.
func noCluster(t *testing.T) string {
	t.Helper()
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	t.Setenv("KUBECONFIG", filepath.Join(t.TempDir(), "none"))
	return state
}

func TestQuizChapter4WithoutACluster(t *testing.T) {
	noCluster(t)
	const seed = 7
	r := chapterRun(t, "4", seed)
	var input strings.Builder
	var missed quiz.Asked
	local, commands := 0, 0
	for _, q := range r.Questions() {
		a, _ := r.Next()
		switch {
		case missed.Question == nil && a.Type == quiz.Single:
			missed = a
			input.WriteString(wrongInput(a))
		case a.Type == quiz.Command && commands == 0:
			// A refused answer is explained and the question asked again.
			input.WriteString("kubectl get pods | head\nkubectl -n default run web\n" + rightInput(a, nil))
		default:
			input.WriteString(rightInput(a, nil))
		}
		if !q.NeedsCluster() {
			local++
		}
		if a.Type == quiz.Command {
			commands++
		}
		r.Record(quiz.Verdict{})
	}
	code, stdout, stderr := kanzenWithInput(t, input.String(), "quiz", "4", "--seed", fmt.Sprint(seed), "--lang", "en")
	skipped := len(r.Questions()) - local
	for _, want := range []string{
		fmt.Sprintf("Chapter 4 · API resources and kubectl — %d questions, pass mark 80%%", len(r.Questions())),
		"! | is a pipe, which only a shell understands",
		"! leave out -n: kanzen chooses the cluster",
		"· not graded: this question needs a cluster, and there is none (no cluster configured",
		"Answer: for example: kubectl ",
		"✗ Not quite.",
		"Lesson: ",
		fmt.Sprintf("Score: %d of %d right (%d%%) · %d not graded\nPass mark 80%%: passed ✓", local-1, local, int(100*float64(local-1)/float64(local)+0.5), skipped),
		"1 missed went to review (kanzen quiz --review)",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("the transcript lacks %q", want)
		}
	}
	if code != 0 || t.Failed() {
		t.Fatalf("exit %d, stderr %s\n%s", code, stderr, stdout)
	}
	if n := strings.Count(stdout, "✓ Right."); n != local-1 {
		t.Errorf("%d right answers, want %d", n, local-1)
	}

	store, _, _ := openProgress()
	p, err := store.Load()
	if err != nil {
		t.Fatal(err)
	}
	res, ok := p.QuizResults("4")
	if !ok || res.Last.Score != local-1 || res.Last.Total != local || !res.Last.Passed {
		t.Fatalf("saved results %+v", res)
	}
	if c := p.QuizCard(missed.Key()); c.Box != 1 || c.Last != progress.Missed {
		t.Fatalf("the missed question's card: %+v", c)
	}

	code, stdout, _ = kanzenWithInput(t, "", "quiz", "--lang", "en")
	if want := fmt.Sprintf("4  API resources and kubectl — %d questions · last %d/%d passed · best %d/%d · 1 to review", len(r.Questions()), local-1, local, local-1, local); code != 0 || !strings.Contains(stdout, want) {
		t.Errorf("the list: exit %d, want %q in\n%s", code, want, stdout)
	}

	reviewed, _ := quiz.NewReview([]*quiz.Question{missed.Question}, seed).Next()
	code, stdout, _ = kanzenWithInput(t, rightInput(reviewed, nil), "quiz", "--review", "--seed", fmt.Sprint(seed), "--lang", "en")
	if code != 0 || !strings.Contains(stdout, "Questions due for review: 1") || !strings.Contains(stdout, "✓ Right.") || !strings.Contains(stdout, "Score: 1 of 1 right (100%)") {
		t.Errorf("review: exit %d\n%s", code, stdout)
	}
	p, _ = store.Load()
	if c := p.QuizCard(missed.Key()); c.Box != 2 || c.Last != progress.Correct {
		t.Errorf("after the review the card is %+v, want box 2", c)
	}
	if res, _ := p.QuizResults("4"); res.Last.Score != local-1 {
		t.Errorf("a review changed the chapter's score: %+v", res)
	}
	code, stdout, _ = kanzenWithInput(t, "", "quiz", "--review", "--lang", "en")
	if code != 0 || !strings.Contains(stdout, "Nothing is due for review") {
		t.Errorf("a second review: exit %d\n%s", code, stdout)
	}
}

func TestQuizInJapaneseAndWhenTheInputEnds(t *testing.T) {
	noCluster(t)
	r := chapterRun(t, "3", 1)
	a, _ := r.Next()
	code, stdout, stderr := kanzenWithInput(t, "nonsense\n"+rightInput(a, nil), "quiz", "3", "--seed", "1", "--lang", "ja")
	ended := fmt.Sprintf("the input ended after 1 of %d questions", len(r.Questions()))
	if code != exitFailure || !strings.Contains(stderr, ended) {
		t.Errorf("exit %d, stderr %s", code, stderr)
	}
	for _, want := range []string{"第3章", "正解です。", "スコア：1問中1問正解（100%）"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("the transcript lacks %q:\n%s", want, stdout)
		}
	}
	store, _, _ := openProgress()
	if p, _ := store.Load(); p.QuizCard("3/"+a.ID).Last != progress.Correct {
		t.Error("the answer before the input ended was not saved")
	}
	if _, ok := mustLoad(t, store).QuizResults("3"); ok {
		t.Error("an unfinished quiz recorded a score")
	}
}

func mustLoad(t *testing.T, store progress.Store) *progress.Progress {
	t.Helper()
	p, err := store.Load()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestQuizUsageErrors(t *testing.T) {
	noCluster(t)
	for _, args := range [][]string{{"quiz", "9"}, {"quiz", "1", "2"}, {"quiz", "1", "--lang", "fr"}} {
		if code, _, stderr := kanzenWithInput(t, "", args...); code != exitUsage {
			t.Errorf("kanzen %v: exit %d, %s", args, code, stderr)
		}
	}
}

// TestQuizOnAnUnreachableCluster skips the command questions with why;
// the guard before the scratch namespace is made is tested with the quiz
// package's live tests, since a reachable test cluster always looks local.
func TestQuizOnAnUnreachableCluster(t *testing.T) {
	noCluster(t)
	config := kubeconfigFor(t, "prod", "https://k8s.example.invalid:6443")
	r := chapterRun(t, "4", 3)
	var input strings.Builder
	for {
		a, ok := r.Next()
		if !ok {
			break
		}
		input.WriteString(rightInput(a, nil))
		r.Record(quiz.Verdict{})
		if a.Type == quiz.Command {
			break
		}
	}
	_, stdout, _ := kanzenWithInput(t, input.String(), "quiz", "4", "--seed", "3", "--lang", "en", "--kubeconfig", config)
	if !strings.Contains(stdout, "· not graded: the cluster does not answer: reading namespace kz-quiz: Get") {
		t.Errorf("the command question on an unreachable cluster:\n%s", stdout)
	}
}

// TestQuizChapter4OnALiveCluster answers every question of chapter 4 right,
// commands and discovery included, graded by the test cluster.
func TestQuizChapter4OnALiveCluster(t *testing.T) {
	c := kubetest.Get(t)
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	ctx := context.Background()
	scratch := workspace.ScratchNamespace
	if _, err := c.Client.CoreV1().Namespaces().Get(ctx, scratch, metav1.GetOptions{}); apierrors.IsNotFound(err) {
		t.Cleanup(func() { c.Client.CoreV1().Namespaces().Delete(ctx, scratch, metav1.DeleteOptions{}) })
	}
	target, err := kube.Load(kube.Options{Kubeconfig: c.Kubeconfig})
	if err != nil {
		t.Fatal(err)
	}
	g := &quiz.Grader{Target: target}
	api := func(resource string) check.APIResource {
		r, ok, err := g.Resource(ctx, resource)
		if err != nil || !ok {
			t.Fatalf("resource %s: %v", resource, err)
		}
		return r
	}
	const seed = 11
	r := chapterRun(t, "4", seed)
	var input strings.Builder
	for {
		a, ok := r.Next()
		if !ok {
			break
		}
		input.WriteString(rightInput(a, api))
		r.Record(quiz.Verdict{})
	}
	n := len(r.Questions())
	code, stdout, stderr := kanzenWithInput(t, input.String(), "quiz", "4", "--seed", fmt.Sprint(seed), "--lang", "en", "--kubeconfig", c.Kubeconfig)
	want := fmt.Sprintf("Score: %d of %d right (100%%)\nPass mark 80%%: passed ✓", n, n)
	if code != 0 || !strings.Contains(stdout, want) || strings.Contains(stdout, "not graded") {
		t.Fatalf("exit %d, stderr %s, want %q in\n%s", code, stderr, want, stdout)
	}
	if !strings.Contains(stdout, "✓ it makes a ") {
		t.Errorf("command answers show no checks:\n%s", stdout)
	}
}
