// Package tui is kanzen's Bubble Tea program: one root model; panes are plain
// structs it owns. Update does no IO: cluster, disk and shell work runs as
// commands whose results come back as messages.
package tui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"kanzen.dev/kanzen/internal/kube"
	"kanzen.dev/kanzen/internal/markdown"
	"kanzen.dev/kanzen/internal/progress"
	"kanzen.dev/kanzen/internal/quiz"
	"kanzen.dev/kanzen/lessons"
)

// StartSandbox builds (if needed) and starts kanzen's sandbox, reporting
// build progress, and returns the cluster it serves.
type StartSandbox func(ctx context.Context, report func(compiled, total int)) (*kube.Target, error)

// Options are what the program starts from.
type Options struct {
	Course *lessons.Course
	Lang   lessons.Lang
	// Cluster is the cluster exercises use; nil when there is none yet.
	Cluster *kube.Target
	// Progress is the learner's record; Store, when set, keeps it on disk.
	Progress *progress.Progress
	Store    *progress.Store
	// StartSandbox, when set, lets the learner start the sandbox from the TUI.
	StartSandbox StartSandbox
	// ShellDir holds the kubeconfigs of shells opened with "!".
	ShellDir string
	// Shell is the program "!" runs, usually $SHELL.
	Shell string
	// KubectlFor finds the kubectl for a cluster. The "!" shell puts its
	// directory first on PATH, so that the learner runs the kubectl kanzen
	// chose: on the sandbox, the sandbox's own. Nil leaves PATH as it is.
	KubectlFor func(*kube.Target) (string, error)
	NoColor    bool
	// Notices are shown in the footer at the start: what kanzen could not
	// use of the progress file, for example.
	Notices []error
	// Quizzes are the chapters' quizzes; Grader grades the answers that
	// need a cluster (nil: they are not graded, and say why).
	Quizzes []*quiz.Quiz
	Grader  *quiz.Grader
	// Now is the clock, for tests; time.Now when nil.
	Now func() time.Time
}

type screen int

const (
	homeScreen screen = iota
	studyScreen
	quizScreen
)

type overlay int

const (
	noOverlay overlay = iota
	helpOverlay
	confirmRemoteOverlay
	confirmResetOverlay
)

// step is one place in the course: a lesson, with one of its exercises when
// it has any. ←/→ walk the steps in order.
type step struct {
	chapter  *lessons.Chapter
	lesson   *lessons.Lesson
	exercise *lessons.Exercise
}

func stepsOf(c *lessons.Course) []step {
	var steps []step
	for i := range c.Chapters {
		ch := &c.Chapters[i]
		for j := range ch.Lessons {
			l := &ch.Lessons[j]
			if len(l.Exercises) == 0 {
				steps = append(steps, step{ch, l, nil})
			}
			for _, e := range l.Exercises {
				steps = append(steps, step{ch, l, e})
			}
		}
	}
	return steps
}

// Model is the root model.
type Model struct {
	opts          Options
	course        *lessons.Course
	steps         []step
	lang          lessons.Lang
	width, height int
	dark          bool
	screen        screen
	overlay       overlay
	homeCursor    int
	pos           int
	focusExercise bool
	lesson        lessonPane
	exercise      exercisePane
	// quiz is the sitting under way, if any; it stays open while the
	// learner reads a lesson from it.
	quiz     quizPane
	grader   *quiz.Grader
	cluster  clusterState
	sandbox  sandboxState
	progress *progress.Progress
	// drawn is what View laid out of this model; seen is what it laid
	// out of the model this Update started from.
	drawn, seen *drawnLayouts
	// notice is a message for the learner (an error, a saved file), shown
	// in the footer until the next key.
	notice string
}

// clusterState is what the status bar knows of the cluster.
type clusterState struct {
	target  *kube.Target
	version string
	err     error
	probed  bool
	// failures counts the probes in a row that found no answer; the TUI
	// keeps probing, less often as they add up.
	failures int
}

// sandboxState follows a sandbox being built and started from the TUI.
type sandboxState struct {
	running         bool
	compiled, total int
	err             error
}

// New builds the root model; it resumes at the learner's last position.
func New(opts Options) Model {
	lang := opts.Lang
	if lang == "" {
		lang = lessons.English
	}
	p := opts.Progress
	if p == nil {
		p = &progress.Progress{Version: 1}
	}
	m := Model{
		opts: opts, course: opts.Course, steps: stepsOf(opts.Course), lang: lang,
		width: 80, height: 24, dark: true, progress: p,
		cluster: clusterState{target: opts.Cluster},
		lesson:  lessonPane{renders: markdown.NewCache()},
		grader:  opts.Grader,
		drawn:   &drawnLayouts{},
	}
	m.notice = m.explain(opts.Notices)
	if i, ok := m.resumeStep(); ok {
		m.screen, m.pos = studyScreen, i
		m.exercise = exercisePane{ex: m.steps[i].exercise, phase: notStarted}
	}
	m.homeCursor = m.lessonIndex(m.pos)
	return m
}

// resumeStep finds the step the learner was last on.
func (m Model) resumeStep() (int, bool) {
	last := m.progress.Last
	if last.Lesson == "" {
		return 0, false
	}
	for i, s := range m.steps {
		if s.lesson.ID == last.Lesson && (s.exercise == nil || last.Exercise == "" || s.exercise.ID == last.Exercise) {
			return i, true
		}
	}
	return 0, false
}

// Init asks for the terminal's background, probes the cluster and, when
// resuming an exercise, looks for its namespace.
func (m Model) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, probeCluster(m.cluster.target, 0))
}

// now is the time by the model's clock.
func (m Model) now() time.Time {
	if m.opts.Now != nil {
		return m.opts.Now()
	}
	return time.Now()
}
func (m Model) styles() styles { return newStyles(m.dark) }

// clusterUsable says whether exercises can talk to the cluster now.
func (m Model) clusterUsable() bool {
	return m.cluster.target != nil && m.cluster.probed && m.cluster.err == nil
}

// clusterProblem explains why exercises cannot run, or is empty.
func (m Model) clusterProblem() string {
	switch {
	case m.sandbox.running:
		if m.sandbox.total > 0 {
			return buildingSandbox.In(m.lang) + progressBar(m.sandbox.compiled, m.sandbox.total, 12)
		}
		return startingSandbox.In(m.lang)
	case m.sandbox.err != nil:
		return m.sandbox.err.Error() + "\n" + m.sandboxOffer()
	case m.cluster.target == nil:
		return noClusterConfigured.In(m.lang) + m.sandboxOffer()
	case !m.cluster.probed:
		return connectingStatus.In(m.lang) + "…"
	case m.cluster.err != nil:
		return m.cluster.err.Error() + "\n" + keepTrying.In(m.lang)
	}
	return ""
}

// sandboxOffer offers kanzen's sandbox, but only where no cluster is
// configured at all: a configured cluster that does not answer is the
// learner's, and kanzen waits for it rather than start another.
func (m Model) sandboxOffer() string {
	if !m.sandboxOffered() {
		return ""
	}
	return offerSandbox.In(m.lang)
}

func (m Model) sandboxOffered() bool {
	return m.opts.StartSandbox != nil && m.cluster.target == nil
}
